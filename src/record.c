/* record.c — records as JSON objects, in a canonical form.
 *
 * Every record is a jansson object whose keys are inserted in SCHEMA order
 * (type, doc, then the type's own fields, then span, evidence, rule), and is
 * dumped with insertion order preserved, compact separators and shortest
 * round-trip reals: the same input gives the same bytes out.
 *
 * A result holds the doc (or error) record first, then the document's other
 * records sorted by type and span.
 *
 * Ownership: a result owns its records, and the records of a document of
 * up to IX_ARENA_DOC bytes live in the result's arena: every jansson
 * allocation made while ix_extract works on it comes from there, and
 * ix_result_free releases them together. A record must not outlive its
 * result (no json_incref past ix_result_free).
 */
#include <stdint.h>
#include <stdlib.h>
#include "internal.h"

/* ---- the records' arena ---------------------------------------------------
 *
 * A record is a dozen small jansson allocations (the object, its table, each
 * key, string and integer); a dense document makes hundreds, and malloc and
 * free for them were 5% of the time of a dense dump. In the arena an
 * allocation is a pointer bump and a free of one is nothing.
 *
 * jansson has one pair of allocation functions for the whole process; ours
 * (installed before main) allocate from the calling thread's current arena
 * when there is one, else with malloc. A free is a no-op for a block inside
 * the current arena and free() for any other: a record is only ever freed
 * with its arena current (during ix_extract, or in ix_result_free, which
 * makes it so). Blocks are not tagged, so memory kept outside any arena
 * (the rules' constant fields, the audit's records) costs nothing extra.
 *
 * Only documents of up to IX_ARENA_DOC bytes get an arena: a larger one
 * can make millions of records, among them garbage (records merged away,
 * replaced values) that the heap would give back and an arena holds to
 * the end. Chunks double from ARENA_FIRST to ARENA_MAX bytes, so a
 * document's arena has few of them and the range test in the free is a
 * short walk. */

enum { ARENA_FIRST = 16u << 10, ARENA_MAX = 1u << 20, ARENA_ALIGN = 16 };

typedef struct arena_chunk {
    struct arena_chunk *prev;    /* the chunk filled before this one */
    char *at, *end;              /* free space: [at, end) */
} arena_chunk;

struct ix_arena {
    arena_chunk *top;            /* the chunk being filled */
    size_t next;                 /* the size of the next chunk */
    size_t used, held;           /* bytes handed out, and in chunks (for tests) */
};

static _Thread_local ix_arena *arena_cur;

static size_t chunk_head(void) { return (sizeof(arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1); }

static void *arena_alloc(ix_arena *A, size_t n)
{
    if (n > SIZE_MAX / 2) return NULL;          /* as malloc would: no wrap-around below */
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_chunk *c = A->top;
    if (!c || (size_t)(c->end - c->at) < n) {
        size_t size = A->next;
        bool own = size - chunk_head() < n;     /* a block bigger than a chunk: a chunk of its own */
        if (own) size = chunk_head() + n;
        c = malloc(size);
        if (!c) return NULL;
        c->at = (char *)c + chunk_head();
        c->end = (char *)c + size;
        A->held += size;
        if (own && A->top) {                    /* under the top one, which keeps its free space */
            c->prev = A->top->prev;
            A->top->prev = c;
        } else {
            c->prev = A->top;
            A->top = c;
            if (!own && A->next < ARENA_MAX) A->next *= 2;
        }
    }
    void *p = c->at;
    c->at += n;
    A->used += n;
    return p;
}

static bool arena_owns(const ix_arena *A, const void *p)
{
    for (const arena_chunk *c = A->top; c; c = c->prev)
        if ((const char *)p >= (const char *)c + chunk_head() && (const char *)p < c->end) return true;
    return false;
}

static void *records_malloc(size_t n) { return arena_cur ? arena_alloc(arena_cur, n) : malloc(n); }

static void records_free(void *p)
{
    if (p && arena_cur && arena_owns(arena_cur, p)) return;
    free(p);
}

/* Before main, so that every jansson value of the process is made and
 * freed through the same pair. */
__attribute__((constructor)) static void records_alloc_init(void)
{
    json_set_alloc_funcs(records_malloc, records_free);
}

ix_arena *ix_arena_enter(ix_arena *A)
{
    ix_arena *was = arena_cur;
    arena_cur = A;
    return was;
}

static void arena_free(ix_arena *A)
{
    if (!A) return;
    for (arena_chunk *c = A->top, *prev; c; c = prev) {
        prev = c->prev;
        free(c);
    }
    free(A);
}

size_t ix_result_arena_bytes(const ix_result *res, size_t *held)
{
    if (held) *held = res && res->arena ? res->arena->held : 0;
    return res && res->arena ? res->arena->used : 0;
}

json_t *ix_record_new(const char *type, const ix_doc *d)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "type", ix_json_str(type));
    json_object_set_new_nocheck(o, "doc", ix_json_str(d->in->doc));
    return o;
}

/* Strings for records. jansson checks every string it is given for valid
 * UTF-8, byte by byte; most of ours are plain ASCII, which is valid by
 * definition, and that is seen sixteen bytes at a time. Anything else still
 * goes through jansson's check. NULL in, NULL out, as json_string. */
json_t *ix_json_strn(const char *s, size_t n)
{
    if (!s) return NULL;
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        if (ix_v16_high(ix_v16_load(s + i))) return json_stringn(s, n);
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return json_stringn(s, n);
    return json_stringn_nocheck(s, n);
}

json_t *ix_json_str(const char *s) { return s ? ix_json_strn(s, strlen(s)) : NULL; }

ix_result *ix_result_new(bool with_arena)
{
    ix_result *r = calloc(1, sizeof *r);
    if (!r) abort();
    if (with_arena) {
        r->arena = calloc(1, sizeof *r->arena);
        if (!r->arena) abort();
        r->arena->next = ARENA_FIRST;
    }
    return r;
}

void ix_result_add(ix_result *res, json_t *rec)
{
    if (res->n == res->cap) {
        res->cap = res->cap ? res->cap * 2 : 16;
        res->recs = ix_xrealloc(res->recs, res->cap * sizeof *res->recs);
    }
    res->recs[res->n++] = rec;
}

void ix_result_free(ix_result *res)
{
    if (!res) return;
    /* the records' blocks are the arena's: their frees must see it */
    ix_arena *was = ix_arena_enter(res->arena);
    for (size_t i = 0; i < res->n; i++) json_decref(res->recs[i]);
    ix_arena_enter(was);
    arena_free(res->arena);
    free(res->recs);
    free(res);
}

/* The sort reads each record's type and span once, not once per
 * comparison (jansson lookups and a strcmp of the type were most of the
 * sort's time); the canonical text, needed only to order records of the
 * same type and span, is made on first use and kept. */
typedef struct sortkey {
    json_t *rec;
    int rank;
    json_int_t a, b;
    char *text;              /* ix_record_dump(rec), made lazily */
} sortkey;

static int type_rank(const json_t *r)
{
    const char *t = json_string_value(json_object_get(r, "type"));
    static const char *order[] = {"doc", "error", "council", "rating", "council_rating", "quote"};
    for (int i = 0; i < 6; i++)
        if (t && !strcmp(t, order[i])) return i;
    return 6;
}

static int cmp_key(const void *pa, const void *pb)
{
    /* The keys are the caller's array (not const data): the lazily made
     * text is stored back into them. */
    sortkey *a = (sortkey *)pa, *b = (sortkey *)pb;
    if (a->rank != b->rank) return a->rank - b->rank;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    /* Same type and span: fall back to the full text so order is total. */
    if (!a->text) a->text = ix_record_dump(a->rec);
    if (!b->text) b->text = ix_record_dump(b->rec);
    return strcmp(a->text, b->text);
}

void ix_result_sort(ix_result *res)
{
    if (res->n <= 2) return;
    size_t n = res->n - 1;
    sortkey *k = ix_xmalloc(n * sizeof *k);
    for (size_t i = 0; i < n; i++) {
        json_t *r = res->recs[i + 1], *sp = json_object_get(r, "span");
        k[i] = (sortkey){r, type_rank(r), sp ? json_integer_value(json_array_get(sp, 0)) : -1,
                         sp ? json_integer_value(json_array_get(sp, 1)) : -1, NULL};
    }
    qsort(k, n, sizeof *k, cmp_key);
    for (size_t i = 0; i < n; i++) {
        res->recs[i + 1] = k[i].rec;
        free(k[i].text);
    }
    free(k);
}

/* ---- serialising -----------------------------------------------------------
 * The bytes are exactly json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER |
 * JSON_REAL_PRECISION(6)) (tests/unit/record_put.c compares the two), written
 * straight into the caller's buffer: json_dumps went through a callback per
 * piece and a malloc per record, a tenth of the run time. Keys in insertion
 * order; strings escaped as jansson does (\" \\ \b \f \n \r \t, other controls
 * as \u00XX in upper-case hex, everything else as UTF-8); reals as %.6g with
 * ".0" added when there is neither '.' nor 'e', exponent without '+' or
 * leading zeros. */

static void put_string(ix_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    ix_buf_grow(b, n + 2);
    b->s[b->len++] = '"';
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        /* Sixteen bytes at a time while none needs escaping (no control
         * byte, '"' or '\\'), and in a block with one straight to it.
         * Strings are mostly plain text. */
        while (i + 16 <= n) {
            ix_v16 v = ix_v16_load(s + i);
            unsigned esc = ix_v16_in(v, 0x00, 0x1F) | ix_v16_eq(v, '"') | ix_v16_eq(v, '\\');
            unsigned k = esc ? (unsigned)__builtin_ctz(esc) : 16;
            i += k;
            run += k;
            if (esc) break;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        if (run) ix_buf_put(b, s + i - run, run);
        run = 0;
        char e[6] = {'\\', 0};
        size_t k = 2;
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u'; e[2] = '0'; e[3] = '0'; e[4] = hex[c >> 4]; e[5] = hex[c & 15];
            k = 6;
        }
        ix_buf_put(b, e, k);
    }
    if (run) ix_buf_put(b, s + n - run, run);
    ix_buf_putc(b, '"');
}

static void put_real(ix_buf *b, double v)
{
    char t[64];
    int n = snprintf(t, sizeof t - 3, "%.6g", v);
    if (n < 0) n = 0;
    if (!strchr(t, '.') && !strchr(t, 'e')) { memcpy(t + n, ".0", 3); n += 2; }
    char *e = strchr(t, 'e');
    if (e) {
        char *st = e + 1, *end = st + 1;
        if (*st == '-') st++;
        if (*st == '+' || *st == '0') {
            end = st;
            if (*end == '+') end++;
            while (*end == '0' && end[1]) end++;
            memmove(st, end, strlen(end) + 1);
            n = (int)strlen(t);
        }
    }
    ix_buf_put(b, t, (size_t)n);
}

/* Decimal digits written from the end: spans and counts are a third of a
 * record's values, and snprintf was 2% of the run. */
static void put_int(ix_buf *b, json_int_t v)
{
    char t[24], *p = t + sizeof t;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) *--p = '-';
    ix_buf_put(b, p, (size_t)(t + sizeof t - p));
}

void ix_record_put(ix_buf *b, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        ix_buf_putc(b, '{');
        bool first = true;
        for (void *it = json_object_iter((json_t *)v); it; it = json_object_iter_next((json_t *)v, it)) {
            if (!first) ix_buf_putc(b, ',');
            first = false;
            put_string(b, json_object_iter_key(it), json_object_iter_key_len(it));
            ix_buf_putc(b, ':');
            ix_record_put(b, json_object_iter_value(it));
        }
        ix_buf_putc(b, '}');
        break;
    }
    case JSON_ARRAY:
        ix_buf_putc(b, '[');
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i) ix_buf_putc(b, ',');
            ix_record_put(b, json_array_get(v, i));
        }
        ix_buf_putc(b, ']');
        break;
    case JSON_STRING: put_string(b, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: put_int(b, json_integer_value(v)); break;
    case JSON_REAL: put_real(b, json_real_value(v)); break;
    case JSON_TRUE: ix_buf_puts(b, "true"); break;
    case JSON_FALSE: ix_buf_puts(b, "false"); break;
    case JSON_NULL: ix_buf_puts(b, "null"); break;
    }
}

char *ix_record_dump(const json_t *rec)
{
    ix_buf b = {0};
    ix_record_put(&b, rec);
    return ix_buf_take(&b);
}
