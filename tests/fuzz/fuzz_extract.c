/* fuzz_extract.c — libFuzzer harness for the whole extraction of one
 * document (ix_extract), checking the record contract of SCHEMA.md:
 *   - the first record is the doc or error record, naming the document;
 *   - every record serialises to JSON;
 *   - every `span` lies inside the document's bytes and its `evidence` is
 *     exactly those bytes decoded with the document's encoding (what the
 *     audit re-checks);
 *   - every council mention lies inside the bytes;
 *   - the records are byte-identical with the literal prefilter switched
 *     off (prefilter.c may only skip regex work, never change a result),
 *     unless a PCRE2 limit was hit in either run: a rule skipped by the
 *     prefilter cannot hit a limit, and a rule that hits limits is stopped
 *     for the rest of the document, so limits legitimately make the two
 *     runs differ;
 *   - documents over 2 KB are extracted in parts (INSPEX_PART_BYTES, set
 *     here so that inputs of fuzzing size reach that path): spans still
 *     index the whole input, and there is one council record per code.
 */
#include "fuzz_common.h"

static ix_scratch *fzx_scratch, *fzx_scratch_nopf;

static void fzx_check_span(const json_t *rec, const char *key, const uint8_t *data, size_t size,
                           ix_encoding enc, int with_evidence)
{
    json_t *sp = json_object_get(rec, key);
    if (!sp || json_is_null(sp)) return;
    FZ_CHECK(json_is_array(sp) && json_array_size(sp) == 2, "%s is not a pair", key);
    json_int_t a = json_integer_value(json_array_get(sp, 0)), b = json_integer_value(json_array_get(sp, 1));
    FZ_CHECK(a >= 0 && a <= b && (size_t)b <= size, "%s [%lld,%lld) outside %zu bytes", key, (long long)a,
             (long long)b, size);
    if (!with_evidence) return;
    json_t *ev = json_object_get(rec, "evidence");
    FZ_CHECK(json_is_string(ev), "span without evidence");
    size_t el;
    char *want = ix_decode_bytes(enc, data + a, (size_t)(b - a), &el);
    FZ_CHECK(el == json_string_length(ev) && !memcmp(want, json_string_value(ev), el),
             "evidence differs from the bytes at [%lld,%lld)", (long long)a, (long long)b);
    free(want);
}

/* Did a PCRE2 limit (or the long-text window budget) cut a search short? */
static int fzx_limited(const ix_result *res)
{
    json_t *w = json_object_get(res->recs[0], "warnings");
    for (size_t i = 0; i < json_array_size(w); i++) {
        const char *m = json_string_value(json_array_get(w, i));
        if (m && (strstr(m, "PCRE2 match limit") || strstr(m, "without sentence breaks"))) return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setenv("INSPEX_PART_BYTES", "2048", 0);     /* read once, by the first extraction */
    const ix_rules *r = fz_rules();
    if (!fzx_scratch) fzx_scratch = ix_scratch_new(r);
    ix_input in = {0};
    in.doc = "fuzz";
    in.source = "fuzz";
    in.bytes = (unsigned char *)data;
    in.len = size;
    ix_result *res = ix_extract(r, fzx_scratch, &in, IX_T_ALL);
    FZ_CHECK(res && res->n >= 1, "no records");
    const char *t0 = json_string_value(json_object_get(res->recs[0], "type"));
    FZ_CHECK(t0 && (!strcmp(t0, "doc") || !strcmp(t0, "error")), "first record is not doc/error");
    FZ_CHECK(res->is_error == !strcmp(t0, "error"), "is_error disagrees with the first record");
    ix_encoding enc = IX_ENC_UTF8;
    const char *es = json_string_value(json_object_get(res->recs[0], "encoding"));
    if (es) enc = (ix_encoding)ix_encoding_parse(es);
    for (size_t i = 0; i < res->n; i++) {
        const json_t *rec = res->recs[i];
        FZ_CHECK(!strcmp(json_string_value(json_object_get(rec, "doc")), "fuzz"), "record %zu names another doc", i);
        char *j = ix_record_dump(rec);
        FZ_CHECK(j != NULL, "record %zu does not serialise", i);
        free(j);
        fzx_check_span(rec, "span", data, size, enc, 1);
        fzx_check_span(rec, "speaker_span", data, size, enc, 0);
        const char *code = json_string_value(json_object_get(rec, "code"));
        if (code && !strcmp(json_string_value(json_object_get(rec, "type")), "council"))
            for (size_t k = 0; k < i; k++) {
                const json_t *o = res->recs[k];
                const char *ck = json_string_value(json_object_get(o, "code"));
                FZ_CHECK(strcmp(json_string_value(json_object_get(o, "type")), "council") || !ck || strcmp(ck, code),
                         "two council records for %s", code);
            }
        json_t *ms = json_object_get(rec, "mentions");
        for (size_t k = 0; k < json_array_size(ms); k++) {
            json_t *m = json_array_get(ms, k);
            json_int_t a = json_integer_value(json_array_get(m, 0)), b = json_integer_value(json_array_get(m, 1));
            FZ_CHECK(a >= 0 && a <= b && (size_t)b <= size, "mention outside the bytes");
        }
    }
    /* Differential: the same document without the prefilter. */
    const ix_rules *r2 = fz_rules_noprefilter();
    if (!fzx_scratch_nopf) fzx_scratch_nopf = ix_scratch_new(r2);
    ix_result *res2 = ix_extract(r2, fzx_scratch_nopf, &in, IX_T_ALL);
    if (fzx_limited(res) || fzx_limited(res2)) {
        ix_result_free(res2);
        ix_result_free(res);
        return 0;
    }
    FZ_CHECK(res2->n == res->n, "%zu records with the prefilter, %zu without", res->n, res2->n);
    for (size_t i = 0; i < res->n; i++) {
        char *a = ix_record_dump(res->recs[i]), *b = ix_record_dump(res2->recs[i]);
        FZ_CHECK(!strcmp(a, b), "record %zu differs with the prefilter:\n  %s\nwithout:\n  %s", i, a, b);
        free(a);
        free(b);
    }
    ix_result_free(res2);
    ix_result_free(res);
    return 0;
}
