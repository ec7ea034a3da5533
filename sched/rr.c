/* rr.c: round robin.  One FIFO and a quantum; the thread whose quantum
 * ends goes to the back, behind anyone who arrived or woke at that instant
 * (the engine enqueues those first). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>

#include "policy.h"
#include "wl/workload.h"

enum { RR_QUANTUM };

static const opt_def rr_opts[] = {
	[RR_QUANTUM] = { .name = "quantum", .kind = OPT_INT, .def = 4, .min = 1,
	                 .max = WL_TICKS_MAX, .arg = "N", .help = "time slice in ticks" },
};

static int rr_init(pol *p, char *err, size_t errlen)
{
	p->slice = pol_int(p, RR_QUANTUM);
	if (pol_list_setup(p) < 0) {
		snprintf(err, errlen, "rr: out of memory");
		return -1;
	}
	return 0;
}

static pol_thread *rr_pick(pol *p, int64_t now, pol_reason *why)
{
	pol_thread *t = pol_list_pop(p->priv);

	(void)now;
	if (t)
		pol_say_ready(why, "next in the round-robin queue", t);
	return t;
}

static int64_t rr_timer(const pol *p, const pol_thread *running, int64_t now)
{
	const pol_list *q = p->priv;

	if (!running || !q->n)
		return INT64_MAX;
	return pol_quantum_end(running, p->slice, now);
}

static bool rr_tick(pol *p, pol_thread *running, int64_t now, pol_reason *why)
{
	const pol_list *q = p->priv;

	/* Nobody waits: the next quantum begins, no switch. */
	if (!running || !q->n || !pol_quantum_over(running, p->slice, now))
		return false;
	pol_say(why, "quantum of %lld expired", (long long)p->slice);
	return true;
}

static const char *const rr_aliases[] = { "round-robin", NULL };

const pol_class pol_rr = {
	.name = "rr",
	.aliases = rr_aliases,
	.summary = "round robin: take turns of one quantum each, in arrival order",
	.opts = rr_opts,
	.nopts = sizeof rr_opts / sizeof *rr_opts,
	.init = rr_init,
	.cleanup = pol_list_cleanup,
	.enqueue = pol_list_enqueue,
	.pick_next = rr_pick,
	.timer = rr_timer,
	.tick = rr_tick,
	.order = pol_list_order,
};
