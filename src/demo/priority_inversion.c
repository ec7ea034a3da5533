/* priority_inversion.c: the "priority-inversion" demo.  low (priority 3)
 * takes a lock; high (1) arrives and needs it; medium (2), which needs no
 * lock, arrives next and, under preemptive priority, keeps low (and so
 * high) off the CPU for its whole run.  With --inherit low runs at high's
 * priority while high waits, and high's wait is bounded by low's critical
 * section. */
#include <config.h>

#include <stdio.h>

#include "demo_int.h"

static struct {
	int lock;
	int64_t asked, got;  /* when high asked for the lock, and got it */
} st;

static void low(void *arg)
{
	(void)arg;
	sim_mutex_lock(st.lock);
	sim_cpu(4);                 /* the critical section */
	sim_mutex_unlock(st.lock);
	sim_cpu(1);
}

static void high(void *arg)
{
	sim *s = sim_self_sim();

	(void)arg;
	st.asked = sim_now(s);
	sim_mutex_lock(st.lock);
	st.got = sim_now(s);
	sim_cpu(1);
	sim_mutex_unlock(st.lock);
}

static void medium(void *arg)
{
	(void)arg;
	sim_cpu(6);
}

static int setup(sim *s)
{
	st.asked = st.got = -1;
	if ((st.lock = sim_mutex_new(s, "M")) < 0 ||
	    sim_spawn(s, "low", 0, 3, 5, low, NULL) < 0 ||
	    sim_spawn(s, "high", 1, 1, 1, high, NULL) < 0 ||
	    sim_spawn(s, "medium", 2, 2, 6, medium, NULL) < 0)
		return -1;
	return 0;
}

static void result(sim *s, char *buf, size_t len)
{
	snprintf(buf, len, "high waited %lld ticks for lock M (from %lld to %lld)%s",
		 (long long)(st.got - st.asked), (long long)st.asked, (long long)st.got,
		 sim_opts(s)->inherit ? ": low inherited its priority, so medium "
		 "could not get in between" : ": medium ran while low held M; "
		 "try --inherit");
}

static const char *const prio_words[] = { "--policy", "prio", "--preemptive", NULL };

const demo demo_priority_inversion = {
	"priority-inversion", "high waits on low's lock while medium runs; try --inherit",
	prio_words, NULL, setup, result
};
