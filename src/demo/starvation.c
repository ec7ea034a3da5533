/* starvation.c: the "starvation" demo, traces/starvation.wl: a low-priority
 * thread waits while high-priority ones keep coming.  "aging" is the same
 * workload and result with --aging 5, the cure beside the disease. */
#include <config.h>

#include <stdio.h>

#include "demo_int.h"

/* The thread of the worst base priority: how long it waited. */
static void result(sim *s, char *buf, size_t len)
{
	sim_thread_info ti, low = { 0 };
	bool high_first = sim_high_first(s);

	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_get(s, (int)i, &ti);
		if (!low.name || (high_first ? ti.base_priority < low.base_priority :
				  ti.base_priority > low.base_priority))
			low = ti;
	}
	snprintf(buf, len, "%s (priority %d) waited %lld ticks and finished at %lld",
		 low.name, low.base_priority, (long long)low.waiting, (long long)low.finish);
}

const demo demo_starvation = {
	"starvation", "a low-priority thread waits while high-priority ones keep coming",
	NULL, demo_src_starvation, NULL, result
};

static const char *const aging_words[] = { "--aging", "5", NULL };

const demo demo_aging = {
	"aging", "the starvation workload cured by aging (--aging 5)",
	aging_words, demo_src_starvation, NULL, result
};
