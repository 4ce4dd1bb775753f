/* segment.c — normalised text -> paragraphs -> sentences -> tokens.
 *
 * Consumes ix_doc.text (paragraphs separated by '\n'). Produces ix_doc.paras
 * and ix_doc.sents (normalised offsets) and the token count; ix_tokenize
 * walks tokens on demand, so no token array is ever stored.
 *
 * A sentence ends at . ! ? (and runs of them) followed by optional closing
 * quotes/brackets, a space and a character that is not a lower-case letter,
 * unless the word before the full stop is an abbreviation (patterns/
 * abbreviations.tsv) or an initial. So a sentence that ends inside a quotation
 * (`... deserve." Next`) ends after the closing mark, and `"Why?" he asked`
 * stays one sentence.
 */
#include <stdlib.h>
#include <utf8proc.h>
#include "internal.h"

static bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

static bool is_abbrev(const ix_table *abbr, const char *s, size_t a, size_t dot)
{
    size_t w = dot;
    while (w > a && (ix_is_alpha(s[w - 1]) || s[w - 1] == '.')) w--;
    size_t wl = dot - w;
    if (wl == 0) return false;
    if (wl == 1 && ix_is_upper(s[w])) return true;           /* an initial: "J. Smith" */
    if (!abbr) return false;
    for (size_t i = 0; i < abbr->n; i++) {
        const char *k = abbr->key[i];
        if (strlen(k) == wl && !memcmp(k, s + w, wl)) return true;
    }
    return false;
}

static void add_sent(ix_doc *d, size_t *cap, size_t a, size_t b, size_t para)
{
    while (a < b && d->text[a] == ' ') a++;
    while (b > a && d->text[b - 1] == ' ') b--;
    if (a >= b) return;
    if (d->nsent == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        d->sents = ix_xrealloc(d->sents, *cap * sizeof *d->sents);
    }
    d->sents[d->nsent++] = (ix_sent){a, b, para};
}

static void count_tok(void *ctx, const ix_token *t) { (void)t; (*(size_t *)ctx)++; }

void ix_segment(const ix_rules *r, ix_doc *d)
{
    const ix_table *abbr = r ? ix_rules_table(r, "abbreviations") : NULL;
    const char *s = d->text;
    size_t n = d->len, pcap = 0, scap = 0;
    size_t a = 0, block = 0;
    while (a <= n) {
        size_t b = a;
        while (b < n && s[b] != '\n') b++;
        if (b == a && a < n) block++;                 /* blank line: a new block */
        if (b > a) {
            if (d->npara == pcap) {
                pcap = pcap ? pcap * 2 : 32;
                d->paras = ix_xrealloc(d->paras, pcap * sizeof *d->paras);
            }
            ix_para *p = &d->paras[d->npara];
            memset(p, 0, sizeof *p);
            p->a = a;
            p->b = b;
            p->block = block;
            p->first_sent = d->nsent;
            size_t st = a;
            for (size_t i = a; i < b; i++) {
                char c = s[i];
                if (c != '.' && c != '!' && c != '?') continue;
                size_t j = i + 1;
                while (j < b && (s[j] == '.' || s[j] == '!' || s[j] == '?')) j++;
                while (j < b && is_closer(s[j])) j++;
                if (j >= b) break;
                if (s[j] != ' ' || j + 1 >= b) { i = j - 1; continue; }
                char nx = s[j + 1];
                if (ix_is_lower(nx)) { i = j - 1; continue; }
                if (c == '.' && j == i + 1 && is_abbrev(abbr, s, st, i)) continue;
                add_sent(d, &scap, st, j, d->npara);
                st = j + 1;
                i = j;
            }
            add_sent(d, &scap, st, b, d->npara);
            p->nsent = d->nsent - p->first_sent;
            ix_tokenize(s, a, b, count_tok, &d->ntokens);
            d->npara++;
        }
        a = b + 1;
    }
}

/* ---- tokens -------------------------------------------------------------- */

static bool is_letter_at(const char *s, size_t i, size_t b, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *len = 1; return ix_is_alpha(c); }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(b - i), &cp);
    if (k <= 0) { *len = 1; return false; }
    *len = (size_t)k;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

static bool is_currency(const char *s, size_t i, size_t b, size_t *len)
{
    if (s[i] == '$') { *len = 1; return true; }
    if (i + 1 < b && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA3) { *len = 2; return true; }   /* £ */
    if (i + 2 < b && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC) { *len = 3; return true; }  /* € */
    return false;
}

void ix_tokenize(const char *s, size_t a, size_t b,
                 void (*fn)(void *ctx, const ix_token *t), void *ctx)
{
    size_t i = a;
    while (i < b) {
        unsigned char c = (unsigned char)s[i];
        if (ix_is_space(c)) { i++; continue; }
        size_t st = i, l;
        ix_token t;
        bool cur = is_currency(s, i, b, &l) && i + l < b && ix_is_digit(s[i + l]);
        if (cur || ix_is_digit(c)) {
            if (cur) i += l;
            while (i < b) {
                if (ix_is_digit(s[i])) { i++; continue; }
                /* 50,000  2013/14  2013-14  2.5  10:30 */
                if ((s[i] == ',' || s[i] == '.' || s[i] == '/' || s[i] == '-' || s[i] == ':') &&
                    i + 1 < b && ix_is_digit(s[i + 1])) { i++; continue; }
                break;
            }
            if (i < b && s[i] == '%') i++;
            else while (i < b && ix_is_lower(s[i])) i++;       /* £2bn, 1st, 5m */
            t = (ix_token){st, i, IX_TOK_NUMBER};
            fn(ctx, &t);
            continue;
        }
        if (is_letter_at(s, i, b, &l)) {
            i += l;
            while (i < b) {
                if (is_letter_at(s, i, b, &l) || ix_is_digit(s[i])) { i += l; continue; }
                /* looked-after, Ofsted's, don't: joiners need a letter after */
                if ((s[i] == '-' || s[i] == '\'') && i + 1 < b && is_letter_at(s, i + 1, b, &l)) { i++; continue; }
                break;
            }
            t = (ix_token){st, i, IX_TOK_WORD};
            fn(ctx, &t);
            continue;
        }
        size_t k = 1;
        while (i + k < b && ((unsigned char)s[i + k] & 0xC0) == 0x80) k++;
        i += k;
        t = (ix_token){st, i, IX_TOK_PUNCT};
        fn(ctx, &t);
    }
}
