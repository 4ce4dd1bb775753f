/* compress.c — input streams that undo gzip and zstd compression.
 *
 * Consumes a FILE (a file, a pipe, stdin) and produces its bytes,
 * decompressed when the stream's first bytes are a gzip (1f 8b) or zstd
 * (28 b5 2f fd) magic number: detection is by content, so a compressed file
 * with any name, or compressed bytes on stdin, is read the same way. Other
 * bytes pass through unchanged. Concatenated gzip members and zstd frames
 * are read as one stream (what `cat a.gz b.gz` means). A stream that ends
 * inside compressed data, or is corrupt, is an error with a message, never
 * silently short text.
 *
 * Nothing here seeks, so pipes work; the first bytes are read ahead once
 * and are part of the stream. The reader never prints; errors are returned
 * (-1) and described by ix_reader_error().
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include "internal.h"

#define IN_SIZE  (1u << 16)
#define OUT_SIZE (1u << 17)

struct ix_reader {
    FILE *fp;                    /* or NULL: a descriptor alone (ix_reader_new_fd) */
    int fd;                      /* -1: a stream without one (fmemopen) */
    bool close_fp;
    ix_compression comp;
    unsigned char *in;           /* raw bytes read from fp */
    size_t inlen;
    unsigned char *out;          /* decompressed bytes (gzip, zstd) */
    const unsigned char *w;      /* the window callers read from: in or out */
    size_t wpos, wlen;
    bool primed;                 /* `in` holds the read-ahead, not yet windowed */
    bool failed;
    char err[256];
    /* gzip */
    z_stream z;
    bool z_ready, member_done, z_more;
    /* zstd */
    ZSTD_DCtx *zd;
    ZSTD_inBuffer zin;
    size_t zret;                 /* 0 once a frame is complete */
    bool zflush;
};

static ssize_t fail(ix_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    r->failed = true;
    return -1;
}

/* One read(2) of up to n bytes: what is there now, 0 at the end, -1 on an
 * error. Not fread: on a pipe fread waits until the whole 64 KiB buffer is
 * full, so a streaming run (a mapper fed one line at a time) would not see
 * a document until 64 KiB more had arrived. */
static ssize_t raw_read(ix_reader *r, void *buf, size_t n)
{
    if (r->fd < 0) {                   /* a stream without a descriptor (fmemopen) */
        size_t k = fread(buf, 1, n, r->fp);
        return k == 0 && ferror(r->fp) ? -1 : (ssize_t)k;
    }
    for (;;) {
        ssize_t k = read(r->fd, buf, n);
        if (k >= 0 || errno != EINTR) return k;
    }
}

/* Refills `in` from the file: the number of bytes, 0 at its end, -1 on a
 * read error. */
static ssize_t fill_raw(ix_reader *r)
{
    ssize_t k = raw_read(r, r->in, IN_SIZE);
    if (k < 0) return fail(r, "read error: %s", strerror(errno));
    r->inlen = (size_t)k;
    return k;
}

const char *ix_compression_name(ix_compression c)
{
    return c == IX_COMP_GZIP ? "gzip" : c == IX_COMP_ZSTD ? "zstd" : "none";
}

size_t ix_compression_suffix(const char *name)
{
    size_t l = strlen(name);
    if (l > 3 && !strcmp(name + l - 3, ".gz")) return 3;
    if (l > 4 && !strcmp(name + l - 4, ".zst")) return 4;
    return 0;
}

static ix_reader *reader_new(FILE *fp, int fd, int close_it)
{
    ix_reader *r = calloc(1, sizeof *r);
    if (!r) abort();
    r->fp = fp;
    r->fd = fd;
    r->close_fp = close_it;
    r->in = ix_xmalloc(IN_SIZE);
    /* Read ahead until the longest magic number fits (pipes may deliver
     * fewer bytes per read). */
    while (r->inlen < 4) {
        ssize_t k = raw_read(r, r->in + r->inlen, IN_SIZE - r->inlen);
        if (k <= 0) {
            if (k < 0) fail(r, "read error: %s", strerror(errno));
            break;
        }
        r->inlen += (size_t)k;
    }
    const unsigned char *m = r->in;
    if (r->inlen >= 2 && m[0] == 0x1f && m[1] == 0x8b) r->comp = IX_COMP_GZIP;
    else if (r->inlen >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd)
        r->comp = IX_COMP_ZSTD;
    r->primed = true;
    if (r->comp == IX_COMP_GZIP) {
        /* 15 + 16: a gzip wrapper with the largest window. */
        if (inflateInit2(&r->z, 15 + 16) != Z_OK) fail(r, "cannot start gzip decompression");
        else r->z_ready = true;
        r->z.next_in = r->in;
        r->z.avail_in = (uInt)r->inlen;
        r->out = ix_xmalloc(OUT_SIZE);
    } else if (r->comp == IX_COMP_ZSTD) {
        r->zd = ZSTD_createDCtx();
        if (!r->zd) fail(r, "cannot start zstd decompression");
        r->zin = (ZSTD_inBuffer){r->in, r->inlen, 0};
        r->zret = 1;
        r->out = ix_xmalloc(OUT_SIZE);
    }
    return r;
}

ix_reader *ix_reader_new(FILE *fp, int close_fp) { return reader_new(fp, fileno(fp), close_fp); }

/* A file read by its descriptor alone: no FILE to allocate and set up (an
 * fcntl each), which a folder of many small files pays once per file. */
ix_reader *ix_reader_new_fd(int fd, int close_fd) { return reader_new(NULL, fd, close_fd); }

ix_compression ix_reader_compression(const ix_reader *r) { return r->comp; }
const char *ix_reader_error(const ix_reader *r) { return r->failed ? r->err : NULL; }

static ssize_t gzip_step(ix_reader *r)
{
    for (;;) {
        /* Pending output is drained before more input is read, so the end
         * of the file is only judged once zlib has nothing left to give. */
        if (r->z.avail_in == 0 && !r->z_more) {
            ssize_t k = fill_raw(r);
            if (k < 0) return -1;
            if (k == 0) {
                if (r->member_done) return 0;
                return fail(r, "truncated gzip data (the input ends inside the compressed stream)");
            }
            r->z.next_in = r->in;
            r->z.avail_in = (uInt)k;
        }
        if (r->member_done) {          /* another gzip member follows */
            inflateReset(&r->z);
            r->member_done = false;
        }
        r->z.next_out = r->out;
        r->z.avail_out = OUT_SIZE;
        int rc = inflate(&r->z, Z_NO_FLUSH);
        size_t got = OUT_SIZE - r->z.avail_out;
        r->z_more = r->z.avail_out == 0;
        if (rc == Z_STREAM_END) r->member_done = true, r->z_more = false;
        else if (rc == Z_BUF_ERROR && !got && r->z.avail_in && !r->z_more)
            return fail(r, "corrupt gzip data (no progress)");
        else if (rc != Z_OK && rc != Z_BUF_ERROR)
            return fail(r, "corrupt gzip data (%s)", r->z.msg ? r->z.msg : "inflate failed");
        if (got) {
            r->w = r->out;
            r->wpos = 0;
            r->wlen = got;
            return (ssize_t)got;
        }
    }
}

static ssize_t zstd_step(ix_reader *r)
{
    for (;;) {
        if (r->zin.pos == r->zin.size && !r->zflush) {
            ssize_t k = fill_raw(r);
            if (k < 0) return -1;
            if (k == 0) {
                if (r->zret == 0) return 0;
                return fail(r, "truncated zstd data (the input ends inside a frame)");
            }
            r->zin = (ZSTD_inBuffer){r->in, (size_t)k, 0};
        }
        ZSTD_outBuffer o = {r->out, OUT_SIZE, 0};
        size_t ret = ZSTD_decompressStream(r->zd, &o, &r->zin);
        if (ZSTD_isError(ret)) return fail(r, "corrupt zstd data (%s)", ZSTD_getErrorName(ret));
        r->zret = ret;
        r->zflush = o.pos == o.size;
        if (o.pos) {
            r->w = r->out;
            r->wpos = 0;
            r->wlen = o.pos;
            return (ssize_t)o.pos;
        }
    }
}

/* Makes the window non-empty: its length, 0 at the end, -1 on error. */
static ssize_t produce(ix_reader *r)
{
    if (r->failed) return -1;
    if (r->comp == IX_COMP_GZIP) return gzip_step(r);
    if (r->comp == IX_COMP_ZSTD) return zstd_step(r);
    if (!r->primed) {
        ssize_t k = fill_raw(r);
        if (k <= 0) return k;
    }
    r->primed = false;
    r->w = r->in;
    r->wpos = 0;
    r->wlen = r->inlen;
    return (ssize_t)r->wlen;
}

ssize_t ix_reader_read(ix_reader *r, void *buf, size_t n)
{
    if (r->wpos == r->wlen) {
        ssize_t k = produce(r);
        if (k <= 0) return k;
    }
    size_t take = r->wlen - r->wpos < n ? r->wlen - r->wpos : n;
    memcpy(buf, r->w + r->wpos, take);
    r->wpos += take;
    return (ssize_t)take;
}

ssize_t ix_reader_getline(ix_reader *r, char **line, size_t *cap, size_t max)
{
    size_t len = 0;
    bool too_long = false;
    for (;;) {
        if (r->wpos == r->wlen) {
            ssize_t k = produce(r);
            if (k < 0) return -1;
            if (k == 0) break;
        }
        const unsigned char *p = r->w + r->wpos;
        size_t avail = r->wlen - r->wpos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) + 1 : avail;
        if (max && len + take > max) too_long = true;
        if (!too_long) {
            if (len + take + 1 > *cap) {
                size_t c = *cap ? *cap : 256;
                while (c < len + take + 1) c *= 2;
                *line = ix_xrealloc(*line, c);
                *cap = c;
            }
            memcpy(*line + len, p, take);
            len += take;
        }
        r->wpos += take;
        if (nl) break;
    }
    if (too_long) return IX_READER_TOO_LONG;
    if (*line) (*line)[len] = 0;
    return (ssize_t)len;
}

void ix_reader_free(ix_reader *r)
{
    if (!r) return;
    if (r->z_ready) inflateEnd(&r->z);
    ZSTD_freeDCtx(r->zd);
    if (r->close_fp) {
        if (r->fp) fclose(r->fp);
        else close(r->fd);
    }
    free(r->in);
    free(r->out);
    free(r);
}
