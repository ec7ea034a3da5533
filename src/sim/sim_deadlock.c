/* sim_deadlock.c: naming a deadlock.
 *
 * Called when nothing can run and nothing is pending (no arrival, I/O or
 * sleep to come).  Every thread still blocked then waits forever, on one
 * of two things: a thread (the holder of the mutex it wants, or the one it
 * joins), which gives a wait-for graph with at most one edge out of each
 * thread; or a semaphore or condition that only a running thread could
 * post, and none is left.  Cycles of the graph are the deadlock proper and
 * come first, each from its first thread in file order; the rest follow
 * in file order.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_int.h"

/* Whom t waits for, or NULL when it waits for a semaphore or condition. */
static const sim_thr *waits_for(const sim *s, const sim_thr *t)
{
	if (t->wait == SIM_WAIT_JOIN)
		return &s->thr[t->wait_on];
	if (t->wait == SIM_WAIT_OBJ && s->obj[t->wait_on].kind == SIM_SYNC_MUTEX)
		return s->obj[t->wait_on].holder;
	return NULL;
}

/* The mutex t holds that w waits for, or NULL. */
static const sim_obj *held_for(const sim *s, const sim_thr *t, const sim_thr *w)
{
	if (w && w->wait == SIM_WAIT_OBJ) {
		const sim_obj *o = &s->obj[w->wait_on];

		if (o->kind == SIM_SYNC_MUTEX && o->holder == t)
			return o;
	}
	return NULL;
}

static void describe(FILE *f, const sim *s, const sim_thr *t, const sim_obj *holds,
		     bool in_cycle)
{
	const sim_obj *o = t->wait == SIM_WAIT_OBJ ? &s->obj[t->wait_on] : NULL;

	fprintf(f, "%s ", t->name);
	if (holds)
		fprintf(f, "holds %s and ", holds->name);
	if (t->wait == SIM_WAIT_JOIN)
		fprintf(f, "waits for %s to finish", s->thr[t->wait_on].name);
	else if (o && o->kind == SIM_SYNC_MUTEX && in_cycle)
		fprintf(f, "waits for %s", o->name);
	else if (o && o->kind == SIM_SYNC_MUTEX)
		fprintf(f, "waits for %s held by %s", o->name, o->holder->name);
	else if (o && o->kind == SIM_SYNC_SEM)
		fprintf(f, "waits for semaphore %s, which no running thread will post", o->name);
	else if (o)
		fprintf(f, "waits for condition %s, which no running thread will signal",
			o->name);
	else
		fprintf(f, "is blocked");
}

void sim_deadlock_describe(sim *s)
{
	long *mark;          /* 0 unseen, 1 + the walk that reached it, -1 in a cycle */
	char *text = NULL;
	size_t len = 0, parts = 0, blocked = 0;
	FILE *f;

	for (size_t i = 0; i < s->nthr; i++)
		blocked += s->thr[i].state == SIM_T_BLOCKED;
	if (!blocked)
		return;      /* the usual end: everyone finished */
	mark = calloc(s->nthr, sizeof *mark);
	if (!mark || !(f = open_memstream(&text, &len))) {
		free(mark);
		s->deadlock = strdup("deadlock (out of memory describing it)");
		return;
	}
	fprintf(f, "deadlock at time %lld: ", (long long)s->now);
	for (size_t i = 0; i < s->nthr; i++) {
		const sim_thr *t = &s->thr[i], *c;

		if (t->state != SIM_T_BLOCKED || mark[i])
			continue;
		for (c = t; c && c->state == SIM_T_BLOCKED && !mark[c->pt.id]; c = waits_for(s, c))
			mark[c->pt.id] = (long)i + 1;
		if (!c || c->state != SIM_T_BLOCKED || mark[c->pt.id] != (long)i + 1)
			continue;
		/* c is on a cycle: start it from its first thread */
		const sim_thr *first = c;

		for (const sim_thr *x = waits_for(s, c); x != c; x = waits_for(s, x))
			if (x->pt.id < first->pt.id)
				first = x;
		const sim_thr *x = first;
		do {
			const sim_thr *prev = x;

			while (waits_for(s, prev) != x) /* the cycle is short: walk it */
				prev = waits_for(s, prev);
			fputs(parts++ ? "; " : "", f);
			describe(f, s, x, held_for(s, x, prev), true);
			mark[x->pt.id] = -1;
			x = waits_for(s, x);
		} while (x != first);
	}
	for (size_t i = 0; i < s->nthr; i++) {
		const sim_thr *t = &s->thr[i];

		if (t->state != SIM_T_BLOCKED || mark[i] < 0)
			continue;
		fputs(parts++ ? "; " : "", f);
		describe(f, s, t, sim_sync_first_held(t, true), false);
	}
	free(mark);
	if (fclose(f) != 0 || !parts) {
		free(text);
		text = NULL;
	}
	s->deadlock = text;
}
