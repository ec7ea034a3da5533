/* demo_average.c: the average the workload demos' results quote, read from
 * the finished simulation (the figures are the report's). */
#include <config.h>

#include "demo_int.h"
#include "report/report.h"

void demo_average(sim *s, demo_match m, const void *ctx, demo_figure f, char *buf,
		  size_t len)
{
	uint64_t sum = 0, n = 0;

	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_info ti;

		sim_thread_get(s, (int)i, &ti);
		if (ti.state == SIM_T_DONE && m(&ti, ctx)) {
			sum += (uint64_t)f(&ti);
			n++;
		}
	}
	report_decimal(buf, len, sum, n, 2, false);
}
