/* testrules.h — small rule sets for unit tests, written as data.
 *
 * test_rules_load writes `pat` as t.pat beside a one-row councils.tsv into
 * a fresh temporary folder, loads the folder as the program would, and
 * removes it again: the rules keep nothing from their files. A rule of
 * t.pat is named "t/NAME". Include after tap.h. */
#ifndef TESTRULES_H
#define TESTRULES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

/* The rules of `pat`, or NULL (a failed check) when they do not load. */
static ix_rules *test_rules_load(const char *pat)
{
    char dir[] = "/tmp/inspex-rules-XXXXXX";
    if (!mkdtemp(dir)) { CHECK(0, "mkdtemp"); return NULL; }
    const char *files[][2] = {
        {"councils.tsv", "# surface\tname\tons_code\tstatus\tform\trisk\n"
                         "Rotherham\tRotherham\tE08000018\tcurrent\tbare\t-\n"},
        {"t.pat", pat},
    };
    char path[600];
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(path, "wb");
        if (f) { fputs(files[i][1], f); fclose(f); }
    }
    ix_err e = {{0}};
    ix_rules *r = ix_rules_load(dir, &e);
    CHECK(r != NULL, "load %s: %s", dir, e.msg);
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        remove(path);
    }
    rmdir(dir);
    return r;
}

/* The rule called `name` ("t/NAME"), or NULL. */
static const ix_rule *test_rule_named(const ix_rules *r, const char *name)
{
    for (size_t i = 0; r && i < r->nrules; i++)
        if (!strcmp(r->rules[i].name, name)) return &r->rules[i];
    return NULL;
}

#endif
