/* store_sqlite.h — what sink_sqlite.c (the writer) and store_sqlite.c (the
 * schema and the reader) share. Not public API: callers use inspex.h
 * (ix_sink_sqlite_new, ix_store_*). */
#ifndef IX_STORE_SQLITE_H
#define IX_STORE_SQLITE_H
#include <sqlite3.h>
#include "internal.h"

/* PRAGMA application_id of an inspex database: "insp" in ASCII. */
#define IX_STORE_APP_ID 0x696e7370
/* PRAGMA user_version: the schema version this code reads and writes. */
#define IX_STORE_SCHEMA_VERSION 1

/* Opens `path` for writing, creating the file and the schema when absent,
 * and sets the connection up (WAL journal, foreign keys on, busy timeout).
 * Returns NULL and fills `e` when the file cannot be opened, is not an
 * SQLite database, or is another program's database. */
sqlite3 *ix_store_open_rw(const char *path, ix_err *e);

/* One column of a record table filled from a record field: the field's
 * value, or element `part` (0, 1) of an array field such as "span". */
typedef struct ix_store_col {
    const char *col;
    const char *key;
    int part;            /* -1: the whole value */
} ix_store_col;

/* The table of one record type and the columns its fields fill. */
typedef struct ix_store_table {
    const char *type;    /* record "type" */
    const char *table;
    const ix_store_col *cols;
    size_t ncols;
} ix_store_table;

/* The record tables (rating, council_rating, quote, council), then the
 * doc record's columns of `docs` and the error record's columns of `errors`. */
extern const ix_store_table ix_store_tables[];
extern const size_t ix_store_ntables;
extern const ix_store_table ix_store_docs_table;
extern const ix_store_table ix_store_errors_table;

/* Binds field `c` of `rec` to parameter `idx`: strings as TEXT, integers as
 * INTEGER, reals as REAL, booleans as 0/1, arrays and objects as JSON text,
 * missing or null as NULL. Returns an SQLite result code. */
int ix_store_bind(sqlite3_stmt *st, int idx, const json_t *rec, const ix_store_col *c);
#endif
