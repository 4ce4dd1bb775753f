/* memfind.c — ix_memfind (util.c), the byte search the audit's pass 1 and
 * the speaker parser use, against a plain loop: random text over a
 * three-letter alphabet (so partial matches are everywhere), every needle
 * length from 0 to 4, every start and length of the haystack, a match that
 * ends on the haystack's last byte and one that would run past it. */
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

static const char *naive(const char *s, size_t n, const char *q, size_t ql)
{
    for (size_t i = 0; i + ql <= n; i++)
        if (!memcmp(s + i, q, ql)) return s + i;
    return NULL;
}

int main(void)
{
    srand(7);
    char text[64], needle[4];
    int bad = 0;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof text; i++) text[i] = (char)('a' + rand() % 3);
        for (size_t ql = 0; ql <= sizeof needle; ql++) {
            for (size_t k = 0; k < ql; k++) needle[k] = (char)('a' + rand() % 3);
            for (size_t a = 0; a < sizeof text; a += 5)
                for (size_t n = 0; a + n <= sizeof text; n++)
                    if (ix_memfind(text + a, n, needle, ql) != naive(text + a, n, needle, ql) && bad++ < 5)
                        CHECK(0, "round %d: needle of %zu at %zu+%zu", round, ql, a, n);
        }
    }
    CHECK(bad == 0, "ix_memfind agrees with a byte loop everywhere (%d differences)", bad);
    CHECK(ix_memfind("xxab", 4, "ab", 2) != NULL, "a match on the last bytes is found");
    CHECK(ix_memfind("xxab", 3, "ab", 2) == NULL, "a match running past the end is not");
    CHECK(ix_memfind("", 0, "a", 1) == NULL, "nothing is found in nothing");
    return DONE();
}
