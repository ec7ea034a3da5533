/* rt_info.c: what the runtime tells about its threads. */
#include <config.h>

#include "rt_int.h"

uint64_t rt_id(const rt_thread *t)
{
	return t->id;
}

const char *rt_name(const rt_thread *t)
{
	return t->name;
}

rt_state rt_state_of(const rt_thread *t)
{
	return (rt_state)t->state;
}

const char *rt_state_name(rt_state s)
{
	static const char *const names[] = {
		[RT_NEW] = "new", [RT_READY] = "ready", [RT_RUNNING] = "running",
		[RT_BLOCKED] = "blocked", [RT_DONE] = "done",
	};

	if ((unsigned)s < sizeof names / sizeof names[0])
		return names[s];
	return "invalid";
}

int rt_priority(const rt_thread *t)
{
	return t->priority;
}

void rt_set_priority(rt_thread *t, int priority)
{
	t->priority = priority;
}

void *rt_udata(const rt_thread *t)
{
	return t->udata;
}

void rt_set_udata(rt_thread *t, void *udata)
{
	t->udata = udata;
}

const rt_counters *rt_counters_of(const rt_thread *t)
{
	return &t->counters;
}

size_t rt_stack_size(const rt_thread *t)
{
	return t->stack_size;
}

/* Measured on demand (a mincore and a scan of one page); a finished
 * thread keeps the figure taken when its stack went back. */
size_t rt_stack_high_water(const rt_thread *t)
{
	rt_thread *w = (rt_thread *)t;

	if (t->ctx) {
		size_t used = rt_stack_used(&t->stack, (const char *)t->ctx);

		if (used > w->high_water)
			w->high_water = used;
	}
	return t->high_water;
}
