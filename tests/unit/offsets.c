/* offsets.c — normalisation and the offset maps back to the original bytes.
 *
 * Builds documents through the internal pipeline (ix_decode -> ix_normalize
 * -> ix_segment, as ix_extract does) and checks that a phrase found in the
 * normalised text maps back to exactly the right original bytes: the
 * original bytes at the mapped span, decoded per the document's encoding,
 * equal the text a reader sees there. Covers curly quotes, NBSP, CRLF,
 * hard-wrapped lines, "<https://...>" link annotations, HTML character
 * references, Markdown emphasis, quoted replies' marks, Windows-1252, a BOM,
 * combining marks, ellipses and invisible characters. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tap.h"

static ix_rules *rules;

/* memmem without _GNU_SOURCE */
static const char *find(const char *h, size_t hl, const char *n, size_t nl)
{
    for (size_t i = 0; nl <= hl && i + nl <= hl; i++)
        if (!memcmp(h + i, n, nl)) return h + i;
    return NULL;
}

typedef struct tdoc {
    ix_input in;
    ix_doc d;
} tdoc;

static tdoc *build(const char *bytes, size_t n)
{
    tdoc *t = calloc(1, sizeof *t);
    t->in.doc = t->in.source = "test";
    t->in.bytes = malloc(n + 1);
    memcpy(t->in.bytes, bytes, n);
    t->in.len = n;
    ix_err e = {{0}};
    if (ix_doc_open(&t->d, rules, &t->in, 0, n, -1, &e) < 0) {
        CHECK(0, "ix_doc_open failed: %s", e.msg);
        free(t->in.bytes);
        free(t);
        return NULL;
    }
    return t;
}

static void tdoc_free(tdoc *t)
{
    if (!t) return;
    ix_doc_close(&t->d);
    free(t->in.bytes);
    free(t);
}

/* The original text (decoded per the document's encoding) at the span the
 * normalised bytes [a, b) map to. */
static char *orig_at(const tdoc *t, size_t a, size_t b, size_t *oa, size_t *ob)
{
    ix_doc_span(&t->d, a, b, oa, ob);
    return ix_decode_bytes(t->d.dec.enc, t->in.bytes + *oa, *ob - *oa, NULL);
}

/* Finds `norm` (the k-th occurrence, 0-based) in the normalised text and
 * checks the original there reads `want` (UTF-8) and, when want_a is not
 * -1, starts at byte want_a. */
static void span_is(const tdoc *t, const char *label, const char *norm, int k, const char *want, long want_a)
{
    if (!t) { CHECK(0, "%s: no document", label); return; }
    const char *p = t->d.text, *end = t->d.text + t->d.len;
    size_t nl = strlen(norm);
    const char *hit = NULL;
    for (int i = 0; i <= k; i++) {
        hit = find(p, (size_t)(end - p), norm, nl);
        if (!hit) break;
        p = hit + 1;
    }
    if (!hit) {
        CHECK(0, "%s: \"%s\" not in the normalised text: \"%.*s\"", label, norm, (int)t->d.len, t->d.text);
        return;
    }
    size_t a = (size_t)(hit - t->d.text), oa, ob;
    char *ev = orig_at(t, a, a + nl, &oa, &ob);
    CHECK(!strcmp(ev, want), "%s: normalised \"%s\" maps to [%zu,%zu) = \"%s\"; want \"%s\"", label, norm, oa, ob, ev, want);
    /* The same check through the evidence helper the extractors use. */
    char *ev2 = ix_doc_evidence(&t->d, a, a + nl);
    CHECK(!strcmp(ev2, want), "%s: ix_doc_evidence(\"%s\") = \"%s\"", label, norm, ev2);
    if (want_a >= 0) CHECK(oa == (size_t)want_a, "%s: \"%s\" starts at original byte %zu; want %ld", label, norm, oa, want_a);
    free(ev);
    free(ev2);
}

static bool norm_has(const tdoc *t, const char *s)
{
    return t && find(t->d.text, t->d.len, s, strlen(s)) != NULL;
}

/* Every token of the document maps to a non-empty original span inside the
 * document, spans never go backwards, and no span starts or ends in the
 * middle of a UTF-8 character of the original. */
typedef struct tokcheck {
    const tdoc *t;
    size_t last_a, n, bad;
    char first_bad[256];
} tokcheck;

static void on_tok(void *ctx, const ix_token *tk)
{
    tokcheck *c = ctx;
    size_t oa, ob;
    ix_doc_span(&c->t->d, tk->a, tk->b, &oa, &ob);
    const unsigned char *o = c->t->in.bytes;
    bool utf8 = c->t->d.dec.enc == IX_ENC_UTF8;
    bool ok = oa < ob && ob <= c->t->in.len && oa >= c->last_a;
    if (utf8 && ok) ok = (o[oa] & 0xC0) != 0x80 && (ob == c->t->in.len || (o[ob] & 0xC0) != 0x80);
    c->n++;
    if (!ok && !c->bad++)
        snprintf(c->first_bad, sizeof c->first_bad, "token \"%.*s\" -> [%zu,%zu) (previous start %zu)",
                 (int)(tk->b - tk->a), c->t->d.text + tk->a, oa, ob, c->last_a);
    c->last_a = oa;
}

static void tokens_sane(const tdoc *t, const char *label)
{
    if (!t) return;
    tokcheck c = {t, 0, 0, 0, ""};
    for (size_t i = 0; i < t->d.npara; i++) ix_tokenize(t->d.text, t->d.paras[i].a, t->d.paras[i].b, on_tok, &c);
    CHECK(c.bad == 0 && c.n > 0, "%s: %zu tokens, %zu with bad spans; first: %s", label, c.n, c.bad, c.first_bad);
}

int main(void)
{
    ix_err e = {{0}};
    rules = ix_rules_load("patterns", &e);
    CHECK(rules != NULL, "ix_rules_load(patterns): %s", e.msg);
    if (!rules) return DONE();
    tdoc *t;

    /* curly quotes and apostrophes fold to straight ones; spans cover the curly bytes */
    {
    const char *s = "Ofsted\xe2\x80\x99s chief inspector said \xe2\x80\x9cthe service is inadequate\xe2\x80\x9d on "
                    "Tuesday, calling it \xe2\x80\x98" "a grip problem\xe2\x80\x99.";
    t = build(s, strlen(s));
    CHECK(norm_has(t, "Ofsted's chief") && norm_has(t, "\"the service is inadequate\"") && norm_has(t, "'a grip problem'"),
          "curly quotes folded: %s", t ? t->d.text : "");
    span_is(t, "curly", "\"the service is inadequate\"", 0, "\xe2\x80\x9cthe service is inadequate\xe2\x80\x9d", 32);
    span_is(t, "curly", "the service is inadequate", 0, "the service is inadequate", 35);
    span_is(t, "curly", "Ofsted's", 0, "Ofsted\xe2\x80\x99s", 0);
    span_is(t, "curly", "s chief", 0, "s chief", 9);
    span_is(t, "curly", "'a grip problem'", 0, "\xe2\x80\x98" "a grip problem\xe2\x80\x99", -1);
    span_is(t, "curly", "problem'.", 0, "problem\xe2\x80\x99.", -1);
    tokens_sane(t, "curly");
    tdoc_free(t);
    }

    /* no-break and other spaces fold to one space */
    {
        const char *s = "Ofsted\xc2\xa0rated 22\xc2\xa0" "councils \xe2\x80\x89inadequate\xe2\x80\xaf" "in 2015\xc2\xa0\xc2\xa0now.";
        t = build(s, strlen(s));
        CHECK(norm_has(t, "Ofsted rated 22 councils inadequate in 2015 now."), "spaces folded: %s", t ? t->d.text : "");
        span_is(t, "nbsp", "22 councils", 0, "22\xc2\xa0" "councils", 14);
        span_is(t, "nbsp", "councils inadequate", 0, "councils \xe2\x80\x89inadequate", -1);
        span_is(t, "nbsp", "2015 now", 0, "2015\xc2\xa0\xc2\xa0now", -1);
        tokens_sane(t, "nbsp");
        tdoc_free(t);
    }

    /* Markup read as what it stands for (HTML references), or dropped
     * (Markdown emphasis, a quoted reply's marks at a line's start), while
     * spans keep the bytes as written; what only looks like markup stays */
    {
        static const struct {
            const char *label, *in, *norm;
            struct { const char *norm, *want; long at; } span[6];
        } cases[] = {
            {"entity",
             "Barking &amp; Dagenham&rsquo;s children&#8217;s services were rated &ldquo;good&rdquo; "
             "and 71&nbsp;of the 153 &#x2014; AT&T, R&D; &bogus; &#0; &eacute;t&eacute; &nbsp;&#10; end.",
             "Barking & Dagenham's children's services were rated \"good\" and 71 of the 153 - "
             "AT&T, R&D; &bogus; &#0; \xc3\xa9t\xc3\xa9 end.",
             {{"Barking & Dagenham's", "Barking &amp; Dagenham&rsquo;s", 0},
              {"children's", "children&#8217;s", -1},
              {"\"good\"", "&ldquo;good&rdquo;", -1},
              {"71 of", "71&nbsp;of", -1},
              {"153 - AT&T", "153 &#x2014; AT&T", -1},
              {"\xc3\xa9t\xc3\xa9 end", "&eacute;t&eacute; &nbsp;&#10; end", -1}}},
            {"emphasis",
             "* A bullet.\n- **Status:** final, *not* for **circulation**. Leadership was judged **good**; "
             "5 * 3 = 15, x*y and a footnote* here. ***Both***.",
             "* A bullet.\n- Status: final, not for circulation. Leadership was judged good; "
             "5 * 3 = 15, x*y and a footnote here. Both.",
             {{"judged good;", "judged **good**;", -1}, {"Status:", "Status:", 16}, {"not for", "not* for", -1}}},
            {"reply",
             "> The report says \"leaders know their children\".\n>> On Monday, Jo wrote:\n  > Indented.\na > b.",
             "The report says \"leaders know their children\".\nOn Monday, Jo wrote:\nIndented.\na > b.",
             {{"The report", "The report", 2}, {"On Monday", "On Monday", -1}, {"a > b", "a > b", -1}}},
            /* a subtitle file: cue numbers and timings vanish, captions'
             * line breaks inside a sentence are spaces, a sentence's end
             * outside a quotation ends the paragraph */
            {"srt",
             "1\n00:00:00,000 --> 00:00:02,960\n[MUSIC]\n\n2\n00:00:03,120 --> 00:00:06,400\nIn the East, seven of\n"
             "the 11 councils are\n\n3\n00:00:06,400 --> 00:00:09,880\ngood or better.\nThey have\n\n"
             "4\n00:00:10,000 --> 00:00:12,000\n\"a grip. On practice\n\n5\n00:00:12,000 --> 00:00:14,000\n"
             "in every team.\"\nNext. It ends.\n",
             "[MUSIC]\nIn the East, seven of the 11 councils are good or better.\nThey have \"a grip. On practice "
             "in every team.\"\nNext. It ends.",
             {{"[MUSIC]", "[MUSIC]", 32},
              {"seven of the 11 councils are good or better.",
               "seven of\nthe 11 councils are\n\n3\n00:00:06,400 --> 00:00:09,880\ngood or better.", -1},
              {"practice in every", "practice\n\n5\n00:00:12,000 --> 00:00:14,000\nin every", -1}}},
            {"vtt",
             "WEBVTT\n\n00:01.000 --> 00:04.000 align:start\nChildren's services in Leeds\n\n"
             "00:04.000 --> 00:06.500\nwere rated outstanding.\n\n00:07.000 --> 00:09.000\n12 --> 13 is text.\n",
             "Children's services in Leeds were rated outstanding.\n12 --> 13 is text.",
             {{"Leeds were", "Leeds\n\n00:04.000 --> 00:06.500\nwere", -1}}},
            /* a line of digits and a timing in a document that is no
             * subtitle file stay text */
            {"not-srt",
             "Figures\n\n12\n00:00:03,120 --> 00:00:06,400\nnot captions.",
             "Figures\n\n12\n00:00:03,120 --> 00:00:06,400\nnot captions.",
             {{"12", "12", 9}}},
        };
        for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
            t = build(cases[c].in, strlen(cases[c].in));
            CHECK(norm_has(t, cases[c].norm), "%s folded: %s", cases[c].label, t ? t->d.text : "");
            for (size_t k = 0; k < 6 && cases[c].span[k].norm; k++)
                span_is(t, cases[c].label, cases[c].span[k].norm, 0, cases[c].span[k].want, cases[c].span[k].at);
            tokens_sane(t, cases[c].label);
            tdoc_free(t);
        }
    }

    /* CRLF line ends: paragraphs split on blank lines, spans exact */
    {
        const char *s = "Headline about Slough\r\n\r\nSlough was rated good.\r\nIt had been inadequate.\r\n\r\n"
                        "The trust \xe2\x80\x93 set up in 2015 \xe2\x80\x93 said so.\r\n";
        t = build(s, strlen(s));
        CHECK(t && !memchr(t->d.text, '\r', t->d.len), "no CR left in the normalised text");
        CHECK(t && t->d.npara >= 3, "CRLF document has at least 3 paragraphs (got %zu)", t ? t->d.npara : 0);
        span_is(t, "crlf", "Slough was rated good.", 0, "Slough was rated good.", 25);
        span_is(t, "crlf", "It had been inadequate.", 0, "It had been inadequate.", 49);
        span_is(t, "crlf", "The trust - set up", 0, "The trust \xe2\x80\x93 set up", 76);
        span_is(t, "crlf", "said so.", 0, "said so.", -1);
        tokens_sane(t, "crlf");
        tdoc_free(t);
    }

    /* hard-wrapped paragraphs: a line break inside a paragraph is a space,
     * and a span across it covers the newline of the original */
    {
        const char *s =
            "Inspectors found that the council had failed to act on warnings about\n"
            "children's services for several years, leaving vulnerable children at\n"
            "risk. The report said leaders had not understood the scale of problems\n"
            "in the looked-after children team and that managers were overstretched.\n"
            "\n"
            "The council's chief executive said the authority accepted the findings\n"
            "in full and would publish an improvement plan within the next few weeks\n"
            "after talks with the Department for Education about extra support.\n"
            "It will meet in May.\n";
        t = build(s, strlen(s));
        CHECK(t && t->d.npara == 2, "hard-wrapped text makes 2 paragraphs (got %zu): %s", t ? t->d.npara : 0,
              t ? t->d.text : "");
        span_is(t, "wrap", "about children's services", 0, "about\nchildren's services", 64);
        span_is(t, "wrap", "at risk.", 0, "at\nrisk.", -1);
        span_is(t, "wrap", "looked-after children", 0, "looked-after children", -1);
        span_is(t, "wrap", "findings in full", 0, "findings\nin full", -1);
        tokens_sane(t, "wrap");
        /* A sentence spanning a wrapped line maps to the right bytes. */
        size_t si = t ? ix_doc_sent_at(&t->d, (size_t)(strstr(t->d.text, "The report said") - t->d.text)) : 0;
        if (t && si < t->d.nsent) {
            size_t oa, ob;
            char *ev = orig_at(t, t->d.sents[si].a, t->d.sents[si].b, &oa, &ob);
            CHECK(!strncmp(ev, "The report said", 15) && strstr(ev, "problems\nin the looked-after") &&
                  ev[strlen(ev) - 1] == '.', "wrapped sentence maps back: \"%s\"", ev);
            free(ev);
        }
        tdoc_free(t);
    }

    /* what counts as hard-wrapped: most lines 60 to 100 visible characters
     * (a character of two or three bytes is one), however the characters
     * fall on the eight-byte words the line width is counted in */
    {
        const int widths[] = {59, 60, 100, 101};
        for (size_t w = 0; w < 4; w++)
            for (int off = 0; off < 16; off++) {
                char s[2048];
                size_t n = 0;
                for (int line = 0; line < 4; line++) {
                    for (int k = 0; k < widths[w] - 2; k++) {
                        if (k == off) { memcpy(s + n, "\xc3\xa9", 2); n += 2; }
                        if (k == off + 9) { memcpy(s + n, "\xe2\x80\x99", 3); n += 3; }
                        s[n++] = k % 7 == 6 ? ' ' : 'a';
                    }
                    s[n++] = '\n';
                }
                t = build(s, n);
                bool joined = t && !memchr(t->d.text, '\n', t->d.len);
                bool want = widths[w] == 60 || widths[w] == 100;
                CHECK(joined == want, "4 lines of %d characters (UTF-8 at %d and %d) %s hard-wrapped", widths[w],
                      off, off + 9, want ? "are" : "are not");
                tdoc_free(t);
            }
        /* a link annotation is not part of the width */
        for (int off = 0; off < 16; off++) {
            char s[2048];
            size_t n = 0;
            for (int line = 0; line < 4; line++) {
                for (int k = 0; k < 100; k++) {
                    if (k == off) { memcpy(s + n, "<https://example.org/a/path>", 28); n += 28; }
                    s[n++] = k % 7 == 6 ? ' ' : 'a';
                }
                s[n++] = '\n';
            }
            t = build(s, n);
            CHECK(t && !memchr(t->d.text, '\n', t->d.len),
                  "4 lines of 100 characters and a link annotation at %d are hard-wrapped", off);
            tdoc_free(t);
        }
    }

    /* link annotations "<https://...>" are skipped in the normalised text */
    {
        const char *s = "Read the report <https://www.gov.uk/government/news/x> here, and the Ofsted "
                        "summary <http://ofsted.gov.uk/a?b=c>. Mail <mailto:press@example.org> us. "
                        "Keep a < b and <em>tags</em>.";
        t = build(s, strlen(s));
        CHECK(t && !norm_has(t, "https") && !norm_has(t, "ofsted.gov.uk") && !norm_has(t, "mailto"),
              "link annotations skipped: %s", t ? t->d.text : "");
        CHECK(norm_has(t, "a < b and <em>tags</em>"), "a lone '<' and markup that is not a link stay: %s",
              t ? t->d.text : "");
        span_is(t, "link", "report here,", 0, "report <https://www.gov.uk/government/news/x> here,", 9);
        span_is(t, "link", "here", 0, "here", 55);
        span_is(t, "link", "summary.", 0, "summary <http://ofsted.gov.uk/a?b=c>.", -1);
        span_is(t, "link", "Mail us.", 0, "Mail <mailto:press@example.org> us.", -1);
        tokens_sane(t, "link");
        tdoc_free(t);
    }

    /* Windows-1252: spans index the original single bytes */
    {
        const char *s = "\x93Good progress,\x94 said Ms Smith. Costs rose to \xa3" "2bn \x96 up \xbd. Caf\xe9s\x85";
        t = build(s, strlen(s));
        CHECK(t && t->d.dec.enc == IX_ENC_CP1252, "Windows-1252 detected");
        span_is(t, "cp1252", "\"Good progress,\"", 0, "\xe2\x80\x9cGood progress,\xe2\x80\x9d", 0);
        span_is(t, "cp1252", "Good progress", 0, "Good progress", 1);
        span_is(t, "cp1252", "said Ms Smith.", 0, "said Ms Smith.", 17);
        span_is(t, "cp1252", "\xc2\xa3" "2bn - up", 0, "\xc2\xa3" "2bn \xe2\x80\x93 up", 46);
        span_is(t, "cp1252", "Caf\xc3\xa9s...", 0, "Caf\xc3\xa9s\xe2\x80\xa6", -1);
        tokens_sane(t, "cp1252");
        tdoc_free(t);
    }

    /* Windows-1252 with CRLF and hard wrapping together */
    {
        const char *s = "Cornwall\x92s children\x92s services were rated \x93good\x94 by inspectors\r\n"
                        "after a visit in March, the council\x92s cabinet member was told today.\r\n"
                        "Ofsted found \x91strong leadership\x92 and a stable workforce across the\r\n"
                        "county, with caseloads now \x96 at last \x96 under control for staff.\r\n";
        t = build(s, strlen(s));
        CHECK(t && t->d.dec.enc == IX_ENC_CP1252 && !memchr(t->d.text, '\r', t->d.len), "cp1252 + CRLF decoded");
        span_is(t, "cp1252-crlf", "inspectors after", 0, "inspectors\r\nafter", -1);
        span_is(t, "cp1252-crlf", "'strong leadership'", 0, "\xe2\x80\x98strong leadership\xe2\x80\x99", -1);
        span_is(t, "cp1252-crlf", "council's cabinet", 0, "council\xe2\x80\x99s cabinet", -1);
        tokens_sane(t, "cp1252-crlf");
        tdoc_free(t);
    }

    /* BOM: dropped from the text; offsets still count it */
    {
        const char *s = "\xef\xbb\xbf" "BCP Council statement\n\nBournemouth, Christchurch and Poole Council was rated good.\n";
        t = build(s, strlen(s));
        CHECK(t && t->d.len && t->d.text[0] == 'B', "BOM not in the normalised text");
        span_is(t, "bom", "BCP Council", 0, "BCP Council", 3);
        span_is(t, "bom", "Bournemouth, Christchurch and Poole Council", 0, "Bournemouth, Christchurch and Poole Council", 26);
        tokens_sane(t, "bom");
        tdoc_free(t);
    }

    /* combining marks compose (NFC); the span covers base + mark */
    {
        const char *s = "The cafe\xcc\x81 owner and the re\xcc\x81sume\xcc\x81 writer spoke.";
        t = build(s, strlen(s));
        CHECK(norm_has(t, "caf\xc3\xa9 owner") && norm_has(t, "r\xc3\xa9sum\xc3\xa9 writer"), "NFC composition: %s",
              t ? t->d.text : "");
        span_is(t, "nfc", "caf\xc3\xa9", 0, "cafe\xcc\x81", 4);
        span_is(t, "nfc", "r\xc3\xa9sum\xc3\xa9 writer", 0, "re\xcc\x81sume\xcc\x81 writer", -1);
        tokens_sane(t, "nfc");
        tdoc_free(t);
    }

    /* a word hyphenated across a line break is joined back, even after a
     * short line, and maps to its bytes with the hyphen and the newline;
     * a word that goes on with a hyphen of its own keeps the break's */
    {
        const char *s = "Two authorities were judged inade-\nquate, and Nottingham-\r\nshire was rated good. Stoke-\n"
                        "on-Trent was not. Ten -\nnine. Leeds-\nThe end.";
        t = build(s, strlen(s));
        CHECK(norm_has(t, "judged inadequate, and Nottinghamshire was rated good. Stoke-\non-Trent was not. Ten -\nnine."),
              "hyphenated words rejoined: %s", t ? t->d.text : "");
        CHECK(norm_has(t, "Leeds-\nThe end."), "no join before a capital: %s",
              t ? t->d.text : "");
        span_is(t, "hyphen", "inadequate", 0, "inade-\nquate", 28);
        span_is(t, "hyphen", "Nottinghamshire", 0, "Nottingham-\r\nshire", -1);
        tokens_sane(t, "hyphen");
        tdoc_free(t);
    }

    /* ellipsis, soft hyphen, zero-width space, em dash */
    {
        const char *s = "It was\xe2\x80\xa6 looked\xc2\xad" "after children\xe2\x80\x8b. Care \xe2\x80\x94 and support.";
        t = build(s, strlen(s));
        CHECK(norm_has(t, "It was... lookedafter children. Care - and support."), "invisible and dash folding: %s",
              t ? t->d.text : "");
        span_is(t, "misc", "was...", 0, "was\xe2\x80\xa6", 3);
        span_is(t, "misc", "lookedafter", 0, "looked\xc2\xad" "after", -1);
        span_is(t, "misc", "Care - and", 0, "Care \xe2\x80\x94 and", -1);
        tokens_sane(t, "misc");
        tdoc_free(t);
    }

    /* an em dash set close is a parenthetical dash, read as " - " (a
     * hyphen there would join "outstanding-that" into one word); between
     * digits it is a range's dash; spaced, it folds as before */
    {
        const char *s = "good or outstanding\xe2\x80\x94that is 63%\xe2\x80\x94up from 88. In 2013\xe2\x80\x94" "14, "
                        "a \xe2\x80\x94 b, c\xe2\x80\x94 d, e \xe2\x80\x95" "f.";
        t = build(s, strlen(s));
        CHECK(norm_has(t, "good or outstanding - that is 63% - up from 88. In 2013-14, a - b, c - d, e - f."),
              "close em dashes spaced: %s", t ? t->d.text : "");
        span_is(t, "emdash", "outstanding - that", 0, "outstanding\xe2\x80\x94that", 8);
        span_is(t, "emdash", " - ", 0, "\xe2\x80\x94", 19);
        span_is(t, "emdash", "2013-14", 0, "2013\xe2\x80\x94" "14", -1);
        span_is(t, "emdash", "c - d", 0, "c\xe2\x80\x94 d", -1);
        span_is(t, "emdash", "e - f", 0, "e \xe2\x80\x95" "f", -1);
        tokens_sane(t, "emdash");
        tdoc_free(t);
    }

    /* leading and trailing white space is not part of any span */
    {
        const char *s = "  \n\n  Rotherham was rated inadequate.  \n\n  ";
        t = build(s, strlen(s));
        CHECK(t && t->d.len && t->d.text[0] == 'R' && t->d.text[t->d.len - 1] == '.', "outer white space trimmed: \"%s\"",
              t ? t->d.text : "");
        span_is(t, "trim", "Rotherham was rated inadequate.", 0, "Rotherham was rated inadequate.", 6);
        tdoc_free(t);
    }

    /* One-line text against a model of the folding: white space of any
     * kind (spaces, tabs, control bytes, no-break spaces) becomes one
     * space, none at the ends; curly quotes fold; everything else is
     * copied. Random strings of pieces, after every prefix length up to
     * seventeen, so that each piece meets every place in the sixteen-byte
     * blocks the fast path passes: a '<' that opens no link, a double
     * space, a space ending a block, a non-ASCII letter, a control byte. */
    {
        static const char *const piece[] = {"word", "Council", "a", "x", ",", ".", "<", "<b>", "-", "'",
                                            "\xc3\xa9", "\xe2\x80\x99", "\xe2\x80\x9c", "\x7e", "(",
                                            " ", " ", " ", "  ", "\t", "\xc2\xa0", "\x01", "\x7f", " \t "};
        static const char *const fold_to[] = {"word", "Council", "a", "x", ",", ".", "<", "<b>", "-", "'",
                                              "\xc3\xa9", "'", "\"", "\x7e", "("};
        enum { NWORD = 15 };
        unsigned long r = 99;
        int bad = 0, runs = 0;
        for (int it = 0; it < 3000; it++) {
            char src[400], want[400];
            size_t sl = 0, wl = 0;
            size_t pre = (size_t)(it % 17);
            for (size_t k = 0; k < pre; k++) src[sl++] = want[wl++] = 'y';
            bool space = false;
            for (int k = 0; k < 40; k++) {
                r = r * 6364136223846793005u + 1442695040888963407u;
                size_t q = k == 0 && !pre ? (r >> 33) % NWORD : (r >> 33) % (sizeof piece / sizeof *piece);
                size_t pl = strlen(piece[q]);
                if (sl + pl + 2 >= sizeof src) break;
                memcpy(src + sl, piece[q], pl);
                sl += pl;
                if (q >= NWORD) { space = wl > 0; continue; }
                if (space) want[wl++] = ' ';
                space = false;
                memcpy(want + wl, fold_to[q], strlen(fold_to[q]));
                wl += strlen(fold_to[q]);
            }
            t = build(src, sl);
            runs++;
            if (!t || t->d.len != wl || memcmp(t->d.text, want, wl)) {
                if (bad++ < 3)
                    printf("# normalised [%.*s], want [%.*s]\n", t ? (int)t->d.len : 0, t ? t->d.text : "", (int)wl, want);
            }
            tdoc_free(t);
        }
        CHECK(bad == 0, "one-line text folds as the model says (%d of %d differ)", bad, runs);
    }

    ix_rules_free(rules);
    return DONE();
}
