/* robust_fuzz_regress.c — replays the fuzz harnesses of tests/fuzz/ without
 * libFuzzer, on every `make test` (and under ASan in `make check-asan`):
 *   - every file of tests/fuzz/regress/TARGET/ (inputs that once crashed,
 *     each named after what broke);
 *   - the seed inputs: corpus texts (normalize, extract), patterns files
 *     (rules), corpus texts as JSON Lines (jsonl).
 * A harness invariant that fails aborts with the file name printed first.
 * Run from the repository root (tests/run.sh does). */
#include <dirent.h>
#include <stdlib.h>
#include "tap.h"

#define LLVMFuzzerTestOneInput fuzz_normalize_one
#include "../fuzz/fuzz_normalize.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_numbers_one
#include "../fuzz/fuzz_numbers.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_rules_one
#include "../fuzz/fuzz_rules.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_jsonl_one
#include "../fuzz/fuzz_jsonl.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_extract_one
#include "../fuzz/fuzz_extract.c"
#undef LLVMFuzzerTestOneInput

typedef int (*one_fn)(const uint8_t *, size_t);

static unsigned char *slurp_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    ix_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) ix_buf_put(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return (unsigned char *)ix_buf_take(&b);
}

static void run_one(const char *target, one_fn fn, const char *path)
{
    size_t len;
    unsigned char *p = slurp_file(path, &len);
    CHECK(p != NULL, "cannot read %s", path);
    if (!p) return;
    fprintf(stderr, "# %s %s\n", target, path);
    fflush(stderr);
    CHECK(fn(p, len) == 0, "%s %s", target, path);
    free(p);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every file of DIR (sorted) whose name ends with SUFFIX ("" = all). */
static size_t run_dir(const char *target, one_fn fn, const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name), sl = strlen(suffix);
        if (de->d_name[0] == '.' || l < sl || strcmp(de->d_name + l - sl, suffix)) continue;
        names = ix_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = ix_xstrdup(de->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmpstr);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        run_one(target, fn, path);
        free(names[i]);
    }
    free(names);
    return n;
}

/* The corpus texts as one JSON Lines dump, through the jsonl harness. */
static void run_corpus_as_jsonl(void)
{
    DIR *d = opendir("corpus");
    if (!d) return;
    ix_buf dump = {0};
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 4 || strcmp(de->d_name + l - 4, ".txt")) continue;
        char path[4096];
        snprintf(path, sizeof path, "corpus/%s", de->d_name);
        size_t len;
        unsigned char *p = slurp_file(path, &len);
        if (!p) continue;
        json_t *o = json_pack("{s:s,s:s%}", "id", de->d_name, "text", (const char *)p, len);
        char *j = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (j) { ix_buf_puts(&dump, j); ix_buf_putc(&dump, '\n'); }
        free(j);
        json_decref(o);
        free(p);
    }
    closedir(d);
    fprintf(stderr, "# jsonl corpus-as-dump\n");
    CHECK(fuzz_jsonl_one((const uint8_t *)dump.s, dump.len) == 0, "corpus as a dump");
    ix_buf_free(&dump);
}

int main(void)
{
    static const struct { const char *name; one_fn fn; } targets[] = {
        {"normalize", fuzz_normalize_one}, {"numbers", fuzz_numbers_one}, {"rules", fuzz_rules_one},
        {"jsonl", fuzz_jsonl_one}, {"extract", fuzz_extract_one},
    };
    size_t nreg = 0;
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char dir[256];
        snprintf(dir, sizeof dir, "tests/fuzz/regress/%s", targets[t].name);
        nreg += run_dir(targets[t].name, targets[t].fn, dir, "");
    }
    CHECK(nreg > 0, "no regression inputs found (run from the repository root)");
    CHECK(run_dir("normalize", fuzz_normalize_one, "corpus", ".txt") > 0, "no corpus");
    run_dir("extract", fuzz_extract_one, "corpus", ".txt");
    run_dir("rules", fuzz_rules_one, "patterns", ".pat");
    run_corpus_as_jsonl();
    if (fzx_scratch) ix_scratch_free(fzx_scratch);
    if (fzx_scratch_nopf) ix_scratch_free(fzx_scratch_nopf);
    return DONE();
}
