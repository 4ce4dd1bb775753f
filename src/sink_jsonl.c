/* sink_jsonl.c — the JSON Lines sink: one record per line.
 *
 * A sink takes whole document results, so a document's records are written
 * together. Every write is checked; a failed write (closed pipe, full disk)
 * is returned as an error, never half-reported. */
#include <errno.h>
#include <stdlib.h>
#include "internal.h"

typedef struct jsonl_sink {
    ix_sink base;        /* first: an ix_sink * is a jsonl_sink * */
    FILE *fp;
    ix_buf line;
} jsonl_sink;

static int jsonl_write(ix_sink *base, const ix_result *res, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    /* Build the document's lines first, then write them in one call, so a
     * failure leaves at worst a truncated document, never an interleaving. */
    s->line.len = 0;
    for (size_t i = 0; i < res->n; i++) {
        ix_record_put(&s->line, res->recs[i]);
        ix_buf_putc(&s->line, '\n');
    }
    if (s->line.len && fwrite(s->line.s, 1, s->line.len, s->fp) != s->line.len) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static char *jsonl_render(const ix_sink *base, const ix_result *res, size_t *len)
{
    (void)base;
    ix_buf b = {0};
    for (size_t i = 0; i < res->n; i++) {
        ix_record_put(&b, res->recs[i]);
        ix_buf_putc(&b, '\n');
    }
    *len = b.len;
    return ix_buf_take(&b);
}

static int jsonl_write_bytes(ix_sink *base, const char *p, size_t len, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    if (len && fwrite(p, 1, len, s->fp) != len) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int jsonl_flush(ix_sink *base, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    if (fflush(s->fp) != 0) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int jsonl_close(ix_sink *base, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    if (fflush(s->fp) != 0 || ferror(s->fp)) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static void jsonl_free(ix_sink *base)
{
    jsonl_sink *s = (jsonl_sink *)base;
    ix_buf_free(&s->line);
    free(s);
}

static const ix_sink_ops jsonl_ops = {
    .name = "jsonl", .write = jsonl_write, .close = jsonl_close, .free = jsonl_free,
    .render = jsonl_render, .write_bytes = jsonl_write_bytes, .flush = jsonl_flush,
};

ix_sink *ix_sink_jsonl_new(FILE *fp)
{
    jsonl_sink *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->base.ops = &jsonl_ops;
    s->fp = fp;
    return &s->base;
}
