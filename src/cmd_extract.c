/* cmd_extract.c — `inspex extract`: inputs -> records, in input order.
 *
 * With -j 1 one loop reads a document, extracts it and writes it. With
 * -j N, N workers each do the same for the next document, without a batch
 * barrier and without helper threads: a worker reserves a place in the
 * window of documents in flight (4N+2 documents, 8 MB of input; one larger
 * document goes alone), takes the next document (one at a time, under the
 * source lock; a file found by path is opened and read after the lock is
 * released), extracts it with its own PCRE2 scratch (rules are shared
 * read-only) and, when the sink can (JSON Lines), renders its records to
 * bytes; whichever worker completes the document next in input order
 * writes it and every completed one after it. The output does not depend
 * on N or on timing, and memory is bounded by the window, not by the size
 * of the input.
 *
 * The output is a sink (inspex.h): JSON Lines, or with --db an SQLite
 * database. A sink that can tell what it already holds (the database) is
 * asked about each input before extraction: the input's bytes are hashed
 * (the doc record's sha256) and documents stored unchanged with the same
 * patterns are skipped, unless --force. Sink calls are serialised by one
 * mutex (look-ups before extraction, writes after).
 *
 * Streaming (a Hadoop Streaming or Spark RDD.pipe mapper): with stdin among
 * the inputs and stdout a pipe, socket or terminal, each document's records
 * are flushed as soon as they are written (--line-buffered forces this).
 * Nothing carries over from one document to the next.
 *
 * Progress (progress.c) goes to stderr when it is a terminal, never into
 * piped output; --progress / --quiet force it on or off.
 *
 * Signals (signals.c): a closed pipe or full disk ends the run with a
 * message and status 3; SIGINT/SIGTERM stop it after the document in
 * progress, every record so far written, status 128+signal.
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
        "  --max-doc-bytes N    skip documents larger than N bytes (default 64 MiB; 0: no\n"
        "                       limit)\n"
        "  -o, --output FILE    write to FILE (atomically, via a temporary file)\n"
        "  --db FILE            write into the SQLite database FILE instead (created if\n"
        "                       absent; one transaction per document). Documents it\n"
        "                       already holds with the same sha256 and patterns are\n"
        "                       skipped; stderr says how many\n"
        "  --force              with --db: extract every document again\n"
        "  --progress           show progress on stderr even when it is not a terminal\n"
        "  --quiet              never show progress (errors are still reported)\n"
        "  --line-buffered      flush after every document (the default when reading\n"
        "                       stdin into a pipe: mapper behaviour)\n"
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
        "  inspex extract -j 2 --input jsonl dump.jsonl > records.jsonl\n"
        "  inspex extract --db records.sqlite dump.jsonl.gz   # again next week: only new ones\n"
        "  curl -s URL | inspex extract -\n"
        "  hadoop jar hadoop-streaming.jar -mapper 'inspex extract --input jsonl -' ...\n");
}

/* ---- one document ---------------------------------------------------------- */

/* What the run needs from its sink and settings, shared by both ways of
 * running. */
typedef struct run {
    const ix_rules *r;
    unsigned types;
    ix_sink *sink;
    bool lookup;               /* ask the sink what it holds first (--db without --force) */
    bool render;               /* the sink renders to bytes: workers do it (one
                                  thread writes records straight into the sink) */
    pthread_mutex_t *sink_mu;  /* serialises sink calls between threads, or NULL */
} run;

typedef struct slot {
    ix_input *in;
    int held;                  /* IX_SINK_NEW / _HAVE (skipped) / _STALE, or -1: lookup failed */
    char *lookup_err;
    ix_result *res;            /* for a sink that takes records */
    char *out;                 /* or its rendered bytes */
    size_t outlen;
    char *err;                 /* the document's error message, or NULL */
    int state;
} slot;

/* Looks the input up in the sink (when asked to), extracts it unless the
 * sink holds it already, and renders it when the sink can. Fills sl. */
static void process(const run *R, ix_scratch *s, slot *sl)
{
    sl->held = IX_SINK_NEW;
    if (R->lookup && !sl->in->error) {
        char hex[65];
        ix_err e = {{0}};
        ix_sha256_hex(sl->in->bytes, sl->in->len, hex);
        if (R->sink_mu) pthread_mutex_lock(R->sink_mu);
        sl->held = ix_sink_lookup(R->sink, sl->in, hex, &e);
        if (R->sink_mu) pthread_mutex_unlock(R->sink_mu);
        if (sl->held < 0) { sl->lookup_err = strdup(e.msg); return; }
        if (sl->held == IX_SINK_HAVE) return;
    }
    ix_result *res = ix_extract(R->r, s, sl->in, R->types);
    if (res->is_error) {
        const char *m = json_string_value(json_object_get(res->recs[0], "error"));
        sl->err = strdup(m ? m : "error");
    }
    if (R->render && (sl->out = ix_sink_render(R->sink, res, &sl->outlen))) ix_result_free(res);
    else sl->res = res;
}

/* What the writer does with each finished document, in input order. */
typedef struct writer {
    const run *R;
    cli_progress *prog;
    bool flush_each;
    int status;
    size_t nnew, nstale, nskipped;
} writer;

static void slot_free(slot *sl)
{
    ix_result_free(sl->res);
    free(sl->out);
    free(sl->err);
    free(sl->lookup_err);
    ix_input_free(sl->in);
    memset(sl, 0, sizeof *sl);
}

/* Writes the slot's document (unless the output has failed) and frees it. */
static void write_slot(writer *w, slot *sl)
{
    ix_sink *sink = w->R->sink;
    if (w->status != 3) {
        ix_err e = {{0}};
        if (sl->held < 0) {
            cli_progress_clear(w->prog);
            fprintf(stderr, "inspex extract: %s\n", sl->lookup_err);
            w->status = 3;
        } else if (sl->held == IX_SINK_HAVE) {
            w->nskipped++;
        } else {
            if (sl->held == IX_SINK_STALE) w->nstale++;
            else w->nnew++;
            if (sl->err) {
                w->status = w->status ? w->status : 1;
                cli_progress_clear(w->prog);
                fprintf(stderr, "inspex: %s: %s\n", sl->in->doc, sl->err);
            }
            if (w->R->sink_mu) pthread_mutex_lock(w->R->sink_mu);
            int rc = sl->out ? ix_sink_write_bytes(sink, sl->out, sl->outlen, &e) : ix_sink_write(sink, sl->res, &e);
            if (rc == 0 && w->flush_each) rc = ix_sink_flush(sink, &e);
            if (w->R->sink_mu) pthread_mutex_unlock(w->R->sink_mu);
            if (rc < 0) {
                cli_progress_clear(w->prog);
                fprintf(stderr, "inspex extract: %s\n", e.msg);
                w->status = 3;
            }
        }
        cli_progress_add(w->prog, 1, sl->in->raw_len);
    }
    slot_free(sl);
}

static void run_serial(const run *R, ix_source *src, writer *w)
{
    ix_scratch *s = ix_scratch_new(R->r);
    ix_input *in;
    while (w->status != 3 && !cli_stop_signal() && (in = ix_source_next(src))) {
        slot sl = {.in = in};
        process(R, s, &sl);
        write_slot(w, &sl);
    }
    ix_scratch_free(s);
}

/* ---- the pool (-j N) ----------------------------------------------------- */

/* N workers, no other thread. A worker reserves a place in the window of
 * documents in flight, takes the next document (under the source lock:
 * taking and sequence numbers go together; a plain file is read after the
 * lock, a dump's lines under it), extracts and renders it, then
 * puts it in the window; whichever worker completes the document that is
 * next in input order writes it, and every completed one after it. Nobody
 * sleeps waiting for another thread in the normal course of things, so
 * there is no wake-up per document (a reader and a writer thread cost
 * three context switches per document, a quarter of the CPU time with
 * small documents). A worker waits only when the window is full, which
 * happens when one document takes much longer than the rest. */
typedef struct pool {
    const run *R;
    ix_source *src;
    writer *w;
    pthread_mutex_t src_mu;    /* the source, nread, eof */
    pthread_mutex_t out_mu;    /* the window, writing, the sink, progress */
    pthread_cond_t space;      /* the window moved */
    slot *ring;                /* document seq at ring[seq % cap] */
    bool *done;
    size_t cap;                /* documents in flight at most */
    size_t budget;             /* input bytes in flight at most (one document may exceed it) */
    size_t nread;              /* src_mu: documents read (the next sequence number) */
    size_t nreserved, nwritten, inflight_bytes;   /* out_mu */
    int nwaiting;              /* out_mu: workers waiting for space */
    bool eof;                  /* src_mu */
    bool stop;                 /* out_mu: output failed or interrupted */
} pool;

/* Writes every completed document from nwritten on, in order. out_mu held. */
static void pool_drain(pool *p)
{
    bool moved = false;
    while (p->nwritten < p->nreserved && p->done[p->nwritten % p->cap]) {
        size_t i = p->nwritten % p->cap;
        p->inflight_bytes -= p->ring[i].in->len;
        if (!p->stop) write_slot(p->w, &p->ring[i]);      /* frees the slot */
        else slot_free(&p->ring[i]);
        p->done[i] = false;
        p->nwritten++;
        moved = true;
        if (p->w->status == 3 || cli_stop_signal()) p->stop = true;
    }
    if (moved && p->nwaiting) pthread_cond_broadcast(&p->space);
}

static void *pool_worker(void *arg)
{
    pool *p = arg;
    ix_scratch *s = ix_scratch_new(p->R->r);
    for (;;) {
        /* a place in the window */
        pthread_mutex_lock(&p->out_mu);
        while (!p->stop && (p->nreserved - p->nwritten >= p->cap ||
                            (p->inflight_bytes > p->budget && p->nreserved > p->nwritten))) {
            p->nwaiting++;
            pthread_cond_wait(&p->space, &p->out_mu);
            p->nwaiting--;
        }
        bool stop = p->stop || cli_stop_signal();
        if (!stop) p->nreserved++;
        pthread_mutex_unlock(&p->out_mu);
        if (stop) break;
        /* the next document */
        pthread_mutex_lock(&p->src_mu);
        ix_input *in = p->eof ? NULL : ix_source_take(p->src);
        size_t seq = p->nread;
        if (in) p->nread++;
        else p->eof = true;
        pthread_mutex_unlock(&p->src_mu);
        if (!in) {                          /* give the place back; nothing more to read */
            pthread_mutex_lock(&p->out_mu);
            p->nreserved--;
            pool_drain(p);                  /* the window may now end at a completed document */
            if (p->nwaiting) pthread_cond_broadcast(&p->space);
            pthread_mutex_unlock(&p->out_mu);
            break;
        }
        /* A file is opened and read outside the lock: with a folder of
         * small files the system calls are much of the work. */
        ix_input_read(in);
        /* reservations and reads pair up in order, so seq < nwritten + cap */
        slot sl = {.in = in};
        pthread_mutex_lock(&p->out_mu);
        p->inflight_bytes += in->len;
        pthread_mutex_unlock(&p->out_mu);
        process(p->R, s, &sl);
        pthread_mutex_lock(&p->out_mu);
        p->ring[seq % p->cap] = sl;
        p->done[seq % p->cap] = true;
        pool_drain(p);
        pthread_mutex_unlock(&p->out_mu);
    }
    ix_scratch_free(s);
    return NULL;
}

static void run_parallel(const run *R, ix_source *src, writer *w, long jobs)
{
    pool p = {.R = R, .src = src, .w = w, .cap = (size_t)jobs * 4 + 2, .budget = 8u << 20};
    p.ring = calloc(p.cap, sizeof *p.ring);
    p.done = calloc(p.cap, sizeof *p.done);
    pthread_mutex_init(&p.src_mu, NULL);
    pthread_mutex_init(&p.out_mu, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_t th[256];
    for (long t = 0; t < jobs; t++) pthread_create(&th[t], NULL, pool_worker, &p);
    for (long t = 0; t < jobs; t++) pthread_join(th[t], NULL);
    for (size_t i = 0; i < p.cap; i++)                    /* left over after a stop */
        if (p.ring[i].in) slot_free(&p.ring[i]);
    free(p.ring);
    free(p.done);
    pthread_mutex_destroy(&p.src_mu);
    pthread_mutex_destroy(&p.out_mu);
    pthread_cond_destroy(&p.space);
}

/* ---- the command ---------------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

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
    int progress = -1;                 /* -1: when stderr is a terminal */
    bool line_buffered = false;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV() do { if (!v) { fprintf(stderr, "inspex extract: %s needs a value\n", a); free(paths); return 2; } i++; } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); free(paths); return 0; }
        else if (!strcmp(a, "--progress")) progress = 1;
        else if (!strcmp(a, "--quiet")) progress = 0;
        else if (!strcmp(a, "--line-buffered")) line_buffered = true;
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
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") || (!strncmp(a, "-j", 2) && is_digit(a[2]))) {
            if (a[2] && a[1] == 'j') v = a + 2;                /* -j2 */
            else NEEDV();
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

    /* -o FILE: write FILE.tmp.XXXXXX beside it and rename it into place
     * only when the run completes, so FILE is never half-written. A device
     * or pipe (/dev/stdout, /dev/full, a FIFO) is written directly:
     * renaming a file over it would replace the device (as root it can). */
    FILE *out = stdout;
    char *tmp = NULL;
    bool output_direct = false;
    struct stat tst;
    if (output && stat(output, &tst) == 0 && !S_ISREG(tst.st_mode) && !S_ISDIR(tst.st_mode)) {
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
    ix_sink *sink;
    if (dbpath) {
        ix_run_info ri = {.rules_hash = ix_rules_hash(r), .types = types, .force = force,
                          .inputs = paths, .ninputs = npaths};
        ix_err e = {{0}};
        sink = ix_sink_sqlite_new(dbpath, &ri, &e);
        if (!sink) {
            fprintf(stderr, "inspex extract: %s\n", e.msg);
            free(paths); ix_rules_free(r);
            return 3;
        }
    } else sink = ix_sink_jsonl_new(out);
    ix_source *src = ix_source_new(paths, npaths, &so);
    cli_signals_install();

    pthread_mutex_t sink_mu = PTHREAD_MUTEX_INITIALIZER;
    run R = {.r = r, .types = types, .sink = sink, .lookup = dbpath && !force,
             .render = jobs > 1 && sink->ops->render != NULL, .sink_mu = jobs > 1 ? &sink_mu : NULL};
    bool from_stdin = false;
    for (size_t i = 0; i < npaths; i++) from_stdin |= !strcmp(paths[i], "-");
    struct stat ost;
    bool out_stream = !output && !dbpath && fstat(fileno(stdout), &ost) == 0 &&
                      (S_ISFIFO(ost.st_mode) || S_ISSOCK(ost.st_mode) || S_ISCHR(ost.st_mode));
    writer w = {.R = &R, .flush_each = line_buffered || (from_stdin && out_stream)};
    bool tty = isatty(fileno(stderr));
    if (progress == 1 || (progress == -1 && tty))
        w.prog = cli_progress_new(stderr, tty, cli_input_total(paths, npaths, so.glob, so.kind == IX_INPUT_JSONL));
    if (jobs == 1) run_serial(&R, src, &w);
    else run_parallel(&R, src, &w, jobs);
    if (w.prog && w.status != 3) cli_progress_done(w.prog);
    cli_progress_free(w.prog);

    int status = w.status;
    ix_err e = {{0}};
    if (status != 3 && ix_sink_close(sink, &e) < 0) {
        fprintf(stderr, "inspex extract: %s\n", e.msg);
        status = 3;
    }
    if (dbpath && force)
        fprintf(stderr, "inspex extract: %s: %zu documents processed (--force), 0 unchanged skipped\n", dbpath,
                w.nnew + w.nstale);
    else if (dbpath)
        fprintf(stderr, "inspex extract: %s: %zu documents processed (%zu new, %zu changed or re-extracted), "
                "%zu unchanged skipped\n", dbpath, w.nnew + w.nstale, w.nnew, w.nstale, w.nskipped);
    int sig = cli_stop_signal();
    if (status == 3) {
        if (output && !output_direct) fprintf(stderr, "inspex extract: %s left as it was\n", output);
    } else if (sig) {
        fprintf(stderr, "inspex extract: interrupted (signal %d): stopped after %zu document%s, "
                "whose records are complete%s%s%s\n", sig, w.nnew + w.nstale + w.nskipped,
                w.nnew + w.nstale + w.nskipped == 1 ? "" : "s", output ? "; they are in " : "",
                output ? output : "", output && !output_direct ? ".partial" : "");
    }
    if (output_direct) {
        if (fclose(out) != 0 && status != 3) { fprintf(stderr, "inspex extract: %s: %s\n", output, strerror(errno)); status = 3; }
    } else if (output) {
        if (status != 3 && fsync(fileno(out)) != 0 && errno != EINVAL) {
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
    free(paths);
    ix_rules_free(r);
    return status;
}
