/* arena.c — the records' arena (record.c): the jansson values made while a
 * result's arena is current live in it and die with the result; values
 * made outside stay on the heap, whatever arena is current when they are
 * freed; another thread never allocates from this thread's arena. A free
 * that took an arena block for a heap one would crash here (free() of a
 * pointer malloc never returned) or be reported by make check-asan and
 * make valgrind, which run this file too. */
#include <pthread.h>
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

/* A record with strings, numbers and an array, as the extractors make. */
static json_t *record(int i)
{
    json_t *o = json_object();
    char v[32];
    snprintf(v, sizeof v, "value %d", i);
    json_object_set_new(o, "type", json_string("rating"));
    json_object_set_new(o, "text", json_string(v));
    json_t *span = json_array();
    json_array_append_new(span, json_integer(i));
    json_array_append_new(span, json_integer(i + 10));
    json_object_set_new(o, "span", span);
    return o;
}

static void *other_thread(void *arg)
{
    /* this thread has no arena: its values are malloc's */
    json_t **out = arg;
    *out = record(7);
    return NULL;
}

int main(void)
{
    /* 1. values made in the arena, some freed at once (a no-op there),
     * the rest with the result */
    ix_result *res = ix_result_new(true);
    CHECK(res->arena != NULL, "a result with an arena has one");
    ix_arena *was = ix_arena_enter(res->arena);
    CHECK(was == NULL, "no arena was current before");
    for (int i = 0; i < 5000; i++) {
        json_t *r = record(i);
        if (i % 2) json_decref(r);          /* garbage: stays in the arena */
        else ix_result_add(res, r);
    }
    size_t used = ix_result_arena_bytes(res, NULL);
    CHECK(used > 5000 * 64, "the arena holds the values: %zu bytes", used);
    /* a block larger than a chunk gets a chunk of its own, and the chunk
     * being filled keeps its room: the next small value still fits in it */
    size_t bigsz = 3u << 20, held0, held1;
    ix_result_arena_bytes(res, &held0);
    char *big = malloc(bigsz);
    memset(big, 'x', bigsz - 1);
    big[bigsz - 1] = 0;
    json_t *bigs = json_string(big);
    free(big);
    CHECK(bigs && json_string_length(bigs) == bigsz - 1, "a 3 MB string in the arena");
    CHECK(ix_result_arena_bytes(res, NULL) >= used + bigsz, "it was counted: %zu", ix_result_arena_bytes(res, NULL));
    json_t *after = json_string("after the big one");
    ix_result_arena_bytes(res, &held1);
    CHECK(held1 - held0 < bigsz + 1024, "one new chunk, the big block's: %zu bytes more", held1 - held0);
    json_decref(bigs);                      /* freed inside its own chunk: a no-op */
    CHECK(!strcmp(json_string_value(after), "after the big one"), "a value after the big block");
    json_decref(after);

    /* 2. a heap value made before the arena was current, referenced from
     * an arena record: freeing the record leaves it alive; it is freed
     * (not mistaken for an arena block) when its last reference goes,
     * even with an arena current */
    ix_arena_enter(NULL);
    json_t *heap = json_string("made outside");
    ix_arena_enter(res->arena);
    json_object_set(res->recs[0], "shared", heap);
    CHECK(heap->refcount == 2, "shared: refcount %zu", heap->refcount);

    /* 3. another thread's values are not the arena's */
    size_t before = ix_result_arena_bytes(res, NULL);
    json_t *theirs = NULL;
    pthread_t th;
    CHECK(pthread_create(&th, NULL, other_thread, &theirs) == 0, "thread");
    pthread_join(th, NULL);
    CHECK(theirs != NULL && ix_result_arena_bytes(res, NULL) == before,
          "a value made in another thread is not in this one's arena (%zu, %zu)", before,
          ix_result_arena_bytes(res, NULL));
    ix_arena_enter(was);

    /* 4. rendering after the arena is left, then one free for all */
    ix_buf b = {0};
    ix_record_put(&b, res->recs[1]);
    ix_buf_putc(&b, 0);
    CHECK(!strcmp(b.s, "{\"type\":\"rating\",\"text\":\"value 2\",\"span\":[2,12]}"), "render: %s", b.s);
    ix_buf_free(&b);
    ix_result_free(res);
    CHECK(heap->refcount == 1 && !strcmp(json_string_value(heap), "made outside"),
          "the heap value outlives the result");
    ix_arena *a2 = ix_arena_enter(NULL);
    CHECK(a2 == NULL, "ix_result_free left no arena current");
    json_decref(heap);
    json_decref(theirs);

    /* 5. a result without an arena: its values are malloc's */
    res = ix_result_new(false);
    CHECK(res->arena == NULL && ix_result_arena_bytes(res, &held0) == 0 && held0 == 0, "no arena");
    ix_result_add(res, record(1));
    ix_result_free(res);

    /* 6. ix_extract: a small document's records are in its result's
     * arena; one over IX_ARENA_DOC bytes has none, and the same records */
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "rules: %s", e.msg);
    if (!r) return DONE();
    ix_scratch *S = ix_scratch_new(r);
    const char *para = "Seven councils were judged inadequate, Ofsted said. Rotherham was rated good.\n\n";
    ix_input in = {.doc = "small", .source = "small", .bytes = (unsigned char *)para, .len = strlen(para)};
    ix_result *small = ix_extract(r, S, &in, IX_T_ALL);
    CHECK(ix_result_arena_bytes(small, NULL) > 0 && small->n >= 3, "small: %zu bytes of arena, %zu records",
          ix_result_arena_bytes(small, NULL), small->n);
    /* paragraphs told apart by a figure (a repeated paragraph is page
     * boilerplate, a repeated figure one record) */
    ix_buf big_text = {0};
    size_t n = 0;
    while (big_text.len <= IX_ARENA_DOC) {
        char p[160];
        snprintf(p, sizeof p, "%sIn report %zu, %zu more were judged inadequate.\n\n", para, n, n + 100000);
        n++;
        ix_buf_puts(&big_text, p);
    }
    ix_input bin = {.doc = "large", .source = "large", .bytes = (unsigned char *)big_text.s, .len = big_text.len};
    ix_result *large = ix_extract(r, S, &bin, IX_T_RATING);
    CHECK(large->arena == NULL && large->n > n / 2, "large: no arena, %zu records", large->n);
    /* the small document's rating, byte for byte, is the large one's first */
    ix_buf x = {0}, y = {0};
    for (size_t i = 0; i < small->n; i++)
        if (!strcmp(json_string_value(json_object_get(small->recs[i], "type")), "rating")) {
            ix_record_put(&x, small->recs[i]);
            break;
        }
    if (large->n > 1) ix_record_put(&y, large->recs[1]);
    ix_buf_putc(&x, 0);
    ix_buf_putc(&y, 0);
    const char *xs = strstr(x.s, "\"grade\""), *ys = strstr(y.s, "\"grade\"");
    CHECK(xs && ys && !strcmp(xs, ys), "same rating in and out of the arena:\n  %s\n  %s", x.s, y.s);
    ix_buf_free(&x);
    ix_buf_free(&y);
    ix_result_free(small);
    ix_result_free(large);
    ix_buf_free(&big_text);
    ix_scratch_free(S);
    ix_rules_free(r);
    return DONE();
}
