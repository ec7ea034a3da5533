/* ltrace_int.h: what the files of the Linux trace import share. */
#ifndef SCHEDSIM_LTRACE_INT_H
#define SCHEDSIM_LTRACE_INT_H

#include "ltrace.h"

#define LTRACE_LINE_MAX 4096  /* bytes, without the newline */

typedef enum ltrace_kind {
	LTK_OTHER,      /* an event line of no interest */
	LTK_SWITCH,
	LTK_WAKEUP,
	LTK_WAKEUP_NEW,
	LTK_EXIT
} ltrace_kind;

typedef enum ltrace_pstate {
	LTS_RUN,        /* R, R+: preempted, still runnable */
	LTS_BLOCK,      /* S, D, I, W, T, t, P, ...: off the CPU by choice */
	LTS_DEAD        /* X, Z, x */
} ltrace_pstate;

/* One event line.  The strings point into the line. */
typedef struct ltrace_rec {
	ltrace_kind kind;
	ltrace_form form;   /* what the line says of its form; UNKNOWN if nothing */
	int cpu;            /* the [NNN] field */
	int64_t ts;         /* absolute microseconds */
	int ts_col;
	/* switch: a is prev, b is next; wake-up and exit: a */
	const char *a_comm, *b_comm;
	size_t a_len, b_len;
	int a_pid, b_pid;
	ltrace_pstate state;
	const char *state_s;
	size_t state_len;
	int target;         /* wake-up: target CPU */
} ltrace_rec;

/* 1: an event line, in rec; 0: a line to pass over (blank, or a header
 * line of one of the forms; *header says which); -1: malformed, with the
 * 1-based column in *col and the message in msg; -2: the same for a line
 * that has an event line's shape (a value out of range, a bad payload),
 * so that even a first line gets its own message. */
int ltrace_parse(const char *line, size_t len, ltrace_rec *rec, bool *header,
                 int *col, char *msg, size_t msglen);

/* ---- the lines (ltrace_input.c) ------------------------------------------ */

typedef struct ltrace_input ltrace_input;

/* head (what the caller read already) then the rest of f. */
ltrace_input *ltrace_input_new(const char *head, size_t headlen, FILE *f);
/* 1 with the next line (in place, without its newline), 0 at the end, -1
 * on a read error (errno), -2 when a line is longer than LTRACE_LINE_MAX. */
int ltrace_input_line(ltrace_input *in, char **line, size_t *len);
void ltrace_input_free(ltrace_input *in);

/* ---- the imported CPU's state machine (ltrace_cpu.c) -------------------- */

typedef struct ltrace_machine ltrace_machine;

/* Why an event happened, compactly: the words are made only when an
 * event is delivered (ltrace_reason_text). */
typedef enum ltrace_why {
	LTW_NONE,         /* "" */
	LTW_START,        /* "running at the trace's start" */
	LTW_WAKEUP,       /* "sched_wakeup" */
	LTW_WAKEUP_NEW,   /* "sched_wakeup_new" */
	LTW_UNWOKEN,      /* "no wake-up seen" */
	LTW_STATE,        /* "prev_state=" and data */
	LTW_MIGRATED,     /* "migrated to CPU " and data */
	LTW_LOST          /* "switched out unseen (events lost)" */
} ltrace_why;

typedef struct ltrace_reason {
	uint8_t why;
	char data[8];     /* prev_state as printed, or the CPU; cut to 8 */
} ltrace_reason;

/* The words, in buf (at least 64 bytes) or a constant. */
const char *ltrace_reason_text(const ltrace_reason *r, char *buf);

/* Where a machine's events go.  The timeline's segments are not among
 * them: they run from each DISPATCH or IDLE to the next one (or END). */
typedef struct ltrace_sink {
	void (*event)(void *ctx, int cpu, int64_t time, sim_ev_kind kind,
	              int thread, const ltrace_reason *why);
	void *ctx;
} ltrace_sink;

ltrace_machine *ltrace_machine_new(int cpu, const ltrace_sink *sink);
/* rec->ts is already relative to the trace's start.  -1 on ENOMEM. */
int ltrace_machine_feed(ltrace_machine *m, const ltrace_rec *rec);
bool ltrace_machine_started(const ltrace_machine *m);
/* Whether a task waits here (or a wake-up is held): only then can a
 * switch on another CPU matter to this one. */
bool ltrace_machine_queued(const ltrace_machine *m);
void ltrace_machine_finish(ltrace_machine *m, int64_t end);
size_t ltrace_machine_ntasks(const ltrace_machine *m);
const ltrace_task *ltrace_machine_task(const ltrace_machine *m, size_t i);
size_t ltrace_machine_memory(const ltrace_machine *m);
void ltrace_machine_free(ltrace_machine *m);

/* ---- the spool of every CPU's events (ltrace_spool.c) ------------------ */

typedef struct ltrace_spool ltrace_spool;

/* In tmpf_dir() (lib/tmpf.h); NULL with errno set on failure. */
ltrace_spool *ltrace_spool_new(void);
/* Failures are remembered: ltrace_spool_error() gives the first errno. */
void ltrace_spool_event(ltrace_spool *s, int cpu, int64_t time,
                        sim_ev_kind kind, int thread, const ltrace_reason *why);
/* Plays cpu's records, in order, to the sink; 0, or -1 (see the error). */
int ltrace_spool_replay(ltrace_spool *s, int cpu, const ltrace_sink *to);
int ltrace_spool_error(const ltrace_spool *s);
void ltrace_spool_free(ltrace_spool *s);

#endif
