/* audit.h — the audit core: re-read the sources named in a records file and
 * check every record against them and against each other.
 *
 * `inspex audit` (cmd_audit.c) is the only user. The core never prints: it
 * reads records, re-reads sources, runs the checks and leaves a verdict on
 * every record; cmd_audit.c turns the verdicts into a summary, JSON Lines or
 * (through ix_audit_html, audit_html.c) a self-contained HTML page.
 *
 * The checks, each with a stable name used in every output:
 *
 *   format                the line is a JSON object with "type" and "doc"
 *   provenance.source     the document's source can still be read
 *   provenance.sha256     its bytes hash to the recorded sha256
 *   provenance.evidence   `evidence` equals the source bytes at `span`,
 *                         decoded per the doc's `encoding`
 *   provenance.number     `number_text` is in the evidence and re-parses to
 *                         the record's count/share/total
 *   provenance.grade      the grade words of the evidence (patterns/grades.tsv)
 *                         agree with `grade`
 *   provenance.quote      a quote's `text` is the evidence without its marks
 *   fields                field values are ones SCHEMA.md allows
 *   arithmetic.partition  counts of one set (same unit, period, total) add up
 *                         to the total; compound grades equal their parts;
 *                         shares of disjoint grades do not exceed 100%
 *   arithmetic.share      a share agrees with a count and total of the same set
 *   arithmetic.headline   a headline figure agrees with the body's
 *   arithmetic.repeat     one document does not give two different figures
 *                         for one grade, unit and period (warn)
 *   crossdoc.agreement    documents giving the same period's figure agree
 *                         with the majority
 *   plausibility.speaker  a quote has a speaker, and it looks like a name or
 *                         a description
 *   plausibility.council  the council is in the gazetteer (patterns/councils.tsv)
 *   plausibility.overlap  no two records of one type overlap
 *
 * Severity: provenance, fields, format, arithmetic, crossdoc and
 * plausibility.council failures are FAIL; the other plausibility checks are
 * WARN (they flag what a person should look at, not what is proven wrong).
 *
 * Two ways to run it:
 *
 *   whole      ix_audit_read_all + ix_audit_run: every record and source is
 *              held until ix_audit_free (the HTML report needs them all).
 *   streaming  ix_audit_stream: one document (its doc record and the records
 *              after it) at a time, handed to a callback and then freed.
 *              Agreement across documents needs every document's figures
 *              first, so the records are read twice: pass 1 checks only the
 *              documents with a figure for a period and keeps those figures
 *              (ix_aref); pass 2 checks every document and adds the
 *              agreement findings pass 1 left. Memory: one document, the
 *              kept figures, 16 bytes per document id.
 *
 * Both give the same findings in the same order. A document's records must
 * follow its doc record, as `inspex extract` writes them; a record after
 * another document's records fails provenance.source.
 *
 * OWNERSHIP: an ix_audit owns the records it holds (json_t reference),
 * every source copy and every finding; they die with ix_audit_free (or,
 * streaming, when the callback has seen them). A record is named by its
 * index in the whole records file; recs[] holds those from `base` on.
 */
#ifndef IX_AUDIT_H
#define IX_AUDIT_H

#include <stdbool.h>
#include "inspex.h"

typedef enum { IX_V_PASS = 0, IX_V_SKIP, IX_V_WARN, IX_V_FAIL } ix_verdict;
const char *ix_verdict_name(ix_verdict v);          /* "pass", "skip", "warn", "fail" */

/* One check's outcome on one record. `related` lists other records the
 * check compared this one with (the other counts of a set, the documents
 * that disagree). */
typedef struct ix_finding {
    const char *check;        /* static name, see above */
    ix_verdict v;
    char *reason;             /* a sentence for people; NULL on pass */
    size_t *related;          /* record indexes in the whole file */
    size_t nrelated;
} ix_finding;

/* One line of the records file. */
typedef struct ix_arec {
    json_t *rec;              /* the record, or NULL when the line was not JSON */
    size_t line;              /* 1-based line in the records file */
    const char *type;         /* borrowed from rec ("?" when absent) */
    size_t doc;               /* index into docs, or IX_NONE */
    bool has_span;
    size_t a, b;              /* span when has_span */
    size_t doc_line;          /* its doc record's line when that is not the
                                 last doc record before it (else 0) */
    ix_finding *f;
    size_t nf, capf;
    ix_verdict v;             /* worst finding */
} ix_arec;

#define IX_NONE ((size_t)-1)

/* One document: its doc (or error) record and the source as re-read. */
typedef struct ix_adoc {
    const char *id;           /* borrowed from the doc record */
    const char *source;
    size_t rec;               /* its doc/error record */
    bool is_error;            /* an error record: nothing to check */
    unsigned char *bytes;     /* the source re-read, or NULL */
    size_t len;
    char *read_error;         /* why it could not be re-read, or NULL */
    bool changed;             /* sha256 differs from the record's */
    int enc;                  /* ix_encoding */
    size_t head_a, head_b;    /* the headline's bytes (head_b == 0: none) */
    size_t *recs;             /* its other records, in file order */
    size_t nrecs, caprecs;
    ix_verdict v;             /* worst verdict of its records */
} ix_adoc;

/* One figure in the cross-document agreement table. */
typedef struct ix_agree_cell {
    size_t rec;
    char *value;              /* "10 of 43", "about 25%" */
    bool agrees;              /* with the majority (or with every other doc) */
} ix_agree_cell;

typedef struct ix_agree_row {
    char *period, *unit, *grade;
    char *total;              /* "43", or NULL when the set has no stated total */
    char *majority;           /* the majority's value, or NULL when none */
    ix_agree_cell *cells;
    size_t ncells;
    size_t ndocs;
    bool ok;                  /* every document agrees */
} ix_agree_row;

/* A record outside the records held (streaming): what findings that name
 * it print. Kept for the figures agreement across documents compares. */
typedef struct ix_aref {
    size_t rec, line;
    char *doc, *evidence;     /* owned; evidence may be NULL */
    bool has_span;
    size_t a, b;
} ix_aref;

typedef struct ix_audit_opts {
    const char *base;         /* resolve relative sources against this folder */
    const char *text_field;   /* JSON Lines dumps: the text field ("text") */
} ix_audit_opts;

typedef struct ix_audit {
    const ix_rules *rules;
    ix_audit_opts o;
    char *name;               /* the records file's name, for messages */
    ix_arec *recs;            /* records base .. base + nrecs - 1 */
    size_t nrecs, caprecs;
    size_t base;
    ix_adoc *docs;            /* documents docbase .. docbase + ndocs - 1 */
    size_t ndocs, capdocs;
    size_t docbase;
    ix_aref *refs;            /* by rec: the figures kept for agreement */
    size_t nrefs, caprefs;
    void *kept;               /* audit_figures.c: those figures' values */
    ix_agree_row *agree;
    size_t nagree;
    void *priv;               /* lookup tables private to audit.c */
} ix_audit;

/* Creates an empty audit; `r` (borrowed, must outlive the audit) gives the
 * number lexicon, the grade vocabulary and the gazetteer. */
ix_audit *ix_audit_new(const ix_rules *r, const ix_audit_opts *o);
void ix_audit_free(ix_audit *a);

/* Where the records come from: `start` goes to the first record (again,
 * for pass 2); `next` gives the next non-blank line and its 1-based line
 * number: 1, 0 at the end, -1 with `e` filled on a read error. */
typedef struct ix_audit_src {
    void *ctx;
    int (*start)(void *ctx, ix_err *e);
    int (*next)(void *ctx, const char **s, size_t *len, size_t *line, ix_err *e);
} ix_audit_src;

/* Sources: a JSON Lines file that can be read twice (a regular file, or a
 * copy of stdin; `name`, borrowed, is for messages), and an inspex SQLite
 * database (records numbered from 1, in the order `export --jsonl` gives
 * them). Their messages name them. _free closes what they opened. */
ix_audit_src *ix_audit_src_file(FILE *f, const char *name);
ix_audit_src *ix_audit_src_db(const char *path);
void ix_audit_src_free(ix_audit_src *src);

/* Whole: reads every record. Lines that are not records are kept and fail
 * the `format` check. Returns 0, or -1 with `e` filled on a read error. */
int ix_audit_read_all(ix_audit *a, const ix_audit_src *src, const char *name, ix_err *e);

/* Whole: re-reads every source and runs every check. Never fails: problems
 * are findings. */
void ix_audit_run(ix_audit *a);

/* Streaming: checks every record and calls emit(ctx, a, i) for each, in
 * file order, with recs[i] (i counted from base) final; the record is freed
 * soon after. Returns 0, or -1 with `e` filled on a read error or when the
 * records changed between the passes. */
typedef void (*ix_audit_emit)(void *ctx, const ix_audit *a, size_t i);
int ix_audit_stream(ix_audit *a, const ix_audit_src *src, const char *name, ix_audit_emit emit, void *ctx,
                    ix_err *e);

/* Appends a finding to record i of recs[] (reason printf-style, NULL for a
 * pass); `related` are indexes in recs[] too. */
void ix_audit_note(ix_audit *a, size_t i, const char *check, ix_verdict v,
                   const size_t *related, size_t nrelated, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* The same for record `rec` of the whole file, held or not (a record not
 * held keeps the finding until pass 2 reads it again); `related` are
 * whole-file indexes. */
void ix_audit_note_rec(ix_audit *a, size_t rec, const char *check, ix_verdict v,
                       const size_t *related, size_t nrelated, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Figures (audit_figures.c). ix_audit_doc_figures checks the arithmetic of
 * document di of docs[] and, with `keep`, keeps its figures for a period
 * (copied into refs[]); ix_audit_crossdoc compares the kept figures across
 * documents and lets them go. */
void ix_audit_doc_figures(ix_audit *a, size_t di, bool keep);
void ix_audit_crossdoc(ix_audit *a);
void ix_audit_kept_free(ix_audit *a);         /* by ix_audit_free: figures never compared */

/* Record `rec` of the whole file as findings print it: from recs[] when
 * held, else from refs[]. False when it is in neither. */
bool ix_audit_ref(const ix_audit *a, size_t rec, ix_aref *out);

/* Evidence-like text of record `rec` (whole-file index) for messages: its
 * evidence, shortened. */
char *ix_audit_snippet(const ix_audit *a, size_t rec, size_t max);

/* Counts over all findings of one check name (NULL: every check). */
typedef struct ix_audit_tally { size_t pass, warn, fail, skip; } ix_audit_tally;
ix_audit_tally ix_audit_count(const ix_audit *a, const char *check);
/* Counts one finding's verdict. */
void ix_audit_tally_add(ix_audit_tally *t, ix_verdict v);

/* The check names in report order (NULL-terminated): the array has room
 * for exactly IX_AUDIT_NCHECKS, so a check added without raising the count
 * does not compile, and a report sized by it sees every check. */
enum { IX_AUDIT_NCHECKS = 16 };
extern const char *const ix_audit_checks[IX_AUDIT_NCHECKS + 1];

/* Writes one verdict record for record i of recs[] (canonical JSON, no
 * newline); caller frees. */
char *ix_audit_verdict_json(const ix_audit *a, size_t i);

/* Writes the self-contained HTML report. Returns 0, or -1 with `e` filled
 * on a write error. */
int ix_audit_html(const ix_audit *a, FILE *out, ix_err *e);

#endif
