/* cmd_tokens.c — `inspex tokens`: what the tokenizer sees, with offsets. */
#include <stdlib.h>
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: inspex tokens [--patterns DIR] FILE|-\n"
        "\n"
        "Prints one JSON line per paragraph, sentence and token of the document,\n"
        "with [start, end) byte offsets into the original bytes:\n"
        "  {\"para\":0,\"span\":[0,61],\"boilerplate\":false}\n"
        "  {\"sent\":0,\"para\":0,\"span\":[0,61],\"text\":\"...\"}\n"
        "  {\"tok\":\"Rotherham\",\"kind\":\"word\",\"sent\":0,\"span\":[0,9]}\n");
}

int cmd_tokens(int argc, char **argv)
{
    const char *patterns = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); return 0; }
        if (!strcmp(argv[i], "--patterns") && i + 1 < argc) patterns = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "inspex tokens: unknown option '%s'\n", argv[i]); return 2; }
        else if (path) { fprintf(stderr, "inspex tokens: one document at a time\n"); return 2; }
        else path = argv[i];
    }
    if (!path) { usage(stderr); return 2; }
    ix_rules *r = cli_load_rules(patterns);
    if (!r) return 2;
    ix_source_opts so = {.kind = IX_INPUT_TEXT};
    const char *paths[1] = {path};
    ix_source *src = ix_source_new(paths, 1, &so);
    ix_input *in = ix_source_next(src);
    int rc = 0;
    ix_err e = {{0}};
    if (!in || in->error) {
        fprintf(stderr, "inspex tokens: %s: %s\n", path, in ? in->error : "no document");
        rc = 1;
    } else if (ix_tokens_dump(r, in, stdout, &e) < 0) {
        fprintf(stderr, "inspex tokens: %s: %s\n", path, e.msg);
        rc = 1;
    }
    ix_input_free(in);
    ix_source_free(src);
    ix_rules_free(r);
    if (fflush(stdout) != 0 || ferror(stdout)) { fprintf(stderr, "inspex tokens: write error\n"); return 3; }
    return rc;
}
