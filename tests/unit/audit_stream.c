/* audit_stream.c — the streaming audit reads its records twice (audit.c):
 * pass 2's verdicts rest on the figures pass 1 kept, so a records file that
 * changes between the passes must fail the run, not give verdicts on a
 * mixture. The records come from a source in memory whose second reading
 * can differ from its first: a line added, a line dropped, a figure edited
 * in place (same length, same count: only the content differs), or nothing
 * at all, which must audit as usual. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "audit.h"
#include "tap.h"

/* Lines of a records file, one list per reading. */
typedef struct mem_src {
    const char *const *pass[2];
    size_t n[2];
    int reading;              /* 0 before the first start, then 1, 2 */
    size_t at;
} mem_src;

static int mem_start(void *ctx, ix_err *e)
{
    (void)e;
    mem_src *m = ctx;
    if (m->reading < 2) m->reading++;
    m->at = 0;
    return 0;
}

static int mem_next(void *ctx, const char **s, size_t *len, size_t *line, ix_err *e)
{
    (void)e;
    mem_src *m = ctx;
    int r = m->reading - 1;
    if (m->at >= m->n[r]) return 0;
    *s = m->pass[r][m->at];
    *len = strlen(*s);
    *line = ++m->at;
    return 1;
}

static size_t emitted;
static void count_emit(void *ctx, const ix_audit *a, size_t i)
{
    (void)ctx, (void)a, (void)i;
    emitted++;
}

#define DOC "{\"type\":\"doc\",\"doc\":\"d1\",\"source\":\"no-such-file.txt\",\"sha256\":\"00\",\"bytes\":10}"
#define RATING(n) \
    "{\"type\":\"rating\",\"doc\":\"d1\",\"grade\":\"inadequate\",\"count\":" n ",\"period\":\"2014\"," \
    "\"span\":[0,5],\"evidence\":\"x\",\"rule\":\"ratings/t\"}"

/* Audits a source that reads `a` first and `b` second; returns what
 * ix_audit_stream returned, with its message in `msg`. */
static int audit_twice(ix_rules *r, const char *const *a, size_t na, const char *const *b, size_t nb, char *msg,
                       size_t cap)
{
    mem_src m = {{a, b}, {na, nb}, 0, 0};
    ix_audit_src src = {&m, mem_start, mem_next};
    ix_audit_opts o = {NULL, "text"};
    ix_audit *au = ix_audit_new(r, &o);
    ix_err e = {{0}};
    emitted = 0;
    int rc = ix_audit_stream(au, &src, "mem.jsonl", count_emit, NULL, &e);
    snprintf(msg, cap, "%s", rc < 0 ? e.msg : "");
    ix_audit_free(au);
    return rc;
}

int main(void)
{
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "load patterns/: %s", e.msg);
    if (!r) return DONE();

    const char *orig[] = {DOC, RATING("7"), RATING("12")};
    const char *same[] = {DOC, RATING("7"), RATING("12")};
    const char *edited[] = {DOC, RATING("8"), RATING("12")};      /* same length, same count */
    const char *added[] = {DOC, RATING("7"), RATING("12"), RATING("3")};
    const char *dropped[] = {DOC, RATING("7")};
    char msg[512];

    int rc = audit_twice(r, orig, 3, same, 3, msg, sizeof msg);
    CHECK(rc == 0, "unchanged records audit: rc %d (%s)", rc, msg);
    CHECK(emitted == 3, "unchanged: every record emitted once (%zu)", emitted);

    rc = audit_twice(r, orig, 3, edited, 3, msg, sizeof msg);
    CHECK(rc == -1, "a figure edited in place between the passes fails the run (rc %d)", rc);
    CHECK(strstr(msg, "mem.jsonl: the records changed while they were audited") &&
              strstr(msg, "not the same bytes"),
          "edited: the message names the file and says why: %s", msg);

    rc = audit_twice(r, orig, 3, added, 4, msg, sizeof msg);
    CHECK(rc == -1, "a record added between the passes fails the run (rc %d)", rc);
    CHECK(strstr(msg, "3 records of") && strstr(msg, "then 4 of"), "added: the counts are given: %s", msg);

    rc = audit_twice(r, orig, 3, dropped, 2, msg, sizeof msg);
    CHECK(rc == -1, "a record dropped between the passes fails the run (rc %d)", rc);
    CHECK(strstr(msg, "then 2 of") != NULL, "dropped: the counts are given: %s", msg);

    ix_rules_free(r);
    return DONE();
}
