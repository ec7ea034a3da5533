/* engine_bench.c: the engine's cost per dispatch against raw swapcontext,
 * and its resident memory per thread, both measured in this run.
 *
 *   1,000 threads x 1,000 ticks under rr --quantum 1: 1,000,000 dispatches,
 *   each a real green-thread handoff, against 1,000,000 bare swapcontext()
 *   switches between two contexts (the target's baseline).  For context,
 *   the same switches among 1,000 contexts in a ring (cold contexts), and
 *   1,000,000 rt_yield() handoffs among 1,000 runtime threads under the
 *   runtime's own FIFO hook (the floor the engine stands on).
 *
 *   100,000 threads x 2 ticks under rr --quantum 1, so that all of them are
 *   alive at once after the first round, in a child process: its peak
 *   resident set, less that of the same run with 1 thread, per thread.
 *
 * Timings are process CPU time, medians of RUNS runs taken in turns, pinned
 * to the CPU the program started on: on a shared machine wall time moves
 * by a factor of two with other people's work.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "bench.h"
#include "rt/rt.h"
#include "sim/sim.h"
#include "wl/workload.h"

enum { RUNS = 5 };

/* "name burst\nT0 B\nT1 B\n..." parsed into wl. */
static void make_workload(workload *wl, int n, int burst)
{
	size_t cap = (size_t)n * 32 + 32, len = 0;
	char *text = malloc(cap);
	char err[256];

	if (!text) {
		perror("engine_bench");
		exit(1);
	}
	len += (size_t)snprintf(text, cap, "name burst\n");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len, "T%d %d\n", i, burst);
	if (wl_parse(wl, "bench", text, len, err, sizeof err)) {
		fprintf(stderr, "engine_bench: %s\n", err);
		exit(1);
	}
	free(text);
}

/* Run wl under rr --quantum 1 to the end; the context switches made. */
static unsigned long long run_rr1(const workload *wl)
{
	sim_options o;
	char err[256];
	sim *s;
	unsigned long long n;

	sim_options_default(&o);
	o.policy = "rr";
	if (sim_options_set(&o, "quantum", "1", err, sizeof err) < 0) {
		fprintf(stderr, "engine_bench: %s\n", err);
		exit(1);
	}
	if (!(s = sim_new(wl, &o, err, sizeof err)) || sim_run(s) != 0) {
		fprintf(stderr, "engine_bench: %s\n", s ? sim_error(s) : err);
		exit(1);
	}
	n = sim_context_switches(s);
	sim_free(s);
	return n;
}

/* ---- raw swapcontext: a ring of nctx contexts passing the CPU on ---- */

enum { RING_MAX = 1000, RING_STACK = 64 * 1024 };
static ucontext_t uc_main, ring[RING_MAX];
static int nring;
static long switches_left;

static void ring_body(int i)
{
	for (;;) {
		ucontext_t *to = --switches_left <= 0 ? &uc_main : &ring[(i + 1) % nring];

		swapcontext(&ring[i], to);
	}
}

static double raw_swapcontext(int nctx, long switches)
{
	char *stacks = malloc((size_t)nctx * RING_STACK);
	double t;

	if (!stacks) {
		perror("engine_bench");
		exit(1);
	}
	nring = nctx;
	for (int i = 0; i < nctx; i++) {
		getcontext(&ring[i]);
		ring[i].uc_stack.ss_sp = stacks + (size_t)i * RING_STACK;
		ring[i].uc_stack.ss_size = RING_STACK;
		ring[i].uc_link = NULL;
		makecontext(&ring[i], (void (*)(void))ring_body, 1, i);
	}
	switches_left = switches;
	t = bench_cpu_s();
	swapcontext(&uc_main, &ring[0]);
	t = bench_cpu_s() - t;
	free(stacks);
	return t;
}

/* ---- the runtime alone: a ring of threads yielding ---- */

static long yields_left;

static void *yielder(void *arg)
{
	(void)arg;
	while (yields_left-- > 0)
		rt_yield();
	return NULL;
}

static double rt_ring(int nthreads, long switches)
{
	rt_thread **t = malloc((size_t)nthreads * sizeof *t);
	double t0;

	if (!t) {
		perror("engine_bench");
		exit(1);
	}
	yields_left = switches;
	for (int i = 0; i < nthreads; i++) {
		if (!(t[i] = rt_create(NULL, yielder, NULL))) {
			fprintf(stderr, "engine_bench: %s\n", rt_error());
			exit(1);
		}
	}
	t0 = bench_cpu_s();
	rt_run(NULL);
	t0 = bench_cpu_s() - t0;
	for (int i = 0; i < nthreads; i++)
		rt_join(t[i], NULL);
	free(t);
	return t0;
}

/* ---- resident memory, in a child ---- */

static long child_maxrss_kib(int nthreads)
{
	int fd[2];
	long kib = -1;
	pid_t pid;

	if (pipe(fd) || (pid = fork()) < 0) {
		perror("engine_bench");
		exit(1);
	}
	if (pid == 0) {
		workload wl;
		struct rusage ru;

		close(fd[0]);
		make_workload(&wl, nthreads, 2);
		run_rr1(&wl);
		getrusage(RUSAGE_SELF, &ru);
		kib = ru.ru_maxrss;
		if (write(fd[1], &kib, sizeof kib) != (ssize_t)sizeof kib)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &kib, sizeof kib) != (ssize_t)sizeof kib)
		kib = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return kib;
}

int main(void)
{
	enum { THREADS = 1000, TICKS = 1000, SWITCHES = 1000000, BIG = 100000 };
	workload wl;
	double t0, t_run, t_raw, t_ring, t_rt, runs[RUNS], raws[RUNS], rings[RUNS], rts[RUNS];
	unsigned long long sw = 0;
	long base, big;

	bench_pin();
	make_workload(&wl, THREADS, TICKS);
	run_rr1(&wl); /* warm the stack cache and the allocator */
	raw_swapcontext(2, SWITCHES / 10);
	for (int i = 0; i < RUNS; i++) {
		t0 = bench_cpu_s();
		sw = run_rr1(&wl);
		runs[i] = bench_cpu_s() - t0;
		raws[i] = raw_swapcontext(2, SWITCHES);
		rings[i] = raw_swapcontext(THREADS, SWITCHES);
		rts[i] = rt_ring(THREADS, SWITCHES);
	}
	wl_free(&wl);
	t_run = bench_median(runs, RUNS);
	t_raw = bench_median(raws, RUNS);
	t_ring = bench_median(rings, RUNS);
	t_rt = bench_median(rts, RUNS);

	printf("dispatches: %llu\n", sw + 1);
	printf("dispatches_per_s: %.0f\n", (double)(sw + 1) / t_run);
	printf("engine_1M_dispatches_s: %.3f\n", t_run * 1e6 / (double)(sw + 1));
	printf("raw_swapcontext_1M_s: %.3f\n", t_raw);
	printf("engine_vs_swapcontext: %.2f (target <= 1.5)\n",
	       t_run * 1e6 / (double)(sw + 1) / t_raw);
	/* The same switches among as many contexts as the engine run has
	 * threads: what cold contexts alone cost here. */
	printf("raw_swapcontext_1000_contexts_1M_s: %.3f\n", t_ring);
	printf("engine_vs_swapcontext_1000_contexts: %.2f\n",
	       t_run * 1e6 / (double)(sw + 1) / t_ring);
	printf("rt_yield_1000_threads_1M_s: %.3f\n", t_rt);
	printf("engine_vs_rt_yield_1000_threads: %.2f\n",
	       t_run * 1e6 / (double)(sw + 1) / t_rt);

	base = child_maxrss_kib(1);
	big = child_maxrss_kib(BIG);
	if (base < 0 || big < 0) {
		fprintf(stderr, "engine_bench: the memory run failed\n");
		return 1;
	}
	printf("rss_kib_1_thread: %ld\n", base);
	printf("rss_kib_100000_threads: %ld\n", big);
	printf("rss_kib_per_thread: %.2f (target <= 8)\n", (double)(big - base) / BIG);
	return 0;
}
