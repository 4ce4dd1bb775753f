/* sink_jsonl.c — the JSON Lines sink: one record per line.
 *
 * A sink takes whole document results, so a document's records are written
 * together. Output goes straight to the file descriptor with write(2), in
 * chunks that end at a document boundary (stdio would flush at arbitrary
 * byte counts). Every write is checked; a failed write (closed pipe, full
 * disk) is returned as an error, never half-reported, and when the output
 * is a regular file the bytes of the failed chunk are cut off again, so the
 * file ends with a complete record line, never a partial one.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

/* Documents are collected up to this many bytes before a write. */
#define SINK_CHUNK (64u * 1024u)

typedef struct jsonl_sink {
    ix_sink base;        /* first: an ix_sink * is a jsonl_sink * */
    FILE *fp;
    int fd;
    ix_buf buf;          /* whole documents not written yet */
    int failed;          /* errno of the first failed write, or 0 */
} jsonl_sink;

static void write_error(ix_err *e, int err)
{
    if (err == EPIPE) ix_err_set(e, "output closed by the reader (broken pipe)");
    else ix_err_set(e, "write error: %s", strerror(err));
}

/* Writes the buffered documents. On failure cuts a regular file back to
 * where this chunk started and returns -1 with `e` filled. */
static int flush_chunk(jsonl_sink *s, ix_err *e)
{
    if (s->failed) { write_error(e, s->failed); return -1; }
    off_t start = lseek(s->fd, 0, SEEK_CUR);      /* -1 for pipes: fine */
    size_t done = 0;
    while (done < s->buf.len) {
        ssize_t k = write(s->fd, s->buf.s + done, s->buf.len - done);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            int err = k < 0 ? errno : EIO;
            struct stat st;
            if (done && start >= 0 && fstat(s->fd, &st) == 0 && S_ISREG(st.st_mode) &&
                ftruncate(s->fd, start) == 0)
                lseek(s->fd, start, SEEK_SET);
            s->failed = err;
            write_error(e, err);
            return -1;
        }
        done += (size_t)k;
    }
    s->buf.len = 0;
    return 0;
}

static int jsonl_write_bytes(ix_sink *base, const char *p, size_t len, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    if (s->failed) { write_error(e, s->failed); return -1; }
    ix_buf_put(&s->buf, p, len);
    return s->buf.len >= SINK_CHUNK ? flush_chunk(s, e) : 0;
}

static int jsonl_write(ix_sink *base, const ix_result *res, ix_err *e)
{
    jsonl_sink *s = (jsonl_sink *)base;
    if (s->failed) { write_error(e, s->failed); return -1; }
    for (size_t i = 0; i < res->n; i++) {
        ix_record_put(&s->buf, res->recs[i]);
        ix_buf_putc(&s->buf, '\n');
    }
    return s->buf.len >= SINK_CHUNK ? flush_chunk(s, e) : 0;
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

static int jsonl_flush(ix_sink *base, ix_err *e)
{
    return flush_chunk((jsonl_sink *)base, e);
}

static int jsonl_close(ix_sink *base, ix_err *e)
{
    return flush_chunk((jsonl_sink *)base, e);
}

static void jsonl_free(ix_sink *base)
{
    jsonl_sink *s = (jsonl_sink *)base;
    ix_buf_free(&s->buf);
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
    fflush(fp);           /* anything the caller wrote before us goes first */
    s->fd = fileno(fp);
    return &s->base;
}
