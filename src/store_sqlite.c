/* store_sqlite.c — the inspex SQLite database: its schema, and reading it
 * back as the records `inspex extract` wrote.
 *
 * Every record is kept twice: its exact JSON text in `records` (so an
 * export gives back the very bytes extract wrote, whatever fields a future
 * extractor adds), and its fields as columns of a table per type (ratings,
 * council_ratings, quotes, councils with council_mentions, errors; docs for
 * the documents) for people's queries. The schema is in README.md
 * ("Storage") with example queries; keep the two in step.
 *
 * Writing is sink_sqlite.c. This file owns the schema, opening (and
 * creating) a database, and the read API of inspex.h (ix_store_*), which
 * `inspex export` and `inspex audit` use.
 */
#include <errno.h>
#include <stdlib.h>
#include "store_sqlite.h"

/* ---- schema -------------------------------------------------------------- */

/* Child keys all carry an index: ON DELETE CASCADE (a re-extracted document
 * replaces its old rows) would otherwise scan whole tables. */
static const char schema_sql[] =
    "CREATE TABLE runs (\n"
    "  id         INTEGER PRIMARY KEY,\n"
    "  started    TEXT NOT NULL,\n"
    "  finished   TEXT,\n"
    "  version    TEXT NOT NULL,\n"
    "  rules_hash TEXT NOT NULL,\n"
    "  types      TEXT NOT NULL,\n"
    "  forced     INTEGER NOT NULL,\n"
    "  inputs     TEXT NOT NULL,\n"
    "  docs       INTEGER NOT NULL DEFAULT 0,\n"
    "  skipped    INTEGER NOT NULL DEFAULT 0,\n"
    "  errors     INTEGER NOT NULL DEFAULT 0,\n"
    "  records    INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE docs (\n"
    "  id         INTEGER PRIMARY KEY,\n"
    "  doc        TEXT NOT NULL UNIQUE,\n"
    "  source     TEXT NOT NULL,\n"
    "  status     TEXT NOT NULL CHECK (status IN ('ok', 'error')),\n"
    "  sha256     TEXT,\n"
    "  bytes      INTEGER,\n"
    "  encoding   TEXT,\n"
    "  title      TEXT,\n"
    "  date       TEXT,\n"
    "  url        TEXT,\n"
    "  outlet     TEXT,\n"
    "  sentences  INTEGER,\n"
    "  tokens     INTEGER,\n"
    "  warnings   TEXT,\n"
    "  run_id     INTEGER NOT NULL REFERENCES runs(id),\n"
    "  rules_hash TEXT NOT NULL,\n"
    "  types      TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX docs_sha256 ON docs(sha256);\n"
    "CREATE INDEX docs_date ON docs(date);\n"
    "CREATE INDEX docs_run ON docs(run_id);\n"
    "CREATE TABLE records (\n"
    "  id         INTEGER PRIMARY KEY,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  ord        INTEGER NOT NULL,\n"
    "  type       TEXT NOT NULL,\n"
    "  json       TEXT NOT NULL,\n"
    "  UNIQUE (doc_id, ord)\n"
    ");\n"
    "CREATE INDEX records_type ON records(type);\n"
    "CREATE TABLE errors (\n"
    "  record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  doc        TEXT NOT NULL,\n"
    "  source     TEXT,\n"
    "  error      TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX errors_doc ON errors(doc_id);\n"
    "CREATE TABLE ratings (\n"
    "  record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  grade      TEXT,\n"
    "  count      INTEGER,\n"
    "  share      REAL,\n"
    "  total      INTEGER,\n"
    "  unit       TEXT,\n"
    "  approx     TEXT,\n"
    "  period     TEXT,\n"
    "  number_text TEXT,\n"
    "  span_start INTEGER,\n"
    "  span_end   INTEGER,\n"
    "  evidence   TEXT,\n"
    "  rule       TEXT\n"
    ");\n"
    "CREATE INDEX ratings_doc ON ratings(doc_id);\n"
    "CREATE INDEX ratings_grade ON ratings(grade);\n"
    "CREATE INDEX ratings_period ON ratings(period);\n"
    "CREATE TABLE council_ratings (\n"
    "  record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  council    TEXT,\n"
    "  code       TEXT,\n"
    "  grade      TEXT,\n"
    "  judgement  TEXT,\n"
    "  span_start INTEGER,\n"
    "  span_end   INTEGER,\n"
    "  evidence   TEXT,\n"
    "  rule       TEXT\n"
    ");\n"
    "CREATE INDEX council_ratings_doc ON council_ratings(doc_id);\n"
    "CREATE INDEX council_ratings_council ON council_ratings(council);\n"
    "CREATE INDEX council_ratings_code ON council_ratings(code);\n"
    "CREATE INDEX council_ratings_grade ON council_ratings(grade);\n"
    "CREATE TABLE quotes (\n"
    "  record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  text       TEXT,\n"
    "  speaker    TEXT,\n"
    "  speaker_title TEXT,\n"
    "  speaker_role TEXT,\n"
    "  speaker_org TEXT,\n"
    "  attribution TEXT,\n"
    "  span_start INTEGER,\n"
    "  span_end   INTEGER,\n"
    "  speaker_start INTEGER,\n"
    "  speaker_end INTEGER,\n"
    "  evidence   TEXT,\n"
    "  rule       TEXT\n"
    ");\n"
    "CREATE INDEX quotes_doc ON quotes(doc_id);\n"
    "CREATE INDEX quotes_speaker ON quotes(speaker);\n"
    "CREATE TABLE councils (\n"
    "  record_id  INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,\n"
    "  doc_id     INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,\n"
    "  name       TEXT,\n"
    "  code       TEXT,\n"
    "  mentions   TEXT,\n"
    "  span_start INTEGER,\n"
    "  span_end   INTEGER,\n"
    "  evidence   TEXT,\n"
    "  rule       TEXT\n"
    ");\n"
    "CREATE INDEX councils_doc ON councils(doc_id);\n"
    "CREATE INDEX councils_name ON councils(name);\n"
    "CREATE INDEX councils_code ON councils(code);\n"
    "CREATE TABLE council_mentions (\n"
    "  council_id INTEGER NOT NULL REFERENCES councils(record_id) ON DELETE CASCADE,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end   INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX council_mentions_council ON council_mentions(council_id);\n";

#define COLS(a) a, sizeof a / sizeof *a

static const ix_store_col rating_cols[] = {
    {"grade", "grade", -1}, {"count", "count", -1}, {"share", "share", -1},
    {"total", "total", -1}, {"unit", "unit", -1}, {"approx", "approx", -1},
    {"period", "period", -1}, {"number_text", "number_text", -1},
    {"span_start", "span", 0}, {"span_end", "span", 1},
    {"evidence", "evidence", -1}, {"rule", "rule", -1},
};
static const ix_store_col council_rating_cols[] = {
    {"council", "council", -1}, {"code", "code", -1}, {"grade", "grade", -1},
    {"judgement", "judgement", -1}, {"span_start", "span", 0}, {"span_end", "span", 1},
    {"evidence", "evidence", -1}, {"rule", "rule", -1},
};
static const ix_store_col quote_cols[] = {
    {"text", "text", -1}, {"speaker", "speaker", -1}, {"speaker_title", "speaker_title", -1},
    {"speaker_role", "speaker_role", -1}, {"speaker_org", "speaker_org", -1},
    {"attribution", "attribution", -1}, {"span_start", "span", 0}, {"span_end", "span", 1},
    {"speaker_start", "speaker_span", 0}, {"speaker_end", "speaker_span", 1},
    {"evidence", "evidence", -1}, {"rule", "rule", -1},
};
static const ix_store_col council_cols[] = {
    {"name", "name", -1}, {"code", "code", -1}, {"mentions", "mentions", -1}, {"span_start", "span", 0},
    {"span_end", "span", 1}, {"evidence", "evidence", -1}, {"rule", "rule", -1},
};
static const ix_store_col doc_cols[] = {
    {"doc", "doc", -1}, {"source", "source", -1}, {"sha256", "sha256", -1},
    {"bytes", "bytes", -1}, {"encoding", "encoding", -1}, {"title", "title", -1},
    {"date", "date", -1}, {"url", "url", -1}, {"outlet", "outlet", -1},
    {"sentences", "sentences", -1}, {"tokens", "tokens", -1}, {"warnings", "warnings", -1},
};
static const ix_store_col error_cols[] = {
    {"doc", "doc", -1}, {"source", "source", -1}, {"error", "error", -1},
};

const ix_store_table ix_store_tables[] = {
    {"rating", "ratings", COLS(rating_cols)},
    {"council_rating", "council_ratings", COLS(council_rating_cols)},
    {"quote", "quotes", COLS(quote_cols)},
    {"council", "councils", COLS(council_cols)},
};
const size_t ix_store_ntables = sizeof ix_store_tables / sizeof *ix_store_tables;
const ix_store_table ix_store_docs_table = {"doc", "docs", COLS(doc_cols)};
const ix_store_table ix_store_errors_table = {"error", "errors", COLS(error_cols)};

int ix_store_bind(sqlite3_stmt *st, int idx, const json_t *rec, const ix_store_col *c)
{
    json_t *v = json_object_get(rec, c->key);
    if (v && c->part >= 0) v = json_is_array(v) ? json_array_get(v, (size_t)c->part) : NULL;
    if (!v || json_is_null(v)) return sqlite3_bind_null(st, idx);
    if (json_is_string(v))
        return sqlite3_bind_text64(st, idx, json_string_value(v), json_string_length(v), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    if (json_is_integer(v)) return sqlite3_bind_int64(st, idx, (sqlite3_int64)json_integer_value(v));
    if (json_is_real(v)) return sqlite3_bind_double(st, idx, json_real_value(v));
    if (json_is_boolean(v)) return sqlite3_bind_int(st, idx, json_is_true(v));
    char *j = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    if (!j) return SQLITE_NOMEM;
    return sqlite3_bind_text(st, idx, j, -1, free);
}

/* ---- opening ------------------------------------------------------------- */

static int exec(sqlite3 *db, const char *sql, ix_err *e)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    ix_err_set(e, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return -1;
}

static long pragma_int(sqlite3 *db, const char *sql, ix_err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        ix_err_set(e, "%s", sqlite3_errmsg(db));
        return -1;
    }
    long v = -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
    else ix_err_set(e, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return v;
}

/* Checks the header fields of an open database: 1 when it is an inspex
 * database this code can read, 0 when it is empty (no tables yet), -1 with
 * `e` filled otherwise. */
static int check_db(sqlite3 *db, const char *path, ix_err *e)
{
    long app = pragma_int(db, "PRAGMA application_id", e);
    if (app < 0) {
        ix_err_set(e, "%s: not an SQLite database (%s)", path, sqlite3_errmsg(db));
        return -1;
    }
    long ver = pragma_int(db, "PRAGMA user_version", e);
    long ntab = pragma_int(db, "SELECT count(*) FROM sqlite_master", e);
    if (ver < 0 || ntab < 0) return -1;
    if (app == 0 && ver == 0 && ntab == 0) return 0;
    if (app != IX_STORE_APP_ID) {
        ix_err_set(e, "%s: an SQLite database, but not one inspex made", path);
        return -1;
    }
    if (ver != IX_STORE_SCHEMA_VERSION) {
        ix_err_set(e, "%s: schema version %ld; this inspex reads version %d", path, ver,
                   IX_STORE_SCHEMA_VERSION);
        return -1;
    }
    return 1;
}

sqlite3 *ix_store_open_rw(const char *path, ix_err *e)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        ix_err_set(e, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 10000);
    /* WAL: a commit is one append to the log, so one transaction per
     * document stays cheap, and readers (export, audit) never block the
     * writer. synchronous=NORMAL keeps every committed document through a
     * killed process; only a power cut can lose the last few commits, and
     * never leaves a half-written one. */
    ix_err pe = {{0}};
    if (check_db(db, path, &pe) < 0 ||
        exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON", e) < 0) {
        if (pe.msg[0]) *e = pe;
        sqlite3_close(db);
        return NULL;
    }
    /* The schema goes in in one transaction: a run killed while creating
     * it leaves an empty database, which the next run fills. */
    if (exec(db, "BEGIN IMMEDIATE", e) < 0) { sqlite3_close(db); return NULL; }
    int st = check_db(db, path, e);
    if (st == 0) {
        char pragmas[128];
        snprintf(pragmas, sizeof pragmas, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
                 IX_STORE_APP_ID, IX_STORE_SCHEMA_VERSION);
        if (exec(db, schema_sql, e) < 0 || exec(db, pragmas, e) < 0) st = -1;
    }
    if (st < 0 || exec(db, "COMMIT", e) < 0) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* ---- reading ------------------------------------------------------------- */

struct ix_store {
    sqlite3 *db;
    sqlite3_stmt *it;       /* the records in extract order */
    bool started, done;
    bool pending;           /* the statement holds a row not yet handed out */
};

int ix_store_sniff(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char head[16];
    size_t k = fread(head, 1, sizeof head, f);
    fclose(f);
    return k == sizeof head && !memcmp(head, "SQLite format 3", 16);
}

ix_store *ix_store_open(const char *path, ix_err *e)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        ix_err_set(e, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 10000);
    int st = check_db(db, path, e);
    if (st == 0) ix_err_set(e, "%s: an empty database (no inspex schema)", path);
    if (st <= 0) { sqlite3_close(db); return NULL; }
    ix_store *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->db = db;
    /* One statement, one read snapshot: a concurrent writer's later
     * documents are not half-seen. (doc_id, ord) is an index, so this is a
     * plain index walk. */
    if (sqlite3_prepare_v2(db, "SELECT doc_id, json FROM records ORDER BY doc_id, ord", -1, &s->it, NULL) !=
        SQLITE_OK) {
        ix_err_set(e, "%s: %s", path, sqlite3_errmsg(db));
        ix_store_free(s);
        return NULL;
    }
    return s;
}

/* Makes the statement hold the next row: 1, 0 at the end, -1 on error. */
static int step(ix_store *s, ix_err *e)
{
    if (s->pending) return 1;
    if (s->done) return 0;
    int rc = sqlite3_step(s->it);
    if (rc == SQLITE_ROW) { s->pending = true; return 1; }
    s->done = true;
    if (rc == SQLITE_DONE) return 0;
    ix_err_set(e, "reading the database: %s", sqlite3_errmsg(s->db));
    return -1;
}

int ix_store_next_json(ix_store *s, const char **json, size_t *len, ix_err *e)
{
    int k = step(s, e);
    if (k <= 0) return k;
    s->pending = false;
    *json = (const char *)sqlite3_column_text(s->it, 1);
    *len = (size_t)sqlite3_column_bytes(s->it, 1);
    if (!*json) { ix_err_set(e, "reading the database: a record without JSON"); return -1; }
    return 1;
}

int ix_store_next_result(ix_store *s, ix_result **out, ix_err *e)
{
    *out = NULL;
    ix_result *res = NULL;
    sqlite3_int64 doc = 0;
    int k;
    while ((k = step(s, e)) == 1) {
        sqlite3_int64 d = sqlite3_column_int64(s->it, 0);
        if (res && d != doc) break;               /* the next document's first row stays pending */
        const char *j = (const char *)sqlite3_column_text(s->it, 1);
        json_error_t je;
        json_t *rec = j ? json_loadb(j, (size_t)sqlite3_column_bytes(s->it, 1), JSON_ALLOW_NUL, &je) : NULL;
        if (!rec) {
            ix_err_set(e, "reading the database: a stored record is not JSON (document %lld)", (long long)d);
            ix_result_free(res);
            return -1;
        }
        s->pending = false;
        if (!res) {
            res = ix_result_new(false);
            doc = d;
        }
        const char *t = json_string_value(json_object_get(rec, "type"));
        if (res->n == 0 && t && !strcmp(t, "error")) res->is_error = 1;
        ix_result_add(res, rec);
    }
    if (k < 0) { ix_result_free(res); return -1; }
    *out = res;
    return res ? 1 : 0;
}

void ix_store_free(ix_store *s)
{
    if (!s) return;
    sqlite3_finalize(s->it);
    sqlite3_close(s->db);
    free(s);
}
