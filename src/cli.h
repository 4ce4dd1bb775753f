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
#endif
