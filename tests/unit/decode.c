/* decode.c — unit tests for decode.c: ix_decode_bytes (SCHEMA's `evidence`
 * decoding) and ix_decode (whole documents: encoding choice, BOM, warnings,
 * offset map).
 *
 * The expected strings were generated once with python3 —
 * bytes.decode('utf-8', 'replace') and bytes.decode('cp1252', 'replace'),
 * which is what shared/tools/check-spans.py and the audit use — and are
 * hard-coded here, so the test needs no Python. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tap.h"

struct dcase {
    const char *in;
    size_t inlen;
    const char *out;
    size_t outlen;
};

static void hex(const char *p, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && k + 4 < cap; i++) k += (size_t)snprintf(buf + k, cap - k, "%02x", (unsigned char)p[i]);
}

/* generated with python3: bytes.decode('utf-8', 'replace') */
static const struct dcase utf8_cases[] = {
    {"\x61\x62\x63", 3, "\x61\x62\x63", 3},
    {"\x63\x61\x66\xc3\xa9\x20\xe2\x80\x9c\x71\x75\x6f\x74\x65\x64\xe2\x80\x9d\x20\xc2\xa3\x32\x62\x6e", 24, "\x63\x61\x66\xc3\xa9\x20\xe2\x80\x9c\x71\x75\x6f\x74\x65\x64\xe2\x80\x9d\x20\xc2\xa3\x32\x62\x6e", 24},
    {"\x80", 1, "\xef\xbf\xbd", 3},
    {"\xc3", 1, "\xef\xbf\xbd", 3},
    {"\xe2\x82", 2, "\xef\xbf\xbd", 3},
    {"\xe2\x82\x58", 3, "\xef\xbf\xbd\x58", 4},
    {"\xf0\x9f\x98", 3, "\xef\xbf\xbd", 3},
    {"\xf0\x9f\x98\x80", 4, "\xf0\x9f\x98\x80", 4},
    {"\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9},
    {"\xed\x9f\xbf", 3, "\xed\x9f\xbf", 3},
    {"\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd", 6},
    {"\xc1\xbf", 2, "\xef\xbf\xbd\xef\xbf\xbd", 6},
    {"\xc2\x7f", 2, "\xef\xbf\xbd\x7f", 4},
    {"\xf4\x90\x80\x80", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 12},
    {"\xf4\x8f\xbf\xbf", 4, "\xf4\x8f\xbf\xbf", 4},
    {"\xf5\x80", 2, "\xef\xbf\xbd\xef\xbf\xbd", 6},
    {"\xff", 1, "\xef\xbf\xbd", 3},
    {"\xfe\xff", 2, "\xef\xbf\xbd\xef\xbf\xbd", 6},
    {"\xe0\x80\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9},
    {"\xe0\x9f\xbf", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9},
    {"\xe0\xa0\x80", 3, "\xe0\xa0\x80", 3},
    {"\xf0\x80\x80\x80", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 12},
    {"\xf0\x8f\xbf\xbf", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 12},
    {"\xe2\x82\xe2\x82\xac", 5, "\xef\xbf\xbd\xe2\x82\xac", 6},
    {"\xef\xbb\xbf\x42\x4f\x4d", 6, "\xef\xbb\xbf\x42\x4f\x4d", 6},
    {"\x61\x00\x62", 3, "\x61\x00\x62", 3},
    {"\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64", 13, "\x61\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\x62\xef\xbf\xbd\x63\xef\xbf\xbd\xef\xbf\xbd\x64", 22},
    {"\x65\x6e\x64\xe2", 4, "\x65\x6e\x64\xef\xbf\xbd", 6},
    {"\x65\x6e\x64\xf0\x9f", 5, "\x65\x6e\x64\xef\xbf\xbd", 6},
    {"\xc3\xa9\xc3", 3, "\xc3\xa9\xef\xbf\xbd", 5},
    {"\x80\x80\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9},
    {"\xe1\x80\x80\x80", 4, "\xe1\x80\x80\xef\xbf\xbd", 6},
    {"\x4f\x66\x73\x74\x65\x64\xe2\x80\x99\x73\x20\x92\x78\x92", 14, "\x4f\x66\x73\x74\x65\x64\xe2\x80\x99\x73\x20\xef\xbf\xbd\x78\xef\xbf\xbd", 18},
    {"", 0, "", 0},
    {"\xf0\x9f\x98\x80\xf0\x9f", 6, "\xf0\x9f\x98\x80\xef\xbf\xbd", 7},
    {"\xed\xbf\xbf\xee\x80\x80", 6, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xee\x80\x80", 12},
};
/* generated with python3: bytes.decode('cp1252', 'replace') */
static const struct dcase cp1252_cases[] = {
    {"\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff", 128, "\xe2\x82\xac\xef\xbf\xbd\xe2\x80\x9a\xc6\x92\xe2\x80\x9e\xe2\x80\xa6\xe2\x80\xa0\xe2\x80\xa1\xcb\x86\xe2\x80\xb0\xc5\xa0\xe2\x80\xb9\xc5\x92\xef\xbf\xbd\xc5\xbd\xef\xbf\xbd\xef\xbf\xbd\xe2\x80\x98\xe2\x80\x99\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\xa2\xe2\x80\x93\xe2\x80\x94\xcb\x9c\xe2\x84\xa2\xc5\xa1\xe2\x80\xba\xc5\x93\xef\xbf\xbd\xc5\xbe\xc5\xb8\xc2\xa0\xc2\xa1\xc2\xa2\xc2\xa3\xc2\xa4\xc2\xa5\xc2\xa6\xc2\xa7\xc2\xa8\xc2\xa9\xc2\xaa\xc2\xab\xc2\xac\xc2\xad\xc2\xae\xc2\xaf\xc2\xb0\xc2\xb1\xc2\xb2\xc2\xb3\xc2\xb4\xc2\xb5\xc2\xb6\xc2\xb7\xc2\xb8\xc2\xb9\xc2\xba\xc2\xbb\xc2\xbc\xc2\xbd\xc2\xbe\xc2\xbf\xc3\x80\xc3\x81\xc3\x82\xc3\x83\xc3\x84\xc3\x85\xc3\x86\xc3\x87\xc3\x88\xc3\x89\xc3\x8a\xc3\x8b\xc3\x8c\xc3\x8d\xc3\x8e\xc3\x8f\xc3\x90\xc3\x91\xc3\x92\xc3\x93\xc3\x94\xc3\x95\xc3\x96\xc3\x97\xc3\x98\xc3\x99\xc3\x9a\xc3\x9b\xc3\x9c\xc3\x9d\xc3\x9e\xc3\x9f\xc3\xa0\xc3\xa1\xc3\xa2\xc3\xa3\xc3\xa4\xc3\xa5\xc3\xa6\xc3\xa7\xc3\xa8\xc3\xa9\xc3\xaa\xc3\xab\xc3\xac\xc3\xad\xc3\xae\xc3\xaf\xc3\xb0\xc3\xb1\xc3\xb2\xc3\xb3\xc3\xb4\xc3\xb5\xc3\xb6\xc3\xb7\xc3\xb8\xc3\xb9\xc3\xba\xc3\xbb\xc3\xbc\xc3\xbd\xc3\xbe\xc3\xbf", 278},
    {"\x93\x48\x65\x6c\x6c\x6f\x94\x20\xa3\x31\x30\x30\x20\x96\x20\x63\x61\x66\xe9", 19, "\xe2\x80\x9c\x48\x65\x6c\x6c\x6f\xe2\x80\x9d\x20\xc2\xa3\x31\x30\x30\x20\xe2\x80\x93\x20\x63\x61\x66\xc3\xa9", 27},
    {"\x81\x8d\x8f\x90\x9d", 5, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 15},
    {"\x70\x6c\x61\x69\x6e", 5, "\x70\x6c\x61\x69\x6e", 5},
    {"", 0, "", 0},
    {"\x81\x78\x8d\x79\x8f\x7a\x90\x9d", 8, "\xef\xbf\xbd\x78\xef\xbf\xbd\x79\xef\xbf\xbd\x7a\xef\xbf\xbd\xef\xbf\xbd", 18},
};

static void run_cases(ix_encoding enc, const struct dcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = 12345;
        char *got = ix_decode_bytes(enc, (const unsigned char *)c[i].in, c[i].inlen, &len);
        int ok = got && len == c[i].outlen && !memcmp(got, c[i].out, len) && got[len] == 0;
        char hin[600], hgot[1200], hwant[1200];
        hex(c[i].in, c[i].inlen, hin, sizeof hin);
        hex(got ? got : "", got ? len : 0, hgot, sizeof hgot);
        hex(c[i].out, c[i].outlen, hwant, sizeof hwant);
        CHECK(ok, "%s decode of %s: got %s, want %s", ix_encoding_name(enc), hin, hgot, hwant);
        free(got);
    }
}

/* Property: for every pair of code-point boundaries a <= b of the decoded
 * text, decoding the original bytes at the mapped span gives back exactly
 * decoded[a, b). That is what makes `evidence` at `span` re-checkable. */
static void check_map(const char *what, const unsigned char *orig, size_t olen, const ix_decoded *d)
{
    size_t bad = 0, tried = 0;
    for (size_t a = 0; a <= d->len; a++) {
        if (a < d->len && ((unsigned char)d->s[a] & 0xC0) == 0x80) continue;
        for (size_t b = a; b <= d->len; b++) {
            if (b < d->len && ((unsigned char)d->s[b] & 0xC0) == 0x80) continue;
            size_t oa = ix_offmap_start(&d->map, a), ob = ix_offmap_end(&d->map, b);
            if (b == a) continue;
            tried++;
            if (oa > ob || ob > olen) { if (!bad++) CHECK(0, "%s: span [%zu,%zu) maps to [%zu,%zu)", what, a, b, oa, ob); continue; }
            size_t l;
            char *ev = ix_decode_bytes(d->enc, orig + oa, ob - oa, &l);
            if (l != b - a || memcmp(ev, d->s + a, l)) {
                if (!bad++)
                    CHECK(0, "%s: decoded [%zu,%zu) \"%.*s\" maps to original [%zu,%zu) which decodes to \"%s\"",
                          what, a, b, (int)(b - a), d->s + a, oa, ob, ev);
            }
            free(ev);
        }
    }
    CHECK(bad == 0 && tried > 0, "%s: %zu of %zu spans map back exactly", what, tried - bad, tried);
}

static int decode_doc(const char *p, size_t n, ix_decoded *d, json_t **w, ix_err *e)
{
    *w = json_array();
    return ix_decode((const unsigned char *)p, n, d, *w, e);
}

static bool warned(json_t *w, const char *needle)
{
    for (size_t i = 0; i < json_array_size(w); i++)
        if (strstr(json_string_value(json_array_get(w, i)), needle)) return true;
    return false;
}

int main(void)
{
    run_cases(IX_ENC_UTF8, utf8_cases, sizeof utf8_cases / sizeof *utf8_cases);
    run_cases(IX_ENC_CP1252, cp1252_cases, sizeof cp1252_cases / sizeof *cp1252_cases);

    /* ix_decode_bytes must not read past len (the input is not NUL-terminated). */
    {
        const unsigned char buf[] = {'a', 0xE2, 0x80, 0x9C};
        size_t l;
        char *got = ix_decode_bytes(IX_ENC_UTF8, buf, 2, &l);
        CHECK(l == 4 && !memcmp(got, "a\xef\xbf\xbd", 4), "a truncated sequence at the end of a slice is one U+FFFD");
        free(got);
    }

    /* encoding names */
    CHECK(!strcmp(ix_encoding_name(IX_ENC_UTF8), "utf-8"), "utf-8 name");
    CHECK(!strcmp(ix_encoding_name(IX_ENC_CP1252), "windows-1252"), "windows-1252 name");
    CHECK(ix_encoding_parse("UTF-8") == IX_ENC_UTF8, "parse UTF-8");
    CHECK(ix_encoding_parse("windows-1252") == IX_ENC_CP1252, "parse windows-1252");
    CHECK(ix_encoding_parse("cp1252") == IX_ENC_CP1252, "parse cp1252");
    CHECK(ix_encoding_parse("latin-1") == -1, "unknown encoding");
    CHECK(ix_encoding_parse(NULL) == -1, "NULL encoding name");

    ix_decoded d;
    json_t *w;
    ix_err e = {{0}};

    /* valid UTF-8: unchanged, no warning, nothing in the map */
    {
        const char *s = "Caf\xc3\xa9 \xe2\x80\x9cgood\xe2\x80\x9d \xc2\xa3" "2bn";
        size_t n = strlen(s);
        int rc = decode_doc(s, n, &d, &w, &e);
        CHECK(rc == 0 && d.enc == IX_ENC_UTF8 && d.len == n && !memcmp(d.s, s, n), "valid UTF-8 unchanged");
        CHECK(json_array_size(w) == 0, "valid UTF-8: no warning");
        CHECK(d.map.n == 0, "valid UTF-8: an empty offset map (%zu edits)", d.map.n);
        check_map("utf-8", (const unsigned char *)s, n, &d);
        ix_decoded_free(&d);
        json_decref(w);
    }

    /* UTF-8 BOM: dropped, offsets still index the original bytes */
    {
        const char *s = "\xef\xbb\xbfHello \xe2\x80\x98world\xe2\x80\x99";
        size_t n = strlen(s);
        int rc = decode_doc(s, n, &d, &w, &e);
        CHECK(rc == 0 && d.enc == IX_ENC_UTF8, "BOM document decodes as UTF-8");
        CHECK(d.len == n - 3 && !memcmp(d.s, s + 3, n - 3), "BOM dropped from the text");
        CHECK(ix_offmap_start(&d.map, 0) == 3, "decoded offset 0 is original byte 3 (got %zu)", ix_offmap_start(&d.map, 0));
        CHECK(ix_offmap_end(&d.map, 5) == 8, "\"Hello\" ends at original byte 8 (got %zu)", ix_offmap_end(&d.map, 5));
        check_map("utf-8 with BOM", (const unsigned char *)s, n, &d);
        ix_decoded_free(&d);
        json_decref(w);
    }

    /* Windows-1252: transcoded, with a warning, and a map that spans bytes */
    {
        const char *s = "\x93Hello,\x94 she said. \xa3" "100 \x96 caf\xe9 \x81.";
        size_t n = strlen(s);
        int rc = decode_doc(s, n, &d, &w, &e);
        CHECK(rc == 0 && d.enc == IX_ENC_CP1252, "Windows-1252 document detected");
        CHECK(warned(w, "Windows-1252"), "Windows-1252: a warning names the encoding");
        size_t l;
        char *want = ix_decode_bytes(IX_ENC_CP1252, (const unsigned char *)s, n, &l);
        CHECK(d.len == l && !memcmp(d.s, want, l), "Windows-1252 text equals ix_decode_bytes of the whole");
        CHECK(!memcmp(d.s, "\xe2\x80\x9cHello,\xe2\x80\x9d", 12), "curly quotes transcoded");
        CHECK(strstr(d.s, "\xef\xbf\xbd.") != NULL, "undefined byte 0x81 became U+FFFD");
        CHECK(ix_offmap_start(&d.map, 3) == 1 && ix_offmap_end(&d.map, 9) == 7,
              "\"Hello,\" is original [1,7) (got [%zu,%zu))", ix_offmap_start(&d.map, 3), ix_offmap_end(&d.map, 9));
        CHECK(ix_offmap_start(&d.map, 9) == 7 && ix_offmap_end(&d.map, 12) == 8,
              "the closing quote is original [7,8) (got [%zu,%zu))", ix_offmap_start(&d.map, 9), ix_offmap_end(&d.map, 12));
        check_map("windows-1252", (const unsigned char *)s, n, &d);
        free(want);
        ix_decoded_free(&d);
        json_decref(w);
    }

    /* Mostly UTF-8 with a stray bad byte: stays UTF-8, U+FFFD, a warning */
    {
        const char *s = "Rotherham\xe2\x80\x99s \xe2\x80\x9creport\xe2\x80\x9d \xff said \xe2\x80\x93 caf\xc3\xa9 \xc3";
        size_t n = strlen(s);
        int rc = decode_doc(s, n, &d, &w, &e);
        CHECK(rc == 0 && d.enc == IX_ENC_UTF8, "mostly-UTF-8 document stays UTF-8");
        CHECK(warned(w, "invalid UTF-8 at byte 27"), "the warning gives the first bad byte (27): %s",
              json_array_size(w) ? json_string_value(json_array_get(w, 0)) : "(none)");
        CHECK(strstr(d.s, " \xef\xbf\xbd said") != NULL, "stray 0xFF became U+FFFD");
        CHECK(d.len >= 3 && !memcmp(d.s + d.len - 3, "\xef\xbf\xbd", 3), "truncated final sequence became U+FFFD");
        check_map("utf-8 with invalid bytes", (const unsigned char *)s, n, &d);
        ix_decoded_free(&d);
        json_decref(w);
    }

    /* Windows-1252 with CRLF line ends: the decoder keeps CR LF as they are */
    {
        const char *s = "Line one \x96 dash\r\nLine two \x85\r\n";
        size_t n = strlen(s);
        int rc = decode_doc(s, n, &d, &w, &e);
        CHECK(rc == 0 && d.enc == IX_ENC_CP1252 && strstr(d.s, "dash\r\nLine") != NULL, "CRLF kept by the decoder");
        check_map("windows-1252 CRLF", (const unsigned char *)s, n, &d);
        ix_decoded_free(&d);
        json_decref(w);
    }

    /* Not text at all: an error, not a crash */
    {
        const char s[] = "\xff\xfeH\0e\0l\0l\0o\0";
        int rc = decode_doc(s, sizeof s - 1, &d, &w, &e);
        CHECK(rc == -1 && strstr(e.msg, "UTF-16"), "UTF-16 refused with a message: %s", e.msg);
        json_decref(w);
        if (rc == 0) ix_decoded_free(&d);
    }
    {
        unsigned char bin[256];
        for (int i = 0; i < 256; i++) bin[i] = (unsigned char)(i % 7);
        int rc = decode_doc((const char *)bin, sizeof bin, &d, &w, &e);
        CHECK(rc == -1 && strstr(e.msg, "binary"), "binary data refused: %s", e.msg);
        json_decref(w);
        if (rc == 0) ix_decoded_free(&d);
    }
    {
        int rc = decode_doc("", 0, &d, &w, &e);
        CHECK(rc == 0 && d.len == 0 && d.s && d.s[0] == 0, "empty document decodes to empty text");
        json_decref(w);
        if (rc == 0) ix_decoded_free(&d);
    }
    return DONE();
}
