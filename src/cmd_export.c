/* cmd_export.c — `inspex export`: stored records out as CSV files or JSON
 * Lines.
 *
 * Reads an inspex SQLite database (ix_store, store_sqlite.c) or a JSON
 * Lines file of records (as `extract` writes them; gzip/zstd too, through
 * compress.c) and writes them through a sink: sink_csv.c for --csv DIR, or
 * JSON Lines for --jsonl. From a database, --jsonl writes the stored JSON
 * texts themselves, so it gives back byte for byte what extract wrote.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: inspex export (--csv DIR | --jsonl) [-o FILE] INPUT\n"
        "\n"
        "Writes the records of INPUT, in the order extract wrote them:\n"
        "  --csv DIR     one RFC 4180 CSV file per record type: DIR/doc.csv, error.csv,\n"
        "                rating.csv, council_rating.csv, quote.csv, council.csv (a\n"
        "                header at least); spans as span_start,span_end; fields with no\n"
        "                column of their own in the last column, extra (JSON)\n"
        "  --jsonl       JSON Lines on stdout (or -o FILE): from a database, exactly the\n"
        "                bytes `inspex extract` wrote\n"
        "\n"
        "INPUT is an inspex SQLite database (inspex extract --db) or a JSON Lines file\n"
        "of records (inspex extract; .gz/.zst read too; - for stdin).\n"
        "\n"
        "Exit status: 0 all good; 1 INPUT could not be read or had lines that are not\n"
        "records (reported, skipped); 2 usage error; 3 output could not be written.\n"
        "\n"
        "Examples:\n"
        "  inspex export --csv out/ records.sqlite\n"
        "  inspex export --jsonl records.sqlite > records.jsonl\n");
}

/* Reads records from a JSON Lines file; one record per result, which is
 * all the sinks need. Returns 0, 1 (bad lines, skipped) or 3 (output). */
static int from_jsonl(const char *path, ix_sink *sink, FILE *raw_out)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) { fprintf(stderr, "inspex export: %s: %s\n", path, strerror(errno)); return 1; }
    ix_reader *rd = ix_reader_new(f, f != stdin);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int status = 0;
    while ((n = ix_reader_getline(rd, &line, &cap, 0)) > 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        if (!len) continue;
        json_error_t je;
        json_t *rec = json_loadb(line, len, JSON_ALLOW_NUL, &je);
        if (!rec || !json_is_object(rec) || !json_is_string(json_object_get(rec, "type"))) {
            fprintf(stderr, "inspex export: %s:%zu: not a record (%s)\n", path, lineno,
                    rec ? "no \"type\"" : je.text);
            json_decref(rec);
            status = 1;
            continue;
        }
        ix_err e = {{0}};
        if (raw_out) {
            /* JSON Lines in, JSON Lines out: the line as it was. */
            if (fwrite(line, 1, len, raw_out) != len || fputc('\n', raw_out) == EOF) {
                fprintf(stderr, "inspex export: write error: %s\n", strerror(errno));
                status = 3;
            }
        } else {
            ix_result res = {.recs = &rec, .n = 1, .cap = 1};
            if (ix_sink_write(sink, &res, &e) < 0) {
                fprintf(stderr, "inspex export: %s\n", e.msg);
                status = 3;
            }
        }
        json_decref(rec);
        if (status == 3) break;
    }
    if (n < 0 && status != 3) {
        fprintf(stderr, "inspex export: %s: %s\n", path, ix_reader_error(rd));
        status = 1;
    }
    free(line);
    ix_reader_free(rd);
    return status;
}

/* Reads records from a database. Returns 0, 1 (cannot read) or 3 (output). */
static int from_db(const char *path, ix_sink *sink, FILE *raw_out)
{
    ix_err e = {{0}};
    ix_store *st = ix_store_open(path, &e);
    if (!st) { fprintf(stderr, "inspex export: %s\n", e.msg); return 1; }
    int status = 0, k;
    if (raw_out) {
        const char *j;
        size_t len;
        while ((k = ix_store_next_json(st, &j, &len, &e)) == 1)
            if (fwrite(j, 1, len, raw_out) != len || fputc('\n', raw_out) == EOF) {
                fprintf(stderr, "inspex export: write error: %s\n", strerror(errno));
                status = 3;
                break;
            }
    } else {
        ix_result *res;
        while ((k = ix_store_next_result(st, &res, &e)) == 1) {
            int w = ix_sink_write(sink, res, &e);
            ix_result_free(res);
            if (w < 0) {
                fprintf(stderr, "inspex export: %s\n", e.msg);
                status = 3;
                break;
            }
        }
    }
    if (k < 0 && status != 3) { fprintf(stderr, "inspex export: %s: %s\n", path, e.msg); status = 1; }
    ix_store_free(st);
    return status;
}

int cmd_export(int argc, char **argv)
{
    const char *csv = NULL, *output = NULL, *input = NULL;
    bool jsonl = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--csv") && v) { csv = v; i++; }
        else if (!strcmp(a, "--jsonl")) jsonl = true;
        else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && v) { output = v; i++; }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inspex export: unknown option or missing value: '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (input) { fprintf(stderr, "inspex export: one INPUT at a time\n"); return 2; }
        else input = a;
    }
    if (!input || !csv == !jsonl) {
        fprintf(stderr, "inspex export: give INPUT and one of --csv DIR or --jsonl\n");
        usage(stderr);
        return 2;
    }
    if (output && csv) { fprintf(stderr, "inspex export: -o goes with --jsonl (--csv names a folder)\n"); return 2; }
    bool db = strcmp(input, "-") && ix_store_sniff(input);

    FILE *out = NULL;
    char *tmp = NULL;
    ix_sink *sink = NULL;
    ix_err e = {{0}};
    if (csv) {
        sink = ix_sink_csv_new(csv, &e);
        if (!sink) { fprintf(stderr, "inspex export: %s\n", e.msg); return 3; }
    } else if (output) {
        size_t l = strlen(output) + 32;
        tmp = malloc(l);
        snprintf(tmp, l, "%s.tmp.%ld", output, (long)getpid());
        out = fopen(tmp, "wb");
        if (!out) { fprintf(stderr, "inspex export: cannot write %s: %s\n", tmp, strerror(errno)); free(tmp); return 3; }
    } else out = stdout;

    int status = db ? from_db(input, sink, out) : from_jsonl(input, sink, out);

    if (sink) {
        if (status != 3 && ix_sink_close(sink, &e) < 0) { fprintf(stderr, "inspex export: %s\n", e.msg); status = 3; }
        ix_sink_free(sink);
    } else {
        if (fflush(out) != 0 || ferror(out)) {
            if (status != 3) fprintf(stderr, "inspex export: write error: %s\n", strerror(errno));
            status = 3;
        }
        if (output) {
            if (fclose(out) != 0 && status != 3) { fprintf(stderr, "inspex export: %s: %s\n", output, strerror(errno)); status = 3; }
            if (status == 3) unlink(tmp);
            else if (rename(tmp, output) < 0) { fprintf(stderr, "inspex export: %s: %s\n", output, strerror(errno)); status = 3; }
        }
    }
    free(tmp);
    return status;
}
