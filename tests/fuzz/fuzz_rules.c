/* fuzz_rules.c — libFuzzer harness for the rule-file parser (rules.c).
 *
 * The input becomes fuzz.pat in a private folder next to small tables
 * (numbers, abbreviations, a three-authority gazetteer) and the folder is
 * loaded with ix_rules_load. A load either succeeds or fails with a
 * "FILE:LINE:COL: message" naming fuzz.pat; a loaded rule set is listed,
 * exported and has its examples run through the whole extractor, with the
 * literal prefilter derived from the fuzzed regexes and without it: the
 * example results must be the same (the prefilter may only skip work). */
#include <unistd.h>
#include "fuzz_common.h"

static char fzr_dir[64];
static char fzr_pat[96];

static void fzr_write(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", fzr_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) { perror(path); abort(); }
}

static void fzr_cleanup(void)
{
    const char *names[] = {"fuzz.pat", "numbers.tsv", "abbreviations.tsv", "councils.tsv"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", fzr_dir, names[i]);
        unlink(path);
    }
    rmdir(fzr_dir);
}

static void fzr_setup(void)
{
    if (fzr_dir[0]) return;
    snprintf(fzr_dir, sizeof fzr_dir, "/tmp/inspex-fuzz-rules.XXXXXX");
    if (!mkdtemp(fzr_dir)) { perror("mkdtemp"); abort(); }
    atexit(fzr_cleanup);
    snprintf(fzr_pat, sizeof fzr_pat, "%s/fuzz.pat", fzr_dir);
    fzr_write("numbers.tsv", "one\t1\ntwo\t2\nthree\t3\nten\t10\ntwenty\t20\nhundred\tx100\n"
                             "thousand\tx1000\nhalf\t/2\nquarter\t/4\nquarters\t/4\n");
    fzr_write("abbreviations.tsv", "Mr\nDr\ne.g\n");
    fzr_write("councils.tsv",
              "Rotherham\tRotherham\tE08000018\tcurrent\tbare\t-\n"
              "Rotherham Council\tRotherham\tE08000018\tcurrent\tstrong\t-\n"
              "Bury\tBury\tE08000002\tcurrent\tbare\tw\n"
              "Kent\tKent\tE10000016\tcurrent\tbare\t-\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fzr_setup();
    FILE *f = fopen(fzr_pat, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    if (fclose(f) != 0) abort();
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load(fzr_dir, &e);
    if (!r) {
        FZ_CHECK(e.msg[0], "load failed without a message");
        return 0;
    }
    FILE *null = fopen("/dev/null", "w");
    ix_rules_list(r, null);
    ix_rules_export_regex(r, null);
    fclose(null);
    char *out1 = NULL, *out2 = NULL;
    size_t len1 = 0, len2 = 0;
    FILE *m1 = open_memstream(&out1, &len1);
    int np1 = 0, nf1 = ix_rules_test(r, m1, &np1);
    fclose(m1);
    ix_rules_free(r);
    setenv("INSPEX_NO_PREFILTER", "1", 1);
    ix_rules *r2 = ix_rules_load(fzr_dir, &e);
    unsetenv("INSPEX_NO_PREFILTER");
    FZ_CHECK(r2 != NULL, "loads with the prefilter but not without: %s", e.msg);
    FILE *m2 = open_memstream(&out2, &len2);
    int np2 = 0, nf2 = ix_rules_test(r2, m2, &np2);
    fclose(m2);
    FZ_CHECK(nf1 == nf2 && np1 == np2 && len1 == len2 && !memcmp(out1, out2, len1),
             "rule examples differ with the prefilter (%d passed, %d failed) and without (%d, %d):\n%s\n---\n%s",
             np1, nf1, np2, nf2, out1, out2);
    free(out1);
    free(out2);
    ix_rules_free(r2);
    return 0;
}
