/* sleep.c: the "sleep" demo.  Five threads, started in no particular
 * order, each sleep for a different time in virtual time; they wake in the
 * order of their sleeps, not of their starts, and the CPU idles while all
 * of them sleep. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "demo_int.h"

enum { SLEEPERS = 5 };

static struct {
	char order[128];     /* the sleepers as they wake: "nap1 at 2, ..." */
} st;

/* All fall asleep at 0; each notes when it runs again. */
static void sleeper(void *arg)
{
	sim *s = sim_self_sim();
	sim_thread_info ti;
	size_t n;

	sim_sleep((int64_t)(intptr_t)arg);
	sim_thread_get(s, sim_self(), &ti);
	n = strlen(st.order);
	snprintf(st.order + n, sizeof st.order - n, "%s%s at %lld", n ? ", " : "", ti.name,
		 (long long)sim_now(s));
	sim_cpu(1);
}

static int setup(sim *s)
{
	static const int naps[SLEEPERS] = { 9, 3, 12, 1, 6 };

	memset(&st, 0, sizeof st);
	for (int i = 0; i < SLEEPERS; i++) {
		char name[16];

		snprintf(name, sizeof name, "nap%d", naps[i]);
		if (sim_spawn(s, name, 0, 0, 1, sleeper, (void *)(intptr_t)naps[i]) < 0)
			return -1;
	}
	return 0;
}

static void result(sim *s, char *buf, size_t len)
{
	(void)s;
	snprintf(buf, len, "woke in order: %s", st.order);
}

const demo demo_sleep = {
	"sleep", "threads sleep in virtual time and wake in order",
	NULL, NULL, setup, result
};
