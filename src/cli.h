/* cli.h — what the subcommand files share: their entry points and the
 * helpers to find and load the rules. Only cmd_*.c and main.c print. */
#ifndef IX_CLI_H
#define IX_CLI_H
#include <stdbool.h>
#include <string.h>
#include "inspex.h"

int cmd_extract(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_export(int argc, char **argv);

/* The patterns folder: --patterns, else $INSPEX_PATTERNS, else patterns/
 * beside the executable, else ./patterns. Returns a malloc'd path. */
char *cli_patterns_dir(const char *opt);
/* Loads rules or prints the error and returns NULL. */
ix_rules *cli_load_rules(const char *opt);

/* signals.c: ignore SIGPIPE (write errors come back as EPIPE); SIGINT and
 * SIGTERM only set a flag, read between documents with cli_stop_signal()
 * (0, or the signal's number). A second signal kills as usual. */
void cli_signals_install(void);
int cli_stop_signal(void);
/* progress.c — the progress line on stderr (documents, MB, MB/s, ETA). */
typedef struct cli_progress cli_progress;
/* `tty`: redraw one line in place (else a plain line every few seconds).
 * `total`: input bytes for the ETA, 0 when unknown. */
cli_progress *cli_progress_new(FILE *f, bool tty, uint64_t total);
/* Counts finished documents and the input bytes they used; redraws at most
 * four times a second. NULL p: does nothing. */
void cli_progress_add(cli_progress *p, uint64_t docs, uint64_t bytes);
/* Blanks the line before another message goes to the same terminal. */
void cli_progress_clear(cli_progress *p);
/* The final line (with the elapsed time). */
void cli_progress_done(cli_progress *p);
void cli_progress_free(cli_progress *p);
/* Bytes the inputs hold, as the source will read them; 0 if unknown (stdin). */
uint64_t cli_input_total(const char *const *paths, size_t n, const char *glob, bool jsonl);
#endif
