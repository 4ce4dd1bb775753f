/* main.c — argv -> subcommand -> exit status. The only place, with the
 * cmd_*.c files, that prints or exits.
 *
 * Exit status: 0 all good; 1 some documents had errors (error records were
 * written, the rest processed) or a check failed; 2 usage error; 3 the
 * output could not be written. */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "cli.h"

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *what;
} commands[] = {
    {"extract", cmd_extract, "extract records from articles (JSON Lines out)"},
    {"tokens", cmd_tokens, "show paragraphs, sentences and tokens with byte offsets"},
    {"rules", cmd_rules, "check, test, list or export the rules in patterns/"},
    {"audit", cmd_audit, "check records against their sources and each other (summary, JSON, HTML)"},
    {"export", cmd_export, "stored records (SQLite or JSON Lines) out as CSV files or JSON Lines"},
};

static void usage(FILE *f)
{
    fprintf(f,
        "usage: inspex COMMAND [OPTIONS] [INPUT...]\n"
        "\n"
        "inspex reads articles about Ofsted inspections of English councils'\n"
        "children's services and writes what they state as records you can trace\n"
        "back to the exact bytes: rating counts, council ratings, quotations with\n"
        "their speakers, and the councils named.\n"
        "\n"
        "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].what);
    fprintf(f,
        "\n"
        "Run 'inspex COMMAND --help' for a command's options.\n"
        "Options for every command: --help, --version.\n"
        "\n"
        "Exit status: 0 all good; 1 some documents had errors or a check failed;\n"
        "2 usage error; 3 output could not be written.\n");
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__) && !defined(IX_ALLOC_jemalloc)
    /* Built with glibc's malloc (make ALLOC=): buffers of 1 MB and more (a large document's parts: normalised text,
     * offset maps, sentences) are mapped and unmapped each time. By default
     * glibc raises its mmap threshold to the largest buffer freed, after
     * which such buffers come from the heap and fragment it: a 500 MB
     * document grew to 627 MB where 513 MB suffice. */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    /* Setting the mmap threshold also freezes the trim threshold at 128 KB:
     * loading the rules (JIT compiles free what they allocate) and each
     * document then gave memory back to the kernel and faulted it in
     * again, a third of the start-up time. Free memory up to 4 MB stays. */
    mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
    if (argc < 2) { usage(stderr); return 2; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) { usage(stdout); return 0; }
    if (!strcmp(argv[1], "--version")) { printf("inspex %s\n", IX_VERSION); return 0; }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "inspex: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
