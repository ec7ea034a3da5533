/* sim_query.c: options, event names, and the live state the view reads. */
#include <config.h>

#include <string.h>

#include "sim_int.h"

void sim_options_default(sim_options *o)
{
	memset(o, 0, sizeof *o);
	o->policy = "fifo";
}

const char *sim_ev_name(sim_ev_kind k)
{
	static const char *const names[SIM_EV_KINDS] = {
		[SIM_EV_ARRIVE] = "arrive",
		[SIM_EV_DISPATCH] = "dispatch",
		[SIM_EV_PREEMPT] = "preempt",
		[SIM_EV_BLOCK] = "block",
		[SIM_EV_WAKE] = "wake",
		[SIM_EV_EXIT] = "exit",
		[SIM_EV_IDLE] = "idle",
		[SIM_EV_SWITCH] = "switch",
		[SIM_EV_PRIO] = "prio",
		[SIM_EV_END] = "end",
	};

	return (unsigned)k < SIM_EV_KINDS ? names[k] : "?";
}

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
	int64_t q = s->pol.opt.quantum;

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

size_t sim_ready(const sim *s, int *threads, size_t max)
{
	return s->pol.cls->order(&s->pol, threads, max);
}
