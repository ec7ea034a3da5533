/* report_sim.c: a report's header taken from a simulation. */
#include <config.h>

#include "report.h"
#include "sim/sim.h"

report *report_for_sim(sim *s)
{
	report *r = report_new(sim_policy_name(s), sim_opts(s));

	if (!r)
		return NULL;
	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_info ti;

		sim_thread_get(s, (int)i, &ti);
		if (report_add_thread(r, ti.name, ti.arrival) < 0) {
			report_free(r);
			return NULL;
		}
	}
	if (sim_listen(s, report_event, r) < 0) {
		report_free(r);
		return NULL;
	}
	return r;
}
