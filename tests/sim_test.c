/* sim_test.c: the Check suite of the simulation engine, on workloads
 * parsed from strings and on C bodies. */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "workload.h"

static int valgrind(void)
{
	const char *v = getenv("SCHEDSIM_VALGRIND");

	return v && *v && strcmp(v, "0");
}

static int forking(void)
{
	const char *v = getenv("CK_FORK");

	return !v || strcmp(v, "no");
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

static sim *make(const sim_options *o, rec *r)
{
	sim *s = sim_new(&wl, o, err, sizeof err);

	ck_assert_msg(s != NULL, "sim_new: %s", err);
	memset(r, 0, sizeof *r);
	r->s = s;
	sim_listen(s, on_event, r);
	return s;
}

static void opts(sim_options *o, const char *policy, int64_t quantum, bool preemptive)
{
	sim_options_default(o);
	o->policy = policy;
	o->quantum = quantum;
	o->preemptive = preemptive;
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

static Suite *suite(void)
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
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	(void)valgrind;
	(void)forking;
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
