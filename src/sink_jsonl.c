/* sink_jsonl.c — the JSON Lines sink: one record per line.
 *
 * A sink takes whole document results, so a document's records are written
 * together. Every write is checked; a failed write (closed pipe, full disk)
 * is returned as an error, never half-reported. */
#include <errno.h>
#include <stdlib.h>
#include "internal.h"

struct ix_sink {
    FILE *fp;
    ix_buf line;
};

ix_sink *ix_sink_jsonl_new(FILE *fp)
{
    ix_sink *s = calloc(1, sizeof *s);
    if (s) s->fp = fp;
    return s;
}

int ix_sink_write(ix_sink *s, const ix_result *res, ix_err *e)
{
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

char *ix_sink_render(const ix_sink *s, const ix_result *res, size_t *len)
{
    (void)s;
    ix_buf b = {0};
    for (size_t i = 0; i < res->n; i++) {
        ix_record_put(&b, res->recs[i]);
        ix_buf_putc(&b, '\n');
    }
    *len = b.len;
    return ix_buf_take(&b);
}

int ix_sink_write_bytes(ix_sink *s, const char *p, size_t len, ix_err *e)
{
    if (len && fwrite(p, 1, len, s->fp) != len) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int ix_sink_flush(ix_sink *s, ix_err *e)
{
    if (fflush(s->fp) != 0) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int ix_sink_close(ix_sink *s, ix_err *e)
{
    if (fflush(s->fp) != 0 || ferror(s->fp)) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

void ix_sink_free(ix_sink *s)
{
    if (!s) return;
    ix_buf_free(&s->line);
    free(s);
}
