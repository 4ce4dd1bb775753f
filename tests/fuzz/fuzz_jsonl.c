/* fuzz_jsonl.c — libFuzzer harness for the JSON Lines reader (source.c).
 *
 * The input is written to a private file dump.jsonl and read back as a
 * dump with a small --max-doc-bytes (the first byte picks it), so the
 * too-long-line path is reached too. Every document must come out with an
 * id and a source, and either an error or its text (within the limit). */
#include <unistd.h>
#include "fuzz_common.h"

static char fzj_path[96];
static char fzj_dir[64];

static void fzj_cleanup(void)
{
    unlink(fzj_path);
    rmdir(fzj_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fzj_path[0]) {
        snprintf(fzj_dir, sizeof fzj_dir, "/tmp/inspex-fuzz-jsonl.XXXXXX");
        if (!mkdtemp(fzj_dir)) abort();
        snprintf(fzj_path, sizeof fzj_path, "%s/dump.jsonl", fzj_dir);
        atexit(fzj_cleanup);
    }
    size_t max = size ? (size_t)data[0] * 16 : 0;    /* 0 = no limit */
    FILE *f = fopen(fzj_path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    if (fclose(f) != 0) abort();
    ix_source_opts so = {.kind = IX_INPUT_JSONL, .max_doc_bytes = max};
    const char *paths[1] = {fzj_path};
    ix_source *src = ix_source_new(paths, 1, &so);
    ix_input *in;
    size_t n = 0;
    while ((in = ix_source_next(src))) {
        FZ_CHECK(in->doc && in->source, "document without id or source");
        if (in->error) FZ_CHECK(in->error[0], "empty error message");
        else {
            FZ_CHECK(in->bytes || in->len == 0, "no text and no error");
            FZ_CHECK(!max || in->len <= max, "text of %zu bytes over the limit %zu", in->len, max);
        }
        ix_input_free(in);
        n++;
        FZ_CHECK(n <= size + 1, "more documents than lines");
    }
    ix_source_free(src);
    return 0;
}
