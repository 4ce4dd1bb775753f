/* source.c — where documents come from: files, folders, stdin, JSON Lines.
 *
 * Produces ix_input documents one at a time in a stable order: arguments in
 * the order given; folders walked recursively, entries sorted bytewise
 * (never by locale), only names matching the glob ("*.txt"); a JSON Lines
 * dump yields one document per line. Nothing here stops the run: a file
 * that cannot be read, a folder loop, a malformed dump line or an oversized
 * document comes out as a document with `error` set, which the extractor
 * turns into an error record.
 *
 * Every file and stdin is read through compress.c, so gzip and zstd input
 * (detected by content) is decompressed transparently; "a.txt.gz" is taken
 * by a "*.txt" folder walk and "dump.jsonl.zst" is a dump, as their names
 * without the compression ending say. Offsets and sha256 are of the
 * decompressed bytes.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

/* What a folder walk already knows of an entry (readdir's d_type), so that
 * most entries need no stat(2) of their own. */
enum { KIND_UNKNOWN, KIND_FILE, KIND_FOLDER };

typedef struct pending {
    char *path;
    int depth;
    int kind;
} pending;

/* A regular text file taken by ix_source_take and not yet read. */
struct ix_unread {
    int depth;
    size_t max_doc_bytes;
};

typedef struct dirid { dev_t dev; ino_t ino; char *path; } dirid;

struct ix_source {
    ix_source_opts o;
    pending *stack;
    size_t n, cap;
    dirid *seen;             /* folders walked: open-addressing hash set */
    size_t nseen, seencap;
    /* an open JSON Lines dump */
    ix_reader *dump;
    char *dump_name;
    size_t dump_line;
    size_t dump_raw;       /* bytes of skipped blank lines, counted with the next document */
    char *line;
    size_t linecap;
    bool slow_json;        /* INSPEX_SLOW_JSON=1: every dump line through jansson (tests) */
};

static void push(ix_source *s, char *path, int depth, int kind)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->stack = ix_xrealloc(s->stack, s->cap * sizeof *s->stack);
    }
    s->stack[s->n++] = (pending){path, depth, kind};
}

ix_source *ix_source_new(const char *const *paths, size_t npaths, const ix_source_opts *opts)
{
    ix_source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->o = *opts;
    if (!s->o.glob) s->o.glob = "*.txt";
    if (!s->o.text_field) s->o.text_field = "text";
    const char *slow = getenv("INSPEX_SLOW_JSON");
    s->slow_json = slow && *slow && strcmp(slow, "0");
    for (size_t i = npaths; i-- > 0;) push(s, ix_xstrdup(paths[i]), 0, KIND_UNKNOWN);
    return s;
}

static ix_input *input_new(const char *doc, const char *source)
{
    ix_input *in = calloc(1, sizeof *in);
    if (!in) abort();
    in->doc = ix_xstrdup(doc);
    in->source = ix_xstrdup(source);
    return in;
}

static ix_input *input_error(const char *doc, const char *fmt, const char *arg)
{
    ix_input *in = input_new(doc, doc);
    size_t l = strlen(fmt) + (arg ? strlen(arg) : 0) + 1;
    in->error = ix_xmalloc(l);
    snprintf(in->error, l, fmt, arg ? arg : "");
    return in;
}

void ix_input_free(ix_input *in)
{
    if (!in) return;
    free(in->doc); free(in->source); free(in->bytes);
    free(in->title); free(in->date); free(in->url); free(in->outlet);
    free(in->error); free(in->warning);
    free(in->unread);
    free(in);
}

/* Reads a whole stream, refusing more than max bytes (0 = no limit). */
static int slurp(ix_reader *f, size_t max, size_t hint, unsigned char **out, size_t *len, bool *too_big)
{
    ix_buf b = {0};
    char tmp[1 << 16];
    ssize_t k;
    *too_big = false;
    /* An uncompressed regular file's size is known: one buffer of that
     * size, not a chain of doublings that can end up twice as large. */
    if (hint && ix_reader_compression(f) == IX_COMP_NONE && (!max || hint <= max)) ix_buf_grow(&b, hint);
    while ((k = ix_reader_read(f, tmp, sizeof tmp)) > 0) {
        if (max && b.len + (size_t)k > max) { *too_big = true; break; }
        ix_buf_put(&b, tmp, (size_t)k);
    }
    if (k < 0) { ix_buf_free(&b); return -1; }
    *len = b.len;
    *out = (unsigned char *)ix_buf_take(&b);
    return 0;
}

static bool is_dump_name(const char *p)
{
    size_t l = strlen(p) - ix_compression_suffix(p);
    return (l > 6 && !strncmp(p + l - 6, ".jsonl", 6)) || (l > 7 && !strncmp(p + l - 7, ".ndjson", 7));
}

/* The glob takes a name, or the name without its ".gz"/".zst" ending. */
static bool glob_takes(const char *glob, const char *name)
{
    if (fnmatch(glob, name, 0) == 0) return true;
    size_t k = ix_compression_suffix(name);
    if (!k) return false;
    char *bare = ix_xstrndup(name, strlen(name) - k);
    bool ok = fnmatch(glob, bare, 0) == 0;
    free(bare);
    return ok;
}

typedef struct entry { char *name; int kind; } entry;
static int cmpname(const void *a, const void *b) { return strcmp(((const entry *)a)->name, ((const entry *)b)->name); }

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = ix_xmalloc(a + b + 2);
    memcpy(p, dir, a);
    size_t k = a;
    if (k && p[k - 1] != '/') p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

static char *json_field_str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    if (json_is_string(v)) return ix_xstrndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return ix_xstrdup(buf);
    }
    return NULL;
}

/* ---- a fast path for dump lines -------------------------------------------
 * Parsing every line into a jansson tree cost a quarter of the run time. A
 * dump line is almost always a flat object of strings and numbers, so this
 * reader takes the fields inspex uses straight out of the bytes (the text
 * decoded once, into the buffer the document keeps) while checking the rest
 * of the line is valid JSON. Whatever it is not sure of (invalid UTF-8, a
 * lone surrogate, a NUL in a key, a number jansson would read differently,
 * deep nesting, any syntax error) it hands back, and the line goes through
 * jansson exactly as before, with jansson's error message.
 * INSPEX_SLOW_JSON=1 sends every line through jansson (tests/t_dumpfast.sh
 * compares the two). */

typedef struct fval {
    int kind;                  /* 0 missing, 1 string, 2 integer, 3 null, 4 other */
    char *s;                   /* string bytes (malloc'd) or integer text */
    size_t n;
} fval;

typedef struct fparse {
    const char *p, *end;
} fparse;

static void fws(fparse *f)
{
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n' || *f->p == '\r')) f->p++;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* A string at f->p (after the opening quote). With `out`, decodes into it
 * (malloc'd, NUL-terminated). Returns 0 on success, -1 when unsure. */
static int fstring(fparse *f, char **out, size_t *outn, bool *has_nul)
{
    ix_buf b = {0};
    const char *p = f->p;
    *has_nul = false;
    for (;;) {
        const char *run = p;
        /* plain ASCII, sixteen bytes at a time while no byte is a quote,
         * a backslash, a control byte or above 0x7F (most of an article) */
        while (p < f->end) {
            if (f->end - p >= 16) {
                ix_v16 v = ix_v16_load(p);
                unsigned stop = (~ix_v16_in(v, 0x20, 0x7F) & 0xFFFFu) | ix_v16_eq(v, '"') | ix_v16_eq(v, '\\');
                if (!stop) { p += 16; continue; }
                p += __builtin_ctz(stop);
                break;
            }
            if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20 || (unsigned char)*p >= 0x80) break;
            p++;
        }
        if (out && !b.cap) {
            /* The first run. Most strings are plain to their closing
             * quote: one copy of the right size. Others get room for the
             * rest of the line at once (decoding never makes a string
             * longer than it is written), not a doubling after each run. */
            if (p < f->end && *p == '"') {
                size_t n = (size_t)(p - run);
                *out = ix_xmalloc(n + 1);
                memcpy(*out, run, n);
                (*out)[n] = 0;
                *outn = n;
                f->p = p + 1;
                return 0;
            }
            ix_buf_grow(&b, (size_t)(f->end - run));
        }
        if (p > run && out) ix_buf_put(&b, run, (size_t)(p - run));
        if (p >= f->end) goto unsure;
        unsigned char c = (unsigned char)*p;
        if (c == '"') { p++; break; }
        if (c < 0x20) goto unsure;
        if (c >= 0x80) {
            int k = ix_utf8_seq((const unsigned char *)p, (size_t)(f->end - p));
            if (k < 2) goto unsure;
            if (out) ix_buf_put(&b, p, k);
            p += k;
            continue;
        }
        /* an escape */
        if (p + 1 >= f->end) goto unsure;
        char e = p[1];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (simple && e) {
            static const char to[] = "\"\\/\b\f\n\r\t";
            if (out) ix_buf_putc(&b, to[simple - "\"\\/bfnrt"]);
            p += 2;
            continue;
        }
        if (e != 'u' || p + 6 > f->end) goto unsure;
        int cp = hex4(p + 2);
        if (cp < 0) goto unsure;
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) goto unsure;             /* lone low surrogate */
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (p + 6 > f->end || p[0] != '\\' || p[1] != 'u') goto unsure;
            int lo = hex4(p + 2);
            if (lo < 0xDC00 || lo > 0xDFFF) goto unsure;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        if (cp == 0) *has_nul = true;
        if (out) {
            char u[4];
            size_t n;
            if (cp < 0x80) { u[0] = (char)cp; n = 1; }
            else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
            else if (cp < 0x10000) { u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
            else { u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
            ix_buf_put(&b, u, n);
        }
    }
    f->p = p;
    if (out) {
        *outn = b.len;
        ix_buf_grow(&b, 0);
        *out = ix_buf_take(&b);
    }
    return 0;
unsure:
    ix_buf_free(&b);
    return -1;
}

/* Any JSON value at f->p, kept in v when v is not NULL. 0 or -1 (unsure). */
static int fvalue(fparse *f, fval *v, int depth)
{
    if (depth > 64 || f->p >= f->end) return -1;
    char c = *f->p;
    bool nul;
    if (c == '"') {
        f->p++;
        if (!v) return fstring(f, NULL, NULL, &nul);
        if (fstring(f, &v->s, &v->n, &nul) < 0) return -1;
        v->kind = 1;
        return 0;
    }
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        f->p++;
        fws(f);
        if (f->p < f->end && *f->p == close) { f->p++; if (v) v->kind = 4; return 0; }
        for (;;) {
            if (c == '{') {
                if (f->p >= f->end || *f->p != '"') return -1;
                f->p++;
                if (fstring(f, NULL, NULL, &nul) < 0 || nul) return -1;
                fws(f);
                if (f->p >= f->end || *f->p != ':') return -1;
                f->p++;
                fws(f);
            }
            if (fvalue(f, NULL, depth + 1) < 0) return -1;
            fws(f);
            if (f->p < f->end && *f->p == ',') { f->p++; fws(f); continue; }
            if (f->p < f->end && *f->p == close) { f->p++; break; }
            return -1;
        }
        if (v) v->kind = 4;
        return 0;
    }
    if (c == '-' || ix_is_digit(c)) {
        const char *st = f->p, *p = f->p;
        if (*p == '-') p++;
        if (p >= f->end || !ix_is_digit(*p)) return -1;
        if (*p == '0' && p + 1 < f->end && ix_is_digit(p[1])) return -1;
        while (p < f->end && ix_is_digit(*p)) p++;
        bool real = false;
        if (p < f->end && *p == '.') {
            real = true;
            p++;
            if (p >= f->end || !ix_is_digit(*p)) return -1;
            while (p < f->end && ix_is_digit(*p)) p++;
        }
        if (p < f->end && (*p == 'e' || *p == 'E')) {
            real = true;
            p++;
            if (p < f->end && (*p == '+' || *p == '-')) p++;
            if (p >= f->end || !ix_is_digit(*p)) return -1;
            while (p < f->end && ix_is_digit(*p)) p++;
        }
        size_t n = (size_t)(p - st);
        /* Integers jansson would refuse or print differently, and reals
         * that might overflow, go the slow way. */
        if (!real && (n > 18 || (n == 2 && st[0] == '-' && st[1] == '0'))) return -1;
        if (real && n > 15) return -1;
        if (real) for (const char *q = st; q < p; q++) if (*q == 'e' || *q == 'E') return -1;
        f->p = p;
        if (v) {
            if (real) v->kind = 4;
            else { v->kind = 2; v->s = ix_xstrndup(st, n); v->n = n; }
        }
        return 0;
    }
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t l = strlen(words[i]);
        if ((size_t)(f->end - f->p) >= l && !memcmp(f->p, words[i], l)) {
            f->p += l;
            if (v) v->kind = i == 2 ? 3 : 4;
            return 0;
        }
    }
    return -1;
}

enum { F_ID, F_URL, F_TITLE, F_DATE, F_OUTLET, F_SOURCE, F_TEXT, F_N };

static void fvals_free(fval *v)
{
    for (int i = 0; i < F_N; i++) free(v[i].s);
}

/* The fields of a dump line, or -1 when jansson should read it. */
static int fast_fields(const char *line, size_t len, const char *text_field, fval *v)
{
    static const char *const names[] = {"id", "url", "title", "date", "outlet", "source"};
    fparse f = {line, line + len};
    memset(v, 0, F_N * sizeof *v);
    fws(&f);
    if (f.p >= f.end || *f.p != '{') return -1;
    f.p++;
    fws(&f);
    if (f.p < f.end && *f.p == '}') f.p++;
    else for (;;) {
        if (f.p >= f.end || *f.p != '"') goto unsure;
        f.p++;
        char *key;
        size_t kn;
        bool nul;
        if (fstring(&f, &key, &kn, &nul) < 0) goto unsure;
        if (nul) { free(key); goto unsure; }
        int which = -1;
        if (!strcmp(key, text_field)) which = F_TEXT;
        else for (int i = 0; i < 6; i++) if (!strcmp(key, names[i])) which = i;
        free(key);
        fws(&f);
        if (f.p >= f.end || *f.p != ':') goto unsure;
        f.p++;
        fws(&f);
        fval tmp = {0};
        if (fvalue(&f, which >= 0 ? &tmp : NULL, 0) < 0) { free(tmp.s); goto unsure; }
        if (which >= 0) { free(v[which].s); v[which] = tmp; }   /* the last duplicate wins, as in jansson */
        fws(&f);
        if (f.p < f.end && *f.p == ',') { f.p++; fws(&f); continue; }
        if (f.p < f.end && *f.p == '}') { f.p++; break; }
        goto unsure;
    }
    fws(&f);
    if (f.p != f.end) goto unsure;
    return 0;
unsure:
    fvals_free(v);
    return -1;
}

/* json_field_str's rule: a string, or an integer as text; else NULL. */
static char *fval_str(fval *v)
{
    if (v->kind != 1 && v->kind != 2) return NULL;
    char *s = v->kind == 1 ? ix_xstrndup(v->s, v->n) : ix_xstrdup(v->s);
    return s;
}

static ix_input *fast_input(ix_source *s, fval *v, const char *loc, bool had_nl)
{
    char *id = fval_str(&v[F_ID]);
    if (!id) id = fval_str(&v[F_URL]);
    ix_input *in = input_new(id ? id : loc, loc);
    free(id);
    fval *t = &v[F_TEXT];
    if (t->kind != 1) {
        char msg[256];
        snprintf(msg, sizeof msg, "field \"%s\" is %s, not a string", s->o.text_field,
                 t->kind ? (t->kind == 3 ? "null" : "not text") : "missing");
        in->error = ix_xstrdup(msg);
    } else if (s->o.max_doc_bytes && t->n > s->o.max_doc_bytes) {
        char msg[128];
        snprintf(msg, sizeof msg, "document of %zu bytes is over --max-doc-bytes %zu; skipped", t->n,
                 s->o.max_doc_bytes);
        in->error = ix_xstrdup(msg);
    } else {
        in->bytes = (unsigned char *)t->s;          /* the decoded text becomes the document */
        in->len = t->n;
        t->s = NULL;
    }
    in->title = fval_str(&v[F_TITLE]);
    in->date = fval_str(&v[F_DATE]);
    in->url = fval_str(&v[F_URL]);
    in->outlet = fval_str(&v[F_OUTLET]);
    if (!in->outlet) in->outlet = fval_str(&v[F_SOURCE]);
    if (!had_nl && !in->error) in->warning = ix_xstrdup("last line of the dump has no final newline");
    fvals_free(v);
    return in;
}

/* Next document from the open dump, or NULL at its end. */
static ix_input *dump_next(ix_source *s)
{
    for (;;) {
        /* A line may hold a document escaped up to 6 bytes per byte
         * (\uXXXX); longer lines are refused before they are held in
         * memory (a small compressed file can expand to a huge line). */
        size_t max = s->o.max_doc_bytes ? s->o.max_doc_bytes * 6 + 65536 : 0;
        ssize_t n = ix_reader_getline(s->dump, &s->line, &s->linecap, max);
        if (n == IX_READER_TOO_LONG) {
            s->dump_line++;
            char loc[4096];
            snprintf(loc, sizeof loc, "%s:%zu", s->dump_name, s->dump_line);
            ix_input *in = input_new(loc, loc);
            in->error = ix_xmalloc(160);
            snprintf(in->error, 160, "JSON Lines record is over %zu bytes (--max-doc-bytes); skipped", max);
            return in;
        }
        if (n <= 0) {
            ix_input *in = NULL;
            if (n < 0) {
                in = input_new(s->dump_name, s->dump_name);
                size_t l = strlen(s->dump_name) + 600;
                in->error = ix_xmalloc(l);
                snprintf(in->error, l, "read error in JSON Lines dump %s after line %zu: %s", s->dump_name,
                         s->dump_line, ix_reader_error(s->dump));
            }
            ix_reader_free(s->dump);
            s->dump = NULL;
            free(s->dump_name);
            s->dump_name = NULL;
            return in;
        }
        s->dump_line++;
        s->dump_raw += (size_t)n;
        size_t len = (size_t)n;
        bool had_nl = len && s->line[len - 1] == '\n';
        while (len && (s->line[len - 1] == '\n' || s->line[len - 1] == '\r')) len--;
        size_t k = 0;
        while (k < len && ix_is_space(s->line[k])) k++;
        if (k == len) continue;                     /* blank line */
        char loc[4096];
        snprintf(loc, sizeof loc, "%s:%zu", s->dump_name, s->dump_line);
        size_t raw = s->dump_raw;
        s->dump_raw = 0;
        ix_input *fast = NULL;
        fval fv[F_N];
        if (!s->slow_json && fast_fields(s->line, len, s->o.text_field, fv) == 0) fast = fast_input(s, fv, loc, had_nl);
        if (fast) { fast->raw_len = raw; return fast; }
        json_error_t je;
        json_t *o = json_loadb(s->line, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);   /* scalars: "not an object" */
        if (!o) {
            ix_input *in = input_new(loc, loc);
            char msg[512];
            snprintf(msg, sizeof msg, "%s: %s (column %d)",
                     had_nl ? "malformed JSON Lines record" : "truncated JSON Lines record (no final newline)",
                     je.text, je.column);
            in->error = ix_xstrdup(msg);
            in->raw_len = raw;
            return in;
        }
        if (!json_is_object(o)) {
            json_decref(o);
            ix_input *in = input_new(loc, loc);
            in->error = ix_xstrdup("JSON Lines record is not an object");
            in->raw_len = raw;
            return in;
        }
        char *id = json_field_str(o, "id");
        if (!id) id = json_field_str(o, "url");
        ix_input *in = input_new(id ? id : loc, loc);
        free(id);
        json_t *t = json_object_get(o, s->o.text_field);
        if (!json_is_string(t)) {
            char msg[256];
            snprintf(msg, sizeof msg, "field \"%s\" is %s, not a string", s->o.text_field,
                     t ? (json_is_null(t) ? "null" : "not text") : "missing");
            in->error = ix_xstrdup(msg);
        } else {
            size_t tl = json_string_length(t);
            if (s->o.max_doc_bytes && tl > s->o.max_doc_bytes) {
                char msg[128];
                snprintf(msg, sizeof msg, "document of %zu bytes is over --max-doc-bytes %zu; skipped", tl,
                         s->o.max_doc_bytes);
                in->error = ix_xstrdup(msg);
            } else {
                in->bytes = ix_xmalloc(tl + 1);
                memcpy(in->bytes, json_string_value(t), tl);
                in->bytes[tl] = 0;
                in->len = tl;
            }
        }
        in->title = json_field_str(o, "title");
        in->date = json_field_str(o, "date");
        in->url = json_field_str(o, "url");
        in->outlet = json_field_str(o, "outlet");
        if (!in->outlet) in->outlet = json_field_str(o, "source");
        if (!had_nl && !in->error) in->warning = ix_xstrdup("last line of the dump has no final newline");
        json_decref(o);
        in->raw_len = raw;
        return in;
    }
}

static ix_input *open_dump(ix_source *s, FILE *f, const char *name, bool is_stdin)
{
    s->dump = ix_reader_new(f, !is_stdin);
    s->dump_name = ix_xstrdup(name);
    s->dump_line = 0;
    return dump_next(s);
}

/* Reads the document's text from rd (and frees rd): an error or a document
 * over max bytes becomes its `error`. hint: the file's size, or 0. */
static void read_body(ix_input *in, ix_reader *rd, size_t max, size_t hint)
{
    bool big;
    if (slurp(rd, max, hint, &in->bytes, &in->len, &big) < 0) {
        in->error = ix_xstrdup(ix_reader_error(rd));
    } else if (big) {
        in->error = ix_xmalloc(160);
        snprintf(in->error, 160, "document is over --max-doc-bytes %zu; skipped", max);
        free(in->bytes);
        in->bytes = NULL;
        in->len = 0;
    }
    ix_reader_free(rd);
}

static ix_input *read_text(ix_source *s, FILE *f, const char *name, bool is_stdin)
{
    ix_input *in = input_new(name, name);
    struct stat st;
    size_t hint = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    read_body(in, ix_reader_new(f, !is_stdin), s->o.max_doc_bytes, hint);
    return in;
}

/* The folder first walked as (dev, ino), or NULL; remembers it otherwise.
 * A hash set, so a tree of many folders is not a quadratic walk. */
static const char *seen_folder(ix_source *s, const struct stat *st, const char *path)
{
    if ((s->nseen + 1) * 2 > s->seencap) {
        size_t ncap = s->seencap ? s->seencap * 2 : 64;
        dirid *nt = calloc(ncap, sizeof *nt);
        if (!nt) abort();
        for (size_t i = 0; i < s->seencap; i++) {
            if (!s->seen[i].path) continue;
            size_t h = ((size_t)s->seen[i].ino * 0x9E3779B97F4A7C15u ^ (size_t)s->seen[i].dev) & (ncap - 1);
            while (nt[h].path) h = (h + 1) & (ncap - 1);
            nt[h] = s->seen[i];
        }
        free(s->seen);
        s->seen = nt;
        s->seencap = ncap;
    }
    size_t h = ((size_t)st->st_ino * 0x9E3779B97F4A7C15u ^ (size_t)st->st_dev) & (s->seencap - 1);
    for (; s->seen[h].path; h = (h + 1) & (s->seencap - 1))
        if (s->seen[h].dev == st->st_dev && s->seen[h].ino == st->st_ino) return s->seen[h].path;
    s->seen[h] = (dirid){st->st_dev, st->st_ino, ix_xstrdup(path)};
    s->nseen++;
    return NULL;
}

static ix_input *errno_error(const char *path, int depth, int err)
{
    struct stat ls;
    if (err == ENOENT && lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode))
        return input_error(path, "cannot open: a symbolic link to nothing (%s)", strerror(err));
    /* A file listed by a folder walk and gone when its turn came. */
    if (err == ENOENT && depth > 0)
        return input_error(path, "vanished before it could be read (%s)", strerror(err));
    return input_error(path, "cannot open: %s", strerror(err));
}

/* Moves e's error into in (the same document, found by the same path). */
static void take_error(ix_input *in, ix_input *e)
{
    in->error = e->error;
    e->error = NULL;
    ix_input_free(e);
}

static const char changed_msg[] =
    "changed into something that is not a regular file while the folder was walked: skipped";

/* Opens a file found by path. Named pipes and devices are read only when
 * given by name on the command line (process substitution, /dev/stdin);
 * inside a folder walk they are skipped, because opening a FIFO nobody
 * writes to would wait forever. Files are opened non-blocking and checked
 * with fstat, so a file swapped for a FIFO after the stat cannot hang us. */
static FILE *open_doc(const char *path, const struct stat *st, int depth, ix_input **err)
{
    bool special = S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode);
    *err = NULL;
    if (!S_ISREG(st->st_mode) && !(special && depth == 0)) {
        *err = input_error(path, "not a regular file (%s): skipped",
                           S_ISFIFO(st->st_mode) ? "a named pipe" : S_ISCHR(st->st_mode) ? "a device" :
                           S_ISSOCK(st->st_mode) ? "a socket" : "a block device or other special file");
        return NULL;
    }
    if (special) {
        FILE *f = fopen(path, "rb");
        if (!f) *err = errno_error(path, depth, errno);
        return f;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) { *err = errno_error(path, depth, errno); return NULL; }
    struct stat fs;
    if (fstat(fd, &fs) < 0 || !S_ISREG(fs.st_mode)) {
        close(fd);
        *err = input_error(path, "%s", changed_msg);
        return NULL;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) { int e = errno; close(fd); *err = errno_error(path, depth, e); }
    return f;
}

/* A regular text file, to be opened and read by ix_input_read. */
static ix_input *unread(ix_source *s, pending *p)
{
    ix_input *in = input_new(p->path, p->path);
    in->unread = ix_xmalloc(sizeof *in->unread);
    *in->unread = (struct ix_unread){p->depth, s->o.max_doc_bytes};
    free(p->path);
    return in;
}

/* Opens the file non-blocking and checks with fstat that it is still a
 * regular file (see open_doc); O_NONBLOCK is then left on, as it means
 * nothing to a regular file. Five system calls for a small file: open,
 * fstat, the read, the read that finds its end, and close. */
void ix_input_read(ix_input *in)
{
    struct ix_unread *u = in->unread;
    if (!u) return;
    in->unread = NULL;
    int fd = open(in->source, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        take_error(in, errno_error(in->source, u->depth, errno));
    } else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        in->error = ix_xstrdup(changed_msg);
    } else {
        read_body(in, ix_reader_new_fd(fd, 1), u->max_doc_bytes, (size_t)st.st_size);
        in->raw_len = (size_t)st.st_size;
    }
    free(u);
}

ix_input *ix_source_next(ix_source *s)
{
    ix_input *in = ix_source_take(s);
    if (in) ix_input_read(in);
    return in;
}

ix_input *ix_source_take(ix_source *s)
{
    for (;;) {
        if (s->dump) {
            ix_input *in = dump_next(s);
            if (in) return in;
            continue;
        }
        if (!s->n) return NULL;
        pending p = s->stack[--s->n];
        ix_input *in = NULL;
        if (!strcmp(p.path, "-")) {
            if (s->o.kind == IX_INPUT_JSONL) in = open_dump(s, stdin, "-", true);
            else {
                in = read_text(s, stdin, "-", true);
                in->raw_len = in->len;
            }
            free(p.path);
            if (in) return in;
            continue;
        }
        bool dump = s->o.kind == IX_INPUT_JSONL || (s->o.kind == IX_INPUT_AUTO && is_dump_name(p.path));
        if (p.kind == KIND_FILE && !dump) return unread(s, &p);   /* the walk saw a regular file */
        struct stat st;
        if (stat(p.path, &st) < 0) {
            in = errno_error(p.path, p.depth, errno);
            free(p.path);
            return in;
        }
        if (S_ISDIR(st.st_mode)) {
            const char *first = seen_folder(s, &st, p.path);
            if (first) {
                size_t l = strlen(first) + 128;
                char *msg = ix_xmalloc(l);
                snprintf(msg, l, "folder already walked as %s (a symbolic-link loop or a second link to it): skipped",
                         first);
                in = input_error(p.path, "%s", msg);
                free(msg);
                free(p.path);
                return in;
            }
            if (p.depth > 64) {
                in = input_error(p.path, "folders nested more than 64 deep: %s", "skipped");
                free(p.path);
                return in;
            }
            DIR *d = opendir(p.path);
            if (!d) {
                in = input_error(p.path, "cannot read folder: %s", strerror(errno));
                free(p.path);
                return in;
            }
            entry *names = NULL;
            size_t nn = 0, ncap = 0;
            struct dirent *de;
            while ((de = readdir(d))) {
                if (de->d_name[0] == '.') continue;           /* ., .., hidden files */
                if (nn == ncap) {
                    ncap = ncap ? ncap * 2 : 32;
                    names = ix_xrealloc(names, ncap * sizeof *names);
                }
                /* symbolic links and file systems without d_type: stat'ed */
                int kind = de->d_type == DT_REG ? KIND_FILE : de->d_type == DT_DIR ? KIND_FOLDER : KIND_UNKNOWN;
                names[nn++] = (entry){ix_xstrdup(de->d_name), kind};
            }
            closedir(d);
            if (nn) qsort(names, nn, sizeof *names, cmpname);
            /* Push in reverse so the stack pops them in order; skip files
             * the glob does not take (folders are always walked). */
            for (size_t i = nn; i-- > 0;) {
                char *full = join(p.path, names[i].name);
                struct stat cs;
                bool dir = names[i].kind == KIND_FOLDER ||
                           (names[i].kind == KIND_UNKNOWN && stat(full, &cs) == 0 && S_ISDIR(cs.st_mode));
                bool take = dir || glob_takes(s->o.glob, names[i].name) ||
                            (s->o.kind == IX_INPUT_JSONL && is_dump_name(names[i].name));
                if (take) push(s, full, p.depth + 1, names[i].kind);
                else free(full);
                free(names[i].name);
            }
            free(names);
            free(p.path);
            continue;
        }
        if (S_ISREG(st.st_mode) && !dump) return unread(s, &p);
        FILE *f = open_doc(p.path, &st, p.depth, &in);
        if (!f) {
            free(p.path);
            return in;
        }
        if (dump) in = open_dump(s, f, p.path, false);
        else {
            in = read_text(s, f, p.path, false);      /* a named pipe or device */
            in->raw_len = in->len;
        }
        free(p.path);
        if (in) return in;
    }
}

void ix_source_free(ix_source *s)
{
    if (!s) return;
    ix_reader_free(s->dump);
    free(s->dump_name);
    for (size_t i = 0; i < s->n; i++) free(s->stack[i].path);
    free(s->stack);
    for (size_t i = 0; i < s->seencap; i++) free(s->seen[i].path);
    free(s->seen);
    free(s->line);
    free(s);
}
