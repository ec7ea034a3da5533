/* model.h: what the live view shows, decided without a terminal.
 *
 * The model reads the engine's event stream and keeps each thread's history
 * as run, I/O and wait segments (a few words per change of state, never a cell per
 * tick), so any stretch of the past can be summarised into one column in
 * O(log segments).  It decides which cell shows what, with which glyph, at
 * which zoom and scroll position; the curses code only paints the answers.
 */
#ifndef SCHEDSIM_UI_MODEL_H
#define SCHEDSIM_UI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>

#include "sim/event.h"

/* One stretch of time [start, end); end is UI_OPEN while it lasts. */
typedef struct ui_seg {
	int64_t start, end;
	int64_t before;  /* ticks of the same kind before this segment */
	int who;         /* CPU row: thread index, UI_WHO_IDLE or UI_WHO_SWITCH */
} ui_seg;

#define UI_OPEN INT64_MAX
enum { UI_WHO_IDLE = -1, UI_WHO_SWITCH = -2, UI_WHO_NONE = -3 };

typedef struct ui_segs {
	ui_seg *v;
	size_t n, cap;
} ui_segs;

typedef struct ui_track {
	ui_segs run, io, wait; /* wait: blocked other than in I/O */
	int64_t arrival;   /* -1 before SIM_EV_ARRIVE */
	int64_t first_run; /* -1 before the first dispatch */
	int64_t finish;    /* -1 until SIM_EV_EXIT */
	sim_tstate state;
	bool in_io;        /* its latest block was I/O (not a sleep, a join or a sync object) */
	int prio;          /* from SIM_EV_PRIO; UI_PRIO_UNKNOWN before one */
	int qprev, qnext;  /* the ready list, in the order threads became ready */
	bool queued;
} ui_track;

#define UI_PRIO_UNKNOWN INT_MIN

/* The event log keeps the latest entries; reasons are copied. */
#define UI_LOG_KEEP 256
#define UI_REASON_MAX 96

typedef struct ui_log_entry {
	int64_t time;
	sim_ev_kind kind;
	int thread;
	int64_t arg;        /* END: threads that arrived and never finished */
	bool io;            /* WAKE: the wait that ended was I/O */
	char reason[UI_REASON_MAX];
} ui_log_entry;

/* Statistics over finished threads, kept as the events arrive. */
typedef struct ui_totals {
	size_t finished;
	int64_t turnaround, waiting, response; /* sums over finished threads */
	int64_t busy;                          /* ticks some thread ran, closed runs */
	int64_t switch_ticks;                  /* ticks spent switching */
	uint64_t switches;                     /* context switches */
	uint64_t events;
} ui_totals;

typedef const char *(*ui_name_fn)(void *ctx, int thread);

typedef struct ui_model {
	bool utf8, color;
	ui_name_fn name;
	void *name_ctx;

	ui_track *t;
	size_t nthreads, cap;
	ui_segs cpu;       /* who had the CPU, end to end */
	int64_t now;
	bool ended;
	int last_ran;      /* thread dispatched last, -1 before the first */
	bool oom;          /* history stopped growing: out of memory */
	int cpu_who;       /* the CPU row's open segment, UI_WHO_NONE if none */
	int64_t cpu_since;
	int switch_to;     /* while switching: the incoming thread */
	int qhead, qtail;  /* the ready list; -1 when empty */
	size_t nready;

	ui_log_entry log[UI_LOG_KEEP];
	uint64_t nlog;     /* entries ever logged; the ring keeps the latest */
	ui_totals tot;

	/* Timeline window. */
	int64_t zoom;      /* ticks per column; 0: choose so the whole run fits */
	bool follow;       /* keep the present in view */
	int64_t left;      /* first tick shown when not following */
	size_t top;        /* first thread row shown */
} ui_model;

/* An empty model with its glyph options (UTF-8, colour). */
void ui_model_init(ui_model *m, bool utf8, bool color);
/* Set up for a run of nthreads threads (an event may name more); names are
 * asked for through name(ctx, i) whenever shown.  Everything from an earlier
 * run is forgotten, the window too, except the glyph options.  0, or -1
 * out of memory. */
int ui_model_reset(ui_model *m, size_t nthreads, ui_name_fn name, void *ctx);
void ui_model_free(ui_model *m);

/* Feed one event; a sim_listener.  Out of memory the history stops growing
 * (the run goes on); the view says so. */
void ui_model_event(void *m, const sim_event *ev);

const char *ui_model_name(const ui_model *m, int thread);

/* Ticks some thread has run so far. */
int64_t ui_model_busy(const ui_model *m);

/* The state as far as the events tell, for a view without the engine (a
 * recorded run): what sim_thread_get() would say, with the priority
 * UI_PRIO_UNKNOWN before a SIM_EV_PRIO and nothing about what a thread
 * waits on; the running thread (-1 if none); the incoming one of a switch
 * (-1 if none); the ready threads in the order they became ready (the
 * policy's own order is not in the events), returning their count and
 * writing at most max. */
void ui_model_thread(const ui_model *m, int thread, sim_thread_info *out);
int ui_model_running(const ui_model *m);
int ui_model_switching(const ui_model *m);
size_t ui_model_ready(const ui_model *m, int *out, size_t max);

/* Index of the first segment starting at or after x.  from is a known
 * lower bound of the answer (0 if none): the search gallops from there, so
 * walking a row from left to right costs the log of each step, not of the
 * whole history. */
size_t ui_segs_find(const ui_segs *s, int64_t x, size_t from);
/* Ticks covered by s before time x, given i = ui_segs_find(s, x, ...);
 * open segments end at now. */
int64_t ui_segs_before_at(const ui_segs *s, int64_t x, int64_t now, size_t i);

/* ---- cells ------------------------------------------------------------- */

typedef enum ui_cell_kind {
	UI_CELL_NONE,    /* before arrival, or the future */
	UI_CELL_READY,
	UI_CELL_RUN,
	UI_CELL_IO,      /* blocked in I/O */
	UI_CELL_BLOCKED, /* blocked otherwise: asleep, joining, on a sync object */
	UI_CELL_DONE,
	UI_CELL_IDLE,    /* CPU row */
	UI_CELL_SWITCH,  /* CPU row */
	UI_CELL_KINDS
} ui_cell_kind;

typedef struct ui_cell {
	ui_cell_kind kind;
	int thread;        /* who ran (RUN cells, CPU row), else -1 */
	bool start;        /* a run of that thread begins in this column */
	const char *glyph; /* one column of text, UTF-8 or ASCII */
} ui_cell;

/* Which ticks the timeline shows: column c is [t0 + c*zoom, t0 + (c+1)*zoom). */
typedef struct ui_window {
	int64_t zoom, t0;
	int cols;
	int now_col;       /* the present's column, -1 when off screen */
} ui_window;

/* 1, 2, 5, 10, 20, 50, ...: the next larger and smaller steps. */
int64_t ui_zoom_out(int64_t zoom);
int64_t ui_zoom_in(int64_t zoom);

void ui_model_window(const ui_model *m, int cols, ui_window *w);

/* Where a row's walk has got to: zero it at the start of a row and pass it
 * for each column from left to right; NULL looks each cell up afresh. */
typedef struct ui_cursor {
	size_t run, io, wait, cpu;
} ui_cursor;

/* Thread row and CPU row cells for column col of w. */
void ui_model_cell(const ui_model *m, const ui_window *w, int thread, int col,
                   ui_cell *out, ui_cursor *cur);
void ui_model_cpu_cell(const ui_model *m, const ui_window *w, int col,
                       ui_cell *out, ui_cursor *cur);

/* A thread's own glyph: letters, digits, then signs; distinct for the first
 * 89 threads in ASCII and 143 in UTF-8, repeating beyond. */
const char *ui_thread_glyph(int thread, bool utf8);
const char *ui_state_glyph(ui_cell_kind kind, bool utf8);

/* The time axis as cols bytes of ASCII (plus NUL) in buf (cols + 1 bytes):
 * tick labels at round times, far enough apart to read. */
void ui_model_axis(const ui_window *w, char *buf);

/* Scrolling and zooming, for a timeline cols wide.  Each returns false
 * when nothing changed (already at the edge, or all is on screen). */
bool ui_model_scroll(ui_model *m, int cols, int64_t columns);
void ui_model_follow(ui_model *m);
bool ui_model_zoom_in(ui_model *m, int cols);
bool ui_model_zoom_out(ui_model *m, int cols);
/* Thread rows: keep top within [0, nthreads - rows]. */
void ui_model_rows(ui_model *m, size_t rows, long delta);

/* ---- text ---------------------------------------------------------------- */

/* Log entries, newest first (i = 0); false beyond what is kept. */
bool ui_model_log(const ui_model *m, size_t i, const ui_log_entry **out);
/* "    12  P1 runs: next in the round-robin queue" in at most len bytes:
 * the time, what happened in words, and the reason the event carries. */
void ui_log_format(const ui_model *m, const ui_log_entry *e, char *buf, size_t len);

/* The ready queue in the given (policy) order, names separated by spaces,
 * cut to width columns with "+N" saying how many did not fit. */
void ui_queue_format(const ui_model *m, const int *q, size_t n, int width,
                     char *buf, size_t len);

/* Speeds, slowest first; the last is as fast as the machine goes. */
typedef struct ui_speed {
	const char *label;  /* "2 ev/s", "max" */
	int64_t period_ns;  /* between events; 0: no pause */
} ui_speed;
extern const ui_speed ui_speeds[];
extern const int ui_nspeeds;
enum { UI_SPEED_DEFAULT = 4 };

#endif
