/* examples.c — rules as documentation that is tested: every rule's "yes"
 * and "no" example sentences are run through the WHOLE extractor (not just
 * the regex), and the records that name the rule are checked against the
 * expected fields. Also the human listing and the regex export. */
#include <stdlib.h>
#include <utf8proc.h>
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
    return !strcmp(rule->family, "rating") || !strcmp(rule->family, "rating_row") ||
           !strcmp(rule->family, "rating_next") || !strncmp(rule->family, "council_rating", 14) ||
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
    int rc = pcre2_match(ix_rule_code(rule), (PCRE2_SPTR)text + a, b - a, 0, opt, s->md, s->mctx);
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
            /* "no TEXT => fields": the rule may make records there, but
             * not this one */
            bool ok = ex->yes ? hit && fields_ok : ex->expect ? !fields_ok : !hit;
            if (ok) (*npassed)++;
            else {
                failed++;
                fprintf(out, "%s:%d: %s: %s example %s: %s\n", rule->file, ex->line, rule->name,
                        ex->yes ? "yes" : "no",
                        ex->yes ? (hit ? "wrong fields" : "no record from this rule")
                                : ex->expect ? "made that record" : "made a record",
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

/* ---- the rules as one pattern set for grep tools (`rg -P -f`) -----------
 * rg joins the lines into one alternation, where two rules' groups of the
 * same name are an error and 75 copies of the shared macros make the
 * pattern too large for PCRE2. So each rule's trailing (?(DEFINE)...)
 * block of macros is dropped from its line, and the macros (global names,
 * one body each) are defined once, after the last rule. A rule whose macro
 * bodies differ from ones already seen (a macro redefined between files)
 * keeps its own block. Escapes and character classes are copied untouched.
 *
 * Names are written short: PCRE2 gives every named group an entry in the
 * set's name table as long as the longest name, so ten-letter macro names
 * cost 7 bytes more for each of some eighty groups than three-letter ones.
 * A shared macro is m1, m2, ... (its definition opens with its name as a
 * comment, "(?<m12>(?#GRADE)...", which costs nothing compiled); a rule's
 * own named group that something refers to (\k<..>, \g{..}, (?P=..), a
 * named condition, a call) is g1, g2, ..., numbered over the whole set, a
 * later duplicate name in one rule getting a number of its own. */

static bool name_char(char c) { return ix_is_alnum(c) || c == '_'; }

typedef struct nameset {
    struct { const char *s; size_t n; const char *body; size_t bn; } *v;
    size_t n, cap;
} nameset;

static long nameset_find(const nameset *ns, const char *s, size_t n)
{
    for (size_t i = 0; i < ns->n; i++)
        if (ns->v[i].n == n && !memcmp(ns->v[i].s, s, n)) return (long)i;
    return -1;
}

static void nameset_add(nameset *ns, const char *s, size_t n, const char *body, size_t bn)
{
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 32;
        ns->v = ix_xrealloc(ns->v, ns->cap * sizeof *ns->v);
    }
    ns->v[ns->n].s = s; ns->v[ns->n].n = n; ns->v[ns->n].body = body; ns->v[ns->n].bn = bn;
    ns->n++;
}

/* Just past the group opening at p ('('), honouring escapes and classes. */
static const char *skip_group(const char *p)
{
    int depth = 0;
    bool cls = false;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) { p++; continue; }
        if (cls) { if (*p == ']') cls = false; continue; }
        if (*p == '[') { cls = true; if (p[1] == '^') p++; if (p[1] == ']') p++; continue; }
        if (*p == '(') depth++;
        else if (*p == ')' && --depth == 0) return p + 1;
    }
    return p;
}

/* The rule's (?(DEFINE)...) block when it ends the regex: its start, and
 * the macros in it as (name, body) pairs added to `defs`. NULL if none. */
static const char *define_block(const char *re, nameset *defs)
{
    const char *d = NULL;
    for (const char *q = strstr(re, "(?(DEFINE)"); q; q = strstr(q + 1, "(?(DEFINE)")) d = q;
    if (!d || *skip_group(d)) return NULL;
    const char *p = d + 10;
    while (*p == '(' && !strncmp(p, "(?<", 3)) {
        const char *nm = p + 3, *e = nm;
        while (name_char(*e)) e++;
        if (*e != '>') return NULL;
        const char *g = skip_group(p);
        nameset_add(defs, nm, (size_t)(e - nm), e + 1, (size_t)(g - 1 - (e + 1)));
        p = g;
    }
    return *p == ')' && !p[1] ? d : NULL;
}

/* The names written so far for the rule being written (its own groups;
 * the shared macros are numbered by their place in `global`). */
typedef struct shortnames {
    struct { const char *s; size_t n; int dup; size_t num; } *v;
    size_t n, cap;
    size_t next;                 /* the last g number given, over the set */
} shortnames;

/* Writes the short name of nm[0, n): m<k> for a macro of `global`, else
 * the rule's own g<k> (dup: which definition of that name in the rule; a
 * reference, 0, means the first). */
static void put_name(FILE *out, shortnames *sn, const nameset *global, const char *nm, size_t n, int dup)
{
    long k = nameset_find(global, nm, n);
    if (k >= 0) {
        fprintf(out, "m%ld", k + 1);
        return;
    }
    if (dup < 1) dup = 1;
    for (size_t i = 0; i < sn->n; i++)
        if (sn->v[i].n == n && sn->v[i].dup == dup && !memcmp(sn->v[i].s, nm, n)) {
            fprintf(out, "g%zu", sn->v[i].num);
            return;
        }
    if (sn->n == sn->cap) {
        sn->cap = sn->cap ? sn->cap * 2 : 8;
        sn->v = ix_xrealloc(sn->v, sn->cap * sizeof *sn->v);
    }
    sn->v[sn->n].s = nm; sn->v[sn->n].n = n; sn->v[sn->n].dup = dup; sn->v[sn->n].num = ++sn->next;
    fprintf(out, "g%zu", sn->v[sn->n++].num);
}

/* Is the group named nm[0, n) referred to in re[0, len) (a backreference,
 * a call or a condition)? */
static bool name_used(const char *re, size_t len, const char *nm, size_t n)
{
    static const char *const forms[][2] = {
        {"\\k<", ">"}, {"\\k'", "'"}, {"\\k{", "}"}, {"\\g{", "}"}, {"(?&", ")"}, {"(?P>", ")"},
        {"(?P=", ")"}, {"(?(<", ">)"}, {"(?('", "')"}, {"(?(", ")"}, {"(?(R&", ")"},
    };
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        size_t a = strlen(forms[f][0]), b = strlen(forms[f][1]);
        for (const char *p = re; p + a + n + b <= re + len; p++)
            if (!memcmp(p, forms[f][0], a) && !memcmp(p + a, nm, n) && !memcmp(p + a + n, forms[f][1], b)) return true;
    }
    return false;
}

/* A group's body at c that is one macro call and the group's end,
 * "(?&NAME))": writes the call alone and returns where the group ends, or
 * NULL when the body is anything else. A group around a call alone costs
 * six bytes more and matches the same (a call is a group of its own to a
 * quantifier after it). */
static void put_renamed(const char *re, size_t len, shortnames *sn, const nameset *global, const nameset *calls,
                        const bool *inl, FILE *out);

/* The end of the call "(?&NAME)" opening at p (just past its ')'), or
 * NULL when p opens none; the name is p + 3 up to that ')'. */
static const char *call_end(const char *p, const char *end)
{
    if (end - p < 5 || strncmp(p, "(?&", 3)) return NULL;
    const char *ce = p + 3;
    while (ce < end && name_char(*ce)) ce++;
    return ce > p + 3 && ce < end && *ce == ')' ? ce + 1 : NULL;
}

/* A call of the macro nm[0, n): "(?&m12)", or, for a macro of `global`
 * called only there (inl), its body in a plain group. A definition and a
 * call cost some fifteen bytes of the compiled set more than the group.
 * A call runs its body with the options of the definition, whatever the
 * caller's: a body written in place of a call under (?i) is (?-i:...). */
static void put_call(const char *nm, size_t n, shortnames *sn, const nameset *global, const nameset *calls,
                     const bool *inl, bool caseless, FILE *out)
{
    long k = inl ? nameset_find(global, nm, n) : -1;
    if (k >= 0 && inl[k]) {
        fputs(caseless ? "(?-i:" : "(?:", out);
        put_renamed(global->v[k].body, global->v[k].bn, sn, global, calls, inl, out);
        fputc(')', out);
        return;
    }
    fputs("(?&", out);
    put_name(out, sn, global, nm, n, 0);
    fputc(')', out);
}

static const char *put_call_only(const char *c, const char *end, shortnames *sn, const nameset *global,
                                 const nameset *calls, const bool *inl, bool caseless, FILE *out)
{
    const char *ce = call_end(c, end);
    if (!ce || ce >= end || *ce != ')') return NULL;
    put_call(c + 3, (size_t)(ce - 1 - (c + 3)), sn, global, calls, inl, caseless, out);
    return ce + 1;
}

/* ---- classes called, not copied ----------------------------------------
 * A character class costs 33 bytes or more of the compiled set (a bitmap
 * of 256 bits), a call to it a few: the phrase lists alone write every
 * space as "[ -]", 167 times. A class written CLASS_CALLS times or more is
 * defined once, with the shared macros, as (?<_cN>...), and called. A call
 * runs the class with the options of its definition (case-sensitive), so
 * a class with a letter in it ("[A-Z]", "[a-z]") is called only where the
 * text around it is case-sensitive too, and copied under (?i); escapes
 * such as \w and \d are the same either way. And not before a counted
 * repeat: PCRE2 writes "(?&_c1){0,30}" out as thirty calls, where
 * "[ -]{0,30}" is one item. */
enum { CLASS_CALLS = 8 };

/* The length of the class opening at p ('['), its closing ']' included (a
 * ']' first, after an optional '^', is literal); 0 when it does not close. */
static size_t class_len(const char *p, const char *end)
{
    const char *q = p + 1;
    if (q < end && *q == '^') q++;
    if (q < end && *q == ']') q++;
    while (q < end && *q != ']') q += (*q == '\\' && q + 1 < end) ? 2 : 1;
    return q < end ? (size_t)(q + 1 - p) : 0;
}

/* Which bytes of re[0, len) are read caseless: cl[i] for each, and cl[len]
 * for the end. An option setting "(?i)" holds to the end of its group,
 * "(?i:" opens a group of its own; "(?-i" and "(?^" undo it. The caller
 * frees the map. */
static bool *case_map(const char *re, size_t len)
{
    enum { DEPTH = 256 };
    bool *cl = ix_xmalloc(len + 1), stack[DEPTH], cur = false;
    size_t depth = 0;
    for (size_t i = 0; i < len;) {
        size_t n = 1;
        cl[i] = cur;
        if (re[i] == '\\' && i + 1 < len) n = 2;
        else if (re[i] == '[') {
            n = class_len(re + i, re + len);
            if (!n) n = len - i;
        } else if (re[i] == ')') {
            if (depth && --depth < DEPTH) cur = stack[depth];
        } else if (re[i] == '(') {
            if (depth++ < DEPTH) stack[depth - 1] = cur;
            size_t j = i + 2;
            bool on = true, v = cur;
            if (j < len && re[i + 1] == '?' && re[j] == '^') { v = false; j++; }
            for (; j < len && re[i + 1] == '?' && (ix_is_alpha(re[j]) || re[j] == '-'); j++) {
                if (re[j] == '-') on = false;
                else if (re[j] == 'i') v = on;
            }
            if (re[i + 1] == '?' && j > i + 2 && j < len && (re[j] == ':' || re[j] == ')')) {
                if (re[j] == ')') depth--;           /* "(?i)": a setting, not a group */
                cur = v;
                n = j + 1 - i;
            }
        }
        for (size_t k = 1; k < n && i + k < len; k++) cl[i + k] = cur;
        i += n;
    }
    cl[len] = cur;
    return cl;
}

/* May the class c[0, n) be a call? No \p (a property may be cased), no
 * counted repeat after it, and no cased letter (but an escape's) where the
 * text is read caseless. */
static bool class_callable(const char *c, size_t n, const char *end, bool caseless)
{
    if (c + n < end && c[n] == '{') return false;
    /* "[Tt]" is one caseless character to PCRE2 (two bytes), cheaper than
     * a call (three) */
    if (n == 4 && c[1] != c[2] && ix_is_alpha(c[1]) && (c[1] | 0x20) == (c[2] | 0x20)) return false;
    for (size_t i = 1; i + 1 < n; i++) {
        unsigned char ch = (unsigned char)c[i];
        if (ch == '\\') {
            if (c[i + 1] == 'p' || c[i + 1] == 'P') return false;
            i++;
            continue;
        }
        if (ix_is_alpha((char)ch)) {
            if (caseless) return false;
            continue;
        }
        if (ch >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)c + i, (utf8proc_ssize_t)(n - 1 - i), &cp);
            if (k <= 0) return false;
            utf8proc_category_t cat = utf8proc_category(cp);
            if (caseless && (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT)) return false;
            i += (size_t)k - 1;
        }
    }
    return true;
}

/* Counts the callable classes of re[0, len) into `cs` (s, n: the class;
 * bn: how many times). */
static void count_classes(const char *re, size_t len, nameset *cs)
{
    const char *end = re + len;
    bool *cl = case_map(re, len);
    for (const char *p = re; p < end;) {
        if (*p == '\\') { p += 2; continue; }
        if (*p != '[') { p++; continue; }
        size_t n = class_len(p, end);
        if (!n) break;
        if (class_callable(p, n, end, cl[p - re])) {
            long k = nameset_find(cs, p, n);
            if (k < 0) nameset_add(cs, p, n, NULL, 1);
            else cs->v[k].bn++;
        }
        p += n;
    }
    free(cl);
}

/* Copies re[0, len) with capture names prefixed for `rule`; names in
 * `global` (shared macros) are left as they are. A rule's own named group
 * that nothing refers to becomes (?: : ripgrep only counts matches, and
 * every capture adds to the compiled size of the whole set, which Debian's
 * PCRE2 caps at 64 KB. */
static void put_renamed(const char *re, size_t len, shortnames *sn, const nameset *global, const nameset *calls,
                        const bool *inl, FILE *out)
{
    nameset seen = {0};
    const char *end = re + len;
    bool *cl = case_map(re, len);
    for (const char *p = re; p < end;) {
        bool caseless = cl[p - re];
        if (*p == '\\' && p + 1 < end) {
            /* \k<name> \k'name' \k{name} \g{name} */
            if ((p[1] == 'k' || p[1] == 'g') && p + 2 < end && (p[2] == '<' || p[2] == '\'' || p[2] == '{')) {
                char close = p[2] == '<' ? '>' : p[2] == '{' ? '}' : '\'';
                const char *nm = p + 3, *e = nm;
                while (e < end && name_char(*e)) e++;
                if (e < end && *e == close && e > nm && !ix_is_digit(*nm)) {
                    fputc('\\', out); fputc(p[1], out); fputc(p[2], out);
                    put_name(out, sn, global, nm, (size_t)(e - nm), 0);
                    fputc(close, out);
                    p = e + 1;
                    continue;
                }
            }
            fputc(p[0], out); fputc(p[1], out); p += 2;
            continue;
        }
        if (*p == '[') {                         /* a class: a call, or copied whole */
            size_t n = class_len(p, end);
            if (!n) n = (size_t)(end - p);
            long k = calls && class_callable(p, n, end, caseless) ? nameset_find(calls, p, n) : -1;
            if (k >= 0) fprintf(out, "(?&_c%ld)", k + 1);
            else fwrite(p, 1, n, out);
            p += n;
            continue;
        }
        /* "(?:(?&CLINK))+": a plain group around a call alone is the call */
        const char *past;
        if (!strncmp(p, "(?:", 3) && (past = put_call_only(p + 3, end, sn, global, calls, inl, caseless, out))) {
            p = past;
            continue;
        }
        if ((past = call_end(p, end))) {         /* a call: maybe the body itself */
            put_call(p + 3, (size_t)(past - 1 - (p + 3)), sn, global, calls, inl, caseless, out);
            p = past;
            continue;
        }
        const char *nm = NULL;
        size_t plen = 0;
        bool def = false;
        if (!strncmp(p, "(?<", 3) && (ix_is_alpha(p[3]) || p[3] == '_')) { nm = p + 3; plen = 3; def = true; }
        else if (!strncmp(p, "(?P<", 4)) { nm = p + 4; plen = 4; def = true; }
        else if (!strncmp(p, "(?'", 3)) { nm = p + 3; plen = 3; def = true; }
        else if (!strncmp(p, "(?P>", 4) || !strncmp(p, "(?P=", 4)) { nm = p + 4; plen = 4; }
        else if (!strncmp(p, "(?(<", 4) || !strncmp(p, "(?('", 4)) { nm = p + 4; plen = 4; }
        else if (!strncmp(p, "(?(R&", 5)) { nm = p + 5; plen = 5; }
        else if (!strncmp(p, "(?(", 3) && (ix_is_alpha(p[3]) || p[3] == '_') && strncmp(p + 3, "DEFINE)", 7) &&
                 strncmp(p + 3, "VERSION", 7) && !(p[3] == 'R' && (p[4] == ')' || ix_is_digit(p[4])))) {
            nm = p + 3; plen = 3;
        }
        if (nm) {
            const char *e = nm;
            while (e < end && name_char(*e)) e++;
            if (e > nm) {
                size_t n = (size_t)(e - nm);
                bool shared = nameset_find(global, nm, n) >= 0;
                int dup = 0;
                if (def && !shared && !name_used(re, len, nm, n)) {
                    /* a group that only calls a macro, "(?<grade>(?&GRADE))" */
                    if ((past = put_call_only(e + 1, end, sn, global, calls, inl, caseless, out))) {
                        p = past;
                        continue;
                    }
                    fputs("(?:", out);
                    p = e + 1;                    /* past the closing > or ' */
                    continue;
                }
                if (def && !shared) {
                    dup = 1;
                    for (size_t i = 0; i < seen.n; i++)
                        if (seen.v[i].n == n && !memcmp(seen.v[i].s, nm, n)) dup++;
                    nameset_add(&seen, nm, n, NULL, 0);
                }
                fwrite(p, 1, plen, out);
                put_name(out, sn, global, nm, n, dup);
                p = e;
                continue;
            }
        }
        fputc(*p++, out);
    }
    free(seen.v);
    free(cl);
}

/* Is the call that ends just before p repeated by a count, "(?&A){0,3}"
 * or "(?:x(?&A)){0,8}", itself or in any group around it? PCRE2 writes a
 * counted repeat out in full, so a body in place of the call would be
 * copied. */
static bool repeated_site(const char *p, const char *end)
{
    if (p < end && *p == '{') return true;
    int depth = 0;
    bool cls = false;
    for (; p < end; p++) {
        if (*p == '\\' && p + 1 < end) { p++; continue; }
        if (cls) { if (*p == ']') cls = false; continue; }
        if (*p == '[') { cls = true; if (p + 1 < end && p[1] == '^') p++; if (p + 1 < end && p[1] == ']') p++; continue; }
        if (*p == '(') depth++;
        else if (*p == ')') {
            if (depth > 0) depth--;
            else if (p + 1 < end && p[1] == '{') return true;   /* a group around the call closes */
        }
    }
    return false;
}

/* Counts the calls of `global`'s macros in re[0, len) into ncalls; keep[k]
 * when a call of macro k is repeated by a count. */
static void count_calls(const char *re, size_t len, const nameset *global, size_t *ncalls, bool *keep)
{
    const char *end = re + len;
    for (const char *p = re; p < end; p++) {
        if (*p == '\\') { p++; continue; }
        const char *ce = call_end(p, end);
        long k = ce ? nameset_find(global, p + 3, (size_t)(ce - 1 - (p + 3))) : -1;
        if (k < 0) continue;
        ncalls[k]++;
        if (repeated_site(ce, end)) keep[k] = true;
    }
}

/* Rules that inspex never searches text with, only tries on a window that
 * something else found: the council context rules (councils.pat: "New
 * |York", "Leeds| fans", anchored at the ends of the few words around a
 * name the gazetteer found); a speaker phrase's name and description rules
 * (speaker_name, speaker_desc: anchored at both ends of the phrase before
 * "said"); the tests of a description string (speaker_human,
 * speaker_inspection); a table's total and header rows (rating_table:
 * anchored at the lines of a block that holds a table row); the rows of
 * a table or a list (rating_row: only on the lines of a block of several)
 * and the figure given again in the next sentence (rating_next: only on
 * the sentence after one that gave a rating); a list's next item and the
 * figures given again within a sentence (rules marked `continue`: anchored
 * where a rating's match ended); the words
 * after a grade that lead to its judgement (judgement_after) and those
 * before it that name the grade it moved from (grade_from_before); the
 * attributions tried only on the sentences around a quotation the pairing
 * found (quote_after ... quote_dash; quote_sentence stays, as it is also
 * run over every sentence of a document with quotations, to find who
 * speaks). A grep tool scanning text for them would do work inspex never
 * does. (They took 25 KB of the set's compiled size, which Debian's PCRE2
 * caps at 64 KB: the council rules 8 KB, the quote attributions 12.) */
static bool window_rule(const ix_rule *rule)
{
    static const char *const fams[] = {"speaker_name", "speaker_desc", "speaker_human", "speaker_inspection",
                                       "rating_table", "rating_row", "rating_next", "quote_after", "quote_before", "quote_final",
                                       "quote_coordinated", "quote_colon", "quote_prev", "quote_added",
                                       "quote_dash", "judgement_after", "grade_from_before"};
    if (rule->anchored_continue) return true;
    if (!strncmp(rule->family, "council_", 8) && strncmp(rule->family, "council_rating", 14)) return true;
    for (size_t k = 0; k < sizeof fams / sizeof *fams; k++)
        if (!strcmp(rule->family, fams[k])) return true;
    return false;
}

int ix_rules_export_regex(const ix_rules *r, FILE *out)
{
    size_t last = 0;                      /* one past the last rule written */
    for (size_t i = 0; i < r->nrules; i++)
        if (!window_rule(&r->rules[i])) last = i + 1;
    /* Which macros can be shared: one body per name across all rules. */
    nameset global = {0}, clash = {0};
    const char **block = calloc(r->nrules + 1, sizeof *block);
    for (size_t i = 0; i < r->nrules; i++) {
        if (window_rule(&r->rules[i])) continue;
        nameset mine = {0};
        block[i] = define_block(r->rules[i].regex, &mine);
        for (size_t k = 0; block[i] && k < mine.n; k++) {
            long g = nameset_find(&global, mine.v[k].s, mine.v[k].n);
            if (g < 0) nameset_add(&global, mine.v[k].s, mine.v[k].n, mine.v[k].body, mine.v[k].bn);
            else if (global.v[g].bn != mine.v[k].bn || memcmp(global.v[g].body, mine.v[k].body, mine.v[k].bn))
                nameset_add(&clash, mine.v[k].s, mine.v[k].n, NULL, 0);
        }
        free(mine.v);
    }
    /* Names redefined with another body are not shared by anyone. */
    nameset shared = {0};
    for (size_t i = 0; i < global.n; i++)
        if (nameset_find(&clash, global.v[i].s, global.v[i].n) < 0)
            nameset_add(&shared, global.v[i].s, global.v[i].n, global.v[i].body, global.v[i].bn);
    /* What each rule writes: up to its DEFINE block, or all of it when it
     * keeps its block (it uses a clashing macro). */
    size_t *wlen = calloc(r->nrules + 1, sizeof *wlen);
    bool *own = calloc(r->nrules + 1, sizeof *own);
    nameset counted = {0};
    for (size_t i = 0; i < r->nrules; i++) {
        if (window_rule(&r->rules[i])) continue;
        const char *re = r->rules[i].regex;
        if (block[i]) {
            nameset mine = {0};
            define_block(re, &mine);
            for (size_t k = 0; k < mine.n; k++) own[i] |= nameset_find(&clash, mine.v[k].s, mine.v[k].n) >= 0;
            free(mine.v);
        }
        wlen[i] = block[i] && !own[i] ? (size_t)(block[i] - re) : strlen(re);
        count_classes(re, wlen[i], &counted);
    }
    for (size_t k = 0; k < shared.n; k++) count_classes(shared.v[k].body, shared.v[k].bn, &counted);
    nameset calls = {0};
    for (size_t k = 0; k < counted.n; k++)
        if (counted.v[k].bn >= CLASS_CALLS) nameset_add(&calls, counted.v[k].s, counted.v[k].n, NULL, 0);
    /* A shared macro called once in the whole set, not by itself and not
     * before a counted repeat (which would copy its body), is written where
     * it is called, not defined and called. */
    size_t *ncalls = calloc(shared.n + 1, sizeof *ncalls);
    bool *inl = calloc(shared.n + 1, sizeof *inl), *keep = calloc(shared.n + 1, sizeof *keep);
    for (size_t i = 0; i < r->nrules; i++)
        if (!window_rule(&r->rules[i]) && !own[i]) count_calls(r->rules[i].regex, wlen[i], &shared, ncalls, keep);
    for (size_t k = 0; k < shared.n; k++) count_calls(shared.v[k].body, shared.v[k].bn, &shared, ncalls, keep);
    for (size_t k = 0; k < shared.n; k++)
        inl[k] = ncalls[k] == 1 && !keep[k] && !name_used(shared.v[k].body, shared.v[k].bn, shared.v[k].s, shared.v[k].n);
    shortnames sn = {0};
    for (size_t i = 0; i < r->nrules; i++) {
        if (window_rule(&r->rules[i])) continue;
        nameset none = {0};
        sn.n = 0;                         /* a rule's own names are its own */
        put_renamed(r->rules[i].regex, wlen[i], &sn, own[i] ? &none : &shared, &calls, own[i] ? NULL : inl, out);
        if (i + 1 == last && (shared.n || calls.n)) {   /* the shared macros, once */
            /* ... read case-sensitive, as inspex reads them, even after a
             * rule that ends under (?i) */
            bool *cl = case_map(r->rules[i].regex, wlen[i]);
            if (cl[wlen[i]]) fputs("(?-i)", out);
            free(cl);
            fputs("(?(DEFINE)", out);
            for (size_t k = 0; k < shared.n; k++) {
                if (inl[k]) continue;
                fprintf(out, "(?<m%zu>(?#%.*s)", k + 1, (int)shared.v[k].n, shared.v[k].s);
                sn.n = 0;
                put_renamed(shared.v[k].body, shared.v[k].bn, &sn, &shared, &calls, inl, out);
                fputc(')', out);
            }
            for (size_t k = 0; k < calls.n; k++)
                fprintf(out, "(?<_c%zu>%.*s)", k + 1, (int)calls.v[k].n, calls.v[k].s);
            fputc(')', out);
        }
        fputc('\n', out);
    }
    free(sn.v);
    free(ncalls);
    free(inl);
    free(keep);
    free(wlen);
    free(own);
    free(counted.v);
    free(calls.v);
    free(block);
    free(global.v);
    free(clash.v);
    free(shared.v);
    return ferror(out) ? -1 : 0;
}
