/* extract_quote.c — direct quotations and who said them.
 *
 * Consumes the normalised text (quotes folded to ' and "), the original
 * characters (to tell an opening ‘ from a closing ’ where the document has
 * curly quotes) and patterns/quotes.pat. Produces `quote` records.
 *
 * 1. Pairing. One pass over the non-boilerplate paragraphs with a small
 *    state machine: a mark opens or closes by what stands either side of it
 *    (and by its curly shape when it had one); an apostrophe between letters
 *    is neither; marks of the other kind inside a quotation are nested
 *    quotes and belong to it. A paragraph that ends inside a quotation
 *    continues into the next one when that opens with the same mark
 *    (British style): one quotation, its text joined with single spaces.
 * 2. Attribution, in order: right after the closing mark ("...," said X),
 *    right before the opening mark (X said: "..."), the sentence's end
 *    ("..., X said."), reported speech earlier in the sentence, a preceding
 *    "X said:" paragraph, the previous sentence's subject, the speaker of the
 *    previous quotation paragraph. Pronouns go to the latest speaker or
 *    named person before the quotation.
 * 3. Filtering (GOLD.md): one or two words are never a quote; three or more
 *    need an attribution unless they stand as a sentence or more.
 *
 * Each scan is linear: the pairing walks each byte once, attribution rules
 * see one sentence (or one paragraph) each.
 */
#include <stdlib.h>
#include <strings.h>
#include "internal.h"

enum { R_NONE, R_OPEN, R_CLOSE, R_EITHER };

typedef struct qseg { size_t a, b; } qseg;      /* content, without marks */

typedef struct quote {
    size_t open, close;      /* [open, close): from opening to after closing mark */
    qseg seg[16];
    size_t nseg;
    size_t para0, para1;
    char mark;
    bool closed;
    size_t words;            /* count_words, filled once pairing is done */
    bool label;              /* grade_label: a grade's name in quote marks */
} quote;

typedef struct speaker {
    char *name, *title, *role, *org, *desc;
    size_t a, b;             /* speaker phrase, normalised */
    bool person, valid;
    bool pron;               /* came from he/she/they/it */
} speaker;

typedef struct event {       /* a person or speaker seen at a position */
    size_t pos;
    speaker sp;
} event;

typedef struct qstate {
    ix_ctx *c;
    ix_doc *d;
    const ix_table *nonnames, *orgs, *titles;
    const ix_table *leads, *clause_leads, *relatives, *grades, *speech_verbs, *finding_verbs, *council_roles,
                   *pronouns;   /* NULL: none */
    ix_rule_list after, before, final, sentence, coordinated, colon, prev, added, dash, name, desc, mention, human, inspect, addressee;
    event *ev;
    size_t nev, capev;
    bool inner_voice;        /* the attribution's verb reports findings */
    int *rows;               /* the authorities the document names, once each */
    size_t nrows;
    event *qev;              /* speakers of the quotations so far, in text order */
    size_t nqev, capqev;
    bool ofsted_story;
} qstate;

/* ---- small helpers ------------------------------------------------------- */

static bool word_in(const ix_table *t, const char *s, size_t n) { return ix_table_has(t, s, n); }

/* A broadcast transcript's caption label before a quotation, "[ON
 * SCREEN: " or "[GRAPHIC: ": the quotation opens the caption as it would a
 * paragraph. */
static bool caption_label(const char *s, size_t a, size_t b)
{
    if (b - a < 4 || s[a] != '[') return false;
    size_t i = a + 1;
    while (i < b && (ix_is_upper(s[i]) || s[i] == ' ')) i++;
    if (i == a + 1 || i >= b || s[i] != ':') return false;
    for (i++; i < b; i++)
        if (s[i] != ' ') return false;
    return true;
}

static char *dupn(const char *s, size_t n) { return ix_xstrndup(s, n); }

/* Does [a, b) hold a letter or a digit? Bullets, dashes and other symbols
 * before a quotation ("• “Leaders have ...”") are not words; ix_is_alnum
 * counts every byte of a non-ASCII character as a letter. */
static bool has_word(const char *s, size_t a, size_t b)
{
    for (size_t i = a, len; i < b; i += len)
        if (ix_is_digit(s[i]) || ix_letter_at(s, i, b, &len)) return true;
    return false;
}

static void speaker_free(speaker *s)
{
    free(s->name); free(s->title); free(s->role); free(s->org); free(s->desc);
    memset(s, 0, sizeof *s);
}

static void speaker_copy(speaker *dst, const speaker *src)
{
    *dst = *src;
    dst->name = src->name ? ix_xstrdup(src->name) : NULL;
    dst->title = src->title ? ix_xstrdup(src->title) : NULL;
    dst->role = src->role ? ix_xstrdup(src->role) : NULL;
    dst->org = src->org ? ix_xstrdup(src->org) : NULL;
    dst->desc = src->desc ? ix_xstrdup(src->desc) : NULL;
}

/* Looking back from a position: the events before it, latest first, from
 * both the people/speech scan (sorted once) and the quotations' speakers
 * (appended in text order). Look-backs are bounded, so a document with a
 * million quotations stays linear. */
#define IX_LOOKBACK 256

typedef struct evit {
    const qstate *q;
    size_t i, j;             /* next candidates are ev[i-1] and qev[j-1] */
    size_t left;
} evit;

static size_t upper_pos(const event *e, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].pos < pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void evit_init(evit *it, const qstate *q, size_t pos)
{
    it->q = q;
    it->i = upper_pos(q->ev, q->nev, pos);
    it->j = upper_pos(q->qev, q->nqev, pos);
    it->left = IX_LOOKBACK;
}

static const event *evit_prev(evit *it)
{
    if (!it->left) return NULL;
    it->left--;
    const event *a = it->i ? &it->q->ev[it->i - 1] : NULL, *b = it->j ? &it->q->qev[it->j - 1] : NULL;
    if (a && (!b || a->pos > b->pos)) { it->i--; return a; }
    if (b) { it->j--; return b; }
    return NULL;
}

static void add_quote_event(qstate *q, size_t pos, const speaker *sp)
{
    if (q->nqev == q->capqev) {
        q->capqev = q->capqev ? q->capqev * 2 : 16;
        q->qev = ix_xrealloc(q->qev, q->capqev * sizeof *q->qev);
    }
    q->qev[q->nqev].pos = pos;
    speaker_copy(&q->qev[q->nqev].sp, sp);
    q->nqev++;
}

static void add_event(qstate *q, size_t pos, const speaker *sp)
{
    if (q->nev == q->capev) {
        q->capev = q->capev ? q->capev * 2 : 32;
        q->ev = ix_xrealloc(q->ev, q->capev * sizeof *q->ev);
    }
    q->ev[q->nev].pos = pos;
    speaker_copy(&q->ev[q->nev].sp, sp);
    q->nev++;
}

/* The original (decoded) character behind a normalised quote mark. */
static int curly_kind(const ix_doc *d, size_t off)
{
    size_t o = ix_offmap_start(&d->map, off);
    const unsigned char *p = (const unsigned char *)d->dec.s + o;
    if (o + 3 <= d->dec.len && p[0] == 0xE2 && p[1] == 0x80) {
        if (p[2] == 0x98 || p[2] == 0x9C) return R_OPEN;      /* ‘ “ */
        if (p[2] == 0x99 || p[2] == 0x9D) return R_CLOSE;     /* ’ ” */
    }
    return R_EITHER;
}

static bool opener_before(char p) { return p == ' ' || p == '(' || p == '[' || p == '-' || p == '/' || p == '"' || p == '\''; }
static bool closer_after(char n) { return n == ' ' || n == '.' || n == ',' || n == ';' || n == ':' || n == '!' || n == '?' || n == ')' || n == ']' || n == '-' || n == '"' || n == '\''; }

static int classify(const ix_doc *d, size_t i, size_t pa, size_t pb)
{
    const char *s = d->text;
    char c = s[i];
    bool at_start = i == pa, at_end = i + 1 >= pb;
    char p = at_start ? ' ' : s[i - 1], n = at_end ? ' ' : s[i + 1];
    if (c == '\'' && ix_is_alpha(p) && ix_is_alpha(n)) return R_NONE;          /* don't, Ofsted's */
    if (c == '\'' && ix_is_digit(n) && (at_start || p == ' ')) return R_NONE;  /* '90s */
    int curly = curly_kind(d, i);
    if (curly != R_EITHER) {
        if (curly == R_CLOSE && c == '\'' && !closer_after(n) && !at_end) return R_NONE;
        return curly;
    }
    bool before = at_start || opener_before(p);
    bool after = at_end || closer_after(n);
    if (before && !after) return R_OPEN;
    if (!before && after) return R_CLOSE;
    if (before && after) return R_NONE;
    return c == '"' ? R_EITHER : R_NONE;
}

/* A closing ' after an s followed by a lower-case word is more likely the
 * plural possessive ("the councils' budgets") than the end of a quotation. */
static bool plural_possessive(const ix_doc *d, size_t i, size_t pb)
{
    const char *s = d->text;
    if (i == 0 || s[i - 1] != 's' || i + 2 >= pb || s[i + 1] != ' ' || !ix_is_lower(s[i + 2])) return false;
    static const char *const attrib[] = {"said", "says", "added", "he ", "she ", "they ", "according", "the ", "and ", "but ", "a ", "in ", "or ", "as "};
    for (size_t k = 0; k < sizeof attrib / sizeof *attrib; k++)
        if (!strncmp(s + i + 2, attrib[k], strlen(attrib[k]))) return false;
    return true;
}

/* Is there another closing mark of this kind ahead (within a bounded
 * look-ahead, so pairing stays linear)? */
static bool closes_later(const ix_doc *d, size_t from, size_t pa, size_t pb, char mark)
{
    size_t end = from + 400 < pb ? from + 400 : pb;
    for (size_t j = from; j < end; j++) {
        if (d->text[j] != mark) continue;
        int r = classify(d, j, pa, pb);
        if ((r == R_CLOSE || r == R_EITHER) && !plural_possessive(d, j, pb)) return true;
    }
    return false;
}

/* ---- pairing -------------------------------------------------------------- */

static void find_quotes(const ix_doc *d, quote **out, size_t *nout)
{
    size_t cap = 0, n = 0;
    quote *qs = NULL;
    quote cur;
    bool open = false;
    for (size_t pi = 0; pi < d->npara; pi++) {
        const ix_para *p = &d->paras[pi];
        if (p->boilerplate) {
            if (open) { open = false; }     /* a quotation does not run into furniture */
            continue;
        }
        size_t i = p->a;
        if (open) {
            /* continuation: the paragraph must open with the same mark */
            if (d->text[i] == cur.mark && classify(d, i, p->a, p->b) == R_OPEN && cur.nseg < 16) {
                cur.seg[cur.nseg++] = (qseg){i + 1, i + 1};
                cur.para1 = pi;
                i++;
            } else {
                open = false;           /* abandoned: an unclosed quotation ends at its paragraph */
                cur.closed = false;
                if (n == cap) { cap = cap ? cap * 2 : 16; qs = ix_xrealloc(qs, cap * sizeof *qs); }
                qs[n++] = cur;
            }
        }
        for (; i < p->b; i++) {
            i = ix_find3(d->text, i, p->b, '"', '\'', '\'');
            if (i >= p->b) break;
            char c = d->text[i];
            int r = classify(d, i, p->a, p->b);
            if (r == R_NONE) continue;
            if (!open) {
                if (r == R_OPEN || (r == R_EITHER && c == '"')) {
                    memset(&cur, 0, sizeof cur);
                    cur.open = i;
                    cur.mark = c;
                    cur.seg[0] = (qseg){i + 1, i + 1};
                    cur.nseg = 1;
                    cur.para0 = cur.para1 = pi;
                    open = true;
                }
                continue;
            }
            if (c != cur.mark) continue;                 /* a nested quotation */
            if (r == R_OPEN) continue;
            /* "the councils' budgets": skip it if the quotation can still
             * close further on in this paragraph */
            if (plural_possessive(d, i, p->b) && closes_later(d, i + 1, p->a, p->b, c)) continue;
            cur.seg[cur.nseg - 1].b = i;
            cur.close = i + 1;
            cur.closed = true;
            open = false;
            if (n == cap) { cap = cap ? cap * 2 : 16; qs = ix_xrealloc(qs, cap * sizeof *qs); }
            qs[n++] = cur;
        }
        if (open) cur.seg[cur.nseg - 1].b = p->b;
        if (open) cur.close = p->b;
    }
    if (open) {
        if (n == cap) { cap = cap ? cap * 2 : 16; qs = ix_xrealloc(qs, cap * sizeof *qs); }
        cur.closed = false;
        qs[n++] = cur;
    }
    *out = qs;
    *nout = n;
}

static size_t count_words(const ix_doc *d, const quote *q)
{
    size_t w = 0;
    for (size_t k = 0; k < q->nseg; k++) {
        bool in = false;
        for (size_t i = q->seg[k].a; i < q->seg[k].b; i++) {
            bool a = ix_is_alnum(d->text[i]);
            if (a && !in) w++;
            in = a || (in && (d->text[i] == '\'' || d->text[i] == '-'));
        }
    }
    return w;
}

/* The last character inside the quotation marks, spaces aside (0: none). */
static char quote_last(const ix_doc *d, const quote *q)
{
    size_t a = q->seg[q->nseg - 1].a, z = q->seg[q->nseg - 1].b;
    while (z > a && d->text[z - 1] == ' ') z--;
    return z > a ? d->text[z - 1] : 0;
}

/* Do the quoted words end as speech broken off for its attribution
 * ("'I'm delighted,' said ...", "'Never!' she said") rather than as a
 * label ("the 'grip' it lacked")? */
static bool short_speech(const ix_doc *d, const quote *q)
{
    if (!q->nseg) return false;
    char last = quote_last(d, q);
    return last == ',' || last == '!' || last == '?' || d->text[q->close] == ',';
}

/* The previous attributed quotation: its speaker carries to the next one
 * ("she added", a paragraph that continues it, the second half of a split
 * quotation). */
typedef struct prevq {
    speaker sp;
    size_t para, pos, close;   /* its last paragraph, its opening and closing offsets */
    bool after;                /* its speaker came after it: '"...," said X,' */
    const ix_rule *rule;
} prevq;

static void remember(qstate *q, prevq *p, const quote *qt, const speaker *sp, bool after, const ix_rule *rule)
{
    speaker_free(&p->sp);
    speaker_copy(&p->sp, sp);
    p->para = qt->para1;
    p->pos = qt->open;
    p->close = qt->close;
    p->after = after;
    p->rule = rule;
    add_quote_event(q, qt->open, sp);
}

/* Is quotation qt added by the speaker of the one before it in the same
 * sentence: do the words between match a quote_added rule, whole ('," said
 * X, ..., adding that the plan was ')? Returns the rule, or NULL. */
static const ix_rule *added(qstate *q, const prevq *p, const quote *qt)
{
    ix_doc *d = q->d;
    if (!q->added.n || !p->close || p->close > qt->open || qt->open - p->close > 400) return NULL;
    if (ix_doc_sent_at(d, p->close - 1) != ix_doc_sent_at(d, qt->open)) return NULL;
    for (size_t k = 0; k < q->added.n; k++) {
        ix_match m;
        if (ix_rule_match(q->added.r[k], q->c->scratch, d, p->close, qt->open, p->close, true, &m) == 1 &&
            m.b == qt->open)
            return q->added.r[k];
    }
    return NULL;
}

/* Does quotation q resume the one that closed at `close`, after an
 * attribution ending in a comma, in the same paragraph: '"A," said X, "B."'? */
static bool continues(const ix_doc *d, size_t close, const quote *q)
{
    if (close == 0 || close > q->open || q->open - close > 300) return false;
    if (d->sents[ix_doc_sent_at(d, close - 1)].para != q->para0) return false;
    size_t e = q->open;
    while (e > close && d->text[e - 1] == ' ') e--;
    if (e <= close || d->text[e - 1] != ',') return false;
    for (size_t k = close; k < e; k++)
        if (d->text[k] == '.' || d->text[k] == '!' || d->text[k] == '?' || d->text[k] == '"') return false;
    return true;
}

/* Is the quotation a grade's name ("rated "requires improvement to be
 * good," the third of four grades")? A label, however many words. */
static bool grade_label(const ix_doc *d, const quote *q, const ix_table *grades)
{
    if (q->nseg != 1 || !grades) return false;
    size_t a = q->seg[0].a, b = q->seg[0].b;
    while (b > a && (d->text[b - 1] == ',' || d->text[b - 1] == '.' || d->text[b - 1] == ' ')) b--;
    return b > a && ix_grade_get(grades, d->text + a, b - a) != NULL;
}

/* ---- speakers ------------------------------------------------------------- */

/* " word " (the kl bytes at w, a space either side) in the n bytes at s. */
static const char *find_spaced(const char *s, size_t n, const char *w, size_t kl)
{
    for (size_t i = 0; i + kl + 2 <= n; i++)
        if (s[i] == ' ' && s[i + 1 + kl] == ' ' && !memcmp(s + i + 1, w, kl)) return s + i;
    return NULL;
}

static char *trim_dup(const char *s, size_t a, size_t b)
{
    while (a < b && (s[a] == ' ' || s[a] == ',')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '.')) b--;
    return dupn(s + a, b - a);
}

/* Does the phrase give a council role (patterns/council_roles.tsv)? */
static bool council_role_in(const qstate *q, const char *s)
{
    for (size_t k = 0; q->council_roles && k < q->council_roles->n; k++)
        if (strstr(s, q->council_roles->key[k])) return true;
    return false;
}

/* The organisation named in a phrase: a listed body, else a council. */
static char *org_in(qstate *q, const char *s)
{
    /* The longest listed name standing as whole words (the first row of
     * that length); tried only at word starts whose byte begins a name
     * (47 strstr calls per phrase were 1% of the run). */
    const char *best = NULL;
    size_t bestlen = 0, bestrow = 0;
    for (const char *p = s; q->orgs && *p; p++) {
        if (!q->orgs->first[(unsigned char)*p] || (p > s && ix_is_alnum(p[-1]))) continue;
        for (size_t i = 0; i < q->orgs->n; i++) {
            const char *k = q->orgs->key[i];
            size_t kl = q->orgs->klen[i];
            if (k[0] != *p || kl < bestlen || (kl == bestlen && i > bestrow) || strncmp(p, k, kl) ||
                ix_is_alnum(p[kl]))
                continue;
            best = q->orgs->val[i];
            bestlen = kl;
            bestrow = i;
        }
    }
    if (best) return ix_xstrdup(best);
    /* a council: "Hull City Council", "Kent's director" (each authority
     * named in the document once, so this is bounded by the gazetteer).
     * A place the speaker is in ("who chairs a charity in Leeds", "sitting
     * at Wolverhampton") is not whom they speak for, unless their words give a council role. */
    for (size_t i = 0; i < q->nrows; i++) {
        const char *nm = ix_gazetteer_name(q->c->rules->gaz, q->rows[i]);
        const char *p = strstr(s, nm);
        if (!p) continue;
        const char *council = strstr(p, " Council");
        if (council && council - p < 40) return dupn(p, (size_t)(council - p) + 8);
        bool at_place = (p - s >= 3 && (!memcmp(p - 3, "in ", 3) || !memcmp(p - 3, "at ", 3))) ||
                        (p - s >= 5 && !memcmp(p - 5, "near ", 5));
        if (at_place && !council_role_in(q, s)) continue;
        ix_buf b = {0};
        ix_buf_puts(&b, nm);
        ix_buf_puts(&b, " Council");
        return ix_buf_take(&b);
    }
    return NULL;
}

/* A word of nonnames.tsv marked "surname" ("Green", "May") may end a name
 * whose first word is a name's ("Paul Green", "Theresa May"), never stand
 * alone or first ("the Green Party", "May 2024"). */
static bool nonname_at(const qstate *q, const char *s, size_t i, size_t j, size_t a, size_t b)
{
    const char *v = ix_table_get(q->nonnames, s + i, j - i);
    return v && !(i > a && j == b && !strcmp(v, "surname"));
}

static bool name_words_ok(qstate *q, const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        size_t j = i;
        while (j < b && s[j] != ' ') j++;
        if (nonname_at(q, s, i, j, a, b) || word_in(q->titles, s + i, j - i)) return false;
        /* "Smith's" as a name word is a possessive: not a speaker's name */
        if (j - i > 2 && s[j - 2] == '\'' && s[j - 1] == 's') return false;
        i = j + 1;
    }
    return true;
}

/* Is `w` the person's surname (or whole name), or, when `first`, the first
 * of the words of a full name ("Amara" for Dr Amara Nwosu: a profile or a
 * programme calls its subject by the first name after the full one)? */
static bool name_word_of(const speaker *sp, const char *w, size_t wl, bool first)
{
    if (!sp->person || !sp->name) return false;
    size_t nl = strlen(sp->name);
    if ((nl > wl && sp->name[nl - wl - 1] == ' ' && !strcmp(sp->name + nl - wl, w)) || !strcmp(sp->name, w)) return true;
    return first && nl > wl && sp->name[wl] == ' ' && !strncmp(sp->name, w, wl);
}

/* Looks the surname (or, when `first`, the first name) up among the people
 * named before `before`, else among the ones named just after it (bylines
 * and captions come late). */
static const speaker *known_person(qstate *q, const char *w, size_t before, bool first)
{
    size_t wl = strlen(w);
    evit it;
    evit_init(&it, q, before + 1);
    for (const event *e; (e = evit_prev(&it));)
        if (name_word_of(&e->sp, w, wl, first)) return &e->sp;
    size_t from = upper_pos(q->ev, q->nev, before + 1);
    for (size_t i = from; i < q->nev && i < from + IX_LOOKBACK; i++)
        if (name_word_of(&q->ev[i].sp, w, wl, first)) return &q->ev[i].sp;
    return NULL;
}

/* Where the brackets that end [a, b) open: the '(' of " (Lib Dem)" after a
 * word, with something inside; 0 when [a, b) ends in no such brackets. */
static size_t trailing_paren(const char *s, size_t a, size_t b)
{
    if (b < a + 3 || s[b - 1] != ')') return 0;
    size_t o = b - 1;
    while (o > a && s[o] != '(') o--;
    return s[o] == '(' && o > a + 1 && s[o - 1] == ' ' && b - o > 2 ? o : 0;
}

/* Is the word ending at e (after a) an article or a preposition? */
static bool after_function_word(const char *s, size_t a, size_t e)
{
    static const char *const fw[] = {"the", "a", "an", "at", "of", "for", "in", "from", "with", "to", "on", "by"};
    size_t w = e;
    while (w > a && s[w - 1] != ' ') w--;
    for (size_t k = 0; k < sizeof fw / sizeof *fw; k++)
        if (strlen(fw[k]) == e - w && !memcmp(fw[k], s + w, e - w)) return true;
    return false;
}

/* Tries the speaker_name rules on one comma-separated part. */
static bool person_part(qstate *q, size_t a, size_t b, speaker *sp)
{
    ix_doc *d = q->d;
    for (size_t k = 0; k < q->name.n; k++) {
        ix_match m;
        if (ix_rule_match(q->name.r[k], q->c->scratch, d, a, b, a, true, &m) != 1 || m.b != b) continue;
        size_t na, nb, ta, tb, ra, rb;
        if (!ix_match_group(&m, "name", &na, &nb)) continue;
        bool titled = ix_match_group(&m, "title", &ta, &tb);
        size_t na0 = na;
        /* "... for Children's Services Ruth Penhaligon": the name is what is
         * left after the leading non-name words */
        while (!titled && !name_words_ok(q, d->text, na, nb)) {
            size_t sp2 = na;
            while (sp2 < nb && d->text[sp2] != ' ') sp2++;
            if (sp2 >= nb) break;
            na = sp2 + 1;
        }
        if (!name_words_ok(q, d->text, na, nb)) continue;
        if (!titled && !memchr(d->text + na, ' ', nb - na)) continue;   /* one bare word: not here */
        /* "a researcher at the Northern Policy Lab": capitals after a
         * preposition or an article are what the role is at or of, not a
         * person named after it ("board chair David Simmonds") */
        if (!titled && na0 > a + 1 && after_function_word(d->text, a, na0 - 1)) continue;
        sp->name = dupn(d->text + na, nb - na);
        if (titled) sp->title = dupn(d->text + ta, tb - ta);
        bool has_role = ix_match_group(&m, "role", &ra, &rb);
        size_t ns = titled ? ta : na;           /* where the title or name begins */
        if (!has_role && ns > a) { ra = a; rb = ns - 1; has_role = true; }
        else if (has_role && ns > rb + 1 && !titled) rb = ns - 1;
        /* the lazy role may have taken the title ("Cllr" Jane Smith) or the
         * first words of a longer one ("Detective" Superintendent, "Chief"
         * Constable): its last word, with the title after it if any */
        while (has_role && rb > ra) {
            size_t w0 = rb, te = titled ? tb : rb;
            while (w0 > ra && d->text[w0 - 1] != ' ') w0--;
            if (!word_in(q->titles, d->text + w0, te - w0)) break;
            free(sp->title);
            sp->title = dupn(d->text + w0, te - w0);
            titled = true;
            ta = w0;
            tb = te;
            rb = w0 > ra ? w0 - 1 : ra;
        }
        if (has_role && rb > ra) sp->role = trim_dup(d->text, ra, rb);
        sp->person = true;
        sp->a = titled ? ta : na;
        sp->b = nb;
        return true;
    }
    return false;
}

static bool is_pronoun(const char *s, size_t n)
{
    static const char *const pr[] = {"he", "she", "they", "it", "we", "i", "He", "She", "They", "It", "We", "I"};
    for (size_t k = 0; k < sizeof pr / sizeof *pr; k++)
        if (strlen(pr[k]) == n && !memcmp(pr[k], s, n)) return true;
    return false;
}

/* Does a description name a person ("a spokesman") rather than a body? */
static bool human(qstate *q, const char *desc)
{
    for (size_t k = 0; k < q->human.n; k++) {
        int rc = pcre2_match(ix_rule_code(q->human.r[k]), (PCRE2_SPTR)desc, strlen(desc), 0, 0, q->c->scratch->md,
                             q->c->scratch->mctx);
        if (rc >= 0) return true;
    }
    return false;
}

/* Fills a person's missing title, role and organisation from other places
 * the document names them ("Sir Michael Wilshaw, Ofsted's chief inspector"). */
static void fill_person(qstate *q, speaker *sp)
{
    if (!sp->person || !sp->name) return;
    evit it;
    evit_init(&it, q, sp->b + 1);
    for (const event *ev; (ev = evit_prev(&it));) {
        const speaker *e = &ev->sp;
        if (!e->person || !e->name || strcmp(e->name, sp->name)) continue;
        if (!sp->title && e->title) sp->title = ix_xstrdup(e->title);
        if (!sp->role && e->role) sp->role = ix_xstrdup(e->role);
        if (!sp->org && e->org) sp->org = ix_xstrdup(e->org);
    }
}

/* The pronoun ("he", "she"; "they" for a group) that the first of the
 * words of s that patterns/pronouns.tsv knows says can stand for this
 * speaker; NULL when none does. */
static const char *pronoun_in(const qstate *q, const char *s)
{
    bool first = true;
    for (const char *w = s; w && *w; first = false) {
        while (*w && !ix_is_alpha(*w)) w++;
        const char *e = w;
        while (ix_is_alpha(*e)) e++;
        if (e == w) break;
        const char *p = ix_table_get(q->pronouns, w, (size_t)(e - w));
        /* a group's word ("they") heads the description only as its first
         * word ("Inspectors", "Officials at the council"); later it is
         * another's ("director of children's services", "a spokesman for
         * parents") */
        if (p && (first || strcmp(p, "they"))) return p;
        w = e;
    }
    return NULL;
}

/* Which of "he" and "she" may point back to e: its title, the first word
 * of its name, or a word of its description or role decides; NULL when
 * nothing does (either may). */
static const char *pronoun_of(const qstate *q, const speaker *e)
{
    if (!q->pronouns) return NULL;
    const char *p = NULL;
    if (e->title) p = ix_table_get(q->pronouns, e->title, strlen(e->title));
    if (!p && e->name) p = ix_table_get(q->pronouns, e->name, strcspn(e->name, " "));
    if (!p && e->desc) p = pronoun_in(q, e->desc);
    if (!p && e->role) p = pronoun_in(q, e->role);
    return p;
}

/* Where the word "inspectors" (any case) last stands in [lo, hi), or
 * SIZE_MAX. */
static size_t inspectors_in(const char *s, size_t lo, size_t hi)
{
    static const char w[] = "inspectors";
    size_t l = sizeof w - 1;
    for (size_t i = hi >= lo + l ? hi - l + 1 : lo; i-- > lo;) {
        if (strncasecmp(s + i, w, l)) continue;
        if ((i > lo && ix_is_alnum(s[i - 1])) || (i + l < hi && ix_is_alnum(s[i + l]))) continue;
        return i;
    }
    return SIZE_MAX;
}

/* Resolves a pronoun at `pos` to the latest speaker or person before it
 * that it can stand for: "she" passes over a Mr Smith or a spokesman. */
static bool resolve_pronoun(qstate *q, const char *pron, size_t pos, speaker *sp)
{
    bool it = !strcasecmp(pron, "it");
    bool they = !strcasecmp(pron, "they");
    bool gendered = !strcasecmp(pron, "he") || !strcasecmp(pron, "she");
    evit iter;
    evit_init(&iter, q, pos);
    /* "An inspector ... told her: '...'" and, four paragraphs on, "she
     * concludes": a speaker whose words do not say "he" or "she" stands
     * for the pronoun only in its own paragraph or the one before; further
     * back, someone the pronoun is known to fit (a "Gillian", a "Ms") goes
     * first, if there is one. */
    const ix_doc *d = q->d;
    size_t para = gendered && d->nsent ? d->sents[ix_doc_sent_at(d, pos)].para : 0;
    const speaker *unsure = NULL, *found = NULL;
    size_t found_pos = 0;
    for (const event *ev; !found && (ev = evit_prev(&iter));) {
        found_pos = ev->pos;
        const speaker *e = &ev->sp;
        /* "they" is a group ("Inspectors ... They found"), not someone
         * named: two capitalised words after a list's "and" ("Norwich and
         * Great Yarmouth") look like a person's name */
        if ((it || they) && e->person) continue;
        const char *g = it ? NULL : pronoun_of(q, e);   /* looked up once */
        /* a description is someone when the human nouns say so, or when
         * pronouns.tsv gives its words a "he" or "she" ("One furious mum") */
        if (!it && !e->person && !(e->desc && (g || human(q, e->desc)))) continue;
        if (gendered) {
            if (g && strcasecmp(g, pron)) continue;
            if (!g) {
                size_t ep = d->nsent ? d->sents[ix_doc_sent_at(d, ev->pos)].para : 0;
                if (ep + 1 < para) {
                    if (!unsure) unsure = e;
                    continue;
                }
            }
        }
        found = e;
    }
    if (!found) found = unsure;
    /* "Inspectors spent three weeks with the teams. They found that help
     * was now '...'": inspectors named in this sentence or the two before,
     * later than any speaker found, are who "they" are in an inspection
     * story, though no verb of saying came with them */
    if (they && q->ofsted_story && d->nsent) {
        size_t si = ix_doc_sent_at(d, pos), lo = d->sents[si >= 2 ? si - 2 : 0].a;
        size_t at = inspectors_in(d->text, lo, pos);
        if (at != SIZE_MAX && (!found || found_pos < at)) {
            size_t a = sp->a, b = sp->b;
            speaker_free(sp);                         /* and zeroed */
            sp->a = a;
            sp->b = b;
            sp->desc = ix_xstrndup(d->text + at, 10);
            sp->org = ix_xstrdup("Ofsted");
            sp->valid = true;
            return true;
        }
    }
    if (found) {
        size_t a = sp->a, b = sp->b;
        speaker_copy(sp, found);
        sp->a = a;
        sp->b = b;
        return true;
    }
    if (it && q->ofsted_story) {                       /* "It found ..." in an inspection story */
        sp->desc = ix_xstrdup("Ofsted");
        sp->org = ix_xstrdup("Ofsted");
        return true;
    }
    return false;
}

/* ", of Cheshire Constabulary,": a part that says where a person is from
 * (a preposition, then a capital) names a body, never the person. Returns
 * where the body's name starts in [a, b), 0 when the part is no such. */
static size_t affiliation(const char *s, size_t a, size_t b)
{
    static const char *const pre[] = {"of ", "from ", "at "};
    for (size_t k = 0; k < sizeof pre / sizeof *pre; k++) {
        size_t l = strlen(pre[k]);
        if (b > a + l && !memcmp(s + a, pre[k], l)) {
            size_t c = a + l;
            if (b > c + 4 && !memcmp(s + c, "the ", 4)) c += 4;
            return c < b && ix_is_upper(s[c]) ? c : 0;
        }
    }
    return 0;
}

/* One candidate phrase [a, b) as a person: a part that is a personal name
 * ("Sir Michael Wilshaw", "LGA board chair David Simmonds") or a single
 * capitalised word that is a known surname or not a listed non-name. The
 * part next to the name becomes the role when the name part has none. */
static bool candidate_person(qstate *q, size_t a, size_t b, speaker *sp)
{
    const char *s = q->d->text;
    size_t pa[6], pb[6], np = 0, st = a;
    int depth = 0;                   /* "Pellew (2019, p. 44)": one part */
    for (size_t i = a; i <= b && np < 6; i++) {
        if (i < b) depth += s[i] == '(' ? 1 : s[i] == ')' && depth > 0 ? -1 : 0;
        if (i == b || (s[i] == ',' && !depth && i + 1 < b && s[i + 1] == ' ')) {
            pa[np] = st;
            pb[np] = i;
            /* "Councillor Maria Lindqvist (Lib Dem), who chairs ...": the
             * brackets after a name hold a party or a role, not the name */
            size_t po = trailing_paren(s, st, i);
            if (po) pb[np] = po - 1;
            np++;
            st = i + 2;
        }
    }
    for (size_t k = 0; k < np; k++) {
        memset(sp, 0, sizeof *sp);
        if (affiliation(s, pa[k], pb[k])) continue;
        bool ok = person_part(q, pa[k], pb[k], sp);
        if (ok && sp->name && !strchr(sp->name, ' ')) {
            /* "Ms Hughes replied": the Sarah Hughes named before; "Amara
             * argues": the Amara Nwosu (not after a title: "Mr Jordan") */
            const speaker *kp = known_person(q, sp->name, a, !sp->title);
            if (kp && kp->name && strchr(kp->name, ' ')) {
                free(sp->name);
                sp->name = ix_xstrdup(kp->name);
                if (!sp->role && kp->role) sp->role = ix_xstrdup(kp->role);
                if (!sp->org && kp->org) sp->org = ix_xstrdup(kp->org);
            }
        }
        if (!ok && !memchr(s + pa[k], ' ', pb[k] - pa[k]) && ix_is_upper(s[pa[k]])) {
            char *w = dupn(s + pa[k], pb[k] - pa[k]);
            const speaker *kp = known_person(q, w, a, true);
            char *org = org_in(q, w);
            if (kp) {
                speaker_copy(sp, kp);
                ok = true;
            } else if (!org && !word_in(q->nonnames, w, strlen(w)) && name_words_ok(q, s, pa[k], pb[k])) {
                sp->name = ix_xstrdup(w);
                sp->person = true;
                ok = true;
            }
            free(org);
            free(w);
            sp->a = pa[k];
            sp->b = pb[k];
        }
        if (!ok) {
            /* "a record Ferrers called": a known surname ending the part */
            size_t e = pb[k], w0 = e;
            while (w0 > pa[k] && s[w0 - 1] != ' ') w0--;
            if (w0 > pa[k] && ix_is_upper(s[w0])) {
                char *w = dupn(s + w0, e - w0);
                const speaker *kp = known_person(q, w, a, true);
                if (kp) { speaker_copy(sp, kp); sp->a = w0; sp->b = e; ok = true; }
                free(w);
            }
        }
        if (!ok) { speaker_free(sp); continue; }
        if (!sp->role && np > 1) {
            size_t r = k + 1 < np ? k + 1 : k - 1;
            if (affiliation(s, pa[r], pb[r])) return true;     /* the body, not a role: parse_speaker */
            char *role = trim_dup(s, pa[r], pb[r]);
            /* a clause or an age is not a role */
            if (strncmp(role, "adding", 6) && strncmp(role, "who ", 4) && strncmp(role, "which", 5) &&
                strncmp(role, "saying", 6) && strncmp(role, "as ", 3) && strncmp(role, "in ", 3) &&
                !ix_is_digit(role[0])) sp->role = role;
            else free(role);
        }
        return true;
    }
    return false;
}

/* One candidate phrase as a description or an organisation. */
/* A description holds no finite verb of its own ("The partnership was set
 * up after ..."), except inside a relative clause ("who left care"). */
static bool clause_like(const char *s, size_t a, size_t b)
{
    static const char *const fin[] = {" was ", " were ", " is ", " are ", " has ", " have ", " had ", " will "};
    static const char *const rel[] = {" who ", " which ", " that ", ", who", ", which"};
    size_t end = b;
    for (size_t k = 0; k < sizeof rel / sizeof *rel; k++) {
        const char *r = ix_memfind(s + a, b - a, rel[k], strlen(rel[k]));
        if (r && (size_t)(r - s) < end) end = (size_t)(r - s);
    }
    for (size_t k = 0; k < sizeof fin / sizeof *fin; k++)
        if (end > a && ix_memfind(s + a, end - a, fin[k], strlen(fin[k]))) return true;
    return false;
}

static bool candidate_desc(qstate *q, size_t a, size_t b, speaker *sp)
{
    const char *s = q->d->text;
    memset(sp, 0, sizeof *sp);
    if (clause_like(s, a, b)) {
        /* "The partnership was set up after the 2012 inspection": the tail */
        static const char *const cut[] = {" after ", " when ", " because ", " since ", " before ", " until ", " once ",
                                          " that ", " as ", " where "};
        size_t best = 0;
        for (size_t k = 0; k < sizeof cut / sizeof *cut; k++) {
            size_t cl = strlen(cut[k]);
            for (const char *p = ix_memfind(s + a, b - a, cut[k], cl); p; p = ix_memfind(p + 1, b - (size_t)(p + 1 - s), cut[k], cl))
                if ((size_t)(p - s) + cl > best) best = (size_t)(p - s) + cl;
        }
        if (!best || best >= b || clause_like(s, best, b)) return false;
        a = best;
    }
    for (size_t k = 0; k < q->desc.n; k++) {
        ix_match m;
        if (ix_rule_match(q->desc.r[k], q->c->scratch, q->d, a, b, a, true, &m) == 1 && m.b == b) {
            size_t ca, cb;
            if (ix_match_group(&m, "aside", &ca, &cb) && ca > a) b = ca;
            sp->desc = dupn(s + a, b - a);
            sp->a = a;
            sp->b = b;
            return true;
        }
    }
    char *w = dupn(s + a, b - a);
    char *org = org_in(q, w);
    size_t words = 1;
    for (size_t i = a; i < b; i++) words += s[i] == ' ';
    bool ok = org && words <= 6 && ix_is_upper(s[a]) && !memchr(w, ',', b - a);
    if (ok) { sp->desc = w; sp->a = a; sp->b = b; }
    else free(w);
    free(org);
    return ok;
}

/* Past the leading connectives (patterns/speaker_leads.tsv) of [a, b):
 * "and that the inspection letter". */
static size_t skip_lead(const qstate *q, size_t a, size_t b)
{
    const char *s = q->d->text;
    for (size_t k = 0; q->leads && k < q->leads->n; k++) {
        size_t l = q->leads->klen[k];            /* the word, then a space */
        if (b - a > l + 1 && !memcmp(s + a, q->leads->key[k], l) && s[a + l] == ' ') {
            a += l + 1;
            k = (size_t)-1;                      /* from the top, for the next */
        }
    }
    return a;
}

/* "the judge", "the chief inspector": a role with the definite article
 * names the person introduced with that title or role before it ("Her
 * Honour Judge Rachel Penhallow", "Ofsted's chief inspector, Sir Michael
 * Wilshaw"). Copies that person into sp; false when the description is no
 * such role or nobody before it had it. */
static bool role_back(qstate *q, const char *desc, size_t pos, speaker *sp)
{
    if (strncasecmp(desc, "the ", 4)) return false;
    const char *r = desc + 4;
    size_t rl = strlen(r), words = 1;
    if (!rl) return false;
    for (size_t i = 0; i < rl; i++) {
        if (r[i] == ' ') words++;
        else if (!ix_is_lower(r[i]) && r[i] != '-') return false;
    }
    if (words > 3) return false;
    evit it;
    evit_init(&it, q, pos);
    for (const event *ev; (ev = evit_prev(&it));) {
        const speaker *e = &ev->sp;
        if (!e->person || !e->name) continue;
        bool hit = e->title && !strcasecmp(e->title, r);
        if (!hit && e->role) {
            size_t el = strlen(e->role);
            hit = el >= rl && !strcasecmp(e->role + el - rl, r) && (el == rl || e->role[el - rl - 1] == ' ');
        }
        if (!hit) continue;
        size_t a = sp->a, b = sp->b;
        speaker_free(sp);
        speaker_copy(sp, e);
        sp->a = a;
        sp->b = b;
        return true;
    }
    return false;
}

/* Parses a raw speaker phrase [a, b) into name/title/role/org or a
 * description. Candidates are the phrase's comma-separated tails, shortest
 * first, so "However, the Association of ..." yields the association and
 * "the chairman of the LGA's board, Cllr Roy Perry" the councillor with his
 * role. Returns false when no candidate can be a speaker. */
static bool parse_speaker(qstate *q, size_t a, size_t b, speaker *sp)
{
    const char *s = q->d->text;
    memset(sp, 0, sizeof *sp);
    while (a < b && (s[a] == ' ' || s[a] == ',')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '.')) b--;
    /* leading connectives (patterns/speaker_leads.tsv) and numbering are
     * not part of the speaker: ", but the report", "As the Secretary of
     * State", "3.2 The report" */
    while (a < b && (ix_is_digit(s[a]) || s[a] == '.' || s[a] == '(' || s[a] == ')')) {
        size_t k = a;
        while (k < b && (ix_is_digit(s[k]) || s[k] == '.' || s[k] == '(' || s[k] == ')' || ix_is_lower(s[k]))) k++;
        if (k < b && s[k] == ' ' && k > a) a = k + 1;
        else break;
    }
    /* "She quoted the inspectors, who wrote:": the relative pronoun is the
     * verb's subject and stands for the words before it (and after a verb
     * of quoting, below, for its object) */
    if (b - a > 6 && !memcmp(s + b - 4, " who", 4)) b -= 4;
    else if (b - a > 8 && !memcmp(s + b - 6, " which", 6)) b -= 6;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ',')) b--;
    a = skip_lead(q, a, b);
    /* "five years after inspectors": a clause's subject is the speaker of
     * its verb, after the last word that opens such a clause. Only in the
     * phrase's first part: after a comma the words are an aside ("One
     * foster carer, who has looked after children since 2010,") */
    for (size_t i = a; q->leads && i < b && s[i] != ','; i++) {
        if (i > a && s[i - 1] != ' ') continue;
        if (i >= a + 7 && !memcmp(s + i - 7, "looked ", 7)) continue;     /* "looked after children" */
        size_t w = i;
        while (w < b && ix_is_lower(s[w])) w++;
        const char *v = w > i && w < b && s[w] == ' ' ? ix_table_get(q->leads, s + i, w - i) : NULL;
        if (v && (!strcmp(v, "clause") || !strcmp(v, "object"))) a = w + 1;
        /* "the social worker who visited after the inspection": inside a
         * relative clause, the subject is before it */
        else if (w > i && q->relatives && word_in(q->relatives, s + i, w - i)) break;
    }
    /* "Asked whether she would resign, Ms Hughes": a clause up to the first
     * comma (patterns/clause_leads.tsv) is neither speaker nor role */
    if (q->clause_leads) {
        size_t w = a;
        while (w < b && ix_is_alpha(s[w])) w++;
        const char *comma = w > a ? ix_memfind(s + w, b - w, ", ", 2) : NULL;
        if (comma && word_in(q->clause_leads, s + a, w - a)) a = (size_t)(comma - s) + 2;
    }
    /* Speech inside speech (patterns/speech_verbs.tsv). "X said the
     * inspection had found "..."": what an inspection found is quoted from
     * it, the nearest voice. "X said the report told "an unfairly bleak
     * story"": X's own words about it. */
    for (bool more = true; more && q->speech_verbs;) {
        more = false;
        for (size_t k = 0; k < q->speech_verbs->n; k++) {
            size_t kl = q->speech_verbs->klen[k];
            const char *v = find_spaced(s + a, b - a, q->speech_verbs->key[k], kl);
            if (!v) continue;
            if (!q->inner_voice) {
                if ((size_t)(v - s) > a) b = (size_t)(v - s);
                continue;
            }
            size_t na = (size_t)(v - s) + kl + 2;
            if (b > na + 5 && !strncmp(s + na, "that ", 5)) na += 5;
            if (na < b) { a = na; more = true; }
        }
    }
    /* cut before an inner verb: "Its director, Rachel Ombler, said the
     * grade reflected" leaves "..., Rachel Ombler," */
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ',')) b--;
    if (a >= b || b - a > 240) return false;
    /* "X welcomed the result but said": the subject is before the first
     * verb, which a rule of its own finds (quotes/coordinated-said) */
    if ((b - a > 4 && !memcmp(s + b - 4, " and", 4)) || (b - a > 4 && !memcmp(s + b - 4, " but", 4))) return false;
    /* "Councillor Durham (Shadow Cabinet Member for Children)": the brackets
     * hold the role */
    char *paren_role = NULL;
    size_t po = trailing_paren(s, a, b);
    if (po) {
        paren_role = trim_dup(s, po + 1, b - 1);
        b = po - 1;
    }
    if (is_pronoun(s + a, b - a)) {
        char pron[8];
        snprintf(pron, sizeof pron, "%.*s", (int)(b - a), s + a);
        sp->a = a;
        sp->b = b;
        /* an unresolved pronoun is still an attribution, to nobody we know */
        if (!resolve_pronoun(q, pron, a, sp)) sp->a = sp->b = 0;
        sp->pron = true;
        sp->valid = true;
        free(paren_role);
        return true;
    }
    size_t starts[8], n = 0;
    starts[n++] = a;
    for (size_t i = a; i + 1 < b && n < 8; i++)
        if (s[i] == ',' && s[i + 1] == ' ') starts[n++] = i + 2;
    bool ok = false;
    size_t kp = 0;
    /* The last part that names a person, as in "Ofsted's chief inspector,
     * Sir Michael Wilshaw" -- but a full name or a title before a lone word:
     * "Marcus Bell, a professor at a university in Richmond, Virginia" */
    speaker weak;
    bool have_weak = false;
    size_t kweak = 0;
    for (size_t k = n; k-- > 0 && !ok;) {
        if (!candidate_person(q, starts[k], b, sp)) continue;
        if (sp->title || (sp->name && strchr(sp->name, ' '))) { ok = true; kp = k; break; }
        if (!have_weak) { weak = *sp; have_weak = true; kweak = k; }
        else speaker_free(sp);
        memset(sp, 0, sizeof *sp);
    }
    if (have_weak && !ok) { *sp = weak; ok = true; kp = kweak; }
    else if (have_weak) speaker_free(&weak);
    /* "Ofsted's chief inspector, Sir Michael Wilshaw": the part before */
    if (ok && kp > 0 && !sp->role) {
        char *role = trim_dup(s, starts[kp - 1], starts[kp] - 2);
        if (*role && !ix_is_upper(role[0]) ? true : strncmp(role, "However", 7) != 0) sp->role = role;
        else free(role);
    }
    /* descriptions: the shorter tails, then the first part alone ("The
     * inspection of Hull City Council, carried out in January"), then all */
    for (size_t k = n; k-- > 1 && !ok;) {
        /* "One foster carer, who has looked after children for 14 years":
         * a relative clause (patterns/relatives.tsv) describes the part
         * before it, never speaks */
        size_t w = starts[k];
        while (w < b && ix_is_alpha(s[w])) w++;
        /* "The report, published on Tuesday after a three-week
         * inspection,": nor does a participle's clause */
        bool participle = w - starts[k] > 4 && ix_is_lower(s[starts[k]]) &&
                          (!memcmp(s + w - 2, "ed", 2) || !memcmp(s + w - 3, "ing", 3));
        if (!participle && (!q->relatives || !word_in(q->relatives, s + starts[k], w - starts[k])))
            ok = candidate_desc(q, skip_lead(q, starts[k], b), b, sp);
        /* "The agency ... was rated outstanding by Ofsted last year, and
         * the judge": the organisations of the clauses before are not the
         * speaker's */
        if (ok) a = starts[k];
    }
    if (!ok && n > 1) ok = candidate_desc(q, a, starts[1] - 2, sp);
    if (!ok) ok = candidate_desc(q, a, b, sp);
    if (!ok) { free(paren_role); return false; }
    if (paren_role && *paren_role && !sp->role) sp->role = paren_role;
    else free(paren_role);
    /* a title left at the end of the role: "... board, Cllr" is not a role */
    if (sp->person && !sp->title && sp->role) {
        char *sp_last = strrchr(sp->role, ' ');
        const char *last = sp_last ? sp_last + 1 : sp->role;
        if (word_in(q->titles, last, strlen(last))) {
            sp->title = ix_xstrdup(last);
            if (sp_last) *sp_last = 0;
            else { free(sp->role); sp->role = NULL; }
        }
    }
    if (!sp->person && sp->desc && role_back(q, sp->desc, a, sp)) {
        sp->valid = true;
        return true;
    }
    char *all = dupn(s + a, b - a);
    free(sp->org);
    sp->org = org_in(q, all);
    /* "Mark Ollerton, of Cheshire Constabulary,": a body no list names */
    for (size_t k = 1; !sp->org && sp->person && k < n; k++) {
        size_t e = k + 1 < n ? starts[k + 1] - 2 : b, c = affiliation(s, starts[k], e);
        if (c) sp->org = trim_dup(s, c, e);
    }
    /* "the council's cabinet member", "Cllr X, cabinet member for children":
     * the authority the article is about */
    bool council_role = (sp->title && (!strcmp(sp->title, "Cllr") || !strcmp(sp->title, "Councillor"))) ||
                        council_role_in(q, all);
    if (!sp->org && council_role) {
        int row = ix_ctx_focus_row(q->c, a);
        if (row >= 0) {
            ix_buf ob = {0};
            ix_buf_puts(&ob, ix_gazetteer_name(q->c->rules->gaz, row));
            ix_buf_puts(&ob, " Council");
            sp->org = ix_buf_take(&ob);
        }
    }
    free(all);
    sp->valid = true;
    return true;
}

/* Runs a family over [a, b); the last successful match (for `last`) or the
 * first. Fills the speaker; returns the rule or NULL. */
static const ix_rule *attribute(qstate *q, const ix_rule_list *fam, size_t a, size_t b, bool anchored, bool last,
                                speaker *sp)
{
    const ix_rule *got = NULL;
    for (size_t k = 0; k < fam->n && !got; k++) {
        size_t off = a;
        ix_match m;
        while (off <= b && ix_rule_match(fam->r[k], q->c->scratch, q->d, a, b, off, anchored, &m) == 1) {
            size_t sa, sb, va, vb;
            speaker tmp;
            q->inner_voice = false;
            if (ix_match_group(&m, "verb", &va, &vb))       /* patterns/finding_verbs.tsv */
                q->inner_voice = q->finding_verbs && ix_table_has(q->finding_verbs, q->d->text + va, vb - va);
            if (ix_match_group(&m, "subj", &sa, &sb) && parse_speaker(q, sa, sb, &tmp)) {
                if (got) speaker_free(sp);
                *sp = tmp;
                got = fam->r[k];
                if (!last) break;
            }
            if (anchored || m.b <= off) break;
            off = m.b;
        }
    }
    return got;
}

/* ---- records ------------------------------------------------------------- */

static char *quote_text(const ix_doc *d, const quote *q)
{
    ix_buf b = {0};
    for (size_t k = 0; k < q->nseg; k++) {
        char *ev = ix_doc_evidence(d, q->seg[k].a, q->seg[k].b);
        bool sp = b.len > 0;
        for (char *p = ev; *p; p++) {
            if (ix_is_space(*p)) { sp = b.len > 0; continue; }
            if (sp) ix_buf_putc(&b, ' ');
            sp = false;
            ix_buf_putc(&b, *p);
        }
        free(ev);
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

static void emit(qstate *q, const quote *qt, const speaker *sp, const char *how, const char *rule)
{
    ix_doc *d = q->d;
    if (!(q->c->types & IX_T_QUOTE)) return;
    json_t *rec = ix_record_new("quote", d);
    char *text = quote_text(d, qt);
    json_object_set_new_nocheck(rec, "text", ix_json_str(text));
    free(text);
    bool has = sp && sp->valid;
    json_object_set_new_nocheck(rec, "speaker", has && (sp->name || sp->desc) ? ix_json_str(sp->name ? sp->name : sp->desc) : json_null());
    json_object_set_new_nocheck(rec, "speaker_title", has && sp->title ? ix_json_str(sp->title) : json_null());
    json_object_set_new_nocheck(rec, "speaker_role", has && sp->role ? ix_json_str(sp->role) : json_null());
    json_object_set_new_nocheck(rec, "speaker_org", has && sp->org ? ix_json_str(sp->org) : json_null());
    ix_doc_set_span(d, rec, "span", qt->open, qt->close);
    if (has && sp->b > sp->a) ix_doc_set_span(d, rec, "speaker_span", sp->a, sp->b);
    else json_object_set_new_nocheck(rec, "speaker_span", json_null());
    json_object_set_new_nocheck(rec, "attribution", ix_json_str(has ? (sp->pron ? "pronoun" : how) : "none"));
    json_object_set_new_nocheck(rec, "rule", ix_json_str(rule));
    ix_result_add(q->c->res, rec);
}

static int cmp_span_start(const void *a, const void *b)
{
    size_t x = ((const ix_span *)a)->a, y = ((const ix_span *)b)->a;
    return (x > y) - (x < y);
}

/* Is d->text[a, b) the words of an authority the document names
 * elsewhere? "in Central Milton Keynes" is no mention of the council (a
 * part of a place), but no person either: as one, "Milton Keynes" came
 * back wherever the council was named, and a "he said" two paragraphs on
 * went to it. */
static bool named_council_elsewhere(const qstate *q, size_t a, size_t b)
{
    const ix_ctx *c = q->c;
    /* the first 512 names: linear time in a document of nothing but names */
    for (size_t i = 0; i < c->nmentions && i < 512; i++) {
        const ix_mention *m = &c->mentions[i];
        if (m->b - m->a == b - a && !memcmp(q->d->text + m->a, q->d->text + a, b - a)) return true;
    }
    return false;
}

/* Collects the people named in the document, for surnames and pronouns.
 * Where two rules of the family name a person at the same place ("Labour
 * councillor Jane Smith": the lower-case title's rule, then full-name from
 * the capital), or a later rule's name lies inside an earlier one's ("Chloe
 * Smith, 19,": full-name, then the surname before an age), the first rule's
 * reading counts. */
static void scan_people(qstate *q)
{
    ix_doc *d = q->d;
    ix_span *taken = NULL;              /* names taken in this paragraph, sorted by start */
    size_t ntaken = 0, captaken = 0;
    for (size_t pi = 0; pi < d->npara; pi++) {
        const ix_para *p = &d->paras[pi];
        if (p->boilerplate) continue;
        ntaken = 0;
        for (size_t k = 0; k < q->mention.n; k++) {
            size_t off = p->a, earlier = ntaken, ti = 0;
            ix_match m;
            while (off < p->b && ix_rule_match(q->mention.r[k], q->c->scratch, d, p->a, p->b, off, false, &m) == 1) {
                off = m.b > off ? m.b : off + 1;
                size_t na, nb, ta, tb;
                if (!ix_match_group(&m, "name", &na, &nb)) continue;
                while (ti < earlier && taken[ti].a < na) ti++;    /* matches come in text order */
                if (ti < earlier && taken[ti].a == na) continue;
                if (ti && taken[ti - 1].b > na) continue;
                if (ntaken == captaken) {
                    captaken = captaken ? captaken * 2 : 16;
                    taken = ix_xrealloc(taken, captaken * sizeof *taken);
                }
                taken[ntaken++] = (ix_span){na, nb};
                if (!name_words_ok(q, d->text, na, nb)) continue;
                size_t first;
                if (ix_ctx_mentions_in(q->c, na, nb, &first)) continue;     /* a council, not a person */
                if (named_council_elsewhere(q, na, nb)) continue;
                speaker sp;
                memset(&sp, 0, sizeof sp);
                sp.person = sp.valid = true;
                sp.name = dupn(d->text + na, nb - na);
                if (ix_match_group(&m, "title", &ta, &tb)) sp.title = dupn(d->text + ta, tb - ta);
                sp.a = na;
                sp.b = nb;
                add_event(q, na, &sp);
                speaker_free(&sp);
            }
            if (ntaken > earlier && earlier) qsort(taken, ntaken, sizeof *taken, cmp_span_start);
        }
    }
    free(taken);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A name alone that is the first or last word of a full name in the
 * document is that person, not someone new: "Oduya, 54, arrived at Essex"
 * after "Dr Miriam Oduya" (first-name-intro reads a name and an age).
 * Such events are dropped. The words are sorted once, so that a document
 * naming thousands of people costs a sort, not a square. */
static void drop_name_parts(qstate *q)
{
    char **w = NULL;
    size_t nw = 0;
    for (size_t i = 0; i < q->nev; i++) {
        const speaker *sp = &q->ev[i].sp;
        const char *last = sp->person && sp->name ? strrchr(sp->name, ' ') : NULL;
        if (!last) continue;
        w = ix_xrealloc(w, (nw + 2) * sizeof *w);
        w[nw++] = dupn(sp->name, strcspn(sp->name, " "));
        w[nw++] = ix_xstrdup(last + 1);
    }
    if (!nw) return;
    qsort(w, nw, sizeof *w, cmp_str);
    size_t kept = 0;
    for (size_t i = 0; i < q->nev; i++) {
        speaker *sp = &q->ev[i].sp;
        if (sp->person && sp->name && !strchr(sp->name, ' ') && bsearch(&sp->name, w, nw, sizeof *w, cmp_str))
            speaker_free(sp);
        else q->ev[kept++] = q->ev[i];
    }
    q->nev = kept;
    for (size_t k = 0; k < nw; k++) free(w[k]);
    free(w);
}

/* Surnames looked for by scan_surnames, at most: each costs a pass over the
 * text, and an article names far fewer people. */
enum { IX_SURNAMES_MAX = 64 };

/* A person's surname alone, later on ("For Chaudhry, whose caseload is
 * capped at six, ... she laughed"), is a mention of them too, so that a
 * pronoun after it finds them and not someone named in between. Not inside
 * a name already taken, a quotation, boilerplate or a council's name ("Tom
 * Bury" and "Bury Council"). Runs after scan_people, on its sorted events. */
static void scan_surnames(qstate *q)
{
    ix_doc *d = q->d;
    size_t n0 = q->nev;
    char **done = NULL;
    size_t ndone = 0;
    event *found = NULL;
    size_t nfound = 0, capfound = 0;
    for (size_t i = 0; i < n0 && ndone < IX_SURNAMES_MAX; i++) {
        const speaker *sp = &q->ev[i].sp;
        if (!sp->person || !sp->name) continue;
        const char *w = strrchr(sp->name, ' ');
        w = w ? w + 1 : sp->name;
        size_t wl = strlen(w);
        if (wl < 3) continue;
        bool seen = false;
        for (size_t k = 0; k < ndone && !seen; k++) seen = !strcmp(done[k], w);
        if (seen) continue;
        done = ix_xrealloc(done, (ndone + 1) * sizeof *done);
        done[ndone++] = ix_xstrdup(w);
        for (const char *t = d->text, *end = d->text + d->len, *h; (h = ix_memfind(t, (size_t)(end - t), w, wl)); t = h + wl) {
            size_t a = (size_t)(h - d->text), b = a + wl;
            if ((a && (ix_is_alnum(d->text[a - 1]) || d->text[a - 1] == '-')) || (b < d->len && ix_is_alnum(d->text[b])))
                continue;
            /* inside a name taken: the events are sorted by start, and a
             * name is a few words long */
            bool inside = false;
            for (size_t j = upper_pos(q->ev, n0, b); j-- > 0 && !inside && q->ev[j].pos + 200 > a;)
                inside = a < q->ev[j].sp.b;
            if (inside || ix_ctx_in_quote(q->c, a)) continue;
            if (d->paras[d->sents[ix_doc_sent_at(d, a)].para].boilerplate) continue;
            size_t first;
            if (ix_ctx_mentions_in(q->c, a, b, &first)) continue;
            const speaker *who = known_person(q, w, a, false);
            if (!who) continue;
            if (nfound == capfound) {
                capfound = capfound ? capfound * 2 : 16;
                found = ix_xrealloc(found, capfound * sizeof *found);
            }
            found[nfound].pos = a;
            speaker_copy(&found[nfound].sp, who);
            found[nfound].sp.a = a;
            found[nfound].sp.b = b;
            nfound++;
        }
    }
    for (size_t i = 0; i < nfound; i++) {
        add_event(q, found[i].pos, &found[i].sp);
        speaker_free(&found[i].sp);
    }
    free(found);
    for (size_t k = 0; k < ndone; k++) free(done[k]);
    free(done);
}

/* For a quotation inside a list's item ("Inspectors said:\n- Children in
 * care are \"visited regularly ...\""): the last sentence of the line that
 * heads the list, in the same block, when it ends with a colon; NULL when
 * there is none. */
static const ix_sent *list_head(const ix_doc *d, size_t para)
{
    const ix_para *p = &d->paras[para];
    if (!ix_para_bullet(d, p)) return NULL;
    size_t k = para;
    while (k > 0 && d->paras[k - 1].block == p->block && ix_para_bullet(d, &d->paras[k - 1])) k--;
    if (k == 0 || d->paras[k - 1].block != p->block || !d->paras[k - 1].nsent) return NULL;
    const ix_para *h = &d->paras[k - 1];
    return ix_para_ends_colon(d, h) ? &d->sents[h->first_sent + h->nsent - 1] : NULL;
}

/* Is pos inside one of the document's quotations? c->quote_spans are in
 * text order and apart (marks of the other kind inside a quotation are
 * nested in it, never a span of their own). */
bool ix_ctx_in_quote(const ix_ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->nquote_spans;
    while (lo < hi) {                       /* the first span opening after pos */
        size_t mid = (lo + hi) / 2;
        if (c->quote_spans[mid].a <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo && pos < c->quote_spans[lo - 1].b;
}

/* Registers everyone reported as speaking ("Wilshaw said he was tempted"),
 * quotation or not, so a later "he said" finds the right person. Not those
 * a quotation itself reports ("'... the duty social worker told me, "Not
 * on my list",' she added"): the quoted speaker's story is no attribution,
 * and "she" would find the social worker. */
static void scan_speech(qstate *q)
{
    ix_doc *d = q->d;
    /* new events wait in `found` so lookups see a sorted array meanwhile */
    event *found = NULL;
    size_t nfound = 0, capfound = 0;
    for (size_t si = 0; si < d->nsent; si++) {
        const ix_sent *st = &d->sents[si];
        if (d->paras[st->para].boilerplate) continue;
        for (size_t k = 0; k < q->sentence.n + q->addressee.n; k++) {
            const ix_rule *rule = k < q->sentence.n ? q->sentence.r[k] : q->addressee.r[k - q->sentence.n];
            size_t off = st->a;
            ix_match m;
            while (off < st->b && ix_rule_match(rule, q->c->scratch, d, st->a, st->b, off, false, &m) == 1) {
                off = m.b > off ? m.b : off + 1;
                size_t sa, sb;
                speaker sp;
                if (!ix_match_group(&m, "subj", &sa, &sb) || is_pronoun(d->text + sa, sb - sa)) continue;
                if (ix_ctx_in_quote(q->c, sa)) continue;
                q->inner_voice = false;
                if (parse_speaker(q, sa, sb, &sp)) {
                    /* "But it adds that ...": a pronoun (once the connective
                     * is off) names nobody new. Read now, before any
                     * quotation is attributed, it would point back to the
                     * wrong one or to none (or to "Ofsted" by default), and
                     * stop a later "it" short of the speaker it stands for */
                    if (sp.pron) { speaker_free(&sp); continue; }
                    if (nfound == capfound) {
                        capfound = capfound ? capfound * 2 : 16;
                        found = ix_xrealloc(found, capfound * sizeof *found);
                    }
                    found[nfound].pos = sa;
                    found[nfound++].sp = sp;          /* takes ownership */
                }
            }
        }
    }
    for (size_t i = 0; i < nfound; i++) {
        add_event(q, found[i].pos, &found[i].sp);
        speaker_free(&found[i].sp);
    }
    free(found);
}

static int cmp_event(const void *x, const void *y)
{
    const event *a = x, *b = y;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* "the report", "the latest inspection", "inspectors", "the watchdog". */
static bool human_or_report(qstate *q, const char *desc)
{
    for (size_t k = 0; k < q->inspect.n; k++) {
        int rc = pcre2_match(ix_rule_code(q->inspect.r[k]), (PCRE2_SPTR)desc, strlen(desc), 0, 0, q->c->scratch->md,
                             q->c->scratch->mctx);
        if (rc >= 0) return true;
    }
    return false;
}

void ix_extract_quote(ix_ctx *c)
{
    ix_doc *d = c->doc;
    qstate q;
    memset(&q, 0, sizeof q);
    q.c = c;
    q.d = d;
    q.nonnames = ix_rules_tab(c->rules, IX_TAB_NONNAMES);
    q.orgs = ix_rules_tab(c->rules, IX_TAB_ORGS);
    q.titles = ix_rules_tab(c->rules, IX_TAB_TITLES);
    q.leads = ix_rules_tab(c->rules, IX_TAB_SPEAKER_LEADS);
    q.clause_leads = ix_rules_tab(c->rules, IX_TAB_CLAUSE_LEADS);
    q.relatives = ix_rules_tab(c->rules, IX_TAB_RELATIVES);
    q.grades = ix_rules_tab(c->rules, IX_TAB_GRADES);
    q.speech_verbs = ix_rules_tab(c->rules, IX_TAB_SPEECH_VERBS);
    q.finding_verbs = ix_rules_tab(c->rules, IX_TAB_FINDING_VERBS);
    q.council_roles = ix_rules_tab(c->rules, IX_TAB_COUNCIL_ROLES);
    q.pronouns = ix_rules_tab(c->rules, IX_TAB_PRONOUNS);
    q.after = *ix_rules_fam(c->rules, IX_FAM_QUOTE_AFTER);
    q.before = *ix_rules_fam(c->rules, IX_FAM_QUOTE_BEFORE);
    q.final = *ix_rules_fam(c->rules, IX_FAM_QUOTE_FINAL);
    q.sentence = *ix_rules_fam(c->rules, IX_FAM_QUOTE_SENTENCE);
    q.coordinated = *ix_rules_fam(c->rules, IX_FAM_QUOTE_COORDINATED);
    q.colon = *ix_rules_fam(c->rules, IX_FAM_QUOTE_COLON);
    q.prev = *ix_rules_fam(c->rules, IX_FAM_QUOTE_PREV);
    q.added = *ix_rules_fam(c->rules, IX_FAM_QUOTE_ADDED);
    q.dash = *ix_rules_fam(c->rules, IX_FAM_QUOTE_DASH);
    q.name = *ix_rules_fam(c->rules, IX_FAM_SPEAKER_NAME);
    q.desc = *ix_rules_fam(c->rules, IX_FAM_SPEAKER_DESC);
    q.mention = *ix_rules_fam(c->rules, IX_FAM_PERSON_MENTION);
    q.human = *ix_rules_fam(c->rules, IX_FAM_SPEAKER_HUMAN);
    q.inspect = *ix_rules_fam(c->rules, IX_FAM_SPEAKER_INSPECTION);
    q.addressee = *ix_rules_fam(c->rules, IX_FAM_SPEAKER_ADDRESSEE);
    bool ofsted_story = strstr(d->text, "Ofsted") != NULL;
    q.ofsted_story = ofsted_story;
    q.rows = ix_xmalloc((c->nmentions + 1) * sizeof *q.rows);
    for (size_t i = 0; i < c->nmentions; i++) {
        if (c->mentions[i].body) continue;      /* "Sandwell Children's Trust" names no council */
        bool seen = false;
        for (size_t k = 0; k < q.nrows && !seen; k++) seen = q.rows[k] == c->mentions[i].row;
        if (!seen) q.rows[q.nrows++] = c->mentions[i].row;
    }
    quote *qs;
    size_t nq;
    find_quotes(d, &qs, &nq);
    c->quote_spans = ix_xmalloc((nq + 1) * sizeof *c->quote_spans);
    for (size_t i = 0; i < nq; i++) {        /* quotations, not scare-quoted words */
        qs[i].words = count_words(d, &qs[i]);
        qs[i].label = qs[i].words >= 3 && grade_label(d, &qs[i], q.grades);
        if (qs[i].words >= 3 && !qs[i].label) c->quote_spans[c->nquote_spans++] = (ix_span){qs[i].open, qs[i].close};
    }
    /* The people and the speech in a document serve only to attribute its
     * quotations: without one, the two scans (a third of the rule time in a
     * news article) would find speakers for nothing. */
    if (c->nquote_spans) {
        scan_people(&q);
        if (q.nev) qsort(q.ev, q.nev, sizeof *q.ev, cmp_event);
        drop_name_parts(&q);
        scan_surnames(&q);
        if (q.nev) qsort(q.ev, q.nev, sizeof *q.ev, cmp_event);
        scan_speech(&q);
        if (q.nev) qsort(q.ev, q.nev, sizeof *q.ev, cmp_event);
    }
    prevq prev;
    memset(&prev, 0, sizeof prev);
    prev.para = (size_t)-1;
    for (size_t i = 0; i < nq; i++) {
        const quote *qt = &qs[i];
        if (qt->words < 3) {
            /* "'I'm delighted,' said Cllr Peter Marsh. 'Staff have ...'": too
             * short to be a record, but its attribution is the speaker the
             * next sentence's quotation continues */
            if (qt->closed && short_speech(d, qt)) {
                const ix_sent *sc0 = &d->sents[ix_doc_sent_at(d, qt->close - 1)];
                speaker sp0;
                memset(&sp0, 0, sizeof sp0);
                const ix_rule *r0 = sc0->b > qt->close ? attribute(&q, &q.after, qt->close, sc0->b, true, false, &sp0) : NULL;
                if (r0) {
                    fill_person(&q, &sp0);
                    remember(&q, &prev, qt, &sp0, true, r0);
                }
                speaker_free(&sp0);
            }
            continue;
        }
        if (qt->label) continue;
        const ix_sent *so = &d->sents[ix_doc_sent_at(d, qt->open)];
        const ix_sent *sc = &d->sents[ix_doc_sent_at(d, qt->close ? qt->close - 1 : qt->open)];
        const ix_para *po = &d->paras[qt->para0];
        speaker sp;
        memset(&sp, 0, sizeof sp);
        const ix_rule *r = NULL;
        const char *how = "same_sentence";
        /* pre: from the sentence start to the opening mark */
        size_t pre_a = so->a, pre_b = qt->open;
        bool starts_sentence = !has_word(d->text, pre_a, pre_b) || caption_label(d->text, pre_a, pre_b);
        size_t post_a = qt->close, post_b = sc->b > qt->close ? sc->b : qt->close;
        /* the attribution ends where the next quotation opens: '"A," said
         * X, who chairs the board, "and B."' */
        if (i + 1 < nq && qs[i + 1].open > post_a && qs[i + 1].open < post_b) {
            post_b = qs[i + 1].open;
            while (post_b > post_a && d->text[post_b - 1] == ' ') post_b--;
        }
        bool via_after = false;
        if (qt->closed) via_after = (r = attribute(&q, &q.after, post_a, post_b, true, false, &sp)) != NULL;
        if (!r && prev.after && prev.sp.valid && continues(d, prev.close, qt)) {
            /* the second half of a quotation split by its attribution */
            speaker_copy(&sp, &prev.sp);
            sp.a = sp.b = 0;
            r = prev.rule;
        }
        if (!r && prev.sp.valid && (r = added(&q, &prev, qt)) != NULL) {
            /* '"A," said X, adding that it was "B"': X's too */
            speaker_copy(&sp, &prev.sp);
            sp.a = sp.b = 0;
        }
        if (!r && pre_b > pre_a) r = attribute(&q, &q.before, pre_a, pre_b, false, false, &sp);
        if (!r && qt->closed) r = attribute(&q, &q.final, post_a, post_b, false, false, &sp);
        if (!r && pre_b > pre_a) r = attribute(&q, &q.sentence, pre_a, pre_b, false, true, &sp);
        if (!r && pre_b > pre_a) r = attribute(&q, &q.coordinated, pre_a, pre_b, false, true, &sp);
        if (!r && qt->closed && starts_sentence) {
            /* a dash and the speaker: after the closing mark, in the
             * sentence after it, or opening the next line (a pull quote
             * over its attribution) */
            r = attribute(&q, &q.dash, post_a, post_b, true, false, &sp);
            size_t ni = ix_doc_sent_at(d, qt->close - 1) + 1;
            if (!r && !has_word(d->text, qt->close, post_b) && ni < d->nsent) {
                const ix_sent *ns = &d->sents[ni];
                bool same = ns->para == qt->para1;
                bool next = ns->para == qt->para1 + 1 && !has_word(d->text, qt->close, d->paras[qt->para1].b) &&
                            !d->paras[ns->para].boilerplate;
                if (same || next) {
                    r = attribute(&q, &q.dash, ns->a, ns->b, true, false, &sp);
                    if (r && next) how = "paragraph";
                }
            }
        }
        if (!r && starts_sentence) {
            /* the sentence before, in this paragraph or the last one */
            size_t si = ix_doc_sent_at(d, qt->open);
            /* it opens its paragraph, a bullet or a dash aside */
            if (si > 0 && !has_word(d->text, po->a, qt->open)) {
                const ix_sent *ps = &d->sents[si - 1];
                how = "preceding_colon";
                r = attribute(&q, &q.colon, ps->a, ps->b, false, true, &sp);
                if (!r) {
                    how = "paragraph";
                    if (prev.sp.valid && prev.para + 1 == qt->para0) {
                        speaker_copy(&sp, &prev.sp);
                        r = ix_rules_get(c->rules, "quotes/ends-with-colon");
                        how = "paragraph";
                        sp.a = sp.b = 0;
                    }
                }
            } else if (si > 0 && d->sents[si - 1].para == so->para) {
                how = "paragraph";
                /* the sentence before held this speaker's quotation, or
                 * its end ('"A. B," he said. "C."': the first quotation
                 * opens a sentence earlier) */
                if (prev.sp.valid && prev.close > d->sents[si - 1].a && prev.pos < d->sents[si - 1].b) {
                    speaker_copy(&sp, &prev.sp);
                    sp.a = sp.b = 0;
                    r = ix_rules_get(c->rules, "quotes/sentence-subject");
                } else r = attribute(&q, &q.prev, d->sents[si - 1].a, d->sents[si - 1].b, true, false, &sp);
            }
        }
        if (!r && !starts_sentence) {
            const ix_sent *hs = list_head(d, so->para);
            if (hs) {
                how = "preceding_colon";
                r = attribute(&q, &q.colon, hs->a, hs->b, false, true, &sp);
            }
        }
        if (r) {
            fill_person(&q, &sp);
            /* the report, the inspection, inspectors: Ofsted's, in an Ofsted story */
            if (!sp.person && sp.desc && !sp.org && ofsted_story && human_or_report(&q, sp.desc))
                sp.org = ix_xstrdup("Ofsted");
            emit(&q, qt, &sp, how, r->name);
            remember(&q, &prev, qt, &sp, via_after, r);
        } else {
            /* no attribution: a sentence or more of quoted speech still
             * counts, standing alone or after a colon ('One reader's
             * verdict: "..."') */
            size_t e = pre_b;
            while (e > pre_a && d->text[e - 1] == ' ') e--;
            /* a clause before the colon, not a label ("Director: 'We are
             * not complacent'" heads a live blog's entry that quotes it) */
            bool after_colon = e > pre_a && d->text[e - 1] == ':' && ix_count_tokens(d->text, pre_a, e - 1) >= 3;
            bool sentence = (starts_sentence || after_colon) && ix_is_upper(d->text[qt->seg[0].a]);
            /* ... and reads as a sentence: it ends as one, or is long enough
             * to be one. A title in quote marks ("Episode 87: 'The half-year
             * verdicts'") is neither. */
            if (sentence && qt->words < 5) sentence = quote_last(d, qt) == '.' || short_speech(d, qt);
            if (sentence) emit(&q, qt, NULL, "none", "quotes/standalone");
        }
        speaker_free(&sp);
    }
    speaker_free(&prev.sp);
    free(qs);
    for (size_t i = 0; i < q.nev; i++) speaker_free(&q.ev[i].sp);
    for (size_t i = 0; i < q.nqev; i++) speaker_free(&q.qev[i].sp);
    free(q.qev);
    free(q.ev);
    free(q.rows);
}
