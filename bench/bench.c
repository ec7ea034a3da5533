/* bench.c: pinning, medians and clocks shared by the benchmarks. */
#include <config.h>

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench.h"

void bench_pin(void)
{
	cpu_set_t set;
	int cpu = sched_getcpu();

	CPU_ZERO(&set);
	if (cpu >= 0) {
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof set, &set) == 0) {
			printf("pinned: cpu %d\n", cpu);
			return;
		}
	}
	printf("pinned: no\n");
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return v[n / 2];
}

static double seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_wall_s(void)
{
	return seconds(CLOCK_MONOTONIC);
}

double bench_cpu_s(void)
{
	return seconds(CLOCK_PROCESS_CPUTIME_ID);
}
