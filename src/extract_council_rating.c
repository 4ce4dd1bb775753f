/* extract_council_rating.c — one named authority's grade.
 *
 * Consumes the sentences, the council mentions accepted by
 * extract_council.c, the ratings made by extract_rating.c and the rules of
 * patterns/council_ratings.pat. Produces `council_rating` records, one per
 * (authority, grade, judgement) in a document.
 *
 * Where the rule's `council` span names no accepted council but says "the
 * council", "the authority" or "its", the authority is the one named most
 * recently before it. A grade that belongs to a national figure (inside a
 * rating's span) is not one council's grade, except for the councils named
 * inside that figure ("23 authorities, including Leeds, were judged good").
 * The judgement comes from the rule's `jdg` words and the words right after
 * the grade ("outstanding for children in care"); none means overall.
 */
#include <stdlib.h>
#include <strings.h>
#include "internal.h"

typedef struct crstate {
    ix_ctx *c;
    const ix_table *grades, *judgements;
    const ix_table *refs;       /* patterns/council_refs.tsv; NULL: none */
    const ix_table *subject_verbs;   /* patterns/subject_verbs.tsv; NULL: none */
    json_t *seen;     /* "row|grade|judgement" keys already written */
    size_t nemitted;
    size_t nattempt_rows;   /* councils the last emit_all found (0: none named) */
} crstate;

/* Does the council phrase stand for the article's authority ("the
 * council", "its") rather than name one (patterns/council_refs.tsv)? */
static bool is_reference(const crstate *st, const char *s, size_t n)
{
    return st->refs && ix_table_get(st->refs, s, n) != NULL;
}

/* Can `grade` be one authority's? "good or better" and "less than good"
 * are a figure's grades: one authority has one grade, not either of two. */
static bool one_authority_grade(const char *grade)
{
    return grade && strcmp(grade, "good_or_better") && strcmp(grade, "less_than_good");
}

static bool inside_rating(const ix_ctx *c, size_t a, size_t b)
{
    for (size_t i = 0; i < c->nrating_spans; i++)
        if (a >= c->rating_spans[i].a && b <= c->rating_spans[i].b) return true;
    return false;
}

/* A pair of bytes as a bit of judgements_in's 4096-bit set. */
static inline unsigned pair_bit(unsigned char x, unsigned char y) { return ((unsigned)x * 31u + y) & 4095u; }

/* Judgements named in [a, b): each table phrase found, by whole words. */
static size_t judgements_in(const crstate *st, const char *s, size_t a, size_t b, const char **out, size_t max)
{
    size_t n = 0;
    if (!st->judgements || b <= a) return 0;
    char *low = ix_xstrndup(s + a, b - a);
    for (char *p = low; *p; p++) if (ix_is_upper(*p)) *p = (char)(*p + 32);
    /* The pairs of bytes in the text: a phrase whose first two bytes are
     * not among them is not searched for (most of them are not). */
    uint64_t pairs[64] = {0};
    for (const unsigned char *p = (const unsigned char *)low; p[0] && p[1]; p++) {
        unsigned h = pair_bit(p[0], p[1]);
        pairs[h >> 6] |= 1ull << (h & 63);
    }
    /* longest phrases first so "leadership and management" wins over
     * "management", "looked-after children and care leavers" over both */
    bool *taken = calloc(b - a + 1, 1);
    for (size_t r = 0; r < st->judgements->n; r++) {
        size_t i = st->judgements->bylen[r];
        const char *k = st->judgements->key[i];
        size_t kl = st->judgements->klen[i];
        if (kl >= 2) {
            unsigned h = pair_bit((unsigned char)k[0], (unsigned char)k[1]);
            if (!(pairs[h >> 6] >> (h & 63) & 1)) continue;
        }
        for (char *p = strstr(low, k); p; p = strstr(p + 1, k)) {
            size_t o = (size_t)(p - low);
            if ((o && ix_is_alnum(low[o - 1])) || ix_is_alnum(low[o + kl])) continue;
            bool clash = false;
            for (size_t j = o; j < o + kl; j++) clash |= taken[j];
            if (clash) continue;
            memset(taken + o, 1, kl);
            const char *v = st->judgements->val[i];
            bool dup = false;
            for (size_t j = 0; j < n; j++) dup |= !strcmp(out[j], v);
            if (!dup && n < max && strcmp(v, "overall")) out[n++] = v;
        }
    }
    free(taken);
    free(low);
    return n;
}

static void emit(crstate *st, int row, const char *grade, const char *judgement, size_t a, size_t b, const char *rule)
{
    ix_ctx *c = st->c;
    char key[256];
    snprintf(key, sizeof key, "%d|%s|%s", row, grade, judgement);
    if (json_object_get(st->seen, key)) return;
    json_object_set_new(st->seen, key, json_true());
    st->nemitted++;
    json_t *rec = ix_record_new("council_rating", c->doc);
    json_object_set_new_nocheck(rec, "council", ix_json_str(ix_gazetteer_name(c->rules->gaz, row)));
    json_object_set_new_nocheck(rec, "code", ix_json_str(ix_gazetteer_code(c->rules->gaz, row)));
    json_object_set_new_nocheck(rec, "grade", ix_json_str(grade));
    json_object_set_new_nocheck(rec, "judgement", ix_json_str(judgement));
    ix_doc_set_span(c->doc, rec, "span", a, b);
    json_object_set_new_nocheck(rec, "rule", ix_json_str(rule));
    ix_result_add(c->res, rec);
}

/* Does the sentence give a year before the authority was abolished
 * ("judged inadequate in 2019", "in 2017 it was rated good")? Then the old
 * authority is meant, not its successors. */
static bool year_before_abolition(const ix_ctx *c, size_t a, int row)
{
    const char *st = ix_gazetteer_status(c->rules->gaz, row), *u = strchr(st, '_');
    if (!u) return false;
    int gone = atoi(u + 1);
    const ix_sent *se = &c->doc->sents[ix_doc_sent_at(c->doc, a)];
    const char *s = c->doc->text;
    for (size_t i = se->a; i + 4 <= se->b; i++) {
        if ((i > se->a && ix_is_alnum(s[i - 1])) || (i + 4 < se->b && ix_is_digit(s[i + 4]))) continue;
        if (!ix_is_digit(s[i]) || !ix_is_digit(s[i + 1]) || !ix_is_digit(s[i + 2]) || !ix_is_digit(s[i + 3])) continue;
        int y = atoi(s + i);
        if (y >= 1990 && y < gone) return true;
    }
    return false;
}

/* The authorities named last in [lo, hi): the last name there and the names
 * listed with it ("Leeds, Wakefield and Bradford"), as the span [*la, *lb).
 * "Calderdale went from good to requires improvement, and Tameside has been
 * rated requires improvement ..., though services for children in care were
 * judged good": the judgement is Tameside's, not Calderdale's. False when
 * [lo, hi) names none. */
static bool last_named(const ix_ctx *c, size_t lo, size_t hi, size_t *la, size_t *lb)
{
    size_t first, n = ix_ctx_mentions_in(c, lo, hi, &first);
    if (!n) return false;
    size_t i = first + n - 1;
    while (i > first && c->mentions[i].b > hi) i--;
    *la = c->mentions[i].a;
    *lb = c->mentions[i].b;
    const char *s = c->doc->text;
    static const char *const joins[] = {", ", " and ", ", and ", " & ", " or ", ", or "};
    for (; i > first; i--) {
        size_t pb = c->mentions[i - 1].b, na = c->mentions[i].a;
        bool joined = false;
        for (size_t k = 0; k < sizeof joins / sizeof *joins && !joined; k++)
            joined = na - pb == strlen(joins[k]) && !memcmp(s + pb, joins[k], na - pb);
        if (!joined) break;
        *la = c->mentions[i - 1].a;
    }
    return true;
}

static bool is_possessive(const char *s, size_t n)
{
    return (n >= 3 && !strncasecmp(s, "its", 3) && (n == 3 || s[3] == ' ')) ||
           (n >= 5 && !strncasecmp(s, "their", 5) && (n == 5 || s[5] == ' '));
}

/* The authority a possessive reference ("its services", "their
 * children's services") stands for when a name earlier in its sentence is
 * a clause's subject (the name, then a verb): "Tameside has been rated
 * requires improvement ..., though its services for children in care were
 * judged good". -1 otherwise: the article's focus decides
 * (ix_ctx_focus_row), since a name in a list or after a preposition
 * ("delivered jointly with Halton, its services ...") is seldom what "its"
 * means. */
static int subject_before(const ix_ctx *c, const ix_table *verbs, size_t at)
{
    const ix_doc *d = c->doc;
    const ix_sent *se = &d->sents[ix_doc_sent_at(d, at)];
    size_t first, n = ix_ctx_mentions_in(c, se->a, at, &first);
    if (!n || !verbs) return -1;
    const ix_mention *m = &c->mentions[first + n - 1];
    if (m->aside || m->b >= at || d->text[m->b] != ' ') return -1;
    /* the word after the name (patterns/subject_verbs.tsv) */
    size_t w = m->b + 1, e = w;
    while (e < at && ix_is_alpha(d->text[e])) e++;
    return e > w && e < at && d->text[e] == ' ' && ix_table_has(verbs, d->text + w, e - w) ? m->row : -1;
}

/* The two authorities "both councils" at `at` stands for: the last two
 * named before it, in its paragraph or the sentence before, when they are
 * two (rows[0, 2)); 0 otherwise. Names in passing (a partner, a former
 * employer) do not count. */
static size_t last_two(const ix_ctx *c, size_t at, int *rows)
{
    const ix_doc *d = c->doc;
    size_t si = ix_doc_sent_at(d, at);
    size_t lo = d->sents[si > 0 ? si - 1 : si].a, first;
    if (d->paras[d->sents[si].para].a < lo) lo = d->paras[d->sents[si].para].a;
    size_t n = ix_ctx_mentions_in(c, lo, at, &first), nr = 0;
    for (size_t i = first + n; i-- > first;) {
        const ix_mention *m = &c->mentions[i];
        if (m->aside || (nr && rows[0] == m->row) || (nr > 1 && rows[1] == m->row)) continue;
        if (nr == 2) return 0;                   /* a third: not "both" */
        rows[nr++] = m->row;
    }
    return nr == 2 ? 2 : 0;
}

/* Emits for every council in [ca, cb) (or the focus council for a
 * reference), one record per judgement. */
static void emit_all(crstate *st, size_t ca, size_t cb, bool allow_ref, const char *grade, const char **jd, size_t nj,
                     size_t a, size_t b, const char *rule)
{
    ix_ctx *c = st->c;
    size_t first, n = ca < cb ? ix_ctx_mentions_in(c, ca, cb, &first) : 0;
    int rows[16];
    size_t nr = 0;
    for (size_t i = first; n && i < c->nmentions && c->mentions[i].a < cb && nr < 12; i++) {
        if (c->mentions[i].a < ca) continue;
        int cand[4], nc = 0;
        /* "services across Northamptonshire" in 2022: its successors */
        if (!c->mentions[i].strong && !year_before_abolition(c, a, c->mentions[i].row))
            nc = (int)ix_gazetteer_successors(c->rules, c->mentions[i].row, c->doc->date, cand, 4);
        if (!nc) cand[nc++] = c->mentions[i].row;
        for (int j = 0; j < nc; j++) {
            bool dup = false;
            for (size_t k = 0; k < nr; k++) dup |= rows[k] == cand[j];
            if (!dup) rows[nr++] = cand[j];
        }
    }
    const char *v = !nr && allow_ref && ca < cb && st->refs ? ix_table_get(st->refs, c->doc->text + ca, cb - ca) : NULL;
    if (v && !strcmp(v, "both")) {
        nr = last_two(c, ca, rows);
        allow_ref = false;
    }
    if (!nr && allow_ref) {
        int r = ca < cb && is_possessive(c->doc->text + ca, cb - ca) ? subject_before(c, st->subject_verbs, ca) : -1;
        if (r < 0) r = ix_ctx_focus_row(c, a);
        int cand[4];
        size_t nc = r >= 0 && !year_before_abolition(c, a, r) ? ix_gazetteer_successors(c->rules, r, c->doc->date, cand, 4) : 0;
        for (size_t j = 0; j < nc; j++) rows[nr++] = cand[j];
        if (!nc && r >= 0) rows[nr++] = r;
    }
    st->nattempt_rows = nr;
    for (size_t k = 0; k < nr; k++) {
        if (!nj) emit(st, rows[k], grade, "overall", a, b, rule);
        for (size_t j = 0; j < nj; j++) emit(st, rows[k], grade, jd[j], a, b, rule);
    }
}

/* Does the text in [lo, at) end with the word(s) w, in any case? */
static bool ends_with_word(const char *s, size_t lo, size_t at, const char *w)
{
    size_t l = strlen(w);
    return at >= lo + l && !strncasecmp(s + at - l, w, l) && (at == lo + l || !ix_is_alnum(s[at - l - 1]));
}

/* Do two or more authorities named in [ca, cb) stand before a singular
 * verb (", is rated", " has been judged"), or after "neither"? Then the
 * grade is not theirs. */
static bool singular_after_list(const ix_ctx *c, const char *s, size_t lo, size_t cb, size_t end, size_t ca)
{
    /* "Neither Hull nor York is rated inadequate" is nobody's grade; "Each
     * of Leeds and Wakefield is rated good" is theirs */
    size_t first, n = ix_ctx_mentions_in(c, ca, cb, &first);
    if (!n) return false;
    size_t at = c->mentions[first].a;     /* the group may start on "Neither" */
    if (ends_with_word(s, lo, at, "neither ")) return true;
    if (n < 2) return false;
    if (ends_with_word(s, lo, at, "each of ") || ends_with_word(s, lo, at, "every one of ")) return false;
    int row = c->mentions[first].row;
    bool several = false;
    for (size_t i = first; i < first + n; i++) several |= c->mentions[i].row != row;
    if (!several) return false;
    size_t p = cb;
    if (p < end && s[p] == ',') p++;
    while (p < end && s[p] == ' ') p++;
    static const char *const verbs[] = {"is ", "was ", "has "};
    for (size_t k = 0; k < 3; k++) {
        size_t l = strlen(verbs[k]);
        if (p + l <= end && !memcmp(s + p, verbs[k], l)) return true;
    }
    return false;
}

/* Is a council other than those of [ca, cb) named in [a, b)? */
static bool other_council_in(const ix_ctx *c, size_t ca, size_t cb, size_t a, size_t b)
{
    size_t fa, fb;
    size_t na = ix_ctx_mentions_in(c, a, b, &fa), nb = ix_ctx_mentions_in(c, ca, cb, &fb);
    for (size_t i = fa; na && i < c->nmentions && c->mentions[i].a < b; i++) {
        if (c->mentions[i].b > b) continue;
        bool same = false;
        for (size_t j = fb; nb && j < c->nmentions && c->mentions[j].a < cb && !same; j++)
            same = c->mentions[j].row == c->mentions[i].row;
        if (!same) return true;
    }
    return false;
}

/* Where a run of names and nothing else, joined as a list, starts at
 * mention i and ends at a dash (dash set) or at the sentence's end: its
 * end, and in *n how many names; else 0. */
static size_t names_run_end(const ix_ctx *c, size_t i, size_t end, bool dash, size_t *n)
{
    const char *s = c->doc->text;
    for (size_t k = 0; i < c->nmentions; i++, k++) {
        size_t p = c->mentions[i].b;
        *n = k + 1;
        if (dash && p + 3 <= end && !memcmp(s + p, " - ", 3)) return p;
        if (p == end || (p + 1 == end && (s[p] == '.' || s[p] == ';'))) return end;
        if (i + 1 == c->nmentions || !ix_list_next(s, p, c->mentions[i + 1].a)) return 0;
    }
    return 0;
}

/* The councils a national figure names right after it, which get its
 * grade: between dashes ("rated good - Darlington, Stockton-on-Tees and
 * Redcar and Cleveland -"), or from a comma a few words on to the
 * sentence's end, as family council_figure_after leads to them ("Two
 * councils were newly rated inadequate over the year, Swindon and
 * Wokingham", "one of only three in the region, alongside Essex and
 * Hertfordshire"). Only names, so that an aside ("- up from two when Leeds
 * was inadequate -") lends no council the figure's grade, and no more of
 * them than the figure counts. The end of the names; else b. */
static size_t figure_names_end(const ix_ctx *c, size_t b, size_t end, long count)
{
    const char *s = c->doc->text;
    size_t i, n = 0, e = 0;
    if (b + 3 <= end && !memcmp(s + b, " - ", 3)) {
        if (ix_ctx_mentions_in(c, b + 3, end, &i) && c->mentions[i].a == b + 3) e = names_run_end(c, i, end, true, &n);
    } else {
        const ix_rule_list fa = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_FIGURE_AFTER);
        for (size_t k = 0; k < fa.n && !e; k++) {
            ix_match m;
            if (ix_rule_match(fa.r[k], c->scratch, c->doc, b, end, b, true, &m) != 1) continue;
            if (ix_ctx_mentions_in(c, m.b, end, &i) && c->mentions[i].a == m.b) e = names_run_end(c, i, end, false, &n);
        }
    }
    return e && (count < 0 || n <= (size_t)count) ? e : b;
}

void ix_extract_council_rating(ix_ctx *c)
{
    if (!(c->types & IX_T_COUNCIL_RATING)) return;
    ix_doc *d = c->doc;
    crstate st = {c, ix_rules_tab(c->rules, IX_TAB_GRADES), ix_rules_tab(c->rules, IX_TAB_JUDGEMENTS),
                  ix_rules_tab(c->rules, IX_TAB_COUNCIL_REFS), ix_rules_tab(c->rules, IX_TAB_SUBJECT_VERBS),
                  json_object(), 0, 0};
    const ix_rule_list rl = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_RATING);
    const ix_rule_list mem = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_RATING_MEMBER);
    const ix_rule_list tail = *ix_rules_fam(c->rules, IX_FAM_JUDGEMENT_AFTER);
    const ix_rule_list from = *ix_rules_fam(c->rules, IX_FAM_GRADE_FROM_BEFORE);
    const char *s = d->text;
    /* For "These included Rotherham": per sentence, the last national
     * figure inside it (SIZE_MAX: none), found in one pass over the figures
     * rather than a pass per sentence (quadratic: a 4 MB document of 37,000
     * figures spent half its 3.5 s there). */
    size_t *fig_in = NULL;
    if (c->nrating_spans && d->nsent) {
        fig_in = ix_xmalloc(d->nsent * sizeof *fig_in);
        for (size_t k = 0; k < d->nsent; k++) fig_in[k] = SIZE_MAX;
        for (size_t i = 0; i < c->nrating_spans; i++) {
            ix_span sp = c->rating_spans[i];
            size_t k = ix_doc_sent_at(d, sp.a);
            if (sp.a >= d->sents[k].a && sp.b <= d->sents[k].b) fig_in[k] = i;
        }
    }

    for (size_t si = 0; si < d->nsent; si++) {
        const ix_sent *se = &d->sents[si];
        if (d->paras[se->para].boilerplate) continue;
        /* most sentences hold no rule's literals: one check for all */
        size_t nrules = ix_prefilter_family_may(c->scratch, d, &rl, si) ? rl.n : 0;
        for (size_t k = 0; k < nrules; k++) {
            size_t off = se->a;
            ix_match m;
            while (off < se->b && ix_rule_match(rl.r[k], c->scratch, d, se->a, se->b, off, false, &m) == 1) {
                /* a match that names no council ("He singled out Sunderland")
                 * is retried one character on, so the real name can start it */
                size_t before = st.nemitted;
                st.nattempt_rows = 0;
                off = m.b > off ? m.b : off + 1;
                size_t retry = m.a + 1;
                size_t ga, gb, ca = 0, cb = 0, ja, jb;
                if (!ix_match_group(&m, "grade", &ga, &gb)) continue;
                const char *grade = ix_grade_get(st.grades, s + ga, gb - ga);
                if (!one_authority_grade(grade)) continue;
                bool has_c = ix_match_group(&m, "council", &ca, &cb);
                /* a national figure's grade: not this council's, unless the
                 * council stands outside the figure ("Derbyshire was one of
                 * 10 authorities judged outstanding") */
                if (inside_rating(c, ga, gb) && (!has_c || inside_rating(c, ca, cb))) continue;
                bool ref = has_c && is_reference(&st, s + ca, cb - ca);
                /* "its leader column to Calderdale, judged outstanding",
                 * "Darlington and Redcar - while Middlesbrough remains at
                 * requires improvement": a council named between the
                 * subject and the grade is the one graded; the match that
                 * starts at it says so */
                size_t first_in;
                if (has_c && ix_match_group(&m, "jdg", &ja, &jb) && jb > ja && (ref ? ix_ctx_mentions_in(c, ja, jb, &first_in) > 0 : other_council_in(c, ca, cb, ja, jb))) {
                    off = retry;
                    continue;
                }
                /* inside a quotation only a named council counts: "we want
                 * to see the trust rated good" is a hope, not a grade */
                if ((ref || !has_c) && ix_ctx_in_quote(c, ga)) continue;
                const char *jd[8];
                size_t nj = 0;
                if (ix_match_group(&m, "jdg", &ja, &jb)) nj = judgements_in(&st, s, ja, jb, jd, 8);
                /* "moved from requires improvement to good": read before the
                 * matches below reuse the match data */
                size_t g2a, g2b;
                const char *g2 = ix_match_group(&m, "grade2", &g2a, &g2b) ? ix_grade_get(st.grades, s + g2a, g2b - g2a) : NULL;
                /* "the judgement for care leavers rose from inadequate to
                 * good": the grade it moved from is the judgement's too */
                if (!g2 && nj) {
                    size_t fa = ga > ja + 80 ? ga - 80 : ja;
                    for (size_t k2 = 0; k2 < from.n && !g2; k2++) {
                        ix_match mf;
                        size_t fga, fgb;
                        if (ix_rule_match(from.r[k2], c->scratch, d, fa, ga, fa, false, &mf) == 1 &&
                            ix_match_group(&mf, "grade", &fga, &fgb))
                            g2 = ix_grade_get(st.grades, s + fga, fgb - fga);
                    }
                    if (!one_authority_grade(g2)) g2 = NULL;
                }
                /* the words after the grade that lead to its judgement
                 * (family judgement_after): "outstanding for children in
                 * care", "a 'requires improvement' judgement for care
                 * leavers" */
                size_t lim = gb + 160 < se->b ? gb + 160 : se->b;
                for (size_t k2 = 0; k2 < tail.n; k2++) {
                    ix_match mt;
                    if (ix_rule_match(tail.r[k2], c->scratch, d, gb, lim, gb, true, &mt) != 1) continue;
                    nj += judgements_in(&st, s, mt.b, lim, jd + nj, 8 - nj);
                    break;
                }
                if (!has_c) {
                    /* judgement-subject rules: a council named earlier in the
                     * sentence, else the article's authority */
                    size_t la, lb;
                    bool named = last_named(c, se->a, m.a, &la, &lb);
                    emit_all(&st, named ? la : 0, named ? lb : 0, !named, grade, jd, nj, m.a, m.b, rl.r[k]->name);
                    if (g2) emit_all(&st, named ? la : 0, named ? lb : 0, !named, g2, jd, nj, m.a, m.b, rl.r[k]->name);
                    continue;
                }
                /* "Adoption Central England, the agency Worcestershire shares
                 * with Coventry, Solihull and Warwickshire, is rated
                 * outstanding": several councils before a singular verb are
                 * not its subject */
                if (!ref && singular_after_list(c, s, se->a, cb, se->b, ca)) continue;
                emit_all(&st, ca, cb, ref, grade, jd, nj, m.a, m.b, rl.r[k]->name);
                if (g2) emit_all(&st, ca, cb, ref, g2, jd, nj, m.a, m.b, rl.r[k]->name);
                if (st.nemitted == before && st.nattempt_rows == 0) off = retry;
            }
        }
        /* "These included Rotherham": the grade of the figure just before */
        if (si > 0 && fig_in && fig_in[si - 1] != SIZE_MAX) {
            const char *grade = json_string_value(json_object_get(json_array_get(c->ratings, fig_in[si - 1]), "grade"));
            for (size_t k = 0; one_authority_grade(grade) && k < mem.n; k++) {
                ix_match m;
                if (ix_rule_match(mem.r[k], c->scratch, d, se->a, se->b, se->a, true, &m) != 1) continue;
                size_t ca, cb;
                if (ix_match_group(&m, "council", &ca, &cb))
                    emit_all(&st, ca, cb, false, grade, NULL, 0, m.a, m.b, mem.r[k]->name);
            }
        }
    }
    /* councils named inside a national figure get its grade, and so do
     * those listed after it: "five are judged inadequate: A, B and C",
     * "three are rated good - A, B and C - while ..." */
    for (size_t i = 0; i < c->nrating_spans; i++) {
        ix_span span = c->rating_spans[i];
        const ix_sent *se = &d->sents[ix_doc_sent_at(d, span.a)];
        const char *colon = memchr(s + span.b, ':', se->b > span.b ? se->b - span.b : 0);
        if (colon && (size_t)(colon - s) - span.b < 80) span.b = se->b;
        else {
            json_t *cnt = json_object_get(json_array_get(c->ratings, i), "count");
            span.b = figure_names_end(c, span.b, se->b, json_is_integer(cnt) ? (long)json_integer_value(cnt) : -1);
        }
        const ix_span *sp = &span;
        size_t first;
        if (!ix_ctx_mentions_in(c, sp->a, sp->b, &first)) continue;
        json_t *r = json_array_get(c->ratings, i);
        const char *grade = json_string_value(json_object_get(r, "grade"));
        if (!one_authority_grade(grade)) continue;
        const char *jd[8];
        size_t nj = judgements_in(&st, s, sp->a, sp->b, jd, 8);
        emit_all(&st, sp->a, sp->b, false, grade, jd, nj, sp->a, sp->b, "council_ratings/member-of-figure");
    }
    free(fig_in);
    json_decref(st.seen);
}
