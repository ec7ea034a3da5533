/* ltrace.h: real Linux scheduling traces, imported as schedsim events.
 *
 * Reads the three text forms Linux tools print (raw ftrace, `trace-cmd
 * report`, `perf script`; GUIDE section 6 and doc/linux-traces.md),
 * recognised automatically, line by line.  One CPU is imported at a time:
 * its sched_switch events become run segments, wake-ups targeting it give
 * ready times, and everything leaves as the same sim_event stream a
 * simulation produces, so a report can be fed either.  Memory grows with
 * the number of tasks and CPUs, never with the number of lines (events
 * wait in an unlinked temporary file until the input has been checked).
 *
 * Events.  Times are integer microseconds from the first timestamp of the
 * trace (any CPU, any event).  `thread` indexes the task table below, in
 * order of first appearance; -1 for the idle task (pid 0).
 *   ARRIVE    a task appears: its first wake-up here, its first switch-in
 *             without one, or, for the task found running, at 0
 *   WAKE      sched_wakeup(_new) targeting this CPU of a known task, or
 *             (reason "no wake-up seen") one switched in with none seen
 *             since it blocked: every DISPATCH is of a ready task
 *   SWITCH    before each DISPATCH of a task other than the last to run
 *             (as in a simulation; arg 0)
 *   DISPATCH  switched in (reason "")
 *   PREEMPT   switched out with prev_state R or R+ (reason "prev_state=R+")
 *   BLOCK     switched out in any other state ("prev_state=S"), or a ready
 *             task switched in on another CPU ("migrated to CPU 1")
 *   EXIT      switched out dead (X, Z, x) or after its sched_process_exit
 *   IDLE      the idle task switched in; thread -1
 *   END       the trace's last timestamp; thread -1
 * The task running when the trace starts counts as dispatched at 0.  BLOCK
 * carries arg 0: how long a task will sleep is not in the trace.  At one
 * instant, events keep the order of the trace's lines.
 *
 * Errors are complete messages: "FILE:LINE:COL: message" for a line, and
 * "FILE:1:1: not a schedsim or Linux scheduling trace" for a file that is
 * neither.  All are input errors (exit status 2) except failures to read,
 * spool or allocate (1); ltrace_read says which.
 */
#ifndef SCHEDSIM_LTRACE_H
#define SCHEDSIM_LTRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/event.h"

/* The largest CPU number a trace may name (--cpu too): the kernel's
 * largest NR_CPUS, less one. */
#define LTRACE_CPU_MAX 8191

typedef struct ltrace ltrace;

typedef enum ltrace_form {
	LTRACE_UNKNOWN,   /* no sched_switch or sched_wakeup line seen yet */
	LTRACE_FTRACE,    /* raw ftrace: prev_comm=... ==> next_comm=... */
	LTRACE_TRACE_CMD, /* trace-cmd report: comm:pid [prio] S ==> comm:pid [prio] */
	LTRACE_PERF       /* perf script: sched:sched_switch: prev_comm=... */
} ltrace_form;

/* "ftrace", "trace-cmd", "perf script", "unknown". */
const char *ltrace_form_name(ltrace_form f);

/* Per task, on the imported CPU.  Times in microseconds. */
typedef struct ltrace_task {
	const char *name;   /* comm last seen in prev_/next_/wake-up fields */
	int pid;
	int64_t arrival;    /* time of its ARRIVE event */
	int64_t finish;     /* time of its EXIT event; -1 if none */
	int64_t cpu;        /* running */
	int64_t waiting;    /* runnable here but not running */
	int64_t dispatches; /* times switched in */
	int64_t preemptions;/* switched out runnable (R, R+) */
	int64_t voluntary;  /* switched out in any other state */
} ltrace_task;

/* A stretch of the CPU's timeline: a task running, or idle (thread -1). */
typedef struct ltrace_segment {
	int64_t start, end; /* end > start: empty stretches are not reported */
	int thread;
} ltrace_segment;

typedef void (*ltrace_seg_fn)(void *ctx, const ltrace_segment *seg);

/* What every CPU of the trace did, whichever was imported. */
typedef struct ltrace_cpuinfo {
	int cpu;
	int64_t switches;   /* sched_switch lines on it */
	int64_t busy;       /* time not idle, from the trace's start to its end */
} ltrace_cpuinfo;

/* cpu: the CPU to import, or -1 for the busiest: the most busy time
 * (not running pid 0); ties go to more switches, then the lower number. */
ltrace *ltrace_new(int cpu);

/* Listeners and segment callbacks are called in the order added.  A
 * segment is delivered when the event that ends it (DISPATCH, IDLE, END)
 * is, just before the listeners hear of that event. */
void ltrace_listen(ltrace *lt, sim_listener fn, void *ctx);
void ltrace_on_segment(ltrace *lt, ltrace_seg_fn fn, void *ctx);

/* Called once the whole input has been read and checked, before the first
 * event: the CPU, the thread table and every figure are final, so a
 * report can be given its threads (names, arrivals) up front. */
typedef void (*ltrace_start_fn)(void *ctx, const ltrace *lt);
void ltrace_on_start(ltrace *lt, ltrace_start_fn fn, void *ctx);

/* Import f, from where it stands to its end, reading it once (a pipe is
 * fine); name is used in messages.  Events are spooled to a temporary
 * file while the lines are read (for every CPU when the busiest is to be
 * chosen) and delivered after the last line: all of them, or none if the
 * input is bad.  Returns 0, or -1 with a complete message in err;
 * *io_error (may be NULL) is set when the failure was the system's
 * (reading, spooling, memory: exit status 1), not the input's (exit
 * status 2). */
int ltrace_read(ltrace *lt, FILE *f, const char *name, bool *io_error,
                char *err, size_t errlen);

/* The same, for an input of which the caller has read a first part
 * already (its first line, to tell its format: a pipe cannot be rewound):
 * head, then the rest of f.  Line numbers count from head's first line. */
int ltrace_read_after(ltrace *lt, const char *head, size_t headlen, FILE *f,
                      const char *name, bool *io_error, char *err,
                      size_t errlen);

/* Convenience: open path ("-" for standard input) and ltrace_read() it. */
int ltrace_load(ltrace *lt, const char *path, bool *io_error,
                char *err, size_t errlen);

/* Whether line (one line of text, without its newline) opens a Linux
 * trace: an event line, or a header line one of the forms prints.  Lets a
 * caller tell a Linux trace from its own format by the first line. */
bool ltrace_sniff(const char *line, size_t len);

/* After a successful read. */
int ltrace_cpu(const ltrace *lt);           /* the CPU imported */
ltrace_form ltrace_form_of(const ltrace *lt);
int64_t ltrace_end(const ltrace *lt);       /* last timestamp, from 0 */
size_t ltrace_ntasks(const ltrace *lt);
const ltrace_task *ltrace_task_at(const ltrace *lt, size_t i);
size_t ltrace_ncpus(const ltrace *lt);      /* CPUs with any event */
const ltrace_cpuinfo *ltrace_cpu_at(const ltrace *lt, size_t i); /* by number */
size_t ltrace_memory(const ltrace *lt);     /* bytes it holds, for tests */

void ltrace_free(ltrace *lt);

#endif
