/* numbers.c — unit tests for ix_number_parse and ix_quantity_parse.
 *
 * The lexicon comes from the project's own patterns/numbers.tsv (loaded with
 * ix_rules_load), so these tests also guard the word list. Each phrase is
 * passed as (pointer, length) inside a longer buffer that is NOT
 * NUL-terminated at the phrase's end, as the extractors call it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "inspex.h"
#include "tap.h"

static const ix_lexicon *lx;

/* Copies s into a buffer followed by junk, so a parser that reads past
 * `len` (or relies on NUL) sees different input. */
static char *slice(const char *s, size_t *len)
{
    *len = strlen(s);
    char *b = malloc(*len + 8);
    memcpy(b, s, *len);
    memcpy(b + *len, " nine9%", 8);
    return b;
}

static void card(const char *s, long want)
{
    size_t n;
    char *b = slice(s, &n);
    long v = -12345;
    int ok = ix_number_parse(lx, b, n, &v);
    CHECK(ok == 1 && v == want, "ix_number_parse(\"%s\") = %d, %ld; want 1, %ld", s, ok, v, want);
    free(b);
}

static void not_card(const char *s)
{
    size_t n;
    char *b = slice(s, &n);
    long v = -12345;
    int ok = ix_number_parse(lx, b, n, &v);
    CHECK(ok == 0, "ix_number_parse(\"%s\") accepted it as %ld; want rejection", s, v);
    free(b);
}

/* Expected quantity: has_count/count, has_share/share, has_total/total;
 * -1 means "must not be set". */
static void qty(const char *s, long count, double share, long total)
{
    size_t n;
    char *b = slice(s, &n);
    ix_quantity q;
    memset(&q, 0x5a, sizeof q);
    int ok = ix_quantity_parse(lx, b, n, &q);
    int good = ok == 1;
    good = good && (count < 0 ? !q.has_count : (q.has_count && q.count == count));
    good = good && (share < 0 ? !q.has_share : (q.has_share && fabs(q.share - share) < 0.0005));
    good = good && (total < 0 ? !q.has_total : (q.has_total && q.total == total));
    CHECK(good, "ix_quantity_parse(\"%s\") = %d {count %d:%ld share %d:%.4f total %d:%ld}; "
          "want count %ld share %.4f total %ld (-1 = unset)", s, ok, q.has_count, q.has_count ? q.count : 0,
          q.has_share, q.has_share ? q.share : 0.0, q.has_total, q.has_total ? q.total : 0, count, share, total);
    free(b);
}

static void not_qty(const char *s)
{
    size_t n;
    char *b = slice(s, &n);
    ix_quantity q;
    int ok = ix_quantity_parse(lx, b, n, &q);
    CHECK(ok == 0, "ix_quantity_parse(\"%s\") accepted it (count %d:%ld share %d:%.4f total %d:%ld); want rejection",
          s, q.has_count, q.count, q.has_share, q.share, q.has_total, q.total);
    free(b);
}

int main(void)
{
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "ix_rules_load(patterns): %s", e.msg);
    if (!r) return DONE();
    lx = ix_rules_lexicon(r);
    CHECK(lx != NULL, "the rules carry a number lexicon");

    /* cardinals in words and digits */
    card("seven", 7);
    card("Seven", 7);
    card("SEVEN", 7);
    card("ten", 10);
    card("nineteen", 19);
    card("twenty-six", 26);
    card("twenty six", 26);
    card("Twenty-Six", 26);
    card("forty", 40);
    card("ninety-nine", 99);
    card("1,400", 1400);
    card("50,000", 50000);
    card("87", 87);
    card("0", 0);
    card("151", 151);
    card("none", 0);
    card("zero", 0);
    card("a dozen", 12);
    card("one hundred", 100);
    card("a hundred", 100);
    card("one hundred and twelve", 112);
    card("two thousand", 2000);

    not_card("");
    not_card(" ");
    not_card("banana");
    not_card("seven banana");
    not_card("banana seven");
    not_card("a quarter");
    not_card("half");
    not_card("44%");
    not_card("12abc");
    not_card("thousand");
    not_card("and");
    not_card("1,4,00");
    not_card("1,4000");
    not_card(",");

    /* cardinals as quantities: a count, nothing else */
    qty("seven", 7, -1, -1);
    qty("twenty-six", 26, -1, -1);
    qty("twenty six", 26, -1, -1);
    qty("1,400", 1400, -1, -1);
    qty("87", 87, -1, -1);
    qty("none", 0, -1, -1);
    qty("the 26", 26, -1, -1);
    qty("the only", 1, -1, -1);           /* "the only London borough judged inadequate" */
    qty("The only", 1, -1, -1);
    not_qty("only");                       /* "only" alone says no number */
    not_qty("the");

    /* fractions: a share only */
    qty("a quarter", -1, 0.25, -1);
    qty("A quarter", -1, 0.25, -1);
    qty("one quarter", -1, 0.25, -1);
    qty("three-quarters", -1, 0.75, -1);
    qty("three quarters", -1, 0.75, -1);
    qty("half", -1, 0.5, -1);
    qty("a half", -1, 0.5, -1);
    qty("a third", -1, 1.0 / 3, -1);
    qty("two-thirds", -1, 2.0 / 3, -1);
    qty("two thirds", -1, 2.0 / 3, -1);
    qty("a fifth", -1, 0.2, -1);
    qty("a tenth", -1, 0.1, -1);
    qty("a quarter of the 153", -1, 0.25, 153);     /* a share of a stated total */
    qty("half of the 34", -1, 0.5, 34);
    qty("three-quarters of all 150", -1, 0.75, 150);

    /* ratios with a small denominator are shares */
    qty("one in four", -1, 0.25, -1);
    qty("One in four", -1, 0.25, -1);
    qty("one in every seven", -1, 1.0 / 7, -1);
    qty("one in ten", -1, 0.1, -1);
    qty("one in 20", -1, 0.05, -1);
    qty("three in every 25", -1, 0.12, -1);
    qty("13 in 153", 13, -1, 153);
    qty("62 out of 153", 62, -1, 153);
    qty("four out of five", -1, 0.8, -1);
    qty("three out of four", -1, 0.75, -1);
    qty("one council in nine", -1, 1.0 / 9, -1);       /* the unit inside */
    qty("one in ten of the 153", -1, 0.1, 153);        /* a rate of a stated total */
    qty("four out of five of its 20", -1, 0.8, 20);
    qty("one in every ten of all 150", -1, 0.1, 150);
    not_qty("one in ten of the");
    qty("two authorities out of 18", 2, -1, 18);

    /* "X out of Y" / "X of Y" with a real denominator: count and total */
    qty("seven out of 18", 7, -1, 18);
    qty("62 out of the 153", 62, -1, 153);
    qty("nine out of the ten", 9, -1, 10);     /* a set's members, not a share */
    qty("10 of 43", 10, -1, 43);
    qty("10 of the 43", 10, -1, 43);
    qty("86 of 151", 86, -1, 151);
    qty("seven of the 15", 7, -1, 15);
    qty("four of the 10", 4, -1, 10);

    /* "all but N of T": the others, T - N; no total, no figure */
    qty("all but one of the five", 4, -1, 5);
    qty("All but three of the 12", 9, -1, 12);
    qty("all but a quarter", -1, 0.75, -1);
    not_qty("all but two");
    not_qty("all but 12 of 10");

    /* percentages */
    qty("44 per cent", -1, 0.44, -1);
    qty("44%", -1, 0.44, -1);
    qty("44 percent", -1, 0.44, -1);
    qty("8%", -1, 0.08, -1);
    qty("100 per cent", -1, 1.0, -1);
    qty("forty-four per cent", -1, 0.44, -1);
    qty("22.5 per cent", -1, 0.225, -1);

    /* garbage */
    not_qty("");
    not_qty("banana");
    not_qty("per cent");
    not_qty("one big council in nine");    /* one word only */
    not_qty("%");
    not_qty("five out of four");
    not_qty("ten of seven");
    not_qty("one in zero");
    not_qty("seven out of");
    not_qty("of 43");
    not_qty("a banana");
    not_qty("quarter past");
    not_qty("lots of councils");
    not_qty("1,4,00");

    ix_rules_free(r);
    return DONE();
}
