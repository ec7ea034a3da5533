/* history.c: the event stream folded into per-thread segments. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "lib/grow.h"

void ui_model_init(ui_model *m, bool utf8, bool color)
{
	memset(m, 0, sizeof *m);
	m->utf8 = utf8;
	m->color = color;
	m->follow = true;
	m->last_ran = -1;
	m->cpu_who = UI_WHO_NONE;
	m->switch_to = -1;
	m->qhead = m->qtail = -1;
}

static void segs_free(ui_segs *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static void tracks_free(ui_model *m)
{
	for (size_t i = 0; i < m->nthreads; i++) {
		segs_free(&m->t[i].run);
		segs_free(&m->t[i].io);
		segs_free(&m->t[i].wait);
	}
	free(m->t);
	m->t = NULL;
	m->nthreads = m->cap = 0;
	segs_free(&m->cpu);
}

void ui_model_free(ui_model *m)
{
	tracks_free(m);
}

/* Make room for thread index i; new tracks have not arrived yet. */
static ui_track *track(ui_model *m, int i)
{
	if (i < 0)
		return NULL;
	if ((size_t)i >= m->cap) {
		size_t cap = m->cap ? m->cap : 16;
		while (cap <= (size_t)i)
			cap *= 2;
		ui_track *t = realloc(m->t, cap * sizeof *t);
		if (!t) {
			m->oom = true;
			return NULL;
		}
		m->t = t;
		m->cap = cap;
	}
	while (m->nthreads <= (size_t)i) {
		ui_track *t = &m->t[m->nthreads++];
		memset(t, 0, sizeof *t);
		t->arrival = t->first_run = t->finish = -1;
		t->state = SIM_T_NEW;
		t->prio = UI_PRIO_UNKNOWN;
		t->qprev = t->qnext = -1;
	}
	return &m->t[i];
}

int ui_model_reset(ui_model *m, size_t nthreads, ui_name_fn name, void *ctx)
{
	tracks_free(m);
	ui_model_init(m, m->utf8, m->color);
	m->name = name;
	m->name_ctx = ctx;
	if (nthreads && !track(m, (int)nthreads - 1))
		return -1;
	return 0;
}

const char *ui_model_name(const ui_model *m, int thread)
{
	const char *s = m->name ? m->name(m->name_ctx, thread) : NULL;
	return s ? s : "?";
}

static int64_t seg_len(const ui_seg *g)
{
	return g->end - g->start;
}

/* Close the open segment, if any, at t; a segment of no length vanishes. */
static void seg_close(ui_segs *s, int64_t t)
{
	if (!s->n || s->v[s->n - 1].end != UI_OPEN)
		return;
	ui_seg *g = &s->v[s->n - 1];
	g->end = t < g->start ? g->start : t;
	if (g->end == g->start)
		s->n--;
}

/* Start a segment at t (closing the open one); one that continues the
 * previous segment of the same owner without a gap extends it instead. */
static void seg_open(ui_model *m, ui_segs *s, int64_t t, int who)
{
	seg_close(s, t);
	if (s->n) {
		ui_seg *g = &s->v[s->n - 1];
		if (g->end == t && g->who == who) {
			g->end = UI_OPEN;
			return;
		}
	}
	if (grow_room(&s->v, &s->cap, s->n, sizeof *s->v) < 0) {
		m->oom = true;
		return;
	}
	ui_seg *prev = s->n ? &s->v[s->n - 1] : NULL;
	s->v[s->n++] = (ui_seg){
		.start = t,
		.end = UI_OPEN,
		.before = prev ? prev->before + seg_len(prev) : 0,
		.who = who,
	};
}

static void log_add(ui_model *m, const sim_event *ev, const ui_track *t)
{
	ui_log_entry *e = &m->log[m->nlog++ % UI_LOG_KEEP];

	e->time = ev->time;
	e->kind = ev->kind;
	e->thread = ev->thread;
	e->arg = ev->arg;
	e->io = t && t->in_io;
	if (ev->kind == SIM_EV_END) { /* a deadlock leaves threads unfinished */
		e->arg = 0;
		for (size_t i = 0; i < m->nthreads; i++)
			e->arg += m->t[i].arrival >= 0 && m->t[i].finish < 0;
	}
	snprintf(e->reason, sizeof e->reason, "%s", ev->reason ? ev->reason : "");
}

bool ui_model_log(const ui_model *m, size_t i, const ui_log_entry **out)
{
	if (i >= m->nlog || i >= UI_LOG_KEEP)
		return false;
	*out = &m->log[(m->nlog - 1 - i) % UI_LOG_KEEP];
	return true;
}

size_t ui_segs_find(const ui_segs *s, int64_t x, size_t from)
{
	size_t lo, hi, step = 1;

	if (from >= s->n || s->v[from].start >= x)
		return from < s->n ? from : s->n;
	/* Gallop: steps of 1, 2, 4, ... until past x, then halve. */
	lo = from + 1;
	for (;;) {
		hi = from + step;
		if (hi >= s->n) {
			hi = s->n;
			break;
		}
		if (s->v[hi].start >= x)
			break;
		lo = hi + 1;
		step *= 2;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid].start < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int64_t ui_segs_before_at(const ui_segs *s, int64_t x, int64_t now, size_t i)
{
	if (!i)
		return 0;
	const ui_seg *g = &s->v[i - 1];
	int64_t end = g->end == UI_OPEN ? now : g->end;
	return g->before + (x < end ? x : end) - g->start;
}

static int64_t total(const ui_segs *s, int64_t now)
{
	return ui_segs_before_at(s, UI_OPEN, now, s->n);
}

/* The CPU row changes hands at time; what it held until then is counted. */
static void cpu_set(ui_model *m, int64_t time, int who)
{
	if (m->cpu_who >= 0)
		m->tot.busy += time - m->cpu_since;
	else if (m->cpu_who == UI_WHO_SWITCH)
		m->tot.switch_ticks += time - m->cpu_since;
	m->cpu_who = who;
	m->cpu_since = time;
	if (who == UI_WHO_NONE)
		seg_close(&m->cpu, time);
	else
		seg_open(m, &m->cpu, time, who);
}

int64_t ui_model_busy(const ui_model *m)
{
	return m->tot.busy + (m->cpu_who >= 0 ? m->now - m->cpu_since : 0);
}

/* The ready list: O(1) to join at the tail or leave from anywhere. */
static void enqueue(ui_model *m, int i)
{
	ui_track *t = &m->t[i];

	if (t->queued)
		return;
	t->queued = true;
	t->qprev = m->qtail;
	t->qnext = -1;
	if (m->qtail >= 0)
		m->t[m->qtail].qnext = i;
	else
		m->qhead = i;
	m->qtail = i;
	m->nready++;
}

static void dequeue(ui_model *m, int i)
{
	ui_track *t = &m->t[i];

	if (!t->queued)
		return;
	t->queued = false;
	if (t->qprev >= 0)
		m->t[t->qprev].qnext = t->qnext;
	else
		m->qhead = t->qnext;
	if (t->qnext >= 0)
		m->t[t->qnext].qprev = t->qprev;
	else
		m->qtail = t->qprev;
	m->nready--;
}

size_t ui_model_ready(const ui_model *m, int *out, size_t max)
{
	size_t n = 0;

	for (int i = m->qhead; i >= 0 && n < max; i = m->t[i].qnext)
		out[n++] = i;
	return m->nready;
}

int ui_model_running(const ui_model *m)
{
	return m->cpu_who >= 0 ? m->cpu_who : -1;
}

int ui_model_switching(const ui_model *m)
{
	return m->cpu_who == UI_WHO_SWITCH ? m->switch_to : -1;
}

void ui_model_thread(const ui_model *m, int thread, sim_thread_info *out)
{
	memset(out, 0, sizeof *out);
	out->name = ui_model_name(m, thread);
	out->arrival = out->response = out->finish = out->remaining = -1;
	out->waits_on = out->joins = -1;
	out->wakes_at = -1;
	out->priority = out->base_priority = UI_PRIO_UNKNOWN;
	if (thread < 0 || (size_t)thread >= m->nthreads)
		return;
	const ui_track *t = &m->t[thread];
	out->state = t->state;
	out->arrival = t->arrival;
	out->priority = out->base_priority = t->prio;
	out->cpu = total(&t->run, m->now);
	out->io = total(&t->io, m->now);
	out->finish = t->finish;
	if (t->first_run >= 0)
		out->response = t->first_run - t->arrival;
	if (t->arrival >= 0)
		out->waiting = (t->finish >= 0 ? t->finish : m->now) - t->arrival -
			       out->cpu - out->io - total(&t->wait, m->now);
}

static void run_stop(ui_model *m, ui_track *t, int thread, int64_t time)
{
	if (t->state == SIM_T_RUNNING)
		seg_close(&t->run, time);
	if (m->cpu_who == thread)
		cpu_set(m, time, UI_WHO_NONE);
}

static void finished(ui_model *m, ui_track *t)
{
	int64_t cpu = total(&t->run, m->now);
	int64_t blocked = total(&t->io, m->now) + total(&t->wait, m->now);
	int64_t turnaround = t->finish - t->arrival;

	m->tot.finished++;
	m->tot.turnaround += turnaround;
	m->tot.waiting += turnaround - cpu - blocked;
	if (t->first_run >= 0)
		m->tot.response += t->first_run - t->arrival;
}

static void end_all(ui_model *m, int64_t time)
{
	for (size_t i = 0; i < m->nthreads; i++) {
		seg_close(&m->t[i].run, time);
		seg_close(&m->t[i].io, time);
		seg_close(&m->t[i].wait, time);
	}
	cpu_set(m, time, UI_WHO_NONE);
	m->ended = true;
}

void ui_model_event(void *vm, const sim_event *ev)
{
	ui_model *m = vm;
	int64_t time = ev->time;
	ui_track *t = track(m, ev->thread);

	m->tot.events++;
	if (time > m->now)
		m->now = time;
	/* A switch that costs nothing says no more than the dispatch after it. */
	if (ev->kind != SIM_EV_SWITCH || ev->arg)
		log_add(m, ev, t);
	/* A thread's own event without a thread to record it on (a bad index,
	 * or out of memory) changes no history. */
	bool own = ev->kind != SIM_EV_IDLE && ev->kind != SIM_EV_SWITCH &&
		   ev->kind != SIM_EV_END && ev->kind != SIM_EV_PRIO;
	if (own && !t)
		return;

	switch (ev->kind) {
	case SIM_EV_ARRIVE:
		t->arrival = time;
		t->state = SIM_T_READY;
		enqueue(m, ev->thread);
		break;
	case SIM_EV_DISPATCH:
		/* As the reports count them: a dispatch of a thread other
		 * than the one dispatched before it. */
		if (m->last_ran >= 0 && m->last_ran != ev->thread)
			m->tot.switches++;
		cpu_set(m, time, ev->thread);
		dequeue(m, ev->thread);
		seg_open(m, &t->run, time, 0);
		if (t->first_run < 0)
			t->first_run = time;
		t->state = SIM_T_RUNNING;
		m->last_ran = ev->thread;
		break;
	case SIM_EV_PREEMPT:
		run_stop(m, t, ev->thread, time);
		t->state = SIM_T_READY;
		enqueue(m, ev->thread);
		break;
	case SIM_EV_BLOCK:
		run_stop(m, t, ev->thread, time);
		t->in_io = ev->arg > 0;
		dequeue(m, ev->thread);
		seg_open(m, t->in_io ? &t->io : &t->wait, time, 0);
		t->state = SIM_T_BLOCKED;
		break;
	case SIM_EV_WAKE:
		seg_close(&t->io, time);
		seg_close(&t->wait, time);
		t->state = SIM_T_READY;
		enqueue(m, ev->thread);
		break;
	case SIM_EV_EXIT:
		run_stop(m, t, ev->thread, time);
		seg_close(&t->io, time);
		seg_close(&t->wait, time);
		t->state = SIM_T_DONE;
		dequeue(m, ev->thread);
		t->finish = time;
		finished(m, t);
		break;
	case SIM_EV_IDLE:
		cpu_set(m, time, UI_WHO_IDLE);
		break;
	case SIM_EV_SWITCH:
		cpu_set(m, time, UI_WHO_SWITCH);
		m->switch_to = ev->thread;
		break;
	case SIM_EV_END:
		end_all(m, time);
		break;
	case SIM_EV_PRIO:
		if (t)
			t->prio = (int)ev->arg;
		break;
	case SIM_EV_KINDS:
		break;
	}
}
