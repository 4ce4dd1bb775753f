/* cmd_extract.c — `inspex extract`: inputs -> records, in input order.
 *
 * Documents are read in batches; worker threads extract a batch in
 * parallel (each with its own PCRE2 scratch; the rules are shared
 * read-only) and the main thread writes the results in input order, so the
 * output bytes do not depend on the thread count. Memory is bounded by the
 * batch size, not by the size of the dump.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
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
        "  -h, --help           this text\n"
        "\n"
        "Exit status: 0 all good; 1 some documents had errors (error records were\n"
        "written and the other documents processed); 2 usage error; 3 output error\n"
        "(full disk, closed pipe: the output ends with a whole document, and -o FILE\n"
        "is left untouched); 130 interrupted by Ctrl-C: the run stops after the\n"
        "document in progress, with every record so far written (with -o, into\n"
        "FILE.partial).\n"
        "\n"
        "Examples:\n"
        "  inspex extract corpus/ > records.jsonl\n"
        "  inspex extract --input jsonl dump.jsonl\n"
        "  curl -s URL | inspex extract -\n");
}

/* At most this many input bytes are read ahead of extraction. */
#define BATCH_BYTES ((size_t)64 << 20)

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
        if (i >= j->n || cli_stop_signal()) break;
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
    const char *patterns = NULL, *output = NULL;
    bool output_direct = false;     /* -o names a device or pipe */
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
    ix_rules *r = cli_load_rules(patterns);
    if (!r) { free(paths); return 2; }

    /* -o FILE: write FILE.tmp.XXXXXX beside it and rename it into place
     * only when the run completes, so FILE is never half-written. */
    FILE *out = stdout;
    char *tmp = NULL;
    struct stat ost;
    if (output && stat(output, &ost) == 0 && !S_ISREG(ost.st_mode) && !S_ISDIR(ost.st_mode)) {
        /* A device or pipe (/dev/stdout, /dev/full, a FIFO) is written
         * directly: renaming a file over it would replace the device. */
        out = fopen(output, "wb");
        if (!out) {
            fprintf(stderr, "inspex extract: cannot write %s: %s\n", output, strerror(errno));
            free(paths); ix_rules_free(r);
            return 3;
        }
        output_direct = true;
    } else if (output) {
        size_t l = strlen(output) + 16;
        tmp = malloc(l);
        snprintf(tmp, l, "%s.tmp.XXXXXX", output);
        int fd = mkstemp(tmp);
        if (fd >= 0) {
            mode_t um = umask(0);
            umask(um);
            fchmod(fd, 0666 & ~um);            /* mkstemp made it 0600 */
        }
        out = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (!out) {
            fprintf(stderr, "inspex extract: cannot write %s: %s\n", output, strerror(errno));
            if (fd >= 0) { close(fd); unlink(tmp); }
            free(tmp); free(paths); ix_rules_free(r);
            return 3;
        }
    }
    cli_signals_install();
    ix_source *src = ix_source_new(paths, npaths, &so);
    ix_sink *sink = ix_sink_jsonl_new(out);
    size_t batch = (size_t)jobs * 16;
    ix_input **in = calloc(batch, sizeof *in);
    ix_result **res = calloc(batch, sizeof *res);
    int status = 0;
    bool eof = false;
    size_t ndone = 0;
    ix_scratch *solo = jobs == 1 ? ix_scratch_new(r) : NULL;
    while (!eof && status != 3 && !cli_stop_signal()) {
        /* A batch is bounded in documents and in bytes, so memory stays
         * bounded when the documents are large. */
        size_t n = 0, nbytes = 0;
        while (n < batch && nbytes < BATCH_BYTES && (in[n] = ix_source_next(src))) nbytes += in[n++]->len;
        if (n < batch && nbytes < BATCH_BYTES) eof = true;
        if (!n) break;
        for (size_t i = 0; i < n; i++) res[i] = NULL;
        if (jobs == 1) {
            for (size_t i = 0; i < n && !cli_stop_signal(); i++) res[i] = ix_extract(r, solo, in[i], types);
        } else {
            job j = {.r = r, .types = types, .in = in, .out = res, .n = n};
            pthread_mutex_init(&j.mu, NULL);
            pthread_t th[256];
            long nt = jobs < (long)n ? jobs : (long)n;
            for (long t = 0; t < nt; t++) pthread_create(&th[t], NULL, worker, &j);
            for (long t = 0; t < nt; t++) pthread_join(th[t], NULL);
            pthread_mutex_destroy(&j.mu);
        }
        /* Write in input order up to the first document an interrupt left
         * undone; later ones are dropped with it. */
        bool gap = false;
        for (size_t i = 0; i < n; i++) {
            if (!res[i]) gap = true;
            if (status != 3 && !gap) {
                ix_err e = {{0}};
                if (res[i]->is_error) {
                    status = status ? status : 1;
                    fprintf(stderr, "inspex: %s: %s\n", in[i]->doc,
                            json_string_value(json_object_get(res[i]->recs[0], "error")));
                }
                if (ix_sink_write(sink, res[i], &e) < 0) {
                    fprintf(stderr, "inspex extract: %s: %s\n", output ? output : "standard output",
                            errno == EPIPE ? "output closed by the reader (broken pipe)" : e.msg);
                    status = 3;
                } else ndone++;
            }
            ix_result_free(res[i]);
            ix_input_free(in[i]);
        }
    }
    ix_scratch_free(solo);
    ix_err e = {{0}};
    if (status != 3 && ix_sink_close(sink, &e) < 0) {
        fprintf(stderr, "inspex extract: %s: %s\n", output ? output : "standard output",
                errno == EPIPE ? "output closed by the reader (broken pipe)" : e.msg);
        status = 3;
    }
    int sig = cli_stop_signal();
    if (status == 3) {
        if (output && !output_direct) fprintf(stderr, "inspex extract: %s left as it was\n", output);
    } else if (sig) {
        fprintf(stderr, "inspex extract: interrupted (signal %d): stopped after %zu document%s, "
                "whose records are complete%s%s%s\n", sig, ndone, ndone == 1 ? "" : "s",
                output ? "; they are in " : "", output ? output : "", output && !output_direct ? ".partial" : "");
    }
    if (output_direct) {
        if (fclose(out) != 0 && status != 3) { fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno)); status = 3; }
    } else if (output) {
        if (status != 3 && (fsync(fileno(out)) != 0 && errno != EINVAL)) {
            fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno));
            status = 3;
        }
        if (fclose(out) != 0 && status != 3) { fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno)); status = 3; }
        if (status == 3) unlink(tmp);
        else if (sig) {
            /* Not a finished run: FILE keeps what it had; the records so
             * far go beside it. */
            size_t l = strlen(output) + 16;
            char *part = malloc(l);
            snprintf(part, l, "%s.partial", output);
            if (rename(tmp, part) < 0) {
                fprintf(stderr, "inspex extract: %s: %s\n", part, strerror(errno));
                unlink(tmp);
            }
            free(part);
        } else if (rename(tmp, output) < 0) {
            fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno));
            unlink(tmp);
            status = 3;
        }
    }
    if (sig && status != 3) status = 128 + sig;
    free(tmp);
    ix_sink_free(sink);
    ix_source_free(src);
    free(in);
    free(res);
    free(paths);
    ix_rules_free(r);
    return status;
}
