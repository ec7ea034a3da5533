/* mutex.c: the "mutex" demo.  The race's four adders (race.c) with a mutex
 * around each read, tick of work and write: nothing is lost, at a price in
 * switches and waiting. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "demo_int.h"

static int setup(sim *s)
{
	int lock = sim_mutex_new(s, "counter");

	if (lock < 0)
		return -1;
	return demo_adders_spawn(s, lock);
}

static void result(sim *s, char *buf, size_t len)
{
	size_t n;

	demo_adders_count(s, buf, len);
	n = strnlen(buf, len);
	snprintf(buf + n, len - n, "; waiting for the lock took %lld ticks in all, "
		 "and %llu context switches", (long long)demo_adders_waited(),
		 (unsigned long long)sim_context_switches(s));
}

const demo demo_mutex = {
	"mutex", "the race with a mutex: nothing lost, at a cost in switches",
	demo_rr1_words, NULL, setup, result
};
