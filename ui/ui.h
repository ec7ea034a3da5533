/* ui.h: the live terminal view of a simulation.
 *
 * The view drives a simulation with sim_step() and draws what its event
 * stream says.  It can restart the run, or restart it under the next policy,
 * so it is given a way to make simulations rather than one simulation.
 */
#ifndef SCHEDSIM_UI_H
#define SCHEDSIM_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

typedef struct ui_source {
	/* Make a fresh simulation, listeners not yet added.  policy NULL: the
	 * original options; otherwise the same options under that policy.
	 * NULL with a message in err on failure. */
	sim *(*make)(void *ctx, const char *policy, char *err, size_t errlen);
	void *ctx;
	const char *title;   /* the file or demo name, shown in the view */
	const char *explain; /* a demo's explanation, or NULL */
} ui_source;

typedef struct ui_config {
	bool color;          /* false: --no-color (NO_COLOR is honoured too) */
} ui_config;

/* Run the live view until the user quits.  Returns the process exit
 * status: 0 after 'q', 1 after a run-time failure of the simulation (its
 * message printed once the screen is restored), 2 if the terminal cannot
 * be used (the message is already printed).  After SIGINT, SIGTERM or
 * SIGHUP the terminal is restored and the signal raised again under the
 * disposition the caller had; if that returns, 128 + the signal number.
 *
 * The terminal: stdin and stdout, or /dev/tty for whichever of them is not
 * one.  NO_COLOR (non-empty) or cfg->color false: no colour.  Outside a
 * UTF-8 locale the glyphs are ASCII.  setlocale(LC_ALL, "") is called. */
int ui_live(const ui_source *src, const ui_config *cfg);

#endif
