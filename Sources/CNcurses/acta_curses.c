#include "acta_curses.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <langinfo.h>
#include <stdio.h>
#include <strings.h>

WINDOW *acta_stdscr(void) { return stdscr; }
int acta_rows(void) { return getmaxy(stdscr); }
int acta_cols(void) { return getmaxx(stdscr); }
attr_t acta_attr_bold(void) { return A_BOLD; }
attr_t acta_attr_reverse(void) { return A_REVERSE; }
attr_t acta_attr_underline(void) { return A_UNDERLINE; }
attr_t acta_attr_dim(void) { return A_DIM; }

SCREEN *acta_newterm(void) { return newterm(NULL, stdout, stdin); }

static int locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int acta_setup_locale(void) {
    setlocale(LC_ALL, "");
    if (locale_is_utf8()) return 1;
    setlocale(LC_ALL, "C.UTF-8");
    return locale_is_utf8();
}

static volatile sig_atomic_t pending_signal = 0;

static void on_signal(int sig) { pending_signal = sig; }

void acta_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: the blocked read must return */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* A parent may have left these blocked (the mask survives exec); we need them. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    /* ncurses handles SIGWINCH only if it is not ignored. */
    signal(SIGWINCH, SIG_DFL);
}

int acta_pending_signal(void) { return pending_signal; }

/* SIGTSTP (kill -TSTP, or a terminal's suspend key outside raw mode) and SIGCONT (fg, or a
   SIGSTOP/SIGCONT pair) only set flags: the main loop restores the terminal, stops, and
   redraws the whole screen when continued. */
static volatile sig_atomic_t stop_requested = 0;
static volatile sig_atomic_t continued = 0;

static void on_stop(int sig) { (void)sig; stop_requested = 1; }
static void on_continue(int sig) { (void)sig; continued = 1; }

static void install_stop_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTSTP, &sa, NULL);
}

void acta_install_job_control_handlers(void) {
    install_stop_handler();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_continue;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCONT, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int acta_take_stop_request(void) { int r = stop_requested; stop_requested = 0; return r; }
int acta_take_continued(void) { int r = continued; continued = 0; return r; }

void acta_stop_self(void) {
    /* SIGSTOP, not SIGTSTP: the kernel discards SIGTSTP's stop in an orphaned process group
       (a program started by `sh -c` in a tmux pane, say); SIGSTOP always stops. It continues
       here after fg or SIGCONT. */
    raise(SIGSTOP);
}

static void on_crash(int sig) {
    /* Not async-signal-safe in theory, but the process is dying anyway and a raw
       terminal is worse: leave curses mode, then die as the signal says. */
    endwin();
    static const char msg[] = "\nacta: error interno; el diario está a salvo / internal error; the journal is safe\n";
    (void)!write(2, msg, sizeof msg - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

void acta_install_crash_guard(void) {
    int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}
