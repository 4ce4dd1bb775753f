/* tokenize.c — tokens (ix_tokenize) and sentences (ix_segment).
 *
 * Tokens: words, numbers with separators (50,000  2013/14  2013-14),
 * currency amounts (£2bn  £46,142), percentages, hyphenated words,
 * possessives and punctuation. Sentences: abbreviations from
 * patterns/abbreviations.tsv keep a sentence whole, a sentence that ends
 * inside a quotation ends after the closing mark, "Why?" he asked stays one
 * sentence, initials do not end sentences. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tap.h"

static void count_one(void *ctx, const ix_token *t) { (void)t; ++*(size_t *)ctx; }

typedef struct toks {
    const char *s;
    char out[2048];
    size_t len;
} toks;

static void collect(void *ctx, const ix_token *t)
{
    toks *k = ctx;
    const char *kind = t->kind == IX_TOK_WORD ? "w" : t->kind == IX_TOK_NUMBER ? "n" : "p";
    int w = snprintf(k->out + k->len, sizeof k->out - k->len, "%s%s:%.*s", k->len ? " " : "", kind,
                     (int)(t->b - t->a), k->s + t->a);
    if (w > 0 && k->len + (size_t)w < sizeof k->out) k->len += (size_t)w;
}

/* Tokenises `s` and compares with `want`: space-separated "kind:text"
 * entries, kind w (word), n (number) or p (punctuation). */
static void tokens_are(const char *s, const char *want)
{
    toks k = {s, "", 0};
    ix_tokenize(s, 0, strlen(s), collect, &k);
    CHECK(!strcmp(k.out, want), "tokens of \"%s\":\n    got  %s\n    want %s", s, k.out, want);
}

/* Offsets: a token slice of a larger buffer stays inside [a, b). */
static void tok_bounds(void)
{
    const char *s = "xx 50,000 yy";
    toks k = {s, "", 0};
    ix_tokenize(s, 3, 8, collect, &k);         /* "50,00" */
    CHECK(!strcmp(k.out, "n:50,00"), "tokens stop at b: %s", k.out);
}

static ix_rules *rules;

/* Segments `s` as a whole document and compares its sentences, joined by
 * " | ", with `want`. */
static void sentences_are(const char *s, const char *want)
{
    ix_input in = {.doc = "t", .source = "t", .bytes = (unsigned char *)s, .len = strlen(s)};
    ix_doc d;
    ix_err e = {{0}};
    if (ix_doc_open(&d, rules, &in, 0, in.len, -1, &e) < 0) { CHECK(0, "decode: %s", e.msg); return; }
    ix_buf b = {0};
    for (size_t i = 0; i < d.nsent; i++) {
        if (i) ix_buf_puts(&b, " | ");
        ix_buf_put(&b, d.text + d.sents[i].a, d.sents[i].b - d.sents[i].a);
        /* every sentence lies inside its paragraph */
        const ix_para *p = &d.paras[d.sents[i].para];
        CHECK(d.sents[i].a >= p->a && d.sents[i].b <= p->b && d.sents[i].a < d.sents[i].b,
              "sentence %zu inside paragraph %zu", i, d.sents[i].para);
    }
    ix_buf_grow(&b, 0);
    CHECK(!strcmp(b.s, want), "sentences of \"%s\":\n    got  %s\n    want %s", s, b.s, want);
    ix_buf_free(&b);
    ix_doc_close(&d);
}

int main(void)
{
    /* words and punctuation */
    tokens_are("Seven councils were rated inadequate.", "w:Seven w:councils w:were w:rated w:inadequate p:.");
    tokens_are("Rotherham, Leeds (and York); Hull!", "w:Rotherham p:, w:Leeds p:( w:and w:York p:) p:; w:Hull p:!");
    /* a run of dots, and so a folded "…", is one token */
    tokens_are("Wait... then. .", "w:Wait p:... w:then p:. p:.");
    /* numbers with separators */
    tokens_are("about 50,000 children", "w:about n:50,000 w:children");
    tokens_are("in 2013/14 and 2013-14", "w:in n:2013/14 w:and n:2013-14");
    tokens_are("1,400 children, 50,000.", "n:1,400 w:children p:, n:50,000 p:.");
    tokens_are("rose 2.5 points at 10:30", "w:rose n:2.5 w:points w:at n:10:30");
    tokens_are("87", "n:87");
    /* currency and percentages */
    tokens_are("a \xc2\xa3" "2bn gap", "w:a n:\xc2\xa3" "2bn w:gap");
    tokens_are("paid \xc2\xa3" "46,142 a year", "w:paid n:\xc2\xa3" "46,142 w:a w:year");
    tokens_are("\xe2\x82\xac" "5m and $3", "n:\xe2\x82\xac" "5m w:and n:$3");
    tokens_are("44% of them", "n:44% w:of w:them");
    tokens_are("(44%)", "p:( n:44% p:)");
    tokens_are("the 1st and 22nd", "w:the n:1st w:and n:22nd");
    tokens_are("\xc2\xa3 alone", "p:\xc2\xa3 w:alone");
    /* hyphens and apostrophes */
    tokens_are("looked-after children", "w:looked-after w:children");
    tokens_are("Ofsted's report", "w:Ofsted's w:report");
    tokens_are("Ofsted's.", "w:Ofsted's p:.");
    tokens_are("don't and won't", "w:don't w:and w:won't");
    tokens_are("councils' budgets", "w:councils p:' w:budgets");
    tokens_are("a well - run service", "w:a w:well p:- w:run w:service");
    tokens_are("twenty-six", "w:twenty-six");
    tokens_are("end-", "w:end p:-");
    /* quotes */
    tokens_are("\"Why?\" he asked", "p:\" w:Why p:? p:\" w:he w:asked");
    tokens_are("'grip'", "p:' w:grip p:'");
    /* non-ASCII letters are letters; other symbols are punctuation */
    tokens_are("caf\xc3\xa9 na\xc3\xafve", "w:caf\xc3\xa9 w:na\xc3\xafve");
    tokens_are("a \xe2\x80\xa2 b", "w:a p:\xe2\x80\xa2 w:b");
    tokens_are("", "");
    tokens_are("   ", "");
    tok_bounds();

    ix_err e = {{0}};
    rules = ix_rules_load("patterns", &e);
    CHECK(rules != NULL, "ix_rules_load(patterns): %s", e.msg);
    if (!rules) return DONE();

    sentences_are("Ofsted rated it good. The council was pleased.", "Ofsted rated it good. | The council was pleased.");
    /* abbreviations keep one sentence */
    sentences_are("Mr. Smith met Dr. Jones at St. Mary's school. He left.",
                  "Mr. Smith met Dr. Jones at St. Mary's school. | He left.");
    sentences_are("It was No. 5 on the list. Next came Leeds.", "It was No. 5 on the list. | Next came Leeds.");
    sentences_are("Prof. Green and Mrs. Brown agreed with Cllr. Ali. They spoke.",
                  "Prof. Green and Mrs. Brown agreed with Cllr. Ali. | They spoke.");
    sentences_are("Councils in the north, e.g. Rotherham and Leeds, improved. Others did not.",
                  "Councils in the north, e.g. Rotherham and Leeds, improved. | Others did not.");
    /* a citation's page ("p. 44", "pp. 12-15") ends no sentence */
    sentences_are("As Pellew (2019, p. 44) observes, it is so. See pp. 12-15.",
                  "As Pellew (2019, p. 44) observes, it is so. | See pp. 12-15.");
    /* a sentence that ends inside a quotation ends after the closing mark */
    /* a citation mark after the stop ends the sentence with it */
    sentences_are("Care leavers were judged to require improvement.[9] The report said so.[10][11] Next.",
                  "Care leavers were judged to require improvement.[9] | The report said so.[10][11] | Next.");
    sentences_are("See note [9] The end. It was [a] Good.", "See note [9] The end. | It was [a] Good.");
    sentences_are("She said children \"deserve better than this.\" Next, the council replied.",
                  "She said children \"deserve better than this.\" | Next, the council replied.");
    sentences_are("She said children \xe2\x80\x9c" "deserve better.\xe2\x80\x9d Next, the council replied.",
                  "She said children \"deserve better.\" | Next, the council replied.");
    sentences_are("He called it 'a disgrace.' The minister agreed.", "He called it 'a disgrace.' | The minister agreed.");
    /* "Why?" he asked stays one sentence */
    sentences_are("\"Why?\" he asked. Nobody answered.", "\"Why?\" he asked. | Nobody answered.");
    sentences_are("\"Is this good enough?\" asked the inspector. It was not.",
                  "\"Is this good enough?\" asked the inspector. | It was not.");
    /* initials */
    sentences_are("The report by J. Smith was published. It was long.",
                  "The report by J. Smith was published. | It was long.");
    sentences_are("A. N. Other wrote it. Then he left.", "A. N. Other wrote it. | Then he left.");
    /* other ends */
    sentences_are("Ofsted rated it good! Was the council pleased? Yes.", "Ofsted rated it good! | Was the council pleased? | Yes.");
    sentences_are("The figure rose to 2.5 per cent. Then it fell.", "The figure rose to 2.5 per cent. | Then it fell.");
    sentences_are("(See the report.) Next one.", "(See the report.) | Next one.");
    sentences_are("It fell by 3 per cent. 2015 was worse.", "It fell by 3 per cent. | 2015 was worse.");
    sentences_are("Really?! Yes.", "Really?! | Yes.");
    /* paragraphs end sentences; a lower-case continuation does not start one */
    sentences_are("First paragraph without a stop\n\nSecond one. it continues here.",
                  "First paragraph without a stop | Second one. it continues here.");
    sentences_are("", "");

    /* The count the segmenter keeps (ix_count_tokens, which passes plain
     * letters and spaces sixteen bytes at a time) is the number of tokens
     * ix_tokenize gives, for random text from pieces where the two could
     * part: words across block edges, joiners, digits with suffixes and
     * separators, currency, non-ASCII letters, tabs, runs of spaces. */
    static const char *const piece[] = {"a", "b", "Z", "the", "Council", " ", " ", " ", "  ", "\t", "-", "'", ",", ".",
                                        "5", "12", "m", "%", "$", "/", ":", "\xC3\xA9", "\xC2\xA3", "\xE2\x82\xAC",
                                        "looked-after", "Ofsted's", "2013/14", "\xCE\xB1", "!", "x9", "(", "\n", "...", ".."};
    unsigned long r = 12345;
    int bad = 0, runs = 0;
    for (int it = 0; it < 20000; it++) {
        char buf[256];
        size_t len = 0;
        for (int k = 0; k < 30; k++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            const char *p = piece[(r >> 33) % (sizeof piece / sizeof *piece)];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf) break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        for (size_t a = 0; a < 17 && a <= len; a++) {     /* every alignment */
            size_t count = 0;
            ix_tokenize(buf, a, len, count_one, &count);
            runs++;
            if (ix_count_tokens(buf, a, len) != count && bad++ < 5)
                printf("# ix_count_tokens %zu, ix_tokenize %zu on [%.*s]\n", ix_count_tokens(buf, a, len), count,
                       (int)(len - a), buf + a);
        }
    }
    CHECK(bad == 0, "token counts agree (%d of %d runs differ)", bad, runs);

    ix_rules_free(rules);
    return DONE();
}
