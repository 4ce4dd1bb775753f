/* swar.c — the eight- and sixteen-bytes-at-a-time tests in internal.h
 * against the plain byte loops they stand for.
 *
 * Decoding, segmenting, normalising and escaping output skip text with
 * them, so a
 * test that says "nothing here" when a byte does qualify would silently
 * change records. Words are drawn from the bytes where the tests change
 * answer (0x00, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xFF, the searched
 * bytes and their neighbours) as well as at random, so every borrow and
 * carry between neighbouring bytes is met.
 */
#include <stdint.h>
#include "internal.h"
#include "tap.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const unsigned char edge[] = {0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x2E, 0x21, 0x3C, 0x3F, 0x5C,
                                     0x7E, 0x7F, 0x80, 0x81, 0xC2, 0xFE, 0xFF, 'a', 'Z', 'A', 'z', '@', '[', '`', '{', 0xC1, 0xDA, 0xE1, 0xFA};

static int byte_at(uint64_t v, int k) { return (int)((v >> (8 * k)) & 0xFF); }

/* n bytes, three in four from the edges, the rest at random */
static void fill(unsigned char *b, int n)
{
    for (int k = 0; k < n; k++) {
        uint64_t r = next();
        b[k] = (r & 3) ? edge[(r >> 8) % sizeof edge] : (unsigned char)(r >> 16);
    }
}

int main(void)
{
    long bad_less = 0, bad_byte = 0, bad_more = 0, bad_eq = 0, bad_alpha = 0, bad_count = 0, bad_upper = 0,
         bad_cont = 0, n = 0;
    for (long it = 0; it < 2000000; it++) {
        unsigned char b[8];
        fill(b, 8);
        uint64_t v = ix_load8((const char *)b);
        n++;
        static const unsigned lim[] = {0x01, 0x20, 0x21, 0x80};
        for (size_t q = 0; q < sizeof lim / sizeof *lim; q++) {
            bool want = false;
            for (int k = 0; k < 8; k++) want |= byte_at(v, k) < (int)lim[q];
            if ((ix_has_less8(v, lim[q]) != 0) != want) bad_less++;
        }
        static const unsigned char find[] = {'.', '!', '?', '"', '\\', '<', ' ', 0x00, 0xFF};
        for (size_t q = 0; q < sizeof find; q++) {
            bool want = false;
            uint64_t mask = 0;
            for (int k = 0; k < 8; k++)
                if (byte_at(v, k) == find[q]) { want = true; mask |= (uint64_t)0x80 << (8 * k); }
            if ((ix_has_byte8(v, find[q]) != 0) != want) bad_byte++;
            if (ix_bytes_eq8(v, find[q]) != mask) bad_eq++;
        }
        uint64_t alpha = 0;
        for (int k = 0; k < 8; k++) {
            int c = byte_at(v, k);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) alpha |= (uint64_t)0x80 << (8 * k);
        }
        if (ix_bytes_alpha8(v) != alpha) bad_alpha++;
        uint64_t upper = 0, cont = 0;
        for (int k = 0; k < 8; k++) {
            int c = byte_at(v, k);
            if (c >= 'A' && c <= 'Z') upper |= (uint64_t)0x80 << (8 * k);
            if ((c & 0xC0) == 0x80) cont |= (uint64_t)0x80 << (8 * k);
        }
        if (ix_bytes_upper8(v) != upper) bad_upper++;
        if (ix_bytes_cont8(v) != cont) bad_cont++;
        size_t bits = 0;
        for (int k = 0; k < 8; k++) bits += (size_t)((alpha >> (8 * k + 7)) & 1);
        if (ix_count8(alpha) != bits) bad_count++;
        static const unsigned over[] = {0x00, 0x7E, 0x7F - 1};
        for (size_t q = 0; q < sizeof over / sizeof *over; q++) {
            bool want = false;
            for (int k = 0; k < 8; k++) want |= byte_at(v, k) > (int)over[q];
            if ((ix_has_more8(v, over[q]) != 0) != want) bad_more++;
        }
    }
    CHECK(bad_less == 0, "ix_has_less8 wrong on %ld of %ld words", bad_less, n);
    CHECK(bad_byte == 0, "ix_has_byte8 wrong on %ld of %ld words", bad_byte, n);
    CHECK(bad_eq == 0, "ix_bytes_eq8 wrong on %ld of %ld words", bad_eq, n);
    CHECK(bad_alpha == 0, "ix_bytes_alpha8 wrong on %ld of %ld words", bad_alpha, n);
    CHECK(bad_upper == 0, "ix_bytes_upper8 wrong on %ld of %ld words", bad_upper, n);
    CHECK(bad_cont == 0, "ix_bytes_cont8 wrong on %ld of %ld words", bad_cont, n);
    CHECK(bad_count == 0, "ix_count8 wrong on %ld of %ld words", bad_count, n);
    CHECK(bad_more == 0, "ix_has_more8 wrong on %ld of %ld words", bad_more, n);

    /* The sixteen-byte masks (SSE2, or the words packed: swar_portable
     * builds this file with IX_NO_SIMD) against the byte loops. */
    long bad_v_eq = 0, bad_v_in = 0, bad_v_high = 0, bad_v_alpha = 0, bad_bits = 0, nv = 0;
    static const unsigned char ranges[][2] = {{0x20, 0x7E}, {0x20, 0x7F}, {0x21, 0x7E}, {0x00, 0x1F}, {'0', '9'},
                                              {'A', 'Z'}, {0x80, 0xBF}, {0x00, 0xFF}, {0xFF, 0xFF}, {0x00, 0x00}};
    for (long it = 0; it < 500000; it++) {
        unsigned char b[16];
        fill(b, 16);
        ix_v16 v = ix_v16_load((const char *)b);
        nv++;
        static const unsigned char find[] = {'.', '"', '\\', '<', ' ', '-', '\'', '$', 0x00, 0xFF, 0x80};
        for (size_t q = 0; q < sizeof find; q++) {
            unsigned want = 0;
            for (int k = 0; k < 16; k++) want |= (unsigned)(b[k] == find[q]) << k;
            if (ix_v16_eq(v, find[q]) != want) bad_v_eq++;
        }
        for (size_t q = 0; q < sizeof ranges / sizeof *ranges; q++) {
            unsigned want = 0;
            for (int k = 0; k < 16; k++) want |= (unsigned)(b[k] >= ranges[q][0] && b[k] <= ranges[q][1]) << k;
            if (ix_v16_in(v, ranges[q][0], ranges[q][1]) != want) bad_v_in++;
        }
        unsigned high = 0, alpha = 0;
        for (int k = 0; k < 16; k++) {
            high |= (unsigned)(b[k] >= 0x80) << k;
            alpha |= (unsigned)((b[k] >= 'A' && b[k] <= 'Z') || (b[k] >= 'a' && b[k] <= 'z')) << k;
        }
        if (ix_v16_high(v) != high) bad_v_high++;
        if (ix_v16_alpha(v) != alpha) bad_v_alpha++;
        unsigned m = (unsigned)(next() & 0xFFFF), bits = 0;
        for (int k = 0; k < 16; k++) bits += (m >> k) & 1;
        if (ix_bits16(m) != bits) bad_bits++;
    }
    CHECK(bad_v_eq == 0, "ix_v16_eq wrong on %ld of %ld blocks", bad_v_eq, nv);
    CHECK(bad_v_in == 0, "ix_v16_in wrong on %ld of %ld blocks", bad_v_in, nv);
    CHECK(bad_v_high == 0, "ix_v16_high wrong on %ld of %ld blocks", bad_v_high, nv);
    CHECK(bad_v_alpha == 0, "ix_v16_alpha wrong on %ld of %ld blocks", bad_v_alpha, nv);
    CHECK(bad_bits == 0, "ix_bits16 wrong on %ld of %ld masks", bad_bits, nv);

    /* ix_find3 against the byte loop: every start and end of random strings
     * of edge bytes, the sets of sentence ends and quotation marks. */
    long bad_find = 0, nfind = 0;
    static const char sets[2][3] = {{'.', '!', '?'}, {'"', '\'', '\''}};
    for (int it = 0; it < 1500; it++) {
        char str[56];
        size_t len = next() % sizeof str;
        for (size_t k = 0; k < len; k++) {
            uint64_t r = next();
            str[k] = (char)((r & 7) ? edge[(r >> 8) % sizeof edge] : (r & 8) ? '.' : '\'');
        }
        for (int q = 0; q < 2; q++)
            for (size_t i = 0; i <= len; i++)
                for (size_t e = i; e <= len; e++) {
                    const char *c = sets[q];
                    size_t want = i;
                    while (want < e && str[want] != c[0] && str[want] != c[1] && str[want] != c[2]) want++;
                    if (ix_find3(str, i, e, c[0], c[1], c[2]) != want) bad_find++;
                    nfind++;
                }
    }
    CHECK(bad_find == 0, "ix_find3 wrong on %ld of %ld searches", bad_find, nfind);
    return DONE();
}
