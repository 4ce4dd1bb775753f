/* segment.c — normalised text -> paragraphs -> sentences -> tokens.
 *
 * Consumes ix_doc.text (paragraphs separated by '\n'). Produces ix_doc.paras
 * and ix_doc.sents (normalised offsets) and the token count; ix_tokenize
 * walks tokens on demand, so no token array is ever stored.
 *
 * A sentence ends at . ! ? (and runs of them) followed by optional closing
 * quotes/brackets and citation marks ("[9]"), a space and a character that
 * is not a lower-case letter, unless the word before the full stop is an
 * abbreviation (patterns/abbreviations.tsv) or an initial. So a sentence that ends inside a quotation
 * (`... deserve." Next`) ends after the closing mark, and `"Why?" he asked`
 * stays one sentence.
 */
#include <stdlib.h>
#include <utf8proc.h>
#include "internal.h"

static bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

/* The length of a citation mark at s[j] ("[9]", "[123]"), or 0. */
static size_t citation_len(const char *s, size_t j, size_t b)
{
    if (s[j] != '[') return 0;
    size_t k = j + 1;
    while (k < b && k < j + 4 && ix_is_digit(s[k])) k++;
    return k > j + 1 && k < b && s[k] == ']' ? k + 1 - j : 0;
}

static bool is_abbrev(const ix_table *abbr, const char *s, size_t a, size_t dot)
{
    size_t w = dot;
    while (w > a && (ix_is_alpha(s[w - 1]) || s[w - 1] == '.')) w--;
    size_t wl = dot - w;
    if (wl == 0) return false;
    if (wl == 1 && ix_is_upper(s[w])) return true;           /* an initial: "J. Smith" */
    return ix_table_has(abbr, s + w, wl);
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

void ix_segment(const ix_rules *r, ix_doc *d)
{
    const ix_table *abbr = r ? ix_rules_tab(r, IX_TAB_ABBREVIATIONS) : NULL;
    const char *s = d->text;
    size_t n = d->len, pcap = 0, scap = 0;
    size_t a = 0, block = 0;
    while (a <= n) {
        const char *nl = a < n ? memchr(s + a, '\n', n - a) : NULL;
        size_t b = nl ? (size_t)(nl - s) : n;
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
                i = ix_find3(s, i, b, '.', '!', '?');     /* sentences are a hundred bytes or so */
                if (i >= b) break;
                char c = s[i];
                size_t j = i + 1;
                while (j < b && (s[j] == '.' || s[j] == '!' || s[j] == '?')) j++;
                /* closers, and citation marks: "improvement.[9] The report" */
                for (size_t l; j < b && (l = is_closer(s[j]) ? 1 : citation_len(s, j, b)); j += l) {}
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
            d->ntokens += ix_count_tokens(s, a, b);
            d->npara++;
        }
        a = b + 1;
    }
    /* The arrays grew by doubling; give the slack back (a large document's
     * paragraphs and sentences are a fair share of its memory). */
    if (d->npara && d->npara < pcap) d->paras = ix_xrealloc(d->paras, d->npara * sizeof *d->paras);
    if (d->nsent && d->nsent < scap) d->sents = ix_xrealloc(d->sents, d->nsent * sizeof *d->sents);
}

/* ---- tokens -------------------------------------------------------------- */

/* What an ASCII byte can start or continue (one entry per class). Bytes
 * >= 0x80 go to utf8proc; everything else is decided by this table, which
 * keeps the per-byte cost of tokenising plain English text to one load. */
enum { K_OTHER = 0, K_SPACE, K_DIGIT, K_LETTER, K_HIGH };
static const unsigned char kclass[256] = {
    ['\t'] = K_SPACE, ['\n'] = K_SPACE, ['\v'] = K_SPACE, ['\f'] = K_SPACE, ['\r'] = K_SPACE, [' '] = K_SPACE,
    ['0'] = K_DIGIT, ['1'] = K_DIGIT, ['2'] = K_DIGIT, ['3'] = K_DIGIT, ['4'] = K_DIGIT,
    ['5'] = K_DIGIT, ['6'] = K_DIGIT, ['7'] = K_DIGIT, ['8'] = K_DIGIT, ['9'] = K_DIGIT,
#define L4(c) [c] = K_LETTER, [c + 1] = K_LETTER, [c + 2] = K_LETTER, [c + 3] = K_LETTER
    L4('A'), L4('E'), L4('I'), L4('M'), L4('Q'), L4('U'), ['Y'] = K_LETTER, ['Z'] = K_LETTER,
    L4('a'), L4('e'), L4('i'), L4('m'), L4('q'), L4('u'), ['y'] = K_LETTER, ['z'] = K_LETTER,
#undef L4
#define H8(c) [c] = K_HIGH, [c + 1] = K_HIGH, [c + 2] = K_HIGH, [c + 3] = K_HIGH, \
              [c + 4] = K_HIGH, [c + 5] = K_HIGH, [c + 6] = K_HIGH, [c + 7] = K_HIGH
#define H64(c) H8(c), H8(c + 8), H8(c + 16), H8(c + 24), H8(c + 32), H8(c + 40), H8(c + 48), H8(c + 56)
    H64(0x80), H64(0xC0),
#undef H64
#undef H8
};

static bool is_letter_slow(const char *s, size_t i, size_t b, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(b - i), &cp);
    if (k <= 0) { *len = 1; return false; }
    *len = (size_t)k;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

static inline bool is_letter_at(const char *s, size_t i, size_t b, size_t *len)
{
    unsigned k = kclass[(unsigned char)s[i]];
    if (k != K_HIGH) { *len = 1; return k == K_LETTER; }
    return is_letter_slow(s, i, b, len);
}

static bool is_currency(const char *s, size_t i, size_t b, size_t *len)
{
    if (s[i] == '$') { *len = 1; return true; }
    if (i + 1 < b && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA3) { *len = 2; return true; }   /* £ */
    if (i + 2 < b && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC) { *len = 3; return true; }  /* € */
    return false;
}

/* The end of the word whose letters continue at i: letters and digits,
 * and a hyphen or apostrophe with a letter after it (looked-after,
 * Ofsted's, don't). */
static inline size_t word_end(const char *s, size_t i, size_t b)
{
    size_t l;
    while (i < b) {
        unsigned k2 = kclass[(unsigned char)s[i]];
        if (k2 == K_LETTER || k2 == K_DIGIT) { i++; continue; }
        if (k2 == K_HIGH && is_letter_slow(s, i, b, &l)) { i += l; continue; }
        if ((s[i] == '-' || s[i] == '\'') && i + 1 < b && is_letter_at(s, i + 1, b, &l)) { i++; continue; }
        break;
    }
    return i;
}

/* Counting only: sixteen bytes at a time while they are plain ASCII:
 * letters, single spaces and punctuation other than digits and '$'. In
 * such a block a token starts at each letter not inside a word and at each
 * punctuation byte; a hyphen or apostrophe between two letters
 * (looked-after, Ofsted's) is inside the word, as in word_end. A block
 * with another byte is counted up to it (up to the byte before, when that
 * is a hyphen or apostrophe: whether it joins depends on what follows),
 * and the blocks stop there: digits and '$' (numbers and currency have
 * rules of their own), tabs, control and non-ASCII bytes are the token
 * loop's. Returns where the blocks stop, with *n increased; a word running
 * on past them is finished here, already counted. */
static inline size_t count_plain(const char *s, size_t i, size_t b, size_t *n)
{
    unsigned carry = 0;                /* 1: the bytes before i end inside a word */
    unsigned dcarry = 0;               /* 1: ... or with a '.', whose run is one token */
    while (i + 16 <= b) {
        ix_v16 v = ix_v16_load(s + i);
        unsigned letters = ix_v16_alpha(v), vis = ix_v16_in(v, 0x21, 0x7E);
        unsigned join = ix_v16_eq(v, '-') | ix_v16_eq(v, '\''), after = 0;
        unsigned stop = (~(vis | ix_v16_eq(v, ' ')) & 0xFFFFu) | ix_v16_in(v, '0', '9') | ix_v16_eq(v, '$');
        unsigned k = 16;
        if (stop) {
            k = (unsigned)__builtin_ctz(stop);
            if (k && (join >> (k - 1) & 1)) k--;
        } else if (join >> 15 && i + 16 < b) {   /* the last byte joins if a letter follows */
            unsigned char c = (unsigned char)s[i + 16];
            if (c >= 0x80) k = 15;               /* maybe a letter: the token loop decides */
            else after = ix_is_alpha(c) ? 1u << 15 : 0;
        }
        if (k == 0) break;
        unsigned keep = 0xFFFFu >> (16 - k);
        letters &= keep;
        vis &= keep;
        join &= ((letters << 1) | carry) & ((letters >> 1) | after) & keep;
        unsigned word = letters | join;
        unsigned dots = ix_v16_eq(v, '.') & keep, more = dots & ((dots << 1) | dcarry);
        *n += ix_bits16(((letters & ~((word << 1) | carry)) | (vis & ~word)) & ~more);
        carry = (word >> (k - 1)) & 1;
        dcarry = (dots >> (k - 1)) & 1;
        i += k;
        if (k < 16) break;
    }
    if (dcarry) while (i < b && s[i] == '.') i++;
    return carry ? word_end(s, i, b) : i;
}

/* The tokeniser, written once; `fn` NULL means only count (the segmenter
 * counts every token of the document and needs nothing else). Returns the
 * number of tokens. Inlined into both callers so the counting loop has no
 * indirect call per token. */
static inline size_t tokenize(const char *s, size_t a, size_t b,
                              void (*fn)(void *ctx, const ix_token *t), void *ctx)
{
    size_t i = a, n = 0;
    while (i < b) {
        if (!fn) {
            i = count_plain(s, i, b, &n);
            if (i >= b) break;
        }
        unsigned char c = (unsigned char)s[i];
        unsigned kc = kclass[c];
        if (kc == K_SPACE) { i++; continue; }
        size_t st = i, l;
        ix_token t;
        bool cur = (c == '$' || c == 0xC2 || c == 0xE2) && is_currency(s, i, b, &l) && i + l < b && ix_is_digit(s[i + l]);
        if (cur || kc == K_DIGIT) {
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
            n++;
            if (fn) { t = (ix_token){st, i, IX_TOK_NUMBER}; fn(ctx, &t); }
            continue;
        }
        if (kc == K_LETTER || (kc == K_HIGH && is_letter_slow(s, i, b, &l))) {
            i = word_end(s, i + (kc == K_LETTER ? 1 : l), b);
            n++;
            if (fn) { t = (ix_token){st, i, IX_TOK_WORD}; fn(ctx, &t); }
            continue;
        }
        size_t k = 1;
        /* a run of dots is one token: "..." and a folded "…" (three dots
         * from one character: a token of one of them would claim the whole
         * character's bytes) */
        if (c == '.') while (i + k < b && s[i + k] == '.') k++;
        else while (i + k < b && ((unsigned char)s[i + k] & 0xC0) == 0x80) k++;
        i += k;
        n++;
        if (fn) { t = (ix_token){st, i, IX_TOK_PUNCT}; fn(ctx, &t); }
    }
    return n;
}

void ix_tokenize(const char *s, size_t a, size_t b,
                 void (*fn)(void *ctx, const ix_token *t), void *ctx)
{
    tokenize(s, a, b, fn, ctx);
}

size_t ix_count_tokens(const char *s, size_t a, size_t b) { return tokenize(s, a, b, NULL, NULL); }

bool ix_para_bullet(const ix_doc *d, const ix_para *p)
{
    const char *t = d->text + p->a;
    size_t n = p->b - p->a;
    if (n >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ') return true;
    return n >= 4 && (!memcmp(t, "\xE2\x80\xA2 ", 4) || !memcmp(t, "\xE2\x96\xAA ", 4));
}

bool ix_para_ends_colon(const ix_doc *d, const ix_para *p)
{
    size_t e = p->b;
    while (e > p->a && (d->text[e - 1] == ' ' || d->text[e - 1] == '\n')) e--;
    return e > p->a && d->text[e - 1] == ':';
}
bool ix_letter_at(const char *s, size_t i, size_t b, size_t *len) { return is_letter_at(s, i, b, len); }
