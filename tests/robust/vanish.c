/* vanish.c — LD_PRELOAD shim for the robustness suite: a file whose name
 * contains "VANISH" is deleted the moment inspex opens it, so it is gone
 * between the folder walk listing it and the read, the window in which a
 * crawler's clean-up job can remove files under a running inspex. Only
 * the test builds and loads this; it is no part of inspex. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

static void vanish(const char *path)
{
    if (path && strstr(path, "VANISH")) unlink(path);
}

#define SHIM(NAME, ...) \
    int NAME(const char *path, int flags, ...) \
    { \
        static int (*real)(const char *, int, ...); \
        if (!real) real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, #NAME); \
        va_list ap; \
        va_start(ap, flags); \
        mode_t mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0; \
        va_end(ap); \
        vanish(path); \
        return real(path, flags, mode); \
    }
SHIM(open)
SHIM(open64)

int openat(int dirfd, const char *path, int flags, ...)
{
    static int (*real)(int, const char *, int, ...);
    if (!real) real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, "openat");
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
    va_end(ap);
    vanish(path);
    return real(dirfd, path, flags, mode);
}
