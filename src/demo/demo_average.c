/* demo_result.c: what a class checks after the workload demos, read from
 * the finished simulation (the figures are the report's). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "report/report.h"

/* Average of a figure over the threads that match, as report_decimal
 * writes it. */
typedef int64_t (*figure)(const sim_thread_info *ti);
typedef bool (*match)(const sim_thread_info *ti, const void *ctx);

static void average(sim *s, match m, const void *ctx, figure f, char *buf, size_t len)
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

static int64_t waiting(const sim_thread_info *ti)
{
	return ti->waiting;
}

static int64_t response(const sim_thread_info *ti)
{
	return ti->response;
}

static int64_t finish(const sim_thread_info *ti)
{
	return ti->finish;
}

static bool shorter(const sim_thread_info *ti, const void *ctx)
{
	return ti->cpu < *(const int64_t *)ctx;
}

static bool does_io(const sim_thread_info *ti, const void *ctx)
{
	(void)ctx;
	return ti->io > 0;
}

static bool no_io(const sim_thread_info *ti, const void *ctx)
{
	(void)ctx;
	return ti->io == 0;
}

/* The longest job against the others. */
void demo_convoy_result(sim *s, char *buf, size_t len)
{
	sim_thread_info ti, longest = { 0 };
	char avg[32];

	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_get(s, (int)i, &ti);
		if (!longest.name || ti.cpu > longest.cpu)
			longest = ti;
	}
	average(s, shorter, &longest.cpu, waiting, avg, sizeof avg);
	snprintf(buf, len, "the short jobs waited %s ticks on average, %s %lld%s", avg,
		 longest.name, (long long)longest.waiting,
		 strcmp(sim_policy_name(s), "fifo") ? "" : " (try --policy srtf)");
}

void demo_io_vs_cpu_result(sim *s, char *buf, size_t len)
{
	char resp[32], fin[32], cpu_fin[32];

	average(s, does_io, NULL, response, resp, sizeof resp);
	average(s, does_io, NULL, finish, fin, sizeof fin);
	average(s, no_io, NULL, finish, cpu_fin, sizeof cpu_fin);
	snprintf(buf, len, "I/O-bound threads: response %s, finish %s on average; "
		 "CPU-bound: finish %s", resp, fin, cpu_fin);
}

/* The thread of the worst base priority: how long it waited. */
void demo_starvation_result(sim *s, char *buf, size_t len)
{
	sim_thread_info ti, low = { 0 };
	bool high_first = sim_opts(s)->high_first;

	for (size_t i = 0; i < sim_nthreads(s); i++) {
		sim_thread_get(s, (int)i, &ti);
		if (!low.name || (high_first ? ti.base_priority < low.base_priority :
				  ti.base_priority > low.base_priority))
			low = ti;
	}
	snprintf(buf, len, "%s (priority %d) waited %lld ticks and finished at %lld",
		 low.name, low.base_priority, (long long)low.waiting, (long long)low.finish);
}
