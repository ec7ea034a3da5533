/* fifo.c: first come, first served.  One FIFO; nobody is ever preempted. */
#include <config.h>

#include <stdio.h>

#include "policy.h"

static int fifo_init(pol *p, char *err, size_t errlen)
{
	if (pol_list_setup(p) < 0) {
		snprintf(err, errlen, "fifo: out of memory");
		return -1;
	}
	return 0;
}

static pol_thread *fifo_pick(pol *p, int64_t now, pol_reason *why)
{
	pol_thread *t = pol_list_pop(p->priv);

	(void)now;
	if (t)
		pol_say_ready(why, "first come, first served", t);
	return t;
}

static const char *const fifo_aliases[] = { "fcfs", NULL };

const pol_class pol_fifo = {
	.name = "fifo",
	.aliases = fifo_aliases,
	.summary = "first come, first served: run each thread until it blocks or exits",
	.init = fifo_init,
	.cleanup = pol_list_cleanup,
	.enqueue = pol_list_enqueue,
	.pick_next = fifo_pick,
	.order = pol_list_order,
};
