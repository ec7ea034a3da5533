/* demo.c: the list of built-in demos.  A demo is a workload carried in the
 * program, or C code that spawns simulated threads; both run like
 * `schedsim run` with the demo's options first.  Each is declared in its
 * own file, named after it; this list gives their order. */
#include <config.h>

#include <string.h>

#include "demo_int.h"

const char *const demo_rr1_words[] = { "--policy", "rr", "--quantum", "1", NULL };

static const demo *const demos[] = {
	&demo_classroom, &demo_convoy, &demo_io_vs_cpu, &demo_starvation, &demo_aging,
	&demo_race, &demo_mutex, &demo_semaphore, &demo_sleep, &demo_priority_inversion,
	&demo_deadlock,
};

#define NDEMOS (sizeof demos / sizeof *demos)

const demo *demo_at(size_t i)
{
	return i < NDEMOS ? demos[i] : NULL;
}

const demo *demo_find(const char *name)
{
	for (size_t i = 0; i < NDEMOS; i++)
		if (!strcmp(demos[i]->name, name))
			return demos[i];
	return NULL;
}
