/* record.c — records as JSON objects, in a canonical form.
 *
 * Every record is a jansson object whose keys are inserted in SCHEMA order
 * (type, doc, then the type's own fields, then span, evidence, rule), and is
 * dumped with insertion order preserved, compact separators and shortest
 * round-trip reals: the same input gives the same bytes out.
 *
 * A result holds the doc (or error) record first, then the document's other
 * records sorted by type and span.
 */
#include <stdlib.h>
#include "internal.h"

json_t *ix_record_new(const char *type, const ix_doc *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(type));
    json_object_set_new(o, "doc", json_string(d->in->doc));
    return o;
}

ix_result *ix_result_new(void)
{
    ix_result *r = calloc(1, sizeof *r);
    if (!r) abort();
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
    for (size_t i = 0; i < res->n; i++) json_decref(res->recs[i]);
    free(res->recs);
    free(res);
}

static int type_rank(const json_t *r)
{
    const char *t = json_string_value(json_object_get(r, "type"));
    static const char *order[] = {"doc", "error", "council", "rating", "council_rating", "quote"};
    for (int i = 0; i < 6; i++)
        if (t && !strcmp(t, order[i])) return i;
    return 6;
}

static json_int_t span_start(const json_t *r)
{
    json_t *s = json_object_get(r, "span");
    return s ? json_integer_value(json_array_get(s, 0)) : -1;
}

static json_int_t span_end(const json_t *r)
{
    json_t *s = json_object_get(r, "span");
    return s ? json_integer_value(json_array_get(s, 1)) : -1;
}

static int cmp_rec(const void *pa, const void *pb)
{
    const json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
    int ta = type_rank(a), tb = type_rank(b);
    if (ta != tb) return ta - tb;
    json_int_t sa = span_start(a), sb = span_start(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    json_int_t ea = span_end(a), eb = span_end(b);
    if (ea != eb) return ea < eb ? -1 : 1;
    /* Same type and span: fall back to the full text so order is total. */
    char *da = ix_record_dump(a), *db = ix_record_dump(b);
    int c = strcmp(da, db);
    free(da);
    free(db);
    return c;
}

void ix_result_sort(ix_result *res)
{
    if (res->n > 2) qsort(res->recs + 1, res->n - 1, sizeof *res->recs, cmp_rec);
}

char *ix_record_dump(const json_t *rec)
{
    return json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
}
