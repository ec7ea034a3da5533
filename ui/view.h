/* view.h: the live view's state, shared by the loop (live.c), the key
 * handling (keys.c) and the drawing (draw*.c). */
#ifndef SCHEDSIM_UI_VIEW_H
#define SCHEDSIM_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keymap.h"
#include "model.h"
#include "report/report.h"
#include "ui.h"

typedef enum ui_pane {
	UI_PANE_LIVE,    /* thread table and event log */
	UI_PANE_REPORT   /* the final report, once the run is over */
} ui_pane;

typedef struct ui_view {
	const ui_source *src;   /* a live run: src and s */
	ui_after_fn after;
	const ui_recording *rec; /* or a recording: rec, and s is NULL */
	sim *s;
	report *rep;
	ui_model m;
	char policy[64];    /* what runs now: the policy's canonical name */

	bool paused, finished, failed, quit;
	char error[256];    /* the simulation's run-time failure */
	const char *deadlock; /* how the run ended, if in a deadlock */
	int status;         /* what the last run deserves as exit status */
	int speed;          /* index into ui_speeds */
	int64_t due_ns;     /* when the next event is due while running */
	bool help;
	ui_pane pane;
	char *report_text;  /* the text report, made when the run ends */
	size_t report_lines;
	long report_top;
	char msg[256];      /* a one-off note for the status line */
	bool prompt;        /* typing a time to jump to (a recording) */
	char input[24];
	int namew;          /* widest thread name shown, in columns */

	/* Set by the last frame, for keys that depend on the layout. */
	int tl_cols;        /* timeline columns */
	size_t tl_rows;     /* thread rows in the timeline */
	size_t pane_rows;   /* rows of the bottom pane's body */
	bool too_small;
} ui_view;

/* The CPU row's label, beside the threads' names. */
#define UI_CPU_LABEL "CPU"

/* Smallest usable terminal; below it a "terminal too small" screen. */
enum { UI_MIN_COLS = 40, UI_MIN_LINES = 10 };

/* source.c: (re)start the run (policy NULL: as given), one event, the end. */
int ui_view_start(ui_view *v, const char *policy);
void ui_view_step(ui_view *v);
void ui_view_stop(ui_view *v);
/* A recording only: to after the first n events; to the first event at or
 * after time.  -1 if not a recording or it cannot be read again. */
int ui_view_seek(ui_view *v, uint64_t n);
int ui_view_seek_time(ui_view *v, int64_t time);
/* How the run stands: failed, in a deadlock, finished, paused, running. */
ui_run ui_view_run(const ui_view *v);
/* The state shown, from the engine or, for a recording, the model. */
void ui_view_thread(const ui_view *v, int i, sim_thread_info *out);
int ui_view_running(const ui_view *v);
int ui_view_switching(const ui_view *v);
int64_t ui_view_quantum_left(const ui_view *v);
size_t ui_view_ready(const ui_view *v, int *out, size_t max);
size_t ui_view_sync_count(const ui_view *v);

/* live.c */
int64_t ui_now_ns(void);

/* keys.c: act on one key, as the keymap says for the view's mode (which
 * ui_view_keymode tells: the prompt, the help, the too-small screen or the
 * view, a live run or a recording, and how the run stands). */
ui_keymode ui_view_keymode(const ui_view *v);
void ui_key(ui_view *v, int key);

/* draw.c: the whole frame; colours are set up once per screen. */
void ui_draw_init(bool color);
void ui_draw(ui_view *v);

#endif
