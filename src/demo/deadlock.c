/* deadlock.c: the "deadlock" demo.  Two threads take two locks in opposite
 * order, and under round robin each gets its first before the other's
 * second.  No result: the engine names the deadlock itself. */
#include <config.h>

#include "demo_int.h"

static struct {
	int a, b;
} st;

static void one_way(void *arg)
{
	(void)arg;
	sim_mutex_lock(st.a);
	sim_cpu(2);
	sim_mutex_lock(st.b);
	sim_cpu(1);
	sim_mutex_unlock(st.b);
	sim_mutex_unlock(st.a);
}

static void other_way(void *arg)
{
	(void)arg;
	sim_mutex_lock(st.b);
	sim_cpu(2);
	sim_mutex_lock(st.a);
	sim_cpu(1);
	sim_mutex_unlock(st.a);
	sim_mutex_unlock(st.b);
}

static int setup(sim *s)
{
	if ((st.a = sim_mutex_new(s, "A")) < 0 || (st.b = sim_mutex_new(s, "B")) < 0 ||
	    sim_spawn(s, "P1", 0, 0, 3, one_way, NULL) < 0 ||
	    sim_spawn(s, "P2", 1, 0, 3, other_way, NULL) < 0)
		return -1;
	return 0;
}

const demo demo_deadlock = {
	"deadlock", "two threads lock A and B in opposite order: a deadlock",
	demo_rr1_words, NULL, setup, NULL
};
