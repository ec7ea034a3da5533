/* trace_out_sim.c: a trace's header taken from a simulation. */
#include <config.h>

#include "sim/sim.h"
#include "trace_out.h"

static const char *deadlock(const void *s)
{
	return sim_deadlock(s);
}

int trace_out_sim(trace_out *t, sim *s, const char *name, const char *source,
                  size_t len)
{
	trace_out_run(t, sim_policy_name(s), sim_opts(s));
	trace_out_workload(t, name, source, source ? len : 0);
	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_info ti;

		sim_thread_get(s, (int)i, &ti);
		trace_out_thread(t, (int)i, ti.name, ti.arrival, ti.base_priority);
	}
	trace_out_end_note(t, deadlock, s);
	return sim_listen(s, trace_out_event, t);
}
