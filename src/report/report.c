/* report.c: turning an event stream into per-thread figures and a timeline. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "lib/grow.h"

report *report_new(const char *policy, const sim_options *opt)
{
	report *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->policy = strdup(policy ? policy : "");
	if (!r->policy) {
		free(r);
		return NULL;
	}
	r->opt = *opt;
	r->opt.policy = r->policy; /* its table, when pol.defs is NULL */
	r->opt.sems = NULL;
	r->opt.nsems = 0;
	r->running = -1;
	r->last = -1;
	return r;
}

void report_free(report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->t[i].name);
		free(r->t[i].label);
		free(r->t[i].spans.v);
	}
	for (size_t i = 0; i < r->nnotes; i++) {
		free(r->notes[i].key);
		free(r->notes[i].value);
		free(r->notes[i].line);
	}
	free(r->notes);
	free(r->t);
	free(r->timeline.v);
	free(r->policy);
	free(r->form);
	free(r);
}

int report_add_thread(report *r, const char *name, int64_t arrival)
{
	if (grow_room(&r->t, &r->cap, r->n, sizeof *r->t) < 0)
		goto oom;
	report_thr *t = &r->t[r->n];
	memset(t, 0, sizeof *t);
	t->name = strdup(name);
	if (!t->name)
		goto oom;
	size_t cap = 0;
	if (!report_safe(name, &t->label, &cap)) /* t->label stays NULL if name is safe */
		goto oom;
	t->arrival = arrival;
	t->finish = -1;
	t->first = -1;
	t->blocked_at = -1;
	r->n++;
	return 0;
oom:
	r->oom = true;
	return -1;
}

int report_set_linux(report *r, const char *form, int cpu, bool busiest)
{
	free(r->form);
	if (!(r->form = strdup(form))) {
		r->oom = true;
		return -1;
	}
	r->cpu = cpu;
	r->busiest = busiest;
	return 0;
}

void report_measure(report *r, size_t i, const report_measured *m)
{
	if (i < r->n) {
		r->t[i].measured = true;
		r->t[i].m = *m;
	}
}

int report_note(report *r, const char *key, const char *value, const char *line)
{
	report_note_s *v = realloc(r->notes, (r->nnotes + 1) * sizeof *v);

	if (!v)
		goto oom;
	r->notes = v;
	v = &v[r->nnotes];
	v->key = strdup(key);
	v->value = strdup(value);
	v->line = strdup(line);
	r->nnotes++;
	if (v->key && v->value && v->line)
		return 0;
oom:
	r->oom = true;
	return -1;
}

static void push(report *r, report_segs *s, const report_seg *seg)
{
	if (grow_room(&s->v, &s->cap, s->n, sizeof *s->v) < 0) {
		r->oom = true;
		return;
	}
	s->v[s->n++] = *seg;
}

/* The timeline has no gaps: whatever lies between the last stretch and this
 * one was idle.  A thread's consecutive runs become one stretch. */
static void timeline_add(report *r, int thread, int64_t start, int64_t end, bool sw)
{
	report_segs *tl = &r->timeline;
	int64_t cursor = tl->n ? tl->v[tl->n - 1].end : 0;

	if (start > cursor) {
		report_seg *last = tl->n ? &tl->v[tl->n - 1] : NULL;

		if (last && last->thread < 0 && !last->sw)
			last->end = start; /* idle, then idle again */
		else
			push(r, tl, &(report_seg){ cursor, start, -1, false });
	}
	if (end <= start)
		return;
	report_seg *last = tl->n ? &tl->v[tl->n - 1] : NULL;
	if (last && !sw && !last->sw && last->thread == thread && thread >= 0 &&
	    last->end == start)
		last->end = end;
	else
		push(r, tl, &(report_seg){ start, end, thread, sw });
}

/* The same in one thread's own list of spans. */
static void span_add(report *r, report_thr *t, int kind, int64_t start, int64_t end, bool sw)
{
	report_segs *s = &t->spans;

	if (end <= start)
		return;
	if (s->n && !sw && !s->v[s->n - 1].sw && s->v[s->n - 1].thread == kind &&
	    s->v[s->n - 1].end == start)
		s->v[s->n - 1].end = end;
	else
		push(r, s, &(report_seg){ start, end, kind, sw });
}

static void note_time(report *r, int64_t t)
{
	if (t > r->end)
		r->end = t;
}

/* The running thread leaves the CPU at time now. */
static void stop_running(report *r, int64_t now)
{
	int i = r->running;

	if (i < 0)
		return;
	r->t[i].cpu += now - r->run_since;
	r->busy += now - r->run_since;
	timeline_add(r, i, r->run_since, now, false);
	span_add(r, &r->t[i], i, r->run_since, now, false);
	r->running = -1;
}

static void end_wait(report *r, report_thr *t, int64_t now)
{
	if (t->blocked_at < 0)
		return;
	if (t->sync_wait)
		t->blocked += now - t->blocked_at;
	else
		t->io += now - t->blocked_at;
	span_add(r, t, t->sync_wait ? REPORT_BLOCKED : REPORT_IO, t->blocked_at, now, false);
	t->blocked_at = -1;
}

/* A trace cut short during a switch ends before the switch does: the
 * switch, in the timeline and its thread's spans, ends there too. */
static void clip_switch(report *r, int64_t end)
{
	report_seg *last = r->timeline.n ? &r->timeline.v[r->timeline.n - 1] : NULL;

	if (!last || !last->sw || last->end <= end)
		return;
	last->end = end;
	r->timeline.n -= last->start == end; /* nothing of it was seen */
	for (size_t i = 0; i < r->n; i++) {
		report_segs *sp = &r->t[i].spans;
		report_seg *v = sp->n ? &sp->v[sp->n - 1] : NULL;

		if (v && v->sw && v->end > end) {
			v->end = end;
			sp->n -= v->start == end;
		}
	}
}

void report_event(void *ctx, const sim_event *ev)
{
	report *r = ctx;
	report_thr *t = NULL;

	if (ev->thread >= 0) {
		if ((size_t)ev->thread >= r->n)
			return; /* not announced: nothing sensible to attach it to */
		t = &r->t[ev->thread];
	}
	note_time(r, ev->time);
	switch (ev->kind) {
	case SIM_EV_ARRIVE:
		if (t)
			t->arrival = ev->time;
		break;
	case SIM_EV_DISPATCH:
		if (!t)
			break;
		stop_running(r, ev->time);
		if (t->first < 0)
			t->first = ev->time;
		if (r->last >= 0 && r->last != ev->thread)
			r->switches++;
		r->last = ev->thread;
		r->running = ev->thread;
		r->run_since = ev->time;
		break;
	case SIM_EV_PREEMPT:
	case SIM_EV_BLOCK:
	case SIM_EV_EXIT:
		if (r->running == ev->thread)
			stop_running(r, ev->time);
		if (!t)
			break;
		if (ev->kind == SIM_EV_BLOCK) {
			t->blocked_at = ev->time;
			t->sync_wait = ev->arg == 0;
			r->any_blocked |= t->sync_wait;
		}
		if (ev->kind == SIM_EV_EXIT)
			t->finish = ev->time;
		break;
	case SIM_EV_WAKE:
		if (t)
			end_wait(r, t, ev->time);
		break;
	case SIM_EV_SWITCH:
		stop_running(r, ev->time);
		if (ev->arg > 0) {
			timeline_add(r, -1, ev->time, ev->time + ev->arg, true);
			if (t)
				span_add(r, t, ev->thread, ev->time, ev->time + ev->arg, true);
			note_time(r, ev->time + ev->arg);
		}
		break;
	case SIM_EV_IDLE:
		stop_running(r, ev->time);
		break;
	case SIM_EV_END:
		stop_running(r, ev->time);
		clip_switch(r, ev->time);
		for (size_t i = 0; i < r->n; i++) /* a deadlock leaves some waiting */
			end_wait(r, &r->t[i], ev->time);
		r->end = ev->time;
		timeline_add(r, -1, ev->time, ev->time, false);
		break;
	case SIM_EV_PRIO:
	case SIM_EV_KINDS:
		break;
	}
}

const char *report_label(const report *r, size_t i)
{
	return r->t[i].label ? r->t[i].label : r->t[i].name;
}

bool report_figures(const report *r, size_t i, report_fig *f)
{
	const report_thr *t = &r->t[i];

	if (t->finish < 0)
		return false;
	f->turnaround = t->finish - t->arrival;
	f->waiting = t->measured ? t->m.waiting : f->turnaround - t->cpu - t->io - t->blocked;
	f->response = t->first >= 0 ? t->first - t->arrival : 0;
	return true;
}

bool report_waiting(const report *r, size_t i, int64_t *waiting)
{
	report_fig f;

	if (r->t[i].measured)
		*waiting = r->t[i].m.waiting;
	else if (report_figures(r, i, &f))
		*waiting = f.waiting;
	else
		return false;
	return true;
}

void report_sum(const report *r, report_sums *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < r->n; i++) {
		report_fig f;

		if (!report_figures(r, i, &f))
			continue;
		s->turnaround += (uint64_t)f.turnaround;  /* figures are never negative */
		s->waiting += (uint64_t)f.waiting;
		s->response += (uint64_t)f.response;
		s->finished++;
	}
}

void report_totals_get(const report *r, report_totals *t)
{
	report_sums s;

	report_sum(r, &s);
	t->threads = r->n;
	t->finished = s.finished;
	t->turnaround = s.turnaround;
	t->waiting = s.waiting;
	t->response = s.response;
	t->switches = r->switches;
	t->busy = r->busy;
	t->makespan = r->end;
}

void report_decimal(char *buf, size_t len, report_sum_t num, uint64_t den,
                    int places, bool point)
{
	report_sum_t whole, rem;
	uint64_t frac = 0, scale = 1;
	char w[48], *p = w + sizeof w;

	if (places > 18)
		places = 18; /* 10^18 still fits */
	if (den == 0) {
		snprintf(buf, len, point ? "0.0" : "0");
		return;
	}
	/* Long division one digit at a time: rem < den, so rem * 10 fits. */
	whole = num / den;
	rem = num % den;
	for (int i = 0; i < places; i++) {
		rem *= 10;
		frac = frac * 10 + (uint64_t)(rem / den);
		rem %= den;
		scale *= 10;
	}
	if (rem >= den - rem) { /* rem/den >= 1/2, without computing 2*rem */
		if (++frac == scale) {
			frac = 0;
			whole++;
		}
	}
	while (places > 0 && frac % 10 == 0) {
		frac /= 10;
		places--;
	}
	/* whole may pass 64 bits: its digits by hand. */
	*--p = '\0';
	do {
		*--p = (char)('0' + (int)(whole % 10));
		whole /= 10;
	} while (whole);
	if (places > 0) {
		char digits[24];

		digits[places] = '\0';
		for (int i = places - 1; i >= 0; i--, frac /= 10)
			digits[i] = (char)('0' + frac % 10);
		snprintf(buf, len, "%s.%s", p, digits);
	} else
		snprintf(buf, len, point ? "%s.0" : "%s", p);
}
