/* semaphore.c: the "semaphore" demo.  Four threads use a room with two
 * seats, a semaphore of 2.  Each goes in three times for 2 ticks; the demo
 * counts who is inside and keeps the most ever seen, which can never
 * exceed 2. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "demo_int.h"

enum { GUESTS = 4, VISITS = 3, SEATS = 2 };

static struct {
	int room;
	int inside, most, visits;
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

static int setup(sim *s)
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

static void result(sim *s, char *buf, size_t len)
{
	sim_sync_info si;

	/* every seat is back by now: the count is what --sem made it */
	sim_sync_get(s, st.room, &si);
	snprintf(buf, len, "at most %d of %d threads inside at once (%lld seats), "
		 "%d visits in all", st.most, GUESTS, (long long)si.count, st.visits);
}

const demo demo_semaphore = {
	"semaphore", "four threads share two seats: never more than two inside",
	demo_rr1_words, NULL, setup, result
};
