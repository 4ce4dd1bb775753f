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
 * OWNERSHIP: an ix_audit owns every record (json_t reference), every source
 * copy and every finding; they die with ix_audit_free. Indexes (size_t) tie
 * findings, documents and table rows to records.
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
    size_t *related;
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

typedef struct ix_audit_opts {
    const char *base;         /* resolve relative sources against this folder */
    const char *text_field;   /* JSON Lines dumps: the text field ("text") */
} ix_audit_opts;

typedef struct ix_audit {
    const ix_rules *rules;
    ix_audit_opts o;
    char *name;               /* the records file's name, for messages */
    ix_arec *recs;
    size_t nrecs, caprecs;
    ix_adoc *docs;
    size_t ndocs, capdocs;
    ix_agree_row *agree;
    size_t nagree;
    void *priv;               /* lookup tables private to audit.c */
} ix_audit;

/* Creates an empty audit; `r` (borrowed, must outlive the audit) gives the
 * number lexicon, the grade vocabulary and the gazetteer. */
ix_audit *ix_audit_new(const ix_rules *r, const ix_audit_opts *o);
void ix_audit_free(ix_audit *a);

/* Reads a whole records file (JSON Lines). Lines that are not records are
 * kept and fail the `format` check. Returns 0, or -1 with `e` filled on a
 * read error. */
int ix_audit_read(ix_audit *a, FILE *f, const char *name, ix_err *e);
/* The same from an inspex SQLite database (see store_sqlite.c). */
int ix_audit_read_store(ix_audit *a, ix_store *st, const char *name, ix_err *e);

/* Re-reads every source and runs every check. Never fails: problems are
 * findings. */
void ix_audit_run(ix_audit *a);

/* Appends a finding to record i (reason printf-style, NULL for a pass). */
void ix_audit_note(ix_audit *a, size_t i, const char *check, ix_verdict v,
                   const size_t *related, size_t nrelated, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Figures: arithmetic inside documents and agreement across them
 * (audit_figures.c). Called by ix_audit_run after provenance. */
void ix_audit_figures(ix_audit *a);

/* Evidence-like text of record i for messages: its evidence, shortened. */
char *ix_audit_snippet(const ix_audit *a, size_t i, size_t max);

/* Counts over all findings of one check name (NULL: every check). */
typedef struct ix_audit_tally { size_t pass, warn, fail, skip; } ix_audit_tally;
ix_audit_tally ix_audit_count(const ix_audit *a, const char *check);

/* The check names in report order (NULL-terminated). */
extern const char *const ix_audit_checks[];

/* Writes one verdict record for record i (canonical JSON, no newline);
 * caller frees. */
char *ix_audit_verdict_json(const ix_audit *a, size_t i);

/* Writes the self-contained HTML report. Returns 0, or -1 with `e` filled
 * on a write error. */
int ix_audit_html(const ix_audit *a, FILE *out, ix_err *e);

#endif
