/* audit_figures.c — the checks between figures: arithmetic inside each
 * document and agreement across documents.
 *
 * Consumes the rating records the audit holds, a document at a time (after
 * the per-record checks: a record whose fields failed is left out), and
 * keeps the figures for a period, with what their findings print, until
 * every document has been read (ix_audit_doc_figures, ix_audit_crossdoc).
 * Produces findings:
 *
 *   arithmetic.partition  counts of one set — same unit class, period and
 *                         stated total; a figure given for comparison
 *                         ("compared with six of the 30 ...") is a set of
 *                         its own — whose grades do not overlap must not
 *                         add up to more than the total, and must add up to
 *                         it when they cover every grade (outstanding may be
 *                         left out only when no figure mentions it); a
 *                         compound grade (good or better, less than good)
 *                         equals its parts; shares of disjoint grades stay
 *                         within 100%.
 *   arithmetic.share      a share against a count and total of the same set:
 *                         "a quarter" of 87 is 21.75, so 21 or 22, not 30.
 *   arithmetic.headline   a figure in the headline against the body's figures
 *                         for the same grade.
 *   arithmetic.repeat     (warn) one document giving two different figures for
 *                         one grade, unit and period.
 *   crossdoc.agreement    figures for one period, unit and grade from
 *                         different documents; a document that disagrees with
 *                         the majority fails, and so do both sides of a tie.
 *
 * Tolerances, chosen so that what journalists call rounding passes and a
 * different number does not: an exact share covers +/-1 percentage point
 * (and the floor or ceiling of share x total); "about" +/-5 points;
 * "almost" up to 6 points under; "more than"/"less than"/"up to" one side.
 * Units that name the same set of councils (authorities, councils, areas,
 * departments, ...) compare as one class; periods compare after folding
 * "2013-14", "2013–14" and "2013/2014" to "2013/14".
 */
#include <stdlib.h>
#include <math.h>
#include "internal.h"
#include "audit.h"

enum { O = 1, G = 2, RI = 4, IN = 8, AD = 16 };
static const unsigned grade_mask[] = {O, G, RI, IN, AD, O | G, RI | IN};
static const char *const grade_names[] = {"outstanding", "good", "requires_improvement", "inadequate",
                                          "adequate", "good_or_better", "less_than_good"};
#define NGRADE 7
#define FULL_NEW (O | G | RI | IN)
#define FULL_OLD (O | G | AD | IN)

enum { AP_NONE, AP_MORE, AP_LESS, AP_ABOUT, AP_ALMOST, AP_UPTO };

typedef struct fig {
    size_t rec, doc;        /* the record (whole-file index); its document in docs[] (kept: counted from the first) */
    int grade;
    bool hc, hs, ht;
    long c, t;
    double s;
    int approx;
    char *unit;             /* unit class, or NULL */
    char *period;           /* folded, or NULL */
    const char *scope;      /* the judgement the figure is about ("overall") */
    bool headline;
    bool comparison;        /* "compared with ...", "down from ...": another set or time */
    const char *place;      /* a table row's place ("North East"), borrowed from the
                               record; figures with one are never kept */
    char *sha;              /* kept figures: the document's sha256 (owned) */
    size_t canon;           /* kept figures: the first document with those bytes */
} fig;

/* The figures kept for agreement across documents (ix_audit.kept). */
typedef struct kept {
    fig *f;
    size_t n, cap;
} kept;

/* ---- reading figures ---------------------------------------------------------- */

static const char *jstr(const json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

static bool failed(const ix_arec *r, const char *check)
{
    for (size_t k = 0; k < r->nf; k++)
        if (r->f[k].v == IX_V_FAIL && !strcmp(r->f[k].check, check)) return true;
    return false;
}

static char *lower_fold(const char *s)
{
    ix_buf b = {0};
    bool sp = false;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && s[i + 2]) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99) { ix_buf_putc(&b, '\''); i += 2; continue; }
            if (d == 0x93 || d == 0x94) { ix_buf_putc(&b, '-'); i += 2; continue; }
        }
        if (ix_is_space(c)) { sp = b.len > 0; continue; }
        if (sp) { ix_buf_putc(&b, ' '); sp = false; }
        ix_buf_putc(&b, (char)(ix_is_upper(c) ? c + 32 : c));
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

/* Units that all count English children's-services authorities. */
static char *unit_class(const char *u)
{
    if (!u) return NULL;
    static const char *const la[] = {"authorities", "local authorities", "councils", "local councils", "areas",
                                     "local areas", "council areas", "departments", "children's services departments",
                                     "children's services", "services", "las", "councils' children's services", NULL};
    char *f = lower_fold(u);
    for (int k = 0; la[k]; k++)
        if (!strcmp(f, la[k])) { free(f); return ix_xstrdup("authorities"); }
    return f;
}

/* "2013-14", "2013–14", "2013/2014", "2013 to 2014" -> "2013/14"; other
 * periods lower-cased as written. */
static char *period_fold(const char *p)
{
    if (!p) return NULL;
    char *f = lower_fold(p);
    size_t n = strlen(f);
    for (size_t i = 0; i + 4 <= n; i++) {
        if (!(ix_is_digit(f[i]) && ix_is_digit(f[i + 1]) && ix_is_digit(f[i + 2]) && ix_is_digit(f[i + 3]))) continue;
        if (i && ix_is_digit(f[i - 1])) continue;
        size_t j = i + 4;
        size_t sep = 0;
        if (j < n && (f[j] == '-' || f[j] == '/')) sep = 1;
        else if (!strncmp(f + j, " to ", 4)) sep = 4;
        else if (!strncmp(f + j, " - ", 3)) sep = 3;
        if (!sep) continue;
        size_t k = j + sep, d = 0;
        while (k + d < n && ix_is_digit(f[k + d])) d++;
        if (d != 2 && d != 4) continue;
        int y1 = atoi(f + i), y2 = atoi(f + k) % 100;
        if ((y1 + 1) % 100 != y2) continue;
        char out[64];
        snprintf(out, sizeof out, "%.*s%04d/%02d%s", (int)i, f, y1, y2, f + k + d);
        free(f);
        return ix_xstrdup(out);
    }
    return f;
}

static int approx_of(const char *s)
{
    if (!s) return AP_NONE;
    if (!strcmp(s, "more_than")) return AP_MORE;
    if (!strcmp(s, "less_than")) return AP_LESS;
    if (!strcmp(s, "about")) return AP_ABOUT;
    if (!strcmp(s, "almost")) return AP_ALMOST;
    if (!strcmp(s, "up_to")) return AP_UPTO;
    return AP_NONE;
}

/* What a figure counts judgements of: a sub-judgement named in its
 * sentence ("rated inadequate for the experiences of care leavers") makes
 * it a different set from the overall grades. */
/* The sentence around a span, as decoded text: back to the previous
 * sentence end, on to the next one (at most 300 bytes each way). */
static char *sentence_of(const ix_adoc *d, size_t a, size_t b)
{
    if (!d->bytes || b > d->len || a > b) return NULL;
    size_t x = a, y = b;
    while (x > 0 && a - x < 300) {
        unsigned char c = d->bytes[x - 1];
        if ((c == '.' || c == '!' || c == '?') && x < d->len && ix_is_space(d->bytes[x])) break;
        if (c == '\n' && x >= 2 && d->bytes[x - 2] == '\n') break;
        x--;
    }
    while (y < d->len && y - b < 300) {
        unsigned char c = d->bytes[y];
        if (c == '.' || c == '!' || c == '?') break;
        if (c == '\n' && y + 1 < d->len && d->bytes[y + 1] == '\n') break;
        y++;
    }
    return ix_decode_bytes((ix_encoding)d->enc, d->bytes + x, y - x, NULL);
}

static const char *scope_of(const char *ev)
{
    static const char *const kw[][2] = {
        {"care leaver", "care_leavers"}, {"adoption", "adoption"}, {"children in care", "looked_after"},
        {"looked after", "looked_after"}, {"looked-after", "looked_after"}, {"leadership", "leadership"},
        {"help and protection", "child_protection"}, {"child protection", "child_protection"},
    };
    if (!ev) return "overall";
    char *f = lower_fold(ev);
    const char *sc = "overall";
    for (size_t k = 0; k < sizeof kw / sizeof *kw; k++)
        if (strstr(f, kw[k][0])) { sc = kw[k][1]; break; }
    free(f);
    return sc;
}

static bool read_fig(const ix_audit *a, size_t i, fig *f)
{
    const ix_arec *r = &a->recs[i];
    if (!r->rec || strcmp(r->type, "rating") || r->doc == IX_NONE || failed(r, "fields")) return false;
    memset(f, 0, sizeof *f);
    f->rec = a->base + i;
    f->doc = r->doc;
    f->grade = -1;
    const char *g = jstr(r->rec, "grade");
    for (int k = 0; g && k < NGRADE; k++)
        if (!strcmp(g, grade_names[k])) f->grade = k;
    if (f->grade < 0) return false;
    const ix_adoc *d = &a->docs[r->doc];
    if (d->enc < 0) return false;            /* its source could not be read again: nothing to check against */
    json_t *c = json_object_get(r->rec, "count"), *s = json_object_get(r->rec, "share"), *t = json_object_get(r->rec, "total");
    if ((f->hc = json_is_integer(c))) f->c = (long)json_integer_value(c);
    if ((f->hs = json_is_number(s))) f->s = json_number_value(s);
    if ((f->ht = json_is_integer(t))) f->t = (long)json_integer_value(t);
    f->approx = approx_of(jstr(r->rec, "approx"));
    f->unit = unit_class(jstr(r->rec, "unit"));
    f->period = period_fold(jstr(r->rec, "period"));
    f->comparison = json_is_true(json_object_get(r->rec, "comparison"));
    /* a row of a table by place is a set of its own, one per place */
    f->place = jstr(r->rec, "place");
    char *sent = r->has_span ? sentence_of(&a->docs[r->doc], r->a, r->b) : NULL;
    f->scope = scope_of(sent ? sent : jstr(r->rec, "evidence"));
    free(sent);
    f->headline = r->has_span && d->head_b > d->head_a && r->a >= d->head_a && r->b <= d->head_b;
    return true;
}

static bool same_str(const char *x, const char *y) { return (!x && !y) || (x && y && !strcmp(x, y)); }

/* ---- comparing figures -------------------------------------------------------- */

/* The approx applies to the share when the record gives one, else to the count. */
static int count_approx(const fig *f) { return f->hs ? AP_NONE : f->approx; }

static void share_interval(double s, int ap, double *lo, double *hi)
{
    switch (ap) {
    case AP_MORE: *lo = s; *hi = 1; break;
    case AP_LESS: case AP_UPTO: *lo = 0; *hi = s; break;
    case AP_ABOUT: *lo = s - 0.05; *hi = s + 0.05; break;
    case AP_ALMOST: *lo = s - 0.06; *hi = s; break;
    default: *lo = s - 0.01; *hi = s + 0.01;
    }
}

static bool prop_interval(const fig *f, double *lo, double *hi)
{
    if (f->hs) { share_interval(f->s, f->approx, lo, hi); return true; }
    if (f->hc && f->ht && f->t > 0) {
        double p = (double)f->c / (double)f->t;
        int ap = count_approx(f);
        if (ap == AP_NONE) { *lo = *hi = p; return true; }
        share_interval(p, ap, lo, hi);
        return true;
    }
    return false;
}

static void count_interval(const fig *f, double *lo, double *hi)
{
    double c = (double)f->c;
    switch (count_approx(f)) {
    case AP_MORE: *lo = c; *hi = INFINITY; break;
    case AP_LESS: case AP_UPTO: *lo = 0; *hi = c; break;
    case AP_ABOUT: *lo = 0.9 * c - 1; *hi = 1.1 * c + 1; break;
    case AP_ALMOST: *lo = 0.9 * c - 1; *hi = c; break;
    default: *lo = *hi = c;
    }
}

static bool overlap(double a0, double a1, double b0, double b1) { return a0 <= b1 + 1e-6 && b0 <= a1 + 1e-6; }

/* Do two figures for the same grade agree? *cmp tells whether there was
 * anything to compare (a count with no total against a bare share is not). */
static bool figs_agree(const fig *f, const fig *g, bool *cmp)
{
    bool ok = true;
    *cmp = false;
    if (f->hc && g->hc && (!f->ht || !g->ht || f->t == g->t)) {
        double a0, a1, b0, b1;
        count_interval(f, &a0, &a1);
        count_interval(g, &b0, &b1);
        *cmp = true;
        ok = ok && overlap(a0, a1, b0, b1);
    }
    double a0, a1, b0, b1;
    if (prop_interval(f, &a0, &a1) && prop_interval(g, &b0, &b1)) {
        *cmp = true;
        ok = ok && overlap(a0, a1, b0, b1);
    }
    return ok;
}

/* Is count c of total t consistent with share s (approx ap)? */
static bool share_fits(double s, int ap, long c, long t)
{
    if (t <= 0) return true;
    double lo, hi, p = (double)c / (double)t;
    share_interval(s, ap, &lo, &hi);
    if (p >= lo - 1e-6 && p <= hi + 1e-6) return true;
    if (ap == AP_NONE) {
        double x = s * (double)t;
        if ((double)c == floor(x + 1e-9) || (double)c == ceil(x - 1e-9)) return true;
    }
    return false;
}

static const char *approx_words(int ap)
{
    static const char *const w[] = {"", "more than ", "less than ", "about ", "almost ", "up to "};
    return w[ap];
}

static char *fig_value(const fig *f)
{
    char buf[128];
    size_t w = 0;
    if (f->hc) {
        w += (size_t)snprintf(buf, sizeof buf, "%s%ld", approx_words(count_approx(f)), f->c);
        if (f->ht) w += (size_t)snprintf(buf + w, sizeof buf - w, " of %ld", f->t);
    }
    if (f->hs)
        snprintf(buf + w, sizeof buf - w, w ? " (%s%.3g%%)" : "%s%.3g%%", approx_words(f->approx), f->s * 100.0);
    return ix_xstrdup(buf);
}

static char *fig_label(const ix_audit *a, const fig *f)
{
    char *v = fig_value(f), *sn = ix_audit_snippet(a, f->rec, 70);
    char buf[400];
    ix_aref r;
    ix_audit_ref(a, f->rec, &r);
    snprintf(buf, sizeof buf, "%s (\"%s\", line %zu)", v, sn, r.line);
    free(v);
    free(sn);
    return ix_xstrdup(buf);
}

/* ---- arithmetic inside one document ------------------------------------------- */

typedef struct figs {
    fig *f;
    size_t n;
} figs;

static bool same_set(const fig *x, const fig *y)
{
    return x->ht && y->ht && x->t == y->t && x->comparison == y->comparison && same_str(x->place, y->place) &&
           same_str(x->unit, y->unit) &&
           same_str(x->period, y->period);
}

static void note_group(ix_audit *a, const size_t *recs, size_t n, const char *check, ix_verdict v, const char *reason)
{
    for (size_t k = 0; k < n; k++) {
        size_t rel[64], nr = 0;
        for (size_t j = 0; j < n && nr < 64; j++)
            if (j != k) rel[nr++] = recs[j];
        ix_audit_note_rec(a, recs[k], check, v, rel, nr, reason ? "%s" : NULL, reason);
    }
}

/* One set (same unit, period, total): counts partition the total. */
static void check_partition(ix_audit *a, fig *const *g, size_t n)
{
    long total = g[0]->t;
    const fig *by[NGRADE] = {0};
    bool mentions_o = false, conflict = false;
    for (size_t k = 0; k < n; k++) {
        const fig *f = g[k];
        if (grade_mask[f->grade] & O) mentions_o = true;
        if (!f->hc || count_approx(f) != AP_NONE) continue;
        const fig *p = by[f->grade];
        if (!p) { by[f->grade] = f; continue; }
        if (p->c != f->c) {
            char *x = fig_label(a, p), *y = fig_label(a, f);
            char why[1024];
            snprintf(why, sizeof why, "two different counts of %s for the same %ld %s: %s and %s",
                     grade_names[f->grade], total, f->unit ? f->unit : "", x, y);
            size_t recs[2] = {p->rec, f->rec};
            note_group(a, recs, 2, "arithmetic.partition", IX_V_FAIL, why);
            conflict = true;
            free(x);
            free(y);
        }
    }
    if (conflict) return;
    /* Every subset of pairwise-disjoint grades with counts, largest first:
     * the first that breaks a rule is the one reported. */
    int ids[NGRADE], nid = 0;
    for (int k = 0; k < NGRADE; k++)
        if (by[k]) ids[nid++] = k;
    bool checked = false;
    unsigned best_fail = 0;
    int best_size = 0;
    char why[1024] = "";
    for (unsigned sub = 1; sub < (1u << nid); sub++) {
        unsigned un = 0;
        long sum = 0;
        int size = 0;
        bool disjoint = true;
        for (int k = 0; k < nid; k++) {
            if (!(sub & (1u << k))) continue;
            unsigned m = grade_mask[ids[k]];
            if (un & m) disjoint = false;
            un |= m;
            sum += by[ids[k]]->c;
            size++;
        }
        if (!disjoint) continue;
        bool full = un == FULL_NEW || un == FULL_OLD;
        bool full_but_o = !mentions_o && (un == (FULL_NEW & ~O) || un == (FULL_OLD & ~O));
        bool bad = sum > total || ((full || full_but_o) && sum != total);
        if (size >= 2 || full || full_but_o) checked = true;
        if (!bad || size <= best_size) continue;
        best_size = size;
        best_fail = sub;
        size_t w = 0;
        w += (size_t)snprintf(why + w, sizeof why - w, "counts add up to %ld (", sum);
        bool first = true;
        for (int k = 0; k < nid; k++)
            if (sub & (1u << k)) {
                w += (size_t)snprintf(why + w, sizeof why - w, "%s%s %ld", first ? "" : " + ", grade_names[ids[k]],
                                      by[ids[k]]->c);
                first = false;
            }
        if (w < sizeof why)
            snprintf(why + w, sizeof why - w, "), %s the stated total of %ld %s%s", sum > total ? "more than" : "not",
                     total, g[0]->unit ? g[0]->unit : "",
                     full_but_o && sum < total ? "; no outstanding figure is given" : "");
    }
    /* A compound grade against its parts. */
    static const int comp[2][3] = {{5, 0, 1}, {6, 2, 3}};
    for (int k = 0; k < 2 && !best_fail; k++) {
        const fig *y = by[comp[k][0]], *p1 = by[comp[k][1]], *p2 = by[comp[k][2]];
        if (!y || (!p1 && !p2)) continue;
        checked = true;
        long parts = (p1 ? p1->c : 0) + (p2 ? p2->c : 0);
        bool bad = p1 && p2 ? parts != y->c : parts > y->c;
        if (!bad) continue;
        snprintf(why, sizeof why, "%s is %ld but %s%s%s%s add up to %ld", grade_names[comp[k][0]], y->c,
                 p1 ? grade_names[comp[k][1]] : "", p1 && p2 ? " and " : "", p2 ? grade_names[comp[k][2]] : "",
                 p1 && p2 ? "" : " alone", parts);
        size_t recs[3], nr = 0;
        recs[nr++] = y->rec;
        if (p1) recs[nr++] = p1->rec;
        if (p2) recs[nr++] = p2->rec;
        note_group(a, recs, nr, "arithmetic.partition", IX_V_FAIL, why);
        return;
    }
    if (best_fail) {
        size_t recs[NGRADE], nr = 0;
        for (int k = 0; k < nid; k++)
            if (best_fail & (1u << k)) recs[nr++] = by[ids[k]]->rec;
        note_group(a, recs, nr, "arithmetic.partition", IX_V_FAIL, why);
        return;
    }
    if (checked) {
        size_t recs[NGRADE], nr = 0;
        for (int k = 0; k < nid; k++) recs[nr++] = by[ids[k]]->rec;
        note_group(a, recs, nr, "arithmetic.partition", IX_V_PASS, NULL);
    }
}

/* Shares of disjoint grades of one set must not add up to more than 100%. */
static void check_share_sum(ix_audit *a, fig *const *g, size_t n)
{
    const fig *by[NGRADE] = {0};
    for (size_t k = 0; k < n; k++)
        if (g[k]->hs && !by[g[k]->grade]) by[g[k]->grade] = g[k];
    int ids[NGRADE], nid = 0;
    for (int k = 0; k < NGRADE; k++)
        if (by[k]) ids[nid++] = k;
    for (unsigned sub = (1u << nid) - 1; sub > 0; sub--) {
        unsigned un = 0;
        double sum = 0;
        int size = 0;
        bool disjoint = true;
        for (int k = 0; k < nid; k++) {
            if (!(sub & (1u << k))) continue;
            unsigned m = grade_mask[ids[k]];
            if (un & m) disjoint = false;
            un |= m;
            double lo, hi;
            share_interval(by[ids[k]]->s, by[ids[k]]->approx, &lo, &hi);
            sum += lo > 0 ? lo : 0;
            size++;
        }
        if (!disjoint || size < 2 || sum <= 1.0 + 1e-6) continue;
        char why[512];
        size_t w = (size_t)snprintf(why, sizeof why, "shares of grades that cannot overlap add up to at least %.0f%% (",
                                    sum * 100.0);
        size_t recs[NGRADE], nr = 0;
        for (int k = 0; k < nid; k++)
            if (sub & (1u << k)) {
                w += (size_t)snprintf(why + w, sizeof why - w, "%s%s %s%.3g%%", nr ? " + " : "", grade_names[ids[k]],
                                      approx_words(by[ids[k]]->approx), by[ids[k]]->s * 100.0);
                recs[nr++] = by[ids[k]]->rec;
            }
        if (w < sizeof why) snprintf(why + w, sizeof why - w, ")");
        note_group(a, recs, nr, "arithmetic.partition", IX_V_FAIL, why);
        return;
    }
}

/* The count a set gives for a grade: its own, or its parts' sum. */
static bool set_count(fig *const *g, size_t n, int grade, long *c, size_t *recs, size_t *nr)
{
    for (size_t k = 0; k < n; k++)
        if (g[k]->grade == grade && g[k]->hc && count_approx(g[k]) == AP_NONE) {
            *c = g[k]->c;
            recs[(*nr)++] = g[k]->rec;
            return true;
        }
    if (grade == 5 || grade == 6) {
        int p1 = grade == 5 ? 0 : 2, p2 = grade == 5 ? 1 : 3;
        long c1, c2;
        size_t keep = *nr;
        if (set_count(g, n, p1, &c1, recs, nr) && set_count(g, n, p2, &c2, recs, nr)) {
            *c = c1 + c2;
            return true;
        }
        *nr = keep;
    }
    return false;
}

static void doc_arithmetic(ix_audit *a, fig *f, size_t n)
{
    /* A share and a count in one record. */
    for (size_t k = 0; k < n; k++) {
        fig *x = &f[k];
        if (!(x->hs && x->hc && x->ht)) continue;
        if (share_fits(x->s, x->approx, x->c, x->t))
            ix_audit_note_rec(a, x->rec, "arithmetic.share", IX_V_PASS, NULL, 0, NULL);
        else
            ix_audit_note_rec(a, x->rec, "arithmetic.share", IX_V_FAIL, NULL, 0,
                              "share %s%.3g%% of %ld is %.2f, which does not fit the count %ld", approx_words(x->approx),
                              x->s * 100.0, x->t, x->s * (double)x->t, x->c);
    }
    /* Sets: figures with the same stated total, unit and period. */
    fig **g = ix_xmalloc((n + 1) * sizeof *g);
    bool *done = calloc(n + 1, 1);
    for (size_t k = 0; k < n; k++) {
        if (done[k] || !f[k].ht) continue;
        size_t m = 0;
        for (size_t j = k; j < n; j++)
            if (!done[j] && same_set(&f[k], &f[j])) { g[m++] = &f[j]; done[j] = true; }
        check_partition(a, g, m);
        check_share_sum(a, g, m);
    }
    /* A share of a set against that set's count for the grade. The share's
     * total is its own, or the one total the document states for that unit
     * and period. */
    for (size_t k = 0; k < n; k++) {
        fig *x = &f[k];
        if (!x->hs || x->hc) continue;       /* a share with its own count goes with that count */
        long t = x->t;
        bool have = x->ht;
        if (!have) {
            bool ambiguous = false;
            for (size_t j = 0; j < n; j++) {
                if (!f[j].ht || !same_str(f[j].unit, x->unit) || !same_str(f[j].period, x->period)) continue;
                if (!have) { t = f[j].t; have = true; }
                else if (f[j].t != t) ambiguous = true;
            }
            have = have && !ambiguous;
        }
        if (!have) continue;
        size_t m = 0;
        for (size_t j = 0; j < n; j++)
            if (j != k && f[j].ht && f[j].t == t && same_str(f[j].unit, x->unit) && same_str(f[j].period, x->period))
                g[m++] = &f[j];
        long c;
        size_t recs[8], nr = 0;
        if (!set_count(g, m, x->grade, &c, recs, &nr)) continue;
        if (share_fits(x->s, x->approx, c, t)) {
            ix_audit_note_rec(a, x->rec, "arithmetic.share", IX_V_PASS, recs, nr, NULL);
            for (size_t j = 0; j < nr; j++) ix_audit_note_rec(a, recs[j], "arithmetic.share", IX_V_PASS, &x->rec, 1, NULL);
        } else {
            char why[600];
            snprintf(why, sizeof why, "%s%.3g%% of %ld is %.2f, so a count of %.0f or %.0f; the count of %s is %ld",
                     approx_words(x->approx), x->s * 100.0, t, x->s * (double)t, floor(x->s * (double)t),
                     ceil(x->s * (double)t), grade_names[x->grade], c);
            /* A total borrowed from another sentence may belong to another
             * set ("all authorities" against "the ten Greater Manchester
             * authorities"): then it is a question, not a failure. */
            ix_verdict v = x->ht ? IX_V_FAIL : IX_V_WARN;
            if (!x->ht) strncat(why, " (the total is not stated with the share but taken from elsewhere in the document)",
                                sizeof why - strlen(why) - 1);
            ix_audit_note_rec(a, x->rec, "arithmetic.share", v, recs, nr, "%s", why);
            for (size_t j = 0; j < nr; j++) ix_audit_note_rec(a, recs[j], "arithmetic.share", v, &x->rec, 1, "%s", why);
        }
    }
    /* One figure given twice for the same period, differently. */
    for (size_t k = 0; k < n; k++) {
        fig *x = &f[k];
        if (!x->period || x->headline) continue;
        for (size_t j = k + 1; j < n; j++) {
            fig *y = &f[j];
            if (y->headline || y->grade != x->grade || !same_str(x->period, y->period) || !same_str(x->unit, y->unit) ||
                strcmp(x->scope, y->scope) || !same_str(x->place, y->place) || (x->ht && y->ht && x->t != y->t))
                continue;
            bool cmp, ok = figs_agree(x, y, &cmp);
            if (!cmp || ok) continue;
            char *lx = fig_label(a, x), *ly = fig_label(a, y);
            ix_audit_note_rec(a, x->rec, "arithmetic.repeat", IX_V_WARN, &y->rec, 1,
                              "the document gives %s%s%s in %s twice, differently: %s and %s (is one about another time or place?)",
                              grade_names[x->grade], x->unit ? " " : "", x->unit ? x->unit : "", x->period, lx, ly);
            ix_audit_note_rec(a, y->rec, "arithmetic.repeat", IX_V_WARN, &x->rec, 1,
                              "the document gives %s%s%s in %s twice, differently: %s and %s (is one about another time or place?)",
                              grade_names[x->grade], x->unit ? " " : "", x->unit ? x->unit : "", x->period, ly, lx);
            free(lx);
            free(ly);
        }
    }
    /* Headline figures against the body. */
    for (size_t k = 0; k < n; k++) {
        fig *h = &f[k];
        if (!h->headline) continue;
        size_t rel[32], nrel = 0;
        bool any_ok = false;
        char body[600] = "";
        size_t w = 0;
        for (size_t j = 0; j < n; j++) {
            fig *b = &f[j];
            if (b->headline || b->grade != h->grade) continue;
            if (h->unit && b->unit && strcmp(h->unit, b->unit)) continue;
            bool cmp, ok = figs_agree(h, b, &cmp);
            if (!cmp) continue;
            if (ok) any_ok = true;
            if (nrel < 32) rel[nrel++] = b->rec;
            if (w < sizeof body) {
                char *l = fig_label(a, b);
                w += (size_t)snprintf(body + w, sizeof body - w, "%s%s", w ? "; " : "", l);
                free(l);
            }
        }
        if (!nrel) { ix_audit_note_rec(a, h->rec, "arithmetic.headline", IX_V_SKIP, NULL, 0, "no body figure to compare"); continue; }
        if (any_ok) { ix_audit_note_rec(a, h->rec, "arithmetic.headline", IX_V_PASS, rel, nrel, NULL); continue; }
        char *hv = fig_value(h);
        ix_audit_note_rec(a, h->rec, "arithmetic.headline", IX_V_FAIL, rel, nrel,
                          "the headline gives %s %s but the body gives %s", grade_names[h->grade], hv, body);
        for (size_t j = 0; j < nrel; j++)
            ix_audit_note_rec(a, rel[j], "arithmetic.headline", IX_V_FAIL, &h->rec, 1, "the headline gives %s %s", grade_names[h->grade], hv);
        free(hv);
    }
    free(done);
    free(g);
}

/* ---- across documents ------------------------------------------------------------ */

static int cmp_key(const fig *x, const fig *y)
{
    int c = strcmp(x->period, y->period);
    if (c) return c;
    c = strcmp(x->unit ? x->unit : "", y->unit ? y->unit : "");
    if (c) return c;
    c = strcmp(x->scope, y->scope);
    if (c) return c;
    return x->grade - y->grade;
}

static int cmp_fig(const void *p, const void *q)
{
    const fig *x = *(fig *const *)p, *y = *(fig *const *)q;
    int c = cmp_key(x, y);
    if (c) return c;
    if (x->ht != y->ht) return x->ht ? -1 : 1;
    if (x->ht && x->t != y->t) return x->t < y->t ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static ix_agree_row *add_row(ix_audit *a)
{
    a->agree = ix_xrealloc(a->agree, (a->nagree + 1) * sizeof *a->agree);
    ix_agree_row *w = &a->agree[a->nagree++];
    memset(w, 0, sizeof *w);
    return w;
}

/* One set of figures (same period, unit, grade and total) from several
 * documents. `canon` maps a document to the first document with the same
 * bytes, so a file given twice counts once. */
typedef struct dfig {
    fig *f;
    size_t d;                 /* canonical document */
    size_t k;                 /* index in the set */
} dfig;

static int cmp_dfig(const void *p, const void *q)
{
    const dfig *x = p, *y = q;
    if (x->d != y->d) return x->d < y->d ? -1 : 1;
    return x->f->rec < y->f->rec ? -1 : x->f->rec > y->f->rec;
}

/* Figures with the same value fields (count, total, share, approx) agree
 * or disagree with any figure alike: a set's figures are compared a value
 * class at a time, not one by one. */
static int cmp_value(const fig *x, const fig *y)
{
    if (x->hc != y->hc) return x->hc ? -1 : 1;
    if (x->hs != y->hs) return x->hs ? -1 : 1;
    if (x->ht != y->ht) return x->ht ? -1 : 1;
    if (x->c != y->c) return x->c < y->c ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (x->approx != y->approx) return x->approx < y->approx ? -1 : 1;
    uint64_t u, v;          /* the bits: equal bits, equal verdicts */
    memcpy(&u, &x->s, sizeof u);
    memcpy(&v, &y->s, sizeof v);
    return u < v ? -1 : u > v;
}

static int cmp_value_p(const void *p, const void *q)
{
    const dfig *x = *(const dfig *const *)p, *y = *(const dfig *const *)q;
    int c = cmp_value(x->f, y->f);
    if (c) return c;
    return x < y ? -1 : x > y;
}

/* What one document says to a figure of value class X: nothing comparable,
 * a figure that agrees, or only figures that disagree. */
enum { SAYS_NOTHING, SAYS_AGREE, SAYS_DISAGREE };

/* A document's distinct value classes, as a run of `cls`; documents with
 * the same classes say the same to every figure, so they are counted once
 * with their number. */
typedef struct dclasses {
    const size_t *cls;
    size_t n;
} dclasses;

static int cmp_dclasses(const void *p, const void *q)
{
    const dclasses *x = p, *y = q;
    for (size_t i = 0; i < x->n && i < y->n; i++)
        if (x->cls[i] != y->cls[i]) return x->cls[i] < y->cls[i] ? -1 : 1;
    return x->n < y->n ? -1 : x->n > y->n;
}

static int says(const fig *const *rep, size_t X, const size_t *cls, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        bool cmp, ok = figs_agree(rep[X], rep[cls[i]], &cmp);
        if (!cmp) continue;
        if (ok) return SAYS_AGREE;
        any = true;
    }
    return any ? SAYS_DISAGREE : SAYS_NOTHING;
}

static void agree_set(ix_audit *a, fig **s, size_t n)
{
    /* The set's figures grouped by document: docs[k]..docs[k+1] are the
     * figures of one document. */
    dfig *df = ix_xmalloc((n + 1) * sizeof *df);
    for (size_t k = 0; k < n; k++) df[k] = (dfig){s[k], s[k]->canon, k};
    qsort(df, n, sizeof *df, cmp_dfig);
    size_t *docs = ix_xmalloc((n + 1) * sizeof *docs), ndocs = 0;
    for (size_t k = 0; k < n; k++)
        if (!k || df[k].d != df[k - 1].d) docs[ndocs++] = k;
    docs[ndocs] = n;
    if (ndocs < 2) { free(docs); free(df); return; }
    /* Value classes: cls[k] for df[k]; rep[X] a figure of class X. A set of
     * a thousand documents repeating one figure is one class, where
     * comparing every figure with every document was a million
     * comparisons. */
    dfig **byv = ix_xmalloc((n + 1) * sizeof *byv);
    for (size_t k = 0; k < n; k++) byv[k] = &df[k];
    qsort(byv, n, sizeof *byv, cmp_value_p);
    const fig **rep = ix_xmalloc((n + 1) * sizeof *rep);
    size_t *cls = ix_xmalloc((n + 1) * sizeof *cls), nclass = 0;
    for (size_t k = 0; k < n; k++) {
        if (!k || cmp_value(byv[k]->f, byv[k - 1]->f)) rep[nclass++] = byv[k]->f;
        cls[byv[k] - df] = nclass - 1;
    }
    /* Each document's classes, sorted and distinct: dn[di] of them at
     * dcls + docs[di]. */
    size_t *dcls = ix_xmalloc((n + 1) * sizeof *dcls), *dn = ix_xmalloc((ndocs + 1) * sizeof *dn);
    dclasses *dc = ix_xmalloc((ndocs + 1) * sizeof *dc);
    for (size_t di = 0; di < ndocs; di++) {
        size_t *o = dcls + docs[di], m = 0;
        for (size_t k = docs[di]; k < docs[di + 1]; k++) {
            size_t c = cls[k], j = m;
            bool dup = false;
            for (size_t i = 0; i < m; i++) dup |= o[i] == c;
            if (dup) continue;
            while (j > 0 && o[j - 1] > c) { o[j] = o[j - 1]; j--; }
            o[j] = c;
            m++;
        }
        dc[di] = (dclasses){o, m};
        dn[di] = m;
    }
    /* Per class X: how many documents agree with it and how many only
     * disagree, over the distinct class lists, each weighed by how many
     * documents have it. A figure's own document is taken off again below. */
    qsort(dc, ndocs, sizeof *dc, cmp_dclasses);
    size_t *nagree = calloc(nclass + 1, sizeof *nagree), *ndis = calloc(nclass + 1, sizeof *ndis);
    for (size_t i = 0; i < ndocs;) {
        size_t j = i + 1;
        while (j < ndocs && dc[j].n == dc[i].n && !memcmp(dc[j].cls, dc[i].cls, dc[i].n * sizeof *dc[i].cls)) j++;
        for (size_t X = 0; X < nclass; X++) {
            int v = says(rep, X, dc[i].cls, dc[i].n);
            if (v == SAYS_AGREE) nagree[X] += j - i;
            else if (v == SAYS_DISAGREE) ndis[X] += j - i;
        }
        i = j;
    }
    /* s index -> its df index, and df index -> its document */
    size_t *pos = ix_xmalloc((n + 1) * sizeof *pos), *dof = ix_xmalloc((n + 1) * sizeof *dof);
    for (size_t di = 0; di < ndocs; di++)
        for (size_t k = docs[di]; k < docs[di + 1]; k++) {
            dof[k] = di;
            pos[df[k].k] = k;
        }

    ix_agree_row *row = add_row(a);
    row->period = ix_xstrdup(s[0]->period);
    row->unit = ix_xstrdup(s[0]->unit ? s[0]->unit : "");
    char gname[96];
    snprintf(gname, sizeof gname, "%s%s%s%s", grade_names[s[0]->grade], strcmp(s[0]->scope, "overall") ? " (" : "",
             strcmp(s[0]->scope, "overall") ? s[0]->scope : "", strcmp(s[0]->scope, "overall") ? ")" : "");
    row->grade = ix_xstrdup(gname);
    bool all_total = true;
    for (size_t k = 0; k < n; k++) all_total &= s[k]->ht;
    if (all_total) {
        char t[32];
        snprintf(t, sizeof t, "%ld", s[0]->t);
        row->total = ix_xstrdup(t);
    }
    row->ndocs = ndocs;
    row->cells = ix_xmalloc(n * sizeof *row->cells);
    row->ok = true;
    size_t best = IX_NONE, best_agree = 0;
    for (size_t k = 0; k < n; k++) {
        fig *x = s[k];
        size_t X = cls[pos[k]], dx = dof[pos[k]];
        /* every other document: the counts less x's own document's answer */
        size_t agree = nagree[X], disagree = ndis[X];
        int own = says(rep, X, dcls + docs[dx], dn[dx]);
        if (own == SAYS_AGREE) agree--;
        else if (own == SAYS_DISAGREE) disagree--;
        ix_agree_cell *c = &row->cells[row->ncells++];
        c->rec = x->rec;
        c->value = fig_value(x);
        c->agrees = true;
        if (agree + disagree == 0) continue;
        if (agree + 1 > best_agree) { best_agree = agree + 1; best = k; }
        if (disagree == 0 || disagree < agree + 1) {
            ix_audit_note_rec(a, x->rec, "crossdoc.agreement", IX_V_PASS, NULL, 0, NULL);
            continue;
        }
        c->agrees = false;
        row->ok = false;
        /* The reason names the disagreeing figures of the documents that
         * only disagree, in document order, as far as it has room. */
        size_t rel[64], nrel = 0, w = 0;
        char other[700] = "";
        for (size_t di = 0; di < ndocs && (nrel < 64 || w < sizeof other); di++) {
            if (di == dx) continue;
            bool any_ok = false;
            size_t r0 = nrel, w0 = w;
            for (size_t jj = docs[di]; jj < docs[di + 1]; jj++) {
                const fig *fj = df[jj].f;
                bool cmp, ok = figs_agree(x, fj, &cmp);
                if (!cmp) continue;
                if (ok) { any_ok = true; break; }
                if (nrel < 64) rel[nrel++] = fj->rec;
                if (w < sizeof other) {
                    char *l = fig_label(a, fj);
                    ix_aref r;
                    ix_audit_ref(a, fj->rec, &r);
                    w += (size_t)snprintf(other + w, sizeof other - w, "%s%s says %s", w ? "; " : "",
                                          r.doc ? r.doc : "?", l);
                    free(l);
                }
            }
            if (any_ok) {             /* its disagreeing figures are not the reason */
                nrel = r0;
                w = w0;
                if (w < sizeof other) other[w] = 0;
            }
        }
        char *v = fig_value(x);
        if (disagree == agree + 1)
            ix_audit_note_rec(a, x->rec, "crossdoc.agreement", IX_V_FAIL, rel, nrel,
                              "documents disagree on %s%s%s in %s with no majority: this one says %s; %s",
                              grade_names[x->grade], x->unit ? " " : "", x->unit ? x->unit : "", x->period, v, other);
        else
            ix_audit_note_rec(a, x->rec, "crossdoc.agreement", IX_V_FAIL, rel, nrel,
                              "disagrees with the majority (%zu of %zu documents) on %s%s%s in %s: this one says %s; %s",
                              disagree, agree + disagree + 1, grade_names[x->grade], x->unit ? " " : "", x->unit ? x->unit : "", x->period, v,
                              other);
        free(v);
    }
    if (best != IX_NONE && best_agree * 2 > ndocs) row->majority = fig_value(s[best]);
    free(pos); free(dof); free(nagree); free(ndis); free(dc); free(dn); free(dcls); free(cls); free(rep); free(byv);
    free(docs);
    free(df);
}

typedef struct dsha {
    const char *sha;
    size_t d;
    fig *f;
} dsha;

static int cmp_dsha(const void *p, const void *q)
{
    const dsha *x = p, *y = q;
    int c = strcmp(x->sha, y->sha);
    if (c) return c;
    return x->d < y->d ? -1 : x->d > y->d;
}

/* Each figure's canonical document: the first document with the same
 * bytes (sha256), so a file given twice counts once. Sorting keeps it
 * O(n log n) for large runs. */
static void set_canon(kept *K)
{
    dsha *v = ix_xmalloc((K->n + 1) * sizeof *v);
    size_t n = 0;
    for (size_t k = 0; k < K->n; k++) {
        K->f[k].canon = K->f[k].doc;
        if (K->f[k].sha) v[n++] = (dsha){K->f[k].sha, K->f[k].doc, &K->f[k]};
    }
    qsort(v, n, sizeof *v, cmp_dsha);
    for (size_t k = 1; k < n; k++)
        if (!strcmp(v[k].sha, v[k - 1].sha)) v[k].f->canon = v[k - 1].f->canon;
    free(v);
}

void ix_audit_crossdoc(ix_audit *a)
{
    kept *K = a->kept;
    if (!K) return;
    set_canon(K);
    fig **p = ix_xmalloc((K->n + 1) * sizeof *p);
    size_t m = 0;
    for (size_t k = 0; k < K->n; k++) p[m++] = &K->f[k];
    qsort(p, m, sizeof *p, cmp_fig);
    for (size_t k = 0; k < m;) {
        size_t j = k;
        while (j < m && !cmp_key(p[k], p[j])) j++;
        /* Within one key: one set unless several totals are stated, then
         * one set per total plus one for figures with no total. */
        int ntot = 0;
        long last = 0;
        for (size_t i = k; i < j; i++)
            if (p[i]->ht && (ntot == 0 || p[i]->t != last)) { ntot++; last = p[i]->t; }
        if (ntot <= 1) agree_set(a, p + k, j - k);
        else
            for (size_t i = k; i < j;) {
                size_t e = i;
                while (e < j && p[e]->ht == p[i]->ht && (!p[i]->ht || p[e]->t == p[i]->t)) e++;
                agree_set(a, p + i, e - i);
                i = e;
            }
        k = j;
    }
    free(p);
    ix_audit_kept_free(a);
}

void ix_audit_kept_free(ix_audit *a)
{
    kept *K = a->kept;
    if (!K) return;
    for (size_t k = 0; k < K->n; k++) {
        free(K->f[k].unit);
        free(K->f[k].period);
        free(K->f[k].sha);
    }
    free(K->f);
    free(K);
    a->kept = NULL;
}

/* Keeps figure f (of the records held) for agreement across documents:
 * its values, and what a finding prints of its record, which may be let go
 * of before the figures are compared. Takes f's strings. */
static void keep_fig(ix_audit *a, fig *f)
{
    kept *K = a->kept;
    if (!K) K = a->kept = calloc(1, sizeof *K);
    if (!K) abort();
    if (K->n == K->cap) {
        K->cap = K->cap ? K->cap * 2 : 64;
        K->f = ix_xrealloc(K->f, K->cap * sizeof *K->f);
    }
    const ix_arec *r = &a->recs[f->rec - a->base];
    const ix_adoc *d = &a->docs[f->doc];
    fig *g = &K->f[K->n++];
    *g = *f;
    g->sha = json_is_string(json_object_get(a->recs[d->rec].rec, "sha256"))
                 ? ix_xstrdup(jstr(a->recs[d->rec].rec, "sha256")) : NULL;
    g->doc = a->docbase + f->doc;
    if (a->nrefs == a->caprefs) {
        a->caprefs = a->caprefs ? a->caprefs * 2 : 64;
        a->refs = ix_xrealloc(a->refs, a->caprefs * sizeof *a->refs);
    }
    /* Records are kept in file order, so refs[] stays sorted by rec. */
    const char *ev = jstr(r->rec, "evidence");
    a->refs[a->nrefs++] = (ix_aref){g->rec, r->line, ix_xstrdup(jstr(r->rec, "doc")), ev ? ix_xstrdup(ev) : NULL,
                                    r->has_span, r->a, r->b};
}

void ix_audit_doc_figures(ix_audit *a, size_t di, bool keep)
{
    const ix_adoc *doc = &a->docs[di];
    fig *f = ix_xmalloc((doc->nrecs + 1) * sizeof *f);
    size_t n = 0;
    for (size_t k = 0; k < doc->nrecs; k++)
        if (read_fig(a, doc->recs[k], &f[n])) n++;
    doc_arithmetic(a, f, n);
    for (size_t k = 0; k < n; k++) {
        /* a place's row is no figure for the country's period */
        if (keep && f[k].period && !f[k].headline && !f[k].place) { keep_fig(a, &f[k]); continue; }
        free(f[k].unit);
        free(f[k].period);
    }
    free(f);
}
