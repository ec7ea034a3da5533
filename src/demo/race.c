/* race.c: the "race" demo.  Four threads add to one counter, each
 * increment a read, a tick of work and a write.  Under round robin with a
 * quantum of 1 a thread is preempted between its read and its write,
 * another reads the same old value, and one of the two writes is lost.
 * The mutex demo (mutex.c) runs the same adders with a lock around the
 * three steps. */
#include <config.h>

#include <stdio.h>

#include "demo_int.h"

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

int demo_adders_spawn(sim *s, int lock)
{
	static const char *const names[THREADS] = { "A", "B", "C", "D" };

	st.counter = 0;
	st.lock = lock;
	st.waited = 0;
	for (int i = 0; i < THREADS; i++)
		if (sim_spawn(s, names[i], 0, 0, ROUNDS, adder, NULL) < 0)
			return -1;
	return 0;
}

void demo_adders_count(sim *s, char *buf, size_t len)
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

int64_t demo_adders_waited(void)
{
	return st.waited;
}

static int setup(sim *s)
{
	return demo_adders_spawn(s, -1);
}

const demo demo_race = {
	"race", "four threads add to a counter unlocked: updates are lost",
	demo_rr1_words, NULL, setup, demo_adders_count
};
