/* sync_test.c: the "sync" suite: mutexes, semaphores, conditions, join and
 * sleep in the engine, priority inheritance, deadlocks named, and every
 * misuse's message, on workloads and on C bodies. */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "sim/sim.h"
#include "wl/workload.h"

static workload wl;
static char err[512];
static char log_[16384];
static size_t loglen;

/* Every event but ARRIVE and END, one line each: "TIME KIND THREAD[ ARG][: REASON]". */
static void on_event(void *ctx, const sim_event *ev)
{
	sim *s = ctx;
	sim_thread_info ti;
	int n;

	if (ev->kind == SIM_EV_ARRIVE || ev->kind == SIM_EV_END || loglen >= sizeof log_)
		return;
	sim_thread_get(s, ev->thread, &ti);
	n = snprintf(log_ + loglen, sizeof log_ - loglen, "%lld %s %s", (long long)ev->time,
		     sim_ev_name(ev->kind), ev->thread < 0 ? "-" : ti.name);
	loglen += (size_t)n;
	if (ev->arg && loglen < sizeof log_)
		loglen += (size_t)snprintf(log_ + loglen, sizeof log_ - loglen, " %lld",
					   (long long)ev->arg);
	if (ev->reason[0] && loglen < sizeof log_)
		loglen += (size_t)snprintf(log_ + loglen, sizeof log_ - loglen, ": %s",
					   ev->reason);
	if (loglen < sizeof log_)
		log_[loglen++] = '\n';
	log_[loglen < sizeof log_ ? loglen : sizeof log_ - 1] = '\0';
}

/* A simulation of text (NULL: C bodies only) under policy and quantum. */
static sim *make(const char *text, const char *policy, int64_t quantum, bool inherit)
{
	char q[24];
	sim_options o;
	sim *s;

	sim_options_default(&o);
	o.policy = policy;
	/* where the policy takes them */
	snprintf(q, sizeof q, "%lld", (long long)quantum);
	if (quantum)
		(void)sim_options_set(&o, "quantum", q, NULL, 0);
	(void)sim_options_set(&o, "preemptive", "true", NULL, 0);
	o.inherit = inherit;
	memset(&wl, 0, sizeof wl);
	if (text)
		ck_assert_msg(wl_parse(&wl, "t.wl", text, strlen(text), err, sizeof err) == 0,
			      "%s", err);
	s = sim_new(text ? &wl : NULL, &o, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	loglen = 0;
	log_[0] = '\0';
	ck_assert_int_eq(sim_listen(s, on_event, s), 0);
	return s;
}

static void done(sim *s)
{
	sim_free(s);
	if (wl.path)
		wl_free(&wl);
}

/* thread i's figures: "cpu/finish/waiting" */
static const char *figs(const sim *s, int i)
{
	static char buf[64];
	sim_thread_info ti;

	sim_thread_get(s, i, &ti);
	snprintf(buf, sizeof buf, "%lld/%lld/%lld", (long long)ti.cpu, (long long)ti.finish,
		 (long long)ti.waiting);
	return buf;
}

/* ---- mutexes ------------------------------------------------------------- */

/* FIFO hand-off under round robin: P2 and P3 queue behind P1's lock and
 * get it in the order they asked, each straight from the one before. */
START_TEST(mutex_handoff_fifo)
{
	sim *s = make("name burst\n"
		      "P1 lock:M,3,unlock:M,1\n"
		      "P2 lock:M,1,unlock:M\n"
		      "P3 lock:M,1,unlock:M\n", "rr", 1, false);

	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_ptr_null(sim_deadlock(s));
	ck_assert_str_eq(log_,
		"0 dispatch P1: next in the round-robin queue (arrived at 0)\n"
		"1 preempt P1: quantum of 1 expired\n"
		"1 switch P2\n"
		"1 dispatch P2: next in the round-robin queue (arrived at 0)\n"
		"1 block P2: waits for mutex M held by P1\n"
		"1 switch P3\n"
		"1 dispatch P3: next in the round-robin queue (arrived at 0)\n"
		"1 block P3: waits for mutex M held by P1\n"
		"1 switch P1\n"
		"1 dispatch P1: next in the round-robin queue (ready since 1)\n"
		"3 wake P2: got mutex M from P1\n"
		"3 preempt P1: quantum of 1 expired\n"
		"3 switch P2\n"
		"3 dispatch P2: next in the round-robin queue (ready since 3)\n"
		"4 wake P3: got mutex M from P2\n"
		"4 exit P2\n"
		"4 switch P1\n"
		"4 dispatch P1: next in the round-robin queue (ready since 3)\n"
		"5 exit P1\n"
		"5 switch P3\n"
		"5 dispatch P3: next in the round-robin queue (ready since 4)\n"
		"6 exit P3\n");
	done(s);
}
END_TEST

/* ---- priority inversion ----------------------------------------------------- */

static const char inversion[] =
	"name arrival burst priority\n"
	"L 0 lock:M,4,unlock:M,1 3\n"
	"H 1 lock:M,1,unlock:M 1\n"
	"M 2 6 2\n";

/* Without inheritance the medium thread runs while the high one waits
 * for the low one's mutex: H is blocked from 1 to 10. */
START_TEST(inversion_plain)
{
	sim *s = make(inversion, "prio", 0, false);

	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(figs(s, 0), "5/12/7");
	ck_assert_str_eq(figs(s, 1), "1/11/0");
	ck_assert_str_eq(figs(s, 2), "6/8/0");
	ck_assert_ptr_nonnull(strstr(log_, "1 block H: waits for mutex M held by L\n"));
	ck_assert_ptr_nonnull(strstr(log_, "10 wake H: got mutex M from L\n"));
	done(s);
}
END_TEST

/* With it, L runs at H's priority until it unlocks at 4: H waits 3 ticks,
 * and M runs after H. */
START_TEST(inversion_inherit)
{
	sim *s = make(inversion, "prio", 0, true);

	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(log_,
		"0 dispatch L: highest priority 3 of 1 ready\n"
		"1 preempt L: priority 1 beats 3\n"
		"1 switch H\n"
		"1 dispatch H: highest priority 1 of 2 ready\n"
		"1 block H: waits for mutex M held by L\n"
		"1 prio L 1: inherits priority 1 from H\n"
		"1 switch L\n"
		"1 dispatch L: highest priority 1 of 1 ready\n"
		"4 prio L 3: back to priority 3 after unlocking M\n"
		"4 wake H: got mutex M from L\n"
		"4 preempt L: priority 1 beats 3\n"
		"4 switch H\n"
		"4 dispatch H: highest priority 1 of 3 ready\n"
		"5 exit H\n"
		"5 switch M\n"
		"5 dispatch M: highest priority 2 of 2 ready\n"
		"11 exit M\n"
		"11 switch L\n"
		"11 dispatch L: highest priority 3 of 1 ready\n"
		"12 exit L\n");
	ck_assert_str_eq(figs(s, 1), "1/5/0");
	done(s);
}
END_TEST

/* Inheritance passes along a chain: H waits for B held by M, which waits
 * for A held by L; L runs at H's priority. */
START_TEST(inherit_chain)
{
	sim *s = make("name arrival burst priority\n"
		      "L 0 lock:A,3,unlock:A 3\n"
		      "M 1 lock:B,lock:A,1,unlock:A,unlock:B 2\n"
		      "H 2 lock:B,1,unlock:B 1\n"
		      "X 3 5 2\n", "prio", 0, true);

	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_ptr_nonnull(strstr(log_,
		"2 block H: waits for mutex B held by M\n"
		"2 prio M 1: inherits priority 1 from H\n"
		"2 prio L 1: inherits priority 1 from H\n"));
	/* L runs its last tick at priority 1 (X, arriving at 3, does not
	 * preempt it); unlocking A drops it back to 3 and hands A to M, which
	 * runs at H's priority until it unlocks B. */
	ck_assert_ptr_nonnull(strstr(log_, "3 prio L 3: back to priority 3 after unlocking A\n"
				     "3 wake M: got mutex A from L\n"));
	ck_assert_str_eq(figs(s, 0), "3/10/7");
	ck_assert_str_eq(figs(s, 1), "1/5/1");
	ck_assert_str_eq(figs(s, 2), "1/5/0");
	ck_assert_str_eq(figs(s, 3), "5/10/2");
	done(s);
}
END_TEST

/* ---- semaphores: C bodies -------------------------------------------------------- */

static int sem, inside, most;

static void room(void *arg)
{
	(void)arg;
	sim_sem_wait(sem);
	if (++inside > most)
		most = inside;
	sim_cpu(3);
	inside--;
	sim_sem_post(sem);
}

START_TEST(semaphore_two_inside)
{
	sim *s = make(NULL, "rr", 1, false);

	sem = sim_sem_new(s, "S", 2);
	ck_assert_int_eq(sem, 0);
	inside = most = 0;
	for (int i = 0; i < 4; i++) {
		char name[8];

		snprintf(name, sizeof name, "T%d", i + 1);
		ck_assert_int_eq(sim_spawn(s, name, 0, 0, 3, room, NULL), 0);
	}
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(most, 2);
	ck_assert_str_eq(figs(s, 0), "3/5/2");
	ck_assert_str_eq(figs(s, 1), "3/6/3");
	ck_assert_str_eq(figs(s, 2), "3/11/5");
	ck_assert_str_eq(figs(s, 3), "3/12/5");
	ck_assert_ptr_nonnull(strstr(log_, "2 block T3: waits for semaphore S (count 0)\n"));
	ck_assert_ptr_nonnull(strstr(log_, "5 wake T3: semaphore S posted by T1\n"));
	done(s);
}
END_TEST

/* --sem overrides a workload's count; naming no semaphore fails the run. */
START_TEST(semaphore_override)
{
	sim_sem_init one = { "S", 1 }, bad = { "Q", 1 };
	sim_options o;
	sim *s;

	static const char text[] = "#: --sem S=0\nname burst\nA wait:S,1,post:S\n"
				   "B wait:S,1,post:S\n";

	ck_assert_int_eq(wl_parse(&wl, "t.wl", text, strlen(text), err, sizeof err), 0);
	sim_options_default(&o);
	o.sems = &one;
	o.nsems = 1;
	s = sim_new(&wl, &o, err, sizeof err);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_ptr_null(sim_deadlock(s));
	sim_free(s);
	o.nsems = 0;
	s = sim_new(&wl, &o, err, sizeof err);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(sim_deadlock(s), "deadlock at time 0: A waits for semaphore S, "
			 "which no running thread will post; B waits for semaphore S, which "
			 "no running thread will post");
	sim_free(s);
	o.sems = &bad;
	o.nsems = 1;
	s = sim_new(&wl, &o, err, sizeof err);
	ck_assert_int_eq(sim_run(s), -1);
	ck_assert_str_eq(sim_error(s), "--sem Q=1: this run has no semaphore 'Q'");
	sim_free(s);
	wl_free(&wl);
}
END_TEST

/* ---- conditions, join, sleep -------------------------------------------------------- */

static int mtx, cnd, items, got;

static void consumer(void *arg)
{
	(void)arg;
	sim_mutex_lock(mtx);
	while (!items)
		sim_cond_wait(cnd, mtx);
	items--;
	got++;
	sim_mutex_unlock(mtx);
	sim_cpu(1);
}

static void producer(void *arg)
{
	(void)arg;
	sim_cpu(2);
	sim_mutex_lock(mtx);
	items += 2;
	sim_cond_broadcast(cnd);
	sim_cpu(1); /* still holding: the woken queue for the mutex */
	sim_mutex_unlock(mtx);
}

START_TEST(condition_broadcast)
{
	sim *s = make(NULL, "fifo", 0, false);

	mtx = sim_mutex_new(s, "lock");
	cnd = sim_cond_new(s, "ready");
	ck_assert_int_eq(mtx, 0);
	ck_assert_int_eq(cnd, 1);
	ck_assert_int_eq(sim_cond_new(s, "ready"), -1);
	ck_assert_str_eq(sim_error(s), "condition 'ready': that name is taken");
	items = got = 0;
	sim_spawn(s, "C1", 0, 0, -1, consumer, NULL);
	sim_spawn(s, "C2", 0, 0, -1, consumer, NULL);
	sim_spawn(s, "P", 0, 0, -1, producer, NULL);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(got, 2);
	ck_assert_str_eq(log_,
		"0 dispatch C1: first come, first served (arrived at 0)\n"
		"0 block C1: waits for condition ready\n"
		"0 switch C2\n"
		"0 dispatch C2: first come, first served (arrived at 0)\n"
		"0 block C2: waits for condition ready\n"
		"0 switch P\n"
		"0 dispatch P: first come, first served (arrived at 0)\n"
		"3 wake C1: signalled, and holds mutex lock again\n"
		"3 exit P\n"
		"3 switch C1\n"
		"3 dispatch C1: first come, first served (ready since 3)\n"
		"3 wake C2: signalled, and holds mutex lock again\n"
		"4 exit C1\n"
		"4 switch C2\n"
		"4 dispatch C2: first come, first served (ready since 3)\n"
		"5 exit C2\n");
	done(s);
}
END_TEST

START_TEST(join_and_sleep)
{
	sim *s = make("name arrival burst\n"
		      "A 0 1,join:B,1\n"
		      "B 0 sleep:5,1\n"
		      "C 0 2,sleep:1,1\n", "fifo", 0, false);
	sim_thread_info ti;

	ck_assert_int_eq(sim_step(s), 1); /* A arrives */
	while (sim_now(s) < 1 || sim_running(s) != 1)
		ck_assert_int_eq(sim_step(s), 1);
	sim_thread_get(s, 0, &ti);
	ck_assert_int_eq(ti.state, SIM_T_BLOCKED);
	ck_assert_int_eq(ti.joins, 1);
	ck_assert_int_eq(ti.waits_on, -1);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(log_,
		"0 dispatch A: first come, first served (arrived at 0)\n"
		"1 block A: waits for B to finish\n"
		"1 switch B\n"
		"1 dispatch B: first come, first served (arrived at 0)\n"
		"1 block B: sleeps 5 ticks\n"
		"1 switch C\n"
		"1 dispatch C: first come, first served (arrived at 0)\n"
		"3 block C: sleeps 1 ticks\n"
		"3 idle -\n"
		"4 wake C\n"
		"4 dispatch C: first come, first served (ready since 4)\n"
		"5 exit C\n"
		"5 idle -\n"
		"6 wake B\n"
		"6 switch B\n"
		"6 dispatch B: first come, first served (ready since 6)\n"
		"7 exit B\n"
		"7 wake A: B finished\n"
		"7 switch A\n"
		"7 dispatch A: first come, first served (ready since 7)\n"
		"8 exit A\n");
	sim_thread_get(s, 1, &ti);
	ck_assert_int_eq(ti.io, 0);
	done(s);
}
END_TEST

/* ---- what the view reads ---------------------------------------------------------------- */

START_TEST(queries)
{
	sim *s = make("#: --sem S=1\nname burst\n"
		      "P1 lock:A,wait:S,4,post:S,unlock:A\n"
		      "P2 lock:A,1,unlock:A\n"
		      "P3 lock:A,1,unlock:A\n", "rr", 2, false);
	sim_sync_info si;
	int w[4];

	ck_assert_uint_eq(sim_sync_count(s), 2);
	ck_assert_int_eq(sim_sync_find(s, "S"), 0);
	ck_assert_int_eq(sim_sync_find(s, "A"), 1);
	ck_assert_int_eq(sim_sync_find(s, "Z"), -1);
	/* at 2: P1's quantum ends, P2 and P3 queue for A, P1 runs again */
	while (sim_now(s) < 2 || sim_running(s) != 0)
		ck_assert_int_eq(sim_step(s), 1);
	sim_sync_get(s, 1, &si);
	ck_assert_str_eq(si.name, "A");
	ck_assert_int_eq(si.kind, SIM_SYNC_MUTEX);
	ck_assert_int_eq(si.holder, 0);
	ck_assert_uint_eq(si.nwaiters, 2);
	ck_assert_uint_eq(sim_sync_waiters(s, 1, w, 4), 2);
	ck_assert_int_eq(w[0], 1);
	ck_assert_int_eq(w[1], 2);
	ck_assert_uint_eq(sim_sync_waiters(s, 1, w, 1), 2);
	sim_sync_get(s, 0, &si);
	ck_assert_str_eq(si.name, "S");
	ck_assert_int_eq(si.kind, SIM_SYNC_SEM);
	ck_assert_int_eq(si.holder, -1);
	ck_assert_int_eq(si.count, 0);
	ck_assert_str_eq(sim_sync_kind_name(SIM_SYNC_COND), "condition");
	ck_assert_str_eq(sim_sync_kind_name(SIM_SYNC_KINDS), "?");
	sim_sync_get(s, 7, &si);
	ck_assert_ptr_null(si.name);
	ck_assert_int_eq(si.holder, -1);
	{
		sim_thread_info ti;

		sim_thread_get(s, 2, &ti);
		ck_assert_int_eq(ti.state, SIM_T_BLOCKED);
		ck_assert_int_eq(ti.waits_on, 1);
		ck_assert_int_eq(ti.wakes_at, -1);
	}
	ck_assert_int_eq(sim_run(s), 0);
	sim_sync_get(s, 0, &si);
	ck_assert_int_eq(si.count, 1);
	done(s);
}
END_TEST

/* ---- deadlocks -------------------------------------------------------------------------- */

static const struct deadlock {
	const char *text;
	const char *msg;
} deadlocks[] = {
	{ "name arrival burst\n"
	  "P1 0 lock:A,2,lock:B,1,unlock:B,unlock:A\n"
	  "P2 1 lock:B,2,lock:A,1,unlock:A,unlock:B\n",
	  "deadlock at time 4: P1 holds A and waits for B; P2 holds B and waits for A" },
	/* the cycle starts at its first thread; the others after it */
	{ "#: --sem S=0\nname arrival burst\n"
	  "Q 0 wait:S\n"
	  "R 0 lock:C,2,lock:A,unlock:A,unlock:C\n"
	  "P1 0 lock:A,3,lock:B,unlock:B,unlock:A\n"
	  "P2 0 lock:B,3,lock:C,unlock:C,unlock:B\n"
	  "W 9 lock:B,unlock:B\n",
	  "deadlock at time 9: R holds C and waits for A; P1 holds A and waits for B; "
	  "P2 holds B and waits for C; Q waits for semaphore S, which no running thread "
	  "will post; W waits for B held by P2" },
	{ "name burst\nA 1,join:B\nB 1,join:A\n",
	  "deadlock at time 2: A waits for B to finish; B waits for A to finish" },
	{ "name burst\nA lock:M,1,join:B,unlock:M\nB lock:M,unlock:M\n",
	  "deadlock at time 1: A holds M and waits for B to finish; B waits for M" },
};

START_TEST(deadlock_named)
{
	sim *s = make(deadlocks[_i].text, "rr", 1, false);

	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(sim_deadlock(s), deadlocks[_i].msg);
	done(s);
}
END_TEST

/* A deadlocked run still ends like any other: END, then sim_free() ends
 * the threads left blocked (valgrind and ASan see no leak). */
START_TEST(deadlock_steps_to_end)
{
	sim *s = make(deadlocks[0].text, "rr", 1, false);
	int r, steps = 0;

	while ((r = sim_step(s)) == 1)
		steps++;
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(steps, 13);
	ck_assert_int_eq(sim_step(s), 0);
	ck_assert_str_eq(sim_deadlock(s), "deadlock at time 4: P1 holds A and waits for B; "
			 "P2 holds B and waits for A");
	done(s);
}
END_TEST

/* ---- misuse from C ------------------------------------------------------------------------ */

static int which;

static void misuser(void *arg)
{
	(void)arg;
	sim_cpu(2);
	switch (which) {
	case 0: sim_mutex_unlock(0); break;
	case 1: sim_mutex_lock(0); sim_mutex_lock(0); break;
	case 2: sim_mutex_lock(0); break; /* and finish holding it */
	case 3: sim_cond_wait(1, 0); break;
	case 4: sim_join(0); break;
	case 5: sim_mutex_lock(1); break;
	case 6: sim_sem_post(9); break;
	case 7: sim_sleep(-1); break;
	case 8: sim_join(5); break;
	}
}

static const char *const misuses[] = {
	"time 2: thread 'X' unlocks mutex 'm', which it does not hold",
	"time 2: thread 'X' locks mutex 'm', which it already holds",
	"time 2: thread 'X' finishes holding mutex 'm'",
	"time 2: thread 'X' waits on condition 'c' without holding mutex 'm'",
	"time 2: thread 'X' joins itself: it would wait forever",
	"time 2: thread 'X' calls sim_mutex_lock(1): no such mutex",
	"time 2: thread 'X' calls sim_sem_post(9): no such semaphore",
	"time 2: thread 'X' calls sim_sleep(-1): a negative tick count",
	"time 2: thread 'X' calls sim_join(5): no such thread",
};

START_TEST(misuse)
{
	sim *s = make(NULL, "fifo", 0, false);

	which = _i;
	ck_assert_int_eq(sim_mutex_new(s, "m"), 0);
	ck_assert_int_eq(sim_cond_new(s, "c"), 1);
	ck_assert_int_eq(sim_spawn(s, "X", 0, 0, -1, misuser, NULL), 0);
	ck_assert_int_eq(sim_run(s), -1);
	ck_assert_str_eq(sim_error(s), misuses[_i]);
	done(s);
}
END_TEST

/* A mutex handed over counts as held, and W then finishes holding it:
 * taken back from a condition through the signaller's unlock (way 0) or
 * straight by the signal (1), or handed over by an unlock to W waiting
 * in sim_mutex_lock (2: S holds it across a sleep). */
static int handover;

static void handed_waiter(void *arg)
{
	(void)arg;
	sim_mutex_lock(0);
	if (handover < 2)
		sim_cond_wait(1, 0);
}

static void handed_giver(void *arg)
{
	(void)arg;
	if (handover == 2) {
		sim_mutex_lock(0);
		sim_sleep(1);
		sim_mutex_unlock(0);
		return;
	}
	sim_cpu(1);
	if (handover == 0)
		sim_mutex_lock(0);
	sim_cond_signal(1);
	if (handover == 0)
		sim_mutex_unlock(0);
}

START_TEST(misuse_held_when_handed_over)
{
	sim *s = make(NULL, "fifo", 0, false);

	handover = _i;
	ck_assert_int_eq(sim_mutex_new(s, "m"), 0);
	ck_assert_int_eq(sim_cond_new(s, "c"), 1);
	if (handover == 2)
		ck_assert_int_eq(sim_spawn(s, "S", 0, 0, -1, handed_giver, NULL), 0);
	ck_assert_int_eq(sim_spawn(s, "W", 0, 0, -1, handed_waiter, NULL), 0);
	if (handover < 2)
		ck_assert_int_eq(sim_spawn(s, "S", 0, 0, -1, handed_giver, NULL), 0);
	ck_assert_int_eq(sim_run(s), -1);
	ck_assert_str_eq(sim_error(s), "time 1: thread 'W' finishes holding mutex 'm'");
	done(s);
}
END_TEST

/* Of the mutexes a thread finishes holding, the first made is named,
 * whatever the order it took them in and after letting go of one taken
 * between the others. */
static void holder_of_three(void *arg)
{
	(void)arg;
	sim_cpu(1);
	sim_mutex_lock(1);
	sim_mutex_lock(0);
	sim_mutex_lock(2);
	sim_mutex_unlock(0);
}

START_TEST(misuse_finish_holding_two)
{
	sim *s = make(NULL, "fifo", 0, false);

	ck_assert_int_eq(sim_mutex_new(s, "a"), 0);
	ck_assert_int_eq(sim_mutex_new(s, "b"), 1);
	ck_assert_int_eq(sim_mutex_new(s, "c"), 2);
	ck_assert_int_eq(sim_spawn(s, "X", 0, 0, -1, holder_of_three, NULL), 0);
	ck_assert_int_eq(sim_run(s), -1);
	ck_assert_str_eq(sim_error(s), "time 1: thread 'X' finishes holding mutex 'b'");
	done(s);
}
END_TEST

/* Outside a simulated thread, and making objects too late. */
START_TEST(outside)
{
	sim *s = make("name burst\nA 1\n", "fifo", 0, false);

	ck_assert_int_eq(sim_mutex_lock(0), -1);
	ck_assert_str_eq(sim_error(NULL), "sim_mutex_lock: not called from a simulated thread");
	ck_assert_int_eq(sim_sem_post(0), -1);
	ck_assert_int_eq(sim_sleep(1), -1);
	ck_assert_str_eq(sim_error(NULL), "sim_sleep: not called from a simulated thread");
	ck_assert_int_eq(sim_sem_new(s, "S", -1), -1);
	ck_assert_str_eq(sim_error(s), "semaphore 'S': a negative count");
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(sim_mutex_new(s, "late"), -1);
	ck_assert_str_eq(sim_error(s), "mutex 'late': the simulation has already started");
	done(s);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("sync");
	TCase *tc = tcase_create("sync");

	tcase_add_test(tc, mutex_handoff_fifo);
	tcase_add_test(tc, inversion_plain);
	tcase_add_test(tc, inversion_inherit);
	tcase_add_test(tc, inherit_chain);
	tcase_add_test(tc, semaphore_two_inside);
	tcase_add_test(tc, semaphore_override);
	tcase_add_test(tc, condition_broadcast);
	tcase_add_test(tc, join_and_sleep);
	tcase_add_test(tc, queries);
	tcase_add_loop_test(tc, deadlock_named, 0, sizeof deadlocks / sizeof *deadlocks);
	tcase_add_test(tc, deadlock_steps_to_end);
	tcase_add_loop_test(tc, misuse, 0, sizeof misuses / sizeof *misuses);
	tcase_add_loop_test(tc, misuse_held_when_handed_over, 0, 3);
	tcase_add_test(tc, misuse_finish_holding_two);
	tcase_add_test(tc, outside);
	suite_add_tcase(s, tc);
	return s;
}
