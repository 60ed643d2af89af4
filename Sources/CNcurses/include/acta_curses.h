#ifndef ACTA_CURSES_H
#define ACTA_CURSES_H
/* SwiftPM drops the -D flags pkg-config gives, and without them ncursesw hides its
   wide-character API: define them here, before the include. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift cannot read C globals under strict concurrency, nor import function-like macros. */
WINDOW *acta_stdscr(void);
int acta_rows(void);
int acta_cols(void);
attr_t acta_attr_bold(void);
attr_t acta_attr_reverse(void);
attr_t acta_attr_underline(void);
attr_t acta_attr_dim(void);

/* newterm on the process's stdout/stdin; NULL on an unknown $TERM (initscr would exit). */
SCREEN *acta_newterm(void);
/* setlocale(LC_ALL, ""), falling back to C.UTF-8 when the locale is not UTF-8;
   returns 1 when the resulting locale is UTF-8. */
int acta_setup_locale(void);

/* SIGINT, SIGTERM, SIGHUP only set a flag (no SA_RESTART, so a blocked read returns);
   the main loop restores the terminal and saves. */
void acta_install_signal_handlers(void);
/* The signal received, or 0. */
int acta_pending_signal(void);
/* SIGTSTP and SIGCONT set flags, taken (and cleared) by the main loop. */
void acta_install_job_control_handlers(void);
int acta_take_stop_request(void);
int acta_take_continued(void);
/* Stops the process as SIGTSTP's default action would; returns once continued (fg). */
void acta_stop_self(void);
/* On a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) restore the terminal,
   then let the signal continue with its default action. */
void acta_install_crash_guard(void);
#endif
