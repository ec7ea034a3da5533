/* sim_test.c: the Check suite of the simulation engine, on workloads
 * parsed from strings and on C bodies. */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "sched/policy.h"
#include "sim/sim.h"
#include "wl/workload.h"

/* Linked with --wrap=realloc: every realloc() of the engine comes here, and
 * the next one fails when a test asks. */
void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);
static bool fail_realloc;

void *__wrap_realloc(void *p, size_t n)
{
	if (fail_realloc) {
		fail_realloc = false;
		return NULL;
	}
	return __real_realloc(p, n);
}

/* ---- a recorder for the event stream ----------------------------------- */

typedef struct rec {
	const sim *s;
	char gantt[4096];   /* "P1@0 P2@4 ..." from DISPATCH events */
	char log[16384];    /* every event, one per line */
	size_t glen, llen;
	int count[SIM_EV_KINDS];
	int events;
} rec;

static void add(char *buf, size_t cap, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
	va_list ap;

	if (*len >= cap)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, cap - *len, fmt, ap);
	va_end(ap);
	*len += n > 0 ? (size_t)n : 0;
}

static const char *tname(const sim *s, int t)
{
	sim_thread_info ti;

	if (t < 0)
		return "-";
	sim_thread_get(s, t, &ti);
	return ti.name;
}

static void on_event(void *ctx, const sim_event *ev)
{
	rec *r = ctx;

	r->events++;
	r->count[ev->kind]++;
	if (ev->kind == SIM_EV_DISPATCH)
		add(r->gantt, sizeof r->gantt, &r->glen, "%s%s@%lld", r->glen ? " " : "",
		    tname(r->s, ev->thread), (long long)ev->time);
	add(r->log, sizeof r->log, &r->llen, "%lld %s %s %lld%s%s\n", (long long)ev->time,
	    sim_ev_name(ev->kind), tname(r->s, ev->thread), (long long)ev->arg,
	    ev->reason[0] ? " : " : "", ev->reason);
}

static workload wl;
static char err[512];

static void load(const char *text)
{
	int rc = wl_parse(&wl, "t.wl", text, strlen(text), err, sizeof err);

	ck_assert_msg(rc == 0, "parse: %s", err);
}

/* A simulation of w (NULL: threads come from sim_spawn) recorded into r. */
static sim *make_of(const workload *w, const sim_options *o, rec *r)
{
	sim *s = sim_new(w, o, err, sizeof err);

	ck_assert_msg(s != NULL, "sim_new: %s", err);
	memset(r, 0, sizeof *r);
	r->s = s;
	ck_assert_int_eq(sim_listen(s, on_event, r), 0);
	return s;
}

static sim *make(const sim_options *o, rec *r)
{
	return make_of(&wl, o, r);
}

/* An option for o's policy when it takes it: a policy that does not
 * takes no such option, and the loops over every policy want it left out. */
static void opt_if(sim_options *o, const char *name, const char *text)
{
	(void)sim_options_set(o, name, text, NULL, 0);
}

/* policy, its quantum if not 0 and preemptive if true, when it takes them. */
static void opts(sim_options *o, const char *policy, int64_t quantum, bool preemptive)
{
	char q[24];

	sim_options_default(o);
	o->policy = policy;
	snprintf(q, sizeof q, "%lld", (long long)quantum);
	if (quantum)
		opt_if(o, "quantum", q);
	if (preemptive)
		opt_if(o, "preemptive", "true");
}

/* Averages over all threads, in hundredths (exact for these examples). */
static void averages(const sim *s, long *wait100, long *tat100)
{
	long w = 0, t = 0;
	size_t n = sim_nthreads(s);

	for (size_t i = 0; i < n; i++) {
		sim_thread_info ti;

		sim_thread_get(s, (int)i, &ti);
		ck_assert_int_eq(ti.state, SIM_T_DONE);
		w += ti.waiting;
		t += ti.finish - ti.arrival;
		/* waiting = turnaround - cpu - io with no switch cost */
		ck_assert_int_eq(ti.waiting, ti.finish - ti.arrival - ti.cpu - ti.io);
	}
	*wait100 = (w * 100 + (long)n / 2) / (long)n;
	*tat100 = (t * 100 + (long)n / 2) / (long)n;
}

/* Run text under policy; check the Gantt order and the averages. */
static void expect(const char *text, const char *policy, int64_t quantum, bool preemptive,
		   const char *gantt, long wait100, long tat100)
{
	sim_options o;
	rec r;
	sim *s;
	long w, t;

	load(text);
	opts(&o, policy, quantum, preemptive);
	s = make(&o, &r);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(r.gantt, gantt);
	averages(s, &w, &t);
	ck_assert_int_eq(w, wait100);
	if (tat100 >= 0)
		ck_assert_int_eq(t, tat100);
	ck_assert_int_eq(r.count[SIM_EV_END], 1);
	sim_free(s);
	wl_free(&wl);
}

/* ---- the textbook table (GUIDE section 5) ------------------------------- */

static const char fcfs_wl[] = "name burst\nP1 24\nP2 3\nP3 3\n";

START_TEST(test_fcfs)
{
	expect(fcfs_wl, "fifo", 0, false, "P1@0 P2@24 P3@27", 1700, 2700);
	expect("name burst\nP2 3\nP3 3\nP1 24\n", "fcfs", 0, false, "P2@0 P3@3 P1@6", 300, 1300);
}
END_TEST

START_TEST(test_sjf)
{
	expect("name burst\nP1 6\nP2 8\nP3 7\nP4 3\n", "sjf", 0, false,
	       "P4@0 P1@3 P3@9 P2@16", 700, 1300);
}
END_TEST

static const char srtf_wl[] = "name arrival burst\nP1 0 8\nP2 1 4\nP3 2 9\nP4 3 5\n";

START_TEST(test_srtf)
{
	expect(srtf_wl, "srtf", 0, false, "P1@0 P2@1 P4@5 P1@10 P3@17", 650, 1300);
	expect(srtf_wl, "sjf", 0, true, "P1@0 P2@1 P4@5 P1@10 P3@17", 650, 1300);
	expect(srtf_wl, "sjf", 0, false, "P1@0 P2@8 P4@12 P3@17", 775, 1425);
}
END_TEST

START_TEST(test_priority)
{
	expect("name burst priority\nP1 10 3\nP2 1 1\nP3 2 4\nP4 1 5\nP5 5 2\n", "prio", 0, false,
	       "P2@0 P5@1 P1@6 P3@16 P4@18", 820, 1200);
}
END_TEST

START_TEST(test_rr)
{
	expect(fcfs_wl, "rr", 4, false, "P1@0 P2@4 P3@7 P1@10", 567, 1567);
	/* the default quantum is 4 */
	expect(fcfs_wl, "rr", 0, false, "P1@0 P2@4 P3@7 P1@10", 567, 1567);
}
END_TEST

START_TEST(test_priority_rr)
{
	expect("name burst priority\nP1 4 3\nP2 5 2\nP3 8 2\nP4 7 1\nP5 3 3\n", "prio", 2, false,
	       "P4@0 P2@7 P3@9 P2@11 P3@13 P2@15 P3@16 P1@20 P5@22 P1@24 P5@26", 1380, 1920);
}
END_TEST

/* ---- event streams, exactly ------------------------------------------------ */

/* Run text to the end under o; return the simulation (for queries). */
static sim *run_log(const char *text, const sim_options *o, rec *r)
{
	sim *s;

	load(text);
	s = make(o, r);
	ck_assert_msg(sim_run(s) == 0, "sim_run: %s", sim_error(s));
	return s;
}

static void done(sim *s)
{
	sim_free(s);
	wl_free(&wl);
}

static void info(const sim *s, int t, sim_thread_info *ti)
{
	sim_thread_get(s, t, ti);
}

START_TEST(test_io_block_wake)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "fifo", 0, false);
	s = run_log("name burst\nA 2,io:3,1\nB 4\n", &o, &r);
	ck_assert_str_eq(r.log,
		"0 arrive A 0\n"
		"0 arrive B 0\n"
		"0 dispatch A 0 : first come, first served (arrived at 0)\n"
		"2 block A 3\n"
		"2 switch B 0\n"
		"2 dispatch B 0 : first come, first served (arrived at 0)\n"
		"5 wake A 0\n"
		"6 exit B 0\n"
		"6 switch A 0\n"
		"6 dispatch A 0 : first come, first served (ready since 5)\n"
		"7 exit A 0\n"
		"7 end - 0\n");
	info(s, 0, &ti);
	ck_assert_str_eq(ti.name, "A");
	ck_assert_int_eq(ti.cpu, 3);
	ck_assert_int_eq(ti.io, 3);
	ck_assert_int_eq(ti.finish, 7);
	ck_assert_int_eq(ti.waiting, 1);
	ck_assert_int_eq(ti.response, 0);
	ck_assert_int_eq(ti.remaining, 0);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.waiting, 2);
	ck_assert_int_eq(ti.response, 2);
	ck_assert_uint_eq(sim_context_switches(s), 2);
	ck_assert_int_eq(sim_now(s), 7);
	done(s);
}
END_TEST

START_TEST(test_idle_gaps)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "rr", 0, false);
	s = run_log("name arrival burst\nA 0 2,io:5,1\nB 10 1\n", &o, &r);
	/* A gets the CPU back after its I/O with nobody in between: no switch */
	ck_assert_str_eq(r.log,
		"0 arrive A 0\n"
		"0 dispatch A 0 : next in the round-robin queue (arrived at 0)\n"
		"2 block A 5\n"
		"2 idle - 0\n"
		"7 wake A 0\n"
		"7 dispatch A 0 : next in the round-robin queue (ready since 7)\n"
		"8 exit A 0\n"
		"8 idle - 0\n"
		"10 arrive B 0\n"
		"10 switch B 0\n"
		"10 dispatch B 0 : next in the round-robin queue (arrived at 10)\n"
		"11 exit B 0\n"
		"11 end - 0\n");
	ck_assert_uint_eq(sim_context_switches(s), 1);
	info(s, 0, &ti);
	ck_assert_int_eq(ti.waiting, 0);
	ck_assert_int_eq(ti.io, 5);
	done(s);
}
END_TEST

START_TEST(test_same_instant_order)
{
	sim_options o;
	rec r;
	sim *s;

	/* quantum expiry and an arrival at 2: the newcomer goes first */
	opts(&o, "rr", 2, false);
	s = run_log("name arrival burst\nA 0 4\nB 2 2\n", &o, &r);
	ck_assert_str_eq(r.gantt, "A@0 B@2 A@4");
	ck_assert_str_eq(r.log,
		"0 arrive A 0\n"
		"0 dispatch A 0 : next in the round-robin queue (arrived at 0)\n"
		"2 arrive B 0\n"
		"2 preempt A 0 : quantum of 2 expired\n"
		"2 switch B 0\n"
		"2 dispatch B 0 : next in the round-robin queue (arrived at 2)\n"
		"4 exit B 0\n"
		"4 switch A 0\n"
		"4 dispatch A 0 : next in the round-robin queue (ready since 2)\n"
		"6 exit A 0\n"
		"6 end - 0\n");
	done(s);

	/* a wake-up and an arrival at 3: the earlier arrival (C) first, then
	 * file order; the thread whose burst ends at 3 exits before either */
	opts(&o, "fifo", 0, false);
	s = run_log("name arrival burst\nB 3 1\nC 0 1,io:2,1\nD 1 2\nE 3 1\n", &o, &r);
	ck_assert_str_eq(r.gantt, "C@0 D@1 C@3 B@4 E@5");
	ck_assert(strstr(r.log, "3 exit D 0\n3 wake C 0\n3 arrive B 0\n3 arrive E 0\n"));
	done(s);
}
END_TEST

START_TEST(test_switch_cost)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "fifo", 0, false);
	o.switch_cost = 1;
	s = run_log(fcfs_wl, &o, &r);
	ck_assert_str_eq(r.gantt, "P1@0 P2@25 P3@29");
	ck_assert_int_eq(r.count[SIM_EV_SWITCH], 2);
	ck_assert(strstr(r.log, "24 exit P1 0\n24 switch P2 1\n25 dispatch P2 0"));
	ck_assert_uint_eq(sim_context_switches(s), 2);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.response, 25);   /* to when it starts running */
	ck_assert_int_eq(ti.waiting, 25);    /* switching counts as waiting */
	ck_assert_int_eq(ti.finish, 28);
	info(s, 2, &ti);
	ck_assert_int_eq(ti.finish, 32);
	ck_assert_int_eq(sim_now(s), 32);
	done(s);

	/* a thread arriving during a switch preempts the incoming one as
	 * soon as it starts */
	opts(&o, "srtf", 0, false);
	o.switch_cost = 2;
	s = run_log("name arrival burst\nA 0 3\nB 0 10\nC 4 1\n", &o, &r);
	ck_assert_str_eq(r.log,
		"0 arrive A 0\n"
		"0 arrive B 0\n"
		"0 dispatch A 0 : shortest remaining time 3 of 2 ready\n"
		"3 exit A 0\n"
		"3 switch B 2\n"
		"4 arrive C 0\n"
		"5 dispatch B 0 : shortest remaining time 10 of 1 ready\n"
		"5 preempt B 0 : shortest remaining time 1 < 10\n"
		"5 switch C 2\n"
		"7 dispatch C 0 : shortest remaining time 1 of 2 ready\n"
		"8 exit C 0\n"
		"8 switch B 2\n"
		"10 dispatch B 0 : shortest remaining time 10 of 1 ready\n"
		"20 exit B 0\n"
		"20 end - 0\n");
	ck_assert_uint_eq(sim_context_switches(s), 3);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.waiting, 10);
	ck_assert_int_eq(ti.response, 5);
	done(s);
}
END_TEST

static const char starve_wl[] =
	"name arrival burst priority\n"
	"batch 0 3 5\n"
	"h0 0 4 1\nh1 4 4 1\nh2 8 4 1\nh3 12 4 1\nh4 16 4 1\n"
	"h5 20 4 1\nh6 24 4 1\nh7 28 4 1\nh8 32 4 1\nh9 36 4 1\n";

START_TEST(test_aging)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	/* without aging batch never runs while the stream lasts: at 40, the
	 * horizon, it has not had a tick */
	opts(&o, "prio", 0, true);
	load(starve_wl);
	s = make(&o, &r);
	while (sim_now(s) < 40)
		ck_assert_int_eq(sim_step(s), 1);
	info(s, 0, &ti);
	ck_assert_int_eq(ti.state, SIM_T_READY);
	ck_assert_int_eq(ti.cpu, 0);
	ck_assert_int_eq(ti.response, -1);
	ck_assert_int_eq(ti.waiting, 40);
	done(s);
	/* and then it runs last */
	s = run_log(starve_wl, &o, &r);
	info(s, 0, &ti);
	ck_assert_int_eq(ti.finish, 43);
	ck_assert_int_eq(ti.waiting, 40);
	ck_assert_int_eq(r.count[SIM_EV_PRIO], 0);
	ck_assert(strstr(r.gantt, "h9@36 batch@40"));
	done(s);

	/* aging 5: one step every 5 ticks of waiting; at 20 it ties with the
	 * best and wins by its earlier arrival */
	opts(&o, "prio", 0, true);
	opt_if(&o, "aging", "5");
	s = run_log(starve_wl, &o, &r);
	info(s, 0, &ti);
	ck_assert_int_eq(ti.finish, 23);
	ck_assert_int_eq(ti.waiting, 20);
	ck_assert_int_eq(ti.priority, 5);
	ck_assert_str_eq(r.gantt, "h0@0 h1@4 h2@8 h3@12 h4@16 batch@20 h5@23 h6@27 h7@31 h8@35 h9@39");
	ck_assert(strstr(r.log, "5 prio batch 4\n"));
	ck_assert(strstr(r.log, "10 prio batch 3\n"));
	ck_assert(strstr(r.log, "15 prio batch 2\n"));
	ck_assert(strstr(r.log, "20 exit h4 0\n20 arrive h5 0\n20 prio batch 1\n"
			 "20 switch batch 0\n20 prio batch 5\n20 dispatch batch 0 : highest priority 1 of 2 ready\n"));
	ck_assert_int_eq(r.count[SIM_EV_PRIO], 5);
	done(s);
}
END_TEST

START_TEST(test_aging_preempts)
{
	sim_options o;
	rec r;
	sim *s;

	/* preemptive: an aged thread that becomes strictly better takes the CPU */
	opts(&o, "prio", 0, true);
	opt_if(&o, "aging", "2");
	s = run_log("name arrival burst priority\nlong 0 10 2\nlow 0 1 4\nbest 0 1 0\n", &o, &r);
	ck_assert_str_eq(r.gantt, "best@0 long@1 low@6 long@7");
	ck_assert(strstr(r.log, "2 prio low 3\n4 prio low 2\n6 prio low 1\n"
			 "6 preempt long 0 : priority 1 beats 2\n"));
	done(s);
}
END_TEST

START_TEST(test_priority_order_high_first)
{
	sim_options o;
	rec r;
	sim *s;

	opts(&o, "prio", 0, false);
	opt_if(&o, "priority-order", "high-first");
	s = run_log("name burst priority\nP1 10 3\nP2 1 1\nP3 2 4\nP4 1 5\nP5 5 2\n", &o, &r);
	ck_assert_str_eq(r.gantt, "P4@0 P3@1 P1@3 P5@13 P2@18");
	done(s);
}
END_TEST

START_TEST(test_determinism)
{
	static const char text[] =
		"name arrival burst priority\n"
		"crunch1 0 30 2\neditor 0 1,io:5,1,io:5,1 1\ncrunch2 0 30 2\nshell 1 2,io:4,2 1\n";
	const char *policies[] = { "fifo", "rr", "prio", "sjf", "srtf" };
	sim_options o;
	rec *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	sim *s;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	for (size_t i = 0; i < 5; i++) {
		opts(&o, policies[i], 3, true);
		opt_if(&o, "aging", "4");
		o.switch_cost = 1;
		s = run_log(text, &o, a);
		done(s);
		s = run_log(text, &o, b);
		done(s);
		ck_assert_int_gt(a->events, 20);
		ck_assert_int_eq(a->events, b->events);
		ck_assert_str_eq(a->log, b->log);
	}
	free(a);
	free(b);
}
END_TEST

/* ---- stepping and the live state ------------------------------------------------- */

static int last_kind = -1, seen;

static void count_one(void *ctx, const sim_event *ev)
{
	(void)ctx;
	seen++;
	last_kind = (int)ev->kind;
}

START_TEST(test_step_granularity)
{
	sim_options o;
	rec r;
	sim *s;
	int ready[4], steps = 0, rc;

	opts(&o, "rr", 4, false);
	load(fcfs_wl);
	s = make(&o, &r);
	ck_assert_int_eq(sim_listen(s, count_one, NULL), 0);
	ck_assert_int_eq(sim_running(s), -1);
	ck_assert_int_eq(sim_now(s), 0);
	/* three arrivals, one event each */
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(sim_step(s), 1);
		ck_assert_int_eq(seen, i + 1);
		ck_assert_int_eq(last_kind, SIM_EV_ARRIVE);
		ck_assert_uint_eq(sim_ready(s, ready, 4), (size_t)i + 1);
	}
	ck_assert_int_eq(ready[0], 0);
	ck_assert_int_eq(ready[2], 2);
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(last_kind, SIM_EV_DISPATCH);
	ck_assert_int_eq(sim_running(s), 0);
	ck_assert_int_eq(sim_quantum_left(s), 4);
	ck_assert_uint_eq(sim_ready(s, ready, 1), 2);
	ck_assert_int_eq(ready[0], 1);
	/* P1's quantum expires at 4: preempt, then the switch, then P2 */
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(last_kind, SIM_EV_PREEMPT);
	ck_assert_int_eq(sim_now(s), 4);
	ck_assert_int_eq(sim_running(s), -1);
	ck_assert_uint_eq(sim_ready(s, ready, 4), 3);
	ck_assert_int_eq(ready[2], 0);
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(last_kind, SIM_EV_SWITCH);
	ck_assert_int_eq(sim_switching(s), 1);
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(last_kind, SIM_EV_DISPATCH);
	ck_assert_int_eq(sim_running(s), 1);
	ck_assert_int_eq(sim_switching(s), -1);
	steps = seen;
	while ((rc = sim_step(s)) == 1) {
		ck_assert_int_eq(seen, ++steps);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(last_kind, SIM_EV_END);
	ck_assert_int_eq(seen, r.events);
	/* arrivals, dispatch, three switches of three events, exit, end */
	ck_assert_int_eq(seen, 3 + 1 + 3 * 3 + 1 + 1);
	ck_assert_int_eq(sim_step(s), 0);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(seen, r.events);
	done(s);
}
END_TEST

START_TEST(test_ready_order)
{
	sim_options o;
	rec r;
	sim *s;
	int ready[8];

	/* the ready queue in pick order, as the live view shows it */
	opts(&o, "sjf", 0, false);
	load("name burst\nA 6\nB 8\nC 7\nD 3\nE 3\n");
	s = make(&o, &r);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(sim_step(s), 1);
	ck_assert_uint_eq(sim_ready(s, ready, 8), 5);
	ck_assert_int_eq(ready[0], 3);
	ck_assert_int_eq(ready[1], 4);
	ck_assert_int_eq(ready[2], 0);
	ck_assert_int_eq(ready[3], 2);
	ck_assert_int_eq(ready[4], 1);
	ck_assert_uint_eq(sim_ready(s, ready, 2), 5);
	ck_assert_int_eq(sim_quantum_left(s), -1);
	done(s);
}
END_TEST

/* A listener is taken only before the run starts, so it hears all of it;
 * one that is refused is told so and never called. */
START_TEST(test_listen_refused)
{
	sim_options o;
	rec r;
	sim *s;

	opts(&o, "fifo", 0, false);
	load(fcfs_wl);
	s = make(&o, &r);
	ck_assert_int_eq(sim_listen(s, NULL, NULL), -1);
	ck_assert_str_eq(sim_error(s), "sim_listen: no listener given");
	fail_realloc = true;
	ck_assert_int_eq(sim_listen(s, count_one, NULL), -1);
	ck_assert(!fail_realloc);
	ck_assert_str_eq(sim_error(s), "sim_listen: out of memory");
	seen = 0;
	ck_assert_int_eq(sim_step(s), 1);
	ck_assert_int_eq(sim_listen(s, count_one, NULL), -1);
	ck_assert_str_eq(sim_error(s), "sim_listen: the simulation has already started");
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(seen, 0);
	ck_assert_str_eq(r.gantt, "P1@0 P2@24 P3@27");
	done(s);
}
END_TEST

START_TEST(test_live_info)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "rr", 2, false);
	load("name arrival burst priority\nA 0 5 3\nB 1 1,io:4,2 7\n");
	s = make(&o, &r);
	while (sim_now(s) < 2 && sim_step(s) == 1)
		;
	/* at 2: A preempted after one quantum, B ready since 1 */
	info(s, 1, &ti);
	ck_assert_str_eq(ti.name, "B");
	ck_assert_int_eq(ti.state, SIM_T_READY);
	ck_assert_int_eq(ti.waiting, 1);
	ck_assert_int_eq(ti.response, -1);
	ck_assert_int_eq(ti.finish, -1);
	ck_assert_int_eq(ti.remaining, 3);
	ck_assert_int_eq(ti.base_priority, 7);
	info(s, 0, &ti);
	ck_assert_int_eq(ti.cpu, 2);
	ck_assert_int_eq(ti.remaining, 3);
	ck_assert_str_eq(sim_policy_name(s), "rr");
	ck_assert_int_eq(sim_options_int(sim_opts(s), "quantum"), 2);
	ck_assert_uint_eq(sim_nthreads(s), 2);
	info(s, 5, &ti);
	ck_assert_ptr_null(ti.name);
	ck_assert_int_eq(sim_run(s), 0);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.state, SIM_T_DONE);
	ck_assert_int_eq(ti.io, 4);
	done(s);
}
END_TEST

/* ---- scale ------------------------------------------------------------------------ */

START_TEST(test_huge_burst)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	/* a billion ticks cost one step; a quantum with nobody waiting costs nothing */
	opts(&o, "rr", 4, false);
	s = run_log("name arrival burst\nA 0 1000000000\nB 2000000000 1000000000,io:1000000000,5\n",
		    &o, &r);
	/* arrive dispatch exit idle arrive switch dispatch block idle wake dispatch exit end */
	ck_assert_int_eq(r.events, 13);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.finish, 4000000005);
	ck_assert_int_eq(sim_now(s), 4000000005);
	done(s);

	/* a worse thread waiting does not make prio's quanta matter */
	opts(&o, "prio", 2, false);
	s = run_log("name burst priority\nA 1000000000 1\nB 1 5\n", &o, &r);
	ck_assert_str_eq(r.gantt, "A@0 B@1000000000");
	ck_assert_int_eq(r.events, 8);
	done(s);
}
END_TEST

static char *many_text(int n, const char *burst)
{
	size_t cap = (size_t)n * 40 + 32, len = 0;
	char *text = malloc(cap);

	ck_assert_ptr_nonnull(text);
	len += (size_t)snprintf(text, cap, "name arrival burst\n");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len, "T%d %d %s\n", i, i % 7, burst);
	return text;
}

START_TEST(test_many_threads)
{
	int n = check_under_valgrind() ? 2000 : 100000;
	char *text = many_text(n, "1");
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "fifo", 0, false);
	s = run_log(text, &o, &r);
	ck_assert_int_eq(r.count[SIM_EV_EXIT], n);
	ck_assert_int_eq(r.count[SIM_EV_DISPATCH], n);
	ck_assert_uint_eq(sim_context_switches(s), (uint64_t)n - 1);
	ck_assert_int_eq(sim_now(s), n);
	/* arrival order: all at 0 first (T0, T7, ...), then at 1, ... */
	info(s, 7, &ti);
	ck_assert_int_eq(ti.finish, 2);
	info(s, 1, &ti);
	ck_assert_int_eq(ti.finish, (n + 6) / 7 + 1);
	done(s);
	free(text);
}
END_TEST

START_TEST(test_many_alive)
{
	/* all threads alive at once: each holds a green thread */
	int n = check_under_valgrind() ? 1000 : 10000;
	char *text = many_text(n, "2");
	sim_options o;
	rec r;
	sim *s;

	opts(&o, "rr", 1, false);
	s = run_log(text, &o, &r);
	ck_assert_int_eq(r.count[SIM_EV_EXIT], n);
	ck_assert_int_eq(r.count[SIM_EV_DISPATCH], 2 * n);
	ck_assert_int_eq(sim_now(s), 2 * n);
	done(s);
	free(text);
}
END_TEST

/* ---- C bodies ------------------------------------------------------------------------ */

static int body_self[4];
static sim *body_sim[4];

static void worker(void *arg)
{
	int i = (int)(intptr_t)arg;

	body_self[i] = sim_self();
	body_sim[i] = sim_self_sim();
	ck_assert_int_eq(sim_cpu(3), 0);
	ck_assert_int_eq(sim_io(2), 0);
	ck_assert_int_eq(sim_cpu(0), 0);
	ck_assert_int_eq(sim_io(0), 0);
	ck_assert_int_eq(sim_cpu(1), 0);
}

START_TEST(test_spawn)
{
	sim_options o;
	rec r;
	sim *s;
	sim_thread_info ti;

	opts(&o, "sjf", 0, false);
	load("name burst\nW 2\n");
	s = make(&o, &r);
	ck_assert_int_eq(sim_spawn(s, "c1", 0, 0, 4, worker, (void *)0), 0);
	ck_assert_int_eq(sim_spawn(s, "c2", 1, 0, -1, worker, (void *)1), 0);
	ck_assert_uint_eq(sim_nthreads(s), 3);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(body_self[0], 1);
	ck_assert_int_eq(body_self[1], 2);
	ck_assert_ptr_eq(body_sim[0], s);
	ck_assert_ptr_eq(body_sim[1], s);
	/* sjf: W (2) before c1 (expects 4) before c2 (unknown sorts last) */
	ck_assert_str_eq(r.gantt, "W@0 c1@2 c2@5 c1@8 c2@10");
	info(s, 1, &ti);
	ck_assert_str_eq(ti.name, "c1");
	ck_assert_int_eq(ti.cpu, 4);
	ck_assert_int_eq(ti.io, 2);
	ck_assert_int_eq(ti.finish, 9);
	ck_assert_int_eq(ti.waiting, 3);
	ck_assert_int_eq(ti.remaining, 0);
	info(s, 2, &ti);
	ck_assert_int_eq(ti.finish, 11);
	ck_assert_int_eq(ti.remaining, -1);
	ck_assert_int_eq(sim_spawn(s, "late", 0, 0, 1, worker, NULL), -1);
	ck_assert_str_eq(sim_error(s), "sim_spawn: 'late': the simulation has already started");
	done(s);
}
END_TEST

START_TEST(test_spawn_only)
{
	sim_options o;
	rec r;
	sim *s;

	opts(&o, "rr", 2, false);
	s = make_of(NULL, &o, &r);
	ck_assert_int_eq(sim_spawn(s, "x", 0, 0, -1, worker, (void *)2), 0);
	ck_assert_int_eq(sim_spawn(s, NULL, 0, 0, -1, worker, NULL), -1);
	ck_assert_str_eq(sim_error(s), "sim_spawn: no name given");
	ck_assert_int_eq(sim_spawn(s, "y", -1, 0, -1, worker, NULL), -1);
	ck_assert_str_eq(sim_error(s), "sim_spawn: negative arrival time");
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(r.gantt, "x@0 x@5");
	sim_free(s);

	/* nothing at all: the run ends at once */
	s = sim_new(NULL, NULL, err, sizeof err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(sim_step(s), 0);
	ck_assert_int_eq(sim_now(s), 0);
	sim_free(s);
}
END_TEST

/* Virtual time stops at SIM_TIME_MAX, the latest a trace may name: a
 * step past it fails the run instead of recording a time no reader takes
 * (issue 10, item 3). */
static void to_the_end(void *arg)
{
	int how = (int)(intptr_t)arg;

	ck_assert_int_eq(sim_cpu(SIM_TIME_MAX - 1), 0);
	if (how == 0)
		sim_cpu(2);
	else if (how == 1)
		sim_io(2);
	else
		sim_sleep(2);
}

START_TEST(test_time_max)
{
	static const char *const want[] = {
		"thread 'x': virtual time overflows at 4999999999999999999",
		"thread 'x': virtual time overflows at 4999999999999999999",
		"thread 'x': virtual time overflows at 4999999999999999999",
	};
	sim_options o;
	rec r;

	for (int how = 0; how < 3; how++) {
		sim *s;

		opts(&o, "fifo", 0, false);
		s = make_of(NULL, &o, &r);
		ck_assert_int_eq(sim_spawn(s, "x", 0, 0, -1, to_the_end, (void *)(intptr_t)how), 0);
		ck_assert_int_eq(sim_run(s), -1);
		ck_assert_str_eq(sim_error(s), want[how]);
		sim_free(s);
	}
}
END_TEST

static void yielder(void *arg)
{
	(void)arg;
	ck_assert_int_eq(sim_cpu(1), 0);
	ck_assert_int_eq(sim_yield(), 0);
	ck_assert_int_eq(sim_cpu(1), 0);
}

START_TEST(test_yield)
{
	sim_options o;
	rec r;
	sim *s;

	/* a yield hands over to the next ready thread; alone, it goes on */
	opts(&o, "fifo", 0, false);
	s = make_of(NULL, &o, &r);
	ck_assert_int_eq(sim_spawn(s, "a", 0, 0, 2, yielder, NULL), 0);
	ck_assert_int_eq(sim_spawn(s, "b", 0, 0, 2, yielder, NULL), 0);
	ck_assert_int_eq(sim_spawn(s, "c", 10, 0, 2, yielder, NULL), 0);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(r.gantt, "a@0 b@1 a@2 b@3 c@10 c@11");
	ck_assert(strstr(r.log, "1 preempt a 0 : yielded\n1 switch b 0\n"));
	ck_assert(strstr(r.log, "11 preempt c 0 : yielded\n11 dispatch c 0 : first come, "
			 "first served (ready since 11)\n12 exit c 0\n"));
	ck_assert_uint_eq(sim_context_switches(s), 4);
	sim_free(s);
	ck_assert_int_eq(sim_yield(), -1);
	ck_assert_str_eq(sim_error(NULL), "sim_yield: not called from a simulated thread");
}
END_TEST

static void bad_body(void *arg)
{
	(void)arg;
	sim_cpu(2);
	sim_cpu(-5);
	ck_abort_msg("sim_cpu(-5) returned");
}

START_TEST(test_runtime_failure)
{
	sim_options o;
	rec r;
	sim *s;

	opts(&o, "fifo", 0, false);
	load("name burst\nA 3\n");
	s = make(&o, &r);
	ck_assert_int_eq(sim_spawn(s, "bad", 0, 0, -1, bad_body, NULL), 0);
	ck_assert_int_eq(sim_run(s), -1);
	ck_assert_str_eq(sim_error(s), "thread 'bad': sim_cpu(-5): a negative tick count");
	ck_assert_int_eq(sim_now(s), 5);
	ck_assert_int_eq(sim_step(s), -1);
	ck_assert_int_eq(sim_run(s), -1);
	done(s);

	/* the runtime is free for the next simulation */
	opts(&o, "fifo", 0, false);
	s = run_log("name burst\nA 3\n", &o, &r);
	ck_assert_str_eq(r.gantt, "A@0");
	done(s);
}
END_TEST

START_TEST(test_outside)
{
	ck_assert_int_eq(sim_cpu(1), -1);
	ck_assert_str_eq(sim_error(NULL), "sim_cpu: not called from a simulated thread");
	ck_assert_int_eq(sim_io(1), -1);
	ck_assert_str_eq(sim_error(NULL), "sim_io: not called from a simulated thread");
	ck_assert_int_eq(sim_self(), -1);
	ck_assert_ptr_null(sim_self_sim());
	ck_assert_str_eq(sim_error(NULL), "sim_self_sim: not called from a simulated thread");
}
END_TEST

START_TEST(test_free_midway)
{
	sim_options o;
	rec r, r2;
	sim *s, *s2;

	/* threads preempted, blocked, paused and not yet started */
	opts(&o, "rr", 1, false);
	load("name arrival burst\nA 0 5\nB 0 1,io:9,1\nC 0 4\nD 50 1\n");
	s = make(&o, &r);
	for (int i = 0; i < 12; i++)
		ck_assert_int_eq(sim_step(s), 1);
	/* while it is paused, another simulation cannot start */
	s2 = make(&o, &r2);
	ck_assert_int_eq(sim_step(s2), -1);
	ck_assert_str_eq(sim_error(s2),
			 "another simulation is still running (rt_set_hook: threads are ready or running)");
	sim_free(s2);
	sim_free(s);
	s = make(&o, &r);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_str_eq(r.gantt, "A@0 B@1 C@2 A@3 C@4 A@5 C@6 A@7 C@8 A@9 B@11 D@50");
	done(s);
}
END_TEST

START_TEST(test_new_errors)
{
	sim_options o;

	load(fcfs_wl);
	opts(&o, "lottery", 0, false);
	ck_assert_ptr_null(sim_new(&wl, &o, err, sizeof err));
	ck_assert_str_eq(err, "unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)");
	/* values made in C are checked by the table as if read through it */
	opts(&o, "rr", 0, false);
	opt_defaults(&o.pol, pol_rr.opts, pol_rr.nopts);
	o.pol.v[0].i = -2;
	ck_assert_ptr_null(sim_new(&wl, &o, err, sizeof err));
	ck_assert_str_eq(err, "rr: invalid value '-2' for --quantum: expected a whole number "
	                 "from 1 to 1000000000000");
	opts(&o, "fifo", 0, false);
	o.switch_cost = -1;
	ck_assert_ptr_null(sim_new(&wl, &o, err, sizeof err));
	ck_assert_str_eq(err, "the switch cost must not be negative, not -1");
	ck_assert_str_eq(sim_ev_name(SIM_EV_ARRIVE), "arrive");
	ck_assert_str_eq(sim_ev_name(SIM_EV_PRIO), "prio");
	ck_assert_str_eq(sim_ev_name(SIM_EV_END), "end");
	ck_assert_str_eq(sim_ev_name(SIM_EV_KINDS), "?");
	wl_free(&wl);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("sim");
	TCase *tc = tcase_create("textbook");

	tcase_add_test(tc, test_fcfs);
	tcase_add_test(tc, test_sjf);
	tcase_add_test(tc, test_srtf);
	tcase_add_test(tc, test_priority);
	tcase_add_test(tc, test_rr);
	tcase_add_test(tc, test_priority_rr);
	suite_add_tcase(s, tc);

	tc = tcase_create("events");
	tcase_add_test(tc, test_io_block_wake);
	tcase_add_test(tc, test_idle_gaps);
	tcase_add_test(tc, test_same_instant_order);
	tcase_add_test(tc, test_switch_cost);
	tcase_add_test(tc, test_aging);
	tcase_add_test(tc, test_aging_preempts);
	tcase_add_test(tc, test_priority_order_high_first);
	tcase_add_test(tc, test_determinism);
	suite_add_tcase(s, tc);

	tc = tcase_create("live");
	tcase_add_test(tc, test_step_granularity);
	tcase_add_test(tc, test_listen_refused);
	tcase_add_test(tc, test_live_info);
	tcase_add_test(tc, test_ready_order);
	tcase_add_test(tc, test_free_midway);
	suite_add_tcase(s, tc);

	tc = tcase_create("scale");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_huge_burst);
	tcase_add_test(tc, test_many_threads);
	tcase_add_test(tc, test_many_alive);
	suite_add_tcase(s, tc);

	tc = tcase_create("bodies");
	tcase_add_test(tc, test_spawn);
	tcase_add_test(tc, test_spawn_only);
	tcase_add_test(tc, test_time_max);
	tcase_add_test(tc, test_yield);
	tcase_add_test(tc, test_runtime_failure);
	tcase_add_test(tc, test_outside);
	tcase_add_test(tc, test_new_errors);
	suite_add_tcase(s, tc);
	return s;
}
