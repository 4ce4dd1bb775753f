/* audit.c — the audit core: records file in, a verdict on every record out.
 *
 * Consumes the JSON Lines that `inspex extract` wrote and the sources its doc
 * records name (a file path, or "DUMPPATH:LINE" for a JSON Lines dump, whose
 * text field is re-read). Produces findings on records (see audit.h for the
 * checks). This file owns reading, re-reading sources, the provenance checks
 * (the record against its own source) and the plausibility checks;
 * audit_figures.c owns the checks between figures; audit_html.c the page.
 *
 * It also owns the two ways of running (audit.h): whole, and streaming a
 * document's group at a time over a records source read twice.
 *
 * Evidence is recomputed with ix_decode_bytes and numbers with
 * ix_quantity_parse: the same code extraction uses, so the audit and the
 * extractor cannot drift apart on what "the text at this span" means.
 * Nothing here prints.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <math.h>
#include <sys/stat.h>
#include <nettle/sha2.h>
#include "internal.h"
#include "audit.h"

const char *const ix_audit_checks[IX_AUDIT_NCHECKS + 1] = {
    "format",
    "provenance.source",
    "provenance.sha256",
    "provenance.evidence",
    "provenance.number",
    "provenance.grade",
    "provenance.quote",
    "fields",
    "arithmetic.partition",
    "arithmetic.share",
    "arithmetic.headline",
    "arithmetic.repeat",
    "crossdoc.agreement",
    "plausibility.speaker",
    "plausibility.council",
    "plausibility.overlap",
    NULL,
};

const char *ix_verdict_name(ix_verdict v)
{
    static const char *n[] = {"pass", "skip", "warn", "fail"};
    return n[v];
}

/* ---- small string helpers ------------------------------------------------- */

static const char *jstr(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* Folds text for comparisons that must ignore layout: curly quotes and
 * apostrophes to straight ones, dashes to '-', any run of white space (a
 * hard wrap, a CRLF, a no-break space) to one space, ASCII lower-cased when
 * `lower`. */
static char *fold(const char *s, size_t len, bool lower)
{
    ix_buf b = {0};
    bool sp = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99) rep = "'";
            else if (d == 0x9C || d == 0x9D) rep = "\"";
            else if (d == 0x93 || d == 0x94) rep = "-";
            if (rep) adv = 3;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            rep = " ";
            adv = 2;
        }
        if ((rep && rep[0] == ' ') || (!rep && ix_is_space(c))) {
            sp = b.len > 0;
            i += adv;
            continue;
        }
        if (sp) { ix_buf_putc(&b, ' '); sp = false; }
        if (rep) ix_buf_puts(&b, rep);
        else ix_buf_putc(&b, (char)(lower && ix_is_upper(c) ? c + 32 : c));
        i += adv;
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

/* A shortened, one-line rendering of text for a reason sentence. */
static char *shorten(const char *s, size_t len, size_t max)
{
    ix_buf b = {0};
    size_t chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) {
            if (chars == max) { ix_buf_puts(&b, "…"); break; }
            chars++;
        }
        if (c == 0) ix_buf_puts(&b, "\\0");
        else if (c == '\n') ix_buf_puts(&b, "\\n");
        else if (c == '\r') ix_buf_puts(&b, "\\r");
        else if (c == '\t') ix_buf_puts(&b, "\\t");
        else ix_buf_putc(&b, (char)c);
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

bool ix_audit_ref(const ix_audit *a, size_t rec, ix_aref *out)
{
    memset(out, 0, sizeof *out);
    out->rec = rec;
    if (rec >= a->base && rec - a->base < a->nrecs) {
        const ix_arec *r = &a->recs[rec - a->base];
        out->line = r->line;
        out->doc = r->rec ? (char *)jstr(r->rec, "doc") : NULL;
        out->evidence = r->rec ? (char *)jstr(r->rec, "evidence") : NULL;
        out->has_span = r->has_span;
        out->a = r->a;
        out->b = r->b;
        return true;
    }
    size_t lo = 0, hi = a->nrefs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->refs[mid].rec < rec) lo = mid + 1;
        else hi = mid;
    }
    if (lo == a->nrefs || a->refs[lo].rec != rec) return false;
    *out = a->refs[lo];
    return true;
}

char *ix_audit_snippet(const ix_audit *a, size_t rec, size_t max)
{
    ix_aref r;
    if (!ix_audit_ref(a, rec, &r) || !r.evidence) return ix_xstrdup("");
    return shorten(r.evidence, strlen(r.evidence), max);
}

/* ---- a string -> index map (documents by id) ------------------------------ */

typedef struct strmap {
    const char **k;
    size_t *v;
    size_t cap, n;
} strmap;

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void map_put(strmap *m, const char *k, size_t v);

static void map_grow(strmap *m)
{
    strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->k = calloc(m->cap, sizeof *m->k);
    m->v = calloc(m->cap, sizeof *m->v);
    if (!m->k || !m->v) abort();
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.k[i]) map_put(m, old.k[i], old.v[i]);
    free(old.k);
    free(old.v);
}

/* Keys are borrowed; a second put of a key replaces its value. */
static void map_put(strmap *m, const char *k, size_t v)
{
    if ((m->n + 1) * 2 > m->cap) map_grow(m);
    size_t i = hash_str(k) & (m->cap - 1);
    while (m->k[i] && strcmp(m->k[i], k)) i = (i + 1) & (m->cap - 1);
    if (!m->k[i]) m->n++;
    m->k[i] = k;
    m->v[i] = v;
}

static size_t map_get(const strmap *m, const char *k)
{
    if (!m->cap || !k) return IX_NONE;
    size_t i = hash_str(k) & (m->cap - 1);
    while (m->k[i]) {
        if (!strcmp(m->k[i], k)) return m->v[i];
        i = (i + 1) & (m->cap - 1);
    }
    return IX_NONE;
}

static void map_free(strmap *m)
{
    free(m->k);
    free(m->v);
    memset(m, 0, sizeof *m);
}

/* ---- private state --------------------------------------------------------- */

/* A grade phrase of patterns/grades.tsv, folded for matching. */
typedef struct gword {
    char *key;
    size_t len;
    const char *grade;
} gword;

/* Document ids seen so far, as hashes with their doc record's line: 16
 * bytes a document, whatever the records hold. A collision can only change
 * which failure a misplaced record gets, never where a record belongs. */
typedef struct idset {
    uint64_t *h;              /* 0: empty */
    size_t *line;
    size_t cap, n;
} idset;

/* A finding for a record not held when it was made (agreement across
 * documents, streaming): it joins its record when pass 2 reads it. */
typedef struct deferred {
    size_t rec, seq;
    ix_finding f;
} deferred;

typedef struct priv {
    idset seen;
    gword *gw;                /* longest first */
    size_t ngw;
    bool have_grades;
    strmap council_name;      /* canonical name -> row in names[] */
    strmap council_surface;   /* surface form -> row */
    char **names, **codes;    /* per canonical name: the name and its code */
    size_t nnames;
    char **owned;             /* strings the maps borrow */
    size_t nowned;
    deferred *def;            /* sorted by rec, then seq, before pass 2 */
    size_t ndef, capdef, defat;
} priv;

static uint64_t id_hash(const char *s)
{
    uint64_t h = (uint64_t)hash_str(s);
    return h ? h : 1;
}

static void idset_put(idset *m, const char *id, size_t line)
{
    if ((m->n + 1) * 2 > m->cap) {
        idset old = *m;
        m->cap = old.cap ? old.cap * 2 : 1024;
        m->h = calloc(m->cap, sizeof *m->h);
        m->line = calloc(m->cap, sizeof *m->line);
        if (!m->h || !m->line) abort();
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.h[i]) {
                size_t j = old.h[i] & (m->cap - 1);
                while (m->h[j]) j = (j + 1) & (m->cap - 1);
                m->h[j] = old.h[i];
                m->line[j] = old.line[i];
                m->n++;
            }
        free(old.h);
        free(old.line);
    }
    uint64_t h = id_hash(id);
    size_t j = h & (m->cap - 1);
    while (m->h[j] && m->h[j] != h) j = (j + 1) & (m->cap - 1);
    if (!m->h[j]) m->n++;
    m->h[j] = h;
    m->line[j] = line;
}

/* The line of the last doc record with this id, or 0. */
static size_t idset_get(const idset *m, const char *id)
{
    if (!m->cap || !id) return 0;
    uint64_t h = id_hash(id);
    for (size_t j = h & (m->cap - 1); m->h[j]; j = (j + 1) & (m->cap - 1))
        if (m->h[j] == h) return m->line[j];
    return 0;
}

static void idset_free(idset *m)
{
    free(m->h);
    free(m->line);
    memset(m, 0, sizeof *m);
}

static const char *own(priv *p, char *s)
{
    p->owned = ix_xrealloc(p->owned, (p->nowned + 1) * sizeof *p->owned);
    p->owned[p->nowned++] = s;
    return s;
}

static int cmp_gw(const void *x, const void *y)
{
    const gword *a = x, *b = y;
    if (a->len != b->len) return a->len > b->len ? -1 : 1;
    return strcmp(a->key, b->key);
}

static char *unquote(const char *s);

/* Joins a word hyphenated across one line break, in place, as the
 * normaliser does for the rules (ix_hyphen_break): "inade-\nquate". */
static void rejoin_words(char *u)
{
    size_t n = strlen(u), w = 0;
    for (size_t r = 0; r < n;) {
        size_t j = u[r] == '-' ? ix_hyphen_break(u, n, r) : 0;
        if (j) { r = j; continue; }
        u[w++] = u[r++];
    }
    u[w] = 0;
}

/* Text as grade phrases are matched: quote marks dropped, hyphens and white
 * space folded to one space, lower case (what ix_lookup_key does for table
 * keys, also for curly marks). */
static char *grade_key(const char *s)
{
    char *x = ix_xstrdup(s);
    rejoin_words(x);
    char *u = unquote(x);
    free(x);
    for (char *q = u; *q; q++)
        if (*q == '-') *q = ' ';
    char *f = fold(u, strlen(u), true);
    free(u);
    return f;
}

/* Is `code` one of the space-separated codes of `list`? */
static bool has_code(const char *list, const char *code)
{
    size_t cl = strlen(code);
    for (const char *p = list; (p = strstr(p, code)); p += cl)
        if ((p == list || p[-1] == ' ') && (p[cl] == 0 || p[cl] == ' ')) return true;
    return false;
}

static void load_vocab(ix_audit *a, priv *p)
{
    const ix_table *t = ix_rules_table(a->rules, "grades");
    if (t && t->n) {
        p->have_grades = true;
        p->gw = ix_xmalloc(t->n * sizeof *p->gw);
        for (size_t i = 0; i < t->n; i++) {
            char *k = grade_key(t->key[i]);
            /* the value may carry more columns; the grade is the first */
            size_t gl = strcspn(t->val[i], "\t ");
            p->gw[p->ngw++] = (gword){k, strlen(k), own(p, ix_xstrndup(t->val[i], gl))};
        }
        qsort(p->gw, p->ngw, sizeof *p->gw, cmp_gw);
    }
    const ix_table *c = ix_rules_table(a->rules, "councils");
    for (size_t i = 0; c && i < c->n; i++) {
        /* value: name, code, status, form, risk */
        const char *v = c->val[i];
        size_t nl = strcspn(v, "\t");
        char *name = ix_xstrndup(v, nl);
        char *code = v[nl] ? ix_xstrndup(v + nl + 1, strcspn(v + nl + 1, "\t")) : ix_xstrdup("");
        size_t row = map_get(&p->council_name, name);
        if (row == IX_NONE) {
            row = p->nnames++;
            p->names = ix_xrealloc(p->names, p->nnames * sizeof *p->names);
            p->codes = ix_xrealloc(p->codes, p->nnames * sizeof *p->codes);
            p->names[row] = name;
            p->codes[row] = code;
            map_put(&p->council_name, name, row);
        } else {
            /* one name, several codes: a county that became a unitary */
            if (*code && !has_code(p->codes[row], code)) {
                size_t l = strlen(p->codes[row]) + strlen(code) + 2;
                char *j = ix_xmalloc(l);
                snprintf(j, l, "%s%s%s", p->codes[row], *p->codes[row] ? " " : "", code);
                free(p->codes[row]);
                p->codes[row] = j;
            }
            free(name);
            free(code);
        }
        map_put(&p->council_surface, own(p, fold(c->key[i], strlen(c->key[i]), true)), row);
    }
}

/* ---- life cycle -------------------------------------------------------------- */

ix_audit *ix_audit_new(const ix_rules *r, const ix_audit_opts *o)
{
    ix_audit *a = calloc(1, sizeof *a);
    priv *p = calloc(1, sizeof *p);
    if (!a || !p) abort();
    a->rules = r;
    if (o) a->o = *o;
    if (!a->o.text_field) a->o.text_field = "text";
    a->priv = p;
    load_vocab(a, p);
    return a;
}

/* Lets go of the records and documents held; the next ones read are
 * counted on from them. */
static void release(ix_audit *a)
{
    for (size_t i = 0; i < a->nrecs; i++) {
        ix_arec *r = &a->recs[i];
        for (size_t k = 0; k < r->nf; k++) { free(r->f[k].reason); free(r->f[k].related); }
        free(r->f);
        json_decref(r->rec);
    }
    for (size_t i = 0; i < a->ndocs; i++) {
        free(a->docs[i].bytes);
        free(a->docs[i].read_error);
        free(a->docs[i].recs);
    }
    a->base += a->nrecs;
    a->docbase += a->ndocs;
    a->nrecs = a->ndocs = 0;
}

static void refs_free(ix_audit *a)
{
    for (size_t i = 0; i < a->nrefs; i++) { free(a->refs[i].doc); free(a->refs[i].evidence); }
    free(a->refs);
    a->refs = NULL;
    a->nrefs = a->caprefs = 0;
}

static void deferred_free(priv *p)
{
    for (size_t i = 0; i < p->ndef; i++) { free(p->def[i].f.reason); free(p->def[i].f.related); }
    free(p->def);
    p->def = NULL;
    p->ndef = p->capdef = p->defat = 0;
}

void ix_audit_free(ix_audit *a)
{
    if (!a) return;
    release(a);
    free(a->recs);
    free(a->docs);
    ix_audit_kept_free(a);
    refs_free(a);
    for (size_t i = 0; i < a->nagree; i++) {
        ix_agree_row *w = &a->agree[i];
        free(w->period); free(w->unit); free(w->grade); free(w->total); free(w->majority);
        for (size_t k = 0; k < w->ncells; k++) free(w->cells[k].value);
        free(w->cells);
    }
    free(a->agree);
    priv *p = a->priv;
    idset_free(&p->seen);
    deferred_free(p);
    map_free(&p->council_name);
    map_free(&p->council_surface);
    for (size_t i = 0; i < p->ngw; i++) free(p->gw[i].key);
    free(p->gw);
    for (size_t i = 0; i < p->nnames; i++) { free(p->names[i]); free(p->codes[i]); }
    free(p->names);
    free(p->codes);
    for (size_t i = 0; i < p->nowned; i++) free(p->owned[i]);
    free(p->owned);
    free(p);
    free(a->name);
    free(a);
}

/* ---- findings ------------------------------------------------------------------ */

static void add_finding(ix_arec *r, const ix_finding *f)
{
    if (r->nf == r->capf) {
        r->capf = r->capf ? r->capf * 2 : 8;
        r->f = ix_xrealloc(r->f, r->capf * sizeof *r->f);
    }
    r->f[r->nf++] = *f;
    if (f->v > r->v) r->v = f->v;
}

/* rel_base: what turns a `related` index into a whole-file one. */
static void note_v(ix_audit *a, size_t rec, const char *check, ix_verdict v, const size_t *related,
                   size_t nrelated, size_t rel_base, const char *fmt, va_list ap)
{
    ix_finding f = {check, v, NULL, NULL, 0};
    if (fmt) {
        char buf[1024];
        vsnprintf(buf, sizeof buf, fmt, ap);
        f.reason = ix_xstrdup(buf);
    }
    if (nrelated) {
        f.related = ix_xmalloc(nrelated * sizeof *f.related);
        for (size_t k = 0; k < nrelated; k++) f.related[k] = related[k] + rel_base;
        f.nrelated = nrelated;
    }
    if (rec >= a->base && rec - a->base < a->nrecs) {
        add_finding(&a->recs[rec - a->base], &f);
        return;
    }
    priv *p = a->priv;
    if (p->ndef == p->capdef) {
        p->capdef = p->capdef ? p->capdef * 2 : 256;
        p->def = ix_xrealloc(p->def, p->capdef * sizeof *p->def);
    }
    p->def[p->ndef] = (deferred){rec, p->ndef, f};
    p->ndef++;
}

void ix_audit_note(ix_audit *a, size_t i, const char *check, ix_verdict v,
                   const size_t *related, size_t nrelated, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_v(a, a->base + i, check, v, related, nrelated, a->base, fmt, ap);
    va_end(ap);
}

void ix_audit_note_rec(ix_audit *a, size_t rec, const char *check, ix_verdict v,
                       const size_t *related, size_t nrelated, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_v(a, rec, check, v, related, nrelated, 0, fmt, ap);
    va_end(ap);
}

static int cmp_deferred(const void *x, const void *y)
{
    const deferred *p = x, *q = y;
    if (p->rec != q->rec) return p->rec < q->rec ? -1 : 1;
    return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* Pass 2: the findings pass 1 left for the records now held join them,
 * after their own (as in a whole run, where agreement is checked last). */
static void attach_deferred(ix_audit *a)
{
    priv *p = a->priv;
    while (p->defat < p->ndef && p->def[p->defat].rec < a->base + a->nrecs) {
        deferred *d = &p->def[p->defat++];
        if (d->rec < a->base) continue;
        add_finding(&a->recs[d->rec - a->base], &d->f);
        d->f.reason = NULL;
        d->f.related = NULL;
    }
}

#define NOTE(a, i, check, v, ...) ix_audit_note(a, i, check, v, NULL, 0, __VA_ARGS__)

/* ---- reading the records file ------------------------------------------------- */

static size_t add_doc(ix_audit *a, size_t rec, bool is_error)
{
    if (a->ndocs == a->capdocs) {
        a->capdocs = a->capdocs ? a->capdocs * 2 : 64;
        a->docs = ix_xrealloc(a->docs, a->capdocs * sizeof *a->docs);
    }
    ix_adoc *d = &a->docs[a->ndocs];
    memset(d, 0, sizeof *d);
    d->id = jstr(a->recs[rec].rec, "doc");
    d->source = jstr(a->recs[rec].rec, "source");
    d->rec = rec;
    d->is_error = is_error;
    d->enc = ix_encoding_parse(jstr(a->recs[rec].rec, "encoding"));
    return a->ndocs++;
}

static void doc_add_rec(ix_adoc *d, size_t rec)
{
    if (d->nrecs == d->caprecs) {
        d->caprecs = d->caprecs ? d->caprecs * 2 : 16;
        d->recs = ix_xrealloc(d->recs, d->caprecs * sizeof *d->recs);
    }
    d->recs[d->nrecs++] = rec;
}

/* A line read: its JSON object, or NULL with why not. */
typedef struct pline {
    json_t *o;
    size_t line;
    char err[200];
} pline;

static void parse_line(pline *pl, const char *s, size_t len, size_t line)
{
    pl->line = line;
    pl->err[0] = 0;
    json_error_t je;
    json_t *o = json_loadb(s, len, JSON_ALLOW_NUL, &je);
    if (o && !json_is_object(o)) {
        json_decref(o);
        o = NULL;
        snprintf(pl->err, sizeof pl->err, "line %zu is JSON but not an object", line);
    } else if (!o) snprintf(pl->err, sizeof pl->err, "line %zu is not JSON: %s", line, je.text);
    pl->o = o;
}

/* A doc or error record begins a document's group of records. */
static bool starts_doc(const pline *pl)
{
    const char *t = pl->o ? jstr(pl->o, "type") : NULL;
    return t && jstr(pl->o, "doc") && (!strcmp(t, "doc") || !strcmp(t, "error"));
}

/* Holds a record with nothing read into it yet (pass 1 keeps the lines it
 * does not parse this way, so the numbering stays). Returns its index. */
static size_t add_placeholder(ix_audit *a, size_t line)
{
    if (a->nrecs == a->caprecs) {
        a->caprecs = a->caprecs ? a->caprecs * 2 : 256;
        a->recs = ix_xrealloc(a->recs, a->caprecs * sizeof *a->recs);
    }
    ix_arec *r = &a->recs[a->nrecs];
    memset(r, 0, sizeof *r);
    r->line = line;
    r->doc = IX_NONE;
    r->type = "?";
    return a->nrecs++;
}

/* Holds a parsed line as the next record (taking its reference). A record
 * belongs to the last doc record before it when their ids agree; one that
 * names another document is left without a document (checked by
 * check_held: an orphan, or a record away from its document's group). */
static void add_line(ix_audit *a, pline *pl)
{
    size_t i = add_placeholder(a, pl->line);
    ix_arec *r = &a->recs[i];
    json_t *o = pl->o;
    pl->o = NULL;
    if (!o) {
        NOTE(a, i, "format", IX_V_FAIL, "%s", pl->err);
        return;
    }
    r->rec = o;
    const char *type = jstr(o, "type"), *doc = jstr(o, "doc");
    if (!type || !doc) {
        NOTE(a, i, "format", IX_V_FAIL, "line %zu has no \"%s\" field", r->line, type ? "doc" : "type");
        return;
    }
    r->type = type;
    NOTE(a, i, "format", IX_V_PASS, NULL);
    json_t *sp = json_object_get(o, "span");
    if (json_is_array(sp) && json_array_size(sp) == 2 && json_is_integer(json_array_get(sp, 0)) &&
        json_is_integer(json_array_get(sp, 1))) {
        json_int_t x = json_integer_value(json_array_get(sp, 0)), y = json_integer_value(json_array_get(sp, 1));
        if (x >= 0 && y >= x) { r->has_span = true; r->a = (size_t)x; r->b = (size_t)y; }
    }
    priv *p = a->priv;
    if (!strcmp(type, "doc") || !strcmp(type, "error")) {
        r->doc = add_doc(a, i, !strcmp(type, "error"));
        idset_put(&p->seen, doc, r->line);
        return;
    }
    /* The last doc record read is the last held: a group is released
     * whole, and a doc record begins one. */
    if (a->ndocs && !strcmp(a->docs[a->ndocs - 1].id, doc)) {
        r->doc = a->ndocs - 1;
        doc_add_rec(&a->docs[r->doc], i);
    } else r->doc_line = idset_get(&p->seen, doc);
}

/* ---- record sources ---------------------------------------------------------- */

typedef struct fsrc {
    FILE *f;
    const char *name;         /* for messages */
    off_t origin;             /* where the records begin (stdin may be part read) */
    char *buf;
    size_t cap, no;
} fsrc;

static int fsrc_start(void *ctx, ix_err *e)
{
    fsrc *c = ctx;
    c->no = 0;
    clearerr(c->f);
    if (c->origin < 0 || fseeko(c->f, c->origin, SEEK_SET) != 0) {
        ix_err_set(e, "%s: cannot read the records again: %s", c->name, strerror(errno));
        return -1;
    }
    return 0;
}

static int fsrc_next(void *ctx, const char **s, size_t *len, size_t *line, ix_err *e)
{
    fsrc *c = ctx;
    ssize_t n;
    errno = 0;
    while ((n = getline(&c->buf, &c->cap, c->f)) >= 0) {
        c->no++;
        size_t l = (size_t)n;
        while (l && (c->buf[l - 1] == '\n' || c->buf[l - 1] == '\r')) l--;
        size_t k = 0;
        while (k < l && ix_is_space(c->buf[k])) k++;
        if (k == l) continue;
        *s = c->buf;
        *len = l;
        *line = c->no;
        return 1;
    }
    if (ferror(c->f)) { ix_err_set(e, "%s: read error: %s", c->name, strerror(errno)); return -1; }
    return 0;
}

typedef struct dsrc {
    char *path;
    ix_store *st;
    size_t no;
} dsrc;

static int dsrc_start(void *ctx, ix_err *e)
{
    dsrc *c = ctx;
    ix_store_free(c->st);
    c->no = 0;
    c->st = ix_store_open(c->path, e);
    return c->st ? 0 : -1;
}

static int dsrc_next(void *ctx, const char **s, size_t *len, size_t *line, ix_err *e)
{
    dsrc *c = ctx;
    int k = ix_store_next_json(c->st, s, len, e);
    if (k == 1) *line = ++c->no;
    return k;
}

struct srcbox {
    ix_audit_src src;
    fsrc f;
    dsrc d;
};

ix_audit_src *ix_audit_src_file(FILE *f, const char *name)
{
    struct srcbox *b = calloc(1, sizeof *b);
    if (!b) abort();
    b->f.f = f;
    b->f.name = name;
    b->f.origin = ftello(f);
    b->src = (ix_audit_src){&b->f, fsrc_start, fsrc_next};
    return &b->src;
}

ix_audit_src *ix_audit_src_db(const char *path)
{
    struct srcbox *b = calloc(1, sizeof *b);
    if (!b) abort();
    b->d.path = ix_xstrdup(path);
    b->src = (ix_audit_src){&b->d, dsrc_start, dsrc_next};
    return &b->src;
}

void ix_audit_src_free(ix_audit_src *src)
{
    if (!src) return;
    struct srcbox *b = (struct srcbox *)src;      /* src is the first member */
    free(b->f.buf);
    ix_store_free(b->d.st);
    free(b->d.path);
    free(b);
}

int ix_audit_read_all(ix_audit *a, const ix_audit_src *src, const char *name, ix_err *e)
{
    free(a->name);
    a->name = ix_xstrdup(name);
    if (src->start(src->ctx, e) < 0) return -1;
    const char *s;
    size_t len, line;
    int k;
    while ((k = src->next(src->ctx, &s, &len, &line, e)) == 1) {
        pline pl;
        parse_line(&pl, s, len, line);
        add_line(a, &pl);
    }
    return k < 0 ? -1 : 0;
}

/* ---- re-reading sources -------------------------------------------------------- */

static char *resolve(const ix_audit *a, const char *path)
{
    if (!a->o.base || path[0] == '/') return ix_xstrdup(path);
    size_t bl = strlen(a->o.base), pl = strlen(path);
    char *s = ix_xmalloc(bl + pl + 2);
    memcpy(s, a->o.base, bl);
    size_t k = bl;
    if (k && s[k - 1] != '/') s[k++] = '/';
    memcpy(s + k, path, pl + 1);
    return s;
}

static int read_all(const char *path, unsigned char **out, size_t *len, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        size_t l = strlen(path) + 128;
        *err = ix_xmalloc(l);
        snprintf(*err, l, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    ix_buf b = {0};
    char tmp[1 << 16];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) ix_buf_put(&b, tmp, k);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        ix_buf_free(&b);
        *err = ix_xstrdup("read error");
        return -1;
    }
    *len = b.len;
    *out = (unsigned char *)ix_buf_take(&b);
    return 0;
}

/* The dump most recently read, with the file offset of every line: the
 * documents of one dump come one after another, so each dump is indexed
 * once and every document is one seek. */
typedef struct dumpcache {
    char *path;
    FILE *f;
    long *off;
    size_t n;
} dumpcache;

static void dump_close(dumpcache *c)
{
    if (c->f) fclose(c->f);
    free(c->path);
    free(c->off);
    memset(c, 0, sizeof *c);
}

static int dump_text(const ix_audit *a, dumpcache *c, const char *path, size_t lineno,
                     unsigned char **out, size_t *len, char **err)
{
    char msg[600];
    if (!c->path || strcmp(c->path, path)) {
        dump_close(c);
        c->f = fopen(path, "rb");
        if (!c->f) {
            snprintf(msg, sizeof msg, "cannot open dump %s: %s", path, strerror(errno));
            *err = ix_xstrdup(msg);
            return -1;
        }
        c->path = ix_xstrdup(path);
        size_t cap = 0;
        char *ln = NULL;
        for (;;) {
            long at = ftell(c->f);
            if (getline(&ln, &cap, c->f) < 0) break;
            c->off = ix_xrealloc(c->off, (c->n + 1) * sizeof *c->off);
            c->off[c->n++] = at;
        }
        free(ln);
    }
    if (lineno < 1 || lineno > c->n) {
        snprintf(msg, sizeof msg, "dump %s has %zu lines, not %zu", path, c->n, lineno);
        *err = ix_xstrdup(msg);
        return -1;
    }
    fseek(c->f, c->off[lineno - 1], SEEK_SET);
    char *ln = NULL;
    size_t cap = 0;
    ssize_t n = getline(&ln, &cap, c->f);
    size_t l = n > 0 ? (size_t)n : 0;
    while (l && (ln[l - 1] == '\n' || ln[l - 1] == '\r')) l--;
    json_error_t je;
    json_t *o = n > 0 ? json_loadb(ln, l, JSON_ALLOW_NUL, &je) : NULL;
    free(ln);
    json_t *t = json_object_get(o, a->o.text_field);
    if (!json_is_string(t)) {
        snprintf(msg, sizeof msg, "%s:%zu: no string field \"%s\" in that line", path, lineno, a->o.text_field);
        *err = ix_xstrdup(msg);
        json_decref(o);
        return -1;
    }
    *len = json_string_length(t);
    *out = ix_xmalloc(*len + 1);
    memcpy(*out, json_string_value(t), *len);
    json_decref(o);
    return 0;
}

/* Reads the bytes a doc record's `source` names: a file, else
 * "DUMPPATH:LINE" of a JSON Lines dump. */
static void reread(ix_audit *a, ix_adoc *d, dumpcache *dc)
{
    if (!d->source) { d->read_error = ix_xstrdup("the doc record has no \"source\""); return; }
    char *path = resolve(a, d->source);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        read_all(path, &d->bytes, &d->len, &d->read_error);
        free(path);
        return;
    }
    char *colon = strrchr(path, ':');
    size_t k = colon ? 1 : 0;
    while (colon && ix_is_digit(colon[k])) k++;
    if (colon && k > 1 && !colon[k]) {
        *colon = 0;
        size_t lineno = (size_t)strtoul(colon + 1, NULL, 10);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            dump_text(a, dc, path, lineno, &d->bytes, &d->len, &d->read_error);
            free(path);
            return;
        }
        *colon = ':';
    }
    size_t l = strlen(path) + 64;
    d->read_error = ix_xmalloc(l);
    bool in = !strcmp(path, "-") || !strncmp(path, "-:", 2);
    snprintf(d->read_error, l, "cannot open %s: %s", path, in ? "it was read from standard input" : "no such file");
    free(path);
}

static void sha256_hex(const unsigned char *p, size_t n, char out[65])
{
    struct sha256_ctx h;
    uint8_t dg[SHA256_DIGEST_SIZE];
    sha256_init(&h);
    sha256_update(&h, n, p);
    sha256_digest(&h, sizeof dg, dg);
    for (int i = 0; i < 32; i++) snprintf(out + 2 * i, 3, "%02x", dg[i]);
}

/* The headline: the line(s) near the top (after any byline or dateline,
 * within the first ten lines) that together read as the doc record's
 * title. */
static void find_headline(const ix_audit *a, ix_adoc *d)
{
    const char *title = jstr(a->recs[d->rec].rec, "title");
    if (!title || !d->bytes || d->enc < 0) return;
    char *want = fold(title, strlen(title), false);
    size_t wl = strlen(want);
    size_t i = d->len >= 3 && !memcmp(d->bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (int top = 0; top < 10 && i < d->len && !d->head_b; top++) {
        while (i < d->len && ix_is_space(d->bytes[i])) i++;
        size_t start = i, end = i;
        for (int lines = 0; lines < 4 && end < d->len; lines++) {
            while (end < d->len && d->bytes[end] != '\n') end++;
            char *dec = ix_decode_bytes((ix_encoding)d->enc, d->bytes + start, end - start, NULL);
            char *got = fold(dec, strlen(dec), false);
            size_t gl = strlen(got);
            bool eq = !strcmp(got, want), prefix = gl < wl && !strncmp(want, got, gl);
            free(dec);
            free(got);
            if (eq) { d->head_a = start; d->head_b = end; break; }
            if (!prefix) break;
            end++;
        }
        while (i < d->len && d->bytes[i] != '\n') i++;     /* next line */
    }
    free(want);
}

/* ---- provenance ---------------------------------------------------------------- */

static char *decode_span(const ix_adoc *d, size_t x, size_t y, size_t *len)
{
    return ix_decode_bytes((ix_encoding)d->enc, d->bytes + x, y - x, len);
}

static bool span_text_is(const ix_adoc *d, size_t x, size_t y, const char *ev, size_t evl)
{
    if (y > d->len || x > y) return false;
    size_t l;
    char *s = decode_span(d, x, y, &l);
    bool eq = l == evl && !memcmp(s, ev, l);
    free(s);
    return eq;
}

static void check_evidence(ix_audit *a, size_t i, const ix_adoc *d)
{
    ix_arec *r = &a->recs[i];
    json_t *evj = json_object_get(r->rec, "evidence");
    if (!r->has_span) {
        NOTE(a, i, "provenance.evidence", IX_V_FAIL, "the record has no valid \"span\" [start, end)");
        return;
    }
    if (r->b > d->len) {
        NOTE(a, i, "provenance.evidence", IX_V_FAIL, "span [%zu,%zu) ends past the end of the document (%zu bytes)",
             r->a, r->b, d->len);
        return;
    }
    if (!json_is_string(evj)) {
        NOTE(a, i, "provenance.evidence", IX_V_FAIL, "the record has no \"evidence\" string");
        return;
    }
    const char *ev = json_string_value(evj);
    size_t evl = json_string_length(evj);
    if (span_text_is(d, r->a, r->b, ev, evl)) {
        NOTE(a, i, "provenance.evidence", IX_V_PASS, NULL);
        return;
    }
    size_t l;
    char *got = decode_span(d, r->a, r->b, &l);
    char *gs = shorten(got, l, 60), *es = shorten(ev, evl, 60);
    free(got);
    /* Say where the evidence is when it is close by: a shifted span is the
     * commonest slip, and naming the shift is the useful reason. */
    char where[160] = "";
    for (long k = 1; k <= 16 && !where[0]; k++) {
        for (int sgn = -1; sgn <= 1 && !where[0]; sgn += 2) {
            long sh = sgn * k;
            if ((long)r->a + sh < 0 || (long)r->b + sh > (long)d->len) continue;
            size_t x = (size_t)((long)r->a + sh), y = (size_t)((long)r->b + sh);
            if (span_text_is(d, x, y, ev, evl))
                snprintf(where, sizeof where, "; the evidence is at [%zu,%zu): span shifted by %+ld", x, y, sh);
            else if (span_text_is(d, r->a, y, ev, evl))
                snprintf(where, sizeof where, "; the evidence is at [%zu,%zu): end off by %+ld", r->a, y, sh);
            else if (span_text_is(d, x, r->b, ev, evl))
                snprintf(where, sizeof where, "; the evidence is at [%zu,%zu): start off by %+ld", x, r->b, sh);
        }
    }
    NOTE(a, i, "provenance.evidence", IX_V_FAIL, "evidence \"%s\" is not the source text at [%zu,%zu), which reads \"%s\"%s",
         es, r->a, r->b, gs, where);
    free(gs);
    free(es);
}

static bool contains_folded(const char *hay, size_t hl, const char *needle, size_t nl)
{
    char *h = fold(hay, hl, true), *n = fold(needle, nl, true);
    bool in = strstr(h, n) != NULL;
    free(h);
    free(n);
    return in;
}

/* Parses number_text as extraction does; words in front that the number
 * parser does not take ("over half", "nearly a third") are dropped one at a
 * time until it reads. */
static bool reparse(const ix_lexicon *lx, const char *s, size_t len, ix_quantity *q)
{
    size_t i = 0;
    while (i < len) {
        if (ix_quantity_parse(lx, s + i, len - i, q)) return true;
        while (i < len && !ix_is_space(s[i]) && s[i] != '-') i++;
        while (i < len && (ix_is_space(s[i]) || s[i] == '-')) i++;
    }
    return false;
}

static bool jnum(const json_t *o, const char *k, double *v)
{
    json_t *x = json_object_get(o, k);
    if (!json_is_number(x)) return false;
    *v = json_number_value(x);
    return true;
}

static void check_number(ix_audit *a, size_t i)
{
    const json_t *r = a->recs[i].rec;
    json_t *ntj = json_object_get(r, "number_text");
    double cnt = 0, shr = 0, tot = 0;
    bool hc = jnum(r, "count", &cnt), hs = jnum(r, "share", &shr), ht = jnum(r, "total", &tot);
    if (!json_is_string(ntj)) {
        if (hc || hs) NOTE(a, i, "provenance.number", IX_V_FAIL, "the record gives a %s but no \"number_text\" to check it against",
                           hc ? "count" : "share");
        else NOTE(a, i, "provenance.number", IX_V_SKIP, "no number_text");
        return;
    }
    const char *nt = json_string_value(ntj);
    size_t ntl = json_string_length(ntj);
    const char *ev = jstr(r, "evidence");
    if (ev && !contains_folded(ev, strlen(ev), nt, ntl)) {
        NOTE(a, i, "provenance.number", IX_V_FAIL, "number_text \"%s\" does not occur in the evidence", nt);
        return;
    }
    ix_quantity q;
    /* as extraction read it: "71&nbsp;of the 153" is "71 of the 153" */
    size_t nl;
    char *norm = ix_normalize_str(nt, ntl, &nl);
    bool read = reparse(ix_rules_lexicon(a->rules), norm, nl, &q);
    free(norm);
    if (!read) {
        NOTE(a, i, "provenance.number", IX_V_FAIL, "number_text \"%s\" does not read as a number", nt);
        return;
    }
    char why[400] = "", was[32];
    size_t w = 0;
    if (q.has_count && (!hc || fabs(cnt - (double)q.count) > 1e-9)) {
        if (hc) snprintf(was, sizeof was, "%g", cnt); else snprintf(was, sizeof was, "null");
        w += (size_t)snprintf(why + w, sizeof why - w, "count is %s but number_text \"%s\" reads %ld", was, nt, q.count);
    }
    if (w < sizeof why && q.has_share && (!hs || fabs(shr - q.share) > 0.001)) {
        if (hs) snprintf(was, sizeof was, "%.4g", shr); else snprintf(was, sizeof was, "null");
        w += (size_t)snprintf(why + w, sizeof why - w, "%sshare is %s but number_text \"%s\" reads %.4g", w ? "; " : "",
                              was, nt, q.share);
    }
    if (w < sizeof why && q.has_total && ht && fabs(tot - (double)q.total) > 1e-9)
        w += (size_t)snprintf(why + w, sizeof why - w, "%stotal is %g but number_text \"%s\" reads %ld", w ? "; " : "",
                              tot, nt, q.total);
    if (w) { NOTE(a, i, "provenance.number", IX_V_FAIL, "%s", why); return; }
    if (!q.has_count && !q.has_share) {
        NOTE(a, i, "provenance.number", IX_V_FAIL, "number_text \"%s\" gives neither a count nor a share", nt);
        return;
    }
    NOTE(a, i, "provenance.number", IX_V_PASS, NULL);
}

/* ---- grades ---------------------------------------------------------------------- */

static const char *const grade_names[] = {"outstanding", "good", "requires_improvement", "inadequate",
                                          "adequate", "good_or_better", "less_than_good", NULL};

static int grade_id(const char *g)
{
    for (int k = 0; g && grade_names[k]; k++)
        if (!strcmp(g, grade_names[k])) return k;
    return -1;
}

static void check_grade(ix_audit *a, size_t i)
{
    priv *p = a->priv;
    const json_t *r = a->recs[i].rec;
    const char *g = jstr(r, "grade"), *ev = jstr(r, "evidence");
    int gid = grade_id(g);
    if (gid < 0 || !ev) return;                    /* `fields` reports it */
    if (!p->have_grades) {
        NOTE(a, i, "provenance.grade", IX_V_SKIP, "no grade vocabulary (patterns/grades.tsv)");
        return;
    }
    char *t = grade_key(ev);
    size_t tl = strlen(t);
    unsigned found = 0;
    ix_buf seen = {0};
    for (size_t k = 0; k < tl;) {
        if (k && ix_is_alnum(t[k - 1])) { k++; continue; }
        size_t adv = 1;
        for (size_t j = 0; j < p->ngw; j++) {
            const gword *w = &p->gw[j];
            if (w->len && k + w->len <= tl && !memcmp(t + k, w->key, w->len) &&
                (k + w->len == tl || !ix_is_alnum(t[k + w->len]))) {
                int id = grade_id(w->grade);
                if (id >= 0) found |= 1u << id;
                if (seen.len < 200) {
                    if (seen.len) ix_buf_puts(&seen, ", ");
                    ix_buf_puts(&seen, "\"");
                    ix_buf_put(&seen, w->key, w->len);
                    ix_buf_puts(&seen, "\" (");
                    ix_buf_puts(&seen, w->grade);
                    ix_buf_puts(&seen, ")");
                }
                adv = w->len;
                break;
            }
        }
        k += adv;
    }
    free(t);
    enum { O = 1, G = 2, RI = 4, IN = 8, AD = 16, GOB = 32, LTG = 64 };
    bool ok = found & (1u << gid);
    if (!ok && gid == 5) ok = (found & (O | G)) == (O | G);
    if (!ok && gid == 6) ok = (found & (RI | IN)) == (RI | IN) || (found & (AD | IN)) == (AD | IN);
    if (ok) NOTE(a, i, "provenance.grade", IX_V_PASS, NULL);
    else if (!found)
        NOTE(a, i, "provenance.grade", IX_V_WARN, "no grade words in the evidence to confirm \"%s\" (vocabulary: patterns/grades.tsv)", g);
    else
        NOTE(a, i, "provenance.grade", IX_V_FAIL, "grade is \"%s\" but the evidence says %s", g, seen.s);
    ix_buf_free(&seen);
}

/* ---- quotes ----------------------------------------------------------------------- */

/* The evidence of a quote without its quote marks, folded. */
static char *unquote(const char *s)
{
    char *f = fold(s, strlen(s), true);
    size_t w = 0;
    for (size_t k = 0; f[k]; k++) {
        char c = f[k];
        if (c == '"') continue;
        /* a straight or folded curly single quote that is not an apostrophe */
        if (c == '\'' && !(k && ix_is_alpha(f[k - 1]) && ix_is_alpha(f[k + 1]))) continue;
        f[w++] = c;
    }
    f[w] = 0;
    char *g = fold(f, w, true);            /* marks removed may leave double spaces */
    free(f);
    return g;
}

static void check_quote(ix_audit *a, size_t i)
{
    const json_t *r = a->recs[i].rec;
    const char *text = jstr(r, "text"), *ev = jstr(r, "evidence");
    if (!text || !ev) {
        NOTE(a, i, "provenance.quote", IX_V_FAIL, "the quote has no \"%s\"", text ? "evidence" : "text");
        return;
    }
    char *t = unquote(text), *e = unquote(ev);
    if (strstr(e, t)) NOTE(a, i, "provenance.quote", IX_V_PASS, NULL);
    else {
        char *ts = shorten(text, strlen(text), 50);
        NOTE(a, i, "provenance.quote", IX_V_FAIL, "quote text \"%s\" is not the quoted words of the evidence", ts);
        free(ts);
    }
    free(t);
    free(e);
}

/* ---- fields ------------------------------------------------------------------------- */

static bool in_set(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(v, *set)) return true;
    return false;
}

static void check_fields(ix_audit *a, size_t i)
{
    const json_t *r = a->recs[i].rec;
    const char *type = a->recs[i].type;
    static const char *const approx[] = {"more_than", "less_than", "about", "almost", "up_to", NULL};
    static const char *const judg[] = {"overall", "child_protection", "looked_after", "leadership",
                                       "adoption", "care_leavers", "other", NULL};
    char why[400] = "";
    size_t w = 0;
#define WHY(...) do { \
        if (w && w < sizeof why) w += (size_t)snprintf(why + w, sizeof why - w, "; "); \
        if (w < sizeof why) w += (size_t)snprintf(why + w, sizeof why - w, __VA_ARGS__); \
    } while (0)
    if (!strcmp(type, "rating") || !strcmp(type, "council_rating")) {
        const char *g = jstr(r, "grade");
        if (grade_id(g) < 0) WHY("grade \"%s\" is not a grade", g ? g : "(none)");
    }
    if (!strcmp(type, "rating")) {
        json_t *c = json_object_get(r, "count"), *s = json_object_get(r, "share"), *t = json_object_get(r, "total");
        if (c && !json_is_null(c) && (!json_is_integer(c) || json_integer_value(c) < 0)) WHY("count is not a whole number");
        if (s && !json_is_null(s) && (!json_is_number(s) || json_number_value(s) < 0 || json_number_value(s) > 1))
            WHY("share is not a fraction between 0 and 1");
        if (t && !json_is_null(t) && (!json_is_integer(t) || json_integer_value(t) <= 0)) WHY("total is not a positive whole number");
        if (json_is_integer(c) && json_is_integer(t) && json_integer_value(c) > json_integer_value(t))
            WHY("count %" JSON_INTEGER_FORMAT " is more than the total %" JSON_INTEGER_FORMAT,
                json_integer_value(c), json_integer_value(t));
        if ((!c || json_is_null(c)) && (!s || json_is_null(s))) WHY("neither count nor share is given");
        const char *ap = jstr(r, "approx");
        if (ap && !in_set(ap, approx)) WHY("approx \"%s\" is not one of more_than, less_than, about, almost, up_to", ap);
    } else if (!strcmp(type, "council_rating")) {
        const char *j = jstr(r, "judgement");
        if (j && !in_set(j, judg)) WHY("judgement \"%s\" is not a judgement", j);
        if (!jstr(r, "council")) WHY("no council");
    } else if (!strcmp(type, "council")) {
        if (!jstr(r, "name")) WHY("no name");
    } else if (!strcmp(type, "doc")) {
        const char *h = jstr(r, "sha256");
        if (!h || strlen(h) != 64) WHY("sha256 is not 64 hex digits");
        if (ix_encoding_parse(jstr(r, "encoding")) < 0) WHY("encoding \"%s\" is not utf-8 or windows-1252",
                                                          jstr(r, "encoding") ? jstr(r, "encoding") : "(none)");
    }
#undef WHY
    NOTE(a, i, "fields", w ? IX_V_FAIL : IX_V_PASS, w ? "%s" : NULL, why);
}

/* ---- plausibility ----------------------------------------------------------------------- */

/* A reporting verb as a word of a would-be speaker ("Ruth Penhaligon said
 * the inspection") shows that a clause was taken for the speaker. */
static const char *speech_verb(const char *s)
{
    static const char *const verbs[] = {"said", "says", "told", "added", "warned", "explained", "insisted",
                                        "stated", "commented", "claimed", "argued", NULL};
    char *f = fold(s, strlen(s), true);
    const char *hit = NULL;
    for (int k = 0; verbs[k] && !hit; k++) {
        size_t vl = strlen(verbs[k]);
        for (const char *p = f; (p = strstr(p, verbs[k])); p += vl)
            if ((p == f || p[-1] == ' ') && (p[vl] == 0 || p[vl] == ' ')) { hit = verbs[k]; break; }
    }
    free(f);
    return hit;
}

/* Does the text at speaker_span refer to the speaker: the name itself, a
 * part of it ("Oduya" for "Miriam Oduya"), or a pronoun the extractor
 * resolved? */
static bool speaker_matches(const char *t, size_t tl, const char *s, size_t sl)
{
    static const char *const pron[] = {"he", "she", "they", "it", "we", "i", "his", "her", "their", NULL};
    char *ft = fold(t, tl, true), *fs = fold(s, sl, true);
    bool ok = strstr(ft, fs) || strstr(fs, ft) || in_set(ft, pron);
    /* any word of the span's text that is a word of the speaker */
    char *save = NULL;
    for (char *w = strtok_r(ft, " ,.:;", &save); w && !ok; w = strtok_r(NULL, " ,.:;", &save)) {
        size_t wl = strlen(w);
        if (wl < 3) continue;
        for (const char *p = fs; (p = strstr(p, w)); p += wl)
            if ((p == fs || p[-1] == ' ') && (p[wl] == 0 || p[wl] == ' ' || p[wl] == '\'')) { ok = true; break; }
    }
    free(ft);
    free(fs);
    return ok;
}

static void check_speaker(ix_audit *a, size_t i, const ix_adoc *d)
{
    const json_t *r = a->recs[i].rec;
    const char *s = jstr(r, "speaker");
    if (!s || !*s) {
        NOTE(a, i, "plausibility.speaker", IX_V_WARN, "the quote has no speaker");
        return;
    }
    size_t n = strlen(s), words = 0;
    bool digit = false, odd = false, inword = false;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (ix_is_digit(c)) digit = true;
        if (strchr("\"<>{}[]|@#=;", c) || (c == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x80 &&
                                           ((unsigned char)s[k + 2] == 0x9C || (unsigned char)s[k + 2] == 0x9D)))
            odd = true;
        if (ix_is_space(c)) inword = false;
        else if (!inword) { inword = true; words++; }
    }
    char first[32];
    size_t fl = strcspn(s, " ");
    snprintf(first, sizeof first, "%.*s", (int)(fl < 31 ? fl : 31), s);
    static const char *const pron[] = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", NULL};
    static const char *const det[] = {"a", "an", "the", "one", "another", "his", "her", "their", "its", "our",
                                      "two", "three", "several", "some", "many", NULL};
    static const char *const joiners[] = {"and", "but", "or", "so", "for", "of", "to", "in", "with", "that",
                                          "which", "who", "as", "if", "when", "while", NULL};
    for (char *q = first; *q; q++) *q = (char)(ix_is_upper(*q) ? *q + 32 : *q);
    const char *why = NULL, *verb = NULL;
    char buf[160];
    if (digit) why = "contains a digit";
    else if (odd) why = "contains quote marks or symbols";
    else if (words > 14) { snprintf(buf, sizeof buf, "is %zu words long", words); why = buf; }
    else if (words == 1 && in_set(first, pron)) why = "is a pronoun, not a name";
    else if (strchr(",:.;", s[n - 1]) && !(n >= 2 && ix_is_upper(s[n - 2]))) why = "ends with punctuation";
    else if (in_set(first, joiners)) { snprintf(buf, sizeof buf, "starts with \"%s\", not a name or a description", first); why = buf; }
    else if ((verb = speech_verb(s))) { snprintf(buf, sizeof buf, "holds the reporting verb \"%s\": a clause, not a speaker", verb); why = buf; }
    else if (!ix_is_upper((unsigned char)s[0]) && (unsigned char)s[0] < 0x80 && !in_set(first, det) && words > 4)
        why = "is a lower-case phrase, not a name or a description (\"a spokesman\", \"the report\")";
    if (why) {
        NOTE(a, i, "plausibility.speaker", IX_V_WARN, "speaker \"%s\" %s", s, why);
        return;
    }
    /* The speaker's own span, when given, should show the speaker, unless
     * the attribution went through a pronoun. */
    json_t *ss = json_object_get(r, "speaker_span");
    const char *att = jstr(r, "attribution");
    if (d && d->bytes && json_is_array(ss) && json_array_size(ss) == 2 && !(att && !strcmp(att, "pronoun"))) {
        json_int_t x = json_integer_value(json_array_get(ss, 0)), y = json_integer_value(json_array_get(ss, 1));
        if (x < 0 || y < x || (size_t)y > d->len) {
            NOTE(a, i, "plausibility.speaker", IX_V_WARN, "speaker_span [%lld,%lld) is outside the document",
                 (long long)x, (long long)y);
            return;
        }
        size_t l;
        char *t = decode_span(d, (size_t)x, (size_t)y, &l);
        bool in = speaker_matches(t, l, s, n);
        char *ts = shorten(t, l, 60);
        free(t);
        if (!in) {
            NOTE(a, i, "plausibility.speaker", IX_V_WARN, "speaker \"%s\" is not in the text at speaker_span, \"%s\"", s, ts);
            free(ts);
            return;
        }
        free(ts);
    }
    NOTE(a, i, "plausibility.speaker", IX_V_PASS, NULL);
}

static void check_council(ix_audit *a, size_t i)
{
    priv *p = a->priv;
    const json_t *r = a->recs[i].rec;
    bool is_c = !strcmp(a->recs[i].type, "council");
    const char *name = jstr(r, is_c ? "name" : "council"), *code = jstr(r, "code");
    if (!name) return;                                   /* `fields` reports it */
    if (!p->nnames) { NOTE(a, i, "plausibility.council", IX_V_SKIP, "no gazetteer (patterns/councils.tsv)"); return; }
    size_t row = map_get(&p->council_name, name);
    if (row == IX_NONE && !is_c) {
        char *k = fold(name, strlen(name), true);
        row = map_get(&p->council_surface, k);
        free(k);
    }
    if (row == IX_NONE)
        NOTE(a, i, "plausibility.council", IX_V_FAIL, "\"%s\" is not an authority in the gazetteer (patterns/councils.tsv)", name);
    else if (code && *p->codes[row] && !has_code(p->codes[row], code))
        NOTE(a, i, "plausibility.council", IX_V_FAIL, "code %s does not belong to %s (the gazetteer has %s)", code,
             p->names[row], p->codes[row]);
    else NOTE(a, i, "plausibility.council", IX_V_PASS, NULL);
}

typedef struct spanref { size_t rec, a, b; const char *type; } spanref;

static int cmp_spanref(const void *x, const void *y)
{
    const spanref *p = x, *q = y;
    int t = strcmp(p->type, q->type);
    if (t) return t;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    return p->rec < q->rec ? -1 : p->rec > q->rec;
}

/* Overlapping spans matter when two records may say one thing twice. One
 * span naming several councils ("Trafford, Leeds and Hampshire - all rated
 * good") or several judgements of one council is how lists are written, so
 * council ratings only clash with the same council and judgement. */
static bool same_claim(const ix_audit *a, size_t x, size_t y)
{
    const json_t *p = a->recs[x].rec, *q = a->recs[y].rec;
    if (strcmp(a->recs[x].type, "council_rating")) return true;
    const char *c1 = jstr(p, "council"), *c2 = jstr(q, "council"), *j1 = jstr(p, "judgement"), *j2 = jstr(q, "judgement");
    return c1 && c2 && !strcmp(c1, c2) && (!j1 || !j2 || !strcmp(j1, j2));
}

/* Records of one type whose spans overlap: sorted by start, each compared
 * with the record reaching furthest so far (linear after the sort). */
static void check_overlap(ix_audit *a, const ix_adoc *d)
{
    spanref *s = ix_xmalloc((d->nrecs + 1) * sizeof *s);
    size_t n = 0;
    for (size_t k = 0; k < d->nrecs; k++) {
        const ix_arec *r = &a->recs[d->recs[k]];
        if (r->has_span && r->rec) s[n++] = (spanref){d->recs[k], r->a, r->b, r->type};
    }
    qsort(s, n, sizeof *s, cmp_spanref);
    bool *hit = calloc(n + 1, 1);
    size_t far = IX_NONE;
    for (size_t k = 0; k < n; k++) {
        if (far != IX_NONE && strcmp(s[far].type, s[k].type)) far = IX_NONE;
        if (far != IX_NONE && s[k].a < s[far].b && same_claim(a, s[far].rec, s[k].rec)) {
            const ix_arec *o = &a->recs[s[far].rec];
            size_t rel = s[far].rec;
            ix_audit_note(a, s[k].rec, "plausibility.overlap", IX_V_WARN, &rel, 1,
                          "overlaps the %s at [%zu,%zu) (records file line %zu)%s", o->type, o->a, o->b, o->line,
                          s[k].a == s[far].a && s[k].b == s[far].b ? ": the same span twice" : "");
            hit[k] = true;
            if (!hit[far]) {
                size_t rel2 = s[k].rec;
                ix_audit_note(a, s[far].rec, "plausibility.overlap", IX_V_WARN, &rel2, 1,
                              "overlaps the %s at [%zu,%zu) (records file line %zu)", a->recs[s[k].rec].type, s[k].a,
                              s[k].b, a->recs[s[k].rec].line);
                hit[far] = true;
            }
        }
        if (far == IX_NONE || s[k].b > s[far].b) far = k;
    }
    for (size_t k = 0; k < n; k++)
        if (!hit[k]) NOTE(a, s[k].rec, "plausibility.overlap", IX_V_PASS, NULL);
    free(hit);
    free(s);
}

/* ---- the driver --------------------------------------------------------------------- */

static void check_doc(ix_audit *a, size_t di, dumpcache *dc)
{
    ix_adoc *d = &a->docs[di];
    size_t ri = d->rec;
    const json_t *rec = a->recs[ri].rec;
    if (d->is_error) {
        NOTE(a, ri, "provenance.source", IX_V_SKIP, "an error record: extraction could not read this document");
        for (size_t k = 0; k < d->nrecs; k++)
            NOTE(a, d->recs[k], "format", IX_V_FAIL, "a record for a document that had an error record");
        return;
    }
    check_fields(a, ri);
    reread(a, d, dc);
    if (!d->bytes) {
        NOTE(a, ri, "provenance.source", IX_V_FAIL, "source cannot be read: %s", d->read_error);
        for (size_t k = 0; k < d->nrecs; k++)
            NOTE(a, d->recs[k], "provenance.source", IX_V_FAIL, "source cannot be read: %s", d->read_error);
        return;
    }
    NOTE(a, ri, "provenance.source", IX_V_PASS, NULL);
    char hex[65];
    sha256_hex(d->bytes, d->len, hex);
    const char *want = jstr(rec, "sha256");
    d->changed = !want || strcmp(want, hex);
    if (d->changed) {
        json_t *bj = json_object_get(rec, "bytes");
        char sz[96] = "";
        if (json_is_integer(bj) && (size_t)json_integer_value(bj) != d->len)
            snprintf(sz, sizeof sz, " (%" JSON_INTEGER_FORMAT " bytes then, %zu now)", json_integer_value(bj), d->len);
        NOTE(a, ri, "provenance.sha256", IX_V_FAIL,
             "source changed since extraction: sha256 %.12s… was %.12s…%s; its %zu records are checked against the new bytes",
             hex, want ? want : "(none)", sz, d->nrecs);
    } else NOTE(a, ri, "provenance.sha256", IX_V_PASS, NULL);
    if (d->enc < 0) d->enc = IX_ENC_UTF8;      /* `fields` has failed it; read as UTF-8 to go on */
    find_headline(a, d);
    for (size_t k = 0; k < d->nrecs; k++) {
        size_t i = d->recs[k];
        ix_arec *r = &a->recs[i];
        if (!r->rec) continue;
        if (d->changed) NOTE(a, i, "provenance.sha256", IX_V_FAIL, "source changed since extraction");
        check_fields(a, i);
        check_evidence(a, i, d);
        if (!strcmp(r->type, "rating")) {
            check_number(a, i);
            check_grade(a, i);
        } else if (!strcmp(r->type, "council_rating")) {
            check_grade(a, i);
            check_council(a, i);
        } else if (!strcmp(r->type, "quote")) {
            check_quote(a, i);
            check_speaker(a, i, d);
        } else if (!strcmp(r->type, "council")) {
            check_council(a, i);
        }
    }
    check_overlap(a, d);
}

/* Checks the documents and records held: each document against its source,
 * the records without a document, then each document's arithmetic (with
 * `keep`, keeping its figures for agreement across documents). */
static void check_held(ix_audit *a, dumpcache *dc, bool keep)
{
    for (size_t i = 0; i < a->ndocs; i++) check_doc(a, i, dc);
    for (size_t i = 0; i < a->nrecs; i++) {
        ix_arec *r = &a->recs[i];
        const char *doc = r->rec ? jstr(r->rec, "doc") : NULL;
        if (!doc || r->doc != IX_NONE || !jstr(r->rec, "type")) continue;
        if (r->doc_line)
            NOTE(a, i, "provenance.source", IX_V_FAIL,
                 "the doc record of document \"%s\" (line %zu) is not the last one before this record: a document's "
                 "records must follow its doc record, as inspex extract writes them", doc, r->doc_line);
        else NOTE(a, i, "provenance.source", IX_V_FAIL, "no doc record for document \"%s\" comes before this record", doc);
    }
    for (size_t d = 0; d < a->ndocs; d++) ix_audit_doc_figures(a, d, keep);
}

void ix_audit_run(ix_audit *a)
{
    dumpcache dc = {0};
    check_held(a, &dc, true);
    dump_close(&dc);
    ix_audit_crossdoc(a);
    for (size_t i = 0; i < a->ndocs; i++) {
        ix_adoc *d = &a->docs[i];
        d->v = a->recs[d->rec].v;
        for (size_t k = 0; k < d->nrecs; k++)
            if (a->recs[d->recs[k]].v > d->v) d->v = a->recs[d->recs[k]].v;
    }
}

/* Does a record held give a figure for a period (the only figures compared
 * across documents)? Pass 1 checks only the groups that do. */
static bool has_period_figure(const ix_audit *a)
{
    for (size_t i = 0; i < a->nrecs; i++) {
        const ix_arec *r = &a->recs[i];
        if (r->rec && r->doc != IX_NONE && !strcmp(r->type, "rating") && jstr(r->rec, "period")) return true;
    }
    return false;
}

/* Does the JSON text q (a quoted string) occur as a value: followed by the
 * end of a member or element? */
static bool value_in(const char *s, size_t len, const char *q, size_t ql)
{
    const char *end = s + len;
    for (const char *p = s; (p = ix_memfind(p, (size_t)(end - p), q, ql)); p += ql) {
        const char *x = p + ql;
        while (x < end && ix_is_space(*x)) x++;
        if (x == end || *x == ',' || *x == '}' || *x == ']') return true;
    }
    return false;
}

/* Pass 1 needs only the doc and error records (each begins a group) and
 * the records that may give a figure for a period; a line that cannot be
 * either is held unparsed, as a placeholder that keeps the numbering (about
 * three lines in four of an extraction's records). Conservative: the word
 * "doc" or "error" as a value anywhere, or a \u escape, which could spell
 * any of them, and the line is parsed. */
static bool pass1_skips(const char *s, size_t len)
{
    return !ix_memfind(s, len, "period", 6) && !ix_memfind(s, len, "\\u", 2) && !value_in(s, len, "\"doc\"", 5) &&
           !value_in(s, len, "\"error\"", 7);
}

typedef struct stream_state {
    int pass;
    dumpcache dc;
    ix_audit_emit emit;
    void *ctx;
} stream_state;

/* One group read (a doc record and its records, or records before any):
 * pass 1 keeps its figures for a period; pass 2 checks it, adds the
 * agreement findings and hands every record to the callback. */
static void group_done(ix_audit *a, stream_state *st)
{
    if (st->pass == 0) {
        if (has_period_figure(a)) check_held(a, &st->dc, true);
    } else {
        check_held(a, &st->dc, false);
        attach_deferred(a);
        for (size_t i = 0; i < a->nrecs; i++) st->emit(st->ctx, a, i);
    }
    release(a);
}

int ix_audit_stream(ix_audit *a, const ix_audit_src *src, const char *name, ix_audit_emit emit, void *ctx,
                    ix_err *e)
{
    free(a->name);
    a->name = ix_xstrdup(name);
    priv *p = a->priv;
    /* What each pass read: the verdicts of pass 2 rest on the figures of
     * pass 1, so the two must have read the same records. A digest, not
     * only counts: a figure edited in place keeps every length. */
    size_t nread[2] = {0, 0}, bytes[2] = {0, 0};
    uint8_t digest[2][SHA256_DIGEST_SIZE];
    stream_state st = {0, {0}, emit, ctx};
    for (st.pass = 0; st.pass < 2; st.pass++) {
        release(a);
        a->base = a->docbase = 0;
        idset_free(&p->seen);
        struct sha256_ctx h;
        sha256_init(&h);
        int k = src->start(src->ctx, e);
        const char *s;
        size_t len, line;
        while (k == 0 && (k = src->next(src->ctx, &s, &len, &line, e)) == 1) {
            nread[st.pass]++;
            bytes[st.pass] += len;
            sha256_update(&h, len, (const uint8_t *)s);
            sha256_update(&h, 1, (const uint8_t *)"\n");
            k = 0;
            if (st.pass == 0 && pass1_skips(s, len)) {
                (void)add_placeholder(a, line);
                continue;
            }
            pline pl;
            parse_line(&pl, s, len, line);
            if (a->nrecs && starts_doc(&pl)) group_done(a, &st);
            add_line(a, &pl);
        }
        if (k >= 0 && a->nrecs) group_done(a, &st);
        sha256_digest(&h, sizeof digest[st.pass], digest[st.pass]);
        dump_close(&st.dc);
        if (k < 0) {
            release(a);
            return -1;
        }
        if (st.pass == 0) {
            /* Nothing is held now: every agreement finding waits for pass 2. */
            ix_audit_crossdoc(a);
            if (p->ndef) qsort(p->def, p->ndef, sizeof *p->def, cmp_deferred);   /* qsort(NULL, 0) is undefined */
            p->defat = 0;
        }
    }
    release(a);
    if (nread[0] != nread[1] || bytes[0] != bytes[1]) {
        ix_err_set(e, "%s: the records changed while they were audited (%zu records of %zu bytes, then %zu of %zu)",
                   name, nread[0], bytes[0], nread[1], bytes[1]);
        return -1;
    }
    if (memcmp(digest[0], digest[1], sizeof digest[0])) {
        ix_err_set(e, "%s: the records changed while they were audited (%zu records of %zu bytes both times, "
                   "but not the same bytes)", name, nread[0], bytes[0]);
        return -1;
    }
    return 0;
}

/* ---- results ------------------------------------------------------------------------ */

ix_audit_tally ix_audit_count(const ix_audit *a, const char *check)
{
    ix_audit_tally t = {0};
    for (size_t i = 0; i < a->nrecs; i++)
        for (size_t k = 0; k < a->recs[i].nf; k++) {
            const ix_finding *f = &a->recs[i].f[k];
            if (check && strcmp(f->check, check)) continue;
            ix_audit_tally_add(&t, f->v);
        }
    return t;
}

void ix_audit_tally_add(ix_audit_tally *t, ix_verdict v)
{
    if (v == IX_V_PASS) t->pass++;
    else if (v == IX_V_WARN) t->warn++;
    else if (v == IX_V_FAIL) t->fail++;
    else t->skip++;
}

char *ix_audit_verdict_json(const ix_audit *a, size_t i)
{
    const ix_arec *r = &a->recs[i];
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("verdict"));
    json_object_set_new(o, "line", json_integer((json_int_t)r->line));
    json_object_set_new(o, "doc", r->rec && jstr(r->rec, "doc") ? json_string(jstr(r->rec, "doc")) : json_null());
    json_object_set_new(o, "record_type", json_string(r->type));
    if (r->has_span) json_object_set_new(o, "span", json_pack("[II]", (json_int_t)r->a, (json_int_t)r->b));
    json_object_set_new(o, "verdict", json_string(ix_verdict_name(r->v)));
    json_t *checks = json_array();
    for (size_t k = 0; k < r->nf; k++) {
        const ix_finding *f = &r->f[k];
        json_t *c = json_object();
        json_object_set_new(c, "check", json_string(f->check));
        json_object_set_new(c, "verdict", json_string(ix_verdict_name(f->v)));
        if (f->reason) json_object_set_new(c, "reason", json_string(f->reason));
        if (f->nrelated) {
            json_t *rel = json_array();
            for (size_t j = 0; j < f->nrelated; j++) {
                ix_aref o2;
                if (!ix_audit_ref(a, f->related[j], &o2)) continue;      /* cannot happen: see ix_audit_doc_figures */
                json_t *x = json_object();
                json_object_set_new(x, "line", json_integer((json_int_t)o2.line));
                json_object_set_new(x, "doc", json_string(o2.doc ? o2.doc : ""));
                if (o2.has_span) json_object_set_new(x, "span", json_pack("[II]", (json_int_t)o2.a, (json_int_t)o2.b));
                if (o2.evidence) json_object_set_new(x, "evidence", json_string(o2.evidence));
                json_array_append_new(rel, x);
            }
            json_object_set_new(c, "related", rel);
        }
        json_array_append_new(checks, c);
    }
    json_object_set_new(o, "checks", checks);
    char *s = ix_record_dump(o);
    json_decref(o);
    return s;
}
