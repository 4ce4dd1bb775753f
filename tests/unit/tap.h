/* tap.h — the smallest test harness that can fail: CHECK(cond, fmt, ...)
 * prints "not ok" with the location on failure; DONE() prints the closing
 * "N passed, N failed" line and returns the exit status. */
#ifndef IX_TAP_H
#define IX_TAP_H
#include <stdio.h>
static int tap_pass, tap_fail;
#define CHECK(cond, ...) do { \
    if (cond) tap_pass++; \
    else { tap_fail++; printf("not ok %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)
#define DONE() (printf("%d passed, %d failed\n", tap_pass, tap_fail), tap_fail ? 1 : 0)
#endif
