/* util.c — small shared helpers: error messages, growable buffers and the
 * offset map that ties every derived text back to the original bytes.
 *
 * Allocation failure is not recoverable in a text tool: ix_xmalloc aborts
 * with a message rather than letting NULL travel through the pipeline. */
#include <stdarg.h>
#include <stdlib.h>
#include "internal.h"

void ix_err_set(ix_err *e, const char *fmt, ...)
{
    if (!e) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void *ix_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) { fputs("inspex: out of memory\n", stderr); abort(); }
    return p;
}

void *ix_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) { fputs("inspex: out of memory\n", stderr); abort(); }
    return p;
}

char *ix_xstrndup(const char *s, size_t n)
{
    char *d = ix_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *ix_xstrdup(const char *s) { return ix_xstrndup(s, strlen(s)); }

const char *ix_memfind(const char *s, size_t n, const char *needle, size_t nl)
{
    if (!nl) return s;
    const char *end = s + n;
    for (const char *p = s; (size_t)(end - p) >= nl && (p = memchr(p, needle[0], (size_t)(end - p) - nl + 1)); p++)
        if (!memcmp(p, needle, nl)) return p;
    return NULL;
}

void ix_buf_grow(ix_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    /* A first reservation of a known large size is taken as it is: rounding
     * a whole document up to a power of two could waste as much again. */
    if (!b->cap && b->len + extra + 1 > 65536) cap = b->len + extra + 1;
    while (cap < b->len + extra + 1) cap *= 2;
    b->s = ix_xrealloc(b->s, cap);
    /* Zero the slack: callers may read b->s before any put, and PCRE2's JIT
     * reads a few bytes past the end of a subject (harmlessly, but
     * valgrind cannot tell), so no byte of a buffer is left undefined.
     * Amortised over the doublings this is linear. */
    memset(b->s + b->len, 0, cap - b->len);
    b->cap = cap;
    b->s[b->len] = 0;          /* callers may read b->s as a string at once */
}

void ix_buf_puts(ix_buf *b, const char *s) { ix_buf_put(b, s, strlen(s)); }

char *ix_buf_take(ix_buf *b)
{
    ix_buf_grow(b, 0);
    b->s[b->len] = 0;          /* an empty buffer was never terminated */
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void ix_buf_free(ix_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ---- offset map ---------------------------------------------------------- */

void ix_offmap_add(ix_offmap *m, size_t t, size_t tlen, size_t o, size_t olen)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->e = ix_xrealloc(m->e, m->cap * sizeof *m->e);
    }
    m->e[m->n++] = (ix_edit){t, tlen, o, olen};
}

/* Last edit with e.t <= t (strict: e.t < t), or -1. Edits are appended in
 * increasing t order, so a binary search suffices. */
static long last_edit(const ix_offmap *m, size_t t, bool strict)
{
    long lo = 0, hi = (long)m->n - 1, ans = -1;
    while (lo <= hi) {
        long mid = lo + (hi - lo) / 2;
        size_t et = m->e[mid].t;
        if (strict ? et < t : et <= t) { ans = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return ans;
}

size_t ix_offmap_start(const ix_offmap *m, size_t t)
{
    long i = last_edit(m, t, false);
    if (i < 0) return t;
    const ix_edit *e = &m->e[i];
    if (t < e->t + e->tlen) return e->o;                 /* inside a replacement */
    return e->o + e->olen + (t - e->t - e->tlen);
}

size_t ix_offmap_end(const ix_offmap *m, size_t t)
{
    long i = last_edit(m, t, true);
    if (i < 0) return t;
    const ix_edit *e = &m->e[i];
    if (t <= e->t + e->tlen) return e->o + e->olen;      /* ends inside/at end */
    return e->o + e->olen + (t - e->t - e->tlen);
}

void ix_offmap_free(ix_offmap *m)
{
    free(m->e);
    m->e = NULL;
    m->n = m->cap = 0;
}
