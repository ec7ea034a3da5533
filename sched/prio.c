/* prio.c: priority scheduling.
 *
 * A lower number is a higher priority unless --priority-order high-first.
 * Non-preemptive unless --preemptive.  With --quantum equal priorities take
 * turns: a turn ends after a quantum whenever an equal or better thread
 * waits, and the queue breaks ties by enqueue order instead of arrival.
 * With --aging N a waiting thread's effective priority moves one step
 * toward the best every N ticks it waits, no further than the best base
 * priority in the workload, and falls back to its base when it runs.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "policy.h"
#include "wl/workload.h"

enum { PRIO_QUANTUM, PRIO_PREEMPTIVE, PRIO_AGING, PRIO_ORDER };

static const char *const orders[] = { "low-first", "high-first", NULL };

static const opt_def prio_opts[] = {
	[PRIO_QUANTUM] = { .name = "quantum", .kind = OPT_INT, .def = 0, .min = 1,
	                   .max = WL_TICKS_MAX, .arg = "N",
	                   .help = "time slice in ticks: equal priorities take turns" },
	[PRIO_PREEMPTIVE] = { .name = "preemptive", .kind = OPT_FLAG,
	                      .help = "a better thread takes the CPU at once" },
	[PRIO_AGING] = { .name = "aging", .kind = OPT_INT, .min = 0, .max = WL_TICKS_MAX,
	                 .arg = "N", .help = "raise a waiting thread's priority every N ticks" },
	[PRIO_ORDER] = { .name = "priority-order", .kind = OPT_WORD, .words = orders,
	                 .arg = "ORDER", .help = "low-first (lower number wins; default), high-first" },
};

typedef struct prio {
	heap rq;
	heap aging;   /* waiting threads not yet at the best, by age_at */
	int64_t aging_step; /* --aging: ticks a step; 0 off */
} prio_q;

static int64_t key_of(const pol *p, int level)
{
	return p->high_first ? -(int64_t)level : level;
}

static bool by_age(const heap_node *x, const heap_node *y)
{
	const pol_thread *a = HEAP_ENTRY(x, pol_thread, age_node);
	const pol_thread *b = HEAP_ENTRY(y, pol_thread, age_node);

	if (a->age_at != b->age_at)
		return a->age_at < b->age_at;
	return a->id < b->id;
}

static int prio_init(pol *p, char *err, size_t errlen)
{
	prio_q *q;

	p->slice = pol_int(p, PRIO_QUANTUM);
	p->high_first = pol_int(p, PRIO_ORDER) == 1;
	if (!(q = calloc(1, sizeof *q))) {
		snprintf(err, errlen, "prio: out of memory");
		return -1;
	}
	q->aging_step = pol_int(p, PRIO_AGING);
	heap_init(&q->rq, p->slice ? pol_by_key_fifo : pol_by_key);
	heap_init(&q->aging, by_age);
	p->priv = q;
	return 0;
}

static void prio_cleanup(pol *p)
{
	prio_q *q = p->priv;

	heap_free(&q->rq);
	heap_free(&q->aging);
	free(q);
}

static int prio_enqueue(pol *p, pol_thread *t, pol_cause why)
{
	prio_q *q = p->priv;
	int best = p->high_first ? p->prio_hi : p->prio_lo;

	(void)why;
	t->key = key_of(p, t->prio);
	t->age_node.pos = HEAP_NONE;
	if (heap_push(&q->rq, &t->node) < 0)
		return -1;
	if (q->aging_step && t->prio != best) {
		t->age_at = t->ready_since + q->aging_step;
		if (heap_push(&q->aging, &t->age_node) < 0) {
			heap_remove(&q->rq, &t->node);
			return -1;
		}
	}
	return 0;
}

static pol_thread *prio_pick(pol *p, int64_t now, pol_reason *why)
{
	prio_q *q = p->priv;
	size_t n = q->rq.n;
	heap_node *top = heap_pop(&q->rq);
	pol_thread *t;

	(void)now;
	if (!top)
		return NULL;
	t = pol_of_node(top);
	if (t->age_node.pos != HEAP_NONE)
		heap_remove(&q->aging, &t->age_node);
	pol_say(why, "highest priority %d of %zu ready", t->prio, n);
	return t;
}

static bool beats(const pol *p, const pol_thread *a, const pol_thread *b)
{
	return key_of(p, a->prio) < key_of(p, b->prio);
}

static bool prio_check(pol *p, const pol_thread *running, const pol_thread *newcomer,
		       pol_reason *why)
{
	if (!pol_int(p, PRIO_PREEMPTIVE) || !beats(p, newcomer, running))
		return false;
	pol_say(why, "priority %d beats %d", newcomer->prio, running->prio);
	return true;
}

/* Whether running's quantum matters: someone as good as it waits. */
static bool contested(const pol *p, const pol_thread *running)
{
	const prio_q *q = p->priv;
	const heap_node *top = heap_top(&q->rq);

	return p->slice && running && top && !beats(p, running, pol_of_node(top));
}

static int64_t prio_timer(const pol *p, const pol_thread *running, int64_t now)
{
	const prio_q *q = p->priv;
	const heap_node *a = heap_top(&q->aging);
	int64_t t = a ? HEAP_ENTRY(a, pol_thread, age_node)->age_at : INT64_MAX;

	if (contested(p, running)) {
		int64_t end = pol_quantum_end(running, p->slice, now);

		if (end < t)
			t = end;
	}
	return t;
}

/* One step toward the best for every thread whose time has come. */
static void age(pol *p, int64_t now)
{
	prio_q *q = p->priv;
	int best = p->high_first ? p->prio_hi : p->prio_lo;
	heap_node *a;

	while ((a = heap_top(&q->aging)) &&
	       HEAP_ENTRY(a, pol_thread, age_node)->age_at <= now) {
		pol_thread *t = HEAP_ENTRY(a, pol_thread, age_node);

		t->prio += p->high_first ? 1 : -1;
		t->key = key_of(p, t->prio);
		heap_fix(&q->rq, &t->node);
		if (t->prio == best || t->age_at > INT64_MAX - q->aging_step) {
			heap_remove(&q->aging, a);
		} else {
			t->age_at += q->aging_step;
			heap_fix(&q->aging, a);
		}
		if (p->prio_changed)
			p->prio_changed(p->ctx, t);
	}
}

static bool prio_tick(pol *p, pol_thread *running, int64_t now, pol_reason *why)
{
	prio_q *q = p->priv;
	const heap_node *top;

	age(p, now);
	if (!running)
		return false;
	top = heap_top(&q->rq);
	if (top && prio_check(p, running, pol_of_node(top), why))
		return true;
	if (!contested(p, running) || !pol_quantum_over(running, p->slice, now))
		return false;
	pol_say(why, "quantum of %lld expired, priority %d waits",
		(long long)p->slice, pol_of_node(top)->prio);
	return true;
}

static size_t prio_order(const pol *p, int *ids, size_t max)
{
	const prio_q *q = p->priv;

	return pol_heap_order(&q->rq, ids, max);
}

static void prio_requeue(pol *p, pol_thread *t)
{
	prio_q *q = p->priv;
	int best = p->high_first ? p->prio_hi : p->prio_lo;

	t->key = key_of(p, t->prio);
	heap_fix(&q->rq, &t->node);
	/* Aging never takes a thread past the best base priority. */
	if (t->age_node.pos != HEAP_NONE && !beats(p, &(pol_thread){ .prio = best }, t))
		heap_remove(&q->aging, &t->age_node);
}

static const char *const prio_aliases[] = { "priority", NULL };

const pol_class pol_prio = {
	.name = "prio",
	.aliases = prio_aliases,
	.summary = "priority: run the best priority first (lower number is better by default)",
	.opts = prio_opts,
	.nopts = sizeof prio_opts / sizeof *prio_opts,
	.init = prio_init,
	.cleanup = prio_cleanup,
	.enqueue = prio_enqueue,
	.pick_next = prio_pick,
	.check_preempt = prio_check,
	.timer = prio_timer,
	.tick = prio_tick,
	.order = prio_order,
	.requeue = prio_requeue,
};
