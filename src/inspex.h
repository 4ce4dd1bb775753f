/* inspex.h — the core's public interface, written as its manual.
 *
 * inspex turns article texts about Ofsted inspections into records (see
 * SCHEMA.md): rating counts, council ratings, quotations with speakers and
 * named councils, each with the byte span of the ORIGINAL document it came
 * from.
 *
 * The pipeline, one source file per stage:
 *
 *   source.c      files, sorted folder walk, stdin, JSON Lines dumps -> ix_input
 *   decode.c      bytes -> valid UTF-8 (BOM, Windows-1252, invalid runs) + offset map
 *   normalize.c   UTF-8 -> folded text for matching (NFC, quotes, dashes, spaces,
 *                 hard wraps, link annotations) + offset map
 *   segment.c     paragraphs -> sentences -> tokens
 *   rules.c       patterns/ -> compiled PCRE2 rules, macros, tables, examples
 *   numbers.c     "seven", "a quarter", "four out of five", "44 per cent" -> values
 *   extract_*.c   one extractor per record type, all with the same signature
 *   record.c      JSON records in canonical field order, the per-document result
 *   sink_*.c      write results: sink_jsonl.c (JSON Lines), sink_sqlite.c (SQLite),
 *                 sink_csv.c (CSV files), behind ix_sink_ops (sink.c dispatches)
 *   store_sqlite.c  reads an inspex SQLite database back as records
 *   compress.c    gzip / zstd input, detected by content
 *
 * OWNERSHIP, stated once: every `_new` has a `_free`; a function that returns a
 * pointer named `_new`/`_load`/`_open` hands ownership to the caller. An ix_doc
 * owns everything made while processing it (text copies, segments); records are
 * jansson objects owned by the ix_result that holds them. The core never
 * prints and never exits: it returns a status and fills an error message.
 *
 * Offsets are size_t byte offsets. Text is (pointer, length); NUL is data.
 */
#ifndef INSPEX_H
#define INSPEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <jansson.h>

#ifndef IX_VERSION
#define IX_VERSION "0.0.0"
#endif

/* ---- errors -------------------------------------------------------------- */

/* A short message buffer every fallible call may fill. */
typedef struct ix_err {
    char msg[512];
} ix_err;

void ix_err_set(ix_err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- rules (patterns/) --------------------------------------------------- */

typedef struct ix_rules ix_rules;

/* Loads every *.pat and *.tsv file of DIR, expands macros, compiles each rule
 * with PCRE2 (JIT when available). Returns NULL and fills `e` with
 * "FILE:LINE:COL: message" on the first error. */
ix_rules *ix_rules_load(const char *dir, ix_err *e);
void ix_rules_free(ix_rules *r);

/* A fingerprint (hex SHA-256) of every pattern file's bytes, for provenance. */
const char *ix_rules_hash(const ix_rules *r);
size_t ix_rules_count(const ix_rules *r);

/* Runs every example ("yes"/"no" lines) of every rule through the whole
 * extractor. Writes one line per failure to `out`; returns the number of
 * failures and sets *npassed. */
int ix_rules_test(const ix_rules *r, FILE *out, int *npassed);

/* Writes the rules as one pattern set for grep tools (`rg -P -f`, which
 * joins the lines into one alternation): a rule per line (less the rules
 * inspex only tries on a window something else found: council context,
 * speaker phrases, table lines, the attributions around a quotation, the
 * words after a grade), capture names
 * prefixed per rule, the shared macros defined once at the end of the last
 * line. A line that calls a macro compiles only together with the last. */
int ix_rules_export_regex(const ix_rules *r, FILE *out);

/* Writes a human listing of rules (name, type, examples count). */
void ix_rules_list(const ix_rules *r, FILE *out);

/* The rules the literal prefilter can never skip although their file did
 * not say "prefilter off": no literal is common to all their matches (or
 * an alternation is too long to be worth scanning for), so they run on
 * every sentence. Writes a FILE:LINE line for each to `out` (NULL: none)
 * and returns how many. */
size_t ix_rules_unfiltered(const ix_rules *r, FILE *out);

/* ---- compressed input (compress.c) ----------------------------------------
 * A byte stream that undoes gzip or zstd compression when its first bytes
 * say so (magic numbers, not file names) and passes other bytes through.
 * Concatenated members/frames read as one stream; truncated or corrupt
 * compressed data is an error, never silently short text. */
typedef enum { IX_COMP_NONE, IX_COMP_GZIP, IX_COMP_ZSTD } ix_compression;
typedef struct ix_reader ix_reader;

/* Reads from `fp` (closed by ix_reader_free when close_fp). Reads the first
 * bytes at once to detect compression. Never NULL (aborts on OOM); a read
 * error shows up at the first read. */
ix_reader *ix_reader_new(FILE *fp, int close_fp);
/* The same over a descriptor (closed by ix_reader_free when close_fd). */
ix_reader *ix_reader_new_fd(int fd, int close_fd);
ix_compression ix_reader_compression(const ix_reader *r);
const char *ix_compression_name(ix_compression c);      /* "gzip", "zstd", "none" */
/* Length of a ".gz" / ".zst" ending of `name`, else 0 (for name-based
 * choices such as "*.jsonl.gz is a dump"). */
size_t ix_compression_suffix(const char *name);
/* Copies up to n decompressed bytes to buf: the count, 0 at the end, -1 on
 * an error (see ix_reader_error). */
ssize_t ix_reader_read(ix_reader *r, void *buf, size_t n);
/* The next line with its '\n' (if any) into *line, grown as needed and
 * NUL-terminated (NUL bytes inside are data). Returns its length, 0 at the
 * end, -1 on an error, or IX_READER_TOO_LONG when the line is longer than
 * `max` bytes (0: no limit): that line is then skipped up to its '\n'. */
#define IX_READER_TOO_LONG (-2)
ssize_t ix_reader_getline(ix_reader *r, char **line, size_t *cap, size_t max);
/* Why the last call failed ("truncated gzip data ...", "read error: ..."),
 * or NULL. */
const char *ix_reader_error(const ix_reader *r);
void ix_reader_free(ix_reader *r);

/* ---- inputs -------------------------------------------------------------- */

/* One document as read, before decoding. All strings NUL-terminated copies;
 * `bytes` is (pointer, length) and may contain NUL. `error` is non-NULL when
 * the document could not be read (the run goes on). */
typedef struct ix_input {
    char *doc;            /* stable id */
    char *source;         /* where the bytes came from */
    unsigned char *bytes;
    size_t len;
    char *title, *date, *url, *outlet;   /* from a JSON Lines dump, or NULL */
    char *error;          /* why it could not be read, or NULL */
    char *warning;        /* a read-level warning (e.g. truncated), or NULL */
    size_t raw_len;       /* bytes of the input this document used up (the
                             file's size, or the dump line with its newline):
                             what progress counts against the inputs' size */
    struct ix_unread *unread;  /* ix_source_take: a file still to be read by
                                  ix_input_read, or NULL once read */
} ix_input;

void ix_input_free(ix_input *in);

typedef enum { IX_INPUT_AUTO, IX_INPUT_TEXT, IX_INPUT_JSONL } ix_input_kind;

typedef struct ix_source_opts {
    ix_input_kind kind;
    const char *glob;          /* file-name pattern for folder walks ("*.txt") */
    const char *text_field;    /* JSON Lines field holding the text ("text") */
    size_t max_doc_bytes;      /* larger documents become errors; 0 = no limit */
} ix_source_opts;

typedef struct ix_source ix_source;

/* Opens the given paths ("-" is stdin) for reading documents in a stable
 * order: each path in argument order; folders walked recursively with entries
 * sorted bytewise. Never fails: unreadable paths come out as documents with
 * `error` set. */
ix_source *ix_source_new(const char *const *paths, size_t npaths,
                         const ix_source_opts *opts);
/* Returns the next document (caller frees with ix_input_free), or NULL at end. */
ix_input *ix_source_next(ix_source *s);
/* The same, except that a plain text file found by path may come back
 * unread (its `unread` set): the caller reads it with ix_input_read, which
 * touches no source state. So the order of documents is fixed under a lock
 * while the files themselves are opened and read by several threads. */
ix_input *ix_source_take(ix_source *s);
/* Reads a taken document's bytes (a read error becomes its `error`). Does
 * nothing to a document already read. */
void ix_input_read(ix_input *in);
void ix_source_free(ix_source *s);

/* ---- extraction ---------------------------------------------------------- */

enum {
    IX_T_RATING = 1u << 0,
    IX_T_COUNCIL_RATING = 1u << 1,
    IX_T_QUOTE = 1u << 2,
    IX_T_COUNCIL = 1u << 3,
    IX_T_ALL = 0xF
};

/* Parses "rating,quote" into a type mask; returns 0 and fills `e` on an unknown name. */
unsigned ix_types_parse(const char *list, ix_err *e);

/* What one document produced: its doc (or error) record first, then the
 * records in canonical order. Owns the json_t references; the records of a
 * small document live in the result's arena (record.c) and die with it:
 * keep none past ix_result_free (json_deep_copy what must outlive it). */
typedef struct ix_arena ix_arena;
typedef struct ix_result {
    json_t **recs;
    size_t n, cap;
    int is_error;
    ix_arena *arena;     /* NULL: the records are on the heap */
} ix_result;

void ix_result_free(ix_result *res);

/* Per-thread scratch (PCRE2 match data, JIT stack). One per worker thread. */
typedef struct ix_scratch ix_scratch;
ix_scratch *ix_scratch_new(const ix_rules *r);
void ix_scratch_free(ix_scratch *s);

/* Runs the whole pipeline over one input. Never fails for bad text: decoding
 * problems become warnings on the doc record, unusable documents an error
 * record. Returns a result the caller frees. Thread-safe given one scratch per
 * thread (rules are read-only). */
ix_result *ix_extract(const ix_rules *r, ix_scratch *s, const ix_input *in,
                      unsigned types);

/* ---- decoding (also used by the audit to re-read evidence) ---------------- */

typedef enum { IX_ENC_UTF8, IX_ENC_CP1252 } ix_encoding;
const char *ix_encoding_name(ix_encoding enc);
/* "utf-8" / "windows-1252" (any case, "cp1252" too) -> encoding; -1 if unknown */
int ix_encoding_parse(const char *name);

/* Decodes bytes of a document of the given encoding as SCHEMA's `evidence` is
 * defined: UTF-8 with each maximal invalid subsequence as U+FFFD, or
 * Windows-1252 with undefined bytes as U+FFFD. Returns a malloc'd
 * NUL-terminated string and its length in *outlen; NULL only on OOM. */
char *ix_decode_bytes(ix_encoding enc, const unsigned char *p, size_t len,
                      size_t *outlen);

/* ---- numbers ------------------------------------------------------------- */

typedef struct ix_lexicon ix_lexicon;   /* number words, loaded with the rules */
const ix_lexicon *ix_rules_lexicon(const ix_rules *r);

/* A quantity as the text gives it. Fields are valid when their has_ flag is. */
typedef struct ix_quantity {
    int has_count, has_share, has_total;
    long count, total;
    double share;
} ix_quantity;

/* "seven", "twenty-six", "1,400", "87" -> 1 and *out; 0 if not a cardinal. */
int ix_number_parse(const ix_lexicon *lx, const char *s, size_t len, long *out);

/* A quantity phrase: cardinals, "a quarter", "three-quarters", "one in four",
 * "four out of five" (share), "seven out of 18" / "10 of 43" (count + total),
 * "44 per cent", "44%". Returns 1 when it understood the phrase. */
int ix_quantity_parse(const ix_lexicon *lx, const char *s, size_t len,
                      ix_quantity *q);

/* ---- tokens (for `inspex tokens`) ---------------------------------------- */

/* Writes the paragraphs, sentences and tokens of one input as JSON Lines with
 * original byte offsets. Returns 0, or -1 with `e` filled. */
int ix_tokens_dump(const ix_rules *r, const ix_input *in, FILE *out, ix_err *e);

/* ---- sinks ---------------------------------------------------------------
 * A sink receives whole document results, in input order, and stores them
 * somewhere. Each output format is one file behind this small table of
 * operations (sink_jsonl.c, sink_sqlite.c); a new format is a new file.
 * An implementation embeds `ix_sink` as its first member. */
typedef struct ix_sink ix_sink;

/* What a sink already holds for an input (see ix_sink_lookup). */
typedef enum {
    IX_SINK_NEW = 0,      /* not held: extract it */
    IX_SINK_HAVE = 1,     /* held unchanged (same sha256 and configuration): skip it */
    IX_SINK_STALE = 2     /* held, but other bytes or another pattern set: extract again */
} ix_sink_held;

typedef struct ix_sink_ops {
    const char *name;     /* "jsonl", "sqlite" */
    /* Writes one document's result (doc or error record first). 0 or -1. */
    int (*write)(ix_sink *s, const ix_result *res, ix_err *e);
    /* Optional (NULL: every input is new). Whether the sink already holds
     * the input whose bytes hash to `sha256` (hex); IX_SINK_HAVE means the
     * caller may skip it. -1 with `e` filled on a storage error. */
    int (*lookup)(ix_sink *s, const ix_input *in, const char *sha256, ix_err *e);
    /* Flushes and finishes (e.g. commits the run). 0 or -1. */
    int (*close)(ix_sink *s, ix_err *e);
    void (*free)(ix_sink *s);
    /* Optional, for a byte-stream format (NULL otherwise): render returns
     * what write would write for `res` (malloc'd, *len bytes) touching no
     * sink state, so worker threads render while one thread writes;
     * write_bytes writes such bytes; flush pushes buffered output out now
     * (a streaming run flushes after every document). */
    char *(*render)(const ix_sink *s, const ix_result *res, size_t *len);
    int (*write_bytes)(ix_sink *s, const char *p, size_t len, ix_err *e);
    int (*flush)(ix_sink *s, ix_err *e);
} ix_sink_ops;

struct ix_sink {
    const ix_sink_ops *ops;
};

/* JSON Lines on `fp` (not closed by the sink). NULL only on OOM. The sink
 * writes whole documents straight to fileno(fp) in chunks; do not write to
 * `fp` while it is open. After a failed write of a regular file the file is
 * cut back to its last complete document. */
ix_sink *ix_sink_jsonl_new(FILE *fp);

/* What a database sink records about the run that fills it. */
typedef struct ix_run_info {
    const char *rules_hash;        /* ix_rules_hash() */
    unsigned types;                /* the --types mask */
    int force;                     /* --force: re-extract everything */
    const char *const *inputs;     /* the INPUT arguments, for the runs table */
    size_t ninputs;
} ix_run_info;

/* An SQLite database at `path` (created with its schema if absent); the run
 * is recorded in its `runs` table. Each written result is one transaction,
 * so a killed run leaves whole documents only. Returns NULL and fills `e`
 * when the file cannot be opened or is not an inspex database. */
ix_sink *ix_sink_sqlite_new(const char *path, const ix_run_info *run, ix_err *e);

/* CSV files in folder `dir` (created if absent): one RFC 4180 file per
 * record type, DIR/TYPE.csv, each written to a temporary name and renamed
 * by ix_sink_close. NULL with `e` filled when the folder cannot be made. */
ix_sink *ix_sink_csv_new(const char *dir, ix_err *e);

/* Dispatch through s->ops. ix_sink_lookup returns IX_SINK_NEW when the sink
 * has no lookup; ix_sink_free(NULL) does nothing. */
int ix_sink_write(ix_sink *s, const ix_result *res, ix_err *e);
int ix_sink_lookup(ix_sink *s, const ix_input *in, const char *sha256, ix_err *e);
/* For threads: ix_sink_render returns the bytes ix_sink_write would write
 * for `res` (malloc'd, *len bytes) without touching the sink, or NULL when
 * the sink cannot (then call ix_sink_write); ix_sink_write_bytes writes
 * them; ix_sink_flush pushes buffered output out now (0 when the sink has
 * nothing to flush). 0 or -1 with `e` filled. */
char *ix_sink_render(const ix_sink *s, const ix_result *res, size_t *len);
int ix_sink_write_bytes(ix_sink *s, const char *p, size_t len, ix_err *e);
int ix_sink_flush(ix_sink *s, ix_err *e);
int ix_sink_close(ix_sink *s, ix_err *e);
void ix_sink_free(ix_sink *s);

/* ---- reading a database back (store_sqlite.c) -----------------------------
 * The records of an inspex SQLite database (written by the sqlite sink),
 * in the order `extract` wrote them: each document's doc (or error) record,
 * then its other records. The records are the very JSON texts extract
 * wrote, so `export --jsonl` is byte-identical to the JSON Lines output. A
 * store reads one snapshot: a writer working at the same time is not
 * half-seen. */
typedef struct ix_store ix_store;

/* 1 when the file at `path` starts like an SQLite database. */
int ix_store_sniff(const char *path);
/* Opens a database read-only. NULL with `e` filled when it cannot be
 * opened or is not an inspex database. Free with ix_store_free. */
ix_store *ix_store_open(const char *path, ix_err *e);
/* The next record as JSON text, exactly as extract wrote it (without the
 * newline; use *len), valid until the next call. 1, 0 at the end, -1 on
 * error. */
int ix_store_next_json(ix_store *s, const char **json, size_t *len, ix_err *e);
/* The next document's records as an ix_result (doc or error record first;
 * is_error set for an error record), which the caller frees with
 * ix_result_free. 1, 0 at the end (*out NULL), -1 on error. Use either this
 * or ix_store_next_json on one store, not both. */
int ix_store_next_result(ix_store *s, ix_result **out, ix_err *e);
void ix_store_free(ix_store *s);

/* Hex SHA-256 of (p, n) into out (65 bytes with the NUL): the doc record's
 * `sha256`. */
void ix_sha256_hex(const unsigned char *p, size_t n, char out[65]);

/* Serialises one record in canonical form (no trailing newline); caller frees. */
char *ix_record_dump(const json_t *rec);

#endif
