/* sink_sqlite.c — the SQLite sink: each document's records into an inspex
 * database (schema: store_sqlite.c and README.md, "Storage").
 *
 * One document, one transaction: its old rows (an earlier version of the
 * same document id) are deleted and its doc or error record and every other
 * record are inserted, then committed, so a run killed at any moment leaves
 * whole documents only, and the next run carries on. Every value goes in
 * through bound parameters, never through SQL text.
 *
 * The run is a row of `runs` (when, version, pattern-set hash, types,
 * counts), inserted when the sink opens and brought up to date with every
 * document, so even a killed run says how far it got; `finished` is set by
 * a clean close only.
 *
 * Incremental runs: ix_sink_lookup answers whether the database already
 * holds a document id with the same sha256 and dump fields (title, date,
 * url, outlet), extracted with the same pattern set and types
 * (IX_SINK_HAVE: skip it). A document that has moved (same
 * id and bytes, another line of the dump) gets its `source` brought up to
 * date instead of being extracted again.
 */
#include <stdlib.h>
#include "store_sqlite.h"

enum { ST_DELETE, ST_DOC, ST_RECORD, ST_ERROR, ST_MENTION, ST_RUN, ST_LOOKUP, ST_MOVE_GET, ST_MOVE_DOC, ST_MOVE_REC, ST_N };

typedef struct sqlite_sink {
    ix_sink base;                /* first: an ix_sink * is a sqlite_sink * */
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST_N];
    sqlite3_stmt **typed;        /* one INSERT per ix_store_tables[] entry */
    sqlite3_int64 run_id;
    char *rules_hash;
    char types[96];
    /* the run's counts, written with every document */
    sqlite3_int64 ndocs, nskipped, nerrors, nrecords;
} sqlite_sink;

static const char *const static_sql[ST_N] = {
    [ST_DELETE] = "DELETE FROM docs WHERE doc = ?1",
    [ST_DOC] = "INSERT INTO docs (doc, source, sha256, bytes, encoding, title, date, url, outlet, sentences, "
               "tokens, warnings, status, run_id, rules_hash, types) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [ST_RECORD] = "INSERT INTO records (doc_id, ord, type, json) VALUES (?1, ?2, ?3, ?4)",
    [ST_ERROR] = "INSERT INTO errors (record_id, doc_id, doc, source, error) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_MENTION] = "INSERT INTO council_mentions (council_id, span_start, span_end) VALUES (?1, ?2, ?3)",
    [ST_RUN] = "UPDATE runs SET docs = ?2, skipped = ?3, errors = ?4, records = ?5 WHERE id = ?1",
    [ST_LOOKUP] = "SELECT id, status, sha256, rules_hash, types, source, title, date, url, outlet "
                  "FROM docs WHERE doc = ?1",
    [ST_MOVE_DOC] = "UPDATE docs SET source = ?2 WHERE id = ?1",
    [ST_MOVE_GET] = "SELECT json FROM records WHERE doc_id = ?1 AND ord = 0",
    [ST_MOVE_REC] = "UPDATE records SET json = ?2 WHERE doc_id = ?1 AND ord = 0",
};

static int db_fail(sqlite_sink *s, ix_err *e, const char *what)
{
    ix_err_set(e, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    return -1;
}

/* Steps a write statement to its end and resets it (bindings kept until
 * the next bind). Returns an SQLite result code. */
static int run_stmt(sqlite3_stmt *st)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int bind_cols(sqlite3_stmt *st, int first, const json_t *rec, const ix_store_table *t)
{
    for (size_t i = 0; i < t->ncols; i++) {
        int rc = ix_store_bind(st, first + (int)i, rec, &t->cols[i]);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

static int update_run(sqlite_sink *s)
{
    sqlite3_stmt *st = s->st[ST_RUN];
    sqlite3_bind_int64(st, 1, s->run_id);
    sqlite3_bind_int64(st, 2, s->ndocs);
    sqlite3_bind_int64(st, 3, s->nskipped);
    sqlite3_bind_int64(st, 4, s->nerrors);
    sqlite3_bind_int64(st, 5, s->nrecords);
    return run_stmt(st);
}

/* Inserts one record's row in its type's table (and a council's mentions). */
static int put_typed(sqlite_sink *s, const json_t *rec, const char *type, sqlite3_int64 rid, sqlite3_int64 did)
{
    for (size_t k = 0; k < ix_store_ntables; k++) {
        const ix_store_table *t = &ix_store_tables[k];
        if (strcmp(type, t->type)) continue;
        sqlite3_stmt *st = s->typed[k];
        sqlite3_bind_int64(st, 1, rid);
        sqlite3_bind_int64(st, 2, did);
        int rc = bind_cols(st, 3, rec, t);
        if (rc == SQLITE_OK) rc = run_stmt(st);
        if (rc != SQLITE_OK || strcmp(type, "council")) return rc;
        json_t *m = json_object_get(rec, "mentions"), *span;
        size_t i;
        json_array_foreach(m, i, span) {
            sqlite3_stmt *ms = s->st[ST_MENTION];
            sqlite3_bind_int64(ms, 1, rid);
            sqlite3_bind_int64(ms, 2, json_integer_value(json_array_get(span, 0)));
            sqlite3_bind_int64(ms, 3, json_integer_value(json_array_get(span, 1)));
            if ((rc = run_stmt(ms)) != SQLITE_OK) return rc;
        }
        return SQLITE_OK;
    }
    return SQLITE_OK;            /* a type without its own table: kept in `records` only */
}

/* The body of a document's transaction. */
static int put_result(sqlite_sink *s, const ix_result *res, ix_err *e)
{
    const json_t *first = res->recs[0];
    const char *doc = json_string_value(json_object_get(first, "doc"));
    if (!doc) { ix_err_set(e, "a result without a doc id"); return -1; }
    sqlite3_stmt *st = s->st[ST_DELETE];
    sqlite3_bind_text(st, 1, doc, -1, SQLITE_TRANSIENT);
    if (run_stmt(st) != SQLITE_OK) return db_fail(s, e, "replacing a document");

    st = s->st[ST_DOC];
    sqlite3_clear_bindings(st);
    int rc = bind_cols(st, 1, first, &ix_store_docs_table);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 13, res->is_error ? "error" : "ok", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 14, s->run_id);
        sqlite3_bind_text(st, 15, s->rules_hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 16, s->types, -1, SQLITE_STATIC);
        rc = run_stmt(st);
    }
    if (rc != SQLITE_OK) return db_fail(s, e, "writing a document");
    sqlite3_int64 did = sqlite3_last_insert_rowid(s->db);

    for (size_t i = 0; i < res->n; i++) {
        const json_t *rec = res->recs[i];
        const char *type = json_string_value(json_object_get(rec, "type"));
        char *j = ix_record_dump(rec);
        if (!type || !j) { free(j); ix_err_set(e, "a record without a type"); return -1; }
        st = s->st[ST_RECORD];
        sqlite3_bind_int64(st, 1, did);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_text(st, 3, type, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, j, -1, free);
        if (run_stmt(st) != SQLITE_OK) return db_fail(s, e, "writing a record");
        sqlite3_int64 rid = sqlite3_last_insert_rowid(s->db);
        if (i == 0 && res->is_error) {
            st = s->st[ST_ERROR];
            sqlite3_bind_int64(st, 1, rid);
            sqlite3_bind_int64(st, 2, did);
            rc = bind_cols(st, 3, rec, &ix_store_errors_table);
            if (rc == SQLITE_OK) rc = run_stmt(st);
        } else if (i > 0) rc = put_typed(s, rec, type, rid, did);
        if (rc != SQLITE_OK) return db_fail(s, e, "writing a record");
    }
    s->ndocs++;
    s->nerrors += res->is_error;
    s->nrecords += (sqlite3_int64)res->n - 1;
    if (update_run(s) != SQLITE_OK) {
        s->ndocs--;
        s->nerrors -= res->is_error;
        s->nrecords -= (sqlite3_int64)res->n - 1;
        return db_fail(s, e, "updating the run");
    }
    return 0;
}

static int sqlite_write(ix_sink *base, const ix_result *res, ix_err *e)
{
    sqlite_sink *s = (sqlite_sink *)base;
    if (!res->n) return 0;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, e, "starting a transaction");
    if (put_result(s, res, e) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return db_fail(s, e, "committing a document");
    }
    return 0;
}

/* The stored document moved (same id and bytes, another source, e.g. a
 * line inserted above it in the dump): brings `source` up to date in the
 * docs row and in the stored doc record, in one transaction. The record is
 * re-serialised canonically with only that field changed, so it stays the
 * text extract would write now. */
static int move_doc(sqlite_sink *s, sqlite3_int64 did, const char *source, ix_err *e)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, e, "starting a transaction");
    sqlite3_stmt *st = s->st[ST_MOVE_GET];
    sqlite3_bind_int64(st, 1, did);
    char *j = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        json_error_t je;
        json_t *rec = json_loadb((const char *)sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0),
                                 JSON_ALLOW_NUL, &je);
        if (rec && json_object_get(rec, "source")) {
            json_object_set_new(rec, "source", json_string(source));
            j = ix_record_dump(rec);
        }
        json_decref(rec);
    }
    sqlite3_reset(st);
    int rc = SQLITE_ERROR;
    if (j) {
        st = s->st[ST_MOVE_DOC];
        sqlite3_bind_int64(st, 1, did);
        sqlite3_bind_text(st, 2, source, -1, SQLITE_TRANSIENT);
        rc = run_stmt(st);
        if (rc == SQLITE_OK) {
            st = s->st[ST_MOVE_REC];
            sqlite3_bind_int64(st, 1, did);
            sqlite3_bind_text(st, 2, j, -1, free);
            j = NULL;
            rc = run_stmt(st);
        }
    }
    free(j);
    if (rc != SQLITE_OK || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return db_fail(s, e, "updating a moved document");
    }
    return 0;
}

/* Whether a dump field the input gives is what the stored doc record has.
 * `derived`: when the input lacks the field, extract finds it in the text
 * (title, date), so only a given value can differ; url and outlet come from
 * the dump alone, so a removed one differs too. */
static bool same_meta(sqlite3_stmt *st, int col, const char *given, bool derived)
{
    const char *stored = (const char *)sqlite3_column_text(st, col);
    if (!given) return derived || !stored;
    return stored && !strcmp(stored, given);
}

static int sqlite_lookup(ix_sink *base, const ix_input *in, const char *sha256, ix_err *e)
{
    sqlite_sink *s = (sqlite_sink *)base;
    sqlite3_stmt *st = s->st[ST_LOOKUP];
    sqlite3_bind_text(st, 1, in->doc, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) { sqlite3_reset(st); return IX_SINK_NEW; }
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return db_fail(s, e, "looking up a document"); }
    sqlite3_int64 did = sqlite3_column_int64(st, 0);
    const char *status = (const char *)sqlite3_column_text(st, 1);
    const char *sha = (const char *)sqlite3_column_text(st, 2);
    const char *hash = (const char *)sqlite3_column_text(st, 3);
    const char *types = (const char *)sqlite3_column_text(st, 4);
    const char *source = (const char *)sqlite3_column_text(st, 5);
    bool same = status && !strcmp(status, "ok") && sha && sha256 && !strcmp(sha, sha256) && hash &&
                !strcmp(hash, s->rules_hash) && types && !strcmp(types, s->types) &&
                same_meta(st, 6, in->title, true) && same_meta(st, 7, in->date, true) &&
                same_meta(st, 8, in->url, false) && same_meta(st, 9, in->outlet, false);
    bool moved = same && source && strcmp(source, in->source);
    sqlite3_reset(st);
    if (!same) return IX_SINK_STALE;
    if (moved && move_doc(s, did, in->source, e) < 0) return -1;
    s->nskipped++;
    return IX_SINK_HAVE;
}

static int sqlite_close(ix_sink *base, ix_err *e)
{
    sqlite_sink *s = (sqlite_sink *)base;
    if (update_run(s) != SQLITE_OK) return db_fail(s, e, "updating the run");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, e, "finishing the run");
    sqlite3_bind_int64(st, 1, s->run_id);
    int rc = run_stmt(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) return db_fail(s, e, "finishing the run");
    /* Fold the log back into the database file and leave WAL mode, so a
     * finished database is one file, and read-only readers (which cannot
     * remove a log) do not leave -wal/-shm files beside it. The next run
     * turns WAL on again. A reader still open keeps WAL on: not an error. */
    if (sqlite3_exec(s->db, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, e, "checkpointing");
    sqlite3_exec(s->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    return 0;
}

static void sqlite_free(ix_sink *base)
{
    sqlite_sink *s = (sqlite_sink *)base;
    for (int i = 0; i < ST_N; i++) sqlite3_finalize(s->st[i]);
    if (s->typed)
        for (size_t k = 0; k < ix_store_ntables; k++) sqlite3_finalize(s->typed[k]);
    free(s->typed);
    sqlite3_close(s->db);
    free(s->path);
    free(s->rules_hash);
    free(s);
}

static const ix_sink_ops sqlite_ops = {
    .name = "sqlite",
    .write = sqlite_write,
    .lookup = sqlite_lookup,
    .close = sqlite_close,
    .free = sqlite_free,
};

/* "council,rating,council_rating,quote": the types a run extracts, in a
 * fixed order so equal masks compare equal as text. */
static void types_text(unsigned mask, char *out, size_t cap)
{
    static const struct { unsigned bit; const char *name; } t[] = {
        {IX_T_COUNCIL, "council"}, {IX_T_RATING, "rating"},
        {IX_T_COUNCIL_RATING, "council_rating"}, {IX_T_QUOTE, "quote"},
    };
    out[0] = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (mask & t[i].bit) {
            if (out[0]) strncat(out, ",", cap - strlen(out) - 1);
            strncat(out, t[i].name, cap - strlen(out) - 1);
        }
}

/* Starts the run: its row in `runs`, committed at once so documents can
 * refer to it. */
static int begin_run(sqlite_sink *s, const ix_run_info *run, ix_err *e)
{
    json_t *inputs = json_array();
    for (size_t i = 0; i < run->ninputs; i++) json_array_append_new(inputs, json_string(run->inputs[i]));
    char *ij = json_dumps(inputs, JSON_COMPACT);
    json_decref(inputs);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO runs (started, version, rules_hash, types, forced, inputs) "
                           "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5)",
                           -1, &st, NULL) != SQLITE_OK) {
        free(ij);
        return db_fail(s, e, "recording the run");
    }
    sqlite3_bind_text(st, 1, IX_VERSION, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->rules_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, s->types, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, run->force != 0);
    sqlite3_bind_text(st, 5, ij ? ij : "[]", -1, SQLITE_TRANSIENT);
    int rc = run_stmt(st);
    sqlite3_finalize(st);
    free(ij);
    if (rc != SQLITE_OK) return db_fail(s, e, "recording the run");
    s->run_id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

ix_sink *ix_sink_sqlite_new(const char *path, const ix_run_info *run, ix_err *e)
{
    sqlite3 *db = ix_store_open_rw(path, e);
    if (!db) return NULL;
    sqlite_sink *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->base.ops = &sqlite_ops;
    s->db = db;
    s->path = ix_xstrdup(path);
    s->rules_hash = ix_xstrdup(run->rules_hash ? run->rules_hash : "");
    types_text(run->types, s->types, sizeof s->types);
    for (int i = 0; i < ST_N; i++)
        if (sqlite3_prepare_v3(db, static_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
            db_fail(s, e, "preparing statements");
            sqlite_free(&s->base);
            return NULL;
        }
    /* "INSERT INTO ratings (record_id, doc_id, grade, ...) VALUES (?1, ?2, ?3, ...)",
     * from the same column tables the reader and README describe. */
    s->typed = calloc(ix_store_ntables, sizeof *s->typed);
    for (size_t k = 0; k < ix_store_ntables; k++) {
        const ix_store_table *t = &ix_store_tables[k];
        ix_buf sql = {0}, vals = {0};
        ix_buf_puts(&sql, "INSERT INTO ");
        ix_buf_puts(&sql, t->table);
        ix_buf_puts(&sql, " (record_id, doc_id");
        ix_buf_puts(&vals, "?1, ?2");
        for (size_t i = 0; i < t->ncols; i++) {
            char num[16];
            snprintf(num, sizeof num, ", ?%zu", i + 3);
            ix_buf_puts(&sql, ", ");
            ix_buf_puts(&sql, t->cols[i].col);
            ix_buf_puts(&vals, num);
        }
        ix_buf_puts(&sql, ") VALUES (");
        ix_buf_put(&sql, vals.s, vals.len);
        ix_buf_puts(&sql, ")");
        int rc = sqlite3_prepare_v3(db, sql.s, -1, SQLITE_PREPARE_PERSISTENT, &s->typed[k], NULL);
        ix_buf_free(&sql);
        ix_buf_free(&vals);
        if (rc != SQLITE_OK) {
            db_fail(s, e, "preparing statements");
            sqlite_free(&s->base);
            return NULL;
        }
    }
    if (begin_run(s, run, e) < 0) {
        sqlite_free(&s->base);
        return NULL;
    }
    return &s->base;
}
