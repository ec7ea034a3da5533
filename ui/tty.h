/* tty.h: the terminal under the live view, and getting it back.
 *
 * Whatever ends the program (q, SIGINT/SIGTERM/SIGHUP, a crash, a simulated
 * thread overflowing its stack, exit()), the terminal leaves the alternate
 * screen with its cursor visible and its modes as they were.
 */
#ifndef SCHEDSIM_UI_TTY_H
#define SCHEDSIM_UI_TTY_H

#include <stdbool.h>
#include <stddef.h>

/* Start curses on the terminal (stdin/stdout, or /dev/tty for whichever of
 * them is not one).  0, or -1 with a message in err. */
int ui_tty_open(bool color_wanted, char *err, size_t errlen);

/* Whether colour is in use (wanted, NO_COLOR unset, the terminal has it). */
bool ui_tty_color(void);

/* Sleep until a key may be waiting, a signal came, or timeout_ms passed
 * (-1: no timeout).  Never spins. */
void ui_tty_wait(int timeout_ms);

/* The terminating signal received (SIGINT, SIGTERM, SIGHUP), or 0. */
int ui_tty_signal(void);

/* End curses and put the terminal and the signal dispositions back. */
void ui_tty_close(void);

#endif
