/* report.h: what a run did, as text or JSON, from its event stream.
 *
 * A report is fed a small run header (policy, effective options, thread
 * names and arrivals) and then the sim_event values of one run, in order.
 * It never looks at a live engine, so a recorded trace can feed it the same
 * way and print exactly what the run printed.
 *
 * Conventions, as in the textbooks:
 *   turnaround = finish - arrival
 *   waiting    = turnaround - cpu - io - blocked (ready but not running; a
 *                switch into a thread is part of its waiting)
 *   blocked    = time waiting for a mutex, semaphore, thread or sleep:
 *                a BLOCK event with arg 0, until its WAKE
 *   response   = first dispatch - arrival
 *   context switches: dispatches of a thread other than the one dispatched
 *                before it (the first dispatch is not a switch)
 *   cpu utilisation: ticks running a thread / makespan (switch cost and
 *                idle time are not useful work)
 * The timeline covers [0, makespan] without gaps: runs of a thread (merged
 * when consecutive), idle stretches and context switches.
 */
#ifndef SCHEDSIM_REPORT_H
#define SCHEDSIM_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/event.h"

typedef struct report report;

/* policy: the canonical name; opt: the effective options (opt->policy is
 * not used).  Both are copied.  NULL when out of memory. */
report *report_new(const char *policy, const sim_options *opt);

/* Threads in index order (workload order), before their events.  The name
 * is copied.  0, or -1 when out of memory. */
int report_add_thread(report *r, const char *name, int64_t arrival);

/* A trace imported from Linux (replay): its form ("ftrace", ...), the CPU
 * shown and whether it was chosen as the busiest.  Times are then
 * microseconds, and the title says so.  0, or -1 when out of memory. */
int report_set_linux(report *r, const char *form, int cpu, bool busiest);

/* What a Linux trace measured of thread i: its pid ("tid" in JSON), its
 * waiting (runnable, not running: shown instead of the formula's, which
 * needs an exit), times switched in, preemptions, voluntary switches. */
typedef struct report_measured {
	int tid;
	int64_t waiting, dispatches, preemptions, voluntary;
} report_measured;

void report_measure(report *r, size_t i, const report_measured *m);

/* Something the run ended with: a string member of the JSON object, after
 * the others (key: value), and a line of text after the totals.  Used for
 * "deadlock" (sim_deadlock()) and a demo's "result".  All copied.  0, or -1
 * when out of memory. */
int report_note(report *r, const char *key, const char *value, const char *line);

/* One event; a sim_listener (ctx is the report). */
void report_event(void *r, const sim_event *ev);

/* The header of a simulation just made (before its first step), then the
 * report listens to it.  NULL when out of memory, or when the simulation
 * takes no listener (then sim_error() says why). */
report *report_for_sim(sim *s);

/* Print the report.  0, or -1 when out of memory or on a write error. */
int report_text(report *r, FILE *out);
int report_json(report *r, FILE *out);

/* s as a JSON string, escaped; invalid UTF-8 becomes U+FFFD. */
void report_json_string(FILE *out, const char *s);
/* s for a terminal: each control byte (C0, DEL), each byte of a C1
 * control (U+0080..U+009F) and each byte of invalid UTF-8 as "\xHH", so
 * that text from a trace cannot drive the terminal.  Returns s itself
 * when it needs nothing (the common case), else the escaped text in *buf
 * (of *cap bytes, grown as needed); NULL when out of memory. */
const char *report_safe(const char *s, char **buf, size_t *cap);
/* The same as a new string; NULL when out of memory. */
char *report_safe_dup(const char *s);

/* v in decimal, without printf's cost (exports write millions). */
void report_json_int(FILE *out, int64_t v);

void report_free(report *r);

/* A sum of figures over threads: 128 bits, which no number of threads
 * (each figure below 2^63) can overflow. */
typedef unsigned __int128 report_sum_t;

/* What `compare` sets side by side.  Sums are over the threads that
 * finished (a deadlock leaves some unfinished). */
typedef struct report_totals {
	uint64_t threads, finished;
	report_sum_t turnaround, waiting, response;
	int64_t switches, busy, makespan;
} report_totals;

void report_totals_get(const report *r, report_totals *t);

/* num/den rounded half up to `places` decimals, trailing zeros dropped;
 * with `point`, at least one decimal stays ("1.0").  den 0 gives "0". */
void report_decimal(char *buf, size_t len, report_sum_t num, uint64_t den,
                    int places, bool point);

#endif
