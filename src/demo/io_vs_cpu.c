/* io_vs_cpu.c: the "io-vs-cpu" demo, traces/io-vs-cpu.wl: I/O-bound and
 * CPU-bound threads under round robin.  Its result sets how soon the
 * I/O-bound ones first ran and finished against when the others finished. */
#include <config.h>

#include <stdio.h>

#include "demo_int.h"

static int64_t response(const sim_thread_info *ti)
{
	return ti->response;
}

static int64_t finish(const sim_thread_info *ti)
{
	return ti->finish;
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

static void result(sim *s, char *buf, size_t len)
{
	char resp[32], fin[32], cpu_fin[32];

	demo_average(s, does_io, NULL, response, resp, sizeof resp);
	demo_average(s, does_io, NULL, finish, fin, sizeof fin);
	demo_average(s, no_io, NULL, finish, cpu_fin, sizeof cpu_fin);
	snprintf(buf, len, "I/O-bound threads: response %s, finish %s on average; "
		 "CPU-bound: finish %s", resp, fin, cpu_fin);
}

const demo demo_io_vs_cpu = {
	"io-vs-cpu", "I/O-bound threads get the CPU back quickly under round robin",
	NULL, demo_src_io_vs_cpu, NULL, result
};
