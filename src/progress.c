/* progress.c — the progress line of `inspex extract` on stderr.
 *
 * "  12,345 docs   512.3 MB   98.7 MB/s   ETA 0:42" redrawn in place at most
 * four times a second, then a final summary line. The caller decides
 * whether to show it (by default only when stderr is a terminal, never in
 * piped output; --progress / --quiet force either way). The ETA needs the
 * total input size, which cli_input_total finds by walking the inputs the
 * way source.c will (sizes of the files the glob takes, dumps whole); with
 * stdin in the inputs the total is unknown and no ETA is shown.
 *
 * This is part of the command-line layer: it prints, the core does not.
 */
#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include "cli.h"

struct cli_progress {
    FILE *f;
    bool tty;                  /* redraw in place; otherwise one line per update */
    uint64_t total;            /* input bytes, 0 = unknown */
    uint64_t docs, bytes;
    double t0, last;
    int width;                 /* of the line last drawn, to blank it */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cli_progress *cli_progress_new(FILE *f, bool tty, uint64_t total)
{
    cli_progress *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->f = f;
    p->tty = tty;
    p->total = total;
    p->t0 = p->last = now();
    return p;
}

/* 1234567 -> "1,234,567" */
static void thousands(char *out, size_t cap, uint64_t v)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
    size_t k = 0;
    for (int i = 0; i < n && k + 2 < cap; i++) {
        if (i && (n - i) % 3 == 0) out[k++] = ',';
        out[k++] = t[i];
    }
    out[k] = 0;
}

static void draw(cli_progress *p, double t, bool final)
{
    double secs = t - p->t0, mb = (double)p->bytes / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    char docs[40], line[160];
    thousands(docs, sizeof docs, p->docs);
    int n = snprintf(line, sizeof line, "%s docs  %.1f MB  %.1f MB/s", docs, mb, rate);
    if (final) n += snprintf(line + n, sizeof line - (size_t)n, "  in %.1f s", secs);
    else if (p->total && rate > 0 && p->bytes <= p->total) {
        double eta = ((double)(p->total - p->bytes) / 1e6) / rate;
        unsigned e = (unsigned)(eta + 0.5);
        n += snprintf(line + n, sizeof line - (size_t)n, "  %2.0f%%  ETA %u:%02u:%02u",
                      100.0 * (double)p->bytes / (double)p->total, e / 3600, e / 60 % 60, e % 60);
    }
    if (p->tty) {
        fprintf(p->f, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
        if (final) fputc('\n', p->f);
    } else fprintf(p->f, "inspex: %s\n", line);
    p->width = n;
    fflush(p->f);
}

void cli_progress_add(cli_progress *p, uint64_t docs, uint64_t bytes)
{
    if (!p) return;
    p->docs += docs;
    p->bytes += bytes;
    double t = now();
    if (t - p->last >= (p->tty ? 0.25 : 5.0)) {
        p->last = t;
        draw(p, t, false);
    }
}

void cli_progress_clear(cli_progress *p)
{
    if (!p || !p->tty || !p->width) return;
    fprintf(p->f, "\r%*s\r", p->width, "");
    p->width = 0;
}

void cli_progress_done(cli_progress *p)
{
    if (!p) return;
    draw(p, now(), true);
}

void cli_progress_free(cli_progress *p) { free(p); }

/* ---- the total ------------------------------------------------------------ */

static uint64_t walk(const char *path, const char *glob, bool jsonl, int depth)
{
    struct stat st;
    if (depth > 64 || stat(path, &st) < 0) return 0;
    if (!S_ISDIR(st.st_mode)) return S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
    DIR *d = opendir(path);
    if (!d) return 0;
    uint64_t sum = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        size_t a = strlen(path), b = strlen(de->d_name);
        char *full = malloc(a + b + 2);
        if (!full) break;
        memcpy(full, path, a);
        full[a] = '/';
        memcpy(full + a + 1, de->d_name, b + 1);
        struct stat cs;
        if (stat(full, &cs) == 0) {
            bool dump = jsonl && b > 6 && (!strcmp(de->d_name + b - 6, ".jsonl") ||
                                           (b > 7 && !strcmp(de->d_name + b - 7, ".ndjson")));
            if (S_ISDIR(cs.st_mode)) sum += walk(full, glob, jsonl, depth + 1);
            else if (S_ISREG(cs.st_mode) && (fnmatch(glob, de->d_name, 0) == 0 || dump)) sum += (uint64_t)cs.st_size;
        }
        free(full);
    }
    closedir(d);
    return sum;
}

uint64_t cli_input_total(const char *const *paths, size_t n, const char *glob, bool jsonl)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(paths[i], "-")) return 0;
        sum += walk(paths[i], glob ? glob : "*.txt", jsonl, 0);
    }
    return sum;
}
