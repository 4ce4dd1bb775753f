/* fuzz_numbers.c — libFuzzer harness for the number parser (numbers.c):
 * ix_number_parse and ix_quantity_parse on arbitrary phrases with the real
 * lexicon (patterns/numbers.tsv). Checks: no overflow (UBSan), counts and
 * totals never negative, a share is a finite fraction, a count never
 * exceeds its total. */
#include <math.h>
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ix_lexicon *lx = ix_rules_lexicon(fz_rules());
    const char *s = (const char *)data;
    long v;
    if (ix_number_parse(lx, s, size, &v)) FZ_CHECK(v >= 0, "negative cardinal %ld", v);
    ix_quantity q;
    if (ix_quantity_parse(lx, s, size, &q)) {
        FZ_CHECK(q.has_count || q.has_share, "understood but gave nothing");
        if (q.has_count) FZ_CHECK(q.count >= 0, "negative count %ld", q.count);
        if (q.has_total) FZ_CHECK(q.total > 0 && q.count <= q.total, "count %ld of total %ld", q.count, q.total);
        if (q.has_share) FZ_CHECK(isfinite(q.share) && q.share >= 0, "share %g", q.share);
    }
    return 0;
}
