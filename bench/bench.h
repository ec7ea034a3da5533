/* bench.h: what every benchmark needs to measure the same way. */
#ifndef SCHEDSIM_BENCH_H
#define SCHEDSIM_BENCH_H

/* Pin the process (and its children) to the CPU it runs on, so a figure
 * and its baseline share one CPU's caches; says so on stdout. */
void bench_pin(void);

/* The median of n values (sorts v). */
double bench_median(double *v, int n);

/* Seconds of wall time (monotonic) and of this process's CPU time. */
double bench_wall_s(void);
double bench_cpu_s(void);

#endif
