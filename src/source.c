/* source.c — where documents come from: files, folders, stdin, JSON Lines.
 *
 * Produces ix_input documents one at a time in a stable order: arguments in
 * the order given; folders walked recursively, entries sorted bytewise
 * (never by locale), only names matching the glob ("*.txt"); a JSON Lines
 * dump yields one document per line. Nothing here stops the run: a file
 * that cannot be read, a folder loop, a malformed dump line or an oversized
 * document comes out as a document with `error` set, which the extractor
 * turns into an error record.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

typedef struct pending {
    char *path;
    int depth;
} pending;

typedef struct dirid { dev_t dev; ino_t ino; char *path; } dirid;

struct ix_source {
    ix_source_opts o;
    pending *stack;
    size_t n, cap;
    dirid *seen;             /* folders walked: open-addressing hash set */
    size_t nseen, seencap;
    /* an open JSON Lines dump */
    FILE *dump;
    char *dump_name;
    bool dump_stdin;
    size_t dump_line;
    ix_buf line;             /* the current line */
    char *rbuf;              /* read-ahead of the dump */
    size_t rpos, rend;
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
static int slurp(FILE *f, size_t max, unsigned char **out, size_t *len, bool *too_big)
{
    ix_buf b = {0};
    char tmp[1 << 16];
    size_t k;
    *too_big = false;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (max && b.len + k > max) { *too_big = true; break; }
        ix_buf_put(&b, tmp, k);
    }
    if (ferror(f)) { ix_buf_free(&b); return -1; }
    *len = b.len;
    *out = (unsigned char *)ix_buf_take(&b);
    return 0;
}

static bool is_dump_name(const char *p)
{
    size_t l = strlen(p);
    return (l > 6 && !strcmp(p + l - 6, ".jsonl")) || (l > 7 && !strcmp(p + l - 7, ".ndjson"));
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

/* Reads the dump's next line (with its '\n', if any) into s->line, keeping
 * at most `cap` bytes (0 = no limit) and skipping the rest of a longer line,
 * so one enormous line cannot take all the memory. Returns the line's full
 * length, or -1 at end of file or on a read error. */
static long long dump_getline(ix_source *s, size_t cap, bool *too_long)
{
    enum { RBUF = 1 << 16 };
    if (!s->rbuf) s->rbuf = ix_xmalloc(RBUF);
    s->line.len = 0;
    *too_long = false;
    unsigned long long total = 0;
    for (;;) {
        if (s->rpos == s->rend) {
            s->rpos = 0;
            s->rend = fread(s->rbuf, 1, RBUF, s->dump);
            if (!s->rend) return total ? (long long)total : -1;
        }
        const char *p = s->rbuf + s->rpos;
        size_t avail = s->rend - s->rpos;
        const char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) + 1 : avail;
        if (cap && s->line.len + k > cap) *too_long = true;
        if (!*too_long) ix_buf_put(&s->line, p, k);
        total += k;
        s->rpos += k;
        if (nl) return (long long)total;
    }
}

/* Next document from the open dump, or NULL at its end. */
static ix_input *dump_next(ix_source *s)
{
    /* A text of max_doc_bytes takes at most about 4 times as many bytes in
     * JSON (\uXXXX escapes of non-ASCII text take 2-3 times); a longer line
     * cannot hold an acceptable document and is skipped unparsed. */
    size_t cap = 0;
    if (s->o.max_doc_bytes)
        cap = s->o.max_doc_bytes > (SIZE_MAX - (1u << 20)) / 4 ? 0 : s->o.max_doc_bytes * 4 + (1u << 20);
    for (;;) {
        errno = 0;
        bool too_long;
        long long n = dump_getline(s, cap, &too_long);
        if (n < 0) {
            bool err = ferror(s->dump);
            if (!s->dump_stdin) fclose(s->dump);
            s->dump = NULL;
            ix_input *in = NULL;
            if (err) in = input_error(s->dump_name, "read error in JSON Lines dump %s", s->dump_name);
            free(s->dump_name);
            s->dump_name = NULL;
            return in;
        }
        s->dump_line++;
        char loc[4096];
        snprintf(loc, sizeof loc, "%s:%zu", s->dump_name, s->dump_line);
        if (too_long) {
            ix_input *in = input_new(loc, loc);
            char msg[256];
            snprintf(msg, sizeof msg, "JSON Lines record of %lld bytes cannot hold a document within "
                     "--max-doc-bytes %zu; skipped", n, s->o.max_doc_bytes);
            in->error = ix_xstrdup(msg);
            return in;
        }
        const char *line = s->line.s;
        size_t len = s->line.len;
        bool had_nl = len && line[len - 1] == '\n';
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        size_t k = 0;
        while (k < len && ix_is_space(line[k])) k++;
        if (k == len) continue;                     /* blank line */
        json_error_t je;
        json_t *o = json_loadb(line, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);   /* scalars: "not an object" */
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
    s->dump = f;
    s->dump_name = ix_xstrdup(name);
    s->dump_stdin = is_stdin;
    s->dump_line = 0;
    s->rpos = s->rend = 0;
    return dump_next(s);
}

static ix_input *read_text(ix_source *s, FILE *f, const char *name, bool is_stdin)
{
    ix_input *in = input_new(name, name);
    bool big;
    if (slurp(f, s->o.max_doc_bytes, &in->bytes, &in->len, &big) < 0) {
        in->error = ix_xmalloc(256);
        snprintf(in->error, 256, "read error: %s", strerror(errno));
    } else if (big) {
        in->error = ix_xmalloc(160);
        snprintf(in->error, 160, "document is over --max-doc-bytes %zu; skipped", s->o.max_doc_bytes);
        free(in->bytes);
        in->bytes = NULL;
        in->len = 0;
    }
    if (!is_stdin) fclose(f);
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
        *err = input_error(path, "changed into something that is not a regular file while the folder was walked%s",
                           ": skipped");
        return NULL;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) { int e = errno; close(fd); *err = errno_error(path, depth, e); }
    return f;
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
            char **names = NULL;
            size_t nn = 0, ncap = 0;
            struct dirent *de;
            while ((de = readdir(d))) {
                if (de->d_name[0] == '.') continue;           /* ., .., hidden files */
                if (nn == ncap) {
                    ncap = ncap ? ncap * 2 : 32;
                    names = ix_xrealloc(names, ncap * sizeof *names);
                }
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
                bool take = dir || fnmatch(s->o.glob, names[i], 0) == 0 ||
                            (s->o.kind == IX_INPUT_JSONL && is_dump_name(names[i]));
                if (take) push(s, full, p.depth + 1);
                else free(full);
                free(names[i]);
            }
            free(names);
            free(p.path);
            continue;
        }
        FILE *f = open_doc(p.path, &st, p.depth, &in);
        if (!f) {
            free(p.path);
            return in;
        }
        bool dump = s->o.kind == IX_INPUT_JSONL || (s->o.kind == IX_INPUT_AUTO && is_dump_name(p.path));
        if (dump) in = open_dump(s, f, p.path, false);
        else in = read_text(s, f, p.path, false);
        free(p.path);
        if (in) return in;
    }
}

void ix_source_free(ix_source *s)
{
    if (!s) return;
    if (s->dump && !s->dump_stdin) fclose(s->dump);
    free(s->dump_name);
    for (size_t i = 0; i < s->n; i++) free(s->stack[i].path);
    free(s->stack);
    for (size_t i = 0; i < s->seencap; i++) free(s->seen[i].path);
    free(s->seen);
    ix_buf_free(&s->line);
    free(s->rbuf);
    free(s);
}
