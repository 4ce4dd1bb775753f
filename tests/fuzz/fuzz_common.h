/* fuzz_common.h — what every libFuzzer harness in tests/fuzz/ shares.
 *
 * Each harness defines LLVMFuzzerTestOneInput (and usually
 * LLVMFuzzerInitialize) and checks invariants of the stage it drives with
 * FZ_CHECK, which aborts so libFuzzer keeps the input as a crash. The same
 * harness files are compiled, without libFuzzer, into the unit test
 * tests/unit/robust_fuzz_regress.c, which replays tests/fuzz/regress/ and
 * the seed corpus on every `make test`.
 *
 * The rules come from $INSPEX_PATTERNS, else ./patterns (the harnesses are
 * run from the repository root).
 */
#ifndef IX_FUZZ_COMMON_H
#define IX_FUZZ_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include "internal.h"

#define FZ_CHECK(cond, ...) do { \
    if (!(cond)) { \
        fprintf(stderr, "fuzz invariant failed at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
        fprintf(stderr, __VA_ARGS__); \
        fputc('\n', stderr); \
        abort(); \
    } \
} while (0)

/* The project's rules, loaded once per process (read-only afterwards). */
static inline ix_rules *fz_rules(void)
{
    static ix_rules *r;
    if (!r) {
        const char *dir = getenv("INSPEX_PATTERNS");
        ix_err e = {{0}};
        r = ix_rules_load(dir && *dir ? dir : "patterns", &e);
        if (!r) { fprintf(stderr, "fuzz: cannot load rules: %s\n", e.msg); abort(); }
    }
    return r;
}

/* The same rules loaded with the literal prefilter switched off
 * (INSPEX_NO_PREFILTER), for differential checks: the prefilter may only
 * skip work, never change a result. */
static inline ix_rules *fz_rules_noprefilter(void)
{
    static ix_rules *r;
    if (!r) {
        const char *dir = getenv("INSPEX_PATTERNS");
        ix_err e = {{0}};
        setenv("INSPEX_NO_PREFILTER", "1", 1);
        r = ix_rules_load(dir && *dir ? dir : "patterns", &e);
        unsetenv("INSPEX_NO_PREFILTER");
        if (!r) { fprintf(stderr, "fuzz: cannot load rules: %s\n", e.msg); abort(); }
    }
    return r;
}

/* Is [p, p+n) valid UTF-8 (no surrogates, no overlongs)? */
static inline int fz_valid_utf8(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) { i++; continue; }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c == 0xE0) { need = 2; lo = 0xA0; }
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
        else if (c == 0xED) { need = 2; hi = 0x9F; }
        else if (c == 0xF0) { need = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) need = 3;
        else if (c == 0xF4) { need = 3; hi = 0x8F; }
        else return 0;
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= n) return 0;
            unsigned b = p[i + k];
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
        }
        i += need + 1;
    }
    return 1;
}

#endif
