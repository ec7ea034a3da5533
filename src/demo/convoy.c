/* convoy.c: the "convoy" demo, traces/convoy.wl: one long job ahead of four
 * short ones under FIFO.  Its result sets the short jobs' average wait
 * against the long one's. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "demo_int.h"

static int64_t waiting(const sim_thread_info *ti)
{
	return ti->waiting;
}

static bool shorter(const sim_thread_info *ti, const void *ctx)
{
	return ti->cpu < *(const int64_t *)ctx;
}

/* The longest job against the others. */
static void result(sim *s, char *buf, size_t len)
{
	sim_thread_info ti, longest = { 0 };
	char avg[32];

	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_get(s, (int)i, &ti);
		if (!longest.name || ti.cpu > longest.cpu)
			longest = ti;
	}
	demo_average(s, shorter, &longest.cpu, waiting, avg, sizeof avg);
	snprintf(buf, len, "the short jobs waited %s ticks on average, %s %lld%s", avg,
		 longest.name, (long long)longest.waiting,
		 strcmp(sim_policy_name(s), "fifo") ? "" : " (try --policy srtf)");
}

const demo demo_convoy = {
	"convoy", "one long job ahead of four short ones under FIFO: the convoy effect",
	NULL, demo_src_convoy, NULL, result
};
