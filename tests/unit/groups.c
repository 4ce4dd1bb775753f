/* groups.c — a match's named groups (ix_match_group).
 *
 * The extractors read a match by group name. The look-up searches the
 * rule's PCRE2 name table itself: names that begin other names ("q", "q2",
 * "qa"), a name used by several groups (PCRE2_DUPNAMES: the first group that
 * took part in the match wins), a group that did not take part, a name the
 * rule does not have, and a rule without names. And a rule with (*NO_JIT),
 * which the interpreter runs (JIT code is entered by pcre2_jit_match, which
 * turns away code without it).
 */
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"
#include "tap.h"
#include "testrules.h"

/* The text of group `name` in the first match of `rule` over `text`, or
 * "-" when the group is not set, "!" when nothing matches. */
static const char *group(const ix_rules *r, const char *rule, const char *text, const char *name)
{
    static char out[128];
    const ix_rule *ru = test_rule_named(r, rule);
    if (!ru) return "?";
    ix_input in = {.doc = "t", .source = "t", .bytes = (unsigned char *)text, .len = strlen(text)};
    ix_doc d;
    ix_err e = {{0}};
    if (ix_doc_open(&d, r, &in, 0, in.len, -1, &e) < 0) return "?";
    ix_scratch *s = ix_scratch_new(r);
    ix_prefilter_scan(r, s, &d);
    ix_match m;
    const char *res = "!";
    if (ix_rule_match(ru, s, &d, 0, d.len, 0, false, &m) == 1) {
        size_t a, b;
        if (ix_match_group(&m, name, &a, &b)) {
            snprintf(out, sizeof out, "%.*s", (int)(b - a), d.text + a);
            res = out;
        } else res = "-";
    }
    ix_scratch_free(s);
    ix_doc_close(&d);
    return res;
}

#define GROUP(rule, text, name, want)                                                             \
    do {                                                                                          \
        const char *got_ = group(r, rule, text, name);                                            \
        CHECK(!strcmp(got_, want), "%s over \"%s\": group %s is \"%s\", want \"%s\"", rule, text, \
              name, got_, want);                                                                  \
    } while (0)

int main(void)
{
    ix_rules *r = test_rules_load(
        "family rating\n"
        "rule prefixes\n  match (?<qa>x+) (?<q>\\d+) (?<q2>[a-z]+)(?: (?<zz>!))?\n"
        "rule dups\n  match (?:(?<p>\\d+) apples|(?<p>\\d+) pears|(?<p>\\w+) plums)(?<z>\\.)?\n"
        "rule plain\n  match (\\d+) figs\n"
        "rule nojit\n  match (*NO_JIT)(?<n>\\d+) dates\n");
    if (r) {
        GROUP("t/prefixes", "say xx 42 abc now", "q", "42");
        GROUP("t/prefixes", "say xx 42 abc now", "q2", "abc");
        GROUP("t/prefixes", "say xx 42 abc now", "qa", "xx");
        GROUP("t/prefixes", "say xx 42 abc ! now", "zz", "!");
        GROUP("t/prefixes", "say xx 42 abc now", "zz", "-");      /* did not take part */
        GROUP("t/prefixes", "say xx 42 abc now", "q3", "-");      /* no such name */
        GROUP("t/prefixes", "say xx 42 abc now", "", "-");
        GROUP("t/prefixes", "say xx 42 abc now", "Q", "-");       /* names are case-sensitive */
        GROUP("t/dups", "7 apples.", "p", "7");
        GROUP("t/dups", "8 pears", "p", "8");
        GROUP("t/dups", "ripe plums", "p", "ripe");
        GROUP("t/dups", "8 pears.", "z", ".");
        GROUP("t/dups", "8 pears", "z", "-");
        GROUP("t/plain", "9 figs", "p", "-");
        GROUP("t/plain", "no figs", "p", "!");
        /* a rule the JIT does not compile runs on the interpreter */
        GROUP("t/nojit", "eat 12 dates", "n", "12");
        GROUP("t/nojit", "no dates", "n", "!");
    }
    ix_rules_free(r);
    return DONE();
}
