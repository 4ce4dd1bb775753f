/* examples.c — rules as documentation that is tested: every rule's "yes"
 * and "no" example sentences are run through the WHOLE extractor (not just
 * the regex), and the records that name the rule are checked against the
 * expected fields. Also the human listing and the regex export. */
#include <stdlib.h>
#include "internal.h"

/* Does `rec` have every "field=value" of `expect` ("; "-separated)? */
static bool fields_match(const json_t *rec, const char *expect, char *why, size_t whylen)
{
    if (!expect) return true;
    char *dup = ix_xstrdup(expect), *save = NULL;
    bool ok = true;
    for (char *f = strtok_r(dup, ";", &save); f && ok; f = strtok_r(NULL, ";", &save)) {
        while (*f == ' ') f++;
        char *eq = strchr(f, '=');
        if (!eq) continue;
        *eq = 0;
        const char *want = eq + 1;
        char *key = f;
        size_t kl = strlen(key);
        while (kl && key[kl - 1] == ' ') key[--kl] = 0;
        json_t *v = json_object_get(rec, key);
        char got[256];
        if (!v || json_is_null(v)) snprintf(got, sizeof got, "null");
        else if (json_is_string(v)) snprintf(got, sizeof got, "%s", json_string_value(v));
        else if (json_is_integer(v)) snprintf(got, sizeof got, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        else if (json_is_real(v)) snprintf(got, sizeof got, "%g", json_real_value(v));
        else snprintf(got, sizeof got, "?");
        size_t wl = strlen(want);
        while (wl && want[wl - 1] == ' ') wl--;
        if (strlen(got) != wl || strncmp(got, want, wl)) {
            snprintf(why, whylen, "%s is '%s', wants '%.*s'", key, got, (int)wl, want);
            ok = false;
        }
    }
    free(dup);
    return ok;
}

static bool makes_records(const ix_rule *rule)
{
    return !strcmp(rule->family, "rating") || !strncmp(rule->family, "council_rating", 14) ||
           !strncmp(rule->family, "quote", 5);
}

/* Families that make no records of their own (boilerplate, dates, council
 * context) are checked at the regex: a "yes" line must match, a "no" must not. */
static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

/* Context rules see one side of a mention: in their examples a '|' marks
 * where the name stands ("Sutton| Trust"); _before rules get the text before
 * it, _after rules the text after it. */
static bool regex_matches(const ix_rule *rule, ix_scratch *s, const char *text)
{
    const char *bar = strchr(text, '|');
    size_t a = 0, b = strlen(text);
    uint32_t opt = 0;
    if (bar && ends_with(rule->family, "_before")) b = (size_t)(bar - text);
    else if (bar && ends_with(rule->family, "_after")) { a = (size_t)(bar - text) + 1; opt = PCRE2_ANCHORED; }
    int rc = pcre2_match(rule->code, (PCRE2_SPTR)text + a, b - a, 0, opt, s->md, s->mctx);
    return rc >= 0;
}

int ix_rules_test(const ix_rules *r, FILE *out, int *npassed)
{
    int failed = 0;
    *npassed = 0;
    ix_scratch *s = ix_scratch_new(r);
    for (size_t i = 0; i < r->nrules; i++) {
        const ix_rule *rule = &r->rules[i];
        for (size_t k = 0; k < rule->nex; k++) {
            const ix_example *ex = &rule->ex[k];
            if (!makes_records(rule)) {
                bool m = regex_matches(rule, s, ex->text);
                if (m == ex->yes) (*npassed)++;
                else {
                    failed++;
                    fprintf(out, "%s:%d: %s: %s example %s: %s\n", rule->file, ex->line, rule->name,
                            ex->yes ? "yes" : "no", ex->yes ? "does not match" : "matches", ex->text);
                }
                continue;
            }
            ix_input in = {.doc = "example", .source = "example", .bytes = (unsigned char *)ex->text,
                           .len = strlen(ex->text)};
            ix_result *res = ix_extract(r, s, &in, IX_T_ALL);
            bool hit = false, fields_ok = false;
            char why[300] = "";
            for (size_t j = 1; j < res->n; j++) {
                const char *rn = json_string_value(json_object_get(res->recs[j], "rule"));
                if (!rn || strcmp(rn, rule->name)) continue;
                hit = true;
                if (fields_match(res->recs[j], ex->expect, why, sizeof why)) fields_ok = true;
            }
            bool ok = ex->yes ? hit && fields_ok : !hit;
            if (ok) (*npassed)++;
            else {
                failed++;
                fprintf(out, "%s:%d: %s: %s example %s: %s\n", rule->file, ex->line, rule->name,
                        ex->yes ? "yes" : "no",
                        ex->yes ? (hit ? "wrong fields" : "no record from this rule") : "made a record",
                        ex->yes && hit ? why : ex->text);
            }
            ix_result_free(res);
        }
    }
    ix_scratch_free(s);
    return failed;
}

void ix_rules_list(const ix_rules *r, FILE *out)
{
    for (size_t i = 0; i < r->nrules; i++) {
        const ix_rule *rule = &r->rules[i];
        size_t y = 0;
        for (size_t k = 0; k < rule->nex; k++) y += rule->ex[k].yes;
        fprintf(out, "%-40s %-26s %s:%d  %zu yes, %zu no\n", rule->name, rule->family, rule->file, rule->line, y,
                rule->nex - y);
    }
}

/* Named groups become plain groups: grep tools join the lines into one
 * alternation, where the same name in two rules ("day", "grade") is an
 * error, and they need no names to count matching lines. Lookbehinds,
 * escapes and character classes are left alone. */
static void put_unnamed(const char *re, FILE *out)
{
    bool cls = false;
    for (const char *p = re; *p;) {
        if (*p == '\\' && p[1]) { fputc(p[0], out); fputc(p[1], out); p += 2; continue; }
        if (cls) { if (*p == ']') cls = false; fputc(*p++, out); continue; }
        if (*p == '[') {
            cls = true;
            fputc(*p++, out);
            if (*p == '^') fputc(*p++, out);
            if (*p == ']') fputc(*p++, out);     /* a leading ] is literal */
            continue;
        }
        const char *name = NULL;
        char close = '>';
        if (!strncmp(p, "(?<", 3) && (ix_is_alpha(p[3]) || p[3] == '_')) name = p + 3;
        else if (!strncmp(p, "(?P<", 4)) name = p + 4;
        else if (!strncmp(p, "(?'", 3)) { name = p + 3; close = '\''; }
        if (name) {
            const char *e = strchr(name, close);
            if (e) { fputc('(', out); p = e + 1; continue; }
        }
        fputc(*p++, out);
    }
    fputc('\n', out);
}

int ix_rules_export_regex(const ix_rules *r, FILE *out)
{
    for (size_t i = 0; i < r->nrules; i++) put_unnamed(r->rules[i].regex, out);
    return ferror(out) ? -1 : 0;
}
