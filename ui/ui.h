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

#include "report/report.h"
#include "sim/sim.h"

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
 * status: after 'q', that of the last run (a run not finished is 0; a
 * deadlock is 1; see ui_live_after), 1 after a run-time failure of the simulation (its message, or the
 * deadlock's, printed once the screen is restored), 2 if the terminal cannot
 * be used (the message is already printed).  After SIGINT, SIGTERM or
 * SIGHUP the terminal is restored and the signal raised again under the
 * disposition the caller had; if that returns, 128 + the signal number.
 *
 * The terminal: stdin and stdout, or /dev/tty for whichever of them is not
 * one.  NO_COLOR (non-empty) or cfg->color false: no colour.  Outside a
 * UTF-8 locale the glyphs are ASCII.  setlocale(LC_ALL, "") is called. */
int ui_live(const ui_source *src, const ui_config *cfg);

/* Called once when a run has ended (not after a run-time failure), before
 * its text report is shown, so the caller can add its notes to the report
 * (a demo's result, the deadlock) with report_note().  Returns the exit
 * status that run deserves. */
typedef int (*ui_after_fn)(void *ctx, sim *s, report *r);

/* ui_live with after (NULL: 1 after a deadlock, else 0). */
int ui_live_after(const ui_source *src, const ui_config *cfg, ui_after_fn after);

/* A recorded run, for replay: its header and its events, in order. */
typedef struct ui_recording {
	const char *title;   /* the trace's name, shown in the view */
	const char *policy;  /* as recorded */
	size_t nthreads;     /* threads in index order; events name no others */
	const char *(*name)(void *ctx, int thread);
	/* Back to before the first event: 0, or -1 with a message in err. */
	int (*rewind)(void *ctx, char *err, size_t errlen);
	/* The next event in *ev (its reason valid until the next call): 1,
	 * 0 after the last one (a trace that ends early just ends), or -1 on
	 * a malformed trace with a "FILE:LINE:COL: message" in err. */
	int (*next)(void *ctx, sim_event *ev, char *err, size_t errlen);
	/* Optional: a fresh report with the run's header (report_new,
	 * report_add_thread...), fed the events as they play and shown at
	 * the end, as for a live run.  Called again after each rewind. */
	report *(*report)(void *ctx);
	void *ctx;
	/* Optional: what a unit of time is ("us" for a Linux trace); NULL:
	 * ticks. */
	const char *unit;
} ui_recording;

/* Play a recording in the live view: all it shows that the events tell
 * (the ready queue in the order threads became ready: the policy's own
 * order is not recorded), and seeking: b one event back, s or Right one
 * forward, Home and End, t jumps to a time.  Seeking back plays the
 * recording again from its start (no simulation runs).  Returns as
 * ui_live (0 after 'q'; 1 after a malformed trace, its message printed
 * once the screen is restored; 2 without a usable terminal). */
int ui_replay(const ui_recording *rec, const ui_config *cfg);

/* The title's " policy rr (quantum 4)": the options in effect as every
 * report words them (sim_options_effect); o NULL for a recording. */
void ui_policy_words(char *buf, size_t len, const char *policy, const sim_options *o);

#endif
