/* extract_council.c — named English children's-services authorities.
 *
 * Consumes the normalised text and patterns/councils.tsv (every surface
 * form of every authority, generated from the shared authority list) plus the
 * context rules of patterns/councils.pat. Produces one `council` record per
 * authority per document (first mention as span, all mentions listed) and
 * the accepted mentions, which the council_rating extractor reuses.
 *
 * How a mention is judged (AMBIGUOUS.md):
 *   1. all surface forms in one trie: at each word start the longest form
 *      that ends on a word boundary, case-sensitive, where a hyphen counts
 *      as part of the word (what one PCRE2 alternation, longest first, did
 *      at a tenth of the run time: PCRE2 tries 700 alternatives in turn);
 *   2. mentions inside boilerplate paragraphs are ignored;
 *   3. council_reject_before / _after rules drop "New York", "Derby County",
 *      "Sutton Trust", "Durham University", "Greater Manchester" ...;
 *   4. names that are also surnames (risk "surname") next to a title or a
 *      first name, or followed by a speech verb, are people;
 *   5. names that are everyday words or other places (risk "weak") need
 *      support: council context right after them, council vocabulary in
 *      the sentence (or the one before it in its paragraph), another
 *      council in the same sentence, or a strong
 *      mention of the same authority elsewhere; at the start of a sentence
 *      they need the context right after them;
 *   6. "X in Y" where X is a council: Y only locates X and is not a mention;
 *      nor is Y in "born in Sutton-in-Ashfield, Y," where a
 *      council_locator_before rule reads the words before it.
 */
#include <stdlib.h>
#include "internal.h"

typedef struct gz_row {
    char *name, *code, *status;
} gz_row;

typedef struct gz_surface {
    char *s;
    int row, alt_row;      /* alt_row: the other row sharing this bare name, or -1 */
    bool strong;
    char risk;             /* '-', 'w' weak, 's' surname */
} gz_surface;

/* A byte trie of the surface forms; node 0 is the root. */
enum { GZ_DENSE_KIDS = 6 };   /* nodes with this many kids get a table by byte */

typedef struct gz_node {
    int surf;              /* the surface form ending here, or -1 */
    unsigned nkid;
    unsigned char *c;      /* kids' bytes, and */
    uint32_t *kid;         /* their nodes */
    uint32_t *dense;       /* byte -> kid (0: none), for nodes of many kids */
} gz_node;

struct ix_gazetteer {
    gz_row *rows;
    size_t nrows;
    gz_surface *surf;
    size_t nsurf;
    gz_node *node;
    size_t nnode, capnode;
    bool first[256];       /* bytes a surface form starts with */
    bool first_upper;      /* every one of them an ASCII capital */
    bool first_short[256]; /* ... a form of one or two bytes starts with */
    uint8_t pre3[8192];    /* a bit per hash of the first three bytes of a form */
};

/* The hash of three bytes for pre3: most capitalised words ("The", "Mr",
 * "Smith") begin no surface form, and one bit in an 8 KB table that stays
 * in the cache says so before the trie, whose nodes do not stay there. */
static unsigned pre3_hash(const unsigned char *p)
{
    uint32_t x = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (x * 2654435761u) >> 16;
}

static bool wordish(unsigned char c) { return ix_is_alnum((char)c) || c == '_' || c == '-'; }

static void trie_add(struct ix_gazetteer *g, const char *s, int idx)
{
    size_t at = 0;
    g->first[(unsigned char)s[0]] = true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        gz_node *n = &g->node[at];
        unsigned k = 0;
        while (k < n->nkid && n->c[k] != *p) k++;
        if (k == n->nkid) {
            if (g->nnode == g->capnode) {         /* doubling: 14,000 nodes, not 14,000 copies */
                g->capnode *= 2;
                g->node = ix_xrealloc(g->node, g->capnode * sizeof *g->node);
            }
            g->node[g->nnode] = (gz_node){-1, 0, NULL, NULL, NULL};
            n = &g->node[at];
            n->c = ix_xrealloc(n->c, n->nkid + 1);
            n->kid = ix_xrealloc(n->kid, (n->nkid + 1) * sizeof *n->kid);
            n->c[k] = *p;
            n->kid[k] = (uint32_t)g->nnode++;
            n->nkid++;
        }
        at = n->kid[k];
    }
    g->node[at].surf = idx;
}

/* The longest surface form at t[i..end) followed by a word boundary, or
 * NULL; *len is its length. */
static const gz_surface *trie_longest(const struct ix_gazetteer *g, const char *t, size_t i, size_t end, size_t *len)
{
    const gz_surface *best = NULL;
    size_t at = 0;
    for (size_t j = i; j < end; j++) {
        const gz_node *n = &g->node[at];
        if (n->dense) {
            if (!(at = n->dense[(unsigned char)t[j]])) break;
        } else {
            unsigned k = 0;
            while (k < n->nkid && n->c[k] != (unsigned char)t[j]) k++;
            if (k == n->nkid) break;
            at = n->kid[k];
        }
        if (g->node[at].surf >= 0 && (j + 1 == end || !wordish((unsigned char)t[j + 1]))) {
            best = &g->surf[g->node[at].surf];
            *len = j + 1 - i;
        }
    }
    return best;
}

static int cmp_surf(const void *a, const void *b)
{
    return strcmp(((const gz_surface *)a)->s, ((const gz_surface *)b)->s);
}

static int row_of(struct ix_gazetteer *g, const char *name, const char *code, const char *status)
{
    for (size_t i = 0; i < g->nrows; i++)
        if (!strcmp(g->rows[i].code, code)) return (int)i;
    g->rows = ix_xrealloc(g->rows, (g->nrows + 1) * sizeof *g->rows);
    g->rows[g->nrows] = (gz_row){ix_xstrdup(name), ix_xstrdup(code), ix_xstrdup(status)};
    return (int)g->nrows++;
}

struct ix_gazetteer *ix_gazetteer_new(const ix_rules *r, ix_err *e)
{
    const ix_table *t = ix_rules_table(r, "councils");
    if (!t || !t->n) { ix_err_set(e, "%s/councils.tsv: missing or empty (run tools/gen-gazetteer.py)", r->dir); return NULL; }
    struct ix_gazetteer *g = calloc(1, sizeof *g);
    g->surf = ix_xmalloc((t->n * 2 + 1) * sizeof *g->surf);
    for (size_t i = 0; i < t->n; i++) {
        char *v = ix_xstrdup(t->val[i]), *save = NULL;
        char *f[5] = {0};
        int nf = 0;
        for (char *p = strtok_r(v, "\t", &save); p && nf < 5; p = strtok_r(NULL, "\t", &save)) f[nf++] = p;
        if (nf < 5) {
            ix_err_set(e, "%s:%d: '%s' has %d fields, wants 6 (surface, name, code, status, form, risk)", t->path,
                       t->line[i], t->key[i], nf + 1);
            free(v);
            ix_gazetteer_free(g);
            return NULL;
        }
        gz_surface s = {ix_xstrdup(t->key[i]), row_of(g, f[0], f[1], f[2]), -1,
                        !strcmp(f[3], "strong"), f[4][0] == 's' ? 's' : f[4][0] == 'w' ? 'w' : '-'};
        g->surf[g->nsurf++] = s;
        /* Regional papers set a lead's first words in capitals:
         * "STOKE-ON-TRENT City Council's ..." */
        char *up = ix_xstrdup(t->key[i]);
        bool changed = false;
        for (char *p = up; *p; p++)
            if (ix_is_lower(*p)) { *p = (char)(*p - 32); changed = true; }
        if (changed) {
            g->surf = ix_xrealloc(g->surf, (t->n * 2 + 1) * sizeof *g->surf);
            g->surf[g->nsurf++] = (gz_surface){up, s.row, -1, s.strong, s.risk == '-' ? '-' : 'w'};
        } else free(up);
        free(v);
    }
    qsort(g->surf, g->nsurf, sizeof *g->surf, cmp_surf);
    /* Merge duplicate surfaces (a bare name shared by a predecessor and its
     * successor): keep the current row first, the other as alt_row. */
    size_t w = 0;
    for (size_t i = 0; i < g->nsurf; i++) {
        if (w && !strcmp(g->surf[w - 1].s, g->surf[i].s)) {
            gz_surface *k = &g->surf[w - 1];
            if (strcmp(g->rows[k->row].status, "current") && !strcmp(g->rows[g->surf[i].row].status, "current")) {
                k->alt_row = k->row;
                k->row = g->surf[i].row;
            } else k->alt_row = g->surf[i].row;
            free(g->surf[i].s);
            continue;
        }
        g->surf[w++] = g->surf[i];
    }
    g->nsurf = w;
    g->capnode = 1024;
    g->node = ix_xmalloc(g->capnode * sizeof *g->node);
    g->node[0] = (gz_node){-1, 0, NULL, NULL, NULL};
    g->nnode = 1;
    g->first_upper = true;
    for (size_t i = 0; i < g->nsurf; i++)
        if (g->surf[i].s[0]) {
            trie_add(g, g->surf[i].s, (int)i);
            if (!ix_is_upper(g->surf[i].s[0])) g->first_upper = false;
            const unsigned char *f = (const unsigned char *)g->surf[i].s;
            if (!f[1] || !f[2]) g->first_short[f[0]] = true;
            else {
                unsigned h = pre3_hash(f);
                g->pre3[h >> 3] |= (uint8_t)(1u << (h & 7));
            }
        }
    /* A lookup is tried at every capitalised word: the root has a kid per
     * capital and the nodes below it a dozen or so, where a linear search
     * of the kids' bytes was most of the time spent. Those nodes get a
     * table by byte (a few dozen of them, 1 KB each). */
    for (size_t i = 0; i < g->nnode; i++) {
        gz_node *n = &g->node[i];
        if (n->nkid < GZ_DENSE_KIDS) continue;
        n->dense = calloc(256, sizeof *n->dense);
        if (!n->dense) continue;
        for (unsigned k = 0; k < n->nkid; k++) n->dense[n->c[k]] = n->kid[k];   /* the root is no kid: 0 is free */
    }
    return g;
}

void ix_gazetteer_free(struct ix_gazetteer *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->nrows; i++) { free(g->rows[i].name); free(g->rows[i].code); free(g->rows[i].status); }
    for (size_t i = 0; i < g->nsurf; i++) free(g->surf[i].s);
    free(g->rows);
    free(g->surf);
    for (size_t i = 0; i < g->nnode; i++) { free(g->node[i].c); free(g->node[i].kid); free(g->node[i].dense); }
    free(g->node);
    free(g);
}

/* For a bare mention of an abolished authority in a document dated after
 * its abolition (1 April of the year in its status), the authorities that
 * took over (patterns/successors.tsv). Returns how many went into `out`. */
size_t ix_gazetteer_successors(const ix_rules *r, int row, const char *date, int *out, size_t max)
{
    const struct ix_gazetteer *g = r->gaz;
    const char *st = g->rows[row].status, *u = strchr(st, '_');
    if (!u || !date || strncmp(st, "abolished", 9)) return 0;
    int year = atoi(u + 1), dy = atoi(date);
    if (dy < year || (dy == year && strncmp(date + 5, "04", 2) < 0)) return 0;
    const ix_table *t = ix_rules_tab(r, IX_TAB_SUCCESSORS);
    const char *v = t ? NULL : NULL;
    for (size_t i = 0; t && i < t->n && !v; i++)
        if (!strcmp(t->key[i], g->rows[row].code)) v = t->val[i];
    size_t n = 0;
    while (v && *v && n < max) {
        const char *bar = strchr(v, '|');
        size_t l = bar ? (size_t)(bar - v) : strlen(v);
        for (size_t k = 0; k < g->nrows; k++)
            if (strlen(g->rows[k].code) == l && !strncmp(g->rows[k].code, v, l)) { out[n++] = (int)k; break; }
        v = bar ? bar + 1 : v + l;
    }
    return n;
}

int ix_ctx_focus_row(const ix_ctx *c, size_t off)
{
    size_t lo = 0, hi = c->nmentions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->mentions[mid].a < off) lo = mid + 1;
        else hi = mid;
    }
    /* The latest sentence before off that names one authority only: one
     * that names several ("delivered jointly with Cheshire East Council and
     * Halton Borough Council", "neighbouring Calderdale and Bradford") lists
     * others beside the article's subject. A name in passing (council_aside_
     * before: "the former Hampshire director", "a partnership with Essex
     * County Council") counts for nothing: the council of the article is
     * not a person's old employer or a partner. When every such sentence
     * lists several, the latest name. At most 64 names back, so that a
     * document of nothing but lists costs linear time. */
    const ix_doc *d = c->doc;
    for (size_t i = lo; i > 0 && lo - i < 64;) {
        const ix_sent *se = &d->sents[ix_doc_sent_at(d, c->mentions[i - 1].a)];
        int row = -1;
        bool several = false;
        size_t j = i;
        for (; j > 0 && c->mentions[j - 1].a >= se->a && i - j < 64; j--) {
            const ix_mention *m = &c->mentions[j - 1];
            if (m->aside) continue;
            several |= row >= 0 && m->row != row;
            row = m->row;
        }
        for (size_t k = i; k < c->nmentions && c->mentions[k].a < se->b && k - i < 64; k++) {
            const ix_mention *m = &c->mentions[k];
            if (m->aside) continue;
            several |= row >= 0 && m->row != row;
            row = m->row;
        }
        if (row >= 0 && !several) return row;
        i = j;
    }
    return lo ? c->mentions[lo - 1].row : -1;
}

const char *ix_gazetteer_name(const struct ix_gazetteer *g, int row) { return g->rows[row].name; }
const char *ix_gazetteer_status(const struct ix_gazetteer *g, int row) { return g->rows[row].status; }
const char *ix_gazetteer_code(const struct ix_gazetteer *g, int row) { return g->rows[row].code; }

size_t ix_ctx_mentions_in(const ix_ctx *c, size_t a, size_t b, size_t *first)
{
    /* mentions are in text order: find the first at or after a, then walk
     * only the ones that start before b */
    size_t lo = 0, hi = c->nmentions, n = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->mentions[mid].a < a) lo = mid + 1;
        else hi = mid;
    }
    *first = lo;
    for (size_t i = lo; i < c->nmentions && c->mentions[i].a < b; i++) {
        if (c->mentions[i].b <= b) {
            if (!n) *first = i;
            n++;
        }
    }
    return n;
}

/* Does any rule of `fam` match in [lo, hi)? Rules for the text after a name
 * are anchored at it; the others (which end with $, or look anywhere in the
 * sentence) are not. */
static bool context(ix_ctx *c, const ix_rule_list *rl, size_t lo, size_t hi, bool anchored)
{
    for (size_t k = 0; k < rl->n; k++) {
        ix_match m;
        if (ix_rule_match(rl->r[k], c->scratch, c->doc, lo, hi, lo, anchored, &m) == 1) return true;
    }
    return false;
}

/* Picks the row for a bare name shared by predecessor and successor: the one
 * in force at the document's date, else the current one. */
static int pick_row(const struct ix_gazetteer *g, const gz_surface *s, const char *date)
{
    if (s->alt_row < 0 || !date) return s->row;
    const char *st = g->rows[s->alt_row].status;      /* "abolished_2019" */
    const char *u = strchr(st, '_');
    if (!u) return s->row;
    int year = atoi(u + 1), dy = atoi(date);
    /* Reorganisations took effect on 1 April of that year. */
    if (dy < year || (dy == year && strncmp(date + 5, "04", 2) < 0)) return s->alt_row;
    return s->row;
}

typedef struct cand {
    size_t a, b, sent;
    const gz_surface *s;
    int row;
    bool ok, needs_support, supported_local;
    bool after;            /* council words right after it (council_support_after) */
    bool start_only;       /* a surname-like name opening a sentence: a council
                            * only if named as one elsewhere in the document */
    bool body;             /* names a delivery body (council_body_after) */
} cand;

bool ix_list_next(const char *s, size_t b, size_t a)
{
    if (a < b) return false;
    size_t n = a - b;
    const char *t = s + b;
    return (n == 2 && !memcmp(t, ", ", 2)) || (n == 5 && !memcmp(t, " and ", 5)) ||
           (n == 6 && !memcmp(t, ", and ", 6)) || (n == 4 && !memcmp(t, " or ", 4));
}

/* Is mention i an item of a list of councils ("Cheshire East works with
 * Cheshire West and Chester and Warrington") in a sentence that names two
 * other accepted councils, neither a surname-like name? One other ("Reading
 * and Leeds festivals") is too often two names before a noun. */
static bool in_council_list(const ix_doc *d, const cand *cs, size_t nc, size_t i)
{
    bool listed = (i > 0 && cs[i - 1].sent == cs[i].sent && ix_list_next(d->text, cs[i - 1].b, cs[i].a)) ||
                  (i + 1 < nc && cs[i + 1].sent == cs[i].sent && ix_list_next(d->text, cs[i].b, cs[i + 1].a));
    if (!listed) return false;
    int r1 = -1, others = 0;
    size_t lo = i;
    while (lo > 0 && cs[lo - 1].sent == cs[i].sent) lo--;
    for (size_t k = lo; k < nc && cs[k].sent == cs[i].sent && others < 2; k++)
        if (cs[k].ok && cs[k].row != cs[i].row && cs[k].s->risk != 's' && cs[k].row != r1) {
            r1 = cs[k].row;
            others++;
        }
    return others >= 2;
}

void ix_extract_council(ix_ctx *c)
{
    ix_doc *d = c->doc;
    const struct ix_gazetteer *g = c->rules->gaz;
    const ix_rule_list rej_b = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_REJECT_BEFORE);
    const ix_rule_list rej_a = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_REJECT_AFTER);
    const ix_rule_list body_a = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_BODY_AFTER);
    const ix_rule_list per_b = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_PERSON_BEFORE);
    const ix_rule_list per_a = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_PERSON_AFTER);
    const ix_rule_list sup_a = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_SUPPORT_AFTER);
    const ix_rule_list sup_s = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_SUPPORT_SENTENCE);
    const ix_rule_list start_ok = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_START_AFTER);
    const ix_rule_list start_rej = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_START_REJECT_AFTER);
    const ix_rule_list loc_b = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_LOCATOR_BEFORE);
    const ix_rule_list aside_b = *ix_rules_fam(c->rules, IX_FAM_COUNCIL_ASIDE_BEFORE);
    cand *cs = NULL;
    size_t nc = 0, cap = 0;
    /* rows whose name a title or first name made a person's somewhere here */
    bool *person = calloc(g->nrows + 1, 1);

    for (size_t pi = 0; pi < d->npara; pi++) {
        const ix_para *p = &d->paras[pi];
        if (p->boilerplate) continue;
        const unsigned char *t = (const unsigned char *)d->text;
        const bool *first = g->first;
        for (size_t i = p->a; i < p->b; i++) {
            /* Names start with a capital (when every form does): sixteen
             * bytes without one are passed at once, and in a block with
             * one the scan goes straight to it. */
            if (g->first_upper && p->b - i >= 16) {
                unsigned up = ix_v16_in(ix_v16_load((const char *)t + i), 'A', 'Z');
                if (!up) { i += 15; continue; }
                i += (size_t)__builtin_ctz(up);
            }
            /* most bytes start no name: one table load decides */
            if (!first[t[i]] || (i > p->a && wordish(t[i - 1]))) continue;
            if (!g->first_short[t[i]]) {
                if (p->b - i < 3) continue;
                unsigned h = pre3_hash(t + i);
                if (!(g->pre3[h >> 3] >> (h & 7) & 1)) continue;
            }
            size_t len = 0;
            const gz_surface *s = trie_longest(g, d->text, i, p->b, &len);
            if (!s) continue;
            size_t a = i, b = i + len;
            i = b - 1;                      /* the next name starts after this one */
            if (nc == cap) { cap = cap ? cap * 2 : 32; cs = ix_xrealloc(cs, cap * sizeof *cs); }
            cand *k = &cs[nc];
            *k = (cand){a, b, ix_doc_sent_at(d, a), s, pick_row(g, s, d->date), true, false, false, false, false, false};
            size_t wlo = a > p->a + 60 ? a - 60 : p->a, whi = b + 60 < p->b ? b + 60 : p->b;
            const ix_sent *st = &d->sents[k->sent];
            if (!s->strong) {
                /* "Sandwell Children's Trust": the authority's services under
                 * another name; kept for the grades given to it, and lending
                 * no support to the bare name elsewhere */
                if (body_a.n && context(c, &body_a, b, whi, true)) {
                    k->body = true;
                    nc++;
                    continue;
                }
                if (context(c, &rej_b, wlo, a, false) || context(c, &rej_a, b, whi, true)) continue;
                /* "Jenny Leeds", "Mr Bolton": a first name or title makes any
                 * bare name a person; "Bolton said" only a known surname */
                if (context(c, &per_b, wlo, a, false) || (s->risk == 's' && context(c, &per_a, b, whi, true))) {
                    if (s->risk == 's') person[k->row] = true;
                    continue;
                }
                if (s->risk != '-') {
                    k->needs_support = true;
                    bool after = context(c, &sup_a, b, whi, true);
                    bool at_start = a == st->a || (a == st->a + 1 && (d->text[st->a] == '"' || d->text[st->a] == '\''));
                    k->after = after;
                    /* "Reading is ..." at a sentence start is a word unless a
                     * council word or a verb of being/having follows; a
                     * surname-like name ("Darlington got a quieter
                     * write-up") is the council when the document names it
                     * as one elsewhere and no person by that name */
                    /* "Reading it now", "Bury the past": a verb opening
                     * the sentence or a chat line's message ("Mike: Reading
                     * it now"), whatever the document says elsewhere */
                    bool opens = at_start || (a >= st->a + 2 && !memcmp(d->text + a - 2, ": ", 2));
                    if (opens && !after && context(c, &start_rej, b, whi, true)) continue;
                    if (at_start && !after && !context(c, &start_ok, b, whi, true)) {
                        if (s->risk != 's') continue;
                        k->start_only = true;
                    }
                    /* the words that support it may be in the sentence
                     * before, in the same paragraph: "Four of the six
                     * councils ... are rated good. Knowsley and St Helens
                     * are both working towards good" */
                    const ix_sent *pv = k->sent > 0 && d->sents[k->sent - 1].para == st->para ? st - 1 : NULL;
                    k->supported_local = !k->start_only && (after || context(c, &sup_s, st->a, st->b, false) ||
                                                            (pv && context(c, &sup_s, pv->a, pv->b, false)));
                }
            }
            nc++;
        }
    }
    /* Support from elsewhere in the document: a strong or supported mention
     * of the same authority, or another accepted council in the sentence. */
    /* Linear: which rows have a supported mention anywhere, and for each
     * sentence the first two rows named there in a form needing no support. */
    bool *row_ok = calloc(g->nrows + 1, 1);
    for (size_t i = 0; i < nc; i++)
        if (!cs[i].body && (!cs[i].needs_support || cs[i].supported_local)) row_ok[cs[i].row] = true;
    for (size_t i = 0, j = 0; i < nc; i = j) {
        int r1 = -1, r2 = -1;
        for (j = i; j < nc && cs[j].sent == cs[i].sent; j++) {
            if (cs[j].needs_support || cs[j].body) continue;
            if (r1 < 0) r1 = cs[j].row;
            else if (cs[j].row != r1 && r2 < 0) r2 = cs[j].row;
        }
        for (size_t k = i; k < j; k++) {
            cand *x = &cs[k];
            if (!x->needs_support || x->supported_local) continue;
            bool other = (r1 >= 0 && r1 != x->row) || r2 >= 0;
            /* the row's own supported mention must be another mention: this
             * one is unsupported, so row_ok came from elsewhere */
            x->ok = row_ok[x->row] || (other && !x->start_only);
        }
    }
    free(row_ok);
    /* "Opposition councillor Ian Oldham, ... Oldham, who represents ...
     * A social worker replying to Oldham's post": once a surname-like name
     * is a person's in a document, its other bare mentions there are the
     * person's too, unless council words or a verb of being follow it
     * ("Oldham Council", "Oldham was rated good"). */
    for (size_t i = 0; i < nc; i++) {
        cand *x = &cs[i];
        if (!x->ok || x->s->risk != 's' || x->s->strong || !person[x->row] || x->after) continue;
        /* ... or it is an item of a list of councils */
        if (in_council_list(d, cs, nc, i)) continue;
        if (x->start_only) { x->ok = false; continue; }
        size_t pb = d->paras[d->sents[x->sent].para].b, whi = x->b + 60 < pb ? x->b + 60 : pb;
        if (!context(c, &start_ok, x->b, whi, true)) x->ok = false;
    }
    free(person);
    /* "St Helens in Lancashire": the second name only locates the first. */
    for (size_t i = 1; i < nc; i++) {
        cand *x = &cs[i - 1], *y = &cs[i];
        if (!x->ok || !y->ok) continue;
        if (y->a == x->b + 4 && !memcmp(d->text + x->b, " in ", 4)) y->ok = false;
        /* "Rotherham, South Yorkshire," style locators: only a county, and
         * not inside a list of councils ("Coventry, Herefordshire, Solihull
         * and Warwickshire"): a council name just before the first or just
         * after the second, a comma or "and" between */
        bool list = (i + 1 < nc && ix_list_next(d->text, y->b, cs[i + 1].a)) ||
                    (i >= 2 && ix_list_next(d->text, cs[i - 2].b, x->a));
        if (y->a == x->b + 2 && !memcmp(d->text + x->b, ", ", 2) && !y->s->strong && !list &&
            y->b < d->len && (d->text[y->b] == ',' || d->text[y->b] == '.' ) &&
            strstr(g->rows[y->row].name, "shire"))
            y->ok = false;
    }
    /* "born in Sutton-in-Ashfield, Nottinghamshire, to ...": a name after
     * a place that is no council, then a comma, and before a comma, a full
     * stop or the paragraph's end, only says where the place is. */
    for (size_t i = 0; i < nc; i++) {
        cand *y = &cs[i];
        if (!y->ok || y->s->strong || y->a < 2 || memcmp(d->text + y->a - 2, ", ", 2)) continue;
        if (i > 0 && cs[i - 1].b == y->a - 2) continue;     /* a council before it: rule 6 */
        const ix_para *p = &d->paras[d->sents[y->sent].para];
        char nx = y->b < p->b ? d->text[y->b] : '.';
        if (nx != ',' && nx != '.' && nx != ';' && nx != ')') continue;
        size_t wlo = y->a > p->a + 80 ? y->a - 80 : p->a;
        if (context(c, &loc_b, wlo, y->a, false)) y->ok = false;
    }
    c->mentions = ix_xmalloc((nc + 1) * sizeof *c->mentions);
    c->nmentions = 0;
    for (size_t i = 0; i < nc; i++) {
        if (!cs[i].ok) continue;
        const ix_para *p = &d->paras[d->sents[cs[i].sent].para];
        size_t wlo = cs[i].a > p->a + 80 ? cs[i].a - 80 : p->a;
        bool aside = aside_b.n && context(c, &aside_b, wlo, cs[i].a, false);
        c->mentions[c->nmentions++] = (ix_mention){cs[i].a, cs[i].b, cs[i].row, cs[i].s->strong, aside, cs[i].body};
    }

    if (c->types & IX_T_COUNCIL) {
        bool *done = calloc(g->nrows, 1);
        for (size_t i = 0; i < c->nmentions; i++) {
            int row = c->mentions[i].row;
            if (done[row] || c->mentions[i].body) continue;
            done[row] = true;
            json_t *rec = ix_record_new("council", d);
            json_object_set_new_nocheck(rec, "name", ix_json_str(g->rows[row].name));
            json_object_set_new_nocheck(rec, "code", ix_json_str(g->rows[row].code));
            json_t *ms = json_array();
            for (size_t j = i; j < c->nmentions && json_array_size(ms) <= IX_MAX_MENTIONS; j++) {
                if (c->mentions[j].row != row || c->mentions[j].body) continue;
                size_t oa, ob;
                ix_doc_span(d, c->mentions[j].a, c->mentions[j].b, &oa, &ob);
                json_array_append_new(ms, json_pack("[II]", (json_int_t)oa, (json_int_t)ob));
            }
            json_object_set_new_nocheck(rec, "mentions", ms);
            ix_doc_set_span(d, rec, "span", c->mentions[i].a, c->mentions[i].b);
            json_object_set_new_nocheck(rec, "rule", ix_json_str("councils/gazetteer"));
            ix_result_add(c->res, rec);
        }
        free(done);
    }
    free(cs);
}
