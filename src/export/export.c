/* export.c: each thread's state through the event stream, as slices. */
#include <config.h>

#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "export_int.h"

enum { S_NONE, S_RUNNING, S_READY, S_BLOCKED, S_DONE };
static const char *const state_name[] = { "", "running", "ready", "blocked", "" };

int export_format_find(const char *name)
{
	if (!strcmp(name, "chrome"))
		return EXPORT_CHROME;
	if (!strcmp(name, "csv"))
		return EXPORT_CSV;
	return -1;
}

export *export_new(export_format f, FILE *out)
{
	export *x = calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->w = f == EXPORT_CHROME ? &export_chrome : &export_csv;
	x->out = out;
	/* One thread writes it: stdio's locking would cost more than the
	 * writing (a slice is a dozen small writes). */
	__fsetlocking(out, FSETLOCKING_BYCALLER);
	x->idle_since = -1;
	x->first = true;
	return x;
}

void export_free(export *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n; i++) {
		free(x->t[i].name);
		free(x->t[i].reason);
	}
	free(x->t);
	free(x->safe);
	free(x);
}

static int start(void *ctx, const trace_in_info *info)
{
	export *x = ctx;

	x->t = calloc(info->nthreads ? info->nthreads : 1, sizeof *x->t);
	if (!x->t)
		return -1;
	x->n = info->nthreads;
	x->linux_trace = info->form != NULL;
	for (size_t i = 0; i < x->n; i++) {
		export_thread *t = &x->t[i];

		t->tid = info->threads[i].tid;
		t->name = strdup(info->threads[i].name);
		t->reason = strdup("");
		if (!t->name || !t->reason)
			return -1;
	}
	x->w->begin(x, info);
	return 0;
}

static void emit(export *x, int thread, const char *state, int64_t start, int64_t end,
                 const char *reason, int to)
{
	if (end <= start)
		return;
	x->w->slice(x, &(export_slice){ thread, state, start, end, reason, to });
	x->first = false;
}

/* Thread i enters state at time now: the stretch it leaves is a slice. */
static void enter(export *x, int i, int state, int64_t now, const char *reason)
{
	export_thread *t = &x->t[i];

	if (t->state == state && state != S_RUNNING)
		return; /* still ready (a wake-up of a ready task), still blocked */
	if (t->state != S_NONE && t->state != S_DONE)
		emit(x, i, state_name[t->state], t->since, now, t->reason, -1);
	t->state = state;
	t->since = now;
	if (strcmp(t->reason, reason)) {
		char *r = strdup(reason);

		if (!r) {
			x->oom = true;
			return;
		}
		free(t->reason);
		t->reason = r;
	}
}

static void cpu_busy(export *x, int64_t now)
{
	if (x->idle_since >= 0)
		emit(x, -1, "idle", x->idle_since, now, "", -1);
	x->idle_since = -1;
}

/* The end: every stretch still open ends now. */
static void close_all(export *x, int64_t now)
{
	if (x->ended)
		return;
	cpu_busy(x, now);
	for (size_t i = 0; i < x->n; i++)
		enter(x, (int)i, S_DONE, now, "");
	x->ended = true;
}

static void event(void *ctx, const sim_event *ev)
{
	export *x = ctx;
	int i = ev->thread;

	if (i >= 0 && (size_t)i >= x->n)
		return;
	switch (ev->kind) {
	case SIM_EV_ARRIVE:
	case SIM_EV_WAKE:
	case SIM_EV_PREEMPT:
		enter(x, i, S_READY, ev->time, ev->reason);
		break;
	case SIM_EV_DISPATCH:
		cpu_busy(x, ev->time);
		enter(x, i, S_RUNNING, ev->time, ev->reason);
		break;
	case SIM_EV_BLOCK:
		enter(x, i, S_BLOCKED, ev->time, ev->reason);
		break;
	case SIM_EV_EXIT:
		enter(x, i, S_DONE, ev->time, ev->reason);
		break;
	case SIM_EV_SWITCH:
		cpu_busy(x, ev->time);
		if (i >= 0)
			emit(x, -1, "switch", ev->time, ev->time + ev->arg, "", i);
		break;
	case SIM_EV_IDLE:
		if (x->idle_since < 0)
			x->idle_since = ev->time;
		break;
	case SIM_EV_END:
		close_all(x, ev->time);
		break;
	case SIM_EV_PRIO:
	case SIM_EV_KINDS:
		break;
	}
}

trace_in_player export_player(export *x)
{
	return (trace_in_player){ start, event, x };
}

int export_finish(export *x, int64_t end)
{
	if (x->t)
		close_all(x, end);
	if (x->t)
		x->w->end(x);
	return x->oom || ferror(x->out) ? -1 : 0;
}
