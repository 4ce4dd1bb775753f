/* cmd_extract.c — `inspex extract`: inputs -> records, in input order.
 *
 * Documents are read in batches; worker threads extract a batch in
 * parallel (each with its own PCRE2 scratch; the rules are shared
 * read-only) and the main thread writes the results in input order, so the
 * output bytes do not depend on the thread count. Memory is bounded by the
 * batch size, not by the size of the dump.
 *
 * The output is a sink (inspex.h): JSON Lines, or with --db an SQLite
 * database. A sink that can tell what it already holds (the database) is
 * asked about each input before extraction: cmd_extract hashes the input's
 * bytes (the doc record's sha256) and skips documents stored unchanged with
 * the same patterns, unless --force.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: inspex extract [OPTIONS] INPUT...\n"
        "\n"
        "Reads articles and writes records as JSON Lines (see SCHEMA.md): for each\n"
        "document a \"doc\" record (or an \"error\" record), then its rating,\n"
        "council_rating, quote and council records, each with the byte span of the\n"
        "original document it came from.\n"
        "\n"
        "INPUT is a file, a folder (walked recursively, sorted; files matching --glob),\n"
        "a JSON Lines dump (*.jsonl, or any file with --input jsonl), or - for stdin.\n"
        "gzip and zstd files are decompressed (detected by content; a folder walk takes\n"
        "a.txt.gz for *.txt, and dump.jsonl.zst is a dump).\n"
        "\n"
        "Options:\n"
        "  --input KIND         auto (default: *.jsonl are dumps), text, or jsonl\n"
        "  --glob PATTERN       file names taken from folders (default \"*.txt\")\n"
        "  --text-field NAME    the text field of a JSON Lines dump (default \"text\")\n"
        "  --types LIST         only these record types, e.g. rating,quote\n"
        "  --patterns DIR       the rules folder (default: patterns/ beside the program)\n"
        "  -j, --jobs N         worker threads (default 1); output is identical for any N\n"
        "  --max-doc-bytes N    skip documents larger than N bytes (default 64 MiB)\n"
        "  -o, --output FILE    write to FILE (atomically, via a temporary file)\n"
        "  --db FILE            write into the SQLite database FILE instead (created if\n"
        "                       absent; one transaction per document). Documents it\n"
        "                       already holds with the same sha256 and patterns are\n"
        "                       skipped; stderr says how many\n"
        "  --force              with --db: extract every document again\n"
        "  -h, --help           this text\n"
        "\n"
        "Exit status: 0 all good; 1 some documents had errors (error records were\n"
        "written and the other documents processed); 2 usage error; 3 output error.\n"
        "\n"
        "Examples:\n"
        "  inspex extract corpus/ > records.jsonl\n"
        "  inspex extract --input jsonl dump.jsonl\n"
        "  inspex extract --db records.sqlite dump.jsonl.gz   # again next week: only new ones\n"
        "  curl -s URL | inspex extract -\n");
}

typedef struct job {
    const ix_rules *r;
    unsigned types;
    ix_input **in;
    ix_result **out;
    size_t n;
    size_t next;
    pthread_mutex_t mu;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    ix_scratch *s = ix_scratch_new(j->r);
    for (;;) {
        pthread_mutex_lock(&j->mu);
        size_t i = j->next++;
        pthread_mutex_unlock(&j->mu);
        if (i >= j->n) break;
        j->out[i] = ix_extract(j->r, s, j->in[i], j->types);
    }
    ix_scratch_free(s);
    return NULL;
}

static long parse_size(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || v < 0) return -1;
    if (*end == 'k' || *end == 'K') v <<= 10, end++;
    else if (*end == 'm' || *end == 'M') v <<= 20, end++;
    else if (*end == 'g' || *end == 'G') v <<= 30, end++;
    return *end ? -1 : v;
}

int cmd_extract(int argc, char **argv)
{
    ix_source_opts so = {.kind = IX_INPUT_AUTO, .max_doc_bytes = 64u << 20};
    const char *patterns = NULL, *output = NULL, *dbpath = NULL;
    bool force = false;
    unsigned types = IX_T_ALL;
    long jobs = 1;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV() do { if (!v) { fprintf(stderr, "inspex extract: %s needs a value\n", a); free(paths); return 2; } i++; } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); free(paths); return 0; }
        else if (!strcmp(a, "--input")) {
            NEEDV();
            if (!strcmp(v, "jsonl")) so.kind = IX_INPUT_JSONL;
            else if (!strcmp(v, "text")) so.kind = IX_INPUT_TEXT;
            else if (!strcmp(v, "auto")) so.kind = IX_INPUT_AUTO;
            else { fprintf(stderr, "inspex extract: --input takes auto, text or jsonl\n"); free(paths); return 2; }
        } else if (!strcmp(a, "--glob")) { NEEDV(); so.glob = v; }
        else if (!strcmp(a, "--text-field")) { NEEDV(); so.text_field = v; }
        else if (!strcmp(a, "--patterns")) { NEEDV(); patterns = v; }
        else if (!strcmp(a, "-o") || !strcmp(a, "--output")) { NEEDV(); output = v; }
        else if (!strcmp(a, "--db")) { NEEDV(); dbpath = v; }
        else if (!strcmp(a, "--force")) force = true;
        else if (!strcmp(a, "--types")) {
            NEEDV();
            ix_err e = {{0}};
            types = ix_types_parse(v, &e);
            if (!types) { fprintf(stderr, "inspex extract: %s\n", e.msg); free(paths); return 2; }
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDV();
            jobs = strtol(v, NULL, 10);
            if (jobs < 1 || jobs > 256) { fprintf(stderr, "inspex extract: -j takes 1..256\n"); free(paths); return 2; }
        } else if (!strcmp(a, "--max-doc-bytes")) {
            NEEDV();
            long m = parse_size(v);
            if (m < 0) { fprintf(stderr, "inspex extract: --max-doc-bytes takes a size (e.g. 64M)\n"); free(paths); return 2; }
            so.max_doc_bytes = (size_t)m;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inspex extract: unknown option '%s'\n", a);
            usage(stderr);
            free(paths);
            return 2;
        } else paths[npaths++] = a;
#undef NEEDV
    }
    if (!npaths) {
        fprintf(stderr, "inspex extract: no input (give files, folders, or - for stdin)\n");
        usage(stderr);
        free(paths);
        return 2;
    }
    if (dbpath && output) {
        fprintf(stderr, "inspex extract: --db and --output are two destinations; give one\n");
        free(paths);
        return 2;
    }
    if (force && !dbpath) {
        fprintf(stderr, "inspex extract: --force goes with --db\n");
        free(paths);
        return 2;
    }
    ix_rules *r = cli_load_rules(patterns);
    if (!r) { free(paths); return 2; }

    FILE *out = stdout;
    char *tmp = NULL;
    if (output) {
        size_t l = strlen(output) + 32;
        tmp = malloc(l);
        snprintf(tmp, l, "%s.tmp.%ld", output, (long)getpid());
        out = fopen(tmp, "wb");
        if (!out) {
            fprintf(stderr, "inspex extract: cannot write %s: %s\n", tmp, strerror(errno));
            free(tmp); free(paths); ix_rules_free(r);
            return 3;
        }
    }
    ix_sink *sink;
    if (dbpath) {
        ix_run_info run = {.rules_hash = ix_rules_hash(r), .types = types, .force = force,
                           .inputs = paths, .ninputs = npaths};
        ix_err e = {{0}};
        sink = ix_sink_sqlite_new(dbpath, &run, &e);
        if (!sink) {
            fprintf(stderr, "inspex extract: %s\n", e.msg);
            free(paths); ix_rules_free(r);
            return 3;
        }
    } else sink = ix_sink_jsonl_new(out);
    ix_source *src = ix_source_new(paths, npaths, &so);
    size_t nnew = 0, nstale = 0, nskipped = 0;
    size_t batch = (size_t)jobs * 16;
    ix_input **in = calloc(batch, sizeof *in);
    ix_result **res = calloc(batch, sizeof *res);
    int status = 0;
    bool eof = false;
    ix_scratch *solo = jobs == 1 ? ix_scratch_new(r) : NULL;
    while (!eof && status != 3) {
        size_t n = 0;
        while (n < batch && (in[n] = ix_source_next(src))) n++;
        if (n < batch) eof = true;
        if (dbpath && !force) {
            /* Drop what the database already holds; the rest keeps its order. */
            size_t k = 0;
            for (size_t i = 0; i < n; i++) {
                int held = IX_SINK_NEW;
                if (!in[i]->error && status != 3) {
                    char hex[65];
                    ix_err e = {{0}};
                    ix_sha256_hex(in[i]->bytes, in[i]->len, hex);
                    held = ix_sink_lookup(sink, in[i], hex, &e);
                    if (held < 0) { fprintf(stderr, "inspex extract: %s\n", e.msg); status = 3; }
                }
                if (held == IX_SINK_HAVE) { nskipped++; ix_input_free(in[i]); continue; }
                if (held == IX_SINK_STALE) nstale++; else nnew++;
                in[k++] = in[i];
            }
            n = k;
        } else nnew += n;
        if (!n) continue;
        if (jobs == 1) {
            for (size_t i = 0; i < n; i++) res[i] = ix_extract(r, solo, in[i], types);
        } else {
            job j = {.r = r, .types = types, .in = in, .out = res, .n = n};
            pthread_mutex_init(&j.mu, NULL);
            pthread_t th[256];
            long nt = jobs < (long)n ? jobs : (long)n;
            for (long t = 0; t < nt; t++) pthread_create(&th[t], NULL, worker, &j);
            for (long t = 0; t < nt; t++) pthread_join(th[t], NULL);
            pthread_mutex_destroy(&j.mu);
        }
        for (size_t i = 0; i < n; i++) {
            if (status != 3) {
                ix_err e = {{0}};
                if (res[i]->is_error) {
                    status = status ? status : 1;
                    fprintf(stderr, "inspex: %s: %s\n", in[i]->doc,
                            json_string_value(json_object_get(res[i]->recs[0], "error")));
                }
                if (ix_sink_write(sink, res[i], &e) < 0) {
                    fprintf(stderr, "inspex extract: %s\n", e.msg);
                    status = 3;
                }
            }
            ix_result_free(res[i]);
            ix_input_free(in[i]);
        }
    }
    ix_scratch_free(solo);
    ix_err e = {{0}};
    if (status != 3 && ix_sink_close(sink, &e) < 0) {
        fprintf(stderr, "inspex extract: %s\n", e.msg);
        status = 3;
    }
    if (dbpath && force)
        fprintf(stderr, "inspex extract: %s: %zu documents processed (--force), 0 unchanged skipped\n", dbpath, nnew);
    else if (dbpath)
        fprintf(stderr, "inspex extract: %s: %zu documents processed (%zu new, %zu changed or re-extracted), "
                "%zu unchanged skipped\n", dbpath, nnew + nstale, nnew, nstale, nskipped);
    if (output) {
        if (fclose(out) != 0 && status != 3) { fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno)); status = 3; }
        if (status == 3) unlink(tmp);
        else if (rename(tmp, output) < 0) { fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno)); status = 3; }
    }
    free(tmp);
    ix_sink_free(sink);
    ix_source_free(src);
    free(in);
    free(res);
    free(paths);
    ix_rules_free(r);
    return status;
}
