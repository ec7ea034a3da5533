/* sim_sched.c: virtual time, the arrival and wake-up queues, and the
 * decisions: who becomes ready, who is preempted, who runs next.
 *
 * At one instant the order is fixed: the running thread's own transition
 * (its burst ends: it exits or blocks), then arrivals and wake-ups by
 * (arrival, file order), then the policy's timer (quantum expiry, aging),
 * then the pick.  The callers keep the first part; sim_due() does the rest.
 */
#include <config.h>

#include <stdint.h>

#include "sim_int.h"

pol_reason sim_reason(const sim *s, char *buf)
{
	pol_reason r = { NULL, SIM_REASON_MAX };

	if (s->nls)
		r.buf = buf;
	return r;
}

static sim_thr *of_wnode(const heap_node *n)
{
	return HEAP_ENTRY(n, sim_thr, wnode);
}

/* Whether a, becoming ready at ta, comes before b at tb: by time, then
 * arrival, then file order. */
static bool earlier(int64_t ta, const sim_thr *a, int64_t tb, const sim_thr *b)
{
	if (ta != tb)
		return ta < tb;
	if (a->pt.arrival != b->pt.arrival)
		return a->pt.arrival < b->pt.arrival;
	return a->pt.id < b->pt.id;
}

bool sim_wake_before(const heap_node *x, const heap_node *y)
{
	const sim_thr *a = of_wnode(x), *b = of_wnode(y);

	return earlier(a->wake_at, a, b->wake_at, b);
}

/* The next thread to arrive or wake, and when. */
static sim_thr *next_ready(const sim *s, int64_t *when)
{
	sim_thr *a = s->next_arrival < s->nthr ? s->arrivals[s->next_arrival] : NULL;
	const heap_node *w = heap_top(&s->wakes);
	sim_thr *b = w ? of_wnode(w) : NULL;

	if (a && (!b || earlier(a->pt.arrival, a, b->wake_at, b))) {
		*when = a->pt.arrival;
		return a;
	}
	if (b)
		*when = b->wake_at;
	return b;
}

int64_t sim_next_time(const sim *s, int64_t limit)
{
	int64_t t;
	const pol_class *c = s->pol.cls;

	if (next_ready(s, &t) && t < limit)
		limit = t;
	if (c->timer) {
		t = c->timer(&s->pol, s->cur ? &s->cur->pt : NULL, s->now);
		if (t < limit)
			limit = t;
	}
	return limit;
}

void sim_make_ready(sim *s, sim_thr *t, pol_cause why)
{
	t->state = SIM_T_READY;
	t->pt.ready_since = s->now;
	t->pt.seq = ++s->seq;
	if (s->pol.cls->enqueue(&s->pol, &t->pt, why) < 0)
		sim_fail(s, "out of memory queueing thread '%s'", t->name);
}

/* Arrivals and wake-ups due now, each checked against whoever holds (or is
 * about to hold) the CPU; then the policy's timer. */
void sim_due(sim *s)
{
	const pol_class *c = s->pol.cls;
	sim_thr *t;
	int64_t when;

	while ((t = next_ready(s, &when)) && when <= s->now) {
		bool arriving = t->state == SIM_T_NEW;

		if (arriving) {
			s->next_arrival++;
		} else {
			heap_remove(&s->wakes, &t->wnode);
			t->io += t->io_len;
			t->wait = SIM_WAIT_NONE;
		}
		sim_make_ready(s, t, arriving ? POL_ARRIVE : POL_WAKE);
		sim_emit(s, arriving ? SIM_EV_ARRIVE : SIM_EV_WAKE, t, 0, "");

		sim_thr *r = s->cur ? s->cur : s->incoming;
		pol_reason why = sim_reason(s, s->resched_why);

		if (r && !s->resched && c->check_preempt &&
		    c->check_preempt(&s->pol, &r->pt, &t->pt, &why))
			s->resched = true;
	}
	if (c->timer && c->timer(&s->pol, s->cur ? &s->cur->pt : NULL, s->now) <= s->now) {
		pol_reason why = sim_reason(s, s->resched ? NULL : s->resched_why);

		if (c->tick(&s->pol, s->cur ? &s->cur->pt : NULL, s->now, &why) &&
		    s->cur)
			s->resched = true;
	}
}

static void dispatch(sim *s, sim_thr *n)
{
	n->state = SIM_T_RUNNING;
	n->pt.run_since = s->now;
	n->waiting += s->now - n->pt.ready_since;
	if (n->response < 0)
		n->response = s->now - n->pt.arrival;
	s->cur = s->last = n;
	int p = sim_sync_prio(s, n); /* its base, unless it inherits one */

	if (n->pt.prio != p) {
		n->pt.prio = p;
		sim_emit(s, SIM_EV_PRIO, n, n->pt.prio, "");
	}
	sim_emit(s, SIM_EV_DISPATCH, n, 0, s->pick_why);
}

/* A context switch to n: the CPU is busy for switch_cost ticks, during
 * which threads keep arriving and waking. */
static void switch_cost(sim *s, sim_thr *n)
{
	int64_t end;

	s->switches++;
	s->incoming = n;
	/* Checked first: a trace never records a switch past SIM_TIME_MAX. */
	if (__builtin_add_overflow(s->now, s->opt.switch_cost, &end) || end > SIM_TIME_MAX)
		sim_fail(s, "virtual time overflows during a context switch at %lld",
			 (long long)s->now);
	sim_emit(s, SIM_EV_SWITCH, n, s->opt.switch_cost, "");
	while (s->now < end) {
		s->now = sim_next_time(s, end);
		if (s->now < end)
			sim_due(s);
	}
	s->incoming = NULL;
}

/* Called by whoever gives up the CPU (s->cur is no longer running):
 * returns the thread that now holds it, dispatched, or NULL at the end. */
sim_thr *sim_schedule(sim *s)
{
	const pol_class *c = s->pol.cls;
	sim_thr *n;

	s->cur = NULL;
	s->resched = false;
	for (;;) {
		pol_reason why = sim_reason(s, s->pick_why);
		pol_thread *p;

		sim_due(s);
		if ((p = c->pick_next(&s->pol, s->now, &why))) {
			n = sim_thr_of(p);
			if (n->rt)
				rt_prefetch(n->rt);
			break;
		}
		int64_t t = sim_next_time(s, INT64_MAX);
		if (t == INT64_MAX) {
			sim_deadlock_describe(s);
			s->ended = true;
			sim_emit(s, SIM_EV_END, NULL, 0, "");
			return NULL;
		}
		if (!s->idle) {
			s->idle = true;
			sim_emit(s, SIM_EV_IDLE, NULL, 0, "");
		}
		s->now = t;
	}
	s->idle = false;
	if (s->last && s->last != n)
		switch_cost(s, n);
	dispatch(s, n);
	return n;
}

/* Hand the CPU from self (NULL: the boot thread) to next. */
void sim_leave(sim *s, sim_thr *self, sim_thr *next, enum sim_leave how)
{
	rt_thread *r = NULL;
	int err = 0;

	if (next == self && how != SIM_LEAVE_EXIT)
		return;
	if (next) {
		if (!next->rt) {
			rt_attr a = { next->name, 0, next->pt.base_prio, next };

			if (!(next->rt = rt_create(&a, sim_thread_main, next)))
				sim_fail(s, "cannot start thread '%s': %s", next->name, rt_error());
		} else if (rt_state_of(next->rt) == RT_BLOCKED) {
			rt_wake(next->rt);
		}
		r = next->rt;
	}
	s->next_rt = r;
	switch (how) {
	case SIM_LEAVE_PREEMPT:
		err = rt_yield();
		break;
	case SIM_LEAVE_BLOCK:
		err = rt_block();
		break;
	case SIM_LEAVE_EXIT:
		return;
	}
	if (err)
		sim_fail(s, "%s", rt_error());
	sim_resumed(s);
}
