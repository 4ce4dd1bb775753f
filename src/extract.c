/* extract.c — one input document through the whole pipeline.
 *
 * decode -> normalise -> segment -> mark boilerplate and find title/date ->
 * extractors (councils first: the others use its mentions) -> sorted result.
 * The document's record is written before its other records. A document
 * that cannot be read or decoded becomes one error record; nothing here
 * can stop the run.
 */
#include <stdlib.h>
#include <nettle/sha2.h>
#include "internal.h"

/* ---- spans --------------------------------------------------------------- */

/* Offsets in d->bytes (the part of the document decoded here). */
static void part_span(const ix_doc *d, size_t a, size_t b, size_t *oa, size_t *ob)
{
    size_t da = ix_offmap_start(&d->map, a), db = ix_offmap_end(&d->map, b);
    if (db < da) db = da;
    *oa = ix_offmap_start(&d->dec.map, da);
    *ob = ix_offmap_end(&d->dec.map, db);
    if (*ob < *oa) *ob = *oa;
}

void ix_doc_span(const ix_doc *d, size_t a, size_t b, size_t *oa, size_t *ob)
{
    part_span(d, a, b, oa, ob);
    *oa += d->base;
    *ob += d->base;
}

char *ix_doc_evidence(const ix_doc *d, size_t a, size_t b)
{
    size_t oa, ob;
    part_span(d, a, b, &oa, &ob);
    return ix_decode_bytes(d->dec.enc, d->bytes + oa, ob - oa, NULL);
}

void ix_doc_set_span(const ix_doc *d, json_t *rec, const char *key, size_t a, size_t b)
{
    size_t oa, ob;
    part_span(d, a, b, &oa, &ob);
    json_t *span = json_array();
    json_array_append_new(span, json_integer((json_int_t)(oa + d->base)));
    json_array_append_new(span, json_integer((json_int_t)(ob + d->base)));
    json_object_set_new_nocheck(rec, key, span);
    if (!strcmp(key, "span")) {
        size_t l;
        char *ev = ix_decode_bytes(d->dec.enc, d->bytes + oa, ob - oa, &l);
        json_object_set_new_nocheck(rec, "evidence", ix_json_strn(ev, l));
        free(ev);
    }
}

size_t ix_doc_sent_at(const ix_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nsent;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].b <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->nsent ? lo : (d->nsent ? d->nsent - 1 : 0);
}

/* ---- boilerplate, title, date ------------------------------------------- */

enum { IX_BODY_PARA = 100 };    /* bytes: longer than a title or a dateline */

static void mark_boilerplate(ix_ctx *c)
{
    ix_doc *d = c->doc;
    const ix_rule_list rl = *ix_rules_fam(c->rules, IX_FAM_BOILERPLATE);
    bool tail = false, body = false;
    size_t marked_block = (size_t)-1;   /* a block already marked whole */
    for (size_t i = 0; i < d->npara; i++) {
        ix_para *p = &d->paras[i];
        if (tail) { p->boilerplate = true; continue; }
        /* A tail ("Topics: ...", "Related") follows the article's body: a
         * header line above it ("Topic: Children's services in Reading",
         * under a transcript's title) is only itself. The body has begun
         * at the first paragraph longer than a title or a dateline. */
        if (i > 0 && !d->paras[i - 1].boilerplate && d->paras[i - 1].b - d->paras[i - 1].a >= IX_BODY_PARA) body = true;
        /* A line repeated straight after itself is a picture caption. */
        if (i + 1 < d->npara) {
            ix_para *q = &d->paras[i + 1];
            if (q->b - q->a == p->b - p->a && !memcmp(d->text + p->a, d->text + q->a, p->b - p->a))
                p->boilerplate = q->boilerplate = true;
        }
        for (size_t k = 0; k < rl.n; k++) {
            ix_match m;
            if (ix_rule_match(rl.r[k], c->scratch, d, p->a, p->b, p->a, false, &m) != 1) continue;
            json_t *sc = json_object_get(rl.r[k]->set, "scope");
            const char *scope = sc ? json_string_value(sc) : "paragraph";
            p->boilerplate = true;
            if (!strcmp(scope, "tail")) tail = body;
            else if (!strcmp(scope, "block") && marked_block != p->block) {
                /* Once per block: marking it again for each matching
                 * paragraph was quadratic in the block's length. */
                marked_block = p->block;
                for (size_t j = i; j-- > 0 && d->paras[j].block == p->block;) d->paras[j].boilerplate = true;
                for (size_t j = i + 1; j < d->npara && d->paras[j].block == p->block; j++) d->paras[j].boilerplate = true;
            }
            break;
        }
    }
}

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *s, size_t l)
{
    if (l >= 3)
        for (int i = 0; i < 12; i++)
            if ((s[0] | 32) == months[i][0] && (s[1] | 32) == months[i][1] && (s[2] | 32) == months[i][2])
                return i + 1;
    long v = 0;
    for (size_t i = 0; i < l; i++) {
        if (!ix_is_digit(s[i])) return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v >= 1 && v <= 12 ? (int)v : 0;
}

/* Finds a dateline in the first paragraphs (patterns/meta.pat, family date). */
static char *find_date(ix_ctx *c)
{
    ix_doc *d = c->doc;
    const ix_rule_list rl = *ix_rules_fam(c->rules, IX_FAM_DATE);
    char *out = NULL;
    for (size_t i = 0; i < d->npara && i < 8 && !out; i++) {
        ix_para *p = &d->paras[i];
        for (size_t k = 0; k < rl.n && !out; k++) {
            ix_match m;
            if (ix_rule_match(rl.r[k], c->scratch, d, p->a, p->b, p->a, false, &m) != 1) continue;
            size_t da, db, ma, mb, ya, yb;
            if (!ix_match_group(&m, "day", &da, &db) || !ix_match_group(&m, "month", &ma, &mb) ||
                !ix_match_group(&m, "year", &ya, &yb)) continue;
            int day = atoi(d->text + da), mon = month_of(d->text + ma, mb - ma);
            int year = atoi(d->text + ya);
            if (yb - ya == 2) year += 2000;
            if (!mon || day < 1 || day > 31 || year < 1990 || year > 2100) continue;
            out = ix_xmalloc(16);
            snprintf(out, 16, "%04d-%02d-%02d", year, mon, day);
        }
    }
    return out;
}

/* A byline or dateline: a date, or two or three capitalised words. */
static bool is_byline(ix_ctx *c, const ix_para *p)
{
    const ix_rule_list rl = *ix_rules_fam(c->rules, IX_FAM_DATE);
    bool date = false;
    for (size_t k = 0; k < rl.n && !date; k++) {
        ix_match m;
        date = ix_rule_match(rl.r[k], c->scratch, c->doc, p->a, p->b, p->a, false, &m) == 1;
    }
    if (date) return true;
    size_t words = 0;
    const char *s = c->doc->text;
    for (size_t i = p->a; i < p->b; i++) {
        if (i == p->a || s[i - 1] == ' ') {
            if (!ix_is_upper(s[i])) return false;
            words++;
        }
    }
    return words >= 2 && words <= 3;
}

/* The headline: the first short paragraph without a final full stop, after
 * any byline or dateline. */
static void find_title(ix_ctx *c, json_t *rec)
{
    ix_doc *d = c->doc;
    if (d->in->title) { json_object_set_new_nocheck(rec, "title", ix_json_str(d->in->title)); return; }
    size_t i = 0;
    while (i < d->npara && i < 3 && is_byline(c, &d->paras[i])) i++;
    if (i >= d->npara) { json_object_set_new_nocheck(rec, "title", json_null()); return; }
    ix_para *p = &d->paras[i];
    size_t l = p->b - p->a;
    if (l >= 8 && l <= 200 && d->text[p->b - 1] != '.' && d->npara > i + 1) {
        p->headline = true;
        char *ev = ix_doc_evidence(d, p->a, p->b);
        /* The title is for people: white space folded like the text. */
        ix_buf b = {0};
        bool sp = false;
        for (char *q = ev; *q; q++) {
            if (ix_is_space(*q)) { sp = b.len > 0; continue; }
            if (sp) ix_buf_putc(&b, ' ');
            sp = false;
            ix_buf_putc(&b, *q);
        }
        ix_buf_grow(&b, 0);
        json_object_set_new_nocheck(rec, "title", ix_json_str(b.s));
        ix_buf_free(&b);
        free(ev);
    } else json_object_set_new_nocheck(rec, "title", json_null());
}

/* ---- the driver ---------------------------------------------------------- */

static json_t *error_record(const ix_input *in, const char *msg)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "type", ix_json_str("error"));
    json_object_set_new_nocheck(o, "doc", ix_json_str(in->doc));
    json_object_set_new_nocheck(o, "source", ix_json_str(in->source));
    json_object_set_new_nocheck(o, "error", ix_json_str(msg));
    return o;
}

void ix_sha256_hex(const unsigned char *p, size_t n, char out[65])
{
    struct sha256_ctx h;
    uint8_t dg[SHA256_DIGEST_SIZE];
    sha256_init(&h);
    sha256_update(&h, n, p);
    sha256_digest(&h, sizeof dg, dg);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[dg[i] >> 4];
        out[2 * i + 1] = hex[dg[i] & 15];
    }
    out[64] = 0;
}

/* ---- a document's text ----------------------------------------------------- */

int ix_doc_open(ix_doc *d, const ix_rules *r, const ix_input *in, size_t base, size_t len, int enc, ix_err *e)
{
    memset(d, 0, sizeof *d);
    d->in = in;
    d->bytes = in->bytes + base;
    d->base = base;
    d->warnings = json_array();
    if (!base && in->warning) json_array_append_new(d->warnings, ix_json_str(in->warning));
    /* decided once for the whole document, by its start */
    d->subtitles = ix_is_subtitles((const char *)in->bytes, in->len < 4096 ? in->len : 4096);
    if (ix_decode_part(d->bytes, len, enc, base, &d->dec, d->warnings, e) < 0) {
        json_decref(d->warnings);
        d->warnings = NULL;
        return -1;
    }
    ix_normalize(d);
    ix_segment(r, d);
    return 0;
}

void ix_doc_close(ix_doc *d)
{
    json_decref(d->warnings);
    free(d->text);
    free(d->paras);
    free(d->sents);
    ix_offmap_free(&d->map);
    ix_decoded_free(&d->dec);
    memset(d, 0, sizeof *d);
}

/* One document, or one part of a large one: bytes [base, base + len) of
 * `in`. The first part (base 0) makes the doc record; later parts add
 * their sentences, tokens and warnings to it (`enc` is the first part's
 * encoding). Returns false when the part is not text at all: `e` says why. */
static bool extract_part(const ix_rules *r, ix_scratch *s, const ix_input *in, size_t base, size_t len,
                         int enc, unsigned types, ix_result *res, json_t **docrec, ix_err *e)
{
    ix_doc d;
    if (ix_doc_open(&d, r, in, base, len, enc, e) < 0) return false;
    ix_prefilter_scan(r, s, &d);

    ix_ctx c = {.rules = r, .scratch = s, .doc = &d, .res = res, .types = types};
    bool long_warned = base && s->long_warned;   /* that warning is once per document */
    ix_scratch_reset(c.scratch);
    s->long_warned = long_warned;
    mark_boilerplate(&c);
    char *date = NULL;
    json_t *rec = *docrec;
    if (!rec) {
        char hex[65];
        ix_sha256_hex(in->bytes, in->len, hex);
        rec = json_object();
        json_object_set_new_nocheck(rec, "type", ix_json_str("doc"));
        json_object_set_new_nocheck(rec, "doc", ix_json_str(in->doc));
        json_object_set_new_nocheck(rec, "source", ix_json_str(in->source));
        json_object_set_new_nocheck(rec, "sha256", ix_json_str(hex));
        json_object_set_new_nocheck(rec, "bytes", json_integer((json_int_t)in->len));
        json_object_set_new_nocheck(rec, "encoding", ix_json_str(ix_encoding_name(d.dec.enc)));
        ix_result_add(res, rec);
        *docrec = rec;
        d.docrec = rec;
        find_title(&c, rec);
        date = in->date ? ix_xstrdup(in->date) : find_date(&c);
        json_object_set_new_nocheck(rec, "date", date ? ix_json_str(date) : json_null());
        if (in->url) json_object_set_new_nocheck(rec, "url", ix_json_str(in->url));
        if (in->outlet) json_object_set_new_nocheck(rec, "outlet", ix_json_str(in->outlet));
        json_object_set_new_nocheck(rec, "sentences", json_integer((json_int_t)d.nsent));
        json_object_set_new_nocheck(rec, "tokens", json_integer((json_int_t)d.ntokens));
    } else {
        d.docrec = rec;
        json_t *v = json_object_get(rec, "date");
        if (json_is_string(v)) date = ix_xstrdup(json_string_value(v));
        json_t *ns = json_object_get(rec, "sentences"), *nt = json_object_get(rec, "tokens");
        json_integer_set(ns, json_integer_value(ns) + (json_int_t)d.nsent);
        json_integer_set(nt, json_integer_value(nt) + (json_int_t)d.ntokens);
    }
    d.date = date;

    c.ratings = json_array();
    ix_extract_council(&c);
    ix_extract_rating(&c);
    ix_extract_quote(&c);            /* before council ratings: they skip quoted hopes */
    ix_extract_council_rating(&c);
    json_decref(c.ratings);
    free(c.rating_spans);
    free(c.quote_spans);
    free(c.mentions);

    json_t *w = json_object_get(rec, "warnings");
    if (w) json_array_extend(w, d.warnings);
    else json_object_set(rec, "warnings", d.warnings);
    free(date);
    ix_doc_close(&d);
    return true;
}

/* Documents larger than this are extracted a part at a time, so that memory
 * is the document plus a part's working set (normalised text, offset maps,
 * sentences, prefilter hits: about four times the part) whatever the
 * document's size. INSPEX_PART_BYTES overrides it (the tests use small
 * parts). */
static size_t part_bytes(void)
{
    static size_t v;
    size_t got = __atomic_load_n(&v, __ATOMIC_RELAXED);
    if (got) return got;
    const char *env = getenv("INSPEX_PART_BYTES");
    char *end;
    unsigned long long x = env ? strtoull(env, &end, 10) : 0;
    got = x >= 64 && env && !*end ? (size_t)x : (size_t)4 << 20;
    __atomic_store_n(&v, got, __ATOMIC_RELAXED);
    return got;
}

/* Where the part starting at `at` ends: after the last blank line within
 * `max` bytes, else after the last line break in its second half, else at a
 * character boundary. Never splits a UTF-8 sequence or a CRLF. */
static size_t part_end(const unsigned char *p, size_t len, size_t at, size_t max)
{
    if (len - at <= max) return len;
    size_t lim = at + max, brk = 0;
    for (size_t i = lim; i > at + max / 2; i--) {
        if (p[i - 1] != '\n') continue;
        if (!brk) brk = i;
        size_t j = i - 1;
        if (j > at && p[j - 1] == '\r') j--;
        if (j > at && p[j - 1] == '\n') return i;          /* a blank line */
    }
    if (brk) return brk;
    while (lim > at + 1 && (p[lim] & 0xC0) == 0x80) lim--;
    return lim;
}

/* Parts of one document each report the councils they mention: one record
 * per council, the first part's, with every part's mentions. The councils
 * kept so far are remembered across parts, so each part's new records are
 * looked at once, against them alone. */
typedef struct councils_kept {
    json_t **rec;            /* borrowed from the result */
    size_t n, cap;
} councils_kept;

static void merge_councils(ix_result *res, size_t from, councils_kept *kept)
{
    size_t out = from;
    for (size_t i = from; i < res->n; i++) {
        json_t *ri = res->recs[i];
        const char *code = json_string_value(json_object_get(ri, "code"));
        bool council = code && !strcmp(json_string_value(json_object_get(ri, "type")), "council");
        json_t *into = NULL;
        for (size_t k = 0; council && k < kept->n && !into; k++)
            if (!strcmp(json_string_value(json_object_get(kept->rec[k], "code")), code)) into = kept->rec[k];
        if (into) {
            json_t *to = json_object_get(into, "mentions"), *more = json_object_get(ri, "mentions");
            for (size_t m = 0; m < json_array_size(more) && json_array_size(to) <= IX_MAX_MENTIONS; m++)
                json_array_append(to, json_array_get(more, m));
            json_decref(ri);
            continue;
        }
        if (council) {
            if (kept->n == kept->cap) {
                kept->cap = kept->cap ? kept->cap * 2 : 32;
                kept->rec = ix_xrealloc(kept->rec, kept->cap * sizeof *kept->rec);
            }
            kept->rec[kept->n++] = ri;
        }
        res->recs[out++] = ri;
    }
    res->n = out;
}

/* A council record holding IX_MAX_MENTIONS + 1 mentions was cut: trim it to
 * IX_MAX_MENTIONS and say so. */
static void cut_mentions(ix_result *res, json_t *warnings)
{
    for (size_t i = 0; i < res->n; i++) {
        json_t *ms = json_object_get(res->recs[i], "mentions");
        if (json_array_size(ms) <= IX_MAX_MENTIONS) continue;
        while (json_array_size(ms) > IX_MAX_MENTIONS) json_array_remove(ms, json_array_size(ms) - 1);
        char msg[256];
        snprintf(msg, sizeof msg, "council %s: more than %d mentions; only the first %d are listed",
                 json_string_value(json_object_get(res->recs[i], "name")), IX_MAX_MENTIONS, IX_MAX_MENTIONS);
        json_array_append_new(warnings, ix_json_str(msg));
    }
}

static void extract_doc(const ix_rules *r, ix_scratch *s, const ix_input *in, unsigned types, ix_result *res)
{
    if (in->error) {
        ix_result_add(res, error_record(in, in->error));
        res->is_error = 1;
        return;
    }
    json_t *docrec = NULL;
    ix_err e = {{0}};
    size_t max = part_bytes(), at = part_end(in->bytes, in->len, 0, max), nparts = 1;
    if (!extract_part(r, s, in, 0, at, -1, types, res, &docrec, &e)) {
        ix_result_add(res, error_record(in, e.msg));
        res->is_error = 1;
        return;
    }
    int enc = ix_encoding_parse(json_string_value(json_object_get(docrec, "encoding")));
    json_t *w = json_object_get(docrec, "warnings");
    councils_kept kept = {0};
    if (at < in->len) merge_councils(res, 0, &kept);
    while (at < in->len) {
        size_t end = part_end(in->bytes, in->len, at, max), from = res->n;
        ix_err pe = {{0}};
        if (!extract_part(r, s, in, at, end - at, enc, types, res, &docrec, &pe)) {
            char msg[640];
            snprintf(msg, sizeof msg, "bytes %zu to %zu not extracted: %s", at, end, pe.msg);
            json_array_append_new(w, ix_json_str(msg));
        }
        at = end;
        nparts++;
        merge_councils(res, from, &kept);   /* now, so that memory holds one capped list per council */
    }
    free(kept.rec);
    cut_mentions(res, w);
    if (nparts > 1) {
        char msg[256];
        snprintf(msg, sizeof msg, "a document of %zu bytes: extracted in %zu parts of at most %zu bytes, "
                 "split at blank lines; totals, speakers and pronouns do not carry across parts", in->len, nparts, max);
        json_array_append_new(w, ix_json_str(msg));
    }
    ix_result_sort(res);
}

ix_result *ix_extract(const ix_rules *r, ix_scratch *s, const ix_input *in, unsigned types)
{
    /* Every jansson value made from here to the return is the result's
     * (record.c): its arena is current meanwhile. */
    ix_result *res = ix_result_new(in->len <= IX_ARENA_DOC);
    ix_arena *was = ix_arena_enter(res->arena);
    extract_doc(r, s, in, types, res);
    ix_arena_enter(was);
    return res;
}

unsigned ix_types_parse(const char *list, ix_err *e)
{
    unsigned m = 0;
    char *dup = ix_xstrdup(list), *save = NULL;
    for (char *t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (!strcmp(t, "rating")) m |= IX_T_RATING;
        else if (!strcmp(t, "council_rating")) m |= IX_T_COUNCIL_RATING;
        else if (!strcmp(t, "quote")) m |= IX_T_QUOTE;
        else if (!strcmp(t, "council")) m |= IX_T_COUNCIL;
        else if (!strcmp(t, "all")) m |= IX_T_ALL;
        else { ix_err_set(e, "unknown record type '%s' (rating, council_rating, quote, council)", t); m = 0; break; }
    }
    free(dup);
    return m;
}

/* ---- `inspex tokens` ----------------------------------------------------- */

typedef struct tokctx {
    const ix_doc *d;
    FILE *out;
    size_t sent;
} tokctx;

static void put_tok(void *ctx, const ix_token *t)
{
    tokctx *k = ctx;
    size_t oa, ob;
    ix_doc_span(k->d, t->a, t->b, &oa, &ob);
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "tok", ix_json_strn(k->d->text + t->a, t->b - t->a));
    json_object_set_new_nocheck(o, "kind", ix_json_str(t->kind == IX_TOK_WORD ? "word" : t->kind == IX_TOK_NUMBER ? "number" : "punct"));
    json_object_set_new_nocheck(o, "sent", json_integer((json_int_t)k->sent));
    json_object_set_new_nocheck(o, "span", json_pack("[II]", (json_int_t)oa, (json_int_t)ob));
    json_dumpf(o, k->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', k->out);
    json_decref(o);
}

int ix_tokens_dump(const ix_rules *r, const ix_input *in, FILE *out, ix_err *e)
{
    ix_doc d;
    if (ix_doc_open(&d, r, in, 0, in->len, -1, e) < 0) return -1;
    ix_scratch *s = ix_scratch_new(r);
    ix_prefilter_scan(r, s, &d);
    ix_ctx c = {.rules = r, .scratch = s, .doc = &d};
    mark_boilerplate(&c);
    for (size_t pi = 0; pi < d.npara; pi++) {
        const ix_para *p = &d.paras[pi];
        size_t oa, ob;
        ix_doc_span(&d, p->a, p->b, &oa, &ob);
        fprintf(out, "{\"para\":%zu,\"span\":[%zu,%zu],\"block\":%zu,\"boilerplate\":%s}\n", pi, oa, ob, p->block,
                p->boilerplate ? "true" : "false");
        for (size_t si = p->first_sent; si < p->first_sent + p->nsent; si++) {
            const ix_sent *st = &d.sents[si];
            ix_doc_span(&d, st->a, st->b, &oa, &ob);
            json_t *o = json_pack("{s:I,s:I,s:[II],s:s%}", "sent", (json_int_t)si, "para", (json_int_t)pi,
                                  "span", (json_int_t)oa, (json_int_t)ob, "text", d.text + st->a, st->b - st->a);
            json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
            fputc('\n', out);
            json_decref(o);
            tokctx k = {&d, out, si};
            ix_tokenize(d.text, st->a, st->b, put_tok, &k);
        }
    }
    ix_scratch_free(s);
    ix_doc_close(&d);
    return ferror(out) ? (ix_err_set(e, "write error"), -1) : 0;
}
