/* prefilter.c — the literal prefilter must never hide a match.
 *
 * 1. What the deriver makes of small regexes (literals joined, optional
 *    parts dropped, lookarounds, classes, case, syntax it must refuse).
 * 2. The property that matters, over every rule in patterns/ and every
 *    corpus article (as written, upper-cased, and with the characters PCRE2
 *    folds onto ASCII letters): wherever the regex matches inside a
 *    paragraph, a sentence or a 60-byte window, ix_prefilter_may says yes,
 *    and every match there starts at or before the last start it allows.
 *    And a sentence slid across the middle of a document, where the scan's
 *    two halves meet; and a rule whose literal only a lookbehind sees.
 *    A family's check on a sentence answers as its rules' checks do.
 * 3. Over the same windows, a rule compiled with its macros written out
 *    (rule->inlined, what runs) matches exactly where the same rule with
 *    macros as subroutine calls (rule->regex) does, at the same offsets;
 *    and a rule that would grow more than four times written out is not.
 */
#include <dirent.h>
#include <unistd.h>
#include <stdlib.h>
#include "internal.h"
#include "tap.h"
#include "testrules.h"

static void derives(const char *re, const char *want)
{
    char *got = ix_prefilter_describe(re);
    if (!want) CHECK(!got, "%s: wants always-run, got %s", re, got);
    else CHECK(got && !strcmp(got, want), "%s: wants %s, got %s", re, want, got ? got : "(always)");
    free(got);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    ix_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) ix_buf_put(&b, tmp, k);
    fclose(f);
    *len = b.len;
    return ix_buf_take(&b);
}

static int misses, differ;
static long ncmp;
static pcre2_code *subr[512];      /* rule i compiled from rule->regex */
static pcre2_match_data *md2;

/* subr[] is indexed by rule: a new rule set starts afresh */
static void subr_reset(void)
{
    for (size_t i = 0; i < 512; i++) { pcre2_code_free(subr[i]); subr[i] = NULL; }
}

/* Every rule over [a, b): a regex match there must be allowed. */
static void check_window(const ix_rules *r, ix_scratch *s, ix_doc *d, size_t a, size_t b, const char *what)
{
    for (size_t i = 0; i < r->nrules; i++) {
        const ix_rule *rule = &r->rules[i];
        /* the JIT copy the extractors run (the interpreter took four fifths
         * of this test's time) */
        const pcre2_code *code = ix_rule_code(rule);
        int rc = pcre2_match(code, (PCRE2_SPTR)d->text + a, b - a, 0, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
        if (rule->inlined && i < 512) {
            if (!subr[i]) {
                int ec;
                PCRE2_SIZE eo;
                subr[i] = pcre2_compile((PCRE2_SPTR)rule->regex, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_DUPNAMES, &ec, &eo, NULL);
                if (subr[i]) pcre2_jit_compile(subr[i], PCRE2_JIT_COMPLETE);
                if (!md2) md2 = pcre2_match_data_create(256, NULL);
            }
            int rc2 = subr[i] ? pcre2_match(subr[i], (PCRE2_SPTR)d->text + a, b - a, 0, PCRE2_NO_UTF_CHECK, md2, s->mctx) : -99;
            PCRE2_SIZE *o1 = pcre2_get_ovector_pointer(s->md), *o2 = pcre2_get_ovector_pointer(md2);
            bool same = (rc < 0) == (rc2 < 0) && (rc < 0 || (o1[0] == o2[0] && o1[1] == o2[1]));
            if (!same && differ++ < 10)
                printf("# %s: rule %s inlined (%d) and with calls (%d) differ on [%zu,%zu): %.*s\n", what, rule->name,
                       rc, rc2, a, b, (int)(b - a), d->text + a);
            ncmp++;
        }
        if (rc < 0) continue;
        size_t last;
        bool may = ix_prefilter_may(s, d, rule, a, b, &last);
        if (!may && misses++ < 10)
            printf("# %s: rule %s matches [%zu,%zu) but the prefilter said no: %.*s\n", what, rule->name, a, b,
                   (int)(b - a), d->text + a);
        CHECK(may, "%s: %s", what, rule->name);
        /* and every match in the window starts at or before the last
         * start the prefilter allows */
        for (int k = 0; may && rc >= 0 && k < 64; k++) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            size_t at = a + ov[0], next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            if (at > last && misses++ < 10)
                printf("# %s: rule %s matches at %zu, after the last start allowed, %zu: %.*s\n", what, rule->name,
                       at, last, (int)(b - a), d->text + a);
            CHECK(at <= last, "%s: %s starts at %zu <= %zu", what, rule->name, at, last);
            if (next > b - a) break;
            rc = pcre2_match(code, (PCRE2_SPTR)d->text + a, b - a, next, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
        }
    }
}

static void check_text(const ix_rules *r, ix_scratch *s, const char *bytes, size_t len, const char *what)
{
    ix_input in = {.doc = (char *)what, .source = (char *)what, .bytes = (unsigned char *)bytes, .len = len};
    ix_doc d;
    ix_err e = {{0}};
    if (ix_doc_open(&d, r, &in, 0, in.len, -1, &e) < 0) return;
    ix_prefilter_scan(r, s, &d);
    for (size_t i = 0; i < d.npara; i++) check_window(r, s, &d, d.paras[i].a, d.paras[i].b, what);
    for (size_t i = 0; i < d.nsent; i++) check_window(r, s, &d, d.sents[i].a, d.sents[i].b, what);
    /* a family's check on a sentence is its rules' checks taken together,
     * less the `continue` rules' (tried only where another's match ended) */
    for (size_t f = 0; f < r->nrules; f++) {
        size_t g = 0;
        while (g < f && strcmp(r->rules[g].family, r->rules[f].family)) g++;
        if (g < f) continue;                        /* family seen already */
        const ix_rule_list *rl = ix_rules_family_ref(r, r->rules[f].family);
        for (size_t i = 0; i < d.nsent; i++) {
            bool any = false;
            for (size_t k = 0; k < rl->n; k++)
                if (!rl->r[k]->anchored_continue) any |= ix_prefilter_may(s, &d, rl->r[k], d.sents[i].a, d.sents[i].b, NULL);
            bool fam = ix_prefilter_family_may(s, &d, rl, i);
            if (fam != any && misses++ < 10)
                printf("# %s: family %s on sentence %zu: %d, its rules: %d\n", what, r->rules[f].family, i, fam, any);
            CHECK(fam == any, "%s: family %s, sentence %zu", what, r->rules[f].family, i);
        }
    }
    /* windows start and end on character boundaries: PCRE2 is told the
     * subject is valid UTF-8 (PCRE2_NO_UTF_CHECK), as in ix_rule_match */
    /* 60-byte windows every 50 bytes: each byte lies in one or two of them
     * (the stride grows with the corpus and rules: 23, then 37, and 50 at
     * 180 articles and 158 rules, when this test alone took 40 s) */
    for (size_t a = 0; a + 60 <= d.len; a += 50) {
        size_t wa = a, wb = a + 60;
        while (wa < wb && ((unsigned char)d.text[wa] & 0xC0) == 0x80) wa++;
        while (wb < d.len && ((unsigned char)d.text[wb] & 0xC0) == 0x80) wb++;
        check_window(r, s, &d, wa, wb, what);
    }
    ix_doc_close(&d);
}

/* A literal that only a lookbehind sees lies before the match: the last
 * start allowed must reach past it by the lookbehind's length. */
static void lookbehind_rules(void)
{
    ix_rules *r = test_rules_load("family rating\n\nrule after-council\n  match (?<=council has been )(?:rated|judged) \\w+\n");
    if (r) {
        char *d = ix_prefilter_describe(r->rules[0].regex);
        CHECK(d && strstr(d, "council has been "), "the lookbehind's literal is needed: %s", d ? d : "(always)");
        free(d);
        ix_scratch *s = ix_scratch_new(r);
        const char *t = "The council has been rated inadequate. Its council has been judged good.\n";
        check_text(r, s, t, strlen(t), "lookbehind");
        ix_scratch_free(s);
        ix_rules_free(r);
    }
}

/* Which sets a rule is checked for: "prefilter off" leaves a file's rules
 * out from there on; a common set (" to ") is dropped beside a
 * rare one ("judged "), unless another rule needs it without a rare set
 * beside it (" in ", which grade-in needs next to "good|poor"). */
static void rule_sets(void)
{
    ix_rules *r = test_rules_load(
        "family rating\n"
        "rule judged-in\n  match judged \\w+ in \\w+\n"
        "rule grade-in\n  match (?:good|poor)\\w* in \\w+\n"
        "rule judged-to\n  match judged \\w+ to \\w+\n"
        "prefilter off\n"
        "rule off\n  match judged \\w+\n"
        "prefilter on\n"
        "rule on-again\n  match judged \\w+\n");
    const ix_rule *a = test_rule_named(r, "t/judged-in"), *b = test_rule_named(r, "t/grade-in"),
                  *c = test_rule_named(r, "t/judged-to"), *off = test_rule_named(r, "t/off"),
                  *on = test_rule_named(r, "t/on-again");
    CHECK(a && a->npf == 2, "judged-in keeps \" in \" (grade-in needs it): %d sets", a ? a->npf : -1);
    CHECK(b && b->npf == 2, "grade-in keeps both its sets: %d", b ? b->npf : -1);
    CHECK(c && c->npf == 1, "judged-to drops \" to \" beside \"judged \": %d sets", c ? c->npf : -1);
    CHECK(off && off->npf == 0 && off->unscanned, "prefilter off: always run");
    CHECK(on && on->npf == 1 && !on->unscanned, "prefilter on again: %d sets", on ? on->npf : -1);
    ix_rules_free(r);
}

/* A `continue` rule whose only literal is a digit does not open its family
 * to every sentence with a digit: it runs only after another rule's match. */
static void continue_rules_gate(void)
{
    ix_rules *r = test_rules_load(
        "family rating\n"
        "rule main\n  match judged \\w+\n"
        "rule more\n  continue\n  match , (?:\\d+) more\n");
    CHECK(r != NULL, "continue gate rules load");
    if (!r) return;
    ix_scratch *s = ix_scratch_new(r);
    const char *t = "Title\n\nThere were 12 more of them. It was judged good, 3 more.\n";
    ix_input in = {.doc = (char *)"gate", .source = (char *)"gate", .bytes = (unsigned char *)t, .len = strlen(t)};
    ix_doc d;
    ix_err e = {{0}};
    if (ix_doc_open(&d, r, &in, 0, in.len, -1, &e) == 0) {
        ix_prefilter_scan(r, s, &d);
        const ix_rule_list *rl = ix_rules_family_ref(r, "rating");
        int open = 0, shut = 0;
        for (size_t i = 0; i < d.nsent; i++) {
            const char *x = d.text + d.sents[i].a;
            bool fam = ix_prefilter_family_may(s, &d, rl, i);
            if (!strncmp(x, "There were", 10)) shut += !fam;
            if (!strncmp(x, "It was judged", 13)) open += fam;
        }
        CHECK(shut == 1, "a sentence with only the continue rule's digit is not the family's");
        CHECK(open == 1, "a sentence with the other rule's literal is");
        ix_doc_close(&d);
    }
    ix_scratch_free(s);
    ix_rules_free(r);
    subr_reset();
}

/* check_text with a scratch of its own */
static void check_with_scratch(const ix_rules *r, const char *t, const char *what)
{
    ix_scratch *s = ix_scratch_new(r);
    check_text(r, s, t, strlen(t), what);
    ix_scratch_free(s);
}

/* Macros are written out in a rule (rule->inlined) unless that makes it
 * more than four times as long as with calls: a macro that calls a long one
 * ten times over stays calls, and both forms match the same. */
static void inline_growth(void)
{
    ix_rules *r = test_rules_load(
        "family rating\n"
        "define LONG (?:alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|kilo|lima|mike|november)\n"
        "define FIVE (?:{LONG}-{LONG}|{LONG}:{LONG}|{LONG})\n"
        "define TEN (?:{FIVE}|{FIVE}~)\n"
        "define TWICE (?:{LONG}|{LONG}!)\n"
        "rule grows\n  match ={TEN}=\n"
        "rule fits\n  match ={TWICE}=\n");
    const ix_rule *g = test_rule_named(r, "t/grows"), *f = test_rule_named(r, "t/fits");
    CHECK(g && !g->inlined, "ten calls of a long macro stay calls");
    CHECK(f && f->inlined, "two calls are written out");
    if (g && f) check_with_scratch(r, "Say =kilo-lima= and =mike:india~= and =golf= and =echo!= now.\n", "inline growth");
    subr_reset();
    ix_rules_free(r);
}

/* Literals that overlap one another, so that the automaton's failure links
 * decide what is found ("bcabc" inside "abcabcabd", where "abcab" took the
 * scan first): over random text of their letters, every match of every rule
 * is let through, in every sentence and window. */
static void overlapping_literals(void)
{
    static const char *const lits[] = {"abcabd", "bcabc", "cabcab", "abdab", "babcabd", "dcbad", "cbadcb"};
    enum { NLITS = sizeof lits / sizeof *lits };
    ix_buf pat = {0};
    ix_buf_puts(&pat, "family rating\n");
    for (int i = 0; i < NLITS; i++) {
        char line[96];
        snprintf(line, sizeof line, "rule r%d\n  match %s\n", i, lits[i]);
        ix_buf_puts(&pat, line);
    }
    ix_buf_grow(&pat, 0);
    ix_rules *r = test_rules_load(pat.s);
    ix_buf_free(&pat);
    for (size_t i = 0; r && i < r->nrules; i++) CHECK(r->rules[i].npf == 1, "%s is scanned for", r->rules[i].name);
    if (r) {
        ix_scratch *s = ix_scratch_new(r);
        srand(7);
        for (int round = 0; round < 40; round++) {
            char t[1201];
            for (int k = 0; k < 1200; k++) t[k] = "abcdabcdabcd. \n"[rand() % 15];
            t[1200] = 0;
            check_text(r, s, t, 1200, "overlapping literals");
        }
        ix_scratch_free(s);
        ix_rules_free(r);
    }
    subr_reset();
}

/* A rule needing "a digit" and one needing "a digit or a rare phrase" share
 * one group, the larger (a digit is then recorded once, not twice); one
 * needing "a digit or a common word" keeps its own. Exact either way. */
static void widened_groups(void)
{
    ix_rules *r = test_rules_load(
        "family rating\n"
        "rule digits\n  match \\d+ of\n"
        "rule rare\n  match (?:\\d+|a vast majority) of\n"
        "rule common\n  match (?:\\d+|one) of\n");
    const ix_rule *d = test_rule_named(r, "t/digits"), *v = test_rule_named(r, "t/rare"), *c = test_rule_named(r, "t/common");
    CHECK(d && v && c, "the three rules load");
    if (d && v && c) {
        /* " of" is too common to be worth a check: each needs one set */
        CHECK(d->npf == 1 && v->npf == 1 && c->npf == 1, "one group each");
        CHECK(d->pfg[0] == v->pfg[0], "digits and digits-or-a-rare-phrase are one group");
        CHECK(c->pfg[0] != d->pfg[0], "digits-or-a-common-word is a group of its own");
        CHECK(ix_prefilter_groups(r->pf) == 2, "two groups in all");
        check_with_scratch(r, "Nine said 12 of them. A vast majority of them, one of them and 7 of 9.\n", "widened groups");
    }
    subr_reset();
    ix_rules_free(r);
}

int main(void)
{
    /* 1. derivation */
    derives("abc", "abc");
    derives("(?i:Foo|Bar)baz", "foobaz|barbaz");
    derives("a\\d+bcd", "a0|a1|a2|a3|a4|a5|a6|a7|a8|a9 & bcd");   /* a digit is a literal (no UCP) */
    derives("\\d+ of", "0|1|2|3|4|5|6|7|8|9");   /* " of" is too common to be worth a check */
    derives("x[0-9]", "x0|x1|x2|x3|x4|x5|x6|x7|x8|x9");
    derives("xy[0-2a]", "xy0|xy1|xy2|xya");
    derives("[\\d.]x", NULL);             /* eleven one-byte literals: too many to tell anything */
    derives("(*UCP)\\d+ rated", NULL);     /* \\d is any Unicode digit: no literals at all */
    /* An alternation unites one set of each branch: of sets as selective,
     * the one the other branches share (a digit or a number word), not
     * " of ", which only "4 of 10" needs. */
    derives("(?:(?:one|\\d+) of (?:one|\\d+)|\\d+|one) rated", " rated & one|0|1|2|3|4|5|6|7|8|9");
    /* A ratio needs a number on both sides and " in " between, written
     * many ways (" in ", " councils in ", " in every "): the alternation
     * takes the number, not the commonest word of English. */
    derives("(?:(?:one|\\d+) (?:(?:councils|areas) )?(?:in|out of) (?:every )?(?:one|\\d+)|\\d+|one) rated",
            " rated & one|0|1|2|3|4|5|6|7|8|9");
    derives("x?yzw", "yzw");
    derives("(?:abc)?defg", "defg");
    derives("\\bper annum\\b", "per annum");
    derives("[ -]care", " care|-care");
    derives("(?<name>abc)d", "abcd");
    derives("(?P<n>abc)d|xyz", "abcd|xyz");
    derives("(a|b)+cde", "cde");
    derives("foo(?=barbaz)", "barbaz & foo");     /* both are needed */
    derives("rated (?:good|poor) by ofsted", "rated good by ofsted|rated poor by ofsted");
    derives("rated \\w+ by ofsted", " by ofsted & rated ");
    derives("ofsted\\w+ofsted", "ofsted");       /* the same set twice is one */
    derives("foobar(?!baz)", "foobar");
    derives("(?:sign up|sign up to our newsletter)", "sign up");
    derives("£\\d+", "£0|£1|£2|£3|£4|£5|£6|£7|£8|£9");
    derives("a|b", NULL);                   /* too short to help */
    derives("ab.*cd", NULL);
    derives("(?x) abc def", NULL);          /* extended syntax: not modelled */
    derives("(abc)\\1", "abc");             /* a backreference: unknown text, like \\d */
    derives("(?(1)abc|def)xyz", "xyz");     /* a conditional: unknown text */
    derives("(?(1)abc|def)", NULL);
    derives("(?&GR) ratings(?(DEFINE)(?<GR>good|poor))", "good ratings|poor ratings");
    derives("x(?&A)y(?(DEFINE)(?<A>(?&B)z)(?<B>klm))", "xklmzy");
    derives("(?&R)(?(DEFINE)(?<R>a(?&R)?b))", NULL);   /* recursive: gives up, stays safe */
    derives("(?&MISSING)abc", "abc");
    derives("abc(*ACCEPT)defgh", NULL);     /* the match may end before defgh */
    derives("(*UTF)abcd", "abcd");
    derives("\\x{41}bcd", "bcd");
    derives("[\\x{2019}']s council", "s council");
    derives("\\Qa.b\\Ecdef", "cdef");
    derives("(?i)caf\xC3\xA9", "caf");      /* é has an upper case: not a literal when caseless */
    derives("x(?i:\xC3\xA9t\xC3\xA9)", NULL);
    derives("\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9");
    derives("[^abc]def", "def");
    derives("[\\w ]{1,30} jobs", " jobs");
    derives("abc{2}", "abcc");
    derives("abc{2,}d", "abcc");
    derives("(?:abc|def)?ghij", "ghij");
    derives("x{3}yz", "xxxyz");
    derives("x{3,}yz", "xxx");
    derives("x{a}yz", "x{a}yz");            /* not a quantifier: a literal brace */
    {
        /* an alternation of more exact strings than a set holds: as
         * necessary literals, those containing another go ("good" stands
         * for "good or better", "good 1", ...), so it still tells */
        ix_buf b = {0};
        ix_buf_puts(&b, "(?:good|poor");
        char w[32];
        for (int i = 0; i < 130; i++) {
            snprintf(w, sizeof w, "|good %d|poor %d", i, i);
            ix_buf_puts(&b, w);
        }
        ix_buf_puts(&b, ") rated");
        char *re = ix_buf_take(&b);
        derives(re, " rated & good|poor");
        free(re);
    }

    rule_sets();
    overlapping_literals();
    continue_rules_gate();
    inline_growth();
    widened_groups();

    /* 2. the property, over the real rules and the corpus */
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load("patterns", &e);
    CHECK(r != NULL, "load patterns: %s", e.msg);
    if (!r) return DONE();
    ix_scratch *s = ix_scratch_new(r);
    DIR *dir = opendir("corpus");
    struct dirent *de;
    int ndocs = 0;
    while (dir && (de = readdir(dir))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt")) continue;
        char path[512];
        snprintf(path, sizeof path, "corpus/%s", de->d_name);
        size_t len;
        char *t = slurp(path, &len);
        if (!t) continue;
        ndocs++;
        check_text(r, s, t, len, de->d_name);
        /* upper case: the scan folds ASCII */
        char *u = ix_xmalloc(len + 1);
        for (size_t i = 0; i < len; i++) u[i] = ix_is_lower(t[i]) ? (char)(t[i] - 32) : t[i];
        check_text(r, s, u, len, "upper-cased");
        /* long s and Kelvin sign for every s and k: PCRE2 folds them onto
         * ASCII under (?i), the scan does not, so the document runs all */
        ix_buf b = {0};
        for (size_t i = 0; i < len; i++) {
            if (t[i] == 's') ix_buf_puts(&b, "\xC5\xBF");
            else if (t[i] == 'k') ix_buf_puts(&b, "\xE2\x84\xAA");
            else ix_buf_putc(&b, t[i]);
        }
        check_text(r, s, b.s, b.len, "long s / Kelvin");
        ix_buf_free(&b);
        free(u);
        free(t);
    }
    if (dir) closedir(dir);
    CHECK(ndocs > 0, "corpus/ has articles");
    /* The scan runs a document's four quarters side by side: sentences
     * slid across each of the three seams a byte at a time have each
     * literal cross a seam at every offset. The document is plain text, so
     * its normalised length, which sets the seams, is its length. */
    {
        enum { QLEN = 2400 };
        const char *sent = "\n\nSeven councils were judged inadequate, Ofsted's chief inspector said. "
                           "\"It is not good enough,\" she added.\n\n";
        size_t sl = strlen(sent);
        for (size_t k = 0; k < sl + 40; k++) {
            char buf[QLEN];
            memset(buf, 'x', sizeof buf);
            for (size_t j = 1; j < 4; j++) memcpy(buf + j * QLEN / 4 - sl - 20 + k, sent, sl);
            buf[QLEN - 1] = '.';
            check_text(r, s, buf, QLEN, "seam");
        }
    }
    /* Each quarter is scanned in blocks of 1024 bytes whose hits are
     * looked up after the block: a sentence slid across a block boundary
     * of the first quarter (at 1024) and of the third (at 3492: its chain
     * starts 32 bytes before its quarter, at 2468, in this 5000-byte
     * document). */
    for (size_t k = 0; k < 300; k += 3) {
        ix_buf b = {0};
        const char *sent = "Seven councils were judged inadequate, Ofsted's chief inspector said. ";
        for (size_t i = 0; i < 880 + k; i++) ix_buf_putc(&b, 'x');
        ix_buf_puts(&b, " filler.\n\n");
        ix_buf_puts(&b, sent);
        while (b.len < 3380 + k) ix_buf_putc(&b, 'y');
        ix_buf_puts(&b, ".\n\n");
        ix_buf_puts(&b, sent);
        while (b.len < 5000) ix_buf_putc(&b, 'z');
        ix_buf_puts(&b, ".\n");
        check_text(r, s, b.s, b.len, "block edge");
        ix_buf_free(&b);
    }
    ix_scratch_free(s);
    subr_reset();
    lookbehind_rules();
    CHECK(ncmp > 1000 && differ == 0, "inlined rules match as their call forms do (%ld comparisons, %d differ)",
          ncmp, differ);
    subr_reset();
    pcre2_match_data_free(md2);
    ix_rules_free(r);
    return DONE();
}
