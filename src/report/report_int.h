/* report_impl.h: the report's collected state, shared by its printers. */
#ifndef SCHEDSIM_REPORT_IMPL_H
#define SCHEDSIM_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* A stretch of the timeline.  thread -1 is idle, or a context switch when
 * sw is set (thread then names the incoming one in the per-thread lists). */
typedef struct report_seg {
	int64_t start, end;
	int thread;
	bool sw;
} report_seg;

typedef struct report_segs {
	report_seg *v;
	size_t n, cap;
} report_segs;

typedef struct report_thr {
	char *name;
	char *label;        /* the name for the text report (report_safe), NULL if the same */
	int64_t arrival;
	int64_t cpu, io;
	int64_t finish;     /* -1 until it exits */
	int64_t first;      /* first dispatch, -1 before it */
	int64_t blocked_at; /* start of the current I/O wait, -1 if none */
	bool sync_wait;     /* the current wait is not I/O (BLOCK with arg 0) */
	int64_t blocked;    /* ticks waiting for a mutex, semaphore, thread or sleep */
	report_segs spans;  /* its runs, I/O waits (thread -2) and switches in */
	bool measured;      /* m holds a Linux trace's figures */
	report_measured m;
} report_thr;

/* In a thread's spans, an I/O wait is marked with this thread value, and
 * any other wait with REPORT_BLOCKED. */
#define REPORT_IO (-2)
#define REPORT_BLOCKED (-3)

/* report_note()'s: a JSON member and a line of text. */
typedef struct report_note_s {
	char *key, *value, *line;
} report_note_s;

struct report {
	char *policy;
	sim_options opt;
	report_thr *t;
	size_t n, cap;
	report_segs timeline;
	int running;        /* thread on the CPU, -1 if none */
	int64_t run_since;
	int last;           /* last thread dispatched, -1 before any */
	int64_t switches;
	int64_t busy;       /* ticks spent running threads */
	int64_t end;        /* time of SIM_EV_END, or of the last thing seen */
	char *form;         /* a Linux trace's form, NULL for a simulation */
	int cpu;
	bool busiest;
	bool any_blocked;   /* some thread waited on something other than I/O */
	report_note_s *notes;
	size_t nnotes;
	bool oom;
};

/* A thread's figures; false if it has not finished. */
typedef struct report_fig {
	int64_t turnaround, waiting, response;
} report_fig;

bool report_figures(const report *r, size_t i, report_fig *f);

/* Thread i's name as the text report prints it. */
const char *report_label(const report *r, size_t i);

/* Its waiting, known when it finished or when a trace measured it. */
bool report_waiting(const report *r, size_t i, int64_t *waiting);

/* Sums over the finished threads, for averages. */
typedef struct report_sums {
	report_sum_t turnaround, waiting, response;
	uint64_t finished;
} report_sums;

void report_sum(const report *r, report_sums *s);


#endif
