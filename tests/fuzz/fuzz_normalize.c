/* fuzz_normalize.c — libFuzzer harness: bytes -> decode -> normalise ->
 * segment -> tokens, checking what later stages rely on:
 *   - decoded and normalised texts are valid UTF-8 of the stated length;
 *   - paragraphs and sentences lie inside the text, in order, not
 *     overlapping; every token lies inside its sentence, in order;
 *   - every token maps back to a span inside the original bytes, and spans
 *     never go backwards; `evidence` can be decoded from any such span.
 */
#include "fuzz_common.h"

typedef struct fzn_tokstate {
    const ix_doc *d;
    size_t sa, sb;          /* the sentence */
    size_t last_b;          /* end of the previous token */
    size_t last_oa;         /* original start of the previous token */
} fzn_tokstate;

static void fzn_on_token(void *ctx, const ix_token *t)
{
    fzn_tokstate *k = ctx;
    FZ_CHECK(t->a < t->b, "empty token at %zu", t->a);
    FZ_CHECK(t->a >= k->sa && t->b <= k->sb, "token [%zu,%zu) outside sentence [%zu,%zu)", t->a, t->b, k->sa, k->sb);
    FZ_CHECK(t->a >= k->last_b, "token at %zu overlaps the previous one ending %zu", t->a, k->last_b);
    k->last_b = t->b;
    size_t oa, ob;
    ix_doc_span(k->d, t->a, t->b, &oa, &ob);
    FZ_CHECK(oa <= ob && ob <= k->d->in->len, "token span [%zu,%zu) outside %zu bytes", oa, ob, k->d->in->len);
    FZ_CHECK(oa >= k->last_oa, "token span start %zu before the previous %zu", oa, k->last_oa);
    k->last_oa = oa;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ix_rules *r = fz_rules();
    ix_input in = {0};
    in.doc = "fuzz";
    in.source = "fuzz";
    in.bytes = (unsigned char *)data;
    in.len = size;
    ix_doc d;
    memset(&d, 0, sizeof d);
    d.in = &in;
    d.bytes = in.bytes;
    d.subtitles = -1;           /* read from the text, as a document's start is */
    d.warnings = json_array();
    ix_err e = {{0}};
    if (ix_decode(data, size, &d.dec, d.warnings, &e) < 0) {
        FZ_CHECK(e.msg[0], "decode failed without a message");
        json_decref(d.warnings);
        return 0;
    }
    /* A copy is NUL-terminated; valid UTF-8 is borrowed from the input
     * (decode.c), which need not be. */
    FZ_CHECK(d.dec.s && (d.dec.borrowed || d.dec.s[d.dec.len] == 0), "decoded copy not NUL-terminated");
    FZ_CHECK(fz_valid_utf8((const unsigned char *)d.dec.s, d.dec.len), "decoded text is not valid UTF-8");
    ix_normalize(&d);
    FZ_CHECK(fz_valid_utf8((const unsigned char *)d.text, d.len), "normalised text is not valid UTF-8");
    ix_segment(r, &d);
    size_t last = 0;
    for (size_t i = 0; i < d.npara; i++) {
        const ix_para *p = &d.paras[i];
        FZ_CHECK(p->a < p->b && p->b <= d.len && p->a >= last, "paragraph %zu [%zu,%zu) out of order", i, p->a, p->b);
        FZ_CHECK(p->first_sent + p->nsent <= d.nsent, "paragraph %zu sentences out of range", i);
        last = p->b;
    }
    last = 0;
    fzn_tokstate k = {&d, 0, 0, 0, 0};
    for (size_t i = 0; i < d.nsent; i++) {
        const ix_sent *s = &d.sents[i];
        FZ_CHECK(s->a < s->b && s->b <= d.len && s->a >= last, "sentence %zu [%zu,%zu) out of order", i, s->a, s->b);
        FZ_CHECK(s->para < d.npara && s->a >= d.paras[s->para].a && s->b <= d.paras[s->para].b,
                 "sentence %zu outside its paragraph", i);
        last = s->b;
        k.sa = s->a;
        k.sb = s->b;
        ix_tokenize(d.text, s->a, s->b, fzn_on_token, &k);
        size_t oa, ob;
        ix_doc_span(&d, s->a, s->b, &oa, &ob);
        FZ_CHECK(oa <= ob && ob <= size, "sentence span [%zu,%zu) outside %zu bytes", oa, ob, size);
        size_t el;
        char *ev = ix_decode_bytes(d.dec.enc, data + oa, ob - oa, &el);
        FZ_CHECK(ev && fz_valid_utf8((const unsigned char *)ev, el), "evidence is not valid UTF-8");
        free(ev);
    }
    ix_doc_close(&d);
    return 0;
}
