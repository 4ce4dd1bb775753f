/* numbers.c — number words and quantity phrases -> values.
 *
 * Consumes a phrase a rule captured ("twenty-six", "a quarter", "four out of
 * five", "44 per cent", "10 of 43"). Produces an ix_quantity. The words
 * themselves live in patterns/numbers.tsv (cardinals, scales, fractions), so a
 * user can teach inspex "a dozen" without touching C.
 *
 * Conventions (GOLD.md): a share is only what the text gives as a share;
 * "X out of Y" with a small denominator (<= 10) is a share ("four out of
 * five"), with a larger one a count and its total ("seven out of 18").
 */
#include <stdlib.h>
#include <math.h>
#include "internal.h"

typedef enum { W_CARD, W_SCALE, W_FRAC } wkind;

typedef struct lexword {
    char *w;
    wkind kind;
    long v;          /* value, scale factor or fraction denominator */
} lexword;

struct ix_lexicon {
    lexword *w;
    size_t n;
};

ix_lexicon *ix_lexicon_new(const ix_table *t)
{
    ix_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx || !t) return lx;
    lx->w = ix_xmalloc((t->n + 1) * sizeof *lx->w);
    for (size_t i = 0; i < t->n; i++) {
        const char *v = t->val[i];
        lexword w = {ix_lookup_key(t->key[i], strlen(t->key[i])), W_CARD, 0};
        if (v[0] == 'x') { w.kind = W_SCALE; w.v = strtol(v + 1, NULL, 10); }
        else if (v[0] == '/') { w.kind = W_FRAC; w.v = strtol(v + 1, NULL, 10); }
        else w.v = strtol(v, NULL, 10);
        lx->w[lx->n++] = w;
    }
    return lx;
}

void ix_lexicon_free(ix_lexicon *lx)
{
    if (!lx) return;
    for (size_t i = 0; i < lx->n; i++) free(lx->w[i].w);
    free(lx->w);
    free(lx);
}

/* Words of a lower-cased, space-separated key. */
typedef struct words {
    char *buf;
    char *w[64];
    size_t n;
} words;

static void split(const char *s, size_t len, words *ws)
{
    ws->buf = ix_lookup_key(s, len);
    ws->n = 0;
    char *save = NULL;
    for (char *p = strtok_r(ws->buf, " ", &save); p && ws->n < 64; p = strtok_r(NULL, " ", &save))
        ws->w[ws->n++] = p;
}

static const lexword *lookup(const ix_lexicon *lx, const char *w)
{
    for (size_t i = 0; lx && i < lx->n; i++)
        if (!strcmp(lx->w[i].w, w)) return &lx->w[i];
    return NULL;
}

/* "87", "1400", "1,400", "50,000": thousands separators only between groups
 * of three digits, so "1,4,00" is not a number. */
static bool digits(const char *w, long *out)
{
    long v = 0;
    size_t ndig = 0, group = 0;
    bool comma = false;
    for (const char *p = w; *p; p++) {
        if (*p == ',') {
            if (!ndig || (comma ? group != 3 : group > 3)) return false;
            comma = true;
            group = 0;
            continue;
        }
        if (!ix_is_digit(*p)) return false;
        if (v > 100000000) return false;
        v = v * 10 + (*p - '0');
        ndig++;
        group++;
    }
    if (!ndig || (comma && group != 3)) return false;
    *out = v;
    return true;
}

/* Parses words [i, j) as one cardinal ("twenty six", "one hundred and
 * twelve", "1,400"). Returns true and the value. */
/* The largest cardinal the parser accepts. */
#define NUMBER_MAX 1000000000000L

static bool cardinal(const ix_lexicon *lx, char **w, size_t i, size_t j, long *out)
{
    if (i >= j) return false;
    if (j - i == 1 && digits(w[i], out)) return true;
    long total = 0, cur = 0;
    bool any = false;
    for (size_t k = i; k < j; k++) {
        if (!strcmp(w[k], "and") && any) continue;
        /* "a hundred", "a thousand": the article is the one */
        if (!any && !strcmp(w[k], "a") && k + 1 < j) {
            const lexword *sc = lookup(lx, w[k + 1]);
            if (sc && sc->kind == W_SCALE) { cur = 1; any = true; continue; }
        }
        const lexword *x = lookup(lx, w[k]);
        /* Lexicon phrases of two words ("a dozen", "a single"). */
        if (k + 1 < j) {
            char two[128];
            if (snprintf(two, sizeof two, "%s %s", w[k], w[k + 1]) < (int)sizeof two) {
                const lexword *x2 = lookup(lx, two);
                if (x2) { x = x2; k++; }
            }
        }
        long d;
        if (x && x->kind == W_CARD) { cur += x->v; any = true; }
        else if (x && x->kind == W_SCALE && any) {
            /* "hundred hundred hundred ..." must not overflow (UB): no
             * text states a count this large, so it is not a cardinal. */
            if (x->v > 0 && cur > NUMBER_MAX / x->v) return false;
            cur *= x->v;
            if (x->v >= 1000) { total += cur; cur = 0; }
        } else if (digits(w[k], &d) && !any) { cur = d; any = true; }
        else return false;
        if (cur > NUMBER_MAX || total > NUMBER_MAX) return false;
    }
    if (!any) return false;
    *out = total + cur;
    return true;
}

int ix_number_parse(const ix_lexicon *lx, const char *s, size_t len, long *out)
{
    words ws;
    split(s, len, &ws);
    int ok = cardinal(lx, ws.w, 0, ws.n, out);
    free(ws.buf);
    return ok;
}

/* "44", "12.5": plain decimal digits only. strtod would also take "inf",
 * "nan", "1e999" and hex, which are not numbers a text gives as a share. */
static bool decimal(const char *w, double *out)
{
    const char *p = w;
    size_t nd = 0;
    while (ix_is_digit(*p)) { p++; nd++; }
    if (*p == '.' && ix_is_digit(p[1])) {
        p++;
        while (ix_is_digit(*p)) { p++; nd++; }
    }
    if (*p || !nd || nd > 15) return false;
    *out = strtod(w, NULL);
    return true;
}

static double round4(double x) { return round(x * 10000.0) / 10000.0; }

/* A fraction: "a quarter", "three quarters", "two thirds", "half". */
static bool fraction(const ix_lexicon *lx, char **w, size_t i, size_t j, double *out)
{
    if (i >= j) return false;
    const lexword *den = lookup(lx, w[j - 1]);
    if (!den || den->kind != W_FRAC) return false;
    long num = 1;
    if (j - i >= 2) {
        if (!strcmp(w[j - 2], "a") || !strcmp(w[j - 2], "one")) num = 1;
        else if (!cardinal(lx, w, i, j - 1, &num)) return false;
    }
    if (den->v <= 0 || num <= 0 || num > den->v) return false;
    *out = round4((double)num / (double)den->v);
    return true;
}

/* Is "X in Y" (in) or "X out of Y" a rate, a share, rather than a count of
 * a set of Y? "four out of five" is, "62 out of 153" is not; "in" is a rate
 * up to a hundred ("one in 20", "three in 25"), a count only of a set as
 * large as all the councils. */
static bool is_rate(bool in, long y) { return y <= 10 || (in && y <= 100); }

int ix_quantity_parse(const ix_lexicon *lx, const char *s, size_t len, ix_quantity *q)
{
    memset(q, 0, sizeof *q);
    /* "44%" sticks the sign to the number; make it a word of its own. */
    ix_buf b = {0};
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '%') ix_buf_puts(&b, " per cent");
        else if (s[i] == '(' || s[i] == ')') ix_buf_putc(&b, ' ');
        else ix_buf_putc(&b, s[i]);
    }
    ix_buf_grow(&b, 0);
    words ws;
    split(b.s, b.len, &ws);
    ix_buf_free(&b);
    char **w = ws.w;
    size_t n = ws.n;
    int ok = 0;
    /* Drop leading articles that carry no number: "the 26", "only ten". */
    size_t i = 0;
    while (i < n && (!strcmp(w[i], "the") || !strcmp(w[i], "only") || !strcmp(w[i], "just")))
        i++;
    /* "all but one of the five": the figure is the others, the total less
     * the number; with no total ("all but two councils") there is none */
    bool all_but = n - i >= 3 && !strcmp(w[i], "all") && !strcmp(w[i + 1], "but");
    if (all_but) i += 2;
    /* "the only (London borough)": only "only" names the number, one */
    if (i == n && n >= 2 && !strcmp(w[n - 2], "the") && !strcmp(w[n - 1], "only")) {
        q->has_count = 1;
        q->count = 1;
        ok = 1;
        goto done;
    }
    long a, c;
    double f;
    /* "N per cent" */
    if (n - i >= 3 && !strcmp(w[n - 2], "per") && !strcmp(w[n - 1], "cent")) {
        double v;
        if (n - i == 3 && decimal(w[i], &v)) { q->has_share = 1; q->share = round4(v / 100.0); ok = 1; }
        else if (cardinal(lx, w, i, n - 2, &a)) { q->has_share = 1; q->share = round4((double)a / 100.0); ok = 1; }
        goto done;
    }
    if (n - i >= 2 && !strcmp(w[n - 1], "percent")) {
        if (cardinal(lx, w, i, n - 1, &a)) { q->has_share = 1; q->share = round4((double)a / 100.0); ok = 1; }
        goto done;
    }
    /* "X in (every) Y", "X out of (every) Y", "X of (the) Y" */
    for (size_t k = i + 1; k + 1 < n; k++) {
        size_t y0;
        bool ratio;
        bool in = false;
        if (!strcmp(w[k], "in")) { ratio = in = true; y0 = k + 1; }
        else if (!strcmp(w[k], "out") && !strcmp(w[k + 1], "of")) {
            /* "62 out of the 153": a set's members, as "of the" */
            y0 = k + 2;
            ratio = !(y0 < n && (!strcmp(w[y0], "the") || !strcmp(w[y0], "all") || !strcmp(w[y0], "its") ||
                                 !strcmp(w[y0], "their") || !strcmp(w[y0], "these") || !strcmp(w[y0], "those")));
        }
        else if (!strcmp(w[k], "of")) { ratio = false; y0 = k + 1; }
        else continue;
        /* "one in ten of the 153", "four out of five of its 20": a rate
         * of a stated total, the rate's denominator before the "of" */
        if (ratio) {
            size_t k2 = y0;
            while (k2 < n && strcmp(w[k2], "of")) k2++;
            long den, tot;
            bool gd = false, gt = false;
            for (size_t y = y0; y < k2 && !gd; y++) gd = cardinal(lx, w, y, k2, &den);
            for (size_t y = k2 + 1; y < n && gd && !gt; y++) gt = cardinal(lx, w, y, n, &tot);
            if (gt && cardinal(lx, w, i, k, &a) && den > 0 && a <= den && tot > 0 && is_rate(in, den)) {
                q->has_share = 1; q->share = round4((double)a / (double)den);
                q->has_total = 1; q->total = tot;
                ok = 1;
                goto done;
            }
        }
        /* "of the capital's 33", "of South Yorkshire's four": the
         * denominator is the cardinal that ends the phrase. */
        bool got = false;
        for (size_t y = y0; y < n && !got; y++) got = cardinal(lx, w, y, n, &c);
        /* a ratio may hold its unit: "one council in nine" (the rule allows
         * one word there, so one word is dropped) */
        bool left = cardinal(lx, w, i, k, &a) || (ratio && k - i >= 2 && cardinal(lx, w, i, k - 1, &a));
        /* "a quarter of the 153": a share of a stated total */
        if (!left && !ratio && got && c > 0 && fraction(lx, w, i, k, &f)) {
            q->has_share = 1; q->share = f; q->has_total = 1; q->total = c;
            ok = 1;
            goto done;
        }
        if (!left || !got || c <= 0 || a > c) break;
        if (ratio && is_rate(in, c)) { q->has_share = 1; q->share = round4((double)a / (double)c); }
        else { q->has_count = 1; q->count = a; q->has_total = 1; q->total = c; }
        ok = 1;
        goto done;
    }
    if (fraction(lx, w, i, n, &f)) { q->has_share = 1; q->share = f; ok = 1; goto done; }
    if (cardinal(lx, w, i, n, &a)) { q->has_count = 1; q->count = a; ok = 1; goto done; }
done:
    if (ok && all_but) {
        if (q->has_count && q->has_total) q->count = q->total - q->count;
        else if (q->has_share && !q->has_count) q->share = round4(1.0 - q->share);
        else ok = 0;
    }
    if (!ok) memset(q, 0, sizeof *q);
    free(ws.buf);
    return ok;
}
