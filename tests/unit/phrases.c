/* phrases.c — ix_regex_phrases (a trie-shaped alternation) finds exactly
 * what the plain alternation sorted longest first finds: same matches at
 * the same places, over the council gazetteer's surface forms and random
 * phrase sets with shared prefixes, UTF-8 and regex metacharacters; and,
 * as the "words" directive uses it (space and hyphen alike, in any case),
 * what that directive's alternation with "[ -]" finds. */
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

static const char *const ESC = "\\^$.|?*+()[]{}/&";

static int bylen(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

static pcre2_code *compile(const char *re)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &eo, NULL);
    if (c) pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    return c;
}

/* All non-overlapping matches of re in text as "a-b;..." */
static char *matches(pcre2_code *re, const char *text)
{
    ix_buf b = {0};
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    size_t len = strlen(text), off = 0;
    while (off <= len) {
        if (pcre2_match(re, (PCRE2_SPTR)text, len, off, 0, md, NULL) < 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        char t[64];
        snprintf(t, sizeof t, "%zu-%zu;", (size_t)ov[0], (size_t)ov[1]);
        ix_buf_puts(&b, t);
        off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    pcre2_match_data_free(md);
    ix_buf_put(&b, "", 0);                 /* NUL-terminated even when empty */
    return ix_buf_take(&b);
}

/* The alternation the trie stands for (phrases longest first, ESC escaped;
 * with IX_PHRASES_SPACE_DASH space and hyphen as "[ -]", with
 * IX_PHRASES_CASELESS all in (?i:...), as the words directive wrote it
 * before the trie) against ix_regex_phrases(flags): same matches in text. */
static void compare(char **w, size_t n, const char *text, unsigned flags, const char *what)
{
    char **s = malloc(n * sizeof *s);
    memcpy(s, w, n * sizeof *s);
    qsort(s, n, sizeof *s, bylen);
    const char *open = flags & IX_PHRASES_CASELESS ? "(?<![\\w-])(?i:" : "(?<![\\w-])(?:";
    ix_buf plain = {0}, trie = {0};
    ix_buf_puts(&plain, open);
    ix_buf_puts(&plain, "(?:");
    for (size_t i = 0; i < n; i++) {
        if (i) ix_buf_putc(&plain, '|');
        for (const char *p = s[i]; *p; p++) {
            if ((flags & IX_PHRASES_SPACE_DASH) && (*p == ' ' || *p == '-')) { ix_buf_puts(&plain, "[ -]"); continue; }
            if (strchr(ESC, *p)) ix_buf_putc(&plain, '\\');
            ix_buf_putc(&plain, *p);
        }
    }
    ix_buf_puts(&plain, "))(?![\\w-])");
    ix_buf_puts(&trie, open);
    ix_regex_phrases(&trie, (const char *const *)w, n, ESC, flags);
    ix_buf_puts(&trie, ")(?![\\w-])");
    pcre2_code *a = compile(plain.s), *b = compile(trie.s);
    CHECK(a && b, "%s: both compile (trie: %.200s)", what, trie.s);
    if (a && b) {
        char *ma = matches(a, text), *mb = matches(b, text);
        CHECK(!strcmp(ma, mb), "%s %s: alternation %s, trie %s", what, trie.s, ma, mb);
        free(ma);
        free(mb);
    }
    pcre2_code_free(a);
    pcre2_code_free(b);
    ix_buf_free(&plain);
    ix_buf_free(&trie);
    free(s);
}

/* One random round: 1..maxw phrases of 1..5 symbols of sym (the first
 * from sym[0..first), the last of two or more from sym[0..last), the others
 * from all nsym), over a text of 200 symbols from all of them. */
static void random_round(const char *const *sym, int nsym, int first, int last, int maxw, unsigned flags,
                         const char *what)
{
    char *w[16];
    size_t n = 1 + (size_t)(rand() % maxw);
    for (size_t i = 0; i < n; i++) {
        ix_buf b = {0};
        int l = 1 + rand() % 5;
        for (int k = 0; k < l; k++) ix_buf_puts(&b, sym[rand() % (k == 0 ? first : k == l - 1 ? last : nsym)]);
        ix_buf_grow(&b, 0);
        w[i] = ix_buf_take(&b);
    }
    ix_buf text = {0};
    for (int k = 0; k < 200; k++) ix_buf_puts(&text, sym[rand() % nsym]);
    ix_buf_grow(&text, 0);
    compare(w, n, text.s, flags, what);
    ix_buf_free(&text);
    for (size_t i = 0; i < n; i++) free(w[i]);
}

int main(void)
{
    ix_buf out = {0};
    const char *one[] = {"Hull", "Hull City Council", "Hull City"};
    ix_regex_phrases(&out, one, 3, ESC, 0);
    ix_buf_grow(&out, 0);
    CHECK(!strcmp(out.s, "(?:Hull(?: City(?: Council)?)?)"), "shape: %s", out.s);
    ix_buf_free(&out);

    /* the gazetteer's own surface forms over the corpus */
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "load: %s", e.msg);
    const ix_table *t = r ? ix_rules_table(r, "councils") : NULL;
    if (t) {
        ix_buf text = {0};
        for (size_t i = 0; i < t->n; i++) {      /* every surface, in and out of context */
            ix_buf_puts(&text, t->key[i]);
            ix_buf_puts(&text, i % 3 ? " and " : "-x ");
            ix_buf_puts(&text, t->key[i] + (i % 4));
            ix_buf_puts(&text, " Council said. ");
        }
        ix_buf_grow(&text, 0);
        compare(t->key, t->n, text.s, 0, "gazetteer");
        ix_buf_free(&text);
    }
    ix_rules_free(r);

    /* random phrase sets over a small alphabet: many shared prefixes */
    static const char *const sym[] = {"a", "b", " ", "-", "\xc3\xa9", ".", "(", "&"};
    srand(11);
    for (int round = 0; round < 300; round++) random_round(sym, 8, 2, 8, 12, 0, "random");
    /* as the words directive: space/hyphen alike, case folded under -i */
    ix_buf_puts(&out, "");
    const char *two[] = {"One-off", "one off", "ONE"};
    ix_regex_phrases(&out, two, 3, ESC, IX_PHRASES_SPACE_DASH | IX_PHRASES_CASELESS);
    ix_buf_grow(&out, 0);
    CHECK(!strcmp(out.s, "(?:one(?:[ -]off)?)"), "words shape: %s", out.s);
    ix_buf_free(&out);
    static const char *const wsym[] = {"a", "A", "b", " ", "-"};
    for (int round = 0; round < 300; round++)
        random_round(wsym, 5, 3, 3, 10, IX_PHRASES_SPACE_DASH | (round % 2 ? IX_PHRASES_CASELESS : 0),
                     round % 2 ? "words -i" : "words");
    return DONE();
}
