/* trace_in.h: reading traces back: schedsim's own (doc/trace-format.md)
 * and, through ltrace.h, Linux scheduling traces.
 *
 * Both become what a run gives its listeners: a small header (policy,
 * options, the thread table) and then the sim_event stream, read and
 * delivered one line at a time, so a trace of any length is replayed in
 * the memory of its thread table.  A report fed from a trace prints what
 * the run printed.
 *
 * Errors are complete messages, "FILE:LINE:COL: message" for a line of
 * the trace; all are input errors (exit status 2) except failures to read
 * or allocate (1), which *io_error reports.  A schedsim trace without its
 * `end` event (an interrupted run) is not an error: it is read up to its
 * last whole line, and trace_in_info says it ended early.
 */
#ifndef SCHEDSIM_TRACE_IN_H
#define SCHEDSIM_TRACE_IN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/event.h"

#define TRACE_IN_VERSION 1

/* The longest line a trace may hold: far above any line schedsim writes
 * (workload lines are at most 4096 bytes).  Reading stops one byte past
 * it, so no input fills memory. */
#define TRACE_IN_LINE_MAX 65536


/* ---- a schedsim trace, line by line ------------------------------------ */

typedef struct trace_in trace_in;

typedef struct trace_in_thread {
	char *name;
	int64_t arrival;
	int priority;
} trace_in_thread;

/* Reads f from its start (name is for messages); the first line may
 * already have been read by the caller (trace_in_sniff), then pass it as
 * first (without its newline), else NULL.  NULL when out of memory. */
trace_in *trace_in_new(FILE *f, const char *name, const char *first);

/* Read the header, up to and including `events`.  0, or -1 with the
 * message in err. */
int trace_in_header(trace_in *t, char *err, size_t errlen);

/* After trace_in_header(). */
const char *trace_in_policy(const trace_in *t);
const sim_options *trace_in_options(const trace_in *t); /* policy set too */
const char *trace_in_writer(const trace_in *t);         /* "schedsim 0.1.0"'s version */
size_t trace_in_nthreads(const trace_in *t);
const trace_in_thread *trace_in_thread_at(const trace_in *t, size_t i);
/* The workload as recorded: its name and text (len 0 and NULL text for
 * a demo made of C code). */
const char *trace_in_workload_name(const trace_in *t);
const char *trace_in_workload(const trace_in *t, size_t *len);

/* The next event: 1 with *ev filled (ev->reason valid until the next
 * call), 0 after the `end` event or at the end of a trace cut short, -1
 * with the message in err. */
int trace_in_next(trace_in *t, sim_event *ev, char *err, size_t errlen);

/* After trace_in_next() returned 0: whether `end` was missing, and the
 * time of the last event read. */
bool trace_in_cut_short(const trace_in *t);
/* The `result` line after `end` (a C-code demo's), or NULL. */
const char *trace_in_result_text(const trace_in *t);
int64_t trace_in_last_time(const trace_in *t);

bool trace_in_io_error(const trace_in *t);
/* Bytes the reader holds: the thread table and line buffers, whatever
 * the number of events read (for tests). */
size_t trace_in_memory(const trace_in *t);
void trace_in_free(trace_in *t);

/* Whether line (the first line of a file, without its newline) claims to
 * be a schedsim trace, whatever its version. */
bool trace_in_sniff(const char *line, size_t len);

/* One line of f, as getline() reads it but never more than
 * TRACE_IN_LINE_MAX + 1 bytes of it: *line (of *cap bytes, grown as
 * needed) holds the *len bytes read, without the newline, NUL-terminated.
 * 1: a whole line; 0: the end of the input (*len bytes of a last line
 * without its newline, maybe none); 2: the line is longer than
 * TRACE_IN_LINE_MAX (the rest of it is not read); -1: a read error or no
 * memory (errno). */
int trace_in_getline(FILE *f, char **line, size_t *cap, size_t *len);

/* Read f's first line to tell the kinds apart.  A schedsim trace: 1, and
 * *t reads it from there (trace_in_header next).  Anything else: 0, with
 * the bytes read in *head (*headlen of them, the newline included; the
 * caller frees it) for another reader to start with.  -1 with the message
 * in err, *io_error set when the system failed (exit 1, else 2). */
int trace_in_open(FILE *f, const char *name, trace_in **t, char **head, size_t *headlen,
                  bool *io_error, char *err, size_t errlen);

/* ---- either kind, played to a listener -------------------------------- */

/* What a player knows before the first event.  For a Linux trace the
 * thread table's figures are final and measured (ltrace.h); for a
 * schedsim trace those fields are -1. */
typedef struct trace_in_task {
	const char *name;
	int64_t arrival;
	int priority;
	int tid;                  /* pid in a Linux trace; -1 */
	int64_t waiting;          /* runnable, not running; -1 */
	int64_t dispatches, preemptions, voluntary; /* -1 */
} trace_in_task;

typedef struct trace_in_info {
	const char *path;
	const char *policy;       /* "linux" for a Linux trace */
	const sim_options *opt;
	size_t nthreads;
	const trace_in_task *threads;
	/* A Linux trace: its form ("ftrace", ...), the CPU imported and
	 * whether it was chosen as the busiest; form NULL otherwise. */
	const char *form;
	int cpu;
	bool busiest;
	/* A schedsim trace: the reader, for the recorded workload. */
	const trace_in *trace;
} trace_in_info;

typedef struct trace_in_player {
	/* Before the first event. */
	int (*start)(void *ctx, const trace_in_info *info);
	sim_listener event;
	void *ctx;
} trace_in_player;

typedef struct trace_in_result {
	bool cut_short;           /* a schedsim trace without `end` */
	int64_t last_time;
	bool io_error;            /* the failure was the system's (exit 1) */
	char result[512];         /* a demo's result (trace_in_result_text), or "" */
} trace_in_result;

/* Open path ("-": standard input), tell a schedsim trace from a Linux one
 * by its first line, and play it: start, then every event.  cpu: the
 * Linux CPU to import, -1 for the busiest; a schedsim trace refuses any
 * other.  A start() returning nonzero stops the play with that status
 * (and err left as it set it).  0, or -1 with the message in err. */
int trace_in_play(const char *path, int cpu, const trace_in_player *p,
                  trace_in_result *res, char *err, size_t errlen);

/* ---- either kind, kept for playing again ---------------------------------- */

/* A viewer seeks back by playing a trace again from its start: the trace
 * is read and checked whole first (trace_in_play), its events kept as
 * compact records in an unlinked file in $TMPDIR, its header in memory.
 * NULL with the message in err (res->io_error as for trace_in_play). */
typedef struct trace_in_spool trace_in_spool;

trace_in_spool *trace_in_spool_new(const char *path, int cpu, trace_in_result *res,
                                   char *err, size_t errlen);
/* The header; the info's trace is NULL. */
const trace_in_info *trace_in_spool_info(const trace_in_spool *sp);
/* The end event's reason (a deadlock's words, or ""), NULL if the trace
 * was cut short before it. */
const char *trace_in_spool_end(const trace_in_spool *sp);
/* Back before the first event: 0, or -1 with the message in err. */
int trace_in_spool_rewind(trace_in_spool *sp, char *err, size_t errlen);
/* The next event (reason valid until the next call): 1, 0 after the
 * last, -1 with the message in err. */
int trace_in_spool_next(trace_in_spool *sp, sim_event *ev, char *err, size_t errlen);
void trace_in_spool_free(trace_in_spool *sp);

/* If res says the trace was cut short, say so on stderr: "schedsim: FILE:
 * trace ends early at time T (...)". */
void trace_in_warn_cut(const char *path, const trace_in_result *res);

#endif
