/* decode.c — raw document bytes -> valid UTF-8, with a map back to the bytes.
 *
 * Consumes: the bytes exactly as read. Produces: an ix_decoded (UTF-8 text,
 * its encoding, an offset map decoded -> original) and warnings.
 *
 * Policy, chosen so that `evidence` can always be recomputed from the bytes
 * (the audit and check-spans.py do exactly that):
 *   - a UTF-8 BOM is dropped; UTF-16/32 BOMs are refused (not our encodings);
 *   - valid UTF-8 stays as it is;
 *   - text that is not valid UTF-8 and shows no valid multi-byte sequence is
 *     read as Windows-1252 (what Word and old CMSs write), with a warning;
 *   - otherwise invalid sequences become U+FFFD, one per maximal invalid
 *     subsequence (Unicode's recommended practice, which Python follows);
 *   - mostly-binary content is refused: it is not an article.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <strings.h>
#include "internal.h"

/* Windows-1252 0x80..0x9F; 0xFFFD where the code page leaves a hole (the
 * same holes Python's cp1252 codec has). 0xA0..0xFF equal Latin-1. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

const char *ix_encoding_name(ix_encoding enc)
{
    return enc == IX_ENC_CP1252 ? "windows-1252" : "utf-8";
}

int ix_encoding_parse(const char *name)
{
    if (!name) return -1;
    if (!strcasecmp(name, "utf-8") || !strcasecmp(name, "utf8")) return IX_ENC_UTF8;
    if (!strcasecmp(name, "windows-1252") || !strcasecmp(name, "cp1252")) return IX_ENC_CP1252;
    return -1;
}

static void put_cp(ix_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else { u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    ix_buf_put(b, u, n);
}

static uint32_t cp1252_cp(unsigned char c)
{
    if (c < 0x80) return c;
    if (c < 0xA0) return cp1252_hi[c - 0x80];
    return c;
}

/* Shared by whole-document decoding and `evidence`: identical rules both ways. */
static void decode_into(ix_encoding enc, const unsigned char *p, size_t len,
                        size_t base, ix_buf *out, ix_offmap *map)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII fast path: copy the run in one go. */
        size_t j = i;
        while (j < len && p[j] < 0x80) j++;
        if (j > i) { ix_buf_put(out, p + i, j - i); i = j; continue; }
        size_t t = out->len;
        if (enc == IX_ENC_CP1252) {
            put_cp(out, cp1252_cp(p[i]));
            if (map) ix_offmap_add(map, t, out->len - t, base + i, 1);
            i++;
            continue;
        }
        int k = ix_utf8_seq(p + i, len - i);
        if (k > 0) { ix_buf_put(out, p + i, (size_t)k); i += (size_t)k; continue; }
        put_cp(out, 0xFFFD);
        if (map) ix_offmap_add(map, t, 3, base + i, (size_t)-k);
        i += (size_t)-k;
    }
}

char *ix_decode_bytes(ix_encoding enc, const unsigned char *p, size_t len,
                      size_t *outlen)
{
    ix_buf b = {0};
    ix_buf_grow(&b, len);
    decode_into(enc, p, len, 0, &b, NULL);
    if (outlen) *outlen = b.len;
    return ix_buf_take(&b);
}

static void warnf(json_t *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(json_t *w, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_array_append_new(w, json_string(msg));
}

int ix_decode(const unsigned char *p, size_t len, ix_decoded *out,
              json_t *warnings, ix_err *e)
{
    return ix_decode_part(p, len, -1, 0, out, warnings, e);
}

int ix_decode_part(const unsigned char *p, size_t len, int enc, size_t base,
                   ix_decoded *out, json_t *warnings, ix_err *e)
{
    memset(out, 0, sizeof *out);
    size_t skip = 0;
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        ix_err_set(e, "UTF-16 text (byte-order mark %02X %02X) is not supported: convert it to UTF-8",
                   p[0], p[1]);
        return -1;
    }
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) skip = 3;

    /* One scan: validity, control bytes, NULs. */
    size_t ninvalid = 0, nmulti = 0, nctrl = 0, nnul = 0, first_bad = (size_t)-1, first_nul = 0;
    for (size_t i = skip; i < len;) {
        /* printable ASCII (most of any text) needs no look: sixteen bytes
         * at a time, and in a block with another byte straight to it */
        if (i + 16 <= len) {
            unsigned other = ~ix_v16_in(ix_v16_load((const char *)p + i), 0x20, 0x7F) & 0xFFFFu;
            if (!other) { i += 16; continue; }
            i += (size_t)__builtin_ctz(other);
        }
        unsigned c = p[i];
        if (c < 0x80) {
            if (c == 0) { if (!nnul++) first_nul = i; }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') nctrl++;
            i++;
            continue;
        }
        int k = ix_utf8_seq(p + i, len - i);
        if (k > 0) { nmulti++; i += (size_t)k; }
        else { if (!ninvalid++) first_bad = i; i += (size_t)-k; }
    }
    size_t body = len - skip;
    if (body == 0) warnf(warnings, "empty document (%zu bytes)", len);
    if (body >= 16 && nctrl * 10 > body) {
        ix_err_set(e, "binary data, not text (%zu of %zu bytes are control bytes)", nctrl, body);
        return -1;
    }
    out->enc = IX_ENC_UTF8;
    if (enc == IX_ENC_CP1252 && !ninvalid && nmulti) {
        /* a later part of a Windows-1252 document: every byte >= 0x80 is
         * one character, even where the bytes happen to form UTF-8 */
        ninvalid = 1;
        first_bad = (size_t)-1;
    }
    if (ninvalid) {
        if (enc == IX_ENC_CP1252 || (enc < 0 && (nmulti == 0 || ninvalid > nmulti * 4))) {
            out->enc = IX_ENC_CP1252;
            if (first_bad != (size_t)-1 && enc < 0)
                warnf(warnings, "not valid UTF-8 (first bad byte at %zu): decoded as Windows-1252", base + first_bad);
        } else {
            warnf(warnings, "invalid UTF-8 at byte %zu (replaced with U+FFFD; %zu places)", base + first_bad, ninvalid);
        }
    }
    if (nnul) warnf(warnings, "NUL bytes in text (first at byte %zu; %zu in all): read as spaces", base + first_nul, nnul);

    if (skip) ix_offmap_add(&out->map, 0, 0, 0, skip);
    if (!ninvalid) {
        /* Valid UTF-8 decodes to itself: borrow the bytes instead of copying
         * them (the input outlives the document). */
        out->s = (char *)p + skip;
        out->len = body;
        out->borrowed = true;
        return 0;
    }
    ix_buf b = {0};
    ix_buf_grow(&b, body + body / 8);
    decode_into(out->enc, p + skip, body, skip, &b, &out->map);
    /* decode_into recorded edits relative to output positions; they are
     * already absolute because the output starts at 0 and the base is skip.
     * Without any edit the map must still account for the BOM (added above). */
    out->len = b.len;
    out->s = ix_buf_take(&b);
    return 0;
}

void ix_decoded_free(ix_decoded *d)
{
    if (!d->borrowed) free(d->s);
    ix_offmap_free(&d->map);
    d->s = NULL;
}
