/* sim_query.c: the live state the view reads. */
#include <config.h>

#include <string.h>

#include "sim_int.h"

int64_t sim_now(const sim *s)
{
	return s->now;
}

size_t sim_nthreads(const sim *s)
{
	return s->nthr;
}

void sim_thread_get(const sim *s, int thread, sim_thread_info *out)
{
	const sim_thr *t;

	memset(out, 0, sizeof *out);
	if (thread < 0 || (size_t)thread >= s->nthr)
		return;
	t = &s->thr[thread];
	out->name = t->name;
	out->state = t->state;
	out->arrival = t->pt.arrival;
	out->base_priority = t->pt.base_prio;
	out->priority = t->pt.prio;
	out->cpu = t->cpu;
	out->io = t->io;
	out->waiting = t->waiting;
	if (t->state == SIM_T_READY)
		out->waiting += s->now - t->pt.ready_since;
	out->response = t->response;
	out->finish = t->finish;
	if (t->wl)
		out->remaining = wl_cpu_total(t->wl) - t->cpu;
	else
		out->remaining = t->expect < 0 ? -1 : t->pt.total;
	out->waits_on = out->joins = -1;
	out->wakes_at = -1;
	if (t->state == SIM_T_BLOCKED && t->wait == SIM_WAIT_OBJ)
		out->waits_on = t->wait_on;
	else if (t->state == SIM_T_BLOCKED && t->wait == SIM_WAIT_JOIN)
		out->joins = t->wait_on;
	else if (t->state == SIM_T_BLOCKED)
		out->wakes_at = t->wake_at;
}

int sim_running(const sim *s)
{
	return s->cur ? s->cur->pt.id : -1;
}

int sim_switching(const sim *s)
{
	return s->incoming ? s->incoming->pt.id : -1;
}

uint64_t sim_context_switches(const sim *s)
{
	return s->switches;
}

int64_t sim_quantum_left(const sim *s)
{
	int64_t q = s->pol.slice;

	if (!s->cur || !s->pol.cls->timer || q <= 0)
		return -1;
	/* quanta roll on while nobody else wants the CPU */
	return q - (s->now - s->cur->pt.run_since) % q;
}

const char *sim_policy_name(const sim *s)
{
	return s->pol.name;
}

const sim_options *sim_opts(const sim *s)
{
	return &s->opt;
}

bool sim_high_first(const sim *s)
{
	return s->pol.high_first;
}

size_t sim_ready(const sim *s, int *threads, size_t max)
{
	return s->pol.cls->order(&s->pol, threads, max);
}

/* ---- synchronization objects ---------------------------------------------- */

size_t sim_sync_count(const sim *s)
{
	return s->nobj;
}

void sim_sync_get(const sim *s, int obj, sim_sync_info *out)
{
	const sim_obj *o;

	memset(out, 0, sizeof *out);
	out->holder = -1;
	if (obj < 0 || (size_t)obj >= s->nobj)
		return;
	o = &s->obj[obj];
	out->name = o->name;
	out->kind = o->kind;
	out->holder = o->holder ? o->holder->pt.id : -1;
	out->count = o->kind == SIM_SYNC_SEM ? o->count : 0;
	out->nwaiters = o->q.n;
}

size_t sim_sync_waiters(const sim *s, int obj, int *threads, size_t max)
{
	size_t n = 0;

	if (obj < 0 || (size_t)obj >= s->nobj)
		return 0;
	for (const sim_thr *t = s->obj[obj].q.head; t; t = t->wq_next, n++)
		if (n < max)
			threads[n] = t->pt.id;
	return n;
}
