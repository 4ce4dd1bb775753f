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
static bool shown(const ix_audit *a, size_t i, const ix_finding *f, ix_verdict v)
{
    if (f->v != v) return false;
    const char *t = a->recs[i].type;
    return !(!strcmp(f->check, "provenance.sha256") && strcmp(t, "doc"));
}

/* A record's heading line, then one line per finding of verdict v. */
static void print_record(FILE *out, const ix_audit *a, size_t i, ix_verdict v)
{
    const ix_arec *r = &a->recs[i];
    const char *doc = r->rec ? json_string_value(json_object_get(r->rec, "doc")) : NULL;
    fprintf(out, "%s %s:%zu %s %s", v == IX_V_FAIL ? "FAIL" : "WARN", a->name, r->line, doc ? doc : "-", r->type);
    if (r->has_span) fprintf(out, " [%zu,%zu)", r->a, r->b);
    char *sn = ix_audit_snippet(a, i, 50);
    if (*sn) fprintf(out, " \"%s\"", sn);
    free(sn);
    fputc('\n', out);
    for (size_t k = 0; k < r->nf; k++)
        if (shown(a, i, &r->f[k], v)) fprintf(out, "    %s: %s\n", r->f[k].check, r->f[k].reason ? r->f[k].reason : "");
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

/* Runs the checks and writes the summary, --json and --html outputs.
 * Frees the audit and the rules. Returns the exit status. */
static int report(ix_audit *au, ix_rules *r, bool json, const char *html, bool strict, bool verbose, bool quiet)
{
    ix_audit_run(au);

    size_t nfail = 0, nwarn = 0;
    for (size_t i = 0; i < au->nrecs; i++) {
        if (au->recs[i].v == IX_V_FAIL) nfail++;
        else if (au->recs[i].v == IX_V_WARN) nwarn++;
    }
    int status = nfail || (strict && nwarn) ? 1 : 0;

    FILE *out = stdout;
    if (json) {
        for (size_t i = 0; i < au->nrecs; i++) {
            char *s = ix_audit_verdict_json(au, i);
            fputs(s, out);
            fputc('\n', out);
            free(s);
        }
    } else {
        if (!quiet) {
            size_t ndocs = 0, nerr = 0;
            for (size_t i = 0; i < au->ndocs; i++) {
                if (au->docs[i].is_error) nerr++;
                else ndocs++;
            }
            fprintf(out, "inspex audit: %s: %zu documents (%zu error records), %zu records\n\n", au->name, ndocs, nerr,
                    au->nrecs);
            fprintf(out, "  %-22s %7s %7s %7s %7s\n", "check", "pass", "warn", "fail", "skip");
            for (int c = 0; ix_audit_checks[c]; c++) {
                ix_audit_tally t = ix_audit_count(au, ix_audit_checks[c]);
                if (!t.pass && !t.warn && !t.fail && !t.skip) continue;
                fprintf(out, "  %-22s %7zu %7zu %7zu %7zu\n", ix_audit_checks[c], t.pass, t.warn, t.fail, t.skip);
            }
            size_t shown_w = 0, hidden_w = 0;
            bool head = false;
            for (int pass = 0; pass < 2; pass++) {
                ix_verdict v = pass == 0 ? IX_V_FAIL : IX_V_WARN;
                for (size_t i = 0; i < au->nrecs; i++) {
                    bool any = false;
                    for (size_t k = 0; k < au->recs[i].nf && !any; k++) any = shown(au, i, &au->recs[i].f[k], v);
                    if (!any) continue;
                    if (v == IX_V_WARN && !verbose && shown_w >= 20) { hidden_w++; continue; }
                    if (v == IX_V_WARN) shown_w++;
                    if (!head) { fputc('\n', out); head = true; }
                    print_record(out, au, i, v);
                }
            }
            if (hidden_w) fprintf(out, "... and %zu more records with warnings (--verbose lists them)\n", hidden_w);
            if (au->nagree) {
                size_t bad = 0;
                for (size_t i = 0; i < au->nagree; i++) bad += !au->agree[i].ok;
                fprintf(out, "\nagreement across documents: %zu figure sets given by two or more documents, %zu disagree\n",
                        au->nagree, bad);
            }
            fputc('\n', out);
        }
        fprintf(out, "audit %s: %zu records checked, %zu failed, %zu with warnings\n",
                status ? "FAILED" : "passed", au->nrecs, nfail, nwarn);
    }
    if (html) {
        int h = write_html(au, html);
        if (h) status = h;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "inspex audit: write error on standard output\n");
        status = 3;
    }
    ix_audit_free(au);
    ix_rules_free(r);
    return status;
}

/* `inspex audit --db records.sqlite`: the records as the database holds them. */
static int audit_db(const char *path, const char *patterns, const ix_audit_opts *o, bool json, const char *html,
                    bool strict, bool verbose, bool quiet)
{
    ix_err e = {{0}};
    ix_store *st = ix_store_open(path, &e);
    if (!st) {
        fprintf(stderr, "inspex audit: %s\n", e.msg);
        return 2;
    }
    ix_rules *r = cli_load_rules(patterns);
    if (!r) { ix_store_free(st); return 2; }
    ix_audit *au = ix_audit_new(r, o);
    int rd = ix_audit_read_store(au, st, path, &e);
    ix_store_free(st);
    if (rd < 0) {
        fprintf(stderr, "inspex audit: %s\n", e.msg);
        ix_audit_free(au);
        ix_rules_free(r);
        return 2;
    }
    return report(au, r, json, html, strict, verbose, quiet);
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
    if (db) return audit_db(db, patterns, &o, json, html, strict, verbose, quiet);
    if (!input) {
        fprintf(stderr, "inspex audit: no records file (give one, or - for stdin)\n");
        usage(stderr);
        return 2;
    }
    FILE *in = strcmp(input, "-") ? fopen(input, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "inspex audit: cannot open %s: %s\n", input, strerror(errno));
        return 2;
    }
    ix_rules *r = cli_load_rules(patterns);
    if (!r) { if (in != stdin) fclose(in); return 2; }
    ix_audit *au = ix_audit_new(r, &o);
    ix_err e = {{0}};
    int rd = ix_audit_read(au, in, strcmp(input, "-") ? input : "(stdin)", &e);
    if (in != stdin) fclose(in);
    if (rd < 0) {
        fprintf(stderr, "inspex audit: %s\n", e.msg);
        ix_audit_free(au);
        ix_rules_free(r);
        return 2;
    }
    return report(au, r, json, html, strict, verbose, quiet);
}
