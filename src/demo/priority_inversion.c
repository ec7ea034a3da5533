/* demo_lock.c: the "priority-inversion" and "deadlock" demos.
 *
 * priority-inversion: low (priority 3) takes a lock; high (1) arrives and
 * needs it; medium (2), which needs no lock, arrives next and, under
 * preemptive priority, keeps low (and so high) off the CPU for its whole
 * run.  With --inherit low runs at high's priority while high waits, and
 * high's wait is bounded by low's critical section.
 *
 * deadlock: two threads take two locks in opposite order, and under round
 * robin each gets its first before the other's second. */
#include <config.h>

#include <stdio.h>

#include "demo.h"

static struct {
	int lock, a, b;
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

int demo_inversion_setup(sim *s)
{
	st.asked = st.got = -1;
	if ((st.lock = sim_mutex_new(s, "M")) < 0 ||
	    sim_spawn(s, "low", 0, 3, 5, low, NULL) < 0 ||
	    sim_spawn(s, "high", 1, 1, 1, high, NULL) < 0 ||
	    sim_spawn(s, "medium", 2, 2, 6, medium, NULL) < 0)
		return -1;
	return 0;
}

void demo_inversion_result(sim *s, char *buf, size_t len)
{
	snprintf(buf, len, "high waited %lld ticks for lock M (from %lld to %lld)%s",
		 (long long)(st.got - st.asked), (long long)st.asked, (long long)st.got,
		 sim_opts(s)->inherit ? ": low inherited its priority, so medium "
		 "could not get in between" : ": medium ran while low held M; "
		 "try --inherit");
}

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

int demo_deadlock_setup(sim *s)
{
	if ((st.a = sim_mutex_new(s, "A")) < 0 || (st.b = sim_mutex_new(s, "B")) < 0 ||
	    sim_spawn(s, "P1", 0, 0, 3, one_way, NULL) < 0 ||
	    sim_spawn(s, "P2", 1, 0, 3, other_way, NULL) < 0)
		return -1;
	return 0;
}
