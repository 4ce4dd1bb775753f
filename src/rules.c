/* rules.c — patterns/ -> compiled rules, macros and lookup tables.
 *
 * Consumes the directory of rule files. Produces an ix_rules that every
 * extractor reads (read-only, so threads share it).
 *
 * File format (see patterns/README.md for the manual):
 *   *.tsv                 a table: "phrase<TAB>value" per line; name = stem
 *   *.pat                 rules, one directive per line:
 *     # ...               comment
 *     family NAME         the extractor the following rules feed
 *     define NAME REGEX   macro; {NAME} later expands to (?:REGEX)
 *     prefilter off|on    the rules after it (to the end of the file) are
 *                         (not) left out of the literal prefilter
 *     words NAME a | b    macro matching any of the phrases (escaped,
 *                         longest first, space/hyphen interchangeable),
 *                         written as a trie: each character tried once;
 *                         "words NAME @table" takes a table's phrases;
 *                         "words -i NAME ..." matches them in any case
 *   A macro becomes a PCRE2 subroutine: {NAME} is (?&NAME) and its body is
 *   matched with the flags written in its own definition — an (?i) around
 *   the call does not reach inside, so say -i or (?i:...) where it is meant.
 *     rule NAME           a rule; its indented lines follow:
 *       match REGEX       the regex (several match lines are concatenated)
 *       set FIELD VALUE   a constant field of the records it makes
 *       continue          tried only right after a previous match
 *       yes TEXT [=> f=v; f=v]   an example it must produce (with fields)
 *       no TEXT           an example it must not produce a record for
 * Errors read "patterns/ratings.pat:12:7: message".
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <nettle/sha2.h>
#include "internal.h"

/* Limits for untrusted text: a rule may not spend more than this on one
 * subject. JIT ignores depth/heap limits, so the match limit and the bounded
 * subjects (sentences, paragraphs) carry the weight. */
#define IX_MATCH_LIMIT 200000u
#define IX_DEPTH_LIMIT 5000u
#define IX_HEAP_LIMIT  (16u * 1024u)   /* KiB */
/* A rule that hits a limit this often in one document is not run on the
 * rest of it: each hit costs the whole match limit (about half a
 * millisecond), and a document of many similar paragraphs would otherwise
 * pay it on every one. */
#define IX_LIMIT_HITS_PER_RULE 8u
/* Searches longer than this are made in windows (see ix_rule_match). */
#define IX_WINDOW 2048u
#define IX_WINDOW_OVERLAP 512u
#define IX_LONG_WINDOWS 64u

struct ix_family {
    const char *name;         /* borrowed from the first rule of the family */
    ix_rule_list list;
};

/* The names of the families and tables the extractors use by number. */
#define IX_ID_NAME(id, name) [id] = name,
static const char *const ix_fam_names[IX_NFAM] = {IX_FAMILIES(IX_ID_NAME)};
static const char *const ix_tab_names[IX_NTAB] = {IX_TABLES(IX_ID_NAME)};
#undef IX_ID_NAME

typedef struct loader {
    ix_rules *R;
    const char *file;        /* display path */
    int line;
    char *family;
    bool unscanned;          /* "prefilter off" seen in this file */
    ix_err *e;
} loader;

static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = ix_xmalloc(la + lb + 2);
    memcpy(p, a, la);
    size_t k = la;
    if (k && p[k - 1] != '/') p[k++] = '/';
    memcpy(p + k, b, lb + 1);
    return p;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    ix_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) ix_buf_put(&b, tmp, k);
    int bad = ferror(f);
    fclose(f);
    if (bad) { ix_buf_free(&b); return NULL; }
    if (len) *len = b.len;
    return ix_buf_take(&b);
}

/* ---- tables -------------------------------------------------------------- */

/* The lookup key of (s, len) into out, which has room for len + 1 bytes
 * (a key is never longer than its phrase); returns its length. */
static size_t lookup_key_into(const char *s, size_t len, char *out)
{
    size_t n = 0;
    bool sp = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' ) continue;
        if (c == '\'' && (i == 0 || i + 1 == len || !ix_is_alpha(s[i - 1]) || !ix_is_alpha(s[i + 1]))) continue;
        if (ix_is_space(c) || c == '-') { sp = n > 0; continue; }
        if (sp) { out[n++] = ' '; sp = false; }
        out[n++] = (char)(ix_is_upper(c) ? c + 32 : c);
    }
    out[n] = 0;
    return n;
}

char *ix_lookup_key(const char *s, size_t len)
{
    char *k = ix_xmalloc(len + 1);
    lookup_key_into(s, len, k);
    return k;
}

static uint32_t key_hash(const char *k, size_t n)
{
    uint32_t h = 2166136261u;                 /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h;
}

typedef struct { size_t len, row; } lenrow;
static int by_len(const void *x, const void *y)
{
    const lenrow *a = x, *b = y;
    if (a->len != b->len) return a->len < b->len ? 1 : -1;
    return a->row < b->row ? -1 : a->row > b->row;
}

/* Builds the table's lookup index: every row's key, hashed. Rows whose key
 * is already there are left out, so the first row wins, as before. */
static void index_table(ix_table *t)
{
    t->lkey = ix_xmalloc((t->n + 1) * sizeof *t->lkey);
    t->nslot = 16;
    while (t->nslot < t->n * 2 + 2) t->nslot *= 2;
    t->slot = calloc(t->nslot, sizeof *t->slot);
    t->eslot = calloc(t->nslot, sizeof *t->eslot);
    t->klen = ix_xmalloc((t->n + 1) * sizeof *t->klen);
    for (size_t i = 0; i < t->n; i++) {
        t->klen[i] = strlen(t->key[i]);
        t->first[(unsigned char)t->key[i][0]] = true;
        for (size_t h = key_hash(t->key[i], t->klen[i]) & (t->nslot - 1);; h = (h + 1) & (t->nslot - 1)) {
            if (!t->eslot[h]) { t->eslot[h] = (uint32_t)i + 1; break; }
            if (!strcmp(t->key[t->eslot[h] - 1], t->key[i])) break;
        }
    }
    /* longest first, for phrase tables whose longer rows contain shorter
     * ones ("looked-after children and care leavers", "care leavers") */
    lenrow *lr = ix_xmalloc((t->n + 1) * sizeof *lr);
    for (size_t i = 0; i < t->n; i++) lr[i] = (lenrow){t->klen[i], i};
    qsort(lr, t->n, sizeof *lr, by_len);
    t->bylen = ix_xmalloc((t->n + 1) * sizeof *t->bylen);
    for (size_t i = 0; i < t->n; i++) t->bylen[i] = lr[i].row;
    free(lr);
    for (size_t i = 0; i < t->n; i++) {
        size_t l = strlen(t->key[i]);
        t->lkey[i] = ix_xmalloc(l + 1);
        size_t kl = lookup_key_into(t->key[i], l, t->lkey[i]);
        for (size_t h = key_hash(t->lkey[i], kl) & (t->nslot - 1);; h = (h + 1) & (t->nslot - 1)) {
            if (!t->slot[h]) { t->slot[h] = (uint32_t)i + 1; break; }
            if (!strcmp(t->lkey[t->slot[h] - 1], t->lkey[i])) break;
        }
    }
}

const ix_table *ix_rules_table(const ix_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (!strcmp(r->tables[i].name, name)) return &r->tables[i];
    return NULL;
}

bool ix_table_has(const ix_table *t, const char *s, size_t len)
{
    if (!t || !t->n || !t->eslot) return false;
    for (size_t h = key_hash(s, len) & (t->nslot - 1); t->eslot[h]; h = (h + 1) & (t->nslot - 1)) {
        size_t r = t->eslot[h] - 1;
        if (t->klen[r] == len && !memcmp(t->key[r], s, len)) return true;
    }
    return false;
}

const char *ix_table_get(const ix_table *t, const char *s, size_t len)
{
    if (!t || !t->n) return NULL;
    /* One key, on the stack when it fits, compared with the hashed rows:
     * no allocation per lookup (this runs per candidate in extractors). */
    char small[256], *k = len < sizeof small ? small : ix_xmalloc(len + 1);
    size_t kl = lookup_key_into(s, len, k);
    const char *v = NULL;
    if (t->slot) {
        for (size_t h = key_hash(k, kl) & (t->nslot - 1); t->slot[h]; h = (h + 1) & (t->nslot - 1))
            if (!strcmp(t->lkey[t->slot[h] - 1], k)) { v = t->val[t->slot[h] - 1]; break; }
    } else {
        for (size_t i = 0; i < t->n && !v; i++) {
            char *k2 = ix_lookup_key(t->key[i], strlen(t->key[i]));
            if (!strcmp(k, k2)) v = t->val[i];
            free(k2);
        }
    }
    if (k != small) free(k);
    return v;
}

/* A grade phrase with its owner ("Ofsted's highest rating", "the
 * watchdog's lowest grade") or with none, a rule having taken its "the"
 * ("gave the council the highest possible rating"), means what it does
 * with "the": grades.tsv lists the phrases once, with "the". */
const char *ix_grade_get(const ix_table *grades, const char *s, size_t len)
{
    const char *v = ix_table_get(grades, s, len);
    if (v || len > 200) return v;
    const char *ap = ix_memfind(s, len, "'s ", 3);
    const char *rest = ap ? ap + 3 : s;
    size_t rl = len - (size_t)(rest - s);
    if (!ap && (rl < 4 || !strncasecmp(s, "the ", 4))) return NULL;
    char buf[208];
    memcpy(buf, "the ", 4);
    memcpy(buf + 4, rest, rl);
    return ix_table_get(grades, buf, rl + 4);
}

static int load_table(loader *L, const char *path, const char *name)
{
    size_t len;
    char *txt = read_file(path, &len);
    if (!txt) { ix_err_set(L->e, "%s: cannot read: %s", path, strerror(errno)); return -1; }
    ix_rules *R = L->R;
    R->tables = ix_xrealloc(R->tables, (R->ntables + 1) * sizeof *R->tables);
    ix_table *t = &R->tables[R->ntables++];
    memset(t, 0, sizeof *t);
    t->name = ix_xstrdup(name);
    t->path = ix_xstrdup(path);
    size_t cap = 0;
    int lineno = 0;
    for (char *ln = txt, *nx; ln && *ln; ln = nx) {
        nx = strchr(ln, '\n');
        if (nx) *nx++ = 0;
        lineno++;
        size_t l = strlen(ln);
        if (l && ln[l - 1] == '\r') ln[--l] = 0;
        if (!l || ln[0] == '#') continue;
        char *tab = strchr(ln, '\t');
        if (tab) *tab = 0;
        if (t->n == cap) {
            cap = cap ? cap * 2 : 64;
            t->key = ix_xrealloc(t->key, cap * sizeof *t->key);
            t->val = ix_xrealloc(t->val, cap * sizeof *t->val);
            t->line = ix_xrealloc(t->line, cap * sizeof *t->line);
        }
        t->line[t->n] = lineno;
        t->key[t->n] = ix_xstrdup(ln);
        t->val[t->n] = ix_xstrdup(tab ? tab + 1 : "");
        t->n++;
    }
    free(txt);
    index_table(t);
    return 0;
}


/* ---- macros -------------------------------------------------------------- */

/* Where the pieces of a regex source came from: a rule's regex is the
 * concatenation of its match lines, so an offset into it is turned back
 * into the FILE:LINE:COL of the line that holds it. */
typedef struct srcseg {
    size_t off;          /* offset of the piece in the regex source */
    int line, col0;      /* its line, and the 0-based column where it starts */
} srcseg;

typedef struct srcmap {
    srcseg *seg;
    size_t nseg, cap;
    /* macro references: expanded [xa, xb) came from source [sa, sb) */
    struct { size_t xa, xb, sa, sb; long k; } *mac;
    size_t nmac, maccap;
} srcmap;

static void srcmap_seg(srcmap *m, size_t off, int line, int col0)
{
    if (m->nseg == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4;
        m->seg = ix_xrealloc(m->seg, m->cap * sizeof *m->seg);
    }
    m->seg[m->nseg++] = (srcseg){off, line, col0};
}

static void srcmap_free(srcmap *m)
{
    free(m->seg);
    free(m->mac);
    memset(m, 0, sizeof *m);
}

/* Line and 1-based column of source offset `off`. */
static void srcmap_at(const srcmap *m, size_t off, int *line, int *col)
{
    size_t i = 0;
    while (i + 1 < m->nseg && m->seg[i + 1].off <= off) i++;
    *line = m->nseg ? m->seg[i].line : 0;
    *col = m->nseg ? m->seg[i].col0 + (int)(off - m->seg[i].off) + 1 : 1;
}

/* Source offset of expanded offset `x` (a place inside a reference is the
 * place of its {NAME}). */
static size_t srcmap_unexpand(const srcmap *m, size_t x)
{
    long shift = 0;
    for (size_t i = 0; i < m->nmac; i++) {
        if (x < m->mac[i].xa) break;
        if (x < m->mac[i].xb) return m->mac[i].sa;
        shift += (long)(m->mac[i].xb - m->mac[i].xa) - (long)(m->mac[i].sb - m->mac[i].sa);
    }
    return (size_t)((long)x - shift);
}

/* Rewrites {NAME} references to PCRE2 subroutine calls (?&NAME) and marks
 * each macro used. The macro bodies go once into a (?(DEFINE)...) block at
 * the end of the rule, so a macro used ten times costs its size once.
 * Subroutine calls backtrack like inline groups (PCRE2 >= 10.30). Returns
 * NULL with an error naming the line and column (from `m`, which also
 * records where each reference was) of an unknown macro. */
static char *expand(loader *L, const char *src, srcmap *m, bool *used)
{
    ix_buf b = {0};
    for (const char *p = src; *p;) {
        if (*p == '\\' && p[1]) { ix_buf_put(&b, p, 2); p += 2; continue; }
        if (*p == '{' && ix_is_upper(p[1])) {
            const char *q = p + 1;
            while (ix_is_upper(*q) || ix_is_digit(*q) || *q == '_') q++;
            if (*q == '}') {
                long k = -1;
                for (size_t i = 0; i < L->R->nmacros; i++)
                    if (strlen(L->R->macros[i].name) == (size_t)(q - p - 1) &&
                        !memcmp(L->R->macros[i].name, p + 1, (size_t)(q - p - 1))) k = (long)i;
                if (k < 0) {
                    int line, col;
                    srcmap_at(m, (size_t)(p - src), &line, &col);
                    ix_err_set(L->e, "%s:%d:%d: unknown macro {%.*s}", L->file, line, col,
                               (int)(q - p - 1), p + 1);
                    ix_buf_free(&b);
                    return NULL;
                }
                if (used) used[k] = true;
                size_t xa = b.len;
                ix_buf_puts(&b, "(?&");
                ix_buf_put(&b, p + 1, (size_t)(q - p - 1));
                ix_buf_putc(&b, ')');
                if (m->nmac == m->maccap) {
                    m->maccap = m->maccap ? m->maccap * 2 : 8;
                    m->mac = ix_xrealloc(m->mac, m->maccap * sizeof *m->mac);
                }
                m->mac[m->nmac].xa = xa;
                m->mac[m->nmac].xb = b.len;
                m->mac[m->nmac].sa = (size_t)(p - src);
                m->mac[m->nmac].sb = (size_t)(q + 1 - src);
                m->mac[m->nmac].k = k;
                m->nmac++;
                p = q + 1;
                continue;
            }
        }
        ix_buf_putc(&b, *p++);
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

/* Marks every macro reachable from the used ones (bodies are stored with
 * their references already rewritten, so a scan for "(?&" finds them). */
static void close_used(const ix_rules *R, bool *used)
{
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < R->nmacros; i++) {
            if (!used[i]) continue;
            for (const char *p = strstr(R->macros[i].body, "(?&"); p; p = strstr(p + 3, "(?&")) {
                const char *q = strchr(p, ')');
                for (size_t k = 0; q && k < R->nmacros; k++)
                    if (!used[k] && strlen(R->macros[k].name) == (size_t)(q - p - 3) &&
                        !memcmp(R->macros[k].name, p + 3, (size_t)(q - p - 3))) { used[k] = true; more = true; }
            }
        }
    }
}

static void add_macro(ix_rules *R, const char *name, char *body)
{
    for (size_t i = 0; i < R->nmacros; i++)
        if (!strcmp(R->macros[i].name, name)) { free(R->macros[i].body); R->macros[i].body = body; return; }
    R->macros = ix_xrealloc(R->macros, (R->nmacros + 1) * sizeof *R->macros);
    R->macros[R->nmacros].name = ix_xstrdup(name);
    R->macros[R->nmacros].body = body;
    R->nmacros++;
}

/* ---- phrase lists as a trie-shaped regex ----------------------------------- */

static int cmp_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static size_t char_len(const char *p)
{
    unsigned char c = (unsigned char)*p;
    size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < k; i++)
        if (!p[i]) return i;
    return k;
}

static void put_char(ix_buf *b, const char *p, size_t k, const char *escape, bool space_dash)
{
    if (k == 1 && space_dash && *p == ' ') { ix_buf_puts(b, "[ -]"); return; }
    if (k == 1 && strchr(escape, *p)) ix_buf_putc(b, '\\');
    ix_buf_put(b, p, k);
}

/* Phrases [lo, hi) share their first d bytes; writes what follows. Sorted
 * bytewise, a phrase that ends at d comes first. */
static void trie_emit(ix_buf *b, char **w, size_t lo, size_t hi, size_t d, const char *escape, bool space_dash)
{
    bool terminal = lo < hi && !w[lo][d];
    if (terminal) lo++;
    size_t ngroups = 0;
    for (size_t i = lo; i < hi;) {
        size_t k = char_len(w[i] + d), j = i + 1;
        while (j < hi && !strncmp(w[j] + d, w[i] + d, k)) j++;
        ngroups++;
        i = j;
    }
    if (!ngroups) return;
    bool group = ngroups > 1 || terminal;
    if (group) ix_buf_puts(b, "(?:");
    for (size_t i = lo, g = 0; i < hi; g++) {
        size_t k = char_len(w[i] + d), j = i + 1;
        while (j < hi && !strncmp(w[j] + d, w[i] + d, k)) j++;
        if (g) ix_buf_putc(b, '|');
        put_char(b, w[i] + d, k, escape, space_dash);
        trie_emit(b, w, i, j, d + k, escape, space_dash);
        i = j;
    }
    if (group) ix_buf_puts(b, terminal ? ")?" : ")");
}

void ix_regex_phrases(ix_buf *out, const char *const *phrases, size_t n, const char *escape, unsigned flags)
{
    /* Folded copies: the trie groups phrases by their characters as they
     * will be matched, so two spellings one pattern matches alike ("one
     * off", "one-off"; "Sir", "sir" under (?i)) become one phrase, and
     * every phrase that can match at a position lies on one path from the
     * root: longest first holds for them too. */
    char **w = ix_xmalloc((n + 1) * sizeof *w);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!phrases[i][0]) continue;
        char *c = ix_xstrdup(phrases[i]);
        for (char *p = c; *p; p++) {
            if ((flags & IX_PHRASES_SPACE_DASH) && *p == '-') *p = ' ';
            if ((flags & IX_PHRASES_CASELESS) && ix_is_upper(*p)) *p = (char)(*p + 32);
        }
        w[m++] = c;
    }
    qsort(w, m, sizeof *w, cmp_bytes);
    size_t u = 0;                                 /* drop duplicates */
    for (size_t i = 0; i < m; i++) {
        if (!u || strcmp(w[u - 1], w[i])) w[u++] = w[i];
        else free(w[i]);
    }
    ix_buf_puts(out, "(?:");
    trie_emit(out, w, 0, u, 0, escape, flags & IX_PHRASES_SPACE_DASH);
    ix_buf_putc(out, ')');
    for (size_t i = 0; i < u; i++) free(w[i]);
    free(w);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t l = strlen(s);
    while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r')) s[--l] = 0;
    return s;
}

static int directive_words(loader *L, char *rest)
{
    /* "words -i NAME ..." matches the phrases in any case. */
    bool caseless = !strncmp(rest, "-i ", 3);
    if (caseless) rest = trim(rest + 3);
    char *name = rest;
    char *sp = strpbrk(rest, " \t");
    if (!sp) { ix_err_set(L->e, "%s:%d:1: words needs a NAME and phrases", L->file, L->line); return -1; }
    *sp = 0;
    char *list = trim(sp + 1);
    char **w = NULL;
    size_t n = 0;
    if (list[0] == '@') {
        const ix_table *t = ix_rules_table(L->R, list + 1);
        if (!t) { ix_err_set(L->e, "%s:%d:%d: no table '%s' (patterns/%s.tsv)", L->file, L->line,
                             (int)(list - rest) + 7, list + 1, list + 1); return -1; }
        w = ix_xmalloc((t->n + 1) * sizeof *w);
        for (size_t i = 0; i < t->n; i++) w[n++] = t->key[i];
    } else {
        w = ix_xmalloc((strlen(list) / 2 + 2) * sizeof *w);
        char *save = NULL;
        for (char *p = strtok_r(list, "|", &save); p; p = strtok_r(NULL, "|", &save)) {
            p = trim(p);
            if (*p) w[n++] = p;
        }
    }
    if (!n) { free(w); ix_err_set(L->e, "%s:%d:1: words %s: empty list", L->file, L->line, name); return -1; }
    /* A trie, not an alternation: PCRE2 tries an alternation's phrases one
     * after another at every position it is called at (number words at
     * every word of a sentence); the trie tests each character once and
     * still matches what the alternation sorted longest first would. */
    ix_buf b = {0};
    if (caseless) ix_buf_puts(&b, "(?i:");
    ix_regex_phrases(&b, (const char *const *)w, n, "\\^$.|?*+()[]{}/",
                     IX_PHRASES_SPACE_DASH | (caseless ? IX_PHRASES_CASELESS : 0));
    if (caseless) ix_buf_putc(&b, ')');
    ix_buf_grow(&b, 0);
    add_macro(L->R, name, ix_buf_take(&b));
    free(w);
    return 0;
}

/* ---- rules --------------------------------------------------------------- */

/* The expanded regex `x` followed by a (?(DEFINE)...) block holding every
 * macro it uses, directly or through other macros. Takes `x`, returns the
 * full regex (malloc'd). */
static char *with_defines(const ix_rules *R, char *x, bool *used)
{
    close_used(R, used);
    ix_buf full = {0};
    ix_buf_puts(&full, x);
    free(x);
    bool any = false;
    for (size_t i = 0; i < R->nmacros; i++) {
        if (!used[i]) continue;
        ix_buf_puts(&full, any ? "" : "(?(DEFINE)");
        any = true;
        ix_buf_puts(&full, "(?<");
        ix_buf_puts(&full, R->macros[i].name);
        ix_buf_putc(&full, '>');
        ix_buf_puts(&full, R->macros[i].body);
        ix_buf_putc(&full, ')');
    }
    if (any) ix_buf_putc(&full, ')');
    return ix_buf_take(&full);
}

/* Compiles `x`; on failure fills L->e with FILE:LINE:COL of the PCRE2 error
 * offset mapped back through `m` (past the expanded text `xlen`: the end of
 * the source `srclen`) and returns NULL. `what` names the rule or macro. */
static pcre2_code *compile_at(loader *L, const char *x, size_t xlen, const srcmap *m, size_t srclen,
                              const char *what)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)x, PCRE2_ZERO_TERMINATED, IX_RULE_OPTIONS, &ec, &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        int line, col;
        srcmap_at(m, eo < xlen ? srcmap_unexpand(m, eo) : srclen, &line, &col);
        ix_err_set(L->e, "%s:%d:%d: %s: %s (at offset %zu of the expanded regex)", L->file, line, col, what,
                   (char *)msg, (size_t)eo);
    }
    return code;
}

/* `x` (a rule's regex before its DEFINE block is added) with every macro
 * call written out as a group, macros inside macros too (each in (?^:...),
 * so that it runs with the options a call would have). Subroutine calls
 * cost a frame each in JIT code: the number macros (CARD, NUMWORD, QUANT)
 * are called at every word and ran a third slower as calls. Returns NULL
 * when the result would pass `cap` bytes (PCRE2 caps a compiled pattern,
 * and a large one costs more to run than the calls save) or macros nest
 * deeper than 32. */
static bool inline_into(const ix_rules *R, ix_buf *b, const char *x, size_t cap, int depth)
{
    if (depth > 32) return false;
    for (const char *p = x; *p;) {
        if (b->len > cap) return false;
        if (*p == '\\' && p[1]) { ix_buf_put(b, p, 2); p += 2; continue; }
        if (!strncmp(p, "(?&", 3)) {
            const char *q = strchr(p + 3, ')');
            size_t k = R->nmacros;
            for (size_t i = 0; q && i < R->nmacros && k == R->nmacros; i++)
                if (strlen(R->macros[i].name) == (size_t)(q - p - 3) && !memcmp(R->macros[i].name, p + 3, (size_t)(q - p - 3)))
                    k = i;
            if (k == R->nmacros) return false;
            /* (?^: the options at the DEFINE block, where a call would
             * run the body: a (?i: around the call must not reach into it */
            ix_buf_puts(b, "(?^:");
            if (!inline_into(R, b, R->macros[k].body, cap, depth + 1)) return false;
            ix_buf_putc(b, ')');
            p = q + 1;
            continue;
        }
        ix_buf_putc(b, *p++);
    }
    return b->len <= cap;
}

/* A rule is also left as calls when writing its macros out makes it more
 * than INLINE_GROWTH times as long as with calls: a macro that calls
 * others several times over (QUANT: five forms of a number, CARD in each,
 * NUMWORD in each CARD) multiplies, and the JIT compiles every copy. One
 * such rule, a list's continuation that is tried only after a figure, was
 * 5.7 times as long written out, 184 KB of machine code against 31 KB, and
 * took longer to compile than all its matches on 20 MB of dense text took
 * to run. The next largest growth among the rules is 1.9. */
enum { INLINE_CAP = 12000, INLINE_GROWTH = 4 };

static int compile_rule(loader *L, ix_rule *rule, ix_buf *src, srcmap *m)
{
    if (!src->len) { ix_err_set(L->e, "%s:%d:1: rule %s has no match line", L->file, rule->line, rule->name); return -1; }
    bool *used = calloc(L->R->nmacros + 1, sizeof *used);
    char *x = expand(L, src->s, m, used);
    if (!x) { free(used); return -1; }
    size_t xlen = strlen(x);
    ix_buf in = {0};
    bool inlined = inline_into(L->R, &in, x, INLINE_CAP, 0);
    /* Macro bodies were checked where they were defined, so an error here
     * is in the rule's own text. */
    rule->regex = with_defines(L->R, x, used);
    free(used);
    if (inlined && in.len <= INLINE_GROWTH * strlen(rule->regex)) {
        ix_buf_grow(&in, 0);
        rule->inlined = ix_buf_take(&in);
    } else ix_buf_free(&in);
    /* The inlined regex is the same regex: when it compiles, so does the
     * other. Only when it does not (too large now, or an error) is the
     * form with the DEFINE block compiled, whose errors map back to the
     * rule's text. */
    if (rule->inlined) {
        int ec;
        PCRE2_SIZE eo;
        rule->code = pcre2_compile((PCRE2_SPTR)rule->inlined, PCRE2_ZERO_TERMINATED, IX_RULE_OPTIONS, &ec, &eo, NULL);
        if (!rule->code) {
            free(rule->inlined);
            rule->inlined = NULL;
        }
    }
    if (!rule->code) {
        char what[300];
        snprintf(what, sizeof what, "rule %s", rule->name);
        rule->code = compile_at(L, rule->regex, xlen, m, src->len, what);
        if (!rule->code) return -1;
    }
    uint32_t lb = 0;
    pcre2_pattern_info(rule->code, PCRE2_INFO_MAXLOOKBEHIND, &lb);
    rule->lookbehind = (size_t)lb * 4;
    pcre2_pattern_info(rule->code, PCRE2_INFO_NAMECOUNT, &rule->nnames);
    pcre2_pattern_info(rule->code, PCRE2_INFO_NAMEENTRYSIZE, &rule->name_esz);
    pcre2_pattern_info(rule->code, PCRE2_INFO_NAMETABLE, &rule->names);
    return 0;
}

/* "define NAME REGEX" at the current line: expands the body and checks that
 * it compiles on its own, so a broken macro is reported at its definition
 * and not at some rule that happens to use it. Returns the expanded body,
 * or NULL with an error. */
static char *define_macro(loader *L, const char *name, const char *def, int col0)
{
    srcmap dm = {0};
    srcmap_seg(&dm, 0, L->line, col0);
    bool *used = calloc(L->R->nmacros + 1, sizeof *used);
    char *body = expand(L, def, &dm, used);
    if (body) {
        size_t bl = strlen(body);
        char *full = with_defines(L->R, ix_xstrdup(body), used);
        char what[300];
        snprintf(what, sizeof what, "macro {%s}", name);
        pcre2_code *code = compile_at(L, full, bl, &dm, strlen(def), what);
        if (code) pcre2_code_free(code);
        else { free(body); body = NULL; }
        free(full);
    }
    free(used);
    srcmap_free(&dm);
    return body;
}

static int load_pat(loader *L, const char *path, const char *display)
{
    size_t len;
    char *txt = read_file(path, &len);
    if (!txt) { ix_err_set(L->e, "%s: cannot read: %s", display, strerror(errno)); return -1; }
    L->file = display;
    free(L->family);
    L->family = NULL;
    L->unscanned = false;
    char stem[256];
    const char *base = strrchr(display, '/');
    base = base ? base + 1 : display;
    snprintf(stem, sizeof stem, "%s", base);
    char *dot = strrchr(stem, '.');
    if (dot) *dot = 0;

    ix_rules *R = L->R;
    ix_rule *cur = NULL;
    ix_buf src = {0};
    srcmap sm = {0};
    int rc = 0;
    char *p = txt;
    L->line = 0;
    while (p && *p && !rc) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        L->line++;
        char *raw = p;
        p = nl ? nl + 1 : NULL;
        bool indented = raw[0] == ' ' || raw[0] == '\t';
        char *ln = trim(raw);
        if (!*ln || ln[0] == '#') continue;
        char *arg = ln;
        while (*arg && *arg != ' ' && *arg != '\t') arg++;
        size_t kwlen = (size_t)(arg - ln);
        if (*arg) *arg++ = 0;
        arg = trim(arg);
        int argcol = (int)(arg - raw) + 1;
        if (!indented && cur) {                 /* a rule ends at the next top-level line */
            rc = compile_rule(L, cur, &src, &sm);
            cur = NULL;
            src.len = 0;
            srcmap_free(&sm);
            if (rc) break;
        }
        if (!indented) {
            if (!strcmp(ln, "family")) {
                free(L->family);
                L->family = ix_xstrdup(arg);
            } else if (!strcmp(ln, "define")) {
                char *sp = strpbrk(arg, " \t");
                if (!sp) { ix_err_set(L->e, "%s:%d:%d: define needs NAME REGEX", L->file, L->line, argcol); rc = -1; break; }
                *sp = 0;
                char *def = trim(sp + 1);
                char *body = define_macro(L, arg, def, (int)(def - raw));
                if (!body) { rc = -1; break; }
                add_macro(R, arg, body);
            } else if (!strcmp(ln, "words")) {
                rc = directive_words(L, arg);
            } else if (!strcmp(ln, "prefilter")) {
                if (strcmp(arg, "off") && strcmp(arg, "on")) {
                    ix_err_set(L->e, "%s:%d:%d: prefilter needs 'off' or 'on'", L->file, L->line, argcol);
                    rc = -1;
                    break;
                }
                L->unscanned = !strcmp(arg, "off");
            } else if (!strcmp(ln, "rule")) {
                if (!L->family) { ix_err_set(L->e, "%s:%d:1: rule before any 'family' line", L->file, L->line); rc = -1; break; }
                if (!*arg) { ix_err_set(L->e, "%s:%d:%d: rule needs a NAME", L->file, L->line, argcol); rc = -1; break; }
                R->rules = ix_xrealloc(R->rules, (R->nrules + 1) * sizeof *R->rules);
                cur = &R->rules[R->nrules++];
                memset(cur, 0, sizeof *cur);
                size_t nl2 = strlen(stem) + strlen(arg) + 2;
                cur->name = ix_xmalloc(nl2);
                snprintf(cur->name, nl2, "%s/%s", stem, arg);
                cur->file = ix_xstrdup(display);
                cur->line = L->line;
                cur->family = ix_xstrdup(L->family);
                cur->unscanned = L->unscanned;
                cur->set = json_object();
                for (size_t i = 0; i + 1 < R->nrules; i++)
                    if (!strcmp(R->rules[i].name, cur->name)) {
                        ix_err_set(L->e, "%s:%d:%d: rule %s defined twice (first at line %d)", L->file, L->line,
                                   argcol, cur->name, R->rules[i].line);
                        rc = -1;
                    }
            } else {
                ix_err_set(L->e, "%s:%d:1: unknown directive '%.*s'", L->file, L->line, (int)kwlen, ln);
                rc = -1;
            }
            continue;
        }
        if (!cur) { ix_err_set(L->e, "%s:%d:1: indented line outside a rule", L->file, L->line); rc = -1; break; }
        if (!strcmp(ln, "match")) {
            srcmap_seg(&sm, src.len, L->line, argcol - 1);
            ix_buf_puts(&src, arg);
        } else if (!strcmp(ln, "set")) {
            char *sp = strpbrk(arg, " \t");
            if (!sp) { ix_err_set(L->e, "%s:%d:%d: set needs FIELD VALUE", L->file, L->line, argcol); rc = -1; break; }
            *sp = 0;
            json_object_set_new(cur->set, arg, json_string(trim(sp + 1)));
        } else if (!strcmp(ln, "continue")) {
            cur->anchored_continue = true;
        } else if (!strcmp(ln, "prefilter")) {
            /* this rule only: it has no literal to scan for, and says so
             * (`inspex rules --check` fails on one that does not) */
            if (strcmp(arg, "off")) {
                ix_err_set(L->e, "%s:%d:%d: in a rule, prefilter takes only 'off'", L->file, L->line, argcol);
                rc = -1;
                break;
            }
            cur->unscanned = true;
        } else if (!strcmp(ln, "yes") || !strcmp(ln, "no")) {
            cur->ex = ix_xrealloc(cur->ex, (cur->nex + 1) * sizeof *cur->ex);
            ix_example *ex = &cur->ex[cur->nex++];
            memset(ex, 0, sizeof *ex);
            ex->yes = ln[0] == 'y';
            ex->line = L->line;
            char *arrow = strstr(arg, " => ");
            if (arrow) { *arrow = 0; ex->expect = ix_xstrdup(trim(arrow + 4)); }
            /* "\n" in an example stands for a line break (paragraphs) */
            char *t = ix_xstrdup(trim(arg)), *w = t;
            for (char *rp = t; *rp; rp++) {
                if (rp[0] == '\\' && rp[1] == 'n') { *w++ = '\n'; rp++; }
                else *w++ = *rp;
            }
            *w = 0;
            ex->text = t;
        } else {
            ix_err_set(L->e, "%s:%d:1: unknown rule line '%.*s'", L->file, L->line, (int)kwlen, ln);
            rc = -1;
        }
    }
    if (!rc && cur) rc = compile_rule(L, cur, &src, &sm);
    ix_buf_free(&src);
    srcmap_free(&sm);
    free(txt);
    return rc;
}

/* ---- load ---------------------------------------------------------------- */

static char **list_dir(const char *dir, const char *ext, size_t *n)
{
    DIR *d = opendir(dir);
    *n = 0;
    if (!d) return NULL;
    char **v = NULL;
    struct dirent *de;
    size_t el = strlen(ext);
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l > el && !strcmp(de->d_name + l - el, ext)) {
            v = ix_xrealloc(v, (*n + 1) * sizeof *v);
            v[(*n)++] = ix_xstrdup(de->d_name);
        }
    }
    closedir(d);
    if (*n) qsort(v, *n, sizeof *v, cmpstr);
    return v;
}

static void hash_file(struct sha256_ctx *h, const char *path, const char *name)
{
    size_t len;
    char *t = read_file(path, &len);
    sha256_update(h, strlen(name) + 1, (const uint8_t *)name);
    if (t) sha256_update(h, len, (const uint8_t *)t);
    free(t);
}

static int family_cmp(const void *x, const void *y)
{
    return strcmp(((const struct ix_family *)x)->name, ((const struct ix_family *)y)->name);
}

/* Groups the rules by family, in file order. Runs once the rules array
 * stops moving (after loading), so the pointers stay valid. */
static void group_families(ix_rules *R)
{
    for (size_t i = 0; i < R->nrules; i++) {
        size_t f;
        for (f = 0; f < R->nfams; f++)
            if (!strcmp(R->fams[f].name, R->rules[i].family)) break;
        if (f == R->nfams) {
            R->fams = ix_xrealloc(R->fams, (R->nfams + 1) * sizeof *R->fams);
            R->fams[R->nfams++] = (struct ix_family){R->rules[i].family, {NULL, 0, NULL, 0, false}};
        }
        ix_rule_list *l = &R->fams[f].list;
        l->r = ix_xrealloc(l->r, (l->n + 1) * sizeof *l->r);
        l->r[l->n++] = &R->rules[i];
    }
    /* by name, for ix_rules_family_ref's bisection (an extractor looks up
     * a dozen families per document) */
    if (R->nfams) qsort(R->fams, R->nfams, sizeof *R->fams, family_cmp);
}

ix_rules *ix_rules_load(const char *dir, ix_err *e)
{
    ix_rules *R = calloc(1, sizeof *R);
    if (!R) return NULL;
    R->dir = ix_xstrdup(dir);
    loader L = {.R = R, .e = e};
    struct sha256_ctx h;
    sha256_init(&h);
    size_t nt, np;
    char **tsv = list_dir(dir, ".tsv", &nt);
    char **pat = list_dir(dir, ".pat", &np);
    int rc = 0;
    if (!np) { ix_err_set(e, "%s: no rule files (*.pat) found", dir); rc = -1; }
    for (size_t i = 0; i < nt && !rc; i++) {
        char *pth = path_join(dir, tsv[i]);
        char stem[256];
        snprintf(stem, sizeof stem, "%s", tsv[i]);
        stem[strlen(stem) - 4] = 0;
        rc = load_table(&L, pth, stem);
        hash_file(&h, pth, tsv[i]);
        free(pth);
    }
    /* "common.pat" holds shared macros: load it before the others. */
    for (int pass = 0; pass < 2 && !rc; pass++)
        for (size_t i = 0; i < np && !rc; i++) {
            bool common = !strcmp(pat[i], "common.pat");
            if ((pass == 0) != common) continue;
            char *pth = path_join(dir, pat[i]);
            rc = load_pat(&L, pth, pth);
            hash_file(&h, pth, pat[i]);
            free(pth);
        }
    for (size_t i = 0; i < nt; i++) free(tsv[i]);
    for (size_t i = 0; i < np; i++) free(pat[i]);
    free(tsv);
    free(pat);
    free(L.family);
    uint8_t dg[SHA256_DIGEST_SIZE];
    sha256_digest(&h, sizeof dg, dg);
    for (int i = 0; i < 32; i++) snprintf(R->hash + 2 * i, 3, "%02x", dg[i]);
    if (!rc) {
        R->lex = ix_lexicon_new(ix_rules_table(R, "numbers"));
        R->gaz = ix_gazetteer_new(R, e);
        if (!R->gaz) rc = -1;
    }
    if (rc) { ix_rules_free(R); return NULL; }
    group_families(R);
    for (int f = 0; f < IX_NFAM; f++) R->fam[f] = ix_rules_family_ref(R, ix_fam_names[f]);
    for (int t = 0; t < IX_NTAB; t++) R->tab[t] = ix_rules_table(R, ix_tab_names[t]);
    R->pf = ix_prefilter_new(R);
    for (size_t f = 0; f < R->nfams; f++) ix_prefilter_family_init(R->pf, &R->fams[f].list);
    R->mctx = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(R->mctx, IX_MATCH_LIMIT);
    pcre2_set_depth_limit(R->mctx, IX_DEPTH_LIMIT);
    pcre2_set_heap_limit(R->mctx, IX_HEAP_LIMIT);
    return R;
}

void ix_rules_free(ix_rules *R)
{
    if (!R) return;
    for (size_t i = 0; i < R->nrules; i++) {
        ix_rule *r = &R->rules[i];
        free(r->name); free(r->file); free(r->family); free(r->regex); free(r->inlined);
        pcre2_code_free(r->code);
        pcre2_code_free(r->code_jit);
        pcre2_code_free(r->code_anchored);
        json_decref(r->set);
        for (size_t k = 0; k < r->nex; k++) { free(r->ex[k].text); free(r->ex[k].expect); }
        free(r->ex);
    }
    free(R->rules);
    for (size_t i = 0; i < R->nfams; i++) {
        free(R->fams[i].list.r);
        free((uint64_t *)R->fams[i].list.need);
    }
    free(R->fams);
    ix_prefilter_free(R->pf);
    for (size_t i = 0; i < R->ntables; i++) {
        for (size_t k = 0; k < R->tables[i].n; k++) { free(R->tables[i].key[k]); free(R->tables[i].val[k]); }
        free(R->tables[i].key); free(R->tables[i].val); free(R->tables[i].name);
        free(R->tables[i].line); free(R->tables[i].path);
        for (size_t k = 0; R->tables[i].lkey && k < R->tables[i].n; k++) free(R->tables[i].lkey[k]);
        free(R->tables[i].lkey); free(R->tables[i].slot); free(R->tables[i].eslot); free(R->tables[i].klen);
        free(R->tables[i].bylen);
    }
    free(R->tables);
    for (size_t i = 0; i < R->nmacros; i++) { free(R->macros[i].name); free(R->macros[i].body); }
    free(R->macros);
    pcre2_match_context_free(R->mctx);
    ix_lexicon_free(R->lex);
    ix_gazetteer_free(R->gaz);
    free(R->dir);
    free(R);
}

const char *ix_rules_hash(const ix_rules *r) { return r->hash; }
size_t ix_rules_count(const ix_rules *r) { return r->nrules; }
const ix_lexicon *ix_rules_lexicon(const ix_rules *r) { return r->lex; }

const ix_rule_list *ix_rules_family_ref(const ix_rules *R, const char *fam)
{
    static const ix_rule_list none = {NULL, 0, NULL, 0, false};
    const struct ix_family key = {fam, {NULL, 0, NULL, 0, false}};
    const struct ix_family *f = R->nfams ? bsearch(&key, R->fams, R->nfams, sizeof *R->fams, family_cmp) : NULL;
    return f ? &f->list : &none;
}

const ix_rule *ix_rules_get(const ix_rules *R, const char *name)
{
    for (size_t i = 0; i < R->nrules; i++)
        if (!strcmp(R->rules[i].name, name)) return &R->rules[i];
    return NULL;
}

/* ---- matching ------------------------------------------------------------ */

ix_scratch *ix_scratch_new(const ix_rules *r)
{
    ix_scratch *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->md = pcre2_match_data_create(64, NULL);
    s->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    s->mctx = pcre2_match_context_copy(r->mctx);
    if (s->jit) pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
    s->rules = r->rules;
    s->nrules = r->nrules;
    s->rule_hits = calloc(r->nrules + 1, sizeof *s->rule_hits);
    s->rule_windows = calloc(r->nrules + 1, sizeof *s->rule_windows);
    if (!s->md || !s->mctx || !s->rule_hits || !s->rule_windows) { ix_scratch_free(s); return NULL; }
    return s;
}

void ix_scratch_reset(ix_scratch *s)
{
    s->limit_hits = 0;
    s->long_warned = false;
    memset(s->rule_hits, 0, s->nrules * sizeof *s->rule_hits);
    memset(s->rule_windows, 0, s->nrules * sizeof *s->rule_windows);
}

void ix_scratch_free(ix_scratch *s)
{
    if (!s) return;
    pcre2_match_data_free(s->md);
    pcre2_jit_stack_free(s->jit);
    pcre2_match_context_free(s->mctx);
    free(s->rule_hits);
    free(s->rule_windows);
    ix_pfscan_free(s->pf);
    free(s);
}

/* JIT-compiles c (the interpreter runs it if that fails) and publishes it
 * in *slot, unless another thread published one first: then c is freed
 * and theirs returned. The rules are otherwise read-only. */
static pcre2_code *publish(pcre2_code **slot, pcre2_code *c)
{
    pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    pcre2_code *expect = NULL;
    if (__atomic_compare_exchange_n(slot, &expect, c, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return c;
    pcre2_code_free(c);
    return expect;
}

const pcre2_code *ix_rule_code(const ix_rule *rule)
{
    pcre2_code **slot = (pcre2_code **)&rule->code_jit;
    pcre2_code *c = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (c) return c;
    /* a copy, so that no thread matches with a code being compiled */
    c = pcre2_code_copy(rule->code);
    return c ? publish(slot, c) : rule->code;
}

/* The rule compiled with PCRE2_ANCHORED. JIT code cannot take
 * PCRE2_ANCHORED at match time (pcre2_match then falls back to the
 * interpreter, several times slower), so anchored matches get their own
 * compiled copy, made on first use. Threads may race to make it: the loser
 * frees its copy. NULL if it cannot be made (then the caller anchors at
 * match time as before). */
static const pcre2_code *anchored_code(const ix_rule *rule)
{
    pcre2_code **slot = (pcre2_code **)&rule->code_anchored;
    pcre2_code *c = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (c) return c;
    uint32_t opts = 0;
    pcre2_pattern_info(rule->code, PCRE2_INFO_ARGOPTIONS, &opts);
    int ec;
    PCRE2_SIZE eo;
    c = pcre2_compile((PCRE2_SPTR)(rule->inlined ? rule->inlined : rule->regex), PCRE2_ZERO_TERMINATED,
                      opts | PCRE2_ANCHORED, &ec, &eo, NULL);
    return c ? publish(slot, c) : NULL;
}

/* One match attempt. JIT code is entered through pcre2_jit_match, which
 * skips pcre2_match's argument checks (a tenth of what a short search
 * costs); pcre2_match runs everything the JIT cannot: code that was not
 * JIT-compiled (pcre2_jit_match says PCRE2_ERROR_JIT_BADOPTION) and
 * PCRE2_ANCHORED given at match time, which pcre2_jit_match would ignore. */
static inline int run_match(const pcre2_code *code, const char *subj, size_t len, size_t start, uint32_t opt,
                            pcre2_match_data *md, pcre2_match_context *mctx)
{
    if (!(opt & PCRE2_ANCHORED)) {
        int rc = pcre2_jit_match(code, (PCRE2_SPTR)subj, len, start, opt, md, mctx);
        if (rc != PCRE2_ERROR_JIT_BADOPTION) return rc;
    }
    return pcre2_match(code, (PCRE2_SPTR)subj, len, start, opt, md, mctx);
}

/* The search itself, for a subject the prefilter lets through (last: no
 * match starts after it). Out of line, so that the many subjects turned
 * away in ix_rule_match cost a short call, not this one's frame. */
static __attribute__((noinline)) int rule_search(const ix_rule *rule, ix_scratch *s, ix_doc *doc, size_t a,
                                                 size_t b, size_t start, bool anchored, ix_match *m, size_t ri,
                                                 size_t last)
{
    /* No match starts after the last of a needed literal (prefilter.c):
     * PCRE2 stops trying there, not at the end of the sentence. */
    bool limited = last < b;
    /* An anchored search runs the anchored copy only: JIT-compiling the
     * rule's other copy too would be wasted on the rules only ever tried
     * anchored (a list's continuation, the words after a council's name). */
    const pcre2_code *code = anchored ? anchored_code(rule) : NULL;
    uint32_t opt = PCRE2_NO_UTF_CHECK;
    if (!code) {
        code = ix_rule_code(rule);
        if (anchored) opt |= PCRE2_ANCHORED;
    }
    int rc;
    if (b - start > IX_WINDOW && ri != (size_t)-1 && s->rule_windows[ri] >= IX_LONG_WINDOWS) return 0;
    if (limited) pcre2_set_offset_limit(s->mctx, last - a);
    if (b - start <= IX_WINDOW) {
        rc = run_match(code, doc->text + a, b - a, start - a, opt, s->md, s->mctx);
    } else {
        size_t ws = start;
        for (;;) {
            size_t we = b - ws > IX_WINDOW ? ws + IX_WINDOW : b;
            /* end on a character boundary */
            while (we < b && ((unsigned char)doc->text[we] & 0xC0) == 0x80) we++;
            rc = run_match(code, doc->text + a, we - a, ws - a, opt | (we < b ? PCRE2_NOTEOL : 0), s->md, s->mctx);
            if (ri != (size_t)-1 && ++s->rule_windows[ri] == IX_LONG_WINDOWS && doc->warnings && !s->long_warned) {
                char msg[256];
                s->long_warned = true;      /* once per document, not per rule */
                snprintf(msg, sizeof msg, "text without sentence breaks (%zu bytes at byte %zu): rules searched "
                         "only its first %u KB", b - a, doc->base + ix_offmap_start(&doc->dec.map, ix_offmap_start(&doc->map, a)),
                         (IX_LONG_WINDOWS * (IX_WINDOW - IX_WINDOW_OVERLAP)) >> 10);
                json_array_append_new(doc->warnings, json_string(msg));
            }
            if (rc != PCRE2_ERROR_NOMATCH || we == b || anchored) break;
            if (ri != (size_t)-1 && s->rule_windows[ri] >= IX_LONG_WINDOWS) break;
            ws = we - IX_WINDOW_OVERLAP;
            while (((unsigned char)doc->text[ws] & 0xC0) == 0x80) ws++;
        }
    }
    if (limited) pcre2_set_offset_limit(s->mctx, PCRE2_UNSET);   /* the context is shared */
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
            rc == PCRE2_ERROR_JIT_STACKLIMIT) {
            s->limit_hits++;
            if (ri != (size_t)-1) s->rule_hits[ri]++;
            char msg[256];
            if (doc->warnings && s->limit_hits <= 3) {
                snprintf(msg, sizeof msg, "rule %s hit the PCRE2 match limit at byte %zu; skipped there",
                         rule->name, doc->base + ix_offmap_start(&doc->dec.map, ix_offmap_start(&doc->map, a)));
                json_array_append_new(doc->warnings, json_string(msg));
            }
            if (doc->warnings && ri != (size_t)-1 && s->rule_hits[ri] == IX_LIMIT_HITS_PER_RULE) {
                snprintf(msg, sizeof msg, "rule %s hit the PCRE2 match limit %u times; not run on the rest "
                         "of this document", rule->name, IX_LIMIT_HITS_PER_RULE);
                json_array_append_new(doc->warnings, json_string(msg));
            }
            return -1;
        }
        return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    /* rc is one more than the highest group set (0: the ovector was too
     * small and is full). Pairs past it belong to other rules' matches or
     * were never written, so they are neither read nor shifted. */
    uint32_t npairs = rc > 0 ? (uint32_t)rc : pcre2_get_ovector_count(s->md);
    m->rule = rule;
    m->ov = ov;
    m->n = npairs;
    m->a = a + ov[0];
    m->b = a + ov[1];
    /* Store absolute offsets in the ovector copy the caller reads. */
    for (uint32_t i = 0; i < npairs * 2; i++)
        if (ov[i] != PCRE2_UNSET) ov[i] += a;
    return 1;
}

int ix_rule_match(const ix_rule *rule, ix_scratch *s, ix_doc *doc, size_t a,
                  size_t b, size_t start, bool anchored, ix_match *m)
{
    /* A rule (of this rule set) that keeps hitting the limits in this
     * document is skipped for the rest of it. */
    size_t ri = (size_t)-1;
    if (rule >= s->rules && rule < s->rules + s->nrules) {
        ri = (size_t)(rule - s->rules);
        if (s->rule_hits[ri] >= IX_LIMIT_HITS_PER_RULE) return -1;
    }
    /* The subject is [a, b): lookbehinds may see text before `start` but
     * never outside the sentence/paragraph we were given. The text was
     * validated once by the decoder, so PCRE2 need not check UTF-8 again.
     * First the prefilter: most subjects hold none of the rule's literals.
     *
     * A search longer than IX_WINDOW bytes (real sentences and paragraphs
     * are a few hundred; only text without sentence breaks gets there) is
     * made in overlapping windows. The match limit does not bound a JIT
     * search whose every start position scans far ahead (a greedy
     * [A-Z]\w*(?: [A-Z]\w*)* over "Mr. J. Mr. J. ..."): that is quadratic
     * in the subject and a 20 KB sentence took 12 s; windows make it
     * linear. $ does not match at a window's end (PCRE2_NOTEOL), and a
     * match no longer than the overlap is found whole. A rule that has
     * searched IX_LONG_WINDOWS windows in a document is not run on long
     * subjects again in it. */
    size_t last;
    if (!ix_prefilter_may(s, doc, rule, a, b, &last) || last < start) return 0;
    return rule_search(rule, s, doc, a, b, start, anchored, m, ri, last);
}

/* Bytewise compare of two names, as PCRE2 orders its name table (a name
 * before the longer names it begins). Names are a few bytes: inline. */
static inline int name_cmp(const unsigned char *a, const char *b)
{
    for (;; a++, b++) {
        int c = (int)*a - (int)(unsigned char)*b;
        if (c || !*a) return c;
    }
}

/* The rule's name table, read once at load and searched here in line
 * (pcre2_substring_nametable_scan and a pattern_info call per look-up were
 * 1% of a dense run). A name used twice ((?J), or (?|...) alternatives)
 * has consecutive entries, one per group: the first that took part in the
 * match wins. */
bool ix_match_group(const ix_match *m, const char *name, size_t *ga, size_t *gb)
{
    const ix_rule *r = m->rule;
    const unsigned char *t = r->names;
    uint32_t esz = r->name_esz, lo = 0, hi = r->nnames;
    while (lo < hi) {                  /* the first entry not before name */
        uint32_t mid = lo + (hi - lo) / 2;
        if (name_cmp(t + mid * esz + 2, name) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (const unsigned char *p = t + lo * esz; lo < r->nnames && !name_cmp(p + 2, name); lo++, p += esz) {
        uint32_t g = (uint32_t)(p[0] << 8 | p[1]);
        if (g < m->n && m->ov[2 * g] != PCRE2_UNSET) {
            *ga = m->ov[2 * g];
            *gb = m->ov[2 * g + 1];
            return true;
        }
    }
    return false;
}
