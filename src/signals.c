/* signals.c — what signals mean to a long `inspex extract` run.
 *
 * SIGPIPE is ignored: a closed output pipe (`inspex extract ... | head`)
 * must come back as EPIPE from write(2), so the run ends with a message and
 * exit status 3 instead of dying silently halfway through a record.
 * SIGXFSZ (a file-size limit, `ulimit -f`) likewise, as EFBIG.
 * SIGINT and SIGTERM set a flag the extract loop reads between documents: the
 * document in progress is finished, everything so far is written intact,
 * and the run stops. The handlers reset themselves (SA_RESETHAND), so a
 * second Ctrl-C kills at once, as a user who presses it twice expects.
 * Only the command-line layer installs these; the core never touches
 * signals.
 */
#include <signal.h>
#include <string.h>
#include "cli.h"

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig) { stop_signal = sig; }

void cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPIPE, &sa, NULL);
    sigaction(SIGXFSZ, &sa, NULL);             /* over `ulimit -f`: EFBIG, same path */
    sa.sa_handler = on_stop;
    sa.sa_flags = SA_RESETHAND | SA_RESTART;   /* reads and writes carry on */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int cli_stop_signal(void) { return stop_signal; }
