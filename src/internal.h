/* internal.h — types shared between the pipeline stages (not public API).
 *
 * The central object is ix_doc: one document moving through the pipeline.
 * It owns the decoded text, the normalised text, both offset maps and the
 * segmentation. Extractors read it and append records to an ix_result.
 */
#ifndef IX_INTERNAL_H
#define IX_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <string.h>
#if defined(__SSE2__) && !defined(IX_NO_SIMD)
#include <emmintrin.h>
#endif
#include "inspex.h"

/* ---- growable byte buffer ------------------------------------------------ */

typedef struct ix_buf {
    char *s;
    size_t len, cap;
} ix_buf;

/* Room for `extra` more bytes and the terminating NUL. */
void ix_buf_grow(ix_buf *b, size_t extra);
/* Appends, keeping the buffer NUL-terminated. Inline: the records and the
 * normalised text are written a byte or a short run at a time, and the
 * call was a fair share of writing them; growing stays out of line. */
static inline void ix_buf_put(ix_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) ix_buf_grow(b, n);
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}
static inline void ix_buf_putc(ix_buf *b, char c)
{
    if (b->len + 2 > b->cap) ix_buf_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}
void ix_buf_puts(ix_buf *b, const char *s);
/* Returns the buffer's bytes NUL-terminated and hands them to the caller. */
char *ix_buf_take(ix_buf *b);
void ix_buf_free(ix_buf *b);

void *ix_xmalloc(size_t n);
void *ix_xrealloc(void *p, size_t n);
char *ix_xstrndup(const char *s, size_t n);
/* The first copy of the nl bytes at needle in the n bytes at s (not
 * NUL-terminated), or NULL: memmem, which is not POSIX. */
const char *ix_memfind(const char *s, size_t n, const char *needle, size_t nl);
char *ix_xstrdup(const char *s);

/* ---- offset maps ---------------------------------------------------------
 * Maps offsets of a derived text back to offsets of the text it came from.
 * Only the places where lengths differ are stored (an "edit": derived bytes
 * [t, t+tlen) replaced source bytes [o, o+olen)); everything between edits is
 * a 1:1 shift. Plain ASCII text therefore costs nothing. */
typedef struct ix_edit {
    size_t t, tlen, o, olen;
} ix_edit;

typedef struct ix_offmap {
    ix_edit *e;
    size_t n, cap;
} ix_offmap;

void ix_offmap_add(ix_offmap *m, size_t t, size_t tlen, size_t o, size_t olen);
/* Source offset for a derived offset used as a span START / END. A span
 * that starts or ends inside a replaced region covers all of it. */
size_t ix_offmap_start(const ix_offmap *m, size_t t);
size_t ix_offmap_end(const ix_offmap *m, size_t t);
void ix_offmap_free(ix_offmap *m);

/* ---- decoding (decode.c) ------------------------------------------------- */

typedef struct ix_decoded {
    char *s;            /* valid UTF-8, `len` bytes: a NUL-terminated copy, or,
                           when `borrowed`, the input's own bytes (valid UTF-8
                           needs no copy: one document's size less in memory) */
    size_t len;
    ix_offmap map;      /* decoded -> original bytes */
    ix_encoding enc;
    bool borrowed;
} ix_decoded;

/* Decodes raw document bytes. Fills warnings (a json array of strings).
 * Returns 0, or -1 with `e` filled when the bytes are not text at all
 * (e.g. UTF-16, binary). */
int ix_decode(const unsigned char *p, size_t len, ix_decoded *out,
              json_t *warnings, ix_err *e);
/* The same for one part of a larger document: `enc` is the encoding the
 * document's first part decided (-1: decide here, as ix_decode does) and
 * `base` the part's offset in the document, for the byte offsets warnings
 * give. */
int ix_decode_part(const unsigned char *p, size_t len, int enc, size_t base,
                   ix_decoded *out, json_t *warnings, ix_err *e);
void ix_decoded_free(ix_decoded *d);

/* ---- segmentation (normalize.c, segment.c) ------------------------------- */

typedef struct ix_span {
    size_t a, b;        /* [a, b) in normalised text */
} ix_span;

typedef enum { IX_TOK_WORD, IX_TOK_NUMBER, IX_TOK_PUNCT } ix_tok_kind;

typedef struct ix_token {
    size_t a, b;
    ix_tok_kind kind;
} ix_token;

typedef struct ix_para {
    size_t a, b;
    size_t first_sent, nsent;
    size_t block;       /* paragraphs between two blank lines share a block */
    bool boilerplate;   /* job advert, sign-up blurb, navigation, caption repeat */
    bool headline;      /* first short line(s) of the document */
} ix_para;

typedef struct ix_sent {
    size_t a, b;
    size_t para;
} ix_sent;

typedef struct ix_doc {
    const ix_input *in;
    const unsigned char *bytes;  /* the original bytes decoded here: in->bytes,
                                    or a part of them starting at in->bytes + base */
    size_t base;         /* offset of `bytes` in the document; spans include it */
    ix_decoded dec;
    char *text;          /* normalised text: paragraphs separated by '\n' */
    const char *title, *date;   /* detected (borrowed from docrec) */
    size_t len;
    ix_offmap map;       /* normalised -> decoded */
    ix_para *paras;
    size_t npara;
    ix_sent *sents;
    size_t nsent;
    size_t ntokens;
    json_t *warnings;    /* array of strings */
    json_t *docrec;      /* the doc record (borrowed by the result) */
    uint64_t pf_id;      /* prefilter scan of this text, 0 = none */
    int subtitles;       /* the whole document is a subtitle file: 1 yes, 0 no,
                            -1 not known (ix_normalize looks at its own text) */
} ix_doc;

/* normalize.c: fills doc->text, doc->len, doc->map from doc->dec. */
void ix_normalize(ix_doc *doc);
/* Is the document that starts at s (valid UTF-8 or ASCII-compatible bytes)
 * a subtitle file (SRT or WebVTT)? Its first line says; a later part of a
 * large document is read as its first part was. */
bool ix_is_subtitles(const char *s, size_t n);
/* The normalised form of a short piece of valid UTF-8 (a record's
 * number_text, for the audit): newly allocated, NUL-terminated, its length
 * in *len. */
char *ix_normalize_str(const char *s, size_t n, size_t *len);
/* A word hyphenated across one line break ("inade-\nquate"): s[h] is an
 * ASCII hyphen after an ASCII letter, then spaces or tabs, one line break,
 * spaces or tabs, and a lower-case word that goes on with no hyphen of its
 * own ("Stoke-\non-Trent" keeps its break). Returns where that word starts,
 * 0 when [h, n) is no such break. The normaliser joins it for the rules,
 * the audit before reading grades. */
size_t ix_hyphen_break(const char *s, size_t n, size_t h);
/* segment.c: paragraphs, sentences, token count. */
void ix_segment(const ix_rules *r, ix_doc *doc);
/* Does the paragraph open with a list's bullet ("- ", "* ", "• ", "▪ ")? */
bool ix_para_bullet(const ix_doc *d, const ix_para *p);
/* Does it end with a colon, as a caption or a list's heading does? */
bool ix_para_ends_colon(const ix_doc *d, const ix_para *p);
/* Calls fn for every token in [a, b) of the normalised text. */
void ix_tokenize(const char *s, size_t a, size_t b,
                 void (*fn)(void *ctx, const ix_token *t), void *ctx);
/* How many tokens ix_tokenize would give (faster: plain stretches of letters
 * and spaces are counted eight bytes at a time). */
size_t ix_count_tokens(const char *s, size_t a, size_t b);
/* Is the character at s[i] (before b) a letter, as the tokenizer reads
 * words (Unicode letters and marks; ASCII without a table lookup)? Sets
 * *len to its length in bytes. */
bool ix_letter_at(const char *s, size_t i, size_t b, size_t *len);

/* Decodes, normalises and segments bytes [base, base + len) of `in` (the
 * whole document: 0, in->len) into d, `enc` as for ix_decode_part; d->in
 * must outlive d. Returns 0, or -1 with `e` filled when they are not text
 * (then d holds nothing). ix_doc_close frees all of it, warnings included. */
int ix_doc_open(ix_doc *d, const ix_rules *r, const ix_input *in, size_t base, size_t len, int enc, ix_err *e);
void ix_doc_close(ix_doc *d);

/* Original-byte span for a normalised span. */
void ix_doc_span(const ix_doc *d, size_t a, size_t b, size_t *oa, size_t *ob);
/* `evidence` for a normalised span: original bytes decoded (malloc'd). */
char *ix_doc_evidence(const ix_doc *d, size_t a, size_t b);
/* Sets "span" and "evidence" of rec from a normalised span. */
void ix_doc_set_span(const ix_doc *d, json_t *rec, const char *key_span,
                     size_t a, size_t b);
/* Index of the sentence holding normalised offset `off`. */
size_t ix_doc_sent_at(const ix_doc *d, size_t off);

/* ---- rules (rules.c) ----------------------------------------------------- */

typedef struct ix_example {
    char *text;
    char *expect;        /* "field=value; field=value" or NULL */
    bool yes;
    int line;
} ix_example;

/* Every rule is compiled with these: UTF-8, a group name may repeat, and
 * a match context may bound where a match starts (ix_rule_match). */
#define IX_RULE_OPTIONS (PCRE2_UTF | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT)

typedef struct ix_rule {
    char *name;          /* "ratings/count-judged" */
    char *file;
    int line;
    char *family;        /* "rating", "council_rating", "quote", "council", ... */
    char *regex;         /* expanded source: macros as (?&NAME) subroutine calls */
    char *inlined;       /* the same with the macros written out, which JIT code
                            runs faster (no call frames); NULL when too large */
    pcre2_code *code;    /* compiled from `inlined`, else from `regex`; not JIT-compiled */
    pcre2_code *code_jit;        /* a copy JIT-compiled on first use (ix_rule_code) */
    pcre2_code *code_anchored;   /* compiled with PCRE2_ANCHORED on first anchored use (rules.c) */
    bool anchored_continue;  /* applied at the end of a previous match */
    bool unscanned;      /* "prefilter off": always run, its literals not scanned for */
    json_t *set;         /* constant fields */
    ix_example *ex;
    size_t nex;
    int pfg[3], npf;     /* prefilter groups pfg[0..npf): a match holds a
                            literal of each; npf 0: always run (prefilter.c) */
    const uint64_t *pfmask;  /* the same groups as bits, (groups + 63) / 64
                                words, owned by the prefilter */
    size_t lookbehind;   /* bytes before its start that a match may read
                            (PCRE2's longest lookbehind, 4 bytes a character) */
    const unsigned char *names;   /* `code`'s name table (PCRE2_INFO_NAMETABLE) */
    uint32_t nnames, name_esz;    /* its entries and their size */
} ix_rule;

/* A two-column table: phrase -> value, looked up case-insensitively with
 * quotes stripped and whitespace folded. */
typedef struct ix_table {
    char *name;
    char *path;          /* for FILE:LINE messages */
    char **key, **val;
    int *line;           /* the line of each row */
    size_t n;
    /* ix_table_get's index, made at load (rules.c): each row's lookup key
     * and an open-addressing hash of them (first row wins). */
    char **lkey;
    uint32_t *slot;      /* row + 1, 0 = empty */
    size_t nslot;        /* a power of two */
    uint32_t *eslot;     /* the same over the keys as written, for ix_table_has */
    size_t *klen;
    size_t *bylen;       /* rows by key length, longest first (ties in table order) */
    bool first[256];     /* the bytes keys (as written) start with */
} ix_table;

/* The families and tables the extractors use, found by name once when the
 * rules load: looked up by name for every document they were 2% of a run
 * over news text. Each is named once, in the lists below. */
#define IX_FAMILIES(X) \
    X(IX_FAM_BOILERPLATE, "boilerplate") \
    X(IX_FAM_DATE, "date") \
    X(IX_FAM_COUNCIL_REJECT_BEFORE, "council_reject_before") \
    X(IX_FAM_COUNCIL_REJECT_AFTER, "council_reject_after") \
    X(IX_FAM_COUNCIL_BODY_AFTER, "council_body_after") \
    X(IX_FAM_COUNCIL_PERSON_BEFORE, "council_person_before") \
    X(IX_FAM_COUNCIL_PERSON_AFTER, "council_person_after") \
    X(IX_FAM_COUNCIL_SUPPORT_AFTER, "council_support_after") \
    X(IX_FAM_COUNCIL_SUPPORT_SENTENCE, "council_support_sentence") \
    X(IX_FAM_COUNCIL_START_AFTER, "council_start_after") \
    X(IX_FAM_COUNCIL_START_REJECT_AFTER, "council_start_reject_after") \
    X(IX_FAM_COUNCIL_LOCATOR_BEFORE, "council_locator_before") \
    X(IX_FAM_COUNCIL_ASIDE_BEFORE, "council_aside_before") \
    X(IX_FAM_COUNCIL_RATING, "council_rating") \
    X(IX_FAM_COUNCIL_RATING_MEMBER, "council_rating_member") \
    X(IX_FAM_COUNCIL_FIGURE_AFTER, "council_figure_after") \
    X(IX_FAM_JUDGEMENT_AFTER, "judgement_after") \
    X(IX_FAM_GRADE_FROM_BEFORE, "grade_from_before") \
    X(IX_FAM_QUOTE_AFTER, "quote_after") \
    X(IX_FAM_QUOTE_BEFORE, "quote_before") \
    X(IX_FAM_QUOTE_FINAL, "quote_final") \
    X(IX_FAM_QUOTE_SENTENCE, "quote_sentence") \
    X(IX_FAM_QUOTE_COORDINATED, "quote_coordinated") \
    X(IX_FAM_QUOTE_COLON, "quote_colon") \
    X(IX_FAM_QUOTE_PREV, "quote_prev") \
    X(IX_FAM_QUOTE_ADDED, "quote_added") \
    X(IX_FAM_QUOTE_DASH, "quote_dash") \
    X(IX_FAM_SPEAKER_NAME, "speaker_name") \
    X(IX_FAM_SPEAKER_DESC, "speaker_desc") \
    X(IX_FAM_PERSON_MENTION, "person_mention") \
    X(IX_FAM_SPEAKER_HUMAN, "speaker_human") \
    X(IX_FAM_SPEAKER_INSPECTION, "speaker_inspection") \
    X(IX_FAM_SPEAKER_ADDRESSEE, "speaker_addressee") \
    X(IX_FAM_RATING, "rating") \
    X(IX_FAM_RATING_CONTEXT, "rating_context") \
    X(IX_FAM_RATING_PERIOD, "rating_period") \
    X(IX_FAM_RATING_TABLE, "rating_table") \
    X(IX_FAM_RATING_ROW, "rating_row") \
    X(IX_FAM_RATING_NEXT, "rating_next") \
    X(IX_FAM_RATING_LEAD, "rating_lead") \
    X(IX_FAM_RATING_ANTECEDENT, "rating_antecedent")
#define IX_TABLES(X) \
    X(IX_TAB_ABBREVIATIONS, "abbreviations") \
    X(IX_TAB_APPROX, "approx") \
    X(IX_TAB_CLAUSE_LEADS, "clause_leads") \
    X(IX_TAB_COUNCIL_REFS, "council_refs") \
    X(IX_TAB_COUNCIL_ROLES, "council_roles") \
    X(IX_TAB_COUNCILS, "councils") \
    X(IX_TAB_FINDING_VERBS, "finding_verbs") \
    X(IX_TAB_GRADES, "grades") \
    X(IX_TAB_JUDGEMENTS, "judgements") \
    X(IX_TAB_NONNAMES, "nonnames") \
    X(IX_TAB_NONUNITS, "nonunits") \
    X(IX_TAB_NUMBERS, "numbers") \
    X(IX_TAB_ORGS, "orgs") \
    X(IX_TAB_PRONOUNS, "pronouns") \
    X(IX_TAB_RELATIVES, "relatives") \
    X(IX_TAB_SPEAKER_LEADS, "speaker_leads") \
    X(IX_TAB_SPEECH_VERBS, "speech_verbs") \
    X(IX_TAB_SUBJECT_VERBS, "subject_verbs") \
    X(IX_TAB_SUCCESSORS, "successors") \
    X(IX_TAB_TITLES, "titles") \
    X(IX_TAB_UNITCLASS, "unitclass") \
    X(IX_TAB_UNITS, "units")
#define IX_ID_ENUM(id, name) id,
typedef enum { IX_FAMILIES(IX_ID_ENUM) IX_NFAM } ix_fam_id;
typedef enum { IX_TABLES(IX_ID_ENUM) IX_NTAB } ix_tab_id;
#undef IX_ID_ENUM

struct ix_rules {
    char *dir;
    ix_rule *rules;
    size_t nrules;
    ix_table *tables;
    size_t ntables;
    struct { char *name; char *body; } *macros;
    size_t nmacros;
    char hash[65];
    pcre2_match_context *mctx;  /* limits for untrusted text */
    ix_lexicon *lex;
    struct ix_gazetteer *gaz;
    struct ix_family *fams;     /* rules grouped by family, built once at load */
    size_t nfams;
    struct ix_prefilter *pf;    /* literal triggers of every rule (prefilter.c) */
    const struct ix_rule_list *fam[IX_NFAM];  /* the extractors' families (never NULL) */
    const struct ix_table *tab[IX_NTAB];      /* the extractors' tables (NULL: none) */
};

/* Rules of one family, in file order. For a family, the prefilter also
 * keeps the sets of literal groups some rule of it needs all of, less the
 * sets that hold another (a sentence whose groups include none of them
 * holds no match of any rule: ix_prefilter_family_may); `need` is NULL
 * when not worked out (a list put together by hand, no prefilter). */
typedef struct ix_rule_list {
    const ix_rule **r;
    size_t n;
    const uint64_t *need;     /* nneed masks of ix_prefilter_groups words; owned by the family */
    size_t nneed;
    bool always;              /* a rule needs no literal: every sentence may */
} ix_rule_list;

/* The family's rules in file order, borrowed from the rules (nothing to
 * free; empty when the family has no rules). Found by bisection. */
const ix_rule_list *ix_rules_family_ref(const ix_rules *r, const char *family);
/* The same for the families and tables the extractors use, by number. */
static inline const ix_rule_list *ix_rules_fam(const ix_rules *r, ix_fam_id f) { return r->fam[f]; }
static inline const ix_table *ix_rules_tab(const ix_rules *r, ix_tab_id t) { return r->tab[t]; }
const ix_rule *ix_rules_get(const ix_rules *r, const char *name);
/* The rule's code to match with: JIT-compiled the first time any thread
 * asks (a run over a few documents meets a fraction of the rules, and JIT
 * compiling all of them was a third of the start-up). */
const pcre2_code *ix_rule_code(const ix_rule *rule);
const ix_table *ix_rules_table(const ix_rules *r, const char *name);
/* Table lookup of a phrase (normalised for lookup); NULL when absent. */
const char *ix_table_get(const ix_table *t, const char *s, size_t len);
/* A grade phrase's grade from grades.tsv, also with an owner before it
 * ("Ofsted's top grade" as "the top grade"). */
const char *ix_grade_get(const ix_table *grades, const char *s, size_t len);
/* Is s[0..len) a key exactly as written (case and punctuation kept)? */
bool ix_table_has(const ix_table *t, const char *s, size_t len);
/* Appends "(?:...)" matching exactly the given literal phrases (case as
 * written), factored as a trie on their characters: "Hull", "Hull City
 * Council" -> "(?:Hull(?: City Council)?)". A longer phrase is tried before
 * its own prefix, so at any position it matches what an alternation sorted
 * longest first would, but PCRE2 tests each character once instead of once
 * per phrase. Characters in `escape` get a backslash. Empty phrases are
 * ignored. Flags: IX_PHRASES_SPACE_DASH, a space or hyphen matches either
 * ("[ -]"); IX_PHRASES_CASELESS, the caller wraps the result in (?i:...),
 * so ASCII case is folded first (phrases that differ only in case are one
 * phrase). */
enum { IX_PHRASES_SPACE_DASH = 1, IX_PHRASES_CASELESS = 2 };
void ix_regex_phrases(ix_buf *out, const char *const *phrases, size_t n, const char *escape, unsigned flags);
/* Lower-cases, strips quote marks, folds runs of space/hyphen: lookup key. */
char *ix_lookup_key(const char *s, size_t len);

struct ix_scratch {
    pcre2_match_data *md;
    pcre2_jit_stack *jit;
    pcre2_match_context *mctx;
    int limit_hits;          /* PCRE2 limits hit in the current document */
    struct ix_pfscan *pf;       /* where the current document's literals are */
    const ix_rule *rules;    /* the rule array rule_hits is indexed by */
    size_t nrules;
    unsigned *rule_hits;     /* per rule, in the current document */
    unsigned *rule_windows;  /* long-subject windows searched, per rule */
    bool long_warned;        /* the long-subject warning was given */
};

/* Starts a new document: clears the limit counts (rules.c). */
void ix_scratch_reset(ix_scratch *s);

/* ---- literal prefilter (prefilter.c) ------------------------------------- */

typedef struct ix_prefilter ix_prefilter;
typedef struct ix_pfscan ix_pfscan;
/* Derives every rule's necessary literals (sets rule->pf) and builds one
 * automaton over them. Never fails for a rule: one it cannot analyse is
 * always run. */
ix_prefilter *ix_prefilter_new(ix_rules *r);
void ix_prefilter_free(ix_prefilter *pf);
/* Rules that have literals (for `inspex rules --list` and tests). */
size_t ix_prefilter_groups(const ix_prefilter *pf);
/* One pass over doc->text: where each rule's literals end. Marks the doc
 * (doc->pf_id) so that ix_prefilter_may answers for it. */
void ix_prefilter_scan(const ix_rules *r, ix_scratch *s, ix_doc *d);
/* False only when `rule` surely cannot match inside [a, b) of the scanned
 * document; true when it may (or when the document was not scanned). Then,
 * unless last_start is NULL, *last_start is the last offset at which a
 * match can start (SIZE_MAX: anywhere). */
bool ix_prefilter_may(ix_scratch *s, const ix_doc *d, const ix_rule *rule, size_t a, size_t b, size_t *last_start);
/* Can any rule of the list match the whole of sentence si of the document
 * last scanned? false when every rule lacks one of its literals there: the
 * same answer ix_prefilter_may gives each rule for that sentence, at the
 * cost of a few bit tests for the lot. */
bool ix_prefilter_family_may(ix_scratch *s, const ix_doc *d, const ix_rule_list *rl, size_t si);
/* Works out rl->need and rl->always for a family (see ix_rule_list). */
void ix_prefilter_family_init(const ix_prefilter *pf, ix_rule_list *rl);
void ix_pfscan_free(ix_pfscan *sc);
/* The literals derived from a regex as "a|b|c & d|e" (each set one literal
 * of which a match holds; lower-case; malloc'd), or NULL when the rule will
 * always run. */
char *ix_prefilter_describe(const char *regex);

/* One regex match with its named captures. */
typedef struct ix_match {
    size_t a, b;                 /* whole match, normalised offsets */
    const ix_rule *rule;
    PCRE2_SIZE *ov;
    uint32_t n;
} ix_match;

/* A council record lists at most this many mentions (a text that names one
 * authority more often is not an article: a 100 MB line of one name made
 * 2.5 million mention pairs, 700 MB of JSON objects). While a document is
 * extracted a record may hold one more, which marks it as cut; ix_extract
 * trims it and says so in a warning. */
#define IX_MAX_MENTIONS 10000

/* Runs `rule` on subject [a, b) of doc text starting at `start`. Returns 1 on
 * a match (m filled), 0 on none, -1 when a PCRE2 limit was hit (warning added
 * to the doc). `anchored` forces a match at `start`. */
int ix_rule_match(const ix_rule *rule, ix_scratch *s, ix_doc *doc, size_t a,
                  size_t b, size_t start, bool anchored, ix_match *m);
/* The named capture, or false if unset. */
bool ix_match_group(const ix_match *m, const char *name, size_t *ga, size_t *gb);

/* Lexicon (numbers.c) built from patterns/numbers.tsv. */
ix_lexicon *ix_lexicon_new(const ix_table *t);
void ix_lexicon_free(ix_lexicon *lx);

/* ---- gazetteer (extract_council.c) --------------------------------------- */

struct ix_gazetteer;
struct ix_gazetteer *ix_gazetteer_new(const ix_rules *r, ix_err *e);
void ix_gazetteer_free(struct ix_gazetteer *g);

/* A council mention found in a document. */
typedef struct ix_mention {
    size_t a, b;          /* normalised span of the name */
    int row;              /* gazetteer row */
    bool strong;
    bool aside;           /* named in passing (a person's former employer, a
                           * partner): takes no focus (ix_ctx_focus_row) */
    bool body;            /* inside the name of the body that delivers its
                           * children's services ("Sandwell Children's Trust"):
                           * graded as the authority, but no council record */
} ix_mention;

/* ---- per-document extraction context ------------------------------------- */

typedef struct ix_ctx {
    const ix_rules *rules;
    ix_scratch *scratch;
    ix_doc *doc;
    ix_result *res;
    unsigned types;
    ix_mention *mentions;     /* accepted council mentions, in text order */
    size_t nmentions;
    json_t *ratings;          /* rating records made so far (borrowed refs) */
    ix_span *rating_spans;    /* their normalised spans, same order */
    size_t nrating_spans;
    ix_span *quote_spans;     /* quotations found (marks included) */
    size_t nquote_spans;
} ix_ctx;

/* Every extractor has this signature: read ctx->doc, append to ctx->res. */
typedef void (*ix_extractor)(ix_ctx *c);
void ix_extract_council(ix_ctx *c);
void ix_extract_rating(ix_ctx *c);
void ix_extract_council_rating(ix_ctx *c);
void ix_extract_quote(ix_ctx *c);

/* Council lookups for other extractors. */
const char *ix_gazetteer_name(const struct ix_gazetteer *g, int row);
const char *ix_gazetteer_code(const struct ix_gazetteer *g, int row);
const char *ix_gazetteer_status(const struct ix_gazetteer *g, int row);
size_t ix_gazetteer_successors(const ix_rules *r, int row, const char *date, int *out, size_t max);
/* Does the text between two names, s[b, a), join them as items of a list:
 * ", ", " and ", ", and " or " or "? */
bool ix_list_next(const char *s, size_t b, size_t a);
/* Finds council mentions inside [a,b) among the accepted ones. */
size_t ix_ctx_mentions_in(const ix_ctx *c, size_t a, size_t b, size_t *first);
/* The authority named most recently before `off` in a sentence naming no
 * other, else the one named most recently; -1: none. */
int ix_ctx_focus_row(const ix_ctx *c, size_t off);
/* Is off inside a quotation the quote extractor found (extract_quote.c)? */
bool ix_ctx_in_quote(const ix_ctx *c, size_t off);

/* Which of n rating records to keep, one per fact (extract_rating.c): keep[i]
 * is false when another record states the same fact (grade, count, share
 * within 0.005) and comes first: in the body before the headline, with a
 * total before without, then in text order. O(n log n). */
void ix_rating_facts_keep(json_t *const *recs, const bool *headline, size_t n, bool *keep);

/* ---- records (record.c) -------------------------------------------------- */

/* A JSON string of text that is usually ASCII (record.c); NULL for NULL. */
json_t *ix_json_strn(const char *s, size_t n);
json_t *ix_json_str(const char *s);
json_t *ix_record_new(const char *type, const ix_doc *d);
void ix_result_add(ix_result *res, json_t *rec);   /* steals the reference */
/* An empty result, with an arena for its records or without (record.c).
 * ix_extract gives one to documents of up to IX_ARENA_DOC bytes. */
#define IX_ARENA_DOC ((size_t)1 << 20)
ix_result *ix_result_new(bool with_arena);
/* Makes A (may be NULL) the calling thread's current arena, where jansson
 * allocates; returns the one it replaces, to restore. */
ix_arena *ix_arena_enter(ix_arena *A);
/* Bytes the result's arena has handed out (0: none), and in *held (may be
 * NULL) the bytes of its chunks: for tests. */
size_t ix_result_arena_bytes(const ix_result *res, size_t *held);
/* Canonical order of records after the doc record: by type then span. */
void ix_result_sort(ix_result *res);
/* Appends one record in canonical form (as ix_record_dump, no newline). */
void ix_record_put(ix_buf *b, const json_t *rec);

/* Length of the valid UTF-8 sequence at p (1..4), or minus the length of the
 * maximal invalid subpart (Unicode Table 3-7). The decoder and the JSON Lines
 * reader's fast path both use it. */
static inline int ix_utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    int need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) need = 2;
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) need = 2;
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    else return -1;
    for (int i = 1; i <= need; i++) {
        if ((size_t)i >= n) return -i;
        unsigned b = p[i];
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) return -i;
    }
    return need + 1;
}

/* ASCII helpers with a table, never locale-dependent. */
static inline bool ix_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool ix_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool ix_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool ix_is_alpha(int c) { return ix_is_upper(c) || ix_is_lower(c) || (unsigned char)c >= 0x80; }
static inline bool ix_is_alnum(int c) { return ix_is_alpha(c) || ix_is_digit(c); }
static inline bool ix_is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Eight bytes at a time, in a 64-bit word: the sixteen-byte block tests
 * below are built from these where there is no SSE2. Each test says
 * exactly whether *some* byte of v qualifies (its high bit set in the
 * result); the ix_bytes_* ones say which (exactly those bytes' high bits). */
#define IX_ONES8 0x0101010101010101u
#define IX_HIGH8 0x8080808080808080u
static inline uint64_t ix_load8(const char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
/* a byte below n (n <= 128) */
static inline uint64_t ix_has_less8(uint64_t v, unsigned n) { return (v - IX_ONES8 * n) & ~v & IX_HIGH8; }
/* a byte equal to c */
static inline uint64_t ix_has_byte8(uint64_t v, unsigned char c) { return ix_has_less8(v ^ (IX_ONES8 * c), 1); }
/* a byte above n (n < 128) */
static inline uint64_t ix_has_more8(uint64_t v, unsigned n) { return ((v + IX_ONES8 * (127 - n)) | v) & IX_HIGH8; }
/* exactly the ASCII letters: their high bit set, no other bit */
static inline uint64_t ix_bytes_alpha8(uint64_t v)
{
    uint64_t y = (v | IX_ONES8 * 0x20) & ~IX_HIGH8;   /* lower case, seven bits: no carries */
    return (y + IX_ONES8 * (0x80 - 'a')) & ~(y + IX_ONES8 * (0x80 - 'z' - 1)) & ~v & IX_HIGH8;
}
/* exactly the ASCII capitals: a letter with bit 5 (0x20) clear */
static inline uint64_t ix_bytes_upper8(uint64_t v) { return ix_bytes_alpha8(v) & ~(v << 2); }
/* exactly the UTF-8 continuation bytes (10xxxxxx): bit 7 set, bit 6 clear */
static inline uint64_t ix_bytes_cont8(uint64_t v) { return v & ~(v << 1) & IX_HIGH8; }
/* how many high bits m has (m as these functions return it) */
static inline size_t ix_count8(uint64_t m) { return (size_t)(((m >> 7) * IX_ONES8) >> 56); }
/* exactly the bytes equal to c: their high bit set, no other bit */
static inline uint64_t ix_bytes_eq8(uint64_t v, unsigned char c)
{
    uint64_t t = v ^ (IX_ONES8 * c);
    return ~(((t & ~IX_HIGH8) + ~IX_HIGH8) | t | ~IX_HIGH8);
}
/* exactly the bytes >= c (1 <= c <= 128), for v with no byte of 0x80 or
 * more: seven-bit bytes plus 0x80 - c cannot carry into the next byte */
static inline uint64_t ix_bytes_ge8(uint64_t v, unsigned char c) { return (v + IX_ONES8 * (0x80u - c)) & IX_HIGH8; }
/* Sixteen bytes at a time, as a bit mask per test: bit k answers for byte
 * k, so a caller learns which bytes qualify (__builtin_ctz finds the
 * first) and can shift masks to look at neighbours. On x86-64 these are
 * SSE2 (which every x86-64 has); elsewhere, or with -DIX_NO_SIMD (a test
 * build compares the two), two eight-byte words packed into a mask: the
 * same answers. */
#if defined(__SSE2__) && !defined(IX_NO_SIMD)
typedef __m128i ix_v16;
static inline ix_v16 ix_v16_load(const char *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }
static inline unsigned ix_v16_mask(ix_v16 m) { return (unsigned)_mm_movemask_epi8(m); }
/* the bytes equal to c */
static inline unsigned ix_v16_eq(ix_v16 v, unsigned char c)
{
    return ix_v16_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)));
}
/* the bytes in [lo, hi] (unsigned) */
static inline unsigned ix_v16_in(ix_v16 v, unsigned char lo, unsigned char hi)
{
    ix_v16 c = _mm_max_epu8(_mm_min_epu8(v, _mm_set1_epi8((char)hi)), _mm_set1_epi8((char)lo));
    return ix_v16_mask(_mm_cmpeq_epi8(c, v));
}
/* the bytes of 0x80 or more */
static inline unsigned ix_v16_high(ix_v16 v) { return ix_v16_mask(v); }
/* the ASCII letters */
static inline unsigned ix_v16_alpha(ix_v16 v)
{
    ix_v16 low = _mm_or_si128(v, _mm_set1_epi8(0x20));
    ix_v16 c = _mm_max_epu8(_mm_min_epu8(low, _mm_set1_epi8('z')), _mm_set1_epi8('a'));
    return ix_v16_mask(_mm_cmpeq_epi8(c, low));
}
#else
typedef struct { uint64_t w[2]; } ix_v16;
static inline ix_v16 ix_v16_load(const char *p) { return (ix_v16){{ix_load8(p), ix_load8(p + 8)}}; }
/* the high bits of an eight-byte test result, as eight bits */
static inline unsigned ix_pack8(uint64_t m) { return (unsigned)((((m >> 7) & IX_ONES8) * 0x0102040810204080u) >> 56); }
static inline unsigned ix_v16_eq(ix_v16 v, unsigned char c)
{
    return ix_pack8(ix_bytes_eq8(v.w[0], c)) | ix_pack8(ix_bytes_eq8(v.w[1], c)) << 8;
}
static inline unsigned ix_v16_high(ix_v16 v) { return ix_pack8(v.w[0] & IX_HIGH8) | ix_pack8(v.w[1] & IX_HIGH8) << 8; }
/* exactly the bytes >= c (unsigned, any bytes): the low seven bits
 * compared without a borrow between bytes, then the high bit decides */
static inline uint64_t ix_bytes_geu8(uint64_t v, unsigned c)
{
    uint64_t low = ((v | IX_HIGH8) - IX_ONES8 * (c & 0x7F)) & IX_HIGH8;
    return (c & 0x80 ? v & low : v | low) & IX_HIGH8;
}
static inline unsigned ix_v16_in(ix_v16 v, unsigned char lo, unsigned char hi)
{
    unsigned m = 0;
    for (int k = 0; k < 2; k++) {
        uint64_t in = ix_bytes_geu8(v.w[k], lo);
        if (hi < 0xFF) in &= ~ix_bytes_geu8(v.w[k], hi + 1u);
        m |= ix_pack8(in) << (8 * k);
    }
    return m;
}
static inline unsigned ix_v16_alpha(ix_v16 v)
{
    return ix_pack8(ix_bytes_alpha8(v.w[0])) | ix_pack8(ix_bytes_alpha8(v.w[1])) << 8;
}
#endif
/* how many bits of a 16-bit mask are set (no popcnt instruction assumed) */
static inline unsigned ix_bits16(unsigned m)
{
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    return (m + (m >> 8)) & 0x1Fu;
}

/* The first of the bytes a, b, c in s[i, end), or end; the bytes before it
 * are passed sixteen at a time (sentence ends, quotation marks: a few per
 * hundred bytes). Pass a byte twice for a set of two. */
static inline size_t ix_find3(const char *s, size_t i, size_t end, char a, char b, char c)
{
    for (; i + 16 <= end; i += 16) {
        ix_v16 v = ix_v16_load(s + i);
        unsigned m = ix_v16_eq(v, (unsigned char)a) | ix_v16_eq(v, (unsigned char)b) | ix_v16_eq(v, (unsigned char)c);
        if (m) return i + (size_t)__builtin_ctz(m);
    }
    while (i < end && s[i] != a && s[i] != b && s[i] != c) i++;
    return i;
}

#endif
