/* cmd_audit.c — `inspex audit`: check a records file against its sources.
 *
 * Reads the records (a file or - for stdin), has the audit core re-read every
 * source and run every check (audit.c, audit_figures.c), then prints: a
 * summary (default), one verdict record per record (--json), and/or a
 * self-contained HTML report (--html FILE, written via a temporary file and
 * renamed so a failed run leaves no half page).
 *
 * Exit status: 0 every check passed (warnings allowed unless --strict);
 * 1 a check failed; 2 usage error, unreadable records file or rules;
 * 3 output could not be written.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cli.h"
#include "audit.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: inspex audit [OPTIONS] RECORDS.jsonl\n"
        "       inspex audit [OPTIONS] --db RECORDS.sqlite\n"
        "\n"
        "Re-reads the sources named in a records file (written by 'inspex extract')\n"
        "and checks every record: provenance (source unchanged, evidence at its span,\n"
        "number_text and grade words agree with the fields), arithmetic inside each\n"
        "document (counts add up to their total, shares fit counts, the headline\n"
        "agrees with the body), agreement across documents (figures for one period),\n"
        "and plausibility (speakers, councils in the gazetteer, overlapping spans).\n"
        "\n"
        "Options:\n"
        "  --db FILE        audit the records of an 'inspex extract --db' database\n"
        "  --json               one verdict record per record (JSON Lines) on stdout\n"
        "  --html FILE          also write a self-contained HTML report to FILE\n"
        "  --base DIR           resolve relative source paths against DIR\n"
        "  --text-field NAME    the text field of JSON Lines dumps (default \"text\")\n"
        "  --patterns DIR       the rules folder (number words, grades, gazetteer)\n"
        "  --strict             warnings count as failures\n"
        "  -v, --verbose        list every warning (default: the first 20)\n"
        "  -q, --quiet          print only the closing line\n"
        "  -h, --help           this text\n"
        "\n"
        "Exit status: 0 every check passed (warnings allowed); 1 a check failed;\n"
        "2 usage error or unreadable input; 3 output could not be written.\n"
        "\n"
        "Examples:\n"
        "  inspex extract corpus/ > records.jsonl && inspex audit records.jsonl\n"
        "  inspex audit --json records.jsonl | jq 'select(.verdict==\"fail\")'\n"
        "  inspex audit --html audit.html records.jsonl\n");
}

/* The text summary leaves out the per-record copies of a document-level
 * finding (a changed source is said once, on its doc record). */
static bool shown(const ix_arec *r, const ix_finding *f, ix_verdict v)
{
    if (f->v != v) return false;
    return !(!strcmp(f->check, "provenance.sha256") && strcmp(r->type, "doc"));
}

/* A record's heading line, then one line per finding of verdict v. */
static void print_record(FILE *out, const ix_audit *a, size_t i, ix_verdict v)
{
    const ix_arec *r = &a->recs[i];
    const char *doc = r->rec ? json_string_value(json_object_get(r->rec, "doc")) : NULL;
    fprintf(out, "%s %s:%zu %s %s", v == IX_V_FAIL ? "FAIL" : "WARN", a->name, r->line, doc ? doc : "-", r->type);
    if (r->has_span) fprintf(out, " [%zu,%zu)", r->a, r->b);
    char *sn = ix_audit_snippet(a, a->base + i, 50);
    if (*sn) fprintf(out, " \"%s\"", sn);
    free(sn);
    fputc('\n', out);
    for (size_t k = 0; k < r->nf; k++)
        if (shown(r, &r->f[k], v)) fprintf(out, "    %s: %s\n", r->f[k].check, r->f[k].reason ? r->f[k].reason : "");
}

static int write_html(const ix_audit *a, const char *path)
{
    size_t l = strlen(path) + 32;
    char *tmp = malloc(l);
    if (!tmp) return 3;
    snprintf(tmp, l, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "inspex audit: cannot write %s: %s\n", tmp, strerror(errno));
        free(tmp);
        return 3;
    }
    ix_err e = {{0}};
    int rc = ix_audit_html(a, f, &e);
    if (rc < 0) fprintf(stderr, "inspex audit: %s: %s\n", path, e.msg);
    if (fclose(f) != 0 && rc == 0) {
        fprintf(stderr, "inspex audit: %s: %s\n", path, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, path) < 0) {
        fprintf(stderr, "inspex audit: %s: %s\n", path, strerror(errno));
        rc = -1;
    }
    if (rc < 0) unlink(tmp);
    free(tmp);
    return rc < 0 ? 3 : 0;
}

/* What the report gathers as the records go by: the summary's counts, and
 * its failing and warning records, written aside (they are printed after
 * the table, which needs every record first). */
typedef struct report {
    FILE *out;
    bool json, verbose, quiet;
    size_t nrecs, ndocs, nerr, nfail, nwarn, shown_w, hidden_w;
    ix_audit_tally t[IX_AUDIT_NCHECKS];
    FILE *fails, *warns;
    bool io_error;            /* a temporary file could not be written */
} report;

static void tally(report *R, const ix_finding *f)
{
    for (int c = 0; ix_audit_checks[c]; c++)
        if (!strcmp(ix_audit_checks[c], f->check)) { ix_audit_tally_add(&R->t[c], f->v); return; }
}

static void emit(void *ctx, const ix_audit *a, size_t i)
{
    report *R = ctx;
    const ix_arec *r = &a->recs[i];
    R->nrecs++;
    if (r->v == IX_V_FAIL) R->nfail++;
    else if (r->v == IX_V_WARN) R->nwarn++;
    if (r->rec && r->doc != IX_NONE && a->docs[r->doc].rec == i) {
        if (a->docs[r->doc].is_error) R->nerr++;
        else R->ndocs++;
    }
    if (R->json) {
        char *s = ix_audit_verdict_json(a, i);
        fputs(s, R->out);
        fputc('\n', R->out);
        free(s);
        return;
    }
    for (size_t k = 0; k < r->nf; k++) tally(R, &r->f[k]);
    if (R->quiet) return;
    for (int pass = 0; pass < 2; pass++) {
        ix_verdict v = pass == 0 ? IX_V_FAIL : IX_V_WARN;
        bool any = false;
        for (size_t k = 0; k < r->nf && !any; k++) any = shown(r, &r->f[k], v);
        if (!any) continue;
        if (v == IX_V_WARN && !R->verbose && R->shown_w >= 20) { R->hidden_w++; continue; }
        if (v == IX_V_WARN) R->shown_w++;
        FILE **f = v == IX_V_FAIL ? &R->fails : &R->warns;
        if (!*f && !(*f = tmpfile())) { R->io_error = true; continue; }
        print_record(*f, a, i, v);
    }
}

/* Copies a file written aside to out; false on a read or write error. */
static bool copy_out(FILE *f, FILE *out)
{
    if (!f) return true;
    if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) return false;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (fwrite(buf, 1, n, out) != n) return false;
    return !ferror(f);
}

/* Prints the summary from what `emit` gathered; false on an I/O error. */
static bool summary(report *R, const ix_audit *au, int status)
{
    FILE *out = R->out;
    bool ok = !R->io_error;
    if (!R->quiet) {
        fprintf(out, "inspex audit: %s: %zu documents (%zu error records), %zu records\n\n", au->name, R->ndocs, R->nerr,
                R->nrecs);
        fprintf(out, "  %-22s %7s %7s %7s %7s\n", "check", "pass", "warn", "fail", "skip");
        for (int c = 0; ix_audit_checks[c]; c++) {
            ix_audit_tally t = R->t[c];
            if (!t.pass && !t.warn && !t.fail && !t.skip) continue;
            fprintf(out, "  %-22s %7zu %7zu %7zu %7zu\n", ix_audit_checks[c], t.pass, t.warn, t.fail, t.skip);
        }
        if (R->fails || R->warns) fputc('\n', out);
        ok &= copy_out(R->fails, out);
        ok &= copy_out(R->warns, out);
        if (R->hidden_w) fprintf(out, "... and %zu more records with warnings (--verbose lists them)\n", R->hidden_w);
        if (au->nagree) {
            size_t bad = 0;
            for (size_t i = 0; i < au->nagree; i++) bad += !au->agree[i].ok;
            fprintf(out, "\nagreement across documents: %zu figure sets given by two or more documents, %zu disagree\n",
                    au->nagree, bad);
        }
        fputc('\n', out);
    }
    fprintf(out, "audit %s: %zu records checked, %zu failed, %zu with warnings\n", status ? "FAILED" : "passed",
            R->nrecs, R->nfail, R->nwarn);
    return ok;
}

/* Audits the records of `src` and writes the summary, --json and --html
 * outputs. Streams unless an HTML report is asked for (it shows every
 * document, so the whole run is held). Returns the exit status. */
static int run(const ix_audit_src *src, const char *name, const char *patterns, const ix_audit_opts *o, bool json,
               const char *html, bool strict, bool verbose, bool quiet)
{
    ix_rules *r = cli_load_rules(patterns);
    if (!r) return 2;
    ix_audit *au = ix_audit_new(r, o);
    ix_err e = {{0}};
    report R = {stdout, json, verbose, quiet, 0, 0, 0, 0, 0, 0, 0, {{0}}, NULL, NULL, false};
    int rd;
    if (html) {
        rd = ix_audit_read_all(au, src, name, &e);
        if (rd == 0) {
            ix_audit_run(au);
            for (size_t i = 0; i < au->nrecs; i++) emit(&R, au, i);
        }
    } else rd = ix_audit_stream(au, src, name, emit, &R, &e);
    int status;
    if (rd < 0) {
        fprintf(stderr, "inspex audit: %s\n", e.msg);
        status = 2;
    } else {
        status = R.nfail || (strict && R.nwarn) ? 1 : 0;
        if (!json && !summary(&R, au, status)) {
            fprintf(stderr, "inspex audit: cannot write the list of failing records aside: %s\n", strerror(errno));
            status = 3;
        }
        if (html) {
            int h = write_html(au, html);
            if (h) status = h;
        }
    }
    if (R.fails) fclose(R.fails);
    if (R.warns) fclose(R.warns);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "inspex audit: write error on standard output\n");
        status = 3;
    }
    ix_audit_free(au);
    ix_rules_free(r);
    return status;
}

/* A records stream that cannot be read twice (a pipe) is copied to a
 * temporary file first. Returns the file to read, or NULL with a message. */
static FILE *rereadable(FILE *in, const char *name)
{
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && fseeko(in, 0, SEEK_CUR) == 0) return in;
    FILE *t = tmpfile();
    if (!t) {
        fprintf(stderr, "inspex audit: %s: cannot make a temporary copy: %s\n", name, strerror(errno));
        return NULL;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, t) != n) {
            fprintf(stderr, "inspex audit: %s: cannot make a temporary copy: %s\n", name, strerror(errno));
            fclose(t);
            return NULL;
        }
    if (ferror(in)) {
        fprintf(stderr, "inspex audit: %s: read error: %s\n", name, strerror(errno));
        fclose(t);
        return NULL;
    }
    rewind(t);
    return t;
}

int cmd_audit(int argc, char **argv)
{
    const char *patterns = NULL, *html = NULL, *input = NULL, *db = NULL;
    ix_audit_opts o = {0};
    bool json = false, strict = false, verbose = false, quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV() do { if (!v) { fprintf(stderr, "inspex audit: %s needs a value\n", a); return 2; } i++; } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--json")) json = true;
        else if (!strcmp(a, "--html")) { NEEDV(); html = v; }
        else if (!strcmp(a, "--db")) { NEEDV(); db = v; }
        else if (!strcmp(a, "--base")) { NEEDV(); o.base = v; }
        else if (!strcmp(a, "--text-field")) { NEEDV(); o.text_field = v; }
        else if (!strcmp(a, "--patterns")) { NEEDV(); patterns = v; }
        else if (!strcmp(a, "--strict")) strict = true;
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) verbose = true;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) quiet = true;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inspex audit: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (input) {
            fprintf(stderr, "inspex audit: one records file at a time\n");
            return 2;
        } else input = a;
#undef NEEDV
    }
    if (db && input) {
        fprintf(stderr, "inspex audit: give a records file or --db, not both\n");
        return 2;
    }
    if (!db && input && strcmp(input, "-") && ix_store_sniff(input) == 1) db = input;   /* a database given plainly */
    if (db) {
        ix_audit_src *src = ix_audit_src_db(db);
        int st = run(src, db, patterns, &o, json, html, strict, verbose, quiet);
        ix_audit_src_free(src);
        return st;
    }
    if (!input) {
        fprintf(stderr, "inspex audit: no records file (give one, or - for stdin)\n");
        usage(stderr);
        return 2;
    }
    bool is_stdin = !strcmp(input, "-");
    const char *name = is_stdin ? "(stdin)" : input;
    FILE *in = is_stdin ? stdin : fopen(input, "rb");
    if (!in) {
        fprintf(stderr, "inspex audit: cannot open %s: %s\n", input, strerror(errno));
        return 2;
    }
    FILE *f = rereadable(in, name);
    if (!f) {
        if (!is_stdin) fclose(in);
        return 2;
    }
    ix_audit_src *src = ix_audit_src_file(f, name);
    int st = run(src, name, patterns, &o, json, html, strict, verbose, quiet);
    ix_audit_src_free(src);
    if (f != in) fclose(f);
    if (!is_stdin) fclose(in);
    return st;
}
