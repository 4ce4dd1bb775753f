/* storage.c — the SQLite sink and reader, the CSV sink and the reader of
 * compress.c, with hand-made records of every type (so the typed tables
 * are exercised whatever the extractors find today). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "inspex.h"
#include "tap.h"

static char dir[] = "/tmp/ix-storage-XXXXXX";

static json_t *J(const char *text)
{
    json_error_t je;
    json_t *o = json_loads(text, JSON_DECODE_ANY, &je);
    if (!o) { printf("bad test JSON: %s: %s\n", text, je.text); exit(2); }
    return o;
}

/* A result from JSON texts, the first being the doc/error record. */
static ix_result *R(const char *const *recs)
{
    ix_result *r = calloc(1, sizeof *r);
    for (size_t i = 0; recs[i]; i++) {
        r->recs = realloc(r->recs, (r->n + 1) * sizeof *r->recs);
        r->recs[r->n++] = J(recs[i]);
    }
    r->cap = r->n;
    r->is_error = !strcmp(json_string_value(json_object_get(r->recs[0], "type")), "error");
    return r;
}

static const char *doc1[] = {
    "{\"type\":\"doc\",\"doc\":\"a'); DROP TABLE docs; --\",\"source\":\"d.jsonl:1\",\"sha256\":\"aa\",\"bytes\":10,"
    "\"encoding\":\"utf-8\",\"title\":\"T, \\\"q\\\"\\nline\",\"date\":\"2016-06-28\",\"sentences\":3,\"tokens\":9,"
    "\"warnings\":[\"w\"]}",
    "{\"type\":\"council\",\"doc\":\"a'); DROP TABLE docs; --\",\"name\":\"Rotherham\",\"code\":\"E08000018\","
    "\"mentions\":[[1,10],[20,29]],\"span\":[1,10],\"evidence\":\"Rotherham\",\"rule\":\"councils/gazetteer\"}",
    "{\"type\":\"rating\",\"doc\":\"a'); DROP TABLE docs; --\",\"grade\":\"inadequate\",\"count\":7,\"share\":null,"
    "\"total\":43,\"unit\":\"authorities\",\"approx\":null,\"period\":\"2013/14\",\"number_text\":\"Seven\","
    "\"span\":[30,60],\"evidence\":\"Seven authorities\",\"rule\":\"ratings/x\"}",
    "{\"type\":\"rating\",\"doc\":\"a'); DROP TABLE docs; --\",\"grade\":\"good\",\"count\":null,\"share\":0.25,"
    "\"total\":null,\"unit\":\"councils\",\"approx\":\"more_than\",\"period\":null,\"number_text\":\"a quarter\","
    "\"span\":[61,70],\"evidence\":\"a quarter\",\"rule\":\"ratings/y\"}",
    "{\"type\":\"council_rating\",\"doc\":\"a'); DROP TABLE docs; --\",\"council\":\"Rotherham\",\"code\":\"E08000018\","
    "\"grade\":\"inadequate\",\"judgement\":\"overall\",\"span\":[1,40],\"evidence\":\"Rotherham ...\",\"rule\":\"cr/x\"}",
    "{\"type\":\"quote\",\"doc\":\"a'); DROP TABLE docs; --\",\"text\":\"We are, \\\"sorry\\\".\",\"speaker\":\"Jo Bloggs\","
    "\"speaker_title\":\"Cllr\",\"speaker_role\":null,\"speaker_org\":null,\"span\":[80,99],\"evidence\":\"x\","
    "\"speaker_span\":[100,109],\"attribution\":\"same_sentence\",\"rule\":\"quotes/x\",\"confidence\":0.9}",
    "{\"type\":\"widget\",\"doc\":\"a'); DROP TABLE docs; --\",\"size\":3}",
    NULL};
static const char *doc2[] = {
    "{\"type\":\"error\",\"doc\":\"d.jsonl:2\",\"source\":\"d.jsonl:2\",\"error\":\"malformed JSON Lines record\"}", NULL};
static const char *doc3[] = {
    "{\"type\":\"doc\",\"doc\":\"c\",\"source\":\"d.jsonl:3\",\"sha256\":\"cc\",\"bytes\":1,\"encoding\":\"utf-8\","
    "\"title\":null,\"date\":null,\"sentences\":1,\"tokens\":1,\"warnings\":[]}", NULL};

static long q(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long v = -999;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) { printf("# %s: %s\n", sql, sqlite3_errmsg(db)); return v; }
    if (sqlite3_step(st) == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static char *qs(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) v = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

static int write_all(const char *path, const ix_run_info *run, ix_result **res, size_t n)
{
    ix_err e = {{0}};
    ix_sink *s = ix_sink_sqlite_new(path, run, &e);
    if (!s) { printf("# %s\n", e.msg); return -1; }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) rc = ix_sink_write(s, res[i], &e);
    if (!rc) rc = ix_sink_close(s, &e);
    if (rc) printf("# %s\n", e.msg);
    ix_sink_free(s);
    return rc;
}

static void test_sqlite(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/r.sqlite", dir);
    ix_result *res[3] = {R(doc1), R(doc2), R(doc3)};
    const char *inputs[] = {"d.jsonl"};
    ix_run_info run = {.rules_hash = "h1", .types = 0xF, .inputs = inputs, .ninputs = 1};
    CHECK(write_all(path, &run, res, 3) == 0, "write three documents");

    sqlite3 *db;
    sqlite3_open(path, &db);
    CHECK(q(db, "SELECT count(*) FROM docs") == 3, "3 docs rows");
    CHECK(q(db, "SELECT count(*) FROM docs WHERE status='error'") == 1, "1 error doc");
    CHECK(q(db, "SELECT count(*) FROM errors WHERE doc='d.jsonl:2' AND error LIKE 'malformed%'") == 1, "errors row");
    CHECK(q(db, "SELECT count(*) FROM records") == 9, "9 records");
    CHECK(q(db, "SELECT count(*) FROM ratings") == 2, "2 ratings");
    CHECK(q(db, "SELECT count FROM ratings WHERE grade='inadequate' AND period='2013/14' AND total=43 AND span_start=30 AND span_end=60") == 7,
          "rating columns");
    CHECK(q(db, "SELECT count(*) FROM ratings WHERE share=0.25 AND count IS NULL AND approx='more_than'") == 1, "rating share, NULLs");
    CHECK(q(db, "SELECT count(*) FROM council_ratings WHERE council='Rotherham' AND judgement='overall'") == 1, "council_ratings row");
    CHECK(q(db, "SELECT speaker_end FROM quotes WHERE speaker='Jo Bloggs' AND speaker_title='Cllr' AND speaker_start=100") == 109,
          "quote columns, speaker_span");
    CHECK(q(db, "SELECT count(*) FROM council_mentions m JOIN councils c ON c.record_id=m.council_id WHERE c.code='E08000018'") == 2,
          "council mentions");
    char *t = qs(db, "SELECT title FROM docs WHERE doc='a''); DROP TABLE docs; --'");
    CHECK(t && !strcmp(t, "T, \"q\"\nline"), "SQL-shaped doc id and title stored verbatim (%s)", t ? t : "null");
    free(t);
    CHECK(q(db, "SELECT count(*) FROM records WHERE type='widget' AND json LIKE '%\"size\":3%'") == 1, "unknown type kept in records");
    CHECK(q(db, "SELECT count(*) FROM runs WHERE finished IS NOT NULL AND docs=3 AND errors=1 AND records=6 AND rules_hash='h1' "
                "AND inputs='[\"d.jsonl\"]'") == 1, "runs row with counts");
    CHECK(q(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0, "foreign keys hold");
    CHECK(q(db, "PRAGMA application_id") == 0x696e7370, "application_id");

    /* Read back: the same records, the same bytes, grouped by document. */
    ix_err e = {{0}};
    ix_store *st = ix_store_open(path, &e);
    CHECK(st != NULL, "ix_store_open: %s", e.msg);
    ix_result *got;
    size_t ndoc = 0;
    int k;
    while (st && (k = ix_store_next_result(st, &got, &e)) == 1) {
        bool same = ndoc < 3 && got->n == res[ndoc]->n && got->is_error == res[ndoc]->is_error;
        for (size_t i = 0; same && i < got->n; i++) {
            char *a = ix_record_dump(got->recs[i]), *b = ix_record_dump(res[ndoc]->recs[i]);
            same = !strcmp(a, b);
            free(a); free(b);
        }
        CHECK(same, "document %zu read back as written", ndoc);
        ix_result_free(got);
        ndoc++;
    }
    CHECK(ndoc == 3, "3 documents read back");
    ix_store_free(st);

    /* Lookups in a second run. */
    ix_sink *s = ix_sink_sqlite_new(path, &run, &e);
    ix_input in = {.doc = "c", .source = "d.jsonl:3"};
    CHECK(ix_sink_lookup(s, &in, "cc", &e) == IX_SINK_HAVE, "same id, sha, patterns: have");
    CHECK(ix_sink_lookup(s, &in, "cd", &e) == IX_SINK_STALE, "other bytes: stale");
    in.doc = "d.jsonl:2", in.source = "d.jsonl:2";
    CHECK(ix_sink_lookup(s, &in, "ee", &e) == IX_SINK_STALE, "an error document is tried again");
    in.doc = "zzz";
    CHECK(ix_sink_lookup(s, &in, "cc", &e) == IX_SINK_NEW, "unknown id: new");
    in.doc = "c", in.source = "d.jsonl:7";
    CHECK(ix_sink_lookup(s, &in, "cc", &e) == IX_SINK_HAVE, "moved document: have");
    CHECK(q(db, "SELECT count(*) FROM docs WHERE doc='c' AND source='d.jsonl:7'") == 1, "moved: docs.source updated");
    t = qs(db, "SELECT json FROM records r JOIN docs d ON d.id=r.doc_id WHERE d.doc='c' AND ord=0");
    CHECK(t && strstr(t, "\"doc\":\"c\",\"source\":\"d.jsonl:7\",\"sha256\""), "moved: record JSON updated in place (%s)", t);
    free(t);
    /* Re-writing a document replaces its rows. */
    static const char *doc1b[] = {
        "{\"type\":\"doc\",\"doc\":\"a'); DROP TABLE docs; --\",\"source\":\"d.jsonl:1\",\"sha256\":\"ab\",\"bytes\":10,"
        "\"encoding\":\"utf-8\",\"title\":null,\"date\":null,\"sentences\":3,\"tokens\":9,\"warnings\":[]}", NULL};
    ix_result *r1b = R(doc1b);
    CHECK(ix_sink_write(s, r1b, &e) == 0, "rewrite: %s", e.msg);
    CHECK(ix_sink_close(s, &e) == 0, "close");
    ix_sink_free(s);
    ix_result_free(r1b);
    CHECK(q(db, "SELECT count(*) FROM docs") == 3, "rewrite: still 3 docs");
    CHECK(q(db, "SELECT count(*) FROM ratings") + q(db, "SELECT count(*) FROM quotes") +
          q(db, "SELECT count(*) FROM council_mentions") + q(db, "SELECT count(*) FROM records WHERE type='widget'") == 0,
          "rewrite: the old version's records are gone");
    CHECK(q(db, "SELECT count(*) FROM runs") == 2 && q(db, "SELECT skipped FROM runs WHERE id=2") == 2, "second run: 2 skipped");
    CHECK(q(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0, "foreign keys hold after rewrite");
    sqlite3_close(db);

    /* Refusals: a file that is not a database is left alone. */
    char txt[128];
    snprintf(txt, sizeof txt, "%s/records.jsonl", dir);
    FILE *f = fopen(txt, "w");
    fputs("{\"type\":\"doc\"}\n", f);
    fclose(f);
    ix_sink *bad = ix_sink_sqlite_new(txt, &run, &e);
    CHECK(!bad && strstr(e.msg, "not an SQLite database"), "JSON Lines file refused: %s", e.msg);
    ix_sink_free(bad);
    f = fopen(txt, "r");
    char buf[64] = {0};
    CHECK(fread(buf, 1, sizeof buf - 1, f) == 15 && !strcmp(buf, "{\"type\":\"doc\"}\n"), "and left unchanged");
    fclose(f);
    char other[128];
    snprintf(other, sizeof other, "%s/other.sqlite", dir);
    sqlite3_open(other, &db);
    sqlite3_exec(db, "CREATE TABLE x(y)", NULL, NULL, NULL);
    sqlite3_close(db);
    bad = ix_sink_sqlite_new(other, &run, &e);
    CHECK(!bad && strstr(e.msg, "not one inspex made"), "another program's database refused: %s", e.msg);
    ix_sink_free(bad);
    CHECK(ix_store_open(other, &e) == NULL, "and not read");

    /* CSV */
    char cdir[128];
    snprintf(cdir, sizeof cdir, "%s/csv", dir);
    ix_sink *c = ix_sink_csv_new(cdir, &e);
    CHECK(c != NULL, "csv sink: %s", e.msg);
    for (int i = 0; c && i < 3; i++) CHECK(ix_sink_write(c, res[i], &e) == 0, "csv write");
    CHECK(c && ix_sink_close(c, &e) == 0, "csv close");
    ix_sink_free(c);
    char p[256], all[4096];
    snprintf(p, sizeof p, "%s/quote.csv", cdir);
    f = fopen(p, "rb");
    size_t nr = f ? fread(all, 1, sizeof all - 1, f) : 0;
    all[nr] = 0;
    if (f) fclose(f);
    const char *want =
        "doc,text,speaker,speaker_title,speaker_role,speaker_org,attribution,span_start,span_end,speaker_start,"
        "speaker_end,evidence,rule,extra\r\n"
        "a'); DROP TABLE docs; --,\"We are, \"\"sorry\"\".\",Jo Bloggs,Cllr,,,same_sentence,80,99,100,109,x,quotes/x,"
        "\"{\"\"confidence\"\":0.9}\"\r\n";
    CHECK(!strcmp(all, want), "quote.csv:\n%s", all);
    snprintf(p, sizeof p, "%s/widget.csv", cdir);
    CHECK(access(p, F_OK) == 0, "unknown type gets its own file");
    snprintf(p, sizeof p, "%s/rating.csv.tmp", cdir);
    CHECK(access(p, F_OK) != 0, "no temporary files left");
    for (int i = 0; i < 3; i++) ix_result_free(res[i]);
}

static void test_reader(void)
{
    /* Lines longer than the limit are skipped whole; the next line is read. */
    static char text[] = "short\nthis line is far too long for the limit\nok\nlast";
    FILE *f = fmemopen(text, strlen(text), "rb");
    ix_reader *r = ix_reader_new(f, 1);
    char *line = NULL;
    size_t cap = 0;
    CHECK(ix_reader_getline(r, &line, &cap, 16) == 6 && !strcmp(line, "short\n"), "first line");
    CHECK(ix_reader_getline(r, &line, &cap, 16) == IX_READER_TOO_LONG, "too long");
    CHECK(ix_reader_getline(r, &line, &cap, 16) == 3 && !strcmp(line, "ok\n"), "the next line after it");
    CHECK(ix_reader_getline(r, &line, &cap, 16) == 4 && !strcmp(line, "last"), "a last line without newline");
    CHECK(ix_reader_getline(r, &line, &cap, 16) == 0 && !ix_reader_error(r), "end");
    CHECK(ix_reader_compression(r) == IX_COMP_NONE, "plain");
    ix_reader_free(r);
    free(line);
    /* Two bytes that look like the start of gzip, then nothing: an error. */
    static char gz[] = "\x1f\x8b";
    f = fmemopen(gz, 2, "rb");
    r = ix_reader_new(f, 1);
    char buf[8];
    CHECK(ix_reader_compression(r) == IX_COMP_GZIP && ix_reader_read(r, buf, sizeof buf) == -1 &&
          strstr(ix_reader_error(r), "gzip"), "gzip magic alone: error");
    ix_reader_free(r);
    CHECK(ix_compression_suffix("a.jsonl.zst") == 4 && ix_compression_suffix("a.gz") == 3 &&
          ix_compression_suffix("gz") == 0, "suffixes");
}

int main(void)
{
    if (!mkdtemp(dir)) return 2;
    test_sqlite();
    test_reader();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("# could not remove %s\n", dir);
    return DONE();
}
