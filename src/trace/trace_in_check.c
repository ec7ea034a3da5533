/* trace_in_check.c: the events of a schedsim trace checked against each
 * other and against the thread table, as the engine makes them: a thread
 * arrives once, at its arrival; it runs only when dispatched, from ready;
 * one thread at a time holds the CPU; a switch ends with the dispatch of
 * its thread, cost ticks later.  A trace that says otherwise is an input
 * error: the report's figures (turnaround, waiting, the chart) hold only
 * for such a stream. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "trace_in_int.h"

enum { ST_NEW, ST_READY, ST_RUNNING, ST_BLOCKED, ST_DONE };

int trace_in_state_init(trace_in_state *c, size_t n)
{
	c->st = calloc(n ? n : 1, 1); /* ST_NEW */
	c->n = c->unarrived = n;
	c->running = c->sw_to = -1;
	c->sw_end = 0;
	return c->st ? 0 : -1;
}

void trace_in_state_free(trace_in_state *c)
{
	free(c->st);
	c->st = NULL;
}

/* What an event asks of its thread: the state it must be in and the one
 * it leaves it in; for the message, what it does. */
static const struct {
	unsigned from;          /* bit per state */
	int to;                 /* -1: unchanged */
	const char *does;
} rule[SIM_EV_KINDS] = {
	[SIM_EV_ARRIVE] = { 1u << ST_NEW, ST_READY, "arrive" },
	[SIM_EV_DISPATCH] = { 1u << ST_READY, ST_RUNNING, "be dispatched" },
	[SIM_EV_PREEMPT] = { 1u << ST_RUNNING, ST_READY, "be preempted" },
	[SIM_EV_BLOCK] = { 1u << ST_RUNNING, ST_BLOCKED, "block" },
	[SIM_EV_WAKE] = { 1u << ST_BLOCKED, ST_READY, "wake" },
	[SIM_EV_EXIT] = { 1u << ST_RUNNING, ST_DONE, "exit" },
	[SIM_EV_SWITCH] = { 1u << ST_READY, -1, "be switched to" },
	[SIM_EV_PRIO] = { 1u << ST_READY | 1u << ST_RUNNING | 1u << ST_BLOCKED, -1,
	                  "change priority" },
};

static const char *const state_words[] = {
	[ST_NEW] = "has not arrived", [ST_READY] = "is ready", [ST_RUNNING] = "is running",
	[ST_BLOCKED] = "is blocked", [ST_DONE] = "has exited",
};

/* Events that need the CPU free: nothing running, no switch under way
 * (but the dispatch that ends one). */
static bool needs_cpu(sim_ev_kind k)
{
	return k == SIM_EV_DISPATCH || k == SIM_EV_SWITCH || k == SIM_EV_IDLE ||
	       k == SIM_EV_END;
}

bool trace_in_state_step(trace_in_state *c, const trace_in_thread *threads,
                         const sim_event *ev, bool *at_thread, char *msg, size_t msglen)
{
	const char *kind = sim_ev_name(ev->kind);
	int i = ev->thread;

	*at_thread = false;
	if (c->sw_to >= 0 && ev->time > c->sw_end) {
		snprintf(msg, msglen, "the switch to '%s' ends at %" PRId64 " with its dispatch, "
		         "before time %" PRId64, threads[c->sw_to].name, c->sw_end, ev->time);
		return false;
	}
	if (needs_cpu(ev->kind)) {
		char who[160];

		if (i >= 0)
			snprintf(who, sizeof who, "'%s' cannot %s", threads[i].name,
			         rule[ev->kind].does);
		else
			snprintf(who, sizeof who, "'%s' cannot come", kind);
		*at_thread = i >= 0;
		if (c->running >= 0) {
			snprintf(msg, msglen, "%s at %" PRId64 ": '%s' is running", who, ev->time,
			         threads[c->running].name);
			return false;
		}
		if (c->sw_to >= 0 && !(ev->kind == SIM_EV_DISPATCH && i == c->sw_to &&
		                       ev->time == c->sw_end)) {
			snprintf(msg, msglen, "%s at %" PRId64 ": the switch to '%s' lasts until "
			         "%" PRId64, who, ev->time, threads[c->sw_to].name, c->sw_end);
			return false;
		}
	}
	if (ev->kind == SIM_EV_END && c->unarrived) {
		size_t k = 0;

		while (c->st[k] != ST_NEW)
			k++;
		snprintf(msg, msglen, "'end' at %" PRId64 ", but '%s' has not arrived (its "
		         "arrival is %" PRId64 ")", ev->time, threads[k].name, threads[k].arrival);
		return false;
	}
	if (i >= 0) {
		unsigned s = c->st[i];

		*at_thread = true;
		if (!(rule[ev->kind].from & 1u << s)) {
			int n = snprintf(msg, msglen, "'%s' cannot %s at %" PRId64 ": it %s",
			                 threads[i].name, rule[ev->kind].does, ev->time,
			                 state_words[s]);

			if (s == ST_NEW && n >= 0 && (size_t)n < msglen)
				snprintf(msg + n, msglen - (size_t)n, " (its arrival is %" PRId64 ")",
				         threads[i].arrival);
			return false;
		}
		if (ev->kind == SIM_EV_ARRIVE && ev->time != threads[i].arrival) {
			*at_thread = false;
			snprintf(msg, msglen, "'%s' arrives at %" PRId64 ", but the thread table "
			         "gives its arrival as %" PRId64, threads[i].name, ev->time,
			         threads[i].arrival);
			return false;
		}
		if (ev->kind == SIM_EV_ARRIVE)
			c->unarrived--;
		if (rule[ev->kind].to >= 0)
			c->st[i] = (unsigned char)rule[ev->kind].to;
	}
	switch (ev->kind) {
	case SIM_EV_DISPATCH:
		c->running = i;
		c->sw_to = -1;
		break;
	case SIM_EV_PREEMPT:
	case SIM_EV_BLOCK:
	case SIM_EV_EXIT:
		c->running = -1;
		break;
	case SIM_EV_SWITCH:
		c->sw_to = i;
		c->sw_end = ev->time + ev->arg;
		break;
	default:
		break;
	}
	return true;
}
