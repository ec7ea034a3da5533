/* demo_sem.c: the "semaphore" and "sleep" demos.
 *
 * semaphore: four threads use a room with two seats, a semaphore of 2.
 * Each goes in three times for 2 ticks; the demo counts who is inside and
 * keeps the most ever seen, which can never exceed 2.
 *
 * sleep: five threads, started in no particular order, each sleep for a
 * different time in virtual time; they wake in the order of their sleeps,
 * not of their starts, and the CPU idles while all of them sleep. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "demo.h"

enum { GUESTS = 4, VISITS = 3, SEATS = 2, SLEEPERS = 5 };

static struct {
	int room;
	int inside, most, visits;
	char order[128];     /* the sleepers as they wake: "nap1 at 2, ..." */
} st;

static void guest(void *arg)
{
	(void)arg;
	for (int i = 0; i < VISITS; i++) {
		sim_cpu(1);                 /* on the way */
		sim_sem_wait(st.room);
		if (++st.inside > st.most)
			st.most = st.inside;
		st.visits++;
		sim_cpu(2);                 /* inside */
		st.inside--;
		sim_sem_post(st.room);
	}
}

int demo_semaphore_setup(sim *s)
{
	static const char *const names[GUESTS] = { "G1", "G2", "G3", "G4" };

	memset(&st, 0, sizeof st);
	if ((st.room = sim_sem_new(s, "seats", SEATS)) < 0)
		return -1;
	for (int i = 0; i < GUESTS; i++)
		if (sim_spawn(s, names[i], 0, 0, 3 * VISITS, guest, NULL) < 0)
			return -1;
	return 0;
}

void demo_semaphore_result(sim *s, char *buf, size_t len)
{
	sim_sync_info si;

	/* every seat is back by now: the count is what --sem made it */
	sim_sync_get(s, st.room, &si);
	snprintf(buf, len, "at most %d of %d threads inside at once (%lld seats), "
		 "%d visits in all", st.most, GUESTS, (long long)si.count, st.visits);
}

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

int demo_sleep_setup(sim *s)
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

void demo_sleep_result(sim *s, char *buf, size_t len)
{
	(void)s;
	snprintf(buf, len, "woke in order: %s", st.order);
}
