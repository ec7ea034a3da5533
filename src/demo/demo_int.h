/* demo_int.h: what the demos' files share inside src/demo/. */
#ifndef SCHEDSIM_DEMO_INT_H
#define SCHEDSIM_DEMO_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "demo.h"

/* Each demo, in the file named after it ("io-vs-cpu": io_vs_cpu.c; aging
 * is starvation.c's second); demo.c lists them in order. */
extern const demo demo_classroom, demo_convoy, demo_io_vs_cpu, demo_starvation,
	demo_aging, demo_race, demo_mutex, demo_semaphore, demo_sleep,
	demo_priority_inversion, demo_deadlock;

/* "--policy rr --quantum 1", under which the C demos interleave (demo.c). */
extern const char *const demo_rr1_words[];

/* race.c: the four adders of race and mutex, on one counter, with lock
 * (a mutex) around each increment, or none for -1.  0, or -1 with
 * sim_error() set. */
int demo_adders_spawn(sim *s, int lock);
/* The count they reached against the one expected, in words. */
void demo_adders_count(sim *s, char *buf, size_t len);
/* The ticks they waited for the lock, in all. */
int64_t demo_adders_waited(void);

/* demo_average.c: the average of f over the finished threads that m
 * matches (ctx is m's), written as report_decimal() writes it. */
typedef int64_t (*demo_figure)(const sim_thread_info *ti);
typedef bool (*demo_match)(const sim_thread_info *ti, const void *ctx);
void demo_average(sim *s, demo_match m, const void *ctx, demo_figure f, char *buf,
		  size_t len);

#endif
