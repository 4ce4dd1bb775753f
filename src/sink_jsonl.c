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

struct ix_sink {
    FILE *fp;
    int fd;
    ix_buf buf;          /* whole documents not written yet */
    int failed;          /* errno of the first failed write, or 0 */
};

ix_sink *ix_sink_jsonl_new(FILE *fp)
{
    ix_sink *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->fp = fp;
    fflush(fp);           /* anything the caller wrote before us goes first */
    s->fd = fileno(fp);
    return s;
}

/* Writes the buffered documents. On failure cuts a regular file back to
 * where this chunk started and returns -1 with errno set. */
static int flush_chunk(ix_sink *s)
{
    if (s->failed) { errno = s->failed; return -1; }
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
            errno = err;
            return -1;
        }
        done += (size_t)k;
    }
    s->buf.len = 0;
    return 0;
}

int ix_sink_write(ix_sink *s, const ix_result *res, ix_err *e)
{
    size_t mark = s->buf.len;
    for (size_t i = 0; i < res->n; i++) {
        char *j = ix_record_dump(res->recs[i]);
        if (!j) {
            s->buf.len = mark;           /* drop the half-built document */
            ix_err_set(e, "cannot serialise a record");
            return -1;
        }
        ix_buf_puts(&s->buf, j);
        ix_buf_putc(&s->buf, '\n');
        free(j);
    }
    if (s->buf.len >= SINK_CHUNK && flush_chunk(s) < 0) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int ix_sink_close(ix_sink *s, ix_err *e)
{
    if (s->buf.len && flush_chunk(s) < 0) {
        ix_err_set(e, "write error: %s", strerror(errno));
        return -1;
    }
    if (s->failed) {
        ix_err_set(e, "write error: %s", strerror(s->failed));
        return -1;
    }
    return 0;
}

void ix_sink_free(ix_sink *s)
{
    if (!s) return;
    ix_buf_free(&s->buf);
    free(s);
}
