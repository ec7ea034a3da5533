/* switch_bench.c: what a handoff, a thread and an idle thread cost, each
 * beside a baseline measured in the same run.
 *
 *   handoff_ns              rt_yield() from one thread straight to another
 *                           through a minimal two-slot hook (one switch)
 *   swapcontext_ns          glibc swapcontext, ping-pong, per one-way switch
 *   handoff_vs_swapcontext  their ratio (target <= 1.15)
 *   raw_switch_ns           the runtime's own switch (the seam, rt_ctx.h)
 *                           between two contexts, ping-pong: what a
 *                           handoff costs with no runtime around it
 *   handoff_vs_raw_switch   their ratio (target <= 1.2)
 *   asm_handoff_ns          handoff_ns again, in the asm backend's build,
 *                           against both baselines (targets <= 1.2 its
 *                           raw switch, <= 0.03 swapcontext)
 *   create_join_per_s       rt_create + rt_join from main, vs pthreads
 *   rss_kib_per_thread      100,000 threads that ran once and now block,
 *                           vs one touched 4 KiB stack page
 *   mappings_added          what those 100,000 stacks add to /proc/self/maps
 *
 * Timings are medians of several runs, pinned to the CPU the program
 * started on (said on the first line).
 */
#include <config.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>
#include <unistd.h>

#include "bench.h"
#include "rt/rt.h"
/* This is the runtime's own benchmark: its raw switch is the baseline. */
#include "rt/rt_ctx.h"

#define RUNS 21
#define SWITCHES 100000L
#define CREATES 20000L
#define PTHREADS 5000L
#define IDLE_THREADS 100000L

/* ---- handoff through the runtime ------------------------------------- */

/* The least a policy can do: two slots, first in first out. */
static rt_thread *slot[2];
static unsigned slot_head, slot_n;

static void two_ready(void *ctx, rt_thread *t)
{
	(void)ctx;
	slot[(slot_head + slot_n++) & 1] = t;
}

static rt_thread *two_pick(void *ctx)
{
	(void)ctx;
	if (!slot_n)
		return NULL;
	slot_n--;
	return slot[slot_head++ & 1];
}

static void *yielder(void *arg)
{
	long n = *(long *)arg;

	for (long i = 0; i < n; i++)
		rt_yield();
	return NULL;
}

static double handoff_once(void)
{
	long n = SWITCHES / 2;
	rt_hook h = { two_ready, two_pick, NULL };

	rt_set_hook(&h);
	rt_thread *a = rt_create(NULL, yielder, &n);
	rt_thread *b = rt_create(NULL, yielder, &n);
	if (!a || !b) {
		fprintf(stderr, "switch_bench: %s\n", rt_error());
		exit(1);
	}
	rt_stats before, after;
	rt_stats_get(&before);
	double t0 = bench_wall_s();
	rt_run(NULL);
	double t1 = bench_wall_s();
	rt_stats_get(&after);
	rt_join(a, NULL);
	rt_join(b, NULL);
	rt_set_hook(NULL);
	return (t1 - t0) * 1e9 / (double)(after.switches - before.switches);
}

/* ---- raw swapcontext ---------------------------------------------------- */

static ucontext_t uc_main, uc_peer;

static void peer(void)
{
	for (;;)
		swapcontext(&uc_peer, &uc_main);
}

static double swapcontext_once(void)
{
	static char stack[64 * 1024];

	getcontext(&uc_peer);
	uc_peer.uc_stack.ss_sp = stack;
	uc_peer.uc_stack.ss_size = sizeof stack;
	uc_peer.uc_link = NULL;
	makecontext(&uc_peer, peer, 0);
	long rounds = SWITCHES / 2;
	double t0 = bench_wall_s();
	for (long i = 0; i < rounds; i++)
		swapcontext(&uc_main, &uc_peer);
	double t1 = bench_wall_s();
	return (t1 - t0) * 1e9 / (double)(2 * rounds);
}

/* ---- raw switch of the built backend ------------------------------------ */

static struct rt_ctx raw_main, raw_peer;

static void raw_peer_entry(void)
{
	rt_ctx_arrived();
	for (;;)
		rt_ctx_switch(&raw_peer, &raw_main);
}

static double raw_switch_once(void)
{
	static _Alignas(64) char stack[64 * 1024];

	rt_ctx_make(&raw_peer, stack, sizeof stack, raw_peer_entry);
	long rounds = SWITCHES / 2;
	double t0 = bench_wall_s();
	for (long i = 0; i < rounds; i++)
		rt_ctx_switch(&raw_main, &raw_peer);
	double t1 = bench_wall_s();
	return (t1 - t0) * 1e9 / (double)(2 * rounds);
}

/* ---- creation ------------------------------------------------------------ */

static void *nothing(void *arg)
{
	return arg;
}

static double create_join_once(void)
{
	double t0 = bench_wall_s();

	for (long i = 0; i < CREATES; i++) {
		rt_thread *t = rt_create(NULL, nothing, NULL);

		if (!t || rt_join(t, NULL) != 0) {
			fprintf(stderr, "switch_bench: %s\n", rt_error());
			exit(1);
		}
	}
	return CREATES / (bench_wall_s() - t0);
}

static double pthreads_once(void)
{
	double t0 = bench_wall_s();

	for (long i = 0; i < PTHREADS; i++) {
		pthread_t t;

		if (pthread_create(&t, NULL, nothing, NULL) != 0 || pthread_join(t, NULL) != 0) {
			fputs("switch_bench: pthread_create failed\n", stderr);
			exit(1);
		}
	}
	return PTHREADS / (bench_wall_s() - t0);
}

/* ---- memory of idle threads ----------------------------------------------- */

static long rss_pages(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, rss = 0;

	if (!f || fscanf(f, "%ld %ld", &size, &rss) != 2) {
		fputs("switch_bench: cannot read /proc/self/statm\n", stderr);
		exit(1);
	}
	fclose(f);
	return rss;
}

static long mappings(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	long n = 0;
	int c;

	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void *block_once(void *arg)
{
	rt_block();
	return arg;
}

static void rss_per_thread(void)
{
	rt_thread **t = malloc(IDLE_THREADS * sizeof *t);
	long page = sysconf(_SC_PAGESIZE);

	if (!t)
		exit(1);
	long before = rss_pages(), maps_before = mappings();
	for (long i = 0; i < IDLE_THREADS; i++) {
		t[i] = rt_create(NULL, block_once, NULL);
		if (!t[i]) {
			fprintf(stderr, "switch_bench: thread %ld: %s\n", i, rt_error());
			exit(1);
		}
	}
	rt_run(NULL);
	long after = rss_pages(), maps_after = mappings();
	/* The handle array is the caller's, not the runtime's. */
	double kib = (double)(after - before) * page / 1024.0 / IDLE_THREADS
		     - (double)sizeof *t / 1024.0;
	double base = page / 1024.0;
	printf("rss_kib_per_thread: %.2f (%ld idle threads; baseline one touched stack page %.0f KiB; ratio %.2f)\n",
	       kib, IDLE_THREADS, base, kib / base);
	/* Guard pages by madvise keep adjacent stacks one mapping. */
	printf("mappings_added: %ld (for %ld stacks; vm.max_map_count is typically 65530)\n",
	       maps_after - maps_before, IDLE_THREADS);
	rt_shutdown();
	free(t);
}

int main(void)
{
	double h[RUNS], s[RUNS], r[RUNS], c[RUNS], p[RUNS];

	bench_pin();
	printf("context_backend: %s\n", SCHEDSIM_CONTEXT);

	handoff_once();  /* warm-up: stacks mapped, caches filled */
	swapcontext_once();
	raw_switch_once();
	for (int i = 0; i < RUNS; i++) {
		h[i] = handoff_once();
		s[i] = swapcontext_once();
		r[i] = raw_switch_once();
	}
	double hn = bench_median(h, RUNS), sn = bench_median(s, RUNS);
	double rn = bench_median(r, RUNS);
	printf("handoff_ns: %.1f\n", hn);
	printf("swapcontext_ns: %.1f\n", sn);
	printf("handoff_vs_swapcontext: %.3f (target <= 1.15 with ucontext)\n", hn / sn);
	printf("raw_switch_ns: %.1f (%s)\n", rn, SCHEDSIM_CONTEXT);
	printf("handoff_vs_raw_switch: %.3f (target <= 1.2)\n", hn / rn);
#ifdef SCHEDSIM_CTX_ASM
	printf("asm_handoff_ns: %.1f (raw asm switch %.1f ns: ratio %.3f, target <= 1.2; "
	       "raw swapcontext %.1f ns: ratio %.4f, target <= 0.03)\n",
	       hn, rn, hn / rn, sn, hn / sn);
#else
	printf("asm_handoff_ns: none (this build switches with %s; configure --with-context=asm)\n",
	       SCHEDSIM_CONTEXT);
#endif

	for (int i = 0; i < RUNS; i++) {
		c[i] = create_join_once();
		p[i] = pthreads_once();
	}
	double cn = bench_median(c, RUNS), pn = bench_median(p, RUNS);
	printf("create_join_per_s: %.0f (pthread_create+join: %.0f/s; ratio %.1f)\n",
	       cn, pn, cn / pn);
	rt_shutdown();

	rss_per_thread();
	return 0;
}
