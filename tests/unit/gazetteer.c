/* gazetteer.c — how council names are found in text (extract_council.c):
 * at each word start the longest surface form of patterns/councils.tsv that
 * ends on a word boundary, case-sensitive, a hyphen counting as part of a
 * word; the next name is looked for after the end of this one. Checked
 * through ix_extract on short texts, by the councils' codes and spans. */
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

static const ix_rules *R;
static ix_scratch *S;

/* The council records of `text` as "CODE@a-b CODE@a-b ...". */
static char *councils(const char *text)
{
    ix_input in = {.doc = "t", .source = "t", .bytes = (unsigned char *)text, .len = strlen(text)};
    ix_result *res = ix_extract(R, S, &in, IX_T_COUNCIL);
    ix_buf b = {0};
    for (size_t i = 0; i < res->n; i++) {
        json_t *r = res->recs[i];
        if (strcmp(json_string_value(json_object_get(r, "type")), "council")) continue;
        json_t *m = json_object_get(r, "mentions");
        for (size_t k = 0; k < json_array_size(m); k++) {
            char one[96];
            snprintf(one, sizeof one, "%s%s@%lld-%lld", b.len ? " " : "", json_string_value(json_object_get(r, "code")),
                     (long long)json_integer_value(json_array_get(json_array_get(m, k), 0)),
                     (long long)json_integer_value(json_array_get(json_array_get(m, k), 1)));
            ix_buf_puts(&b, one);
        }
    }
    ix_result_free(res);
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

static void is(const char *text, const char *want)
{
    char *got = councils(text);
    CHECK(!strcmp(got, want), "%s\n  want: %s\n  got:  %s", text, want, got);
    free(got);
}

int main(void)
{
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "load patterns: %s", e.msg);
    if (!r) return DONE();
    R = r;
    S = ix_scratch_new(r);
    /* the longest form wins: the council, not the bare name inside it */
    is("Ofsted rated Kent County Council inadequate.", "E10000016@13-32");
    is("Ofsted said North Yorkshire Council was good.", "E06000065@12-35");
    /* word boundaries: a hyphen is part of the word; letters and digits too */
    /* ... and where the longest form does not end on one, a shorter may */
    is("Ofsted said Kent County Council-run homes were good.", "E10000016@12-16");
    /* a name at any offset from the eight-byte words that text without a
     * capital is passed in, after lower case and after other capitals */
    for (int k = 0; k < 17; k++) {
        char text[128], want[64];
        snprintf(text, sizeof text, "Ofsted rated %.*s Kent inadequate.", k, "abcdefghijklmnopqrstuvwxyz");
        snprintf(want, sizeof want, "E10000016@%d-%d", 14 + k, 18 + k);
        is(text, want);
        snprintf(text, sizeof text, "Ofsted rated %.*s Kent inadequate.", k, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        is(text, want);
    }
    is("Ofsted rated XKent County Council inadequate.", "");
    is("Ofsted rated Kent County Councils inadequate.", "E10000016@13-17");
    is("Ofsted rated Kent-based services.", "");
    /* punctuation and the paragraph's edges are boundaries */
    is("Kent County Council, Ofsted said, was inadequate.", "E10000016@0-19");
    is("Ofsted said so of Kent County Council", "E10000016@18-37");
    is("Ofsted judged (Kent County Council) inadequate.", "E10000016@15-34");
    /* case-sensitive; the capitalised lead form of a regional paper counts */
    is("Ofsted rated kent county council inadequate.", "");
    is("STOKE ON TRENT City Council has been rated good by Ofsted.", "E06000021@0-14");
    /* two names in a row, and the same name twice */
    is("Ofsted rated Kent County Council and Stoke on Trent City Council good; Kent County Council said so.",
       "E10000016@13-32 E10000016@71-90 E06000021@37-64");
    /* a non-ASCII character next to a name is a boundary (\w is ASCII) */
    is("Ofsted rated \xe2\x80\x98Kent County Council\xe2\x80\x99 inadequate.", "E10000016@16-35");
    /* a delivery body's name (council_body_after) is no mention of the
     * authority, nor does it support the bare name; the authority's own
     * name beside it still is one */
    is("Sandwell Children's Trust was rated good.", "");
    is("Sandwell Children's Trust works with Sandwell Council.", "E08000028@37-53");
    /* a surname-like name made a person's ("Peter Warrington") is the
     * person's elsewhere too, except as an item of a list of councils */
    is("Thanks to Peter Warrington. Warrington said yes.", "");
    is("Thanks to Peter Warrington. Cheshire East works with Cheshire West and Chester and Warrington.",
       "E06000049@28-41 E06000050@53-78 E06000007@83-93");
    is("Thanks to Peter Warrington. Stockport, Warrington and Salford work together.",
       "E08000007@28-37 E06000007@39-49 E08000006@54-61");
    /* ... that names two other councils: a pair is too often two names
     * before a noun */
    is("Thanks to Peter Warrington. Stockport, Warrington and Wigan work together.",
       "E08000007@28-37 E08000010@54-59");
    is("Thanks to Peter Warrington. Stockport and Warrington festivals.", "E08000007@28-37");
    /* ... a list of councils, not of surname-like names: Bolton is one */
    is("Councillor Ian Oldham spoke. Oldham and Bolton argued.", "");
    ix_scratch_free(S);
    ix_rules_free(r);
    return DONE();
}
