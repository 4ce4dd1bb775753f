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
#include <sys/stat.h>
#include "internal.h"

typedef struct pending {
    char *path;
    int depth;
} pending;

typedef struct dirid { dev_t dev; ino_t ino; } dirid;

struct ix_source {
    ix_source_opts o;
    pending *stack;
    size_t n, cap;
    dirid *seen;
    size_t nseen;
    /* an open JSON Lines dump */
    ix_reader *dump;
    char *dump_name;
    size_t dump_line;
    char *line;
    size_t linecap;
};

static void push(ix_source *s, char *path, int depth)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->stack = ix_xrealloc(s->stack, s->cap * sizeof *s->stack);
    }
    s->stack[s->n++] = (pending){path, depth};
}

ix_source *ix_source_new(const char *const *paths, size_t npaths, const ix_source_opts *opts)
{
    ix_source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->o = *opts;
    if (!s->o.glob) s->o.glob = "*.txt";
    if (!s->o.text_field) s->o.text_field = "text";
    for (size_t i = npaths; i-- > 0;) push(s, ix_xstrdup(paths[i]), 0);
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
    free(in);
}

/* Reads a whole stream, refusing more than max bytes (0 = no limit). */
static int slurp(ix_reader *f, size_t max, unsigned char **out, size_t *len, bool *too_big)
{
    ix_buf b = {0};
    char tmp[1 << 16];
    ssize_t k;
    *too_big = false;
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

static int cmpname(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

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
        size_t len = (size_t)n;
        bool had_nl = len && s->line[len - 1] == '\n';
        while (len && (s->line[len - 1] == '\n' || s->line[len - 1] == '\r')) len--;
        size_t k = 0;
        while (k < len && ix_is_space(s->line[k])) k++;
        if (k == len) continue;                     /* blank line */
        char loc[4096];
        snprintf(loc, sizeof loc, "%s:%zu", s->dump_name, s->dump_line);
        json_error_t je;
        json_t *o = json_loadb(s->line, len, JSON_ALLOW_NUL, &je);
        if (!o) {
            ix_input *in = input_new(loc, loc);
            char msg[512];
            snprintf(msg, sizeof msg, "%s: %s (column %d)",
                     had_nl ? "malformed JSON Lines record" : "truncated JSON Lines record (no final newline)",
                     je.text, je.column);
            in->error = ix_xstrdup(msg);
            return in;
        }
        if (!json_is_object(o)) {
            json_decref(o);
            ix_input *in = input_new(loc, loc);
            in->error = ix_xstrdup("JSON Lines record is not an object");
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

static ix_input *read_text(ix_source *s, FILE *f, const char *name, bool is_stdin)
{
    ix_input *in = input_new(name, name);
    ix_reader *rd = ix_reader_new(f, !is_stdin);
    bool big;
    if (slurp(rd, s->o.max_doc_bytes, &in->bytes, &in->len, &big) < 0) {
        in->error = ix_xstrdup(ix_reader_error(rd));
    } else if (big) {
        in->error = ix_xmalloc(160);
        snprintf(in->error, 160, "document is over --max-doc-bytes %zu; skipped", s->o.max_doc_bytes);
        free(in->bytes);
        in->bytes = NULL;
        in->len = 0;
    }
    ix_reader_free(rd);
    return in;
}

ix_input *ix_source_next(ix_source *s)
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
            else in = read_text(s, stdin, "-", true);
            free(p.path);
            if (in) return in;
            continue;
        }
        struct stat st;
        if (stat(p.path, &st) < 0) {
            in = input_error(p.path, "cannot open: %s", strerror(errno));
            free(p.path);
            return in;
        }
        if (S_ISDIR(st.st_mode)) {
            bool loop = false;
            for (size_t i = 0; i < s->nseen; i++)
                if (s->seen[i].dev == st.st_dev && s->seen[i].ino == st.st_ino) loop = true;
            if (loop || p.depth > 64) {
                in = input_error(p.path, "folder already visited (a symbolic-link loop?): %s", "skipped");
                free(p.path);
                return in;
            }
            s->seen = ix_xrealloc(s->seen, (s->nseen + 1) * sizeof *s->seen);
            s->seen[s->nseen++] = (dirid){st.st_dev, st.st_ino};
            DIR *d = opendir(p.path);
            if (!d) {
                in = input_error(p.path, "cannot read folder: %s", strerror(errno));
                free(p.path);
                return in;
            }
            char **names = NULL;
            size_t nn = 0;
            struct dirent *de;
            while ((de = readdir(d))) {
                if (de->d_name[0] == '.') continue;           /* ., .., hidden files */
                names = ix_xrealloc(names, (nn + 1) * sizeof *names);
                names[nn++] = ix_xstrdup(de->d_name);
            }
            closedir(d);
            if (nn) qsort(names, nn, sizeof *names, cmpname);
            /* Push in reverse so the stack pops them in order; skip files
             * the glob does not take (folders are always walked). */
            for (size_t i = nn; i-- > 0;) {
                char *full = join(p.path, names[i]);
                struct stat cs;
                bool dir = stat(full, &cs) == 0 && S_ISDIR(cs.st_mode);
                bool take = dir || glob_takes(s->o.glob, names[i]) ||
                            (s->o.kind == IX_INPUT_JSONL && is_dump_name(names[i]));
                if (take) push(s, full, p.depth + 1);
                else free(full);
                free(names[i]);
            }
            free(names);
            free(p.path);
            continue;
        }
        FILE *f = fopen(p.path, "rb");
        if (!f) {
            in = input_error(p.path, "cannot open: %s", strerror(errno));
            free(p.path);
            return in;
        }
        bool dump = s->o.kind == IX_INPUT_JSONL || (s->o.kind == IX_INPUT_AUTO && is_dump_name(p.path));
        if (dump) in = open_dump(s, f, p.path, false);
        else if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
            fclose(f);
            in = input_error(p.path, "not a regular file: %s", "skipped");
        } else in = read_text(s, f, p.path, false);
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
    free(s->seen);
    free(s->line);
    free(s);
}
