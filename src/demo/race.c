/* demo_race.c: the "race" and "mutex" demos.  Four threads add to one
 * counter, each increment a read, a tick of work and a write.  Under round
 * robin with a quantum of 1 a thread is preempted between its read and its
 * write, another reads the same old value, and one of the two writes is
 * lost.  The mutex demo puts the three steps inside a lock: nothing is lost,
 * at a price in switches and waiting. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "demo.h"

enum { THREADS = 4, ROUNDS = 10 };

static struct {
	int64_t counter;
	int lock;            /* the mutex, or -1 in the race */
	int64_t waited;      /* ticks spent waiting for the lock, in all */
} st;

static void adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		if (st.lock >= 0) {
			int64_t asked = sim_now(sim_self_sim());

			sim_mutex_lock(st.lock);
			st.waited += sim_now(sim_self_sim()) - asked;
		}
		int64_t v = st.counter;   /* read */

		sim_cpu(1);               /* the CPU may be taken away here */
		st.counter = v + 1;       /* write back what was read, plus one */
		if (st.lock >= 0)
			sim_mutex_unlock(st.lock);
	}
}

static int spawn_adders(sim *s)
{
	static const char *const names[THREADS] = { "A", "B", "C", "D" };

	for (int i = 0; i < THREADS; i++)
		if (sim_spawn(s, names[i], 0, 0, ROUNDS, adder, NULL) < 0)
			return -1;
	return 0;
}

int demo_race_setup(sim *s)
{
	st.counter = 0;
	st.lock = -1;
	st.waited = 0;
	return spawn_adders(s);
}

int demo_mutex_setup(sim *s)
{
	st.counter = 0;
	st.waited = 0;
	if ((st.lock = sim_mutex_new(s, "counter")) < 0)
		return -1;
	return spawn_adders(s);
}

void demo_race_result(sim *s, char *buf, size_t len)
{
	int64_t want = THREADS * ROUNDS;

	(void)s;
	if (st.counter == want)
		snprintf(buf, len, "final count %lld, expected %lld: no update lost",
			 (long long)st.counter, (long long)want);
	else
		snprintf(buf, len, "final count %lld, expected %lld: %lld updates lost",
			 (long long)st.counter, (long long)want, (long long)(want - st.counter));
}

void demo_mutex_result(sim *s, char *buf, size_t len)
{
	size_t n;

	demo_race_result(s, buf, len);
	n = strnlen(buf, len);
	snprintf(buf + n, len - n, "; waiting for the lock took %lld ticks in all, "
		 "and %llu context switches", (long long)st.waited,
		 (unsigned long long)sim_context_switches(s));
}
