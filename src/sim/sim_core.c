/* sim_core.c: a simulation's life: building it, stepping and running it
 * through the runtime, delivering events, failing, and tearing it down. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_int.h"
#include "lib/grow.h"

sim *sim_running_sim;

/* sim_cpu() and friends outside any simulation have no sim to hold a message. */
static char outside_err[128];

/* ---- building ------------------------------------------------------------ */

static void thr_init(sim_thr *t, sim *s, int id, const char *name, int64_t arrival, int prio)
{
	memset(t, 0, sizeof *t);
	t->s = s;
	t->name = name;
	t->pt.id = id;
	t->pt.arrival = arrival;
	t->pt.base_prio = t->pt.prio = prio;
	t->pt.node.pos = t->pt.age_node.pos = HEAP_NONE;
	t->wnode.pos = HEAP_NONE;
	t->state = SIM_T_NEW;
	t->expect = -1;
	t->response = t->finish = -1;
	t->wait_on = t->cond_mutex = -1;
}

sim *sim_new(const workload *wl, const sim_options *opt, char *err, size_t errlen)
{
	sim_options o;
	sim *s;
	size_t n = wl ? wl->nthreads : 0;

	if (opt)
		o = *opt;
	else
		sim_options_default(&o);
	if (o.switch_cost < 0) {
		snprintf(err, errlen, "the switch cost must not be negative, not %lld",
			 (long long)o.switch_cost);
		return NULL;
	}
	if (!(s = calloc(1, sizeof *s)) || (n && !(s->thr = calloc(n, sizeof *s->thr)))) {
		free(s);
		snprintf(err, errlen, "out of memory for a simulation of %zu threads", n);
		return NULL;
	}
	if (pol_new(&s->pol, o.policy, &o.pol, err, errlen) < 0) {
		free(s->thr);
		free(s);
		return NULL;
	}
	s->wl = wl;
	s->opt = o;
	s->opt.policy = s->pol.cls->name;
	s->opt.pol = s->pol.opt;
	s->nthr = s->capthr = n;
	for (size_t i = 0; i < n; i++) {
		const wl_thread *w = &wl->threads[i];

		thr_init(&s->thr[i], s, (int)i, w->name, w->arrival, w->priority);
		s->thr[i].wl = w;
	}
	heap_init(&s->wakes, sim_wake_before);
	if (sim_sync_setup(s) < 0) {
		snprintf(err, errlen, "%s", s->err);
		sim_free(s);
		return NULL;
	}
	return s;
}

int sim_spawn(sim *s, const char *name, int64_t arrival, int priority,
	      int64_t burst, sim_body body, void *arg)
{
	sim_thr *v;
	char *copy;

	if (s->started) {
		snprintf(s->err, sizeof s->err, "sim_spawn: '%s': the simulation has already started",
			 name ? name : "?");
		return -1;
	}
	if (!name || !body || arrival < 0) {
		snprintf(s->err, sizeof s->err, "sim_spawn: %s", !name ? "no name given" :
			 !body ? "no body given" : "negative arrival time");
		return -1;
	}
	if (!(copy = strdup(name)) || grow_room(&s->thr, &s->capthr, s->nthr, sizeof *s->thr) < 0) {
		free(copy);
		snprintf(s->err, sizeof s->err, "sim_spawn: '%s': out of memory", name);
		return -1;
	}
	v = &s->thr[s->nthr];
	thr_init(v, s, (int)s->nthr, copy, arrival, priority);
	v->owned_name = copy;
	v->body = body;
	v->arg = arg;
	v->expect = burst < 0 ? -1 : burst;
	s->nthr++;
	return 0;
}

int sim_listen(sim *s, sim_listener fn, void *ctx)
{
	sim_lsn *v;

	/* A listener that came late would have missed the first events. */
	if (s->started || !fn) {
		snprintf(s->err, sizeof s->err, "sim_listen: %s", s->started ?
			 "the simulation has already started" : "no listener given");
		return -1;
	}
	if (!(v = realloc(s->ls, (s->nls + 1) * sizeof *v))) {
		snprintf(s->err, sizeof s->err, "sim_listen: out of memory");
		return -1;
	}
	s->ls = v;
	s->ls[s->nls].fn = fn;
	s->ls[s->nls++].ctx = ctx;
	return 0;
}

/* ---- events --------------------------------------------------------------- */

void sim_emit_slow(sim *s, sim_ev_kind k, const sim_thr *t, int64_t arg, const char *reason)
{
	if (s->nls) {
		sim_event ev = { s->now, k, t ? t->pt.id : -1, arg, reason };

		for (size_t i = 0; i < s->nls; i++)
			s->ls[i].fn(s->ls[i].ctx, &ev);
	}
	if (s->stepping && k != SIM_EV_END) {
		s->paused = rt_self();
		rt_pause();
		s->paused = NULL;
		sim_resumed(s);
	}
}

static void prio_changed(void *ctx, pol_thread *p)
{
	sim *s = ctx;

	sim_emit(s, SIM_EV_PRIO, sim_thr_of(p), p->prio, "");
}

/* ---- failing and resuming ------------------------------------------------------ */

void sim_fail(sim *s, const char *fmt, ...)
{
	va_list ap;

	if (!s->failed) {
		va_start(ap, fmt);
		vsnprintf(s->err, sizeof s->err, fmt, ap);
		va_end(ap);
		s->failed = true;
	}
	/* Park: main learns of it from sim_step(); sim_free() ends us. */
	for (;;) {
		s->paused = rt_self();
		rt_pause();
		s->paused = NULL;
		sim_resumed(s);
	}
}

void sim_resumed(sim *s)
{
	if (s->zombie) {
		rt_join(s->zombie, NULL);
		s->zombie = NULL;
	}
	if (s->killing) {
		s->next_rt = NULL;
		rt_exit(NULL);
	}
}

/* ---- the runtime hook ------------------------------------------------------------ */

static void hook_ready(void *ctx, rt_thread *t)
{
	/* The engine keeps its own queues: readiness is already known. */
	(void)ctx;
	(void)t;
}

static rt_thread *hook_pick(void *ctx)
{
	sim *s = ctx;
	rt_thread *t = s->next_rt;

	s->next_rt = NULL;
	return t;
}

/* ---- running ------------------------------------------------------------------------ */

/* Before the first dispatch nobody's stack is available: this thread
 * delivers the first events, dispatches, and leaves. */
static void *boot_main(void *arg)
{
	sim *s = arg;
	sim_thr *n;

	sim_resumed(s);
	n = sim_schedule(s);
	s->zombie = s->boot;
	s->boot = NULL;
	sim_leave(s, NULL, n, SIM_LEAVE_EXIT);
	return NULL;
}

static int by_arrival(const void *x, const void *y)
{
	const sim_thr *a = *(sim_thr *const *)x, *b = *(sim_thr *const *)y;

	if (a->pt.arrival != b->pt.arrival)
		return a->pt.arrival < b->pt.arrival ? -1 : 1;
	return (a->pt.id > b->pt.id) - (a->pt.id < b->pt.id);
}

static int start(sim *s)
{
	rt_hook h = { hook_ready, hook_pick, s };
	rt_attr boot = { "sim-boot", 0, 0, NULL };

	if (s->nthr && !(s->arrivals = malloc(s->nthr * sizeof *s->arrivals))) {
		snprintf(s->err, sizeof s->err, "out of memory starting the simulation");
		return -1;
	}
	for (size_t i = 0; i < s->nthr; i++) {
		sim_thr *t = &s->thr[i];

		s->arrivals[i] = t;
		if (t->wl) {
			t->pt.burst = sim_script_burst(t, 0);
			t->pt.total = wl_cpu_total(t->wl);
		} else {
			t->pt.burst = t->pt.total = t->expect;
		}
		if (!i || t->pt.base_prio < s->pol.prio_lo)
			s->pol.prio_lo = t->pt.base_prio;
		if (!i || t->pt.base_prio > s->pol.prio_hi)
			s->pol.prio_hi = t->pt.base_prio;
	}
	if (s->nthr)
		qsort(s->arrivals, s->nthr, sizeof *s->arrivals, by_arrival);
	if (sim_sync_start(s) < 0)
		return -1;
	if (rt_set_hook(&h)) {
		snprintf(s->err, sizeof s->err, "another simulation is still running (%s)", rt_error());
		return -1;
	}
	if (!(s->boot = rt_create(&boot, boot_main, s))) {
		snprintf(s->err, sizeof s->err, "cannot start the simulation: %s", rt_error());
		rt_set_hook(NULL);
		return -1;
	}
	s->pol.prio_changed = prio_changed;
	s->pol.ctx = s;
	s->next_rt = s->boot;
	s->started = true;
	return 0;
}

static void finish(sim *s)
{
	if (s->zombie) {
		rt_join(s->zombie, NULL);
		s->zombie = NULL;
	}
	if (sim_running_sim == s) {
		sim_running_sim = NULL;
		rt_set_hook(NULL);
	}
}

/* Run until the next pause, the end, or a failure: 1, 0 or -1. */
static int resume(sim *s)
{
	int r;

	if (s->failed)
		return -1;
	if (s->ended)
		return 0;
	if (!s->started && start(s) < 0) {
		s->failed = true;
		return -1;
	}
	sim_running_sim = s;
	r = rt_run(NULL);
	if (s->zombie) {
		rt_join(s->zombie, NULL);
		s->zombie = NULL;
	}
	if (r != 0 && !s->failed) {
		snprintf(s->err, sizeof s->err, "%s", rt_error());
		s->failed = true;
	}
	if (s->failed)
		return -1;
	if (s->ended) {
		/* Deadlocked threads stay parked until sim_free() ends them. */
		if (!s->deadlock)
			finish(s);
		return 0;
	}
	return 1;
}

int sim_step(sim *s)
{
	s->stepping = true;
	return resume(s);
}

int sim_run(sim *s)
{
	int r;

	s->stepping = false;
	while ((r = resume(s)) > 0)
		;
	return r;
}

const char *sim_deadlock(const sim *s)
{
	return s->deadlock;
}

const char *sim_error(const sim *s)
{
	return s ? s->err : outside_err;
}

void sim_set_outside_error(const char *call)
{
	snprintf(outside_err, sizeof outside_err, "%s: not called from a simulated thread", call);
}

/* ---- tearing down ------------------------------------------------------------------ */

/* Resume a thread that is mid-simulation so that it exits, then join it. */
static void end_thread(sim *s, rt_thread *t)
{
	if (rt_state_of(t) != RT_DONE) {
		if (rt_state_of(t) == RT_BLOCKED)
			rt_wake(t);
		if (t != s->paused)
			s->next_rt = t;
		rt_run(NULL);
	}
	rt_join(t, NULL);
}

static void kill_all(sim *s)
{
	s->killing = true;
	sim_running_sim = s;
	if (s->paused) {
		rt_thread *p = s->paused;

		for (size_t i = 0; i < s->nthr; i++)
			if (s->thr[i].rt == p)
				s->thr[i].rt = NULL;
		if (s->boot == p)
			s->boot = NULL;
		end_thread(s, p);
		s->paused = NULL;
	}
	if (s->boot)
		end_thread(s, s->boot);
	for (size_t i = 0; i < s->nthr; i++)
		if (s->thr[i].rt)
			end_thread(s, s->thr[i].rt);
	if (s->zombie)
		rt_join(s->zombie, NULL);
	s->zombie = NULL;
	sim_running_sim = NULL;
	rt_set_hook(NULL);
}

void sim_free(sim *s)
{
	if (!s)
		return;
	if (s->started && (!s->ended || s->deadlock))
		kill_all(s);
	else
		finish(s);
	pol_free(&s->pol);
	sim_sync_free(s);
	free(s->deadlock);
	for (size_t i = 0; i < s->nthr; i++)
		free(s->thr[i].owned_name);
	heap_free(&s->wakes);
	free(s->arrivals);
	free(s->thr);
	free(s->ls);
	free(s);
}
