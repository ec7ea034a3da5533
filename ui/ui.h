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
 * status: 0 after 'q', 1 after a run-time failure of the simulation,
 * 2 if the terminal cannot be used (the message is already printed). */
int ui_live(const ui_source *src, const ui_config *cfg);

#endif
