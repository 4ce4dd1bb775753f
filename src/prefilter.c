/* prefilter.c — literal triggers, so that most text never meets most regexes.
 *
 * Consumes the compiled rules (their expanded regex sources). For each rule
 * it derives, from the regex itself, a set of literal strings one of which
 * every match must contain ("per annum" | "£" | "recru" | ...); rules for
 * which no useful set exists are always run. All the sets go into one
 * Aho–Corasick automaton (a DFA over byte classes, ASCII folded to lower
 * case). Per document, one pass over the normalised text records, for each
 * rule, where its literals end; ix_rule_match then skips a subject [a, b)
 * that holds none of them, which is most subjects for most rules, and
 * tells PCRE2 not to try starts after the last of them (an offset limit).
 *
 * Why it is exact: a match of the rule inside [a, b) consumes (or looks
 * ahead/behind at) text inside [a, b), so a literal it must contain ends
 * inside that window. The scan folds ASCII case, which can only find more,
 * never fewer. The two non-ASCII characters that PCRE2 folds onto ASCII
 * letters (U+017F long s, U+212A Kelvin sign) switch the prefilter off for
 * the document that contains them, and non-ASCII letters with a case in a
 * caseless part of a regex are not used as literals. Anything the deriver
 * does not understand ((?x), conditionals, recursion, backreferences ...)
 * makes the rule "always run". INSPEX_NO_PREFILTER=1 in the environment
 * turns the whole thing off (the tests compare both ways).
 *
 * Memory per document: one end offset per trigger occurrence; a rule whose
 * list grows past one entry per 16 bytes of text is marked dense (always
 * run) and its list stops growing.
 */
#include <assert.h>
#include <stdlib.h>
#include <utf8proc.h>
#include "internal.h"

/* ---- literal sets -------------------------------------------------------- */

enum { SET_CAP = 128, CROSS_CAP = 48 };   /* more alternatives than this: no information */

typedef struct lit {
    unsigned char *s;
    size_t n;
} lit;

typedef struct lset {
    lit *v;
    size_t n;
    bool top;                    /* "could be anything": no necessary literal */
} lset;

static lset set_top(void) { return (lset){NULL, 0, true}; }

static lset set_one(const unsigned char *s, size_t n)
{
    lset r = {ix_xmalloc(sizeof *r.v), 1, false};
    r.v[0].s = ix_xmalloc(n + 1);
    if (n) memcpy(r.v[0].s, s, n);
    r.v[0].n = n;
    return r;
}

/* The ten ASCII digits, each a one-byte literal: what \d and [0-9] match. */
static lset set_union(lset a, lset b);
static lset digit_set(void)
{
    lset r = {NULL, 0, false};
    for (unsigned char c = '0'; c <= '9'; c++) r = set_union(r, set_one(&c, 1));
    return r;
}

static void set_free(lset *a)
{
    for (size_t i = 0; i < a->n; i++) free(a->v[i].s);
    free(a->v);
    a->v = NULL;
    a->n = 0;
}

static lset set_copy(const lset *a)
{
    if (a->top) return set_top();
    lset r = {ix_xmalloc((a->n + 1) * sizeof *r.v), a->n, false};
    for (size_t i = 0; i < a->n; i++) {
        r.v[i].s = ix_xmalloc(a->v[i].n + 1);
        memcpy(r.v[i].s, a->v[i].s, a->v[i].n);
        r.v[i].n = a->v[i].n;
    }
    return r;
}

static bool set_has(const lset *a, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].n == n && !memcmp(a->v[i].s, s, n)) return true;
    return false;
}

/* The same literals (in any order)? */
static bool set_same(const lset *a, const lset *b)
{
    if (a->top != b->top || a->n != b->n) return false;
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, a->v[i].s, a->v[i].n)) return false;
    return true;
}

static void set_minimise(lset *a);

/* a ∪ b, consuming both; top when either is top or the union is too big.
 * `need`: the sets are necessary literals (not exact strings), so a
 * literal containing another can go, which may bring the union under the
 * cap. */
static lset set_union_x(lset a, lset b, bool need)
{
    if (a.top || b.top) { set_free(&a); set_free(&b); return set_top(); }
    if (need && a.n + b.n > SET_CAP) { set_minimise(&a); set_minimise(&b); }
    if (a.n + b.n > 4 * SET_CAP) { set_free(&a); set_free(&b); return set_top(); }
    a.v = ix_xrealloc(a.v, (a.n + b.n + 1) * sizeof *a.v);
    for (size_t i = 0; i < b.n; i++) {
        if (set_has(&a, b.v[i].s, b.v[i].n)) { free(b.v[i].s); continue; }
        a.v[a.n++] = b.v[i];
    }
    free(b.v);
    if (need && a.n > SET_CAP) set_minimise(&a);
    if (a.n > SET_CAP) { set_free(&a); return set_top(); }
    return a;
}

static lset set_union(lset a, lset b) { return set_union_x(a, b, false); }

/* Every string of a followed by every string of b (not consuming); top when
 * too many. */
static lset set_cross(const lset *a, const lset *b)
{
    if (a->top || b->top || a->n * b->n > CROSS_CAP) return set_top();
    lset r = {ix_xmalloc((a->n * b->n + 1) * sizeof *r.v), 0, false};
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) {
            size_t n = a->v[i].n + b->v[j].n;
            unsigned char *s = ix_xmalloc(n + 1);
            memcpy(s, a->v[i].s, a->v[i].n);
            memcpy(s + a->v[i].n, b->v[j].s, b->v[j].n);
            if (set_has(&r, s, n)) { free(s); continue; }
            r.v[r.n++] = (lit){s, n};
        }
    return r;
}

/* How selective a necessary set is: the weight of its lightest literal, in
 * half-points per byte — a letter 2, a space 1 (common), other ASCII 3, a
 * non-ASCII byte 4 (rare in English text), a digit 7 (a tenth as common
 * as a letter; "any digit" is worth a check next to a grade word, as
 * half the sentences that name a grade have no figure); -1 for top. A set
 * is worth using from 6 upwards: "the", "£" or "7" yes; "of " or "FC" no. */
static int lit_score(const lit *l)
{
    int sc = 0;
    for (size_t k = 0; k < l->n; k++) {
        unsigned char c = l->s[k];
        sc += c >= 0x80 ? 4 : c == ' ' ? 1 : ix_is_alpha(c) ? 2 : ix_is_digit(c) ? 7 : 3;
    }
    return sc;
}

static int set_score(const lset *a)
{
    if (a->top || !a->n) return -1;
    int best = 1 << 30;
    for (size_t i = 0; i < a->n; i++) {
        int sc = lit_score(&a->v[i]);
        if (sc < best) best = sc;
    }
    return best;
}

/* A conjunction of necessary sets: a match contains a literal of each.
 * The NEEDS most selective are kept (more would cost more than they save);
 * sets scoring under the threshold are not worth a check and are dropped. */
enum { NEEDS = 3, MIN_SCORE = 6 };
_Static_assert(NEEDS <= sizeof ((ix_rule *)0)->pfg / sizeof (int), "ix_rule.pfg holds NEEDS groups");

typedef struct needs {
    lset s[NEEDS];
    int n;
} needs;

/* Does every literal of a contain some literal of b? Then where a is
 * satisfied b is too, and b adds nothing next to a. */
static bool set_implies(const lset *a, const lset *b)
{
    for (size_t i = 0; i < a->n; i++) {
        bool found = false;
        for (size_t j = 0; j < b->n && !found; j++)
            for (size_t k = 0; k + b->v[j].n <= a->v[i].n && !found; k++)
                found = !memcmp(a->v[i].s + k, b->v[j].s, b->v[j].n);
        if (!found) return false;
    }
    return true;
}

static void needs_add(needs *N, lset cand)
{
    int sc = set_score(&cand);
    if (sc < MIN_SCORE) { set_free(&cand); return; }
    for (int i = 0; i < N->n; i++) {
        if (set_implies(&N->s[i], &cand)) { set_free(&cand); return; }    /* nothing new */
        if (set_implies(&cand, &N->s[i])) {                              /* replaces it */
            set_free(&N->s[i]);
            memmove(&N->s[i], &N->s[i + 1], (size_t)(N->n - i - 1) * sizeof *N->s);
            N->n--;
            i--;
        }
    }
    int at = N->n;
    while (at > 0) {
        int sp = set_score(&N->s[at - 1]);
        if (sp > sc || (sp == sc && N->s[at - 1].n <= cand.n)) break;
        at--;
    }
    if (at >= NEEDS) { set_free(&cand); return; }
    if (N->n == NEEDS) set_free(&N->s[--N->n]);
    memmove(&N->s[at + 1], &N->s[at], (size_t)(N->n - at) * sizeof *N->s);
    N->s[at] = cand;
    N->n++;
}

static void needs_free(needs *N)
{
    for (int i = 0; i < N->n; i++) set_free(&N->s[i]);
    N->n = 0;
}

/* ---- deriving a rule's literals from its regex --------------------------- */

/* What a piece of regex tells: either it matches exactly one of a few
 * strings (`exact`, strings in `ex`), or some match text must contain a
 * literal of each set in `nec` (none: nothing known). An exact piece may
 * carry `nec` too: what a positive lookaround in it proves. */
typedef struct info {
    bool exact;
    lset ex;
    needs nec;
    bool prefix;                 /* not exact, but every match starts with one of `ex` (x{2,}) */
} info;

/* What macro bodies ((?&NAME) targets) gave, by their text: every rule
 * repeats the same macros in its (?(DEFINE)...) block, so each body is
 * analysed once per rule set, not once per call in every rule. Any cached
 * result is sound: a body's analysis is a safe description of it
 * wherever it is called. */
typedef struct dcache {
    struct dentry { const char *body; size_t n; struct info *val; } *v;
    size_t n, cap;
} dcache;

typedef struct parser {
    const char *p, *end;
    bool bail;                   /* met syntax we do not model: rule is top */
    const char *whole, *whole_end;   /* the rule's regex, for (?&NAME) definitions */
    int depth;                   /* subroutine calls being expanded */
    dcache *cache;
} parser;

static info info_top(void) { return (info){false, {NULL, 0, false}, {.n = 0}, false}; }
static info info_lit(const unsigned char *s, size_t n) { return (info){true, set_one(s, n), {.n = 0}, false}; }
static void info_free(info *x) { set_free(&x->ex); needs_free(&x->nec); }
static void set_minimise(lset *a);
/* How many literals a set comes down to once those containing another are
 * dropped: " in " and " councils in " are one literal, not two. */
static size_t set_distinct(const lset *a)
{
    lset m = set_copy(a);
    set_minimise(&m);
    size_t n = m.n;
    set_free(&m);
    return n;
}

/* The single best necessary set of a piece (a copy; top if none), for an
 * alternation, which unites its branches' sets. Among sets of the best
 * score the one of most distinct literals: it is the likelier to be what
 * the other branches need too (every form of a number needs a digit or a
 * number word; only "4 in 10" also needs " in ", or " councils in ", ...),
 * and a union of the same set is no weaker. Counted before minimising,
 * the forty ways of writing " in " had outnumbered the digits and number
 * words, and every figure rule then passed any sentence holding "in". */
static lset info_need(const info *x)
{
    if (x->exact && (!x->nec.n || set_score(&x->ex) >= set_score(&x->nec.s[0]))) return set_copy(&x->ex);
    if (!x->nec.n) return set_top();
    int best = 0, top = set_score(&x->nec.s[0]);
    size_t bestn = 0;            /* counted only when a tie needs it: minimising costs */
    for (int i = 1; i < x->nec.n; i++) {
        if (set_score(&x->nec.s[i]) != top) continue;
        if (!bestn) bestn = set_distinct(&x->nec.s[0]);
        size_t n = set_distinct(&x->nec.s[i]);
        if (n > bestn) { best = i; bestn = n; }
    }
    return set_copy(&x->nec.s[best]);
}
/* Adds everything a piece proves necessary to N (copies). */
static void info_needs(needs *N, const info *x)
{
    if (x->exact) needs_add(N, set_copy(&x->ex));
    for (int i = 0; i < x->nec.n; i++) needs_add(N, set_copy(&x->nec.s[i]));
}

static info parse_alt(parser *P, bool caseless);

static bool hexdigit(char c) { return ix_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* A literal character (1..4 bytes at s) as a one-string set; top when it
 * has case variants we cannot fold. */
static info char_info(const unsigned char *s, size_t n, bool caseless)
{
    if (n == 1) {
        unsigned char c = s[0];
        if (ix_is_upper(c)) c = (unsigned char)(c + 32);   /* the scan folds ASCII */
        return info_lit(&c, 1);
    }
    if (caseless) {
        utf8proc_int32_t cp;
        if (utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp) <= 0) return info_top();
        if (utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) != cp || utf8proc_totitle(cp) != cp)
            return info_top();
    }
    return info_lit(s, n);
}

/* ---- delimiting pieces without understanding them ---- */

/* Just past the escape starting at p ('\\'), or NULL at the end. */
static const char *escape_end(const char *p, const char *end)
{
    if (p + 1 >= end) return NULL;
    char e = p[1];
    const char *q = p + 2;
    if (e == 'Q') {                                  /* \Q ... \E */
        for (; q + 1 < end; q++)
            if (q[0] == '\\' && q[1] == 'E') return q + 2;
        return end;
    }
    if ((e == 'x' || e == 'o' || e == 'N' || e == 'p' || e == 'P' || e == 'g' || e == 'k') && q < end &&
        (*q == '{' || *q == '<' || *q == '\'')) {
        char close = *q == '{' ? '}' : *q == '<' ? '>' : '\'';
        const char *c = memchr(q + 1, close, (size_t)(end - q - 1));
        return c ? c + 1 : NULL;
    }
    if (e == 'x') { for (int i = 0; i < 2 && q < end && hexdigit(*q); i++) q++; return q; }
    if (e == 'c') return q < end ? q + 1 : NULL;
    if (e == 'p' || e == 'P') return q < end ? q + 1 : NULL;
    if (e == 'g') { if (q < end && (*q == '+' || *q == '-')) q++; while (q < end && ix_is_digit(*q)) q++; return q; }
    if (ix_is_digit(e)) { while (q < end && ix_is_digit(*q)) q++; return q; }
    if ((unsigned char)e >= 0x80) return p + 1 + utf8_len((unsigned char)e);
    return q;
}

/* Just past the ']' closing a class whose '[' is at p, or NULL. */
static const char *class_end(const char *p, const char *end)
{
    const char *q = p + 1;
    if (q < end && *q == '^') q++;
    if (q < end && *q == ']') q++;                   /* a leading ] is literal */
    while (q < end) {
        if (*q == '\\') { q = escape_end(q, end); if (!q) return NULL; continue; }
        if (*q == '[' && q + 1 < end && (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
            const char *c = strstr(q + 2, ":]");
            if (!c || c >= end) return NULL;
            q = c + 2;
            continue;
        }
        if (*q == ']') return q + 1;
        q++;
    }
    return NULL;
}

/* The ')' matching the '(' at p, or NULL. */
static const char *group_end(const char *p, const char *end)
{
    int depth = 0;
    for (const char *q = p; q < end;) {
        if (*q == '\\') { q = escape_end(q, end); if (!q) return NULL; continue; }
        if (*q == '[') { q = class_end(q, end); if (!q) return NULL; continue; }
        if (*q == '(' && q + 2 < end && q[1] == '?' && q[2] == '#') {
            const char *c = memchr(q, ')', (size_t)(end - q));
            if (!c) return NULL;
            q = c + 1;
            continue;
        }
        if (*q == '(') depth++;
        else if (*q == ')' && --depth == 0) return q;
        q++;
    }
    return NULL;
}

/* The body of the group named `name` ((?<name>...), (?P<name>...) or
 * (?'name'...)) anywhere in the regex: [*a, *b). */
static bool named_group(const char *re, const char *end, const char *name, size_t n, const char **a, const char **b)
{
    for (const char *q = re; q < end;) {
        if (*q == '\\') { q = escape_end(q, end); if (!q) return false; continue; }
        if (*q == '[') { q = class_end(q, end); if (!q) return false; continue; }
        if (*q == '(' && q + 2 < end && q[1] == '?') {
            const char *nm = NULL;
            char close = '>';
            if (q[2] == '<' && q + 3 < end && q[3] != '=' && q[3] != '!') nm = q + 3;
            else if (q[2] == 'P' && q + 3 < end && q[3] == '<') nm = q + 4;
            else if (q[2] == '\'') { nm = q + 3; close = '\''; }
            if (nm && (size_t)(end - nm) > n && !memcmp(nm, name, n) && nm[n] == close) {
                const char *e = group_end(q, end);
                if (!e) return false;
                *a = nm + n + 1;
                *b = e;
                return true;
            }
        }
        q++;
    }
    return false;
}

/* [...] : a handful of literal characters becomes an exact set. */
static info parse_class(parser *P, bool caseless)
{
    const char *p = P->p;              /* just after '[' */
    bool neg = false, top = false;
    if (p < P->end && *p == '^') { neg = true; p++; }
    lset set = {NULL, 0, false};
    bool first = true;
    while (p < P->end && (*p != ']' || first)) {
        first = false;
        if (*p == '[' && p + 1 < P->end && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
            const char *e = strstr(p + 2, ":]");   /* POSIX class */
            if (!e || e >= P->end) { P->bail = true; set_free(&set); return info_top(); }
            top = true;
            p = e + 2;
            continue;
        }
        if (*p == '\\') {
            if (p + 1 >= P->end) { P->bail = true; set_free(&set); return info_top(); }
            char e = p[1];
            if (e == 'd' && !top) {
                set = set_union(set, digit_set());
                p += 2;
                continue;
            }
            if (ix_is_alnum(e) && !strchr("ntrfae", e)) {       /* \d \w \x{..} \p{..} \Q..\E ... */
                const char *q = escape_end(p, P->end);
                if (!q) { P->bail = true; set_free(&set); return info_top(); }
                top = true;
                p = q;
                continue;
            }
            unsigned char c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' :
                              e == 'a' ? '\a' : e == 'e' ? 27 : (unsigned char)e;
            p += 2;
            if (p + 1 < P->end && *p == '-' && p[1] != ']') { top = true; p++; continue; }
            info ci = char_info(&c, 1, caseless);
            if (ci.exact && !top) set = set_union(set, set_copy(&ci.ex));
            else top = true;
            info_free(&ci);
            continue;
        }
        size_t n = utf8_len((unsigned char)*p);
        if (p + n > P->end) { P->bail = true; set_free(&set); return info_top(); }
        const char *c = p;
        p += n;
        if (p + 1 < P->end && *p == '-' && p[1] != ']') {        /* a range */
            if (ix_is_digit(*c) && ix_is_digit(p[1]) && *c <= p[1] && !top) {   /* [0-9], [1-3] */
                for (unsigned char d = (unsigned char)*c; d <= (unsigned char)p[1]; d++) set = set_union(set, set_one(&d, 1));
                p += 2;
                continue;
            }
            top = true;
            p++;
            p += utf8_len((unsigned char)*p);
            continue;
        }
        info ci = char_info((const unsigned char *)c, n, caseless);
        if (ci.exact && !top) set = set_union(set, set_copy(&ci.ex));
        else top = true;
        info_free(&ci);
    }
    if (p >= P->end) { P->bail = true; set_free(&set); return info_top(); }
    P->p = p + 1;
    /* A large class tells little, except the digits: ten of them, and
     * rare in prose. */
    if (neg || top || set.top || set.n > 10) { set_free(&set); return info_top(); }
    return (info){true, set, {.n = 0}, false};
}

/* (?&NAME): what the named group's body tells, parsed where it is defined.
 * Its flags are those of the definition; caseless is assumed, which only
 * costs non-ASCII literals. Too deep (or recursive): nothing known. */
static info info_copy(const info *x)
{
    info r = {x->exact, x->exact || x->prefix ? set_copy(&x->ex) : (lset){NULL, 0, false}, {.n = 0}, x->prefix};
    for (int i = 0; i < x->nec.n; i++) r.nec.s[r.nec.n++] = set_copy(&x->nec.s[i]);
    return r;
}

static info call_named(parser *P, const char *name, size_t n)
{
    const char *a, *b;
    if (P->depth >= 12 || !named_group(P->whole, P->whole_end, name, n, &a, &b)) return info_top();
    dcache *C = P->cache;
    for (size_t i = 0; C && i < C->n; i++)
        if (C->v[i].n == (size_t)(b - a) && !memcmp(C->v[i].body, a, C->v[i].n)) return info_copy(C->v[i].val);
    parser sub = {a, b, false, P->whole, P->whole_end, P->depth + 1, C};
    info in = parse_alt(&sub, true);
    if (sub.bail || sub.p != b) { info_free(&in); in = info_top(); }
    if (C) {
        if (C->n == C->cap) {
            C->cap = C->cap ? C->cap * 2 : 32;
            C->v = ix_xrealloc(C->v, C->cap * sizeof *C->v);
        }
        info *keep = ix_xmalloc(sizeof *keep);
        *keep = info_copy(&in);
        C->v[C->n++] = (struct dentry){a, (size_t)(b - a), keep};
    }
    return in;
}

static void dcache_free(dcache *C)
{
    for (size_t i = 0; i < C->n; i++) { info_free(C->v[i].val); free(C->v[i].val); }
    free(C->v);
    C->v = NULL;
    C->n = C->cap = 0;
}

static info empty_info(void) { return info_lit((const unsigned char *)"", 0); }

/* One atom: a group, class, escape or character. */
static info parse_atom(parser *P, bool *caseless)
{
    const char *p = P->p;
    unsigned char c = (unsigned char)*p;
    if (c == '(') {
        const char *close = group_end(p, P->end);
        if (!close) { P->bail = true; return info_top(); }
        p++;
        bool look = false, neg = false, cl = *caseless;
        if (*p == '*') {                              /* (*VERB): zero-width, but ACCEPT ends the match early */
            if (!strncmp(p, "*ACCEPT", 7)) { P->bail = true; return info_top(); }
            P->p = close + 1;
            return empty_info();
        }
        if (*p == '?') {
            p++;
            if (*p == ':' || *p == '>' || *p == '|') p++;
            else if (*p == '=') { look = true; p++; }
            else if (*p == '!') { look = neg = true; p++; }
            else if (*p == '<' && (p[1] == '=' || p[1] == '!')) { look = true; neg = p[1] == '!'; p += 2; }
            else if (*p == '<' || (*p == 'P' && p[1] == '<')) {       /* (?<name> (?P<name> */
                const char *e = memchr(p, '>', (size_t)(close - p));
                if (!e) { P->bail = true; return info_top(); }
                p = e + 1;
            } else if (*p == '\'') {                                  /* (?'name' */
                const char *e = memchr(p + 1, '\'', (size_t)(close - p - 1));
                if (!e) { P->bail = true; return info_top(); }
                p = e + 1;
            } else if (*p == '#' || *p == 'C') {                      /* comment, callout */
                P->p = close + 1;
                return empty_info();
            } else if (*p == '&' || (*p == 'P' && p[1] == '>')) {     /* (?&NAME) (?P>NAME) */
                const char *nm = p + (*p == '&' ? 1 : 2);
                P->p = close + 1;
                return call_named(P, nm, (size_t)(close - nm));
            } else if (*p == '(') {                                   /* conditional, or DEFINE */
                P->p = close + 1;
                return !strncmp(p, "(DEFINE)", 8) ? empty_info() : info_top();
            } else if (*p == 'R' || ix_is_digit(*p) || *p == '+' || (*p == '-' && ix_is_digit(p[1])) ||
                       (*p == 'P' && p[1] == '=')) {                  /* recursion, backreference */
                P->p = close + 1;
                return info_top();
            } else {
                /* option letters: (?i) (?-i) (?i: ...) */
                bool on = true, sets_i = false;
                while (p < close && *p != ':') {
                    if (*p == '-') on = false;
                    else if (*p == 'i') { if (on) sets_i = true; }
                    else if (*p == 'x' || !strchr("msnJU^", *p)) { P->bail = true; return info_top(); }
                    p++;
                }
                if (p == close) {                /* applies to the rest of the group */
                    if (sets_i) *caseless = true;
                    P->p = close + 1;
                    return empty_info();
                }
                p++;
                if (sets_i) cl = true;           /* (?-i: keeps caseless: over-cautious is safe */
            }
        }
        parser sub = {p, close, false, P->whole, P->whole_end, P->depth, P->cache};
        info in = parse_alt(&sub, cl);
        if (sub.bail || sub.p != close) { info_free(&in); P->bail = true; return info_top(); }
        P->p = close + 1;
        if (!look) return in;
        /* A lookaround consumes nothing; a positive one still proves its
         * text is in the subject. */
        info r = empty_info();
        if (!neg) info_needs(&r.nec, &in);
        info_free(&in);
        return r;
    }
    if (c == '[') { P->p = p + 1; return parse_class(P, *caseless); }
    if (c == '.') { P->p = p + 1; return info_top(); }
    if (c == '^' || c == '$') { P->p = p + 1; return empty_info(); }
    if (c == '\\') {
        if (p + 1 >= P->end) { P->bail = true; return info_top(); }
        char e = p[1];
        if (strchr("bBAzZGKE", e)) { P->p = p + 2; return empty_info(); }
        if (e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'a' || e == 'e') {
            unsigned char ch = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : e == 'a' ? '\a' : 27;
            P->p = p + 2;
            return info_lit(&ch, 1);
        }
        if (e == 'd') {                       /* an ASCII digit (PCRE2 without UCP) */
            P->p = p + 2;
            return (info){true, digit_set(), {.n = 0}, false};
        }
        if (ix_is_alnum(e)) {                 /* \d \w \x{..} \p{..} \k<..> \1 \Q..\E ...: unknown text */
            const char *q = escape_end(p, P->end);
            if (!q) { P->bail = true; return info_top(); }
            P->p = q;
            return info_top();
        }
        if ((unsigned char)e >= 0x80) {       /* an escaped non-ASCII character is itself */
            size_t n = utf8_len((unsigned char)e);
            if (p + 1 + n > P->end) { P->bail = true; return info_top(); }
            P->p = p + 1 + n;
            return char_info((const unsigned char *)p + 1, n, *caseless);
        }
        P->p = p + 2;
        return char_info((const unsigned char *)&p[1], 1, *caseless);
    }
    if (c == ')') { P->bail = true; return info_top(); }   /* unbalanced */
    size_t n = utf8_len(c);
    if (p + n > P->end) { P->bail = true; return info_top(); }
    P->p = p + n;
    return char_info((const unsigned char *)p, n, *caseless);
}

/* A quantifier after an atom, if any: min and max (-1 = unbounded). */
static bool parse_quant(parser *P, long *min, long *max)
{
    const char *p = P->p;
    if (p >= P->end) return false;
    if (*p == '?') { *min = 0; *max = 1; p++; }
    else if (*p == '*') { *min = 0; *max = -1; p++; }
    else if (*p == '+') { *min = 1; *max = -1; p++; }
    else if (*p == '{') {
        const char *q = p + 1;
        long a = 0, b;
        if (q >= P->end || !ix_is_digit(*q)) return false;       /* a literal '{' */
        while (q < P->end && ix_is_digit(*q)) a = a * 10 + (*q++ - '0');
        b = a;
        if (q < P->end && *q == ',') {
            q++;
            if (q < P->end && ix_is_digit(*q)) { b = 0; while (q < P->end && ix_is_digit(*q)) b = b * 10 + (*q++ - '0'); }
            else b = -1;
        }
        if (q >= P->end || *q != '}') return false;
        *min = a;
        *max = b;
        p = q + 1;
    } else return false;
    if (p < P->end && (*p == '?' || *p == '+')) p++;   /* lazy / possessive */
    P->p = p;
    return true;
}

static info quantify(info a, long min, long max)
{
    if (min == 1 && max == 1) return a;
    if (min == 0 && max == 1 && a.exact) {                /* x? : x or nothing */
        needs_free(&a.nec);                               /* an optional lookaround proves nothing */
        lset empty = set_one((const unsigned char *)"", 0);
        a.ex = set_union(a.ex, empty);
        if (a.ex.top) { a.exact = false; set_free(&a.ex); }
        return a;
    }
    if (min == 0) { info_free(&a); return info_top(); }
    if (a.exact && min <= 8) {
        /* x{n}: the n copies in a row are exact; x{n,m} starts with them */
        lset rep = set_copy(&a.ex);
        for (long i = 1; i < min && !rep.top; i++) {
            lset x = set_cross(&rep, &a.ex);
            set_free(&rep);
            rep = x;
        }
        if (!rep.top) {
            info r = {max == min, rep, {.n = 0}, max != min};
            for (int i = 0; i < a.nec.n; i++) needs_add(&r.nec, set_copy(&a.nec.s[i]));
            if (max != min) needs_add(&r.nec, set_copy(&rep));
            info_free(&a);
            return r;
        }
    }
    /* At least once: whatever one repetition needs, the whole needs. */
    info r = info_top();
    info_needs(&r.nec, &a);
    info_free(&a);
    return r;
}

/* A sequence of atoms up to '|' or ')'. Consecutive exact atoms are joined
 * into longer literals; every atom's necessary sets are necessary for the
 * sequence, and the most selective are kept. */
static info parse_seq(parser *P, bool *caseless)
{
    lset run = set_one((const unsigned char *)"", 0);
    bool all_exact = true;
    needs best = {.n = 0};
    while (P->p < P->end && *P->p != '|' && *P->p != ')' && !P->bail) {
        info a = parse_atom(P, caseless);
        long min, max;
        if (!P->bail && parse_quant(P, &min, &max)) a = quantify(a, min, max);
        if (P->bail) { info_free(&a); break; }
        for (int i = 0; i < a.nec.n; i++) needs_add(&best, set_copy(&a.nec.s[i]));
        if (a.exact) {
            lset x = set_cross(&run, &a.ex);
            if (x.top) {                      /* too many: close the run here */
                needs_add(&best, run);
                run = set_copy(&a.ex);
                all_exact = false;
            } else {
                set_free(&run);
                run = x;
            }
        } else if (a.prefix) {            /* joins the run, then ends it */
            lset x = set_cross(&run, &a.ex);
            needs_add(&best, run);
            needs_add(&best, x);
            run = set_one((const unsigned char *)"", 0);
            all_exact = false;
        } else {
            needs_add(&best, run);
            run = set_one((const unsigned char *)"", 0);
            all_exact = false;
        }
        info_free(&a);
    }
    if (all_exact && !P->bail) return (info){true, run, best, false};
    needs_add(&best, run);
    return (info){false, {NULL, 0, false}, best, false};
}

static info parse_alt(parser *P, bool caseless)
{
    bool cl = caseless;               /* (?i) in one branch reaches the later ones */
    info acc = parse_seq(P, &cl);
    while (!P->bail && P->p < P->end && *P->p == '|') {
        P->p++;
        info b = parse_seq(P, &cl);
        /* Exact while the union surely fits a set. Past that (a grade
         * list of 130 phrases) a match still holds one of the strings: the
         * path below keeps them as necessary literals, minimised ("good"
         * for "good or better"), where an exact union would tell nothing. */
        if (acc.exact && b.exact && acc.ex.n + b.ex.n <= SET_CAP) {
            acc.ex = set_union(acc.ex, b.ex);
            b.ex = (lset){NULL, 0, false};
            needs_free(&acc.nec);
            if (acc.ex.top) { acc.exact = false; set_free(&acc.ex); }
        } else {
            /* either branch: only one literal of the union is sure */
            lset na = info_need(&acc), nb = info_need(&b);
            info_free(&acc);
            acc = info_top();
            needs_add(&acc.nec, set_union_x(na, nb, true));
        }
        info_free(&b);
    }
    return acc;
}

/* Drops every literal that contains another one of the set: where the
 * longer occurs the shorter does too, so the set means the same and the
 * automaton is smaller. */
static void set_minimise(lset *a)
{
    bool *drop = calloc(a->n + 1, sizeof *drop);
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < a->n && !drop[i]; j++) {
            if (j == i || drop[j] || !a->v[j].n || a->v[j].n > a->v[i].n) continue;
            if (a->v[j].n == a->v[i].n && j > i) continue;     /* equal strings: keep the first */
            /* does v[j] occur in v[i]? (the first byte first: a call of
             * memcmp at every offset was most of the start-up's literal work) */
            const unsigned char *hay = a->v[i].s, *nd = a->v[j].s;
            size_t nn = a->v[j].n;
            for (size_t k = 0; k + nn <= a->v[i].n && !drop[i]; k++)
                drop[i] = hay[k] == nd[0] && !memcmp(hay + k + 1, nd + 1, nn - 1);
        }
    size_t w = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (drop[i]) free(a->v[i].s);
        else a->v[w++] = a->v[i];
    }
    a->n = w;
    free(drop);
}

/* The rule's necessary literal sets (a match holds a literal of each), at
 * most NEEDS; none when nothing useful is known. */
static needs derive(const char *re, dcache *cache)
{
    parser P = {re, re + strlen(re), false, re, re + strlen(re), 0, cache};
    /* Under (*UCP) \d is every Unicode digit, not the ten ASCII ones the
     * parser takes it for: no literals for such a rule. */
    if (strstr(re, "(*UCP")) P.bail = true;
    info in = P.bail ? info_top() : parse_alt(&P, false);
    needs out = {.n = 0};
    if (!P.bail && P.p == P.end) info_needs(&out, &in);
    info_free(&in);
    for (int i = 0; i < out.n; i++) set_minimise(&out.s[i]);
    return out;
}

/* A set whose lightest literal is a common short word (" in ", "was",
 * "and ": score under WEAK) ends every few words of any text, and the scan
 * records every such end. Beside a set as rare as "rated " or "including "
 * (STRONG and over) it turns away few windows that set has not, so it is
 * dropped from such a rule. Only where every rule that needs the same set
 * can do without it: otherwise its ends are recorded anyway and it costs
 * nothing to keep. (Dropping every set under 8 from every rule made the
 * scan 25% faster and the dense dump 25% slower: a rule like
 * ratings/of-the-n, which has nothing but "a number", then ran everywhere.) */
enum { WEAK = 8, STRONG = 10 };

static bool has_strong(const needs *N)
{
    return N->n > 0 && set_score(&N->s[0]) >= STRONG;     /* sorted: the best first */
}

static void thin_needs(needs *all, size_t n)
{
    bool *drop = calloc(n * NEEDS + 1, sizeof *drop);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < all[i].n; k++) {
            if (set_score(&all[i].s[k]) >= WEAK || !has_strong(&all[i])) continue;
            bool ok = true;
            for (size_t j = 0; j < n && ok; j++)
                for (int l = 0; l < all[j].n && ok; l++)
                    if (set_same(&all[j].s[l], &all[i].s[k])) ok = has_strong(&all[j]);
            drop[i * NEEDS + (size_t)k] = ok;
        }
    for (size_t i = 0; i < n; i++) {
        int m = 0;
        for (int k = 0; k < all[i].n; k++) {
            if (drop[i * NEEDS + (size_t)k]) set_free(&all[i].s[k]);
            else all[i].s[m++] = all[i].s[k];
        }
        all[i].n = m;
    }
    free(drop);
}

/* Groups that differ only by rare literals are one group. The figure rules
 * need "a digit or a number word", each with its own few extra words (" a
 * majority (", "not a single"), so every digit of the text ended in six
 * groups and was recorded six times: half of all the ends the scan
 * recorded in news-like text. A group whose literals are all in a larger
 * group, which adds only literals scoring STRONG or more (rare: a rule
 * needing the smaller set is tried on few more windows), is replaced by the
 * larger one in every rule that needs it. Exact still: a match holding a
 * literal of the smaller set holds one of the larger. Returns the new count
 * of groups; sets past it are freed. */
static bool set_within(const lset *a, const lset *b)
{
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, a->v[i].s, a->v[i].n)) return false;
    return true;
}

static bool extras_rare(const lset *a, const lset *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (!set_has(a, b->v[i].s, b->v[i].n) && lit_score(&b->v[i]) < STRONG) return false;
    return true;
}

static size_t widen_groups(ix_rules *R, lset *sets, size_t ng)
{
    if (!ng) return ng;
    size_t *into = ix_xmalloc(ng * sizeof *into), *num = ix_xmalloc(ng * sizeof *num);
    for (size_t g = 0; g < ng; g++) {
        into[g] = g;
        /* the largest such superset: its own supersets are then looked at
         * by the chase below */
        for (size_t h = 0; h < ng; h++)
            if (h != g && sets[h].n > sets[into[g]].n && set_within(&sets[g], &sets[h]) && extras_rare(&sets[g], &sets[h]))
                into[g] = h;
    }
    /* chase: g -> h -> k; k's extras over g are h's and k's, all rare */
    for (size_t g = 0; g < ng; g++)
        for (size_t steps = 0; into[into[g]] != into[g] && steps < ng; steps++) into[g] = into[into[g]];
    for (size_t g = 0; g < ng; g++)
        if (into[g] != g) set_free(&sets[g]);
    size_t n = 0;
    for (size_t g = 0; g < ng; g++) {
        if (into[g] != g) continue;
        num[g] = n;
        sets[n++] = sets[g];
    }
    for (size_t i = 0; i < R->nrules; i++) {
        ix_rule *r = &R->rules[i];
        int m = 0;
        for (int k = 0; k < r->npf; k++) {
            int g = (int)num[into[r->pfg[k]]];
            bool dup = false;
            for (int j = 0; j < m; j++) dup |= r->pfg[j] == g;
            if (!dup) r->pfg[m++] = g;
        }
        r->npf = m;
    }
    free(into);
    free(num);
    return n;
}

/* ---- the automaton ------------------------------------------------------- */

struct ix_prefilter {
    unsigned char cls[256];      /* byte -> class (ASCII upper = lower) */
    unsigned ncls;
    uint16_t *step;              /* the scan's table: col[byte] + state -> target state */
    uint32_t col[256];           /* byte -> its class's column: class * nstates */
    uint32_t nstates;
    uint32_t root;               /* the start state */
    uint32_t first_out;          /* states from this one on have outputs */
    uint64_t *rmask;             /* per rule, its groups as bits (rule->pfmask) */
    uint32_t *out_off;           /* state -> first index into out (nstates + 1) */
    uint32_t *out;               /* groups whose literal ends in this state */
    uint64_t *out_mask;          /* per state with outputs (from first_out): its groups as bits */
    size_t *out_minlen;          /* ... and the largest of their shortest literals' lengths */
    size_t ngroups;              /* literal sets, over all rules */
    size_t *minlen;              /* per group: its shortest literal */
    size_t maxlit;               /* the longest literal, in bytes */
    bool off;
};


ix_prefilter *ix_prefilter_new(ix_rules *R)
{
    ix_prefilter *pf = calloc(1, sizeof *pf);
    if (!pf) return NULL;
    const char *env = getenv("INSPEX_NO_PREFILTER");
    pf->off = env && *env && strcmp(env, "0");
    /* 1. each rule's sets; a group per set, a rule's groups consecutive */
    lset *sets = NULL;
    size_t ng = 0;
    dcache cache = {0};
    needs *all = calloc(R->nrules + 1, sizeof *all);
    for (size_t i = 0; i < R->nrules; i++)
        if (!pf->off && !R->rules[i].unscanned) all[i] = derive(R->rules[i].regex, &cache);
    dcache_free(&cache);
    thin_needs(all, R->nrules);
    for (size_t i = 0; i < R->nrules; i++) {
        needs N = all[i];
        R->rules[i].npf = N.n;
        sets = ix_xrealloc(sets, (ng + (size_t)N.n + 1) * sizeof *sets);
        for (int k = 0; k < N.n; k++) {
            /* Rules share sets (a grade word is needed by thirty of them):
             * one group per distinct set, so that the scan records each
             * occurrence once, not once per rule. */
            size_t g = 0;
            while (g < ng && !set_same(&sets[g], &N.s[k])) g++;
            if (g == ng) sets[ng++] = N.s[k];
            else set_free(&N.s[k]);
            R->rules[i].pfg[k] = (int)g;
        }
    }
    free(all);
    ng = widen_groups(R, sets, ng);
    pf->ngroups = ng;
    size_t words = (ng + 63) / 64;
    pf->rmask = calloc(R->nrules * words + 1, sizeof *pf->rmask);
    for (size_t i = 0; pf->rmask && i < R->nrules; i++) {
        uint64_t *rm = pf->rmask + i * words;
        for (int k = 0; k < R->rules[i].npf; k++) rm[R->rules[i].pfg[k] / 64] |= 1ull << (R->rules[i].pfg[k] & 63);
        R->rules[i].pfmask = rm;
    }
    pf->minlen = calloc(ng + 1, sizeof *pf->minlen);
    for (size_t g = 0; g < ng; g++) {
        size_t m = (size_t)-1;
        for (size_t j = 0; j < sets[g].n; j++) if (sets[g].v[j].n < m) m = sets[g].v[j].n;
        pf->minlen[g] = m;
        for (size_t j = 0; j < sets[g].n; j++) if (sets[g].v[j].n > pf->maxlit) pf->maxlit = sets[g].v[j].n;
    }
    /* 2. byte classes: every byte used by a literal gets its own class */
    unsigned char used[256] = {0};
    for (size_t g = 0; g < ng; g++)
        for (size_t k = 0; k < sets[g].n; k++)
            for (size_t j = 0; j < sets[g].v[k].n; j++) used[sets[g].v[k].s[j]] = 1;
    pf->ncls = 1;
    for (int c = 0; c < 256; c++)
        if (used[c] && !ix_is_upper(c)) pf->cls[c] = (unsigned char)pf->ncls++;
    for (int c = 'A'; c <= 'Z'; c++) pf->cls[c] = pf->cls[c + 32];
    /* 3. the trie (literals are stored lower-case already), sparse: a
     * node's children in a list (kid, by class), since a dense row per node
     * and class was megabytes of fresh pages to fault in at every start,
     * most of the start-up time of the prefilter. */
    size_t cap = 1, n = 1;
    for (size_t g = 0; g < ng; g++)
        for (size_t k = 0; k < sets[g].n; k++) cap += sets[g].v[k].n;   /* nodes at most */
    typedef struct kid { uint32_t next; uint8_t cl; } kid;   /* next: u's sibling, 0 = none */
    kid *kids = ix_xmalloc(cap * sizeof *kids);      /* kids[u]: the edge into node u */
    uint32_t *first = calloc(cap, sizeof *first);    /* per node: its first child, 0 = none */
    uint32_t **term = calloc(cap, sizeof *term);     /* per node: list of groups, [0] = count */
    for (size_t g32 = 0; g32 < ng; g32++) {
        uint32_t g = (uint32_t)g32;
        for (size_t k = 0; k < sets[g].n; k++) {
            uint32_t st = 0;
            for (size_t j = 0; j < sets[g].v[k].n; j++) {
                uint8_t cl = pf->cls[sets[g].v[k].s[j]];
                /* children kept in class order: breadth-first numbering
                 * then visits them as a row of a dense table would */
                uint32_t *at = &first[st];
                while (*at && kids[*at].cl < cl) at = &kids[*at].next;
                uint32_t u = *at;
                if (!u || kids[u].cl != cl) {
                    u = (uint32_t)n++;
                    kids[u] = (kid){*at, cl};
                    *at = u;
                }
                st = u;
            }
            uint32_t cnt = term[st] ? term[st][0] : 0;
            bool dup = false;
            for (uint32_t q = 1; q <= cnt; q++) dup |= term[st][q] == g;
            if (!dup) {
                term[st] = ix_xrealloc(term[st], (cnt + 2) * sizeof **term);
                term[st][0] = cnt + 1;
                term[st][cnt + 1] = g;
            }
        }
    }
    /* 4. failure links breadth-first: fail[u] of a child u of s by class
     * cl is where s's failure chain first has a child by cl */
    pf->nstates = (uint32_t)n;
    uint32_t *fail = calloc(n, sizeof *fail), *queue = ix_xmalloc(n * sizeof *queue);
    size_t qh = 0, qt = 0;
    for (uint32_t u = first[0]; u; u = kids[u].next) queue[qt++] = u;
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (uint32_t u = first[s]; u; u = kids[u].next) {
            uint32_t f = fail[s], v = 0;
            for (;;) {
                for (v = first[f]; v && kids[v].cl != kids[u].cl; v = kids[v].next) {}
                if (v || !f) break;
                f = fail[f];
            }
            fail[u] = v;
            queue[qt++] = u;
        }
    }
    /* outputs: own groups plus those of the failure chain (BFS order makes
     * the chain's states complete before their descendants) */
    pf->out_off = calloc(n + 1, sizeof *pf->out_off);
    uint32_t **full = calloc(n, sizeof *full);
    size_t total = 0;
    for (size_t qi = 0; qi <= qt; qi++) {
        uint32_t s = qi == 0 ? 0 : queue[qi - 1];
        uint32_t own = term[s] ? term[s][0] : 0, inh = s && full[fail[s]] ? full[fail[s]][0] : 0;
        if (!own && !inh) continue;
        full[s] = ix_xmalloc((own + inh + 1) * sizeof **full);
        full[s][0] = 0;
        for (uint32_t q = 1; q <= own; q++) full[s][++full[s][0]] = term[s][q];
        for (uint32_t q = 1; q <= inh; q++) {
            uint32_t g = full[fail[s]][q];
            bool dup = false;
            for (uint32_t r = 1; r <= full[s][0]; r++) dup |= full[s][r] == g;
            if (!dup) full[s][++full[s][0]] = g;
        }
        total += full[s][0];
    }
    /* The scan's states are numbered breadth-first (the root, then the
     * queue's order), so the shallow states, where the scan spends most of
     * its steps, have small numbers; but the states without outputs come
     * first and those with outputs after, from pf->first_out on, so that a
     * step tells that it has outputs by its number alone (a comparison
     * beside the scan's chain of loads, not a mask inside it). */
    uint32_t *num = ix_xmalloc(n * sizeof *num), *by = ix_xmalloc(n * sizeof *by);
    assert(qt + 1 == n);         /* every node but the root is some node's child */
    uint32_t next_num = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass) pf->first_out = next_num;
        for (size_t qi = 0; qi <= qt; qi++) {
            uint32_t s = qi == 0 ? 0 : queue[qi - 1];
            bool has = full[s] && full[s][0];
            if (has == (pass == 1)) { num[s] = next_num; by[next_num++] = s; }
        }
    }
    pf->root = num[0];
    pf->out = ix_xmalloc((total + 1) * sizeof *pf->out);
    size_t k = 0;
    for (size_t x = 0; x < n; x++) {
        uint32_t s = by[x];
        pf->out_off[x] = (uint32_t)k;
        for (uint32_t q = 1; full[s] && q <= full[s][0]; q++) pf->out[k++] = full[s][q];
    }
    pf->out_off[n] = (uint32_t)k;
    size_t nout = n - pf->first_out;
    pf->out_mask = calloc(nout * words + 1, sizeof *pf->out_mask);
    pf->out_minlen = calloc(nout + 1, sizeof *pf->out_minlen);
    for (size_t x = 0; x < nout; x++)
        for (uint32_t o = pf->out_off[pf->first_out + x]; o < pf->out_off[pf->first_out + x + 1]; o++) {
            uint32_t g = pf->out[o];
            pf->out_mask[x * words + g / 64] |= 1ull << (g & 63);
            if (pf->minlen[g] > pf->out_minlen[x]) pf->out_minlen[x] = pf->minlen[g];
        }
    /* The scan's table: 16-bit entries, a column per class, a row per state:
     * a step is an add and one load (col[byte] + state). The scan is bound
     * by the cache, not by the arithmetic: it visits some hundreds of states
     * often, and it follows only a few classes from each (letters, space),
     * so with the columns the entries it reads lie close together, in fewer
     * cache lines than rows of every class took. More states than 16
     * bits hold: no prefilter. */
    if (n <= 0x10000) {
        /* a state's row: its children, else its failure state's row (the
         * failure state is shallower, so filled before it in BFS order;
         * the root's missing children go back to the root) */
        pf->step = calloc(n * pf->ncls + 1, sizeof *pf->step);
        for (size_t qi = 0; qi <= qt; qi++) {
            uint32_t s = qi == 0 ? 0 : queue[qi - 1];
            for (unsigned cl = 0; cl < pf->ncls; cl++)
                pf->step[cl * n + num[s]] = s ? pf->step[cl * n + num[fail[s]]] : (uint16_t)num[0];
            for (uint32_t u = first[s]; u; u = kids[u].next) pf->step[kids[u].cl * n + num[s]] = (uint16_t)num[u];
        }
        for (int c = 0; c < 256; c++) pf->col[c] = pf->cls[c] * (uint32_t)n;
    } else pf->off = true;
    free(num);
    free(by);
    for (size_t i = 0; i < n; i++) { free(term[i]); free(full[i]); }
    free(term); free(full); free(kids); free(first); free(fail); free(queue);
    for (size_t g = 0; g < ng; g++) set_free(&sets[g]);
    free(sets);
    return pf;
}

void ix_prefilter_free(ix_prefilter *pf)
{
    if (!pf) return;
    free(pf->step); free(pf->rmask); free(pf->out_off); free(pf->out); free(pf->minlen);
    free(pf->out_mask); free(pf->out_minlen);
    free(pf);
}

size_t ix_prefilter_groups(const ix_prefilter *pf) { return pf ? pf->ngroups : 0; }

/* ---- per document -------------------------------------------------------- */

enum { CHAINS = 4 };             /* stretches of a document scanned side by side */

/* One group's sorted end offsets of literals. No end is recorded twice:
 * two literals of a group that end at one byte would be one the other's
 * suffix, and set_minimise keeps only the shorter, while a state's output
 * list names each group once. */
typedef struct glist {
    uint32_t *end;
    uint32_t n, cap;
} glist;

/* Per group, its list. */
typedef struct endlists {
    glist *g;
} endlists;

static void endlists_alloc(endlists *L, size_t ngroups) { L->g = calloc(ngroups, sizeof *L->g); }

static void endlists_free(endlists *L, size_t ngroups)
{
    for (size_t g = 0; L->g && g < ngroups; g++) free(L->g[g].end);
    free(L->g);
}

/* Room for at least `want` ends in G (keeping those it has). */
static void glist_reserve(glist *G, uint32_t want)
{
    if (want <= G->cap) return;
    uint32_t cap = G->cap ? G->cap : 8;
    while (cap < want) cap *= 2;
    G->end = ix_xrealloc(G->end, (size_t)cap * sizeof *G->end);
    G->cap = cap;
}

struct ix_pfscan {
    uint64_t id;                 /* which document these lists belong to */
    size_t ngroups;
    endlists ends;               /* the document's */
    endlists part[CHAINS - 1];   /* the other quarters', while scanning */
    size_t *hint;                /* per group: the index the last query found
                                    (queries come in text order, so the next
                                    answer is usually there or just after) */
    size_t *hint_end;            /* the same for the last literal of a window */
    bool *dense;
    const size_t *minlen;        /* the prefilter's, per group */
    bool off;                    /* this document: always run every rule */
    /* Per sentence, a bit per group: does a literal of the group lie inside
     * the sentence (the test ix_prefilter_may makes)? A family's rules are
     * tried on every sentence, and in most sentences no rule of the family
     * has all its literals: ix_prefilter_family_may says so once, instead
     * of each rule finding it out in its own call. */
    uint64_t *smask;
    size_t words;                /* per sentence: (ngroups + 63) / 64 */
    size_t nmask, mask_cap;      /* sentences masked (0: none), capacity */
};

void ix_pfscan_free(ix_pfscan *sc)
{
    if (!sc) return;
    endlists_free(&sc->ends, sc->ngroups);
    for (int c = 0; c < CHAINS - 1; c++) endlists_free(&sc->part[c], sc->ngroups);
    free(sc->hint); free(sc->hint_end); free(sc->dense); free(sc->smask);
    free(sc);
}

static uint64_t next_doc_id(void)
{
    static _Atomic uint64_t ctr;
    return ++ctr;
}

/* U+017F (C5 BF) or U+212A (E2 84 AA) anywhere in t? */
static bool has_ascii_fold(const unsigned char *t, size_t len)
{
    for (const unsigned char *p = t, *end = t + len; (p = memchr(p, 0xC5, (size_t)(end - p))); p++)
        if (p + 1 < end && p[1] == 0xBF) return true;
    for (const unsigned char *p = t, *end = t + len; (p = memchr(p, 0xE2, (size_t)(end - p))); p++)
        if (p + 2 < end && p[1] == 0x84 && p[2] == 0xAA) return true;
    return false;
}

typedef struct scan_state {
    const ix_prefilter *pf;
    ix_pfscan *sc;
    size_t limit, budget, total;
    const ix_sent *sents;        /* NULL: no sentence masks for this document */
    size_t nsent;
} scan_state;

/* One chain of the scan: where its ends go, and the sentence its last end
 * fell in (ends come in text order along a chain). */
typedef struct chain {
    endlists *L;
    size_t si;
} chain;

/* A full list: more room, or false when the group becomes dense. A
 * literal that ends more often than once per 32 bytes filters nothing: its
 * group is dense (always may; every sentence's bit is set after the scan)
 * and its list stops growing. The lists grow while all of them together
 * hold fewer than len/32 + 4096 ends, so they end up holding at most twice
 * that. A dense group's list is left full, so that every end after comes
 * back here, and is turned away. */
static __attribute__((noinline)) bool glist_full(scan_state *S, glist *G, uint32_t g)
{
    ix_pfscan *sc = S->sc;
    if (sc->dense[g]) return false;
    if (G->n >= S->limit || S->total >= S->budget) {
        sc->dense[g] = true;
        return false;
    }
    uint32_t cap0 = G->cap;      /* == G->n: only a full list comes here */
    glist_reserve(G, G->n + 1);
    S->total += G->cap - cap0;
    return true;
}

/* The groups whose literals end at `end` (the automaton is in state st)
 * into the chain's lists, and their bits into the mask of the sentence
 * that holds the end: the bit is set when one of the group's literals may
 * lie inside the sentence [a, b), i.e. a + minlen <= end <= b (the test
 * ix_prefilter_may makes). Setting it here, while the end is at hand, is
 * cheaper than a walk over every group's list afterwards. */
static inline void record(scan_state *S, chain *C, uint32_t st, size_t end)
{
    const ix_prefilter *pf = S->pf;
    ix_pfscan *sc = S->sc;
    endlists *L = C->L;
    uint64_t *mask = NULL;
    size_t from = 0;
    if (S->sents) {
        while (C->si < S->nsent && S->sents[C->si].b < end) C->si++;
        if (C->si < S->nsent) {
            mask = sc->smask + C->si * sc->words;
            from = S->sents[C->si].a;
        }
    }
    uint32_t o0 = pf->out_off[st], oe = pf->out_off[st + 1];
    for (uint32_t o = o0; o < oe; o++) {
        uint32_t g = pf->out[o];
        glist *G = &L->g[g];
        if (G->n == G->cap && !glist_full(S, G, g)) continue;
        G->end[G->n++] = (uint32_t)end;
    }
    if (!mask) return;
    /* every group of the state at once when even its longest shortest
     * literal fits in the sentence before the end (a dense group's bit is
     * set in every sentence anyway) */
    size_t x = st - pf->first_out, W = sc->words;
    if (from + pf->out_minlen[x] <= end) {
        const uint64_t *sm = pf->out_mask + x * W;
        for (size_t w = 0; w < W; w++) mask[w] |= sm[w];
        return;
    }
    for (uint32_t o = o0; o < oe; o++) {
        uint32_t g = pf->out[o];
        if (from + sc->minlen[g] <= end) mask[g / 64] |= 1ull << (g & 63);
    }
}

/* One chain over t[a, b), from state `st`, keeping the ends after lo. */
static void run_one(scan_state *S, chain *C, const unsigned char *t, size_t a, size_t b, uint32_t st, size_t lo)
{
    const uint16_t *step = S->pf->step;
    const uint32_t *col = S->pf->col;
    const uint32_t first_out = S->pf->first_out;
    for (size_t i = a; i < b; i++) {
        st = step[col[t[i]] + st];
        if (st >= first_out && i + 1 > lo) record(S, C, st, i + 1);
    }
}

/* Room for the sentence masks of d, cleared, and the scan told to fill
 * them; none when the sentences are not in order and apart (the segmenter
 * makes them so; if not, every family may). */
static void masks_begin(scan_state *S, ix_pfscan *sc, const ix_doc *d)
{
    size_t ns = d->nsent, W = sc->words;
    for (size_t i = 1; i < ns; i++)
        if (d->sents[i].a < d->sents[i - 1].b) return;
    if (!ns || !W || ns > SIZE_MAX / sizeof *sc->smask / W) return;
    if (ns * W > sc->mask_cap) {
        sc->mask_cap = ns * W;
        sc->smask = ix_xrealloc(sc->smask, sc->mask_cap * sizeof *sc->smask);
    }
    memset(sc->smask, 0, ns * W * sizeof *sc->smask);
    S->sents = d->sents;
    S->nsent = ns;
}

/* After the scan: a dense group, or one with an empty literal (which would
 * end inside two adjacent sentences at once), may be in every sentence. */
static void masks_end(const scan_state *S, ix_pfscan *sc)
{
    if (!S->sents) return;
    size_t W = sc->words;
    for (size_t g = 0; g < sc->ngroups; g++) {
        if (!sc->dense[g] && sc->minlen[g]) continue;
        uint64_t bit = 1ull << (g & 63), *m = sc->smask + g / 64;
        for (size_t i = 0; i < S->nsent; i++) m[i * W] |= bit;
    }
    sc->nmask = S->nsent;
}

void ix_prefilter_scan(const ix_rules *R, ix_scratch *s, ix_doc *d)
{
    const ix_prefilter *pf = R->pf;
    d->pf_id = 0;
    if (!pf || pf->off || !pf->ngroups) return;
    ix_pfscan *sc = s->pf;
    if (!sc) {
        sc = s->pf = calloc(1, sizeof *sc);
        sc->ngroups = pf->ngroups;
        endlists_alloc(&sc->ends, pf->ngroups);
        for (int c = 0; c < CHAINS - 1; c++) endlists_alloc(&sc->part[c], pf->ngroups);
        sc->hint = calloc(pf->ngroups, sizeof *sc->hint);
        sc->hint_end = calloc(pf->ngroups, sizeof *sc->hint_end);
        sc->dense = calloc(pf->ngroups, sizeof *sc->dense);
        sc->words = (pf->ngroups + 63) / 64;
    }
    sc->minlen = pf->minlen;
    sc->nmask = 0;
    sc->id = next_doc_id();
    d->pf_id = sc->id;
    for (size_t g = 0; g < sc->ngroups; g++) sc->ends.g[g].n = 0;
    memset(sc->hint, 0, sc->ngroups * sizeof *sc->hint);
    memset(sc->hint_end, 0, sc->ngroups * sizeof *sc->hint_end);
    memset(sc->dense, 0, sc->ngroups * sizeof *sc->dense);
    const unsigned char *t = (const unsigned char *)d->text;
    size_t len = d->len;
    /* Characters PCRE2 folds onto ASCII letters: the lower-case scan would
     * miss them, so this document runs every rule. */
    sc->off = has_ascii_fold(t, len);
    if (sc->off) return;
    /* Offsets are 32-bit (half the memory); a document of 4 GiB or more
     * runs every rule. The lists hold at most len/32 + 4096 ends (see
     * record), an eighth of the document's size in bytes. */
    if (len >= UINT32_MAX) { sc->off = true; return; }
    scan_state S = {pf, sc, len / 32 + 64, len / 32 + 4096, 0, NULL, 0};
    masks_begin(&S, sc, d);
    /* Four quarters scanned side by side: each byte's step waits on the
     * last one's table load, and independent chains keep the core busy
     * while loads are outstanding (two chains ran 1.7x as fast as one,
     * four 1.3x as fast as two). Chain c keeps the ends in its quarter
     * (lo, hi]; it starts from the root maxlit - 1 bytes before lo, so it
     * sees whole every literal that ends inside. Each chain's ends are
     * appended to the first's after. Only a document whose quarters would
     * be little longer than that overlap is scanned as one chain (with a
     * branch per hit: one news-like document in seven went that way when
     * the bar was at 1.5 kB, and the whole run took 3% longer). */
    size_t back = pf->maxlit ? pf->maxlit - 1 : 0;
    chain ch[CHAINS];
    for (int c = 0; c < CHAINS; c++) ch[c] = (chain){c ? &sc->part[c - 1] : &sc->ends, 0};
    if (len < CHAINS * (back + 64)) {
        run_one(&S, &ch[0], t, 0, len, pf->root, 0);
        masks_end(&S, sc);
        return;
    }
    size_t seg = len / CHAINS, lo[CHAINS], hi[CHAINS], pos[CHAINS];
    for (int c = 0; c < CHAINS; c++) {
        lo[c] = (size_t)c * seg;
        hi[c] = c == CHAINS - 1 ? len : lo[c] + seg;
        pos[c] = c ? lo[c] - back : 0;
        if (c) for (size_t g = 0; g < sc->ngroups; g++) ch[c].L->g[g].n = 0;
    }
    const uint16_t *step = pf->step;
    const uint32_t *col = pf->col;
    const unsigned char *t0 = t + pos[0], *t1 = t + pos[1], *t2 = t + pos[2], *t3 = t + pos[3];
    uint32_t s0 = pf->root, s1 = pf->root, s2 = pf->root, s3 = pf->root, first_out = pf->first_out;
    size_t i = 0, steps = seg;      /* chain 0's whole quarter; the others' rest after */
    /* Branch-free: a step is written down unconditionally and the count
     * advanced when its state has outputs; the groups are looked up after
     * each block. A branch per step with outputs (one byte in eight of news
     * text) was mispredicted often enough to cost more than the table walk. */
    enum { BLOCK = 1024 };
    uint32_t hit[CHAINS][BLOCK];
    while (i < steps) {
        size_t stop = steps - i < BLOCK ? steps : i + BLOCK, i0 = i;
        size_t n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        for (; i < stop; i++) {
            uint32_t off = (uint32_t)(i - i0) << 16;
            s0 = step[col[t0[i]] + s0];
            s1 = step[col[t1[i]] + s1];
            s2 = step[col[t2[i]] + s2];
            s3 = step[col[t3[i]] + s3];
            hit[0][n0] = off | s0;
            n0 += s0 >= first_out;
            hit[1][n1] = off | s1;
            n1 += s1 >= first_out;
            hit[2][n2] = off | s2;
            n2 += s2 >= first_out;
            hit[3][n3] = off | s3;
            n3 += s3 >= first_out;
        }
        size_t nh[CHAINS] = {n0, n1, n2, n3};
        for (int c = 0; c < CHAINS; c++)
            for (size_t h = 0; h < nh[c]; h++) {
                size_t end = pos[c] + i0 + (hit[c][h] >> 16) + 1;
                if (end > lo[c]) record(&S, &ch[c], hit[c][h] & 0xFFFFu, end);
            }
    }
    uint32_t st[CHAINS] = {s0, s1, s2, s3};
    for (int c = 1; c < CHAINS; c++) run_one(&S, &ch[c], t, pos[c] + i, hi[c], st[c], lo[c]);
    masks_end(&S, sc);
    /* append: every later quarter's ends are after every earlier one's */
    endlists *first = &sc->ends;
    for (int c = 1; c < CHAINS; c++)
        for (size_t g = 0; g < sc->ngroups; g++) {
            glist *F = &first->g[g], *B = &ch[c].L->g[g];
            if (sc->dense[g] || !B->n) continue;
            glist_reserve(F, F->n + B->n);
            memcpy(F->end + F->n, B->end, B->n * sizeof *F->end);
            F->n += B->n;
        }
}

/* Is every bit of a (W words) also set in b? */
static inline bool mask_within(const uint64_t *a, const uint64_t *b, size_t W)
{
    size_t w = 0;
    while (w < W && !(a[w] & ~b[w])) w++;
    return w == W;
}

void ix_prefilter_family_init(const ix_prefilter *pf, ix_rule_list *rl)
{
    if (!pf || !pf->rmask) return;
    size_t W = (pf->ngroups + 63) / 64;
    uint64_t *need = calloc(rl->n * W + 1, sizeof *need);
    if (!need) return;
    size_t n = 0;
    for (size_t k = 0; k < rl->n; k++) {
        /* A `continue` rule is tried only where another rule's match
         * ended, so its literals open no sentence to the family: with
         * them, one whose only need is a number (list-next-elliptic) let
         * the family run on every sentence with a digit. */
        if (rl->r[k]->anchored_continue) continue;
        const uint64_t *rm = rl->r[k]->pfmask;
        if (!rm || !rl->r[k]->npf) { rl->always = true; continue; }
        /* a set that holds one kept already adds nothing; one it holds
         * replaces it */
        bool covered = false;
        for (size_t j = 0; j < n && !covered; j++) covered = mask_within(need + j * W, rm, W);
        if (covered) continue;
        for (size_t j = 0; j < n;) {
            if (mask_within(rm, need + j * W, W)) memmove(need + j * W, need + (j + 1) * W, (--n - j) * W * sizeof *need);
            else j++;
        }
        memcpy(need + n++ * W, rm, W * sizeof *need);
    }
    rl->need = need;
    rl->nneed = n;
}

bool ix_prefilter_family_may(ix_scratch *s, const ix_doc *d, const ix_rule_list *rl, size_t si)
{
    ix_pfscan *sc = s->pf;
    if (!d->pf_id || !sc || sc->id != d->pf_id || sc->off || sc->nmask != d->nsent || si >= sc->nmask) return true;
    /* needs not worked out (a list not from the rules' families): any rule may */
    if (!rl->need) return rl->n > 0;
    if (rl->always) return true;
    const uint64_t *m = sc->smask + si * sc->words;
    for (size_t k = 0; k < rl->nneed; k++)
        if (mask_within(rl->need + k * sc->words, m, sc->words)) return true;
    return false;
}

/* The first index of e[0, n) (sorted) whose value is at least `want`, by
 * bisection; *hint is set to it. */
static __attribute__((noinline)) size_t first_atleast_search(const uint32_t *e, size_t n, size_t want, size_t *hint)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid] < want) lo = mid + 1;
        else hi = mid;
    }
    *hint = lo;
    return lo;
}

/* The same, looked for first at *hint and one step after it: queries come
 * in text order, so the answer is usually there. */
static inline size_t first_atleast(const uint32_t *e, size_t n, size_t want, size_t *hint)
{
    size_t h = *hint;
    if (h <= n && (h == n || e[h] >= want) && (h == 0 || e[h - 1] < want)) return h;
    if (h < n && e[h] < want && (h + 1 == n || e[h + 1] >= want)) return *hint = h + 1;
    return first_atleast_search(e, n, want, hint);
}

/* Where the last literal of each of the rule's sets in [a, b) bounds the
 * start of a match: it starts at or before its literal (or, for a literal
 * seen by a lookbehind, at most `lookbehind` bytes after it). Out of line:
 * only the few windows that pass need it. */
static __attribute__((noinline)) size_t last_start_in(ix_pfscan *sc, const ix_rule *rule, size_t b)
{
    size_t bound = SIZE_MAX;
    for (int k = 0; k < rule->npf; k++) {
        size_t g = (size_t)rule->pfg[k];
        if (sc->dense[g]) continue;
        const uint32_t *e = sc->ends.g[g].end;
        size_t hi = first_atleast(e, sc->ends.g[g].n, b + 1, &sc->hint_end[g]);
        size_t last = e[hi - 1] - sc->minlen[g] + rule->lookbehind;
        if (last < bound) bound = last;
    }
    return bound;
}

bool ix_prefilter_may(ix_scratch *s, const ix_doc *d, const ix_rule *rule, size_t a, size_t b, size_t *last_start)
{
    if (last_start) *last_start = SIZE_MAX;
    ix_pfscan *sc = s->pf;
    if (!rule->npf || !d->pf_id || !sc || sc->id != d->pf_id || sc->off) return true;
    /* Is there, for each set, an end offset e with a + minlen <= e <= b?
     * For most windows and rules there is not: this loop is all they cost. */
    for (int k = 0; k < rule->npf; k++) {
        size_t g = (size_t)rule->pfg[k];
        if (sc->dense[g]) continue;
        size_t n = sc->ends.g[g].n;
        const uint32_t *e = sc->ends.g[g].end;
        size_t lo = first_atleast(e, n, a + sc->minlen[g], &sc->hint[g]);
        if (lo == n || e[lo] > b) return false;
    }
    if (last_start) *last_start = last_start_in(sc, rule, b);
    return true;
}

/* ---- for tests and `inspex rules --list` --------------------------------- */

size_t ix_rules_unfiltered(const ix_rules *R, FILE *out)
{
    const ix_prefilter *pf = R->pf;
    /* prefilter switched off (INSPEX_NO_PREFILTER): every rule runs anyway */
    if (!pf || pf->off) return 0;
    size_t n = 0;
    for (size_t i = 0; i < R->nrules; i++) {
        const ix_rule *rule = &R->rules[i];
        if (rule->unscanned || rule->npf) continue;
        n++;
        if (out)
            fprintf(out,
                    "%s:%d: rule %s has no literal that every match must hold, so it runs on every "
                    "sentence (an alternation of more than %d words counts as none); shorten it, or put "
                    "\"prefilter off\" above it if that is meant\n",
                    rule->file, rule->line, rule->name, SET_CAP);
    }
    return n;
}

char *ix_prefilter_describe(const char *regex)
{
    dcache cache = {0};
    needs N = derive(regex, &cache);
    dcache_free(&cache);
    if (!N.n) return NULL;
    ix_buf b = {0};
    for (int k = 0; k < N.n; k++) {
        if (k) ix_buf_puts(&b, " & ");
        for (size_t i = 0; i < N.s[k].n; i++) {
            if (i) ix_buf_putc(&b, '|');
            ix_buf_put(&b, N.s[k].v[i].s, N.s[k].v[i].n);
        }
    }
    needs_free(&N);
    return ix_buf_take(&b);
}
