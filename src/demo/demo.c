/* demo.c: the table of built-in demos.  A demo is a workload carried in the
 * program, or C code that spawns simulated threads; both run like
 * `schedsim run` with the demo's options first. */
#include <config.h>

#include <string.h>

#include "demo.h"

static const char *const aging_words[] = { "--aging", "5", NULL };
static const char *const rr1_words[] = { "--policy", "rr", "--quantum", "1", NULL };
static const char *const prio_words[] = { "--policy", "prio", "--preemptive", NULL };

static const demo demos[] = {
	{ "classroom", "five threads, interactive and CPU-bound, under round robin",
	  NULL, demo_src_classroom, NULL, NULL },
	{ "convoy", "one long job ahead of four short ones under FIFO: the convoy effect",
	  NULL, demo_src_convoy, NULL, demo_convoy_result },
	{ "io-vs-cpu", "I/O-bound threads get the CPU back quickly under round robin",
	  NULL, demo_src_io_vs_cpu, NULL, demo_io_vs_cpu_result },
	{ "starvation", "a low-priority thread waits while high-priority ones keep coming",
	  NULL, demo_src_starvation, NULL, demo_starvation_result },
	{ "aging", "the starvation workload cured by aging (--aging 5)",
	  aging_words, demo_src_starvation, NULL, demo_starvation_result },
	{ "race", "four threads add to a counter unlocked: updates are lost",
	  rr1_words, NULL, demo_race_setup, demo_race_result },
	{ "mutex", "the race with a mutex: nothing lost, at a cost in switches",
	  rr1_words, NULL, demo_mutex_setup, demo_mutex_result },
	{ "semaphore", "four threads share two seats: never more than two inside",
	  rr1_words, NULL, demo_semaphore_setup, demo_semaphore_result },
	{ "sleep", "threads sleep in virtual time and wake in order",
	  NULL, NULL, demo_sleep_setup, demo_sleep_result },
	{ "priority-inversion", "high waits on low's lock while medium runs; try --inherit",
	  prio_words, NULL, demo_inversion_setup, demo_inversion_result },
	{ "deadlock", "two threads lock A and B in opposite order: a deadlock",
	  rr1_words, NULL, demo_deadlock_setup, NULL },
};

const demo *demo_at(size_t i)
{
	return i < sizeof demos / sizeof *demos ? &demos[i] : NULL;
}

const demo *demo_find(const char *name)
{
	for (const demo *d = demos; d < demos + sizeof demos / sizeof *demos; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}
