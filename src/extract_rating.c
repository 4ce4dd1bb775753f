/* extract_rating.c — rating records: how many inspected things got a grade.
 *
 * Consumes the sentences of the non-boilerplate paragraphs and the rules of
 * patterns/ratings.pat (families rating, rating_context, rating_period,
 * rating_table, rating_row, rating_next, rating_lead, rating_antecedent).
 * Produces `rating` records; also keeps them in ctx->ratings for the
 * council_rating extractor ("These included Rotherham").
 *
 * Per sentence: context rules note a stated total ("Of the 87 authorities,
 * ...") that also holds for the rest of the paragraph; every rating rule is
 * run over the sentence; after each rating the `continue` rules read on
 * through a list ("..., with a further 26 requiring improvement"). A
 * quantity already used by an earlier rule is not used again, so rules are
 * listed from the most specific to the most general. One fact stated twice
 * in a document is one record (GOLD.md): duplicates of (grade, count,
 * share) are dropped, preferring a body sentence over the headline.
 */
#include <math.h>
#include <stdlib.h>
#include "internal.h"

typedef struct figure {
    const char *grade;     /* borrowed from the grades table */
    char *unit;
    long total;            /* -1 when unknown */
} figure;

typedef struct rstate {
    ix_ctx *c;
    const ix_table *grades, *units, *approx, *relatives, *nonunits;
    long ctx_total;
    char *ctx_unit;
    /* the year of the figure whose total is the context ("" for none), or
     * NULL when a context clause ("Of the 87 authorities,") gave it */
    char *ctx_period;
    size_t ctx_start, ctx_end;   /* the context clause itself is no figure */
    size_t ctx_para, para;       /* where the context was stated; where we are */
    size_t clause_a, clause_b;   /* this sentence's "Of the 87 authorities," clause */
    struct { size_t a, b; } periods[8];   /* "in 2013/14" phrases of the sentence */
    size_t nperiods;
    struct { size_t a, b; } earlier[4];   /* "Last year's", "A year earlier" in the sentence */
    size_t nearlier;
    /* Context and periods are read lazily, when a sentence yields its first
     * figure: most sentences (and half the documents) yield none, and the
     * context rules ran on every one of them. */
    const ix_rule_list *ctxr, *per;
    const ix_rule_list *ante;    /* a grade named anywhere: what "it" points back to */
    size_t sent;                 /* the sentence being read */
    size_t ctx_next;             /* sentences before this one have been read for context */
    bool ready;                  /* this sentence's context and periods are read */
    /* A table's rows ("Good | 68 | 45%") take the total of its "Total"
     * row and the unit of its header row (family rating_table), read once
     * per block of lines; a table whose rows are places ("North East | 12 |
     * 9 | 75%") takes its grade from its header's column ("Region |
     * Councils | Good or outstanding | Share") */
    const ix_rule_list *tbl;
    size_t tbl_block;
    long tbl_total;
    char *tbl_unit;
    const char *tbl_grade;       /* borrowed from the grades table */
    figure prev;           /* the last rating of this sentence */
    bool have_prev;
    bool prev_in_ctx;      /* ... and it lay in the context's clause */
    /* the last rating of the document so far, and its sentence: "A year
     * earlier the figure was 56 per cent" takes its grade and unit */
    figure last;
    size_t last_sent;
    bool have_last;
    bool after_rating;           /* this sentence follows one that gave the
                                    last rating, in the same paragraph */
    ix_span *used;
    size_t nused, capused;
    /* collected records, deduplicated at the end */
    json_t **recs;
    ix_span *spans;
    bool *headline;
    size_t nrecs, caprecs;
} rstate;

static char *group_text(const ix_doc *d, const ix_match *m, const char *name, size_t *ga, size_t *gb)
{
    size_t a, b;
    if (!ix_match_group(m, name, &a, &b) || a >= b) return NULL;
    if (ga) *ga = a;
    if (gb) *gb = b;
    return ix_xstrndup(d->text + a, b - a);
}

/* Unit: the longest listed tail of the captured phrase ("English council
 * areas" -> "council areas" -> areas). */
static char *unit_of(const ix_table *units, const char *s)
{
    const char *p = s;
    while (p && *p) {
        const char *v = ix_table_get(units, p, strlen(p));
        if (v) return ix_xstrdup(v);
        p = strchr(p, ' ');
        if (p) p++;
    }
    return NULL;
}

static const char *grade_of(const ix_table *grades, const char *s)
{
    return ix_grade_get(grades, s, strlen(s));
}

/* A bracket right after a rating's match that gives its figure in another
 * form: "(63%)", "(12 of 153)", "(44 per cent)". Its contents [*a, *b), or
 * false: a year, a name or anything else in brackets is no figure. */
static bool bracket_after(const char *t, size_t at, size_t limit, size_t *a, size_t *b)
{
    if (at + 3 >= limit || t[at] != ' ' || t[at + 1] != '(') return false;
    const char *close = memchr(t + at + 2, ')', limit - at - 2 < 40 ? limit - at - 2 : 40);
    if (!close) return false;
    size_t ca = at + 2, cb = (size_t)(close - t);
    if (cb == ca || !ix_is_digit(t[ca])) return false;
    const char *in = t + ca;
    size_t n = cb - ca;
    bool pct = memchr(in, '%', n) || ix_memfind(in, n, " per cent", 9) || ix_memfind(in, n, " percent", 8);
    bool ofn = ix_memfind(in, n, " of ", 4) || ix_memfind(in, n, " out of ", 8);
    for (size_t i = 0; i < n; i++)
        if (!ix_is_digit(in[i]) && !ix_is_lower(in[i]) && !strchr(" .,%", in[i])) return false;
    if (!pct && !ofn) return false;
    *a = ca;
    *b = cb;
    return true;
}

/* Merges the second form of a figure, parsed from `text`, into q: a share
 * for a count, a count (and its total) for a share. False when it adds
 * nothing (or does not parse). */
static bool second_form(const ix_lexicon *lx, const ix_table *approx, const char *text, ix_quantity *q)
{
    /* "(roughly 100 of the 153)": the bracket's own approximator
     * (patterns/approx.tsv, up to three words) is not part of its figure */
    for (size_t i = 0, words = 0; text[i] && words < 3; i++) {
        if (text[i] != ' ') continue;
        words++;
        if (ix_table_get(approx, text, i)) { text += i + 1; break; }
    }
    ix_quantity p;
    if (!ix_quantity_parse(lx, text, strlen(text), &p)) return false;
    bool took = false;
    if (p.has_share && !q->has_share) {
        q->has_share = 1; q->share = p.share;
        took = true;
        /* "41 - just over a quarter of the 153 -" */
        if (p.has_total && !p.has_count && !q->has_total) { q->has_total = 1; q->total = p.total; }
    }
    /* its count, and with it its total when the figure is a share without
     * one ("six in ten of us - 96 of the 153 authorities -") */
    if (p.has_count && !q->has_count && (!p.has_total || (q->has_share && !q->has_total))) {
        q->has_count = 1; q->count = p.count;
        took = true;
        if (p.has_total) { q->has_total = 1; q->total = p.total; }
    }
    return took;
}

static bool overlaps_used(const rstate *st, size_t a, size_t b)
{
    for (size_t i = 0; i < st->nused; i++)
        if (a < st->used[i].b && st->used[i].a < b) return true;
    return false;
}

static void mark_used(rstate *st, size_t a, size_t b)
{
    if (st->nused == st->capused) {
        st->capused = st->capused ? st->capused * 2 : 8;
        st->used = ix_xrealloc(st->used, st->capused * sizeof *st->used);
    }
    st->used[st->nused++] = (ix_span){a, b};
}

static void keep(rstate *st, json_t *rec, ix_span span, bool headline)
{
    if (st->nrecs == st->caprecs) {
        st->caprecs = st->caprecs ? st->caprecs * 2 : 16;
        st->recs = ix_xrealloc(st->recs, st->caprecs * sizeof *st->recs);
        st->headline = ix_xrealloc(st->headline, st->caprecs * sizeof *st->headline);
        st->spans = ix_xrealloc(st->spans, st->caprecs * sizeof *st->spans);
    }
    st->spans[st->nrecs] = span;
    st->recs[st->nrecs] = rec;
    st->headline[st->nrecs] = headline;
    st->nrecs++;
}

static char *period_for(const rstate *st, size_t a, size_t b);
static bool earlier_time(const rstate *st, size_t a, size_t b);
static bool in_closed_relative(const rstate *st, const char *s, size_t sa, size_t pa, size_t a);

/* Builds a rating from a match; NULL when the pieces do not make a figure. */
static void prepare(rstate *st);
static json_t *make_now(rstate *st, const ix_match *m, bool headline, bool table);

/* Is the paragraph being read an item of a list that the context's
 * paragraph heads or belongs to ("we had inspected 103 local authorities"
 * or "The latest figures cover all 153 councils. They break down like
 * this:", then "- Outstanding: 24 councils (16%)")? Every paragraph from
 * the context's to this one is then an item, the first perhaps a line that
 * ends with a colon. */
static bool in_ctx_list(const rstate *st)
{
    const ix_doc *d = st->c->doc;
    if (st->ctx_para >= st->para || !ix_para_bullet(d, &d->paras[st->para])) return false;
    for (size_t pi = st->ctx_para + 1; pi < st->para; pi++)
        if (!ix_para_bullet(d, &d->paras[pi])) return false;
    const ix_para *cp = &d->paras[st->ctx_para];
    return ix_para_bullet(d, cp) || ix_para_ends_colon(d, cp);
}

/* The total and the unit of the table around the paragraph being read: a
 * row of the family rating_table anywhere in its block (the lines between
 * two blank lines) gives them. Read once per block. */
static void table_context(rstate *st)
{
    ix_ctx *c = st->c;
    ix_doc *d = c->doc;
    size_t blk = d->paras[st->para].block;
    if (st->tbl_block == blk + 1) return;
    st->tbl_block = blk + 1;
    st->tbl_total = -1;
    st->tbl_grade = NULL;
    free(st->tbl_unit);
    st->tbl_unit = NULL;
    size_t first = st->para;
    while (first > 0 && d->paras[first - 1].block == blk) first--;
    /* A caption that ends with a colon on the line before the block, a
     * blank line between ("Share of councils rated good or outstanding, by
     * region:", then the list), is the block's header too. */
    size_t from = first;
    if (first > 0 && ix_para_ends_colon(d, &d->paras[first - 1])) from = first - 1;
    for (size_t pi = from; pi < d->npara && (pi < first || d->paras[pi].block == blk); pi++) {
        const ix_para *p = &d->paras[pi];
        for (size_t k = 0; k < st->tbl->n; k++) {
            ix_match m;
            if (ix_rule_match(st->tbl->r[k], c->scratch, d, p->a, p->b, p->a, true, &m) != 1) continue;
            char *t = group_text(d, &m, "total", NULL, NULL);
            long v;
            if (t && st->tbl_total < 0 && ix_number_parse(c->rules->lex, t, strlen(t), &v)) st->tbl_total = v;
            free(t);
            char *u = group_text(d, &m, "unit", NULL, NULL);
            if (u && !st->tbl_unit) {
                for (char *x = u; *x; x++) if (ix_is_upper(*x)) *x = (char)(*x + 32);   /* "Authorities" */
                st->tbl_unit = unit_of(st->units, u);
            }
            free(u);
            char *g = group_text(d, &m, "grade", NULL, NULL);
            if (g && !st->tbl_grade) st->tbl_grade = grade_of(st->grades, g);
            free(g);
        }
    }
}

static json_t *make(rstate *st, const ix_match *m, bool headline)
{
    bool table = json_object_get(m->rule->set, "table") != NULL;
    if (st->ready && !table) return make_now(st, m, headline, false);
    /* Reading the context (or the table) runs rules, which reuse the match
     * data that m's offsets live in: keep a copy of them first. */
    PCRE2_SIZE *ov = ix_xmalloc((size_t)m->n * 2 * sizeof *ov + 1);
    memcpy(ov, m->ov, (size_t)m->n * 2 * sizeof *ov);
    ix_match mc = *m;
    mc.ov = ov;
    if (!st->ready) prepare(st);
    if (table) table_context(st);
    json_t *r = make_now(st, &mc, headline, table);
    free(ov);
    return r;
}

/* Do the up to four words after a figure, at b, name people or things no
 * inspection grades (patterns/nonunits.tsv), as a phrase from the first
 * word or as the last word, the head of a longer noun ("of the children's
 * social work workforce")? Whole words: "children's homes" is not
 * "children". */
static bool nonunit_after(const ix_table *t, const char *s, size_t b, size_t end)
{
    if (!t || b >= end || s[b] != ' ') return false;
    size_t a = b + 1;
    /* "half of the children we supported": what the figure is a part of */
    static const char *const of[] = {"of the ", "of all ", "of our ", "of its ", "of their ", "of "};
    for (size_t k = 0; k < sizeof of / sizeof *of; k++) {
        size_t l = strlen(of[k]);
        if (end - a > l && !memcmp(s + a, of[k], l)) { a += l; break; }
    }
    size_t w = a;
    for (int words = 0; words < 4; words++) {
        size_t w0 = w;
        while (w < end && (ix_is_alpha(s[w]) || s[w] == '-')) w++;
        if (w == w0) return false;
        /* a possessive modifies the word after it: "children's
         * social work workforce" */
        bool poss = w < end && s[w] == '\'';
        if (!poss && (ix_table_has(t, s + a, w - a) || (words && ix_table_has(t, s + w0, w - w0)))) return true;
        if (poss && ++w < end && s[w] == 's') w++;
        if (w >= end || s[w] != ' ') return false;
        w++;
    }
    return false;
}

/* Does [a, at) hold at most a quotation mark or a bracket, so that what
 * starts at `at` opens the sentence at a? (Bytes of 0x80 and up are the
 * curly quotation marks here; ix_is_alnum counts them as letters.) */
static bool opens_sentence(const char *t, size_t a, size_t at)
{
    if (at - a > 4) return false;
    for (size_t i = a; i < at; i++)
        if ((unsigned char)t[i] < 0x80 && ix_is_alnum(t[i])) return false;
    return true;
}

/* The grade of sentence si's rating_antecedent matches that start in [from,
 * upto): the last one, or with `opening` the one the sentence opens with
 * (a quotation mark at most before it), else the last. NULL when none. */
static const char *grade_in(rstate *st, size_t si, size_t from, size_t upto, bool opening)
{
    ix_ctx *c = st->c;
    ix_doc *d = c->doc;
    const ix_sent *s = &d->sents[si];
    const char *last = NULL;
    if (!st->ante->n || !ix_prefilter_family_may(c->scratch, d, st->ante, si)) return NULL;
    for (size_t k = 0; k < st->ante->n; k++)
        for (size_t at = from; at < upto;) {
            ix_match m;
            if (ix_rule_match(st->ante->r[k], c->scratch, d, s->a, s->b, at, false, &m) != 1 || m.a >= upto) break;
            char *gtext = group_text(d, &m, "grade", NULL, NULL);
            const char *g = gtext ? grade_of(st->grades, gtext) : NULL;
            free(gtext);
            if (g && opening && opens_sentence(d->text, s->a, m.a)) return g;
            if (g) last = g;
            at = m.b > at ? m.b : at + 1;
        }
    return last;
}

/* The grade a figure refers back to ("The bottom grade. Twelve councils
 * hold it today", "About a third of councils currently have this rating",
 * "among the 44 councils with that grade"): the last grade
 * named before the figure (at qa) in its sentence; else, in the two
 * sentences before it within the paragraph or the one before, the grade a
 * sentence opens with (its subject, the term it defines: "'Requires
 * improvement' means services are not yet good") or else its last one, the
 * most recent. */
static const char *grade_named_before(rstate *st, size_t qa)
{
    ix_doc *d = st->c->doc;
    size_t si = st->sent;
    const char *g = grade_in(st, si, d->sents[si].a, qa, false);
    for (size_t back = 1; !g && back <= 2 && back <= si; back++) {
        const ix_sent *s = &d->sents[si - back];
        if (s->para + 1 < d->sents[si].para || d->paras[s->para].boilerplate) break;
        g = grade_in(st, si - back, s->a, s->b, true);
    }
    return g;
}

/* table: the rule reads a table, which make() has read */
static json_t *make_now(rstate *st, const ix_match *m, bool headline, bool table)
{
    ix_ctx *c = st->c;
    ix_doc *d = c->doc;
    const ix_lexicon *lx = c->rules->lex;
    size_t qa = 0, qb = 0;
    char *qtext = group_text(d, m, "q", &qa, &qb);
    /* "all but one of the five", whichever rule found the figure: the
     * words before it say the figure is the others, so it is read with
     * them (ix_quantity_parse), which needs a total ("all but two
     * councils" gives none) */
    if (qtext && qa >= 8 && !strncasecmp(d->text + qa - 8, "all but ", 8) && (qa == 8 || !ix_is_alpha(d->text[qa - 9]))) {
        free(qtext);
        qa -= 8;
        qtext = ix_xstrndup(d->text + qa, qb - qa);
    }
    json_t *set = m->rule->set;
    ix_quantity q;
    memset(&q, 0, sizeof q);
    if (qtext && !ix_quantity_parse(lx, qtext, strlen(qtext), &q)) { free(qtext); return NULL; }
    if (!qtext && !json_object_get(set, "count")) return NULL;
    if (qtext && overlaps_used(st, qa, qb)) { free(qtext); return NULL; }
    /* "Of the 87 authorities inspected, 22 ...": the 87 is a total, not a
     * figure — unless the clause itself grades it ("Of the 32 councils that
     * were rated inadequate, ..."). */
    if (qtext && st->clause_b && qa >= st->clause_a && qa < st->clause_b && m->b > st->clause_b) {
        free(qtext);
        return NULL;
    }

    /* the grade */
    size_t ga = 0, gb = 0;
    char *gtext = group_text(d, m, "grade", &ga, &gb);
    /* "The Council of the Isles of Scilly, which looks after fewer than 10
     * children in care, was judged good": a figure inside a relative clause
     * that closes before the grade describes the council, which the grade
     * is of. */
    if (qtext && gtext && in_closed_relative(st, d->text, d->sents[st->sent].a, qa, ga)) {
        free(gtext);
        free(qtext);
        return NULL;
    }
    const char *grade = gtext ? grade_of(st->grades, gtext) : NULL;
    free(gtext);
    const char *gf = json_string_value(json_object_get(set, "grade_from"));
    /* the sentence before's grade (and unit), for a figure that opens its
     * sentence right after a rating (st->after_rating) */
    bool from_before = !grade && gf && !strcmp(gf, "sentence_before") && st->after_rating;
    if (!grade && gf && !strcmp(gf, "table")) grade = st->tbl_grade;
    else if (from_before) grade = st->last.grade;
    else if (!grade && gf && !strcmp(gf, "previous_not") && st->have_prev) {
        /* "15 of the 24 are good or better; nine are not yet there": the
         * rest of a two-way split, so only good or better and less than
         * good have an opposite */
        const char *pg = st->prev.grade;
        grade = !pg ? NULL : !strcmp(pg, "good_or_better") ? "less_than_good" : !strcmp(pg, "less_than_good") ? "good_or_better" : NULL;
    } else if (!grade && gf && st->have_prev) grade = st->prev.grade;
    size_t ra, rb;
    if (!grade && ix_match_group(m, "gref", &ra, &rb)) grade = grade_named_before(st, qa);
    if (!grade) { free(qtext); return NULL; }

    /* a second form of the figure: "(21)", "(44 per cent)", "- 27 -"; or
     * in brackets after the grade, where no rule reads it: "one in ten
     * authorities are rated inadequate (12 of 153)", "96 councils rated
     * good or better (63%)" (the record's span then takes it in) */
    size_t pa = 0, pb = 0, end = m->b;
    char *ptext = group_text(d, m, "paren", &pa, &pb);
    if (!ptext) {
        size_t ba, bb;
        if (bracket_after(d->text, m->b, d->sents[st->sent].b, &ba, &bb)) {
            ptext = ix_xstrndup(d->text + ba, bb - ba);
            pa = ba;
            pb = bb;
            end = bb + 1;
        }
    }
    /* a bracket after the match that adds nothing stays out of the record */
    if (ptext && !second_form(lx, st->approx, ptext, &q) && end != m->b) {
        end = m->b;
        pa = pb = 0;
    }
    free(ptext);
    json_t *cz = json_object_get(set, "count");
    if (cz && !q.has_count && !q.has_share) { q.has_count = 1; q.count = strtol(json_string_value(cz), NULL, 10); }

    size_t ta = 0, tb = 0;
    char *ttext = group_text(d, m, "total", &ta, &tb);
    long total;
    if (ttext && !q.has_total && ix_number_parse(lx, ttext, strlen(ttext), &total)) { q.has_total = 1; q.total = total; }
    else ta = tb = 0;
    free(ttext);

    char *utext = group_text(d, m, "unit", NULL, NULL);
    if (!utext && qtext && nonunit_after(st->nonunits, d->text, qb, d->sents[st->sent].b)) {
        free(qtext);
        return NULL;
    }
    char *unit = utext ? unit_of(st->units, utext) : NULL;
    bool utext_given = unit != NULL;
    free(utext);
    if (table && !unit && st->tbl_unit) unit = ix_xstrdup(st->tbl_unit);
    bool table_total = table && !q.has_total && st->tbl_total >= 0;
    if (table_total) { q.has_total = 1; q.total = st->tbl_total; }
    bool after_ctx = st->ctx_end && qa >= st->ctx_end;
    if (!unit && st->have_prev && st->prev.unit) unit = ix_xstrdup(st->prev.unit);
    if (!unit && from_before && st->last.unit) unit = ix_xstrdup(st->last.unit);
    if (!unit && after_ctx && st->ctx_unit) unit = ix_xstrdup(st->ctx_unit);
    /* "..., compared with six of the 30 highest-spending ones", "down from 26
     * a year ago": another set or another time, so no total is carried to it,
     * and the record says it is a comparison (the audit keeps it out of the
     * figure's set) */
    bool comparison = json_object_get(set, "comparison") != NULL;
    /* "set total none": a figure for a narrower place ("...; in the West
     * Midlands, it is fewer than half") is out of that place's councils,
     * not the figure before's total, and the context's is no better */
    const char *tset = json_string_value(json_object_get(set, "total"));
    bool no_total = tset && !strcmp(tset, "none");
    if (!comparison && !no_total && !q.has_total && st->have_prev && st->prev.total >= 0 && m->rule->anchored_continue) {
        q.has_total = 1;
        q.total = st->prev.total;
    }
    char *period = group_text(d, m, "period", NULL, NULL);
    if (!period) period = period_for(st, m->a, m->b);
    /* A stated total holds for its paragraph; later paragraphs take it only
     * for figures that name no unit of their own ("Just 35 were rated good"),
     * or that are items of a list the context heads or is an item of (but
     * not those of a year of their own: "In 2014-15, 41 per cent ..."). */
    const ix_table *cls = ix_rules_tab(c->rules, IX_TAB_UNITCLASS);
    const char *c1 = unit ? ix_table_get(cls, unit, strlen(unit)) : NULL;
    const char *c2 = st->ctx_unit ? ix_table_get(cls, st->ctx_unit, strlen(st->ctx_unit)) : NULL;
    bool same_set = !unit || !st->ctx_unit || (c1 && c2 && !strcmp(c1, c2)) || !strcmp(unit, st->ctx_unit);
    /* the items of one list share one total: none when the first had none */
    /* (but "of the 12 councils now rated inadequate, five were ...": the
     * figure in the context's own clause heads no list) */
    bool list_without = m->rule->anchored_continue && st->have_prev && st->prev.total < 0 &&
                        !(st->prev_in_ctx && after_ctx);
    /* "45 authorities (44 per cent) ... In 2014-15, 41 per cent of
     * inspected authorities ...": a figure of a year of its own is not out
     * of the total an earlier figure of another time gave */
    bool other_year = period && st->ctx_period && strcmp(period, st->ctx_period);
    if (earlier_time(st, m->a, m->b)) other_year = true;
    if (!comparison && !no_total && !q.has_total && !list_without && !other_year && after_ctx && st->ctx_total >= 0 && same_set &&
        (st->ctx_para == st->para || !utext_given || (!period && in_ctx_list(st)))) {
        q.has_total = 1;
        q.total = st->ctx_total;
    }
    if (q.has_total && q.has_count && q.count > q.total) q.has_total = 0;   /* not a denominator */

    char *atext = group_text(d, m, "approx", NULL, NULL);
    if (!atext) atext = group_text(d, m, "approx2", NULL, NULL);
    const char *approx = atext ? ix_table_get(st->approx, atext, strlen(atext)) : NULL;
    free(atext);


    json_t *rec = ix_record_new("rating", d);
    json_object_set_new_nocheck(rec, "grade", ix_json_str(grade));
    json_object_set_new_nocheck(rec, "count", q.has_count ? json_integer(q.count) : json_null());
    json_object_set_new_nocheck(rec, "share", q.has_share ? json_real(q.share) : json_null());
    json_object_set_new_nocheck(rec, "total", q.has_total ? json_integer(q.total) : json_null());
    json_object_set_new_nocheck(rec, "unit", unit ? ix_json_str(unit) : json_null());
    json_object_set_new_nocheck(rec, "approx", approx ? ix_json_str(approx) : json_null());
    json_object_set_new_nocheck(rec, "period", period ? ix_json_str(period) : json_null());
    if (qtext) {
        char *nt = ix_doc_evidence(d, qa, qb);
        json_object_set_new_nocheck(rec, "number_text", ix_json_str(nt));
        free(nt);
        mark_used(st, qa, qb);
        /* "14 authorities - about one in ten -": the second form is this
         * figure too, not a figure of its own */
        if (pb > pa) mark_used(st, pa, pb);
        /* "half of the North West's 23 councils": the 23 is this figure's
         * total, not a count of its own for a rule that starts there */
        if (tb > ta) mark_used(st, ta, tb);
    } else json_object_set_new_nocheck(rec, "number_text", json_null());
    /* a list item's span starts at its figure, not at ", while" */
    size_t sa = qtext && qa < m->a ? qa : m->a, aa, ab;     /* "all but" before the match */
    if (m->rule->anchored_continue && qtext) {
        sa = qa;
        if (ix_match_group(m, "approx", &aa, &ab) && aa < sa) sa = aa;
    }
    ix_doc_set_span(d, rec, "span", sa, end);
    json_object_set_new_nocheck(rec, "rule", ix_json_str(m->rule->name));
    if (comparison) json_object_set_new_nocheck(rec, "comparison", json_true());
    char *place = group_text(d, m, "place", NULL, NULL);
    if (place) json_object_set_new_nocheck(rec, "place", json_string(place));
    free(place);

    /* "rated inadequate in 10 of 60 inspections. Fewer than half - 27 - ...":
     * a figure's own total is context for the figures after it (a table's
     * is its rows' only) */
    if (q.has_total && qtext && !m->rule->anchored_continue && !table_total) {
        st->ctx_total = q.total;
        free(st->ctx_unit);
        st->ctx_unit = unit ? ix_xstrdup(unit) : NULL;
        free(st->ctx_period);
        st->ctx_period = ix_xstrdup(period ? period : "");
        st->ctx_start = st->ctx_end = m->b;
        st->ctx_para = st->para;
    }
    free(period);
    free(qtext);
    free(st->prev.unit);
    st->prev = (figure){grade, unit, q.has_total ? q.total : -1};
    st->have_prev = true;
    st->prev_in_ctx = st->ctx_end && qa >= st->ctx_start && qa < st->ctx_end;
    free(st->last.unit);
    st->last = (figure){grade, unit ? ix_xstrdup(unit) : NULL, st->prev.total};
    st->last_sent = st->sent;
    st->have_last = true;
    /* a list item's or a comparison's words before its figure (", while",
     * "- Stockport and Wigan among them, both at the top grade - compared
     * with") belong to no figure: the councils there keep their own grades */
    keep(st, rec, (ix_span){sa < m->a || m->rule->anchored_continue ? sa : m->a, end}, headline);
    return rec;
}

static void read_context(rstate *st, const ix_rule_list *ctxr, const ix_sent *s)
{
    ix_ctx *c = st->c;
    for (size_t k = 0; k < ctxr->n; k++) {
        ix_match m;
        if (ix_rule_match(ctxr->r[k], c->scratch, c->doc, s->a, s->b, s->a, false, &m) != 1) continue;
        char *t = group_text(c->doc, &m, "total", NULL, NULL);
        long v;
        if (!t) {                   /* a new scope (rating_context/national-scope) */
            st->ctx_total = -1;
            free(st->ctx_unit);
            st->ctx_unit = NULL;
            free(st->ctx_period);
            st->ctx_period = NULL;
            return;
        }
        if (ix_number_parse(c->rules->lex, t, strlen(t), &v)) {
            st->ctx_total = v;
            free(st->ctx_period);
            st->ctx_period = NULL;
            free(st->ctx_unit);
            char *u = group_text(c->doc, &m, "unit", NULL, NULL);
            st->ctx_unit = u ? unit_of(st->units, u) : NULL;
            free(u);
            st->ctx_start = st->clause_a = m.a;
            st->ctx_end = st->clause_b = m.b;
            st->ctx_para = st->para;
        }
        free(t);
        return;
    }
}

static void read_period(rstate *st, const ix_rule_list *pr, const ix_sent *s)
{
    ix_ctx *c = st->c;
    st->nperiods = 0;
    st->nearlier = 0;
    for (size_t k = 0; k < pr->n; k++) {
        size_t off = s->a;
        ix_match m;
        while (st->nperiods < 8 && off < s->b &&
               ix_rule_match(pr->r[k], c->scratch, c->doc, s->a, s->b, off, false, &m) == 1) {
            off = m.b > off ? m.b : off + 1;
            size_t a, b;
            if (ix_match_group(&m, "earlier", &a, &b)) {
                if (st->nearlier < 4) {
                    st->earlier[st->nearlier].a = a;
                    st->earlier[st->nearlier++].b = b;
                }
            } else if (ix_match_group(&m, "period", &a, &b)) {
                st->periods[st->nperiods].a = a;
                st->periods[st->nperiods].b = b;
                st->nperiods++;
            }
        }
    }
}

/* Before the first figure of a sentence: the context of every sentence
 * since the last one read, in order (as if each had been read when met: no
 * figure was made in between to change it), then this sentence's clause
 * and periods. */
static void prepare(rstate *st)
{
    if (st->ready) return;
    st->ready = true;
    const ix_doc *d = st->c->doc;
    size_t para = st->para;
    for (size_t si = st->ctx_next; si <= st->sent; si++) {
        const ix_sent *s = &d->sents[si];
        if (d->paras[s->para].boilerplate) continue;
        st->para = s->para;
        st->clause_a = st->clause_b = 0;      /* only this sentence's clause is kept */
        read_context(st, st->ctxr, s);
    }
    st->para = para;
    st->ctx_next = st->sent + 1;
    read_period(st, st->per, &d->sents[st->sent]);
}

static const char *const comparison_cue[] = {"compared", " from ", " than ", "versus", " vs ", " since "};
enum { NCUE = sizeof comparison_cue / sizeof *comparison_cue };

/* Does a comparison cue start in s[from, to)? */
static bool cue_in(const char *s, size_t from, size_t to)
{
    for (size_t k = 0; k < NCUE; k++) {
        size_t l = strlen(comparison_cue[k]);
        for (size_t j = from; j + l <= to; j++)
            if (!memcmp(s + j, comparison_cue[k], l)) return true;
    }
    return false;
}

/* Does the year phrase at pa date a figure given for comparison just
 * before it ("up from 36% in 2018")? A cue within a few words before it,
 * with no comma or semicolon between, says so. */
static bool dates_comparison(const char *s, size_t sent_a, size_t pa)
{
    size_t from = pa > sent_a + 40 ? pa - 40 : sent_a;
    for (size_t j = pa; j > from; j--)
        if (s[j - 1] == ',' || s[j - 1] == ';') { from = j; break; }
    return cue_in(s, from, pa);
}

/* Is pa inside a relative clause (", which ...,", patterns/relatives.tsv)
 * that closes with a comma before a, in the sentence starting at sa? The
 * clause opens at the last comma before pa. */
static bool in_closed_relative(const rstate *st, const char *s, size_t sa, size_t pa, size_t a)
{
    /* the grade before the figure ("which Ofsted rated good in all four
     * areas"): no clause closes between them */
    if (a <= pa) return false;
    size_t c = pa;
    while (c > sa && s[c - 1] != ',') c--;
    if (c == sa || s[c] != ' ' || !st->relatives) return false;
    size_t w = c + 1;
    while (w < pa && ix_is_alpha(s[w])) w++;
    return ix_table_has(st->relatives, s + c + 1, w - c - 1) && memchr(s + pa, ',', a - pa) != NULL;
}

/* The period of a figure [a, b): a year phrase before or inside it, or after
 * it with no comparison between ("..., compared with 36 per cent in 2016"
 * dates the 36 per cent, not the figure before it). One before it that
 * dates an earlier comparison ("up from 36% in 2018, and the proportion
 * ... fell to 30%") is not the figure's. */
/* Does the figure [a, b) say it is about the present ("17 ... are now good
 * or outstanding", "five are inadequate again")? */
static bool says_now(const char *s, size_t a, size_t b)
{
    static const char *const w[] = {" now", " today", " currently", " again", " at present"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++) {
        size_t l = strlen(w[k]);
        const char *p = ix_memfind(s + a, b - a, w[k], l);
        if (p && ((size_t)(p - s) + l == b || !ix_is_alpha(p[l]))) return true;    /* a whole word */
    }
    return false;
}

/* "... 12 inadequate. Last year's report put the number of inadequate
 * councils at 17", "A year earlier, 19 councils were ...": is the figure at
 * [a, b) of an earlier time, named in its own clause (outside the context's:
 * "Of the 40 inspected last year, 12 ...") and not in an aside before it
 * ("88 a year ago - while 42 have ...")? Then it is not out of a total
 * stated for today. */
static bool earlier_time(const rstate *st, size_t a, size_t b)
{
    const char *s = st->c->doc->text;
    for (size_t i = 0; i < st->nearlier; i++) {
        size_t ea = st->earlier[i].a, eb = st->earlier[i].b;
        if (ea < st->ctx_end || ea >= b) continue;
        if (eb < a && s[eb] == ',') eb++;           /* "A year earlier, 19 ..." */
        /* (the normalised text writes every dash as '-') */
        size_t n = eb < a ? a - eb : 0;
        if (!memchr(s + eb, ',', n) && !memchr(s + eb, ';', n) && !memchr(s + eb, '-', n)) return true;
    }
    return false;
}

static char *period_for(const rstate *st, size_t a, size_t b)
{
    const char *s = st->c->doc->text;
    size_t sa = st->c->doc->sents[st->sent].a;
    size_t best = (size_t)-1;
    size_t se = st->c->doc->sents[st->sent].b;
    bool now = says_now(s, a, b + 6 < se ? b + 6 : se);   /* "... inadequate again" */
    /* "... becoming one of five councils to be judged outstanding in 2023":
     * a year right after the grade is the figure's own, whatever year an
     * earlier clause ("the grade it won in 2019,") holds */
    for (size_t i = 0; i < st->nperiods; i++) {
        size_t pa = st->periods[i].a;
        if (pa == b + 4 && !memcmp(s + b, " in ", 4))
            return ix_xstrndup(s + pa, st->periods[i].b - pa);
    }
    for (size_t i = 0; i < st->nperiods; i++) {
        size_t pa = st->periods[i].a;
        if (pa < b) {
            if (pa < a && dates_comparison(s, sa, pa)) continue;
            /* "Of the 31 councils rated inadequate in 2016, 17 ... are now
             * good": the year of the set, not of the figure */
            if (pa < a && now) continue;
            /* "In 2018 there were 14 ...; today there are 24": another
             * clause (also when a rule read on past the semicolon: "...
             * inadequate in 2016; today the figure is 14") */
            if (memchr(s + pa, ';', b - pa)) continue;
            /* "the framework, which ILACS replaced in 2018, ...": the year of
             * a relative clause that closed before the figure */
            if (pa < a && in_closed_relative(st, s, sa, pa, a)) continue;
            if (best == (size_t)-1 || pa < st->periods[best].a) best = i;
            continue;
        }
        if (!cue_in(s, b, pa) && best == (size_t)-1) best = i;
    }
    if (best == (size_t)-1) return NULL;
    return ix_xstrndup(s + st->periods[best].a, st->periods[best].b - st->periods[best].a);
}

static double share_of(const json_t *r)
{
    json_t *s = json_object_get(r, "share");
    return json_is_real(s) ? json_real_value(s) : -1.0;
}

/* ---- one fact, one record ---------------------------------------------------
 *
 * Two ratings state the same fact when they have the same grade, the same
 * count (or both none) and shares within 0.005 of each other (none counts
 * as -1; the relation is not transitive). Ratings are ranked: the body
 * before the headline, then with a total before without, then text order.
 * A rating is dropped when another of the same fact ranks before it, a
 * count without a share when the same grade and count come with one, and
 * a share without a count when a count of the same grade comes with it.
 *
 * Comparing every pair took 39 s on a 1 MB document of 13,000 figures.
 * Sorted by (grade, count, share), the ratings of the same fact as a given
 * one are a window around it, and the windows only move forward as the
 * sorted list is walked; a rating is kept when it ranks first in its
 * window, which a queue of the window's candidates for first (a sliding
 * minimum) tells in constant time per rating. */

typedef struct fact {
    const char *grade;
    bool has_count;
    json_int_t count;
    double share;
    size_t rank;                 /* the order above: smaller comes first */
    size_t at;                   /* its index in recs */
} fact;

static int fact_cmp(const void *x, const void *y)
{
    const fact *a = x, *b = y;
    int c = strcmp(a->grade, b->grade);
    if (c) return c;
    if (a->has_count != b->has_count) return a->has_count ? 1 : -1;
    if (a->count != b->count) return a->count < b->count ? -1 : 1;
    if (a->share != b->share) return a->share < b->share ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* (grade, share) order, for finding a counted rating by its share */
static int by_share_cmp(const void *x, const void *y)
{
    const fact *a = x, *b = y;
    int c = strcmp(a->grade, b->grade);
    if (c) return c;
    return a->share < b->share ? -1 : a->share > b->share;
}

static bool same_text(const json_t *a, const json_t *b)
{
    if (json_is_null(a) || !a) return json_is_null(b) || !b;
    return json_equal(a, b);
}

/* "Six in ten councils are now rated good or outstanding" and "92 of the
 * 153 councils ... - 60 per cent - are rated good or outstanding": a share
 * stated without a count is the same fact as a count with that share, of
 * the same grade, period and total (or none), when neither is a comparison.
 * Drops such shares. */
static void drop_shares_of_counts(json_t *const *recs, const fact *f, size_t n, bool *keep)
{
    fact *c = ix_xmalloc((n + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i].has_count && f[i].share >= 0 && keep[f[i].at]) c[nc++] = f[i];
    qsort(c, nc, sizeof *c, by_share_cmp);
    for (size_t i = 0; i < n; i++) {
        if (f[i].has_count || f[i].share < 0 || !keep[f[i].at]) continue;
        const json_t *r = recs[f[i].at];
        if (json_object_get(r, "comparison")) continue;
        size_t lo = 0, hi = nc;          /* the first of (grade, share - 0.005) or after */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int g = strcmp(c[mid].grade, f[i].grade);
            if (g < 0 || (g == 0 && c[mid].share <= f[i].share - 0.005)) lo = mid + 1;
            else hi = mid;
        }
        const json_t *t = json_object_get(r, "total");
        for (size_t k = lo; k < nc && !strcmp(c[k].grade, f[i].grade) && c[k].share < f[i].share + 0.005; k++) {
            const json_t *o = recs[c[k].at];
            if (json_object_get(o, "comparison")) continue;
            if (!same_text(json_object_get(r, "period"), json_object_get(o, "period"))) continue;
            if (json_is_integer(t) && !json_equal(t, json_object_get(o, "total"))) continue;
            keep[f[i].at] = false;
            break;
        }
    }
    free(c);
}

static bool same_group(const fact *a, const fact *b)
{
    return !strcmp(a->grade, b->grade) && a->has_count == b->has_count && a->count == b->count;
}

void ix_rating_facts_keep(json_t *const *recs, const bool *headline, size_t n, bool *keep)
{
    fact *f = ix_xmalloc((n + 1) * sizeof *f);
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_object_get(recs[i], "count");
        const char *g = json_string_value(json_object_get(recs[i], "grade"));
        bool total = json_is_integer(json_object_get(recs[i], "total"));
        f[i] = (fact){g ? g : "", json_is_integer(c), json_is_integer(c) ? json_integer_value(c) : 0,
                      share_of(recs[i]), 0, i};
        /* the rank: headline last, then without a total, then text order */
        f[i].rank = ((headline[i] ? 2u : 0u) + (total ? 0u : 1u)) * n + i;
        keep[i] = false;
    }
    qsort(f, n, sizeof *f, fact_cmp);
    /* q: positions in the window whose rank is smaller than that of every
     * position after them in it; q[qh] is the window's first */
    size_t *q = ix_xmalloc((n + 1) * sizeof *q), qh = 0, qt = 0;
    size_t lo = 0, hi = 0;           /* the window: [lo, hi) */
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || !same_group(&f[i - 1], &f[i])) lo = hi = i, qh = qt = 0;
        while (fabs(f[lo].share - f[i].share) >= 0.005) lo++;
        while (hi < n && same_group(&f[hi], &f[i]) && fabs(f[hi].share - f[i].share) < 0.005) {
            while (qt > qh && f[q[qt - 1]].rank > f[hi].rank) qt--;
            q[qt++] = hi++;
        }
        while (q[qh] < lo) qh++;
        if (q[qh] == i) keep[f[i].at] = true;
    }
    /* "14 authorities currently judged inadequate" and "the figure is 14,
     * fewer than one in ten": a count stated once with its share and once
     * without is one fact, the fuller statement. In a group of one grade
     * and one count the ones without a share (-1) sort first. */
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && same_group(&f[i], &f[j]); j++) {}
        if (!f[i].has_count || f[i].share >= 0 || f[j - 1].share < 0) continue;
        for (size_t k = i; k < j && f[k].share < 0; k++) keep[f[k].at] = false;
    }
    drop_shares_of_counts(recs, f, n, keep);
    free(q);
    free(f);
}

/* Runs the rules of rl (not `continue`) over sentence si; after each
 * rating, the `continue` rules of `all` read on through a list. */
static void run_rules(rstate *st, const ix_rule_list *rl, const ix_rule_list *all, size_t si, bool headline)
{
    ix_ctx *c = st->c;
    ix_doc *d = c->doc;
    const ix_sent *s = &d->sents[si];
    /* most sentences hold no rule's literals: one check for all */
    if (!rl->n || !ix_prefilter_family_may(c->scratch, d, rl, si)) return;
    for (size_t k = 0; k < rl->n; k++) {
        const ix_rule *rule = rl->r[k];
        if (rule->anchored_continue) continue;
        size_t off = s->a;
        ix_match m;
        while (off < s->b && ix_rule_match(rule, c->scratch, d, s->a, s->b, off, false, &m) == 1) {
            off = m.b > off ? m.b : off + 1;
            if (!make(st, &m, headline)) continue;
            size_t end = m.b;
            for (int guard = 0; guard < 32; guard++) {
                bool more = false;
                for (size_t j = 0; j < all->n && !more; j++) {
                    if (!all->r[j]->anchored_continue) continue;
                    ix_match m2;
                    if (ix_rule_match(all->r[j], c->scratch, d, s->a, s->b, end, true, &m2) != 1) continue;
                    if (m2.b <= end) continue;
                    if (make(st, &m2, headline)) { end = m2.b; more = true; }
                }
                if (!more) break;
            }
            if (end > off) off = end;
        }
    }
}

/* A sentence that names a grade's figure without giving it ("The number
 * rated inadequate has also fallen.", "Our report overstated the number of
 * councils rated inadequate."): its grade and unit become the last rating's,
 * so that the next sentence's figure given again ("In 2021 it stood at 25.",
 * "The correct figure is 15.") takes them, as after a rating. Only for a
 * sentence that gave no rating of its own. */
static void read_lead(rstate *st, const ix_rule_list *rl, size_t si)
{
    ix_ctx *c = st->c;
    ix_doc *d = c->doc;
    const ix_sent *s = &d->sents[si];
    if (!rl->n || !ix_prefilter_family_may(c->scratch, d, rl, si)) return;
    for (size_t k = 0; k < rl->n; k++) {
        ix_match m;
        if (ix_rule_match(rl->r[k], c->scratch, d, s->a, s->b, s->a, false, &m) != 1) continue;
        char *gtext = group_text(d, &m, "grade", NULL, NULL);
        const char *grade = gtext ? grade_of(st->grades, gtext) : NULL;
        free(gtext);
        if (!grade) continue;
        char *utext = group_text(d, &m, "unit", NULL, NULL);
        free(st->last.unit);
        st->last = (figure){grade, utext ? unit_of(st->units, utext) : NULL, -1};
        free(utext);
        st->last_sent = si;
        st->have_last = true;
        return;
    }
}

void ix_extract_rating(ix_ctx *c)
{
    ix_doc *d = c->doc;
    rstate st;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.ctx_total = -1;
    st.grades = ix_rules_tab(c->rules, IX_TAB_GRADES);
    st.relatives = ix_rules_tab(c->rules, IX_TAB_RELATIVES);
    st.units = ix_rules_tab(c->rules, IX_TAB_UNITS);
    st.nonunits = ix_rules_tab(c->rules, IX_TAB_NONUNITS);
    st.approx = ix_rules_tab(c->rules, IX_TAB_APPROX);
    const ix_rule_list all = *ix_rules_fam(c->rules, IX_FAM_RATING);
    const ix_rule_list ctxr = *ix_rules_fam(c->rules, IX_FAM_RATING_CONTEXT);
    const ix_rule_list per = *ix_rules_fam(c->rules, IX_FAM_RATING_PERIOD);
    const ix_rule_list tbl = *ix_rules_fam(c->rules, IX_FAM_RATING_TABLE);
    st.tbl = &tbl;
    st.ctxr = &ctxr;
    st.per = &per;
    /* Two families apply in one place only, and are not run elsewhere: a
     * row of a table whose header names the grade (rating_row) needs other
     * lines in its block, and "A year earlier the figure was ..."
     * (rating_next) a rating in the sentence before. Kept out of the family
     * `rating`, they do not open its prefilter to every sentence with a
     * digit. They run first, being the more specific. */
    const ix_rule_list rows = *ix_rules_fam(c->rules, IX_FAM_RATING_ROW);
    const ix_rule_list next = *ix_rules_fam(c->rules, IX_FAM_RATING_NEXT);
    const ix_rule_list lead = *ix_rules_fam(c->rules, IX_FAM_RATING_LEAD);
    const ix_rule_list ante = *ix_rules_fam(c->rules, IX_FAM_RATING_ANTECEDENT);
    st.ante = &ante;

    for (size_t pi = 0; pi < d->npara; pi++) {
        const ix_para *p = &d->paras[pi];
        if (p->boilerplate) continue;
        st.para = pi;
        bool in_block = (pi > 0 && d->paras[pi - 1].block == p->block) ||
                        (pi + 1 < d->npara && d->paras[pi + 1].block == p->block);
        for (size_t si = p->first_sent; si < p->first_sent + p->nsent; si++) {
            /* st.last is the sentence before's until this one gives a
             * rating, and the rating_next rules run first */
            st.after_rating = st.have_last && st.last_sent + 1 == si && d->sents[st.last_sent].para == pi;
            st.clause_a = st.clause_b = 0;
            st.nperiods = 0;
            st.sent = si;
            st.ready = false;
            st.nused = 0;
            st.have_prev = false;
            free(st.prev.unit);
            st.prev.unit = NULL;
            if (in_block) run_rules(&st, &rows, &all, si, p->headline);
            if (st.after_rating) run_rules(&st, &next, &all, si, p->headline);
            run_rules(&st, &all, &all, si, p->headline);
            if (!(st.have_last && st.last_sent == si)) read_lead(&st, &lead, si);
        }
    }
    /* One fact, one record: prefer the body over the headline, then the
     * statement that gives its total, then the first. */
    bool *keep = ix_xmalloc(st.nrecs + 1);
    ix_rating_facts_keep(st.recs, st.headline, st.nrecs, keep);
    for (size_t i = 0; i < st.nrecs; i++) {
        if (!keep[i]) continue;
        json_array_append(c->ratings, st.recs[i]);
        c->rating_spans = ix_xrealloc(c->rating_spans, (c->nrating_spans + 1) * sizeof *c->rating_spans);
        c->rating_spans[c->nrating_spans++] = st.spans[i];
        if (c->types & IX_T_RATING) ix_result_add(c->res, json_incref(st.recs[i]));
    }
    free(keep);
    for (size_t i = 0; i < st.nrecs; i++) json_decref(st.recs[i]);
    free(st.recs);
    free(st.headline);
    free(st.spans);
    free(st.used);
    free(st.ctx_unit);
    free(st.ctx_period);
    free(st.tbl_unit);
    free(st.last.unit);
    free(st.prev.unit);
}
