/* rulefile.c — the rule-file loader's error messages.
 *
 * Writes small pattern folders into a temporary directory and checks that
 * ix_rules_load refuses each bad one with a message of the form
 * "FILE:LINE:COL: message" or "FILE:LINE: message" that names the file and
 * line where the mistake is (and the column, when one is given, of the
 * offending text). A good folder must load. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "inspex.h"
#include "tap.h"

static char root[] = "/tmp/inspex-rulefile-XXXXXX";
static int ndir;

/* A minimal gazetteer, so a good folder loads without the project's. */
static const char *councils_tsv =
    "# surface\tname\tons_code\tstatus\tform\trisk\n"
    "Rotherham\tRotherham\tE08000018\tcurrent\tbare\t-\n";

static void put(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f) { CHECK(0, "cannot write %s", p); return; }
    fputs(text, f);
    fclose(f);
}

/* A fresh folder holding councils.tsv, common.pat and the given file. */
static char *folder(const char *name, const char *text)
{
    char *d = malloc(600);
    snprintf(d, 600, "%s/d%d", root, ndir++);
    mkdir(d, 0700);
    put(d, "councils.tsv", councils_tsv);
    put(d, "common.pat", "# shared macros\ndefine NUM \\d+\nwords GRADE good | inadequate | requires improvement\n");
    if (name) put(d, name, text);
    return d;
}

/* Loads `text` as `name` and expects an error naming FILE:LINE (and COL
 * when col > 0) whose message contains `needle`. */
static void bad(const char *label, const char *name, const char *text, int line, int col, const char *needle)
{
    char *d = folder(name, text);
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load(d, &e);
    CHECK(r == NULL, "%s: loaded although it is bad", label);
    ix_rules_free(r);
    char want[700];
    if (col > 0) snprintf(want, sizeof want, "%s/%s:%d:%d: ", d, name, line, col);
    else snprintf(want, sizeof want, "%s/%s:%d:", d, name, line);
    CHECK(!strncmp(e.msg, want, strlen(want)), "%s: message \"%s\" should start \"%s\"", label, e.msg, want);
    CHECK(strstr(e.msg, needle) != NULL, "%s: message \"%s\" should say \"%s\"", label, e.msg, needle);
    free(d);
}

int main(void)
{
    if (!mkdtemp(root)) { CHECK(0, "mkdtemp"); return DONE(); }

    /* a good folder loads, with its rules and examples */
    {
        char *d = folder("good.pat",
                         "# a comment\n"
                         "family rating\n"
                         "\n"
                         "rule count-judged\n"
                         "  match (?<count>{NUM}) (?:authorities|councils) (?:were )?(?:judged|rated) (?<grade>{GRADE})\n"
                         "  set unit authorities\n"
                         "  yes 22 councils were rated inadequate => count=22\n"
                         "  no good leadership\n"
                         "rule two-lines\n"
                         "  match (?<count>{NUM})\n"
                         "  match \\s+(?<grade>{GRADE})\n");
        ix_err e = {{0}};
        ix_rules *r = ix_rules_load(d, &e);
        CHECK(r != NULL, "good folder loads: %s", e.msg);
        if (r) {
            CHECK(ix_rules_count(r) == 2, "2 rules (got %zu)", ix_rules_count(r));
            CHECK(strlen(ix_rules_hash(r)) == 64, "a 64-hex pattern hash");
        }
        ix_rules_free(r);
        /* the same folder with CRLF line ends loads too */
        char *d2 = folder("good.pat", "family rating\r\nrule a\r\n  match (?<count>{NUM}) councils\r\n");
        r = ix_rules_load(d2, &e);
        CHECK(r != NULL, "CRLF rule file loads: %s", e.msg);
        ix_rules_free(r);
        free(d);
        free(d2);
    }

    /* unknown macro: line and column of the '{' */
    bad("unknown macro", "bad.pat",
        "family rating\n"
        "\n"
        "rule x\n"
        "  match (?<count>{NUM}) {NOPE} councils\n",
        4, 25, "unknown macro {NOPE}");
    bad("unknown macro, deeper indent", "bad.pat",
        "family rating\n"
        "rule x\n"
        "      match {NOPE}\n",
        3, 13, "unknown macro {NOPE}");
    bad("unknown macro on the second match line", "bad.pat",
        "family rating\n"
        "rule x\n"
        "  match (?<count>{NUM})\n"
        "  match \\s+{GRADES}\n",
        4, 12, "unknown macro {GRADES}");
    bad("unknown macro in a define", "bad.pat",
        "family rating\n"
        "# comment\n"
        "define BOTH {NUM} {MISSING}\n",
        3, 19, "unknown macro {MISSING}");

    /* unbalanced parenthesis: the line of the regex */
    bad("unbalanced paren", "bad.pat",
        "family rating\n"
        "rule ok\n"
        "  match fine\n"
        "rule broken\n"
        "  match (?<count>{NUM} councils\n",
        5, 0, "missing closing parenthesis");
    bad("unbalanced paren on the second match line", "bad.pat",
        "family rating\n"
        "rule broken\n"
        "  match (?<count>{NUM})\n"
        "  match \\s+councils)\n",
        4, 0, "unmatched closing parenthesis");

    /* an error inside a macro body: at the define's line, naming the macro */
    bad("bad macro body", "bad.pat",
        "family rating\n"
        "define BROKEN (?<n>\\d+\n"
        "rule x\n"
        "  match councils\n"
        "  match  {BROKEN} rated\n",
        2, 0, "macro {BROKEN}: missing closing parenthesis");
    bad("bad macro body, column", "bad.pat",
        "family rating\n"
        "define OK \\d+\n"
        "define BROKEN {OK} [a-z\n",
        3, 0, "macro {BROKEN}: missing terminating ]");
    bad("unmatched paren in a define", "bad.pat",
        "family rating\n"
        "define BROKEN {NUM}) councils\n",
        2, 20, "macro {BROKEN}: unmatched closing parenthesis");

    /* a rule without a match line: the rule's line */
    bad("rule without match", "bad.pat",
        "family rating\n"
        "rule fine\n"
        "  match fine\n"
        "\n"
        "rule empty\n"
        "  yes 22 councils were rated good\n"
        "rule after\n"
        "  match after\n",
        5, 0, "no match line");
    bad("rule without match at the end of the file", "bad.pat",
        "family rating\n"
        "rule empty\n",
        2, 0, "no match line");

    /* unknown directives and rule lines */
    bad("unknown directive", "bad.pat",
        "family rating\n"
        "\n"
        "frobnicate this\n",
        3, 0, "unknown directive 'frobnicate'");
    bad("unknown rule line", "bad.pat",
        "family rating\n"
        "rule x\n"
        "  match x\n"
        "  mtach y\n",
        4, 0, "unknown rule line 'mtach'");
    bad("rule before family", "bad.pat",
        "# no family yet\n"
        "rule x\n"
        "  match x\n",
        2, 0, "before any 'family'");
    bad("duplicate rule", "bad.pat",
        "family rating\n"
        "rule x\n"
        "  match x\n"
        "rule x\n"
        "  match y\n",
        4, 0, "defined twice");
    bad("indented line outside a rule", "bad.pat",
        "family rating\n"
        "  match x\n",
        2, 0, "outside a rule");
    bad("words from a missing table", "bad.pat",
        "family rating\n"
        "words GRADE2 @nosuchtable\n",
        2, 0, "no table 'nosuchtable'");
    bad("error after CRLF lines", "bad.pat",
        "family rating\r\n"
        "rule x\r\n"
        "  match x\r\n"
        "\r\n"
        "bogus\r\n",
        5, 0, "unknown directive 'bogus'");

    bad("prefilter needs off or on", "bad.pat",
        "family rating\n"
        "prefilter maybe\n",
        2, 11, "prefilter needs 'off' or 'on'");

    /* the right file is named when several are loaded */
    {
        char *d = folder("a.pat", "family rating\nrule a\n  match a\n");
        put(d, "b.pat", "family quote\nrule b\n  match b\n\nrule c\n  match (c\n");
        ix_err e = {{0}};
        ix_rules *r = ix_rules_load(d, &e);
        char want[700];
        snprintf(want, sizeof want, "%s/b.pat:6:", d);
        CHECK(r == NULL && !strncmp(e.msg, want, strlen(want)), "second file's error names it: \"%s\"", e.msg);
        ix_rules_free(r);
        free(d);
    }

    /* a folder without rule files, and one that does not exist */
    {
        char d[600];
        snprintf(d, sizeof d, "%s/empty", root);
        mkdir(d, 0700);
        ix_err e = {{0}};
        ix_rules *r = ix_rules_load(d, &e);
        CHECK(r == NULL && strstr(e.msg, "no rule files"), "empty folder refused: \"%s\"", e.msg);
        ix_rules_free(r);
        snprintf(d, sizeof d, "%s/missing", root);
        r = ix_rules_load(d, &e);
        CHECK(r == NULL && strstr(e.msg, d), "missing folder refused, naming it: \"%s\"", e.msg);
        ix_rules_free(r);
    }

    /* the project's own patterns load */
    {
        ix_err e = {{0}};
        ix_rules *r = ix_rules_load("patterns", &e);
        CHECK(r != NULL && ix_rules_count(r) > 0, "patterns/ loads: %s", e.msg);
        ix_rules_free(r);
    }

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) CHECK(0, "cleanup of %s", root);
    return DONE();
}
