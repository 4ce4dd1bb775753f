/* source.c — where documents come from (ix_source_*).
 *
 * Folder walks are recursive and sorted bytewise (never by locale), take
 * only names matching the glob and skip hidden entries; named paths come in
 * argument order; a JSON Lines dump gives one document per line with its id
 * (or url, or DUMP:LINE); a malformed line or a text that is not a string is
 * an error document naming DUMP:LINE, and the run goes on. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "inspex.h"
#include "tap.h"

static char root[] = "/tmp/inspex-source-XXXXXX";

static void put(const char *rel, const char *text, size_t len)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    /* make parent folders */
    for (char *s = p + strlen(root) + 1; (s = strchr(s, '/')); s++) {
        *s = 0;
        mkdir(p, 0700);
        *s = '/';
    }
    FILE *f = fopen(p, "wb");
    if (!f) { CHECK(0, "cannot write %s", p); return; }
    fwrite(text, 1, len, f);
    fclose(f);
}
#define PUT(rel, lit) put(rel, lit, sizeof lit - 1)

/* Reads every document of the given paths, and joins "doc" ids (or
 * "doc!error" for errors) with " | ", dropping the root prefix. */
static char *walk(const char *const *paths, size_t n, const ix_source_opts *o, ix_input ***keep, size_t *nkeep)
{
    ix_source *s = ix_source_new(paths, n, o);
    static char out[8192];
    size_t len = 0, rl = strlen(root);
    out[0] = 0;
    ix_input *in;
    size_t k = 0;
    while ((in = ix_source_next(s))) {
        const char *d = in->doc;
        if (!strncmp(d, root, rl)) d += rl + (d[rl] == '/');
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s%s", len ? " | " : "", d, in->error ? "!error" : "");
        if (keep) {
            *keep = realloc(*keep, (k + 1) * sizeof **keep);
            (*keep)[k++] = in;
        } else ix_input_free(in);
    }
    if (nkeep) *nkeep = k;
    ix_source_free(s);
    return out;
}

static void free_all(ix_input **v, size_t n)
{
    for (size_t i = 0; i < n; i++) ix_input_free(v[i]);
    free(v);
}

static char *at(const char *rel)
{
    static char buf[4][512];
    static int i;
    i = (i + 1) % 4;
    snprintf(buf[i], sizeof buf[i], "%s/%s", root, rel);
    return buf[i];
}

int main(void)
{
    if (!mkdtemp(root)) { CHECK(0, "mkdtemp"); return DONE(); }
    ix_source_opts txt = {.kind = IX_INPUT_AUTO};

    /* a folder: recursive, sorted bytewise, glob, hidden entries skipped */
    PUT("w/b.txt", "b");
    PUT("w/B.txt", "B");
    PUT("w/a.txt", "a");
    PUT("w/Z.txt", "Z");
    PUT("w/_u.txt", "_");
    PUT("w/a.md", "not taken");
    PUT("w/.hidden.txt", "hidden");
    PUT("w/.git/x.txt", "hidden folder");
    PUT("w/sub/c.txt", "c");
    PUT("w/sub/deeper/e.txt", "e");
    PUT("w/sub-x/d.txt", "d");
    PUT("w/\xc3\xa4.txt", "umlaut");
    PUT("w/a.txt.bak", "not taken");
    {
        const char *p[] = {at("w")};
        const char *got = walk(p, 1, &txt, NULL, NULL);
        const char *want = "w/B.txt | w/Z.txt | w/_u.txt | w/a.txt | w/b.txt | w/sub/c.txt | w/sub/deeper/e.txt | "
                           "w/sub-x/d.txt | w/\xc3\xa4.txt";
        CHECK(!strcmp(got, want), "folder walk:\n    got  %s\n    want %s", got, want);
    }
    {
        const char *p[] = {at("w/")};
        const char *got = walk(p, 1, &txt, NULL, NULL);
        CHECK(!strncmp(got, "w/B.txt | ", 10), "a trailing slash does not double: %s", got);
    }
    {
        ix_source_opts md = {.kind = IX_INPUT_AUTO, .glob = "*.md"};
        const char *p[] = {at("w")};
        const char *got = walk(p, 1, &md, NULL, NULL);
        CHECK(!strcmp(got, "w/a.md"), "--glob '*.md': %s", got);
        ix_source_opts star = {.kind = IX_INPUT_AUTO, .glob = "[ab].*"};
        got = walk(p, 1, &star, NULL, NULL);
        CHECK(!strcmp(got, "w/a.md | w/a.txt | w/a.txt.bak | w/b.txt"), "--glob '[ab].*': %s", got);
    }
    /* named paths: argument order, whatever the glob; missing ones are errors */
    {
        const char *p[] = {at("w/b.txt"), at("w/a.md"), at("missing.txt"), at("w/a.txt")};
        ix_input **v = NULL;
        size_t n;
        const char *got = walk(p, 4, &txt, &v, &n);
        CHECK(!strcmp(got, "w/b.txt | w/a.md | missing.txt!error | w/a.txt"), "named paths in order: %s", got);
        if (n == 4) {
            CHECK(v[0]->len == 1 && v[0]->bytes[0] == 'b' && !strcmp(v[0]->source, at("w/b.txt")),
                  "file bytes and source");
            CHECK(strstr(v[2]->error, "cannot open") != NULL, "missing file: \"%s\"", v[2]->error);
        }
        free_all(v, n);
    }
    /* --max-doc-bytes */
    {
        ix_source_opts small = {.kind = IX_INPUT_AUTO, .max_doc_bytes = 3};
        const char *p[] = {at("w/a.txt"), at("w/sub/c.txt"), at("w/.hidden.txt")};
        const char *got = walk(p, 3, &small, NULL, NULL);
        CHECK(!strcmp(got, "w/a.txt | w/sub/c.txt | w/.hidden.txt!error"), "oversized document is an error: %s", got);
    }

    /* JSON Lines dumps */
    PUT("dump.jsonl",
        "{\"id\":\"a1\",\"text\":\"Hello\",\"title\":\"T\",\"date\":\"2020-01-02\",\"url\":\"https://x/a1\"}\n"
        "{\"url\":\"https://example.org/b\",\"text\":\"World\"}\n"
        "{\"text\":\"no id\"}\n"
        "\n"
        "{\"id\":42,\"text\":\"numeric id\"}\n"
        "{\"id\":\"bad\",\"text\":\"unterminated\n"
        "{\"id\":\"b\",\"text\":5}\n"
        "{\"id\":\"c\"}\n"
        "[1,2]\n"
        "{\"id\":\"d\",\"text\":\"caf\\u00e9 \\u0000 nul\"}\n"
        "{\"id\":\"e\",\"text\":null}\n"
        "{\"id\":\"f\",\"text\":\"last\"}");
    {
        const char *p[] = {at("dump.jsonl")};
        ix_input **v = NULL;
        size_t n;
        const char *got = walk(p, 1, &txt, &v, &n);
        const char *want = "a1 | https://example.org/b | dump.jsonl:3 | 42 | dump.jsonl:6!error | b!error | c!error | "
                           "dump.jsonl:9!error | d | e!error | f";
        CHECK(!strcmp(got, want), "dump documents:\n    got  %s\n    want %s", got, want);
        if (n == 11) {
            char src[600];
            snprintf(src, sizeof src, "%s:1", at("dump.jsonl"));
            CHECK(!strcmp(v[0]->source, src), "source is DUMP:LINE (%s)", v[0]->source);
            CHECK(v[0]->len == 5 && !memcmp(v[0]->bytes, "Hello", 5), "text field bytes");
            CHECK(v[0]->title && !strcmp(v[0]->title, "T") && v[0]->date && !strcmp(v[0]->date, "2020-01-02") &&
                  v[0]->url && !strcmp(v[0]->url, "https://x/a1"), "title, date, url carried");
            snprintf(src, sizeof src, "%s:5", at("dump.jsonl"));
            CHECK(!strcmp(v[3]->source, src), "blank lines still count: %s", v[3]->source);
            snprintf(src, sizeof src, "%s:6", at("dump.jsonl"));
            CHECK(!strcmp(v[4]->doc, src) && !strcmp(v[4]->source, src), "malformed line is named DUMP:LINE (%s)",
                  v[4]->doc);
            CHECK(v[4]->error && strstr(v[4]->error, "malformed"), "malformed line error: %s", v[4]->error);
            CHECK(v[5]->error && strstr(v[5]->error, "not a string"), "text not a string: %s", v[5]->error);
            CHECK(v[6]->error && strstr(v[6]->error, "missing"), "text missing: %s", v[6]->error);
            CHECK(v[7]->error && strstr(v[7]->error, "not an object"), "not an object: %s", v[7]->error);
            CHECK(v[8]->len == 11 && !memcmp(v[8]->bytes, "caf\xc3\xa9 \0 nul", 11), "\\u0000 kept as a NUL byte (len %zu)",
                  v[8]->len);
            CHECK(v[9]->error && strstr(v[9]->error, "null"), "text null: %s", v[9]->error);
            CHECK(!v[10]->error && v[10]->warning && strstr(v[10]->warning, "newline"),
                  "last line without a newline is read, with a warning");
        }
        free_all(v, n);
    }
    /* --text-field, and --input jsonl on a name without .jsonl */
    PUT("dump.txt", "{\"id\":\"x\",\"body\":\"in body\",\"text\":\"in text\"}\n");
    {
        ix_source_opts j = {.kind = IX_INPUT_JSONL, .text_field = "body"};
        const char *p[] = {at("dump.txt")};
        ix_input **v = NULL;
        size_t n;
        const char *got = walk(p, 1, &j, &v, &n);
        CHECK(!strcmp(got, "x") && n == 1 && v[0]->len == 7 && !memcmp(v[0]->bytes, "in body", 7),
              "--input jsonl --text-field body: %s", got);
        free_all(v, n);
        ix_source_opts t = {.kind = IX_INPUT_TEXT};
        const char *p2[] = {at("dump.jsonl")};
        v = NULL;
        got = walk(p2, 1, &t, &v, &n);
        CHECK(!strcmp(got, "dump.jsonl") && n == 1 && v[0]->len > 100, "--input text reads a .jsonl as one text: %s", got);
        free_all(v, n);
    }
    /* documents after a dump keep coming, in argument order */
    {
        const char *p[] = {at("w/a.txt"), at("dump.txt"), at("w/b.txt")};
        ix_source_opts j = {.kind = IX_INPUT_AUTO};
        const char *got = walk(p, 3, &j, NULL, NULL);
        CHECK(!strcmp(got, "w/a.txt | dump.txt | w/b.txt"), "mixed inputs in order: %s", got);
        const char *p2[] = {at("dump.jsonl"), at("w/b.txt")};
        got = walk(p2, 2, &j, NULL, NULL);
        CHECK(strstr(got, "| f | w/b.txt") != NULL, "file after a dump: %s", got);
    }
    /* an empty folder gives nothing; an empty file is a document */
    {
        char d[600];
        snprintf(d, sizeof d, "%s/empty", root);
        mkdir(d, 0700);
        PUT("e.txt", "");
        const char *p[] = {d, at("e.txt")};
        ix_input **v = NULL;
        size_t n;
        const char *got = walk(p, 2, &txt, &v, &n);
        CHECK(!strcmp(got, "e.txt") && n == 1 && v[0]->len == 0 && !v[0]->error, "empty folder / empty file: %s", got);
        free_all(v, n);
    }

    /* ix_source_take: a folder's files come unread, in order, and are read
     * later by ix_input_read, which sees the file as it is by then: gone,
     * turned into a named pipe, or rewritten. Symbolic links are followed. */
    PUT("t/a.txt", "alpha");
    PUT("t/b.txt", "bravo");
    PUT("t/c.txt", "charlie");
    PUT("t/d.txt", "delta");
    PUT("t/sub/e.txt", "echo");
    PUT("t/z.jsonl", "{\"id\":\"j1\",\"text\":\"in a dump\"}\n");
    if (symlink("a.txt", at("t/l.txt")) != 0) CHECK(0, "symlink");
    {
        ix_source_opts o = {.kind = IX_INPUT_AUTO, .glob = "*"};
        const char *p[] = {at("t")};
        ix_source *s = ix_source_new(p, 1, &o);
        ix_input *v[16];
        size_t n = 0;
        while (n < 16 && (v[n] = ix_source_take(s))) n++;
        ix_source_free(s);
        /* a.txt b.txt c.txt d.txt l.txt sub/e.txt j1 */
        CHECK(n == 7, "take: 7 documents, got %zu", n);
        if (n == 7) {
            bool unread = true;
            for (size_t i = 0; i < 6; i++) unread = unread && v[i]->unread && !v[i]->bytes && !v[i]->error;
            CHECK(unread, "take: files come unread");
            CHECK(!v[6]->unread && v[6]->len == 9 && !strcmp(v[6]->doc, "j1"), "take: a dump's lines come read");
            CHECK(!strcmp(v[5]->doc, at("t/sub/e.txt")), "take: subfolder in order (%s)", v[5]->doc);
            unlink(at("t/b.txt"));
            unlink(at("t/c.txt"));
            if (mkfifo(at("t/c.txt"), 0600) != 0) CHECK(0, "mkfifo");
            PUT("t/d.txt", "delta, rewritten");
            for (size_t i = 0; i < 7; i++) ix_input_read(v[i]);
            CHECK(!v[0]->unread && v[0]->len == 5 && !memcmp(v[0]->bytes, "alpha", 5) && v[0]->raw_len == 5,
                  "read: bytes and raw_len");
            CHECK(v[1]->error && strstr(v[1]->error, "vanished before it could be read"), "read: gone: %s",
                  v[1]->error ? v[1]->error : "(no error)");
            CHECK(v[2]->error && strstr(v[2]->error, "not a regular file"), "read: now a named pipe: %s",
                  v[2]->error ? v[2]->error : "(no error)");
            CHECK(v[3]->len == 16 && !memcmp(v[3]->bytes, "delta, rewritten", 16), "read: the file as it is now");
            CHECK(v[4]->len == 5 && !memcmp(v[4]->bytes, "alpha", 5), "read: a symbolic link is followed");
            CHECK(v[6]->len == 9 && !memcmp(v[6]->bytes, "in a dump", 9), "read: a document already read is left");
            ix_input_read(v[0]);
            CHECK(v[0]->len == 5, "read: reading twice does nothing");
        }
        for (size_t i = 0; i < n; i++) ix_input_free(v[i]);
    }
    /* an unread document freed without being read leaks nothing (valgrind) */
    {
        const char *p[] = {at("t/a.txt")};
        ix_source *s = ix_source_new(p, 1, &txt);
        ix_input_free(ix_source_take(s));
        ix_source_free(s);
    }

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) CHECK(0, "cleanup");
    return DONE();
}
