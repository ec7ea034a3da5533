/* rt_test.c: the green-thread runtime (suite "runtime"). */
#include <config.h>

#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <fcntl.h>
#include <fenv.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "rt/rt.h"

/* What the threads did, in order: one token per step. */
static char trail[4096];

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(trail);

	va_start(ap, fmt);
	vsnprintf(trail + n, sizeof trail - n, fmt, ap);
	va_end(ap);
}

static int no_fork(void)
{
	const char *f = getenv("CK_FORK");

	return f && !strcmp(f, "no");
}

/* rt_run() from main, where it cannot fail: how it came back. */
static rt_run_end run(void)
{
	rt_run_end why = (rt_run_end)-1;

	ck_assert_int_eq(rt_run(&why), 0);
	return why;
}

/* Each test leaves the runtime as it found it (CK_FORK=no runs them all in
 * one process). */
static void setup(void)
{
	trail[0] = '\0';
}

static void teardown(void)
{
	rt_shutdown();
	ck_assert_int_eq(rt_set_hook(NULL), 0);
}

static rt_thread *spawn(const char *name, rt_fn fn, void *arg)
{
	rt_attr a = { .name = name };
	rt_thread *t = rt_create(&a, fn, arg);

	ck_assert_msg(t != NULL, "rt_create %s: %s", name, rt_error());
	return t;
}

static void join_ok(rt_thread *t, void *want)
{
	void *got = (void *)1;

	ck_assert_int_eq(rt_join(t, &got), 0);
	ck_assert_ptr_eq(got, want);
}

/* Run body in a child with stderr in a pipe; give back its stderr and
 * wait status. */
static int in_child(void (*body)(void), char *err, size_t len)
{
	int fd[2];

	ck_assert_int_eq(pipe(fd), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		close(fd[1]);
		body();
		_exit(0);
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t r;
	while (n + 1 < len && (r = read(fd[0], err + n, len - 1 - n)) > 0)
		n += (size_t)r;
	err[n] = '\0';
	close(fd[0]);
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return status;
}

/* ---- order ----------------------------------------------------------- */

/* Three steps, a yield between each. */
static void *stepper(void *arg)
{
	const char *name = rt_name(rt_self());

	for (int i = 0; i < 3; i++) {
		note("%s%d ", name, i);
		if (i < 2)
			ck_assert_int_eq(rt_yield(), 0);
	}
	return arg;
}

START_TEST(test_fifo_order)
{
	rt_thread *a = spawn("A", stepper, NULL);
	rt_thread *b = spawn("B", stepper, NULL);
	rt_thread *c = spawn("C", stepper, NULL);

	ck_assert_int_eq(rt_state_of(a), RT_NEW);
	ck_assert_str_eq(trail, "");
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "A0 B0 C0 A1 B1 C1 A2 B2 C2 ");
	ck_assert_int_eq(rt_state_of(a), RT_DONE);
	join_ok(a, NULL);
	join_ok(b, NULL);
	join_ok(c, NULL);
}
END_TEST

/* A last-in-first-out hook: proves the hook, not the runtime, decides. */
static rt_thread *lifo[16];
static int lifo_n;
static int lifo_readies;

static void lifo_ready(void *ctx, rt_thread *t)
{
	ck_assert_ptr_eq(ctx, &lifo_n);
	ck_assert_int_lt(lifo_n, 16);
	lifo[lifo_n++] = t;
	lifo_readies++;
}

static rt_thread *lifo_pick(void *ctx)
{
	ck_assert_ptr_eq(ctx, &lifo_n);
	return lifo_n ? lifo[--lifo_n] : NULL;
}

START_TEST(test_custom_hook_order)
{
	rt_hook h = { lifo_ready, lifo_pick, &lifo_n };

	lifo_n = 0;
	lifo_readies = 0;
	ck_assert_int_eq(rt_set_hook(&h), 0);
	spawn("A", stepper, NULL);
	spawn("B", stepper, NULL);
	/* The last one ready runs first, and a yielder is picked again at
	 * once: no switch at all. */
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "B0 B1 B2 A0 A1 A2 ");
	ck_assert_int_eq(lifo_readies, 2 + 2 + 2);
	rt_stats st;
	rt_stats_get(&st);
	ck_assert_uint_eq(st.switches, 3);  /* main->B, B->A, A->main */
}
END_TEST

START_TEST(test_set_hook_busy)
{
	rt_hook h = { lifo_ready, lifo_pick, &lifo_n };
	rt_hook half = { lifo_ready, NULL, NULL };

	lifo_n = 0;
	ck_assert_int_eq(rt_set_hook(&half), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_set_hook: the hook needs both ready() and pick()");
	rt_thread *a = spawn("A", stepper, NULL);
	ck_assert_int_eq(rt_set_hook(&h), EBUSY);
	ck_assert_str_eq(rt_error(), "rt_set_hook: threads are ready or running");
	join_ok(a, NULL);
	ck_assert_int_eq(rt_set_hook(&h), 0);
}
END_TEST

/* ---- exit values and joins -------------------------------------------- */

static void *returns_arg(void *arg)
{
	return arg;
}

static void *exits_early(void *arg)
{
	note("before ");
	rt_exit(arg);
}

static char joiner_value[] = "joiner";

static void *joins_arg(void *arg)
{
	void *v = NULL;

	ck_assert_int_eq(rt_join(arg, &v), 0);
	note("joined %s ", v ? (const char *)v : "-");
	return joiner_value;
}

START_TEST(test_exit_values)
{
	static char r[] = "r", e[] = "e";
	rt_thread *a = spawn("A", returns_arg, r);
	rt_thread *b = spawn("B", exits_early, e);

	join_ok(b, e);
	ck_assert_str_eq(trail, "before ");
	ck_assert_int_eq(rt_state_of(a), RT_DONE);  /* ran before B */
	join_ok(a, r);
	/* A NULL value pointer is allowed. */
	rt_thread *c = spawn("C", returns_arg, r);
	ck_assert_int_eq(rt_join(c, NULL), 0);
}
END_TEST

START_TEST(test_join_from_thread)
{
	static char w[] = "worker";
	rt_thread *worker = spawn("W", stepper, w);
	rt_thread *joiner = spawn("J", joins_arg, worker);

	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "W0 W1 W2 joined worker ");
	ck_assert_uint_eq(rt_counters_of(joiner)->blocks, 1);
	join_ok(joiner, joiner_value);

	/* Joining a thread that is already done does not block. */
	trail[0] = '\0';
	worker = spawn("W", returns_arg, w);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	joiner = spawn("J", joins_arg, worker);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "joined worker ");
	ck_assert_uint_eq(rt_counters_of(joiner)->blocks, 0);
	join_ok(joiner, joiner_value);
}
END_TEST

START_TEST(test_join_from_main_runs_only_until_done)
{
	rt_thread *a = spawn("A", stepper, NULL);
	rt_thread *b = spawn("B", stepper, NULL);

	join_ok(a, NULL);
	/* Back in main as soon as A finished: B still has a step to go. */
	ck_assert_str_eq(trail, "A0 B0 A1 B1 A2 ");
	ck_assert_int_eq(rt_state_of(b), RT_READY);
	join_ok(b, NULL);
	ck_assert_str_eq(trail, "A0 B0 A1 B1 A2 B2 ");
}
END_TEST

/* ---- block, wake, pause ----------------------------------------------- */

static void *blocker(void *arg)
{
	(void)arg;
	note("sleep ");
	ck_assert_int_eq(rt_block(), 0);
	note("woke ");
	return NULL;
}

static void *waker(void *arg)
{
	note("wake ");
	ck_assert_int_eq(rt_wake(arg), 0);
	return NULL;
}

START_TEST(test_block_wake)
{
	rt_thread *t = spawn("T", blocker, NULL);

	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "sleep ");
	ck_assert_int_eq(rt_state_of(t), RT_BLOCKED);
	ck_assert_int_eq(run(), RT_RUN_IDLE);  /* nothing to do */
	ck_assert_int_eq(rt_wake(t), 0);
	ck_assert_int_eq(rt_state_of(t), RT_READY);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "sleep woke ");
	ck_assert_uint_eq(rt_counters_of(t)->blocks, 1);
	join_ok(t, NULL);

	/* Woken by another thread. */
	trail[0] = '\0';
	t = spawn("T", blocker, NULL);
	rt_thread *w = spawn("W", waker, t);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "sleep wake woke ");
	join_ok(t, NULL);
	join_ok(w, NULL);
}
END_TEST

static void *pauser(void *arg)
{
	(void)arg;
	note("p0 ");
	ck_assert_int_eq(rt_pause(), 0);
	ck_assert_int_eq(rt_state_of(rt_self()), RT_RUNNING);
	note("p1 ");
	return NULL;
}

START_TEST(test_pause_run)
{
	rt_thread *p = spawn("P", pauser, NULL);
	rt_thread *q = spawn("Q", stepper, NULL);

	ck_assert_int_eq(run(), RT_RUN_PAUSED);
	ck_assert_str_eq(trail, "p0 ");
	ck_assert_ptr_null(rt_self());
	ck_assert_int_eq(rt_state_of(p), RT_RUNNING);
	ck_assert_int_eq(rt_state_of(q), RT_NEW);
	/* The paused thread continues; it was not picked again. */
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "p0 p1 Q0 Q1 Q2 ");
	ck_assert_uint_eq(rt_counters_of(p)->dispatches, 1);
	join_ok(p, NULL);
	join_ok(q, NULL);

	/* A pause while main joins is resumed by the join. */
	trail[0] = '\0';
	p = spawn("P", pauser, NULL);
	join_ok(p, NULL);
	ck_assert_str_eq(trail, "p0 p1 ");
}
END_TEST

/* ---- counters, attributes, stats ---------------------------------------- */

START_TEST(test_counters)
{
	rt_thread *a = spawn("A", stepper, NULL);
	rt_thread *b = spawn("B", stepper, NULL);

	ck_assert_int_eq(run(), RT_RUN_IDLE);
	for (int i = 0; i < 2; i++) {
		const rt_counters *c = rt_counters_of(i ? b : a);

		ck_assert_uint_eq(c->dispatches, 3);
		ck_assert_uint_eq(c->yields, 2);
		ck_assert_uint_eq(c->blocks, 0);
	}
	rt_stats st;
	rt_stats_get(&st);
	/* main->A, then A<->B four times, A exits to B, B exits to main. */
	ck_assert_uint_eq(st.switches, 7);
	ck_assert_uint_eq(st.created, 2);
	ck_assert_uint_eq(st.live, 2);
	join_ok(a, NULL);
	join_ok(b, NULL);
	rt_stats_get(&st);
	ck_assert_uint_eq(st.live, 0);
}
END_TEST

START_TEST(test_attributes)
{
	int u1, u2;
	rt_attr attr = {
		.name = "a name longer than the inline buffer of a thread",
		.stack_size = 20000, .priority = 7, .udata = &u1,
	};
	rt_thread *t = rt_create(&attr, returns_arg, NULL);
	rt_thread *d = rt_create(NULL, returns_arg, NULL);

	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(rt_id(t), 1);
	ck_assert_uint_eq(rt_id(d), 2);
	ck_assert_str_eq(rt_name(t), "a name longer than the inline buffer of a thread");
	ck_assert_str_eq(rt_name(d), "thread-2");
	ck_assert_uint_eq(rt_stack_size(t), 20480);
	ck_assert_uint_eq(rt_stack_size(d), RT_STACK_DEFAULT);
	ck_assert_int_eq(rt_priority(t), 7);
	ck_assert_int_eq(rt_priority(d), 0);
	rt_set_priority(d, -3);
	ck_assert_int_eq(rt_priority(d), -3);
	ck_assert_ptr_eq(rt_udata(t), &u1);
	rt_set_udata(t, &u2);
	ck_assert_ptr_eq(rt_udata(t), &u2);
	ck_assert_str_eq(rt_state_name(RT_NEW), "new");
	ck_assert_str_eq(rt_state_name(RT_READY), "ready");
	ck_assert_str_eq(rt_state_name(RT_RUNNING), "running");
	ck_assert_str_eq(rt_state_name(RT_BLOCKED), "blocked");
	ck_assert_str_eq(rt_state_name(RT_DONE), "done");
	ck_assert_str_eq(rt_state_name((rt_state)99), "invalid");
	ck_assert_str_eq(rt_error(), "");
	join_ok(t, NULL);
	join_ok(d, NULL);
}
END_TEST

START_TEST(test_shutdown_releases_all)
{
	spawn("B", blocker, NULL);
	spawn("N", returns_arg, NULL);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	rt_shutdown();
	rt_stats st;
	rt_stats_get(&st);
	ck_assert_uint_eq(st.live, 0);
	ck_assert_uint_eq(st.created, 0);
	ck_assert_uint_eq(st.stacks_mapped, 0);
	/* Ids start again. */
	rt_thread *t = spawn("T", returns_arg, NULL);
	ck_assert_uint_eq(rt_id(t), 1);
	join_ok(t, NULL);
}
END_TEST

/* ---- scale ------------------------------------------------------------ */

static void *add_one(void *arg)
{
	++*(long *)arg;
	return arg;
}

START_TEST(test_many_threads)
{
	long n = check_under_valgrind() ? 2000 : 100000;
	rt_thread **t = malloc((size_t)n * sizeof *t);
	long sum = 0;

	ck_assert_ptr_nonnull(t);
	for (long i = 0; i < n; i++) {
		t[i] = rt_create(NULL, add_one, &sum);
		ck_assert_msg(t[i] != NULL, "thread %ld: %s", i, rt_error());
	}
	rt_stats st;
	rt_stats_get(&st);
	ck_assert_uint_eq(st.live, (size_t)n);
	ck_assert_uint_eq(st.stacks_mapped, (size_t)n);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_int_eq(sum, n);
	for (long i = 0; i < n; i++)
		join_ok(t[i], &sum);
	rt_stats_get(&st);
	ck_assert_uint_eq(st.live, 0);
	ck_assert_uint_eq(st.created, (uint64_t)n);
	/* Released stacks went to the (bounded) cache or were unmapped. */
	ck_assert_uint_eq(st.stacks_mapped, st.stacks_cached);
	ck_assert_uint_le(st.stacks_cached, 64);
	free(t);
}
END_TEST

/* ---- stacks ------------------------------------------------------------ */

static void *where(void *arg)
{
	volatile char probe = 1;

	*(uintptr_t *)arg = (uintptr_t)&probe;
	return NULL;
}

START_TEST(test_stack_reuse)
{
	uintptr_t first = 0, later = 0;
	rt_stats st;

	join_ok(spawn("A", where, &first), NULL);
	for (int i = 0; i < 1000; i++) {
		join_ok(spawn("B", where, &later), NULL);
		/* The same stack: frames start at a per-thread offset within
		 * its top page, so the probe moves by less than a page. */
		ck_assert_uint_lt(later > first ? later - first : first - later, 4096);
		rt_stats_get(&st);
		ck_assert_uint_eq(st.stacks_mapped, 1);
		ck_assert_uint_eq(st.stacks_cached, 1);
	}
	/* Another size gets its own stack; both stay cached. */
	rt_attr big = { .name = "big", .stack_size = 128 * 1024 };
	rt_thread *t = rt_create(&big, where, &later);
	ck_assert_ptr_nonnull(t);
	join_ok(t, NULL);
	ck_assert_uint_ne(later, first);
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_mapped, 2);
	ck_assert_uint_eq(st.stacks_cached, 2);
}
END_TEST

/* Uses about arg bytes of stack below its frame, then waits.  Not
 * inlined: in its caller the alloca of a constant size would become part
 * of the caller's frame, taken (and probed) before the caller's first
 * block. */
__attribute__((noinline)) static void *deep(void *arg)
{
	size_t n = (size_t)(uintptr_t)arg;
	volatile char *buf = __builtin_alloca(n);

	for (size_t i = 0; i < n; i++)
		buf[i] = 1;
	rt_block();
	return NULL;
}

static void *shallow_then_deep(void *arg)
{
	(void)arg;
	rt_block();
	deep((void *)(uintptr_t)40000);
	return NULL;
}

START_TEST(test_high_water)
{
	rt_thread *t = spawn("T", shallow_then_deep, NULL);

	/* Never ran: only what makecontext() put on top of the stack. */
	ck_assert_uint_lt(rt_stack_high_water(t), 64);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	size_t shallow = rt_stack_high_water(t);
	ck_assert_uint_gt(shallow, 0);
	ck_assert_uint_lt(shallow, 8192);
	rt_wake(t);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	size_t deeper = rt_stack_high_water(t);
	ck_assert_uint_gt(deeper, shallow);
	ck_assert_uint_ge(deeper, 40000);
	ck_assert_uint_lt(deeper, 40000 + 16384);
	ck_assert_int_eq(rt_wake(t), 0);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	/* Done: the mark was taken as the stack went back to the cache. */
	ck_assert_int_eq(rt_state_of(t), RT_DONE);
	ck_assert_uint_eq(rt_stack_high_water(t), deeper);
	join_ok(t, NULL);

	/* The next owner of that stack starts from zeros, not from T's marks. */
	rt_stats st;
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_cached, 1);
	rt_thread *u = spawn("U", blocker, NULL);
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_cached, 0);
	ck_assert_uint_eq(st.stacks_mapped, 1);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_uint_lt(rt_stack_high_water(u), 8192);
	ck_assert_int_eq(rt_wake(u), 0);
	join_ok(u, NULL);
}
END_TEST

/* Beyond the 64-stack cache, a released stack is a spare: not looked at
 * (no high-water mark taken, no system call), reused zeroed when the cache
 * runs dry, and unmapped once control is back in main. */
enum { SPARE_KIDS = 100, STACK_CACHE = 64 };

static void *goes_deep(void *arg)
{
	size_t n = (size_t)(uintptr_t)arg;
	volatile char *buf = __builtin_alloca(n);

	for (size_t i = 0; i < n; i++)
		buf[i] = 1;
	return NULL;
}

static void *spare_boss(void *arg)
{
	rt_thread **kid = arg;
	rt_thread *again[STACK_CACHE + 1];
	rt_stats st;

	for (int i = 0; i < SPARE_KIDS; i++)
		kid[i] = spawn("deep", goes_deep, (void *)(uintptr_t)40000);
	ck_assert_int_eq(rt_yield(), 0);  /* FIFO: all of them run and exit */
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_mapped, SPARE_KIDS + 1);
	ck_assert_uint_eq(st.stacks_cached, SPARE_KIDS);
	/* The first 64 went into the cache, measured as they were zeroed;
	 * the rest were never looked at. */
	ck_assert_uint_ge(rt_stack_high_water(kid[0]), 40000);
	ck_assert_uint_eq(rt_stack_high_water(kid[STACK_CACHE]), 0);
	ck_assert_uint_eq(rt_stack_high_water(kid[SPARE_KIDS - 1]), 0);
	for (int i = 0; i < SPARE_KIDS; i++)
		join_ok(kid[i], NULL);

	/* 64 from the cache, then one spare: no new mapping, and it reads
	 * as zero, not as its last owner's 40,000 bytes. */
	for (int i = 0; i <= STACK_CACHE; i++)
		again[i] = spawn("again", blocker, NULL);
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_mapped, SPARE_KIDS + 1);
	ck_assert_uint_eq(st.stacks_cached, SPARE_KIDS - STACK_CACHE - 1);
	ck_assert_int_eq(rt_yield(), 0);  /* each runs until it blocks */
	ck_assert_uint_lt(rt_stack_high_water(again[STACK_CACHE]), 8192);
	for (int i = 0; i <= STACK_CACHE; i++)
		ck_assert_int_eq(rt_wake(again[i]), 0);
	for (int i = 0; i <= STACK_CACHE; i++)
		join_ok(again[i], NULL);
	rt_stats_get(&st);
	ck_assert_uint_gt(st.stacks_cached, STACK_CACHE);
	return NULL;
}

START_TEST(test_spare_stacks)
{
	rt_thread *kid[SPARE_KIDS];
	rt_stats st;

	rt_thread *boss = spawn("boss", spare_boss, kid);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	/* Back in main: the spares are unmapped, the cache stays. */
	rt_stats_get(&st);
	ck_assert_uint_eq(st.stacks_cached, STACK_CACHE);
	ck_assert_uint_eq(st.stacks_mapped, STACK_CACHE);
	join_ok(boss, NULL);
}
END_TEST

/* ---- floating point and alignment ------------------------------------- */

static void *floats(void *arg)
{
	char *out = arg;
	long double third = 1.0L / 3.0L;
	double d = 2.5;
	max_align_t m;
	_Alignas(32) double v[4] = { 1.0, 2.0, 3.0, 4.0 };

	snprintf(out, 128, "%f %.10Lf %g %zu %zu", d * 1.3, third, v[0] + v[3],
		 (size_t)((uintptr_t)&m % _Alignof(max_align_t)),
		 (size_t)((uintptr_t)v % 32));
	rt_yield();
	snprintf(out + strlen(out), 64, " %.3f", d / 3.0);
	return NULL;
}

START_TEST(test_floating_point)
{
	char a[256] = "", b[256] = "";
	rt_thread *ta = spawn("A", floats, a);
	rt_thread *tb = spawn("B", floats, b);

	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(a, "3.250000 0.3333333333 5 0 0 0.833");
	ck_assert_str_eq(b, a);
	join_ok(ta, NULL);
	join_ok(tb, NULL);
}
END_TEST

/* The floating-point control state is per thread: a rounding mode set in
 * one thread stays its own across switches, in SSE (double) and x87 (long
 * double) arithmetic alike, and a new thread starts with its creator's. */
static volatile double fp_one = 1.0, fp_seven = 7.0;

static int seventh_rounded_up(void)
{
	double d = fp_one / fp_seven;
	long double l = (long double)fp_one / (long double)fp_seven;

	return (d > 1.0 / 7.0) + 2 * (l > 1.0L / 7.0L);
}

static void *rounds_up(void *arg)
{
	int *out = arg;

	fesetround(FE_UPWARD);
	rt_yield();
	out[0] = fegetround() == FE_UPWARD;
	out[1] = seventh_rounded_up();
	/* Left set on purpose: the exit must not hand it to main. */
	return NULL;
}

static void *rounds_as_found(void *arg)
{
	int *out = arg;

	out[0] = fegetround();
	out[1] = seventh_rounded_up();
	rt_yield();
	out[2] = fegetround();
	return NULL;
}

START_TEST(test_rounding_per_thread)
{
	int up[2] = { -1, -1 }, near[3] = { -1, -1, -1 }, down[3] = { -1, -1, -1 };

	rt_thread *a = spawn("A", rounds_up, up);
	rt_thread *b = spawn("B", rounds_as_found, near);
	ck_assert_int_eq(fesetround(FE_DOWNWARD), 0);
	rt_thread *c = spawn("C", rounds_as_found, down);
	ck_assert_int_eq(fesetround(FE_TONEAREST), 0);

	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_int_eq(fegetround(), FE_TONEAREST);
	ck_assert_int_eq(up[0], 1);
	ck_assert_int_eq(near[0], FE_TONEAREST);
	ck_assert_int_eq(near[2], FE_TONEAREST);
	ck_assert_int_eq(down[0], FE_DOWNWARD);
	ck_assert_int_eq(down[2], FE_DOWNWARD);
	/* valgrind keeps the control words but computes every result
	 * rounded to nearest: the arithmetic proof only runs natively. */
	if (!check_under_valgrind()) {
		ck_assert_int_eq(up[1], 3);
		ck_assert_int_eq(near[1], 0);
		ck_assert_int_eq(down[1], 0);
	}
	join_ok(a, NULL);
	join_ok(b, NULL);
	join_ok(c, NULL);
}
END_TEST

/* ---- misuse ----------------------------------------------------------- */

static void *joins_self(void *arg)
{
	rt_run_end why;

	(void)arg;
	ck_assert_int_eq(rt_join(rt_self(), NULL), EDEADLK);
	ck_assert_str_eq(rt_error(), "rt_join: thread 'P1' cannot join itself");
	why = RT_RUN_PAUSED;
	ck_assert_int_eq(rt_run(&why), EPERM);
	ck_assert_int_eq(why, RT_RUN_PAUSED);
	ck_assert_int_eq(rt_run(NULL), EPERM);
	ck_assert_str_eq(rt_error(), "rt_run: called from thread 'P1'");
	rt_shutdown();
	ck_assert_str_eq(rt_error(), "rt_shutdown: called from thread 'P1'");
	return NULL;
}

START_TEST(test_misuse_in_thread)
{
	join_ok(spawn("P1", joins_self, NULL), NULL);
}
END_TEST

START_TEST(test_misuse_outside_thread)
{
	ck_assert_int_eq(rt_yield(), EPERM);
	ck_assert_str_eq(rt_error(), "rt_yield: called outside any thread");
	ck_assert_int_eq(rt_block(), EPERM);
	ck_assert_str_eq(rt_error(), "rt_block: called outside any thread");
	ck_assert_int_eq(rt_pause(), EPERM);
	ck_assert_str_eq(rt_error(), "rt_pause: called outside any thread");
	ck_assert_int_eq(rt_join(NULL, NULL), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_join: no thread given");
	ck_assert_int_eq(rt_wake(NULL), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_wake: no thread given");
}
END_TEST

START_TEST(test_misuse_stack_size)
{
	rt_attr a = { .name = "S", .stack_size = 1 };

	errno = 0;
	ck_assert_ptr_null(rt_create(&a, returns_arg, NULL));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(rt_error(), "rt_create: stack size 1 is outside 16384..268435456");
	a.stack_size = RT_STACK_MAX + 1;
	ck_assert_ptr_null(rt_create(&a, returns_arg, NULL));
	ck_assert_str_eq(rt_error(),
			 "rt_create: stack size 268435457 is outside 16384..268435456");
	a.stack_size = SIZE_MAX;
	ck_assert_ptr_null(rt_create(&a, returns_arg, NULL));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_ptr_null(rt_create(NULL, NULL, NULL));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(rt_error(), "rt_create: no thread function given");
	/* The bounds themselves are fine. */
	a.stack_size = RT_STACK_MIN;
	join_ok(rt_create(&a, returns_arg, NULL), NULL);
	rt_stats st;
	rt_stats_get(&st);
	ck_assert_uint_eq(st.created, 1);
}
END_TEST

START_TEST(test_misuse_join_twice)
{
	rt_thread *t = spawn("W", returns_arg, NULL);

	join_ok(t, NULL);
	ck_assert_int_eq(rt_join(t, NULL), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_join: thread 'W' was already joined");
	ck_assert_int_eq(rt_wake(t), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_wake: thread 'W' was already joined");
}
END_TEST

static rt_thread *second_target;

static void *joins_second(void *arg)
{
	(void)arg;
	ck_assert_int_eq(rt_join(second_target, NULL), EINVAL);
	note("%s ", rt_error());
	return NULL;
}

START_TEST(test_misuse_join_being_joined)
{
	rt_thread *w = spawn("W", blocker, NULL);
	rt_thread *j1 = spawn("J1", joins_arg, w);
	rt_thread *j2;

	second_target = w;
	j2 = spawn("J2", joins_second, NULL);
	ck_assert_int_eq(run(), RT_RUN_IDLE);
	ck_assert_str_eq(trail, "sleep rt_join: thread 'W' is already being joined by 'J1' ");
	ck_assert_int_eq(rt_join(w, NULL), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_join: thread 'W' is already being joined by 'J1'");
	/* J1 waits in rt_join: waking it by hand is refused. */
	ck_assert_int_eq(rt_wake(j1), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_wake: thread 'J1' is waiting in rt_join for 'W'");
	ck_assert_int_eq(rt_wake(w), 0);
	join_ok(j1, joiner_value);
	join_ok(j2, NULL);
}
END_TEST

static rt_thread *cycle_b;

static void *joins_cycle_b(void *arg)
{
	(void)arg;
	ck_assert_int_eq(rt_join(cycle_b, NULL), 0);
	return NULL;
}

static void *joins_cycle_a(void *arg)
{
	ck_assert_int_eq(rt_join(arg, NULL), EDEADLK);
	note("%s", rt_error());
	return NULL;
}

START_TEST(test_misuse_join_cycle)
{
	rt_thread *a = spawn("A", joins_cycle_b, NULL);

	cycle_b = spawn("B", joins_cycle_a, a);
	join_ok(a, NULL);
	ck_assert_str_eq(trail, "rt_join: thread 'B' joining 'A' would deadlock");
}
END_TEST

START_TEST(test_misuse_join_nothing_runnable)
{
	rt_thread *t = spawn("T", blocker, NULL);

	ck_assert_int_eq(rt_join(t, NULL), EDEADLK);
	ck_assert_str_eq(rt_error(), "rt_join: thread 'T' cannot finish: no thread is runnable");
	/* The handle is still good. */
	ck_assert_int_eq(rt_wake(t), 0);
	ck_assert_int_eq(rt_wake(t), EINVAL);
	ck_assert_str_eq(rt_error(), "rt_wake: thread 'T' is not blocked (it is ready)");
	join_ok(t, NULL);
}
END_TEST

static void exit_in_main(void)
{
	rt_exit(NULL);
}

START_TEST(test_misuse_exit_outside_thread)
{
	char err[256];
	int st = in_child(exit_in_main, err, sizeof err);

	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "status %#x", st);
	ck_assert_str_eq(err, "schedsim: rt_exit: called outside any thread\n");
}
END_TEST

/* A hook that hands back a thread that is not ready. */
static rt_thread *bad_pick_thread;

static void bad_ready(void *ctx, rt_thread *t)
{
	(void)ctx;
	(void)t;
}

static rt_thread *bad_pick(void *ctx)
{
	(void)ctx;
	return bad_pick_thread;
}

static void pick_blocked(void)
{
	rt_hook h = { bad_ready, bad_pick, NULL };

	rt_set_hook(&h);
	bad_pick_thread = spawn("B", blocker, NULL);
	/* B runs, blocks, and the hook hands B back. */
	rt_run(NULL);
}

START_TEST(test_misuse_hook_picks_blocked)
{
	char err[256];
	int st = in_child(pick_blocked, err, sizeof err);

	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "status %#x", st);
	ck_assert_str_eq(err, "schedsim: scheduling hook picked thread 'B', which is blocked, not ready\n");
	ck_assert_str_eq(trail, "");  /* the child's notes stayed in the child */
}
END_TEST

/* ---- overflow --------------------------------------------------------- */

static int recurse(int n);
/* Called through a pointer the compiler cannot see through: clang turns
 * the direct recursion into a loop, which never overflows. */
static int (*volatile recurse_again)(int) = recurse;

static int recurse(int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	if (n < 100000000)
		return recurse_again(n + 1) + pad[0];
	return pad[0];
}

static void *overflows(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)recurse(0);
}

/* One frame far bigger than the guard page.  Its address escapes: clang
 * would otherwise shrink the array to the one byte used. */
static void *jumps_guard(void *arg)
{
	volatile char big[48 * 1024];

	__asm__ volatile("" : : "r"(big) : "memory");
	big[0] = 1;
	(void)arg;
	return (void *)(intptr_t)big[0];
}

static void say_fatal(void)
{
	ssize_t w = write(STDERR_FILENO, "fatal hook\n", 11);

	(void)w;
}

static void overflow_default(void)
{
	rt_on_fatal(say_fatal);
	spawn("deep-thought", overflows, NULL);
	rt_run(NULL);
}

static void overflow_small(void)
{
	rt_attr a = { .name = "P2", .stack_size = 24 * 1024 };

	rt_create(&a, returns_arg, NULL);
	rt_create(&a, overflows, NULL);
	rt_run(NULL);
}

static void overflow_big_frame(void)
{
	rt_attr a = { .name = "jumper", .stack_size = 32 * 1024 };

	rt_create(&a, jumps_guard, NULL);
	rt_run(NULL);
}

static void *null_deref(void *arg)
{
	return (void *)(intptr_t)*(volatile int *)arg;
}

static void plain_crash(void)
{
	/* Not NULL itself, which UBSan would catch first. */
	spawn("crasher", null_deref, (void *)64);
	rt_run(NULL);
}

START_TEST(test_overflow_reported)
{
	char err[1024];
	int st;

	st = in_child(overflow_default, err, sizeof err);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 1, "status %#x", st);
	ck_assert_str_eq(err, "fatal hook\nschedsim: thread 'deep-thought' overflowed its 65536-byte stack\n");

	st = in_child(overflow_small, err, sizeof err);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 1, "status %#x", st);
	ck_assert_str_eq(err, "schedsim: thread 'P2' overflowed its 24576-byte stack\n");

	st = in_child(overflow_big_frame, err, sizeof err);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 1, "status %#x", st);
	ck_assert_str_eq(err, "schedsim: thread 'jumper' overflowed its 32768-byte stack\n");
}
END_TEST

START_TEST(test_other_fault_is_a_crash)
{
	char err[8192];
	int st = in_child(plain_crash, err, sizeof err);

#ifdef SCHEDSIM_ASAN
	/* ASan's handler takes the re-raised fault and reports it. */
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) != 0, "status %#x", st);
	ck_assert_ptr_nonnull(strstr(err, "SEGV"));
#else
	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "status %#x", st);
	ck_assert_str_eq(err, "");
#endif
	ck_assert_ptr_null(strstr(err, "overflowed"));
}
END_TEST

/* The exit status of the test process itself. */
START_TEST(test_overflow_exit_status)
{
	int fd = open("/dev/null", O_WRONLY);

	dup2(fd, STDERR_FILENO);
	spawn("T", overflows, NULL);
	rt_run(NULL);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("runtime");
	TCase *tc;

#define TC(name) \
	tc = tcase_create(name); \
	tcase_add_checked_fixture(tc, setup, teardown); \
	tcase_set_timeout(tc, 120); \
	suite_add_tcase(s, tc)

	TC("order");
	tcase_add_test(tc, test_fifo_order);
	tcase_add_test(tc, test_custom_hook_order);
	tcase_add_test(tc, test_set_hook_busy);

	TC("join");
	tcase_add_test(tc, test_exit_values);
	tcase_add_test(tc, test_join_from_thread);
	tcase_add_test(tc, test_join_from_main_runs_only_until_done);

	TC("block");
	tcase_add_test(tc, test_block_wake);
	tcase_add_test(tc, test_pause_run);

	TC("facts");
	tcase_add_test(tc, test_counters);
	tcase_add_test(tc, test_attributes);
	tcase_add_test(tc, test_shutdown_releases_all);

	TC("scale");
	tcase_add_test(tc, test_many_threads);

	TC("stacks");
	tcase_add_test(tc, test_stack_reuse);
	tcase_add_test(tc, test_high_water);
	tcase_add_test(tc, test_spare_stacks);
	tcase_add_test(tc, test_floating_point);
	tcase_add_test(tc, test_rounding_per_thread);

	TC("misuse");
	tcase_add_test(tc, test_misuse_in_thread);
	tcase_add_test(tc, test_misuse_outside_thread);
	tcase_add_test(tc, test_misuse_stack_size);
	tcase_add_test(tc, test_misuse_join_twice);
	tcase_add_test(tc, test_misuse_join_being_joined);
	tcase_add_test(tc, test_misuse_join_cycle);
	tcase_add_test(tc, test_misuse_join_nothing_runnable);
	if (!no_fork()) {
		/* These fork a child that aborts on purpose. */
		tcase_add_test(tc, test_misuse_exit_outside_thread);
		tcase_add_test(tc, test_misuse_hook_picks_blocked);
	}

	/* These crash on purpose: only with Check's fork. */
	if (!no_fork()) {
		TC("overflow");
		tcase_add_test(tc, test_overflow_reported);
		tcase_add_test(tc, test_other_fault_is_a_crash);
		tcase_add_exit_test(tc, test_overflow_exit_status, 1);
	}
#undef TC
	return s;
}
