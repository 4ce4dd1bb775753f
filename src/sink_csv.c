/* sink_csv.c — the CSV sink: one RFC 4180 file per record type.
 *
 * DIR/doc.csv, error.csv, rating.csv, council_rating.csv, quote.csv and
 * council.csv are always written (a header at least), so a weekly export
 * has the same files; a record type this file does not know gets its own
 * DIR/TYPE.csv. The columns of a type are fixed: `doc`, then the fields the
 * SQLite tables hold (store_sqlite.c's column maps, so the CSV and the
 * database agree: "span" becomes span_start, span_end), then `extra`, a
 * JSON object of any other fields (empty when none), so no field is lost
 * and the header never depends on the data.
 *
 * Cells: strings as they are, numbers as in the JSON Lines output, true /
 * false, arrays and objects as compact JSON, null as an empty cell. A cell
 * holding a comma, quote, CR or LF is quoted with quotes doubled; lines end
 * in CRLF (RFC 4180). Each file is written to DIR/NAME.csv.tmp and renamed
 * into place by a clean close, so a failed export leaves no half file under
 * the real name.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store_sqlite.h"

typedef struct csv_file {
    char *type;
    const ix_store_table *t;     /* NULL for an unknown type: doc, extra */
    FILE *fp;
    char *path, *tmp;
} csv_file;

typedef struct csv_sink {
    ix_sink base;                /* first: an ix_sink * is a csv_sink * */
    char *dir;
    csv_file *f;
    size_t nf;
    ix_buf row;
} csv_sink;

/* Types written even when empty, in this order. */
static const char *const known[] = {"doc", "error", "rating", "council_rating", "quote", "council"};

static const ix_store_table *table_of(const char *type)
{
    if (!strcmp(type, "doc")) return &ix_store_docs_table;
    if (!strcmp(type, "error")) return &ix_store_errors_table;
    for (size_t k = 0; k < ix_store_ntables; k++)
        if (!strcmp(type, ix_store_tables[k].type)) return &ix_store_tables[k];
    return NULL;
}

static void put_cell(ix_buf *b, const char *s, size_t n)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) { ix_buf_put(b, s, n); return; }
    ix_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') ix_buf_putc(b, '"');
        ix_buf_putc(b, s[i]);
    }
    ix_buf_putc(b, '"');
}

static void put_value(ix_buf *b, const json_t *v)
{
    if (!v || json_is_null(v)) return;
    if (json_is_string(v)) { put_cell(b, json_string_value(v), json_string_length(v)); return; }
    char *j = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
    if (j) put_cell(b, j, strlen(j));
    free(j);
}

/* Whether a record field is shown by one of the table's columns. */
static bool covered(const ix_store_table *t, const char *key)
{
    if (!strcmp(key, "type") || !strcmp(key, "doc")) return true;
    for (size_t i = 0; t && i < t->ncols; i++)
        if (!strcmp(t->cols[i].key, key)) return true;
    return false;
}

static int write_row(csv_sink *s, csv_file *f, ix_err *e)
{
    ix_buf_put(&s->row, "\r\n", 2);
    if (fwrite(s->row.s, 1, s->row.len, f->fp) != s->row.len) {
        ix_err_set(e, "%s: write error: %s", f->tmp, strerror(errno));
        return -1;
    }
    return 0;
}

static csv_file *open_file(csv_sink *s, const char *type, ix_err *e)
{
    for (size_t i = 0; i < s->nf; i++)
        if (!strcmp(s->f[i].type, type)) return &s->f[i];
    /* A type names a file: keep it to [a-z0-9_]. */
    for (const char *p = type; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_') || p - type > 64) {
            ix_err_set(e, "record type '%s' cannot name a CSV file", type);
            return NULL;
        }
    if (!*type) { ix_err_set(e, "a record with an empty type"); return NULL; }
    s->f = ix_xrealloc(s->f, (s->nf + 1) * sizeof *s->f);
    csv_file *f = &s->f[s->nf++];
    memset(f, 0, sizeof *f);
    f->type = ix_xstrdup(type);
    f->t = table_of(type);
    size_t l = strlen(s->dir) + strlen(type) + 16;
    f->path = ix_xmalloc(l);
    snprintf(f->path, l, "%s/%s.csv", s->dir, type);
    f->tmp = ix_xmalloc(l + 4);
    snprintf(f->tmp, l + 4, "%s.tmp", f->path);
    f->fp = fopen(f->tmp, "wb");
    if (!f->fp) {
        ix_err_set(e, "%s: %s", f->tmp, strerror(errno));
        return NULL;
    }
    s->row.len = 0;
    ix_buf_puts(&s->row, "doc");
    for (size_t i = 0; f->t && i < f->t->ncols; i++) {
        if (!strcmp(f->t->cols[i].col, "doc")) continue;
        ix_buf_putc(&s->row, ',');
        ix_buf_puts(&s->row, f->t->cols[i].col);
    }
    ix_buf_puts(&s->row, ",extra");
    return write_row(s, f, e) < 0 ? NULL : f;
}

static int write_record(csv_sink *s, const json_t *rec, ix_err *e)
{
    const char *type = json_string_value(json_object_get(rec, "type"));
    if (!type) { ix_err_set(e, "a record without a type"); return -1; }
    csv_file *f = open_file(s, type, e);
    if (!f) return -1;
    s->row.len = 0;
    put_value(&s->row, json_object_get(rec, "doc"));
    for (size_t i = 0; f->t && i < f->t->ncols; i++) {
        const ix_store_col *c = &f->t->cols[i];
        if (!strcmp(c->col, "doc")) continue;
        ix_buf_putc(&s->row, ',');
        json_t *v = json_object_get(rec, c->key);
        if (v && c->part >= 0) v = json_is_array(v) ? json_array_get(v, (size_t)c->part) : NULL;
        put_value(&s->row, v);
    }
    ix_buf_putc(&s->row, ',');
    json_t *extra = NULL;
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)rec, k, v) {
        if (covered(f->t, k)) continue;
        if (!extra) extra = json_object();
        json_object_set(extra, k, v);
    }
    if (extra) put_value(&s->row, extra);
    json_decref(extra);
    return write_row(s, f, e);
}

static int csv_write(ix_sink *base, const ix_result *res, ix_err *e)
{
    csv_sink *s = (csv_sink *)base;
    for (size_t i = 0; i < res->n; i++)
        if (write_record(s, res->recs[i], e) < 0) return -1;
    return 0;
}

static int csv_close(ix_sink *base, ix_err *e)
{
    csv_sink *s = (csv_sink *)base;
    int rc = 0;
    for (size_t i = 0; i < s->nf; i++) {
        csv_file *f = &s->f[i];
        if (!f->fp) continue;
        int bad = fclose(f->fp) != 0;
        f->fp = NULL;
        if (bad && !rc) { ix_err_set(e, "%s: write error: %s", f->tmp, strerror(errno)); rc = -1; }
        if (!rc && rename(f->tmp, f->path) < 0) { ix_err_set(e, "%s: %s", f->path, strerror(errno)); rc = -1; }
    }
    return rc;
}

static void csv_free(ix_sink *base)
{
    csv_sink *s = (csv_sink *)base;
    for (size_t i = 0; i < s->nf; i++) {
        csv_file *f = &s->f[i];
        if (f->fp) { fclose(f->fp); unlink(f->tmp); }   /* not closed cleanly: no file */
        free(f->type); free(f->path); free(f->tmp);
    }
    free(s->f);
    free(s->dir);
    ix_buf_free(&s->row);
    free(s);
}

static const ix_sink_ops csv_ops = {
    .name = "csv", .write = csv_write, .close = csv_close, .free = csv_free,
};

ix_sink *ix_sink_csv_new(const char *dir, ix_err *e)
{
    if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
        ix_err_set(e, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        ix_err_set(e, "%s: not a folder", dir);
        return NULL;
    }
    csv_sink *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->base.ops = &csv_ops;
    s->dir = ix_xstrdup(dir);
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!open_file(s, known[i], e)) {
            csv_free(&s->base);
            return NULL;
        }
    return &s->base;
}
