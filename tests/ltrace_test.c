/* ltrace_test.c: the Linux trace import (suite "ltrace").
 *
 * The three samples in traces/ describe one scenario, worked out by hand
 * in doc/linux-traces.md; every figure asserted here comes from there. */
#include <config.h>

#include <check.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ltrace.h"
#include "ltrace_gen.h"

/* ---- running an import ------------------------------------------------ */

struct out {
	int rc;
	bool io_error;
	char err[512];
	char events[8192];      /* "TIME KIND THREAD REASON\n" per event */
	char bare[8192];        /* the same without reasons */
	char segs[4096];        /* "START-END THREAD\n" */
	size_t nevents;
	ltrace *lt;
};

static const char *kind_name(sim_ev_kind k)
{
	static const char *const names[SIM_EV_KINDS] = {
		"arrive", "dispatch", "preempt", "block", "wake", "exit",
		"idle", "switch", "prio", "end"
	};
	return names[k];
}

static void append(char *buf, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void append(char *buf, size_t cap, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	if (n < cap)
		vsnprintf(buf + n, cap - n, fmt, ap);
	va_end(ap);
}

static void on_event(void *ctx, const sim_event *ev)
{
	struct out *o = ctx;

	o->nevents++;
	append(o->events, sizeof o->events, "%" PRId64 " %s %d %s\n", ev->time,
	       kind_name(ev->kind), ev->thread, ev->reason);
	append(o->bare, sizeof o->bare, "%" PRId64 " %s %d\n", ev->time,
	       kind_name(ev->kind), ev->thread);
}

static void on_seg(void *ctx, const ltrace_segment *s)
{
	struct out *o = ctx;

	append(o->segs, sizeof o->segs, "%" PRId64 "-%" PRId64 " %d\n",
	       s->start, s->end, s->thread);
}

static struct out *import_file(FILE *f, const char *name, int cpu)
{
	struct out *o = calloc(1, sizeof *o);

	ck_assert_ptr_nonnull(o);
	o->lt = ltrace_new(cpu);
	ltrace_listen(o->lt, on_event, o);
	ltrace_on_segment(o->lt, on_seg, o);
	o->rc = ltrace_read(o->lt, f, name, &o->io_error, o->err, sizeof o->err);
	return o;
}

static struct out *import_text(const char *text, int cpu)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct out *o;

	ck_assert_ptr_nonnull(f);
	o = import_file(f, "t.trace", cpu);
	fclose(f);
	return o;
}

static struct out *import_sample(const char *file, int cpu)
{
	char path[1024];
	struct out *o = calloc(1, sizeof *o);

	ck_assert_ptr_nonnull(o);
	snprintf(path, sizeof path, "%s/traces/%s", SCHEDSIM_SRCDIR, file);
	o->lt = ltrace_new(cpu);
	ltrace_listen(o->lt, on_event, o);
	ltrace_on_segment(o->lt, on_seg, o);
	o->rc = ltrace_load(o->lt, path, &o->io_error, o->err, sizeof o->err);
	ck_assert_msg(o->rc == 0, "%s", o->err);
	return o;
}

static void out_free(struct out *o)
{
	ltrace_free(o->lt);
	free(o);
}

/* The error of a text that must fail, with no events delivered. */
static void fails(const char *text, const char *msg)
{
	struct out *o = import_text(text, -1);

	ck_assert_int_eq(o->rc, -1);
	ck_assert_int_eq(o->io_error, false);
	ck_assert_str_eq(o->err, msg);
	ck_assert_uint_eq(o->nevents, 0);
	out_free(o);
}

struct want {
	const char *name;
	int pid;
	int64_t arrival, finish, cpu, waiting, dispatches, preemptions, voluntary;
};

static void check_tasks(const ltrace *lt, const struct want *w, size_t n)
{
	ck_assert_uint_eq(ltrace_ntasks(lt), n);
	for (size_t i = 0; i < n; i++) {
		const ltrace_task *t = ltrace_task_at(lt, i);

		ck_assert_str_eq(t->name, w[i].name);
		ck_assert_int_eq(t->pid, w[i].pid);
		ck_assert_int_eq(t->arrival, w[i].arrival);
		ck_assert_int_eq(t->finish, w[i].finish);
		ck_assert_int_eq(t->cpu, w[i].cpu);
		ck_assert_int_eq(t->waiting, w[i].waiting);
		ck_assert_int_eq(t->dispatches, w[i].dispatches);
		ck_assert_int_eq(t->preemptions, w[i].preemptions);
		ck_assert_int_eq(t->voluntary, w[i].voluntary);
	}
	ck_assert_ptr_null(ltrace_task_at(lt, n));
}

/* ---- the samples: doc/linux-traces.md --------------------------------- */

static const struct want sample_cpu0[] = {
	{ "make",        1300,   0,  -1, 100, 250, 1, 1, 0 },
	{ "Web Content", 1201,  50,  -1, 390, 100, 3, 1, 2 },
	{ "cc1",         1310, 200, 420, 120, 100, 1, 0, 1 },
	{ "kworker/0:1",   11, 500,  -1, 290,  70, 3, 0, 2 },
};

static const char sample_bare[] =
	"0 arrive 0\n"
	"0 dispatch 0\n"
	"50 arrive 1\n"
	"100 preempt 0\n"
	"100 switch 1\n"
	"100 dispatch 1\n"
	"200 arrive 2\n"
	"300 block 1\n"
	"300 switch 2\n"
	"300 dispatch 2\n"
	"350 block 0\n"
	"420 exit 2\n"
	"420 idle -1\n"
	"500 arrive 3\n"
	"520 switch 3\n"
	"520 dispatch 3\n"
	"560 wake 1\n"
	"580 block 3\n"
	"580 switch 1\n"
	"580 dispatch 1\n"
	"650 wake 3\n"
	"700 preempt 1\n"
	"700 switch 3\n"
	"700 dispatch 3\n"
	"730 block 3\n"
	"730 switch 1\n"
	"730 dispatch 1\n"
	"800 block 1\n"
	"800 switch 3\n"
	"800 dispatch 3\n"
	"1000 end -1\n";

static const char sample_segs[] =
	"0-100 0\n"
	"100-300 1\n"
	"300-420 2\n"
	"420-520 -1\n"
	"520-580 3\n"
	"580-700 1\n"
	"700-730 3\n"
	"730-800 1\n"
	"800-1000 3\n";

/* The reasons name prev_state as each form prints it. */
static void expect_events(const struct out *o, const char *idle_state,
                          const char *dead_state)
{
	char want[4096];

	snprintf(want, sizeof want,
		 "0 arrive 0 running at the trace's start\n"
		 "0 dispatch 0 \n"
		 "50 arrive 1 sched_wakeup\n"
		 "100 preempt 0 prev_state=R+\n"
		 "100 switch 1 \n"
		 "100 dispatch 1 \n"
		 "200 arrive 2 sched_wakeup_new\n"
		 "300 block 1 prev_state=S\n"
		 "300 switch 2 \n"
		 "300 dispatch 2 \n"
		 "350 block 0 migrated to CPU 1\n"
		 "420 exit 2 prev_state=%s\n"
		 "420 idle -1 \n"
		 "500 arrive 3 sched_wakeup\n"
		 "520 switch 3 \n"
		 "520 dispatch 3 \n"
		 "560 wake 1 sched_wakeup\n"
		 "580 block 3 prev_state=%s\n"
		 "580 switch 1 \n"
		 "580 dispatch 1 \n"
		 "650 wake 3 sched_wakeup\n"
		 "700 preempt 1 prev_state=R\n"
		 "700 switch 3 \n"
		 "700 dispatch 3 \n"
		 "730 block 3 prev_state=D\n"
		 "730 switch 1 \n"
		 "730 dispatch 1 \n"
		 "800 block 1 prev_state=D\n"
		 "800 switch 3 \n"
		 "800 dispatch 3 \n"
		 "1000 end -1 \n", dead_state, idle_state);
	ck_assert_str_eq(o->events, want);
}

static void expect_sample(const struct out *o, ltrace_form form)
{
	ck_assert_int_eq(ltrace_cpu(o->lt), 0);
	ck_assert_int_eq(ltrace_form_of(o->lt), form);
	ck_assert_int_eq(ltrace_end(o->lt), 1000);
	check_tasks(o->lt, sample_cpu0, 4);
	ck_assert_str_eq(o->bare, sample_bare);
	ck_assert_str_eq(o->segs, sample_segs);
	ck_assert_uint_eq(ltrace_ncpus(o->lt), 2);
	const ltrace_cpuinfo *c0 = ltrace_cpu_at(o->lt, 0), *c1 = ltrace_cpu_at(o->lt, 1);
	ck_assert_int_eq(c0->cpu, 0);
	ck_assert_int_eq(c0->switches, 8);
	ck_assert_int_eq(c0->busy, 900);
	ck_assert_int_eq(c1->cpu, 1);
	ck_assert_int_eq(c1->switches, 4);
	ck_assert_int_eq(c1->busy, 420);
	ck_assert_ptr_null(ltrace_cpu_at(o->lt, 2));
}

static const struct {
	const char *file;
	ltrace_form form;
	const char *form_name, *idle_state, *dead_state;
} samples[] = {
	{ "linux-ftrace.txt", LTRACE_FTRACE, "ftrace", "I", "Z" },
	{ "linux-trace-cmd.txt", LTRACE_TRACE_CMD, "trace-cmd", "W", "X" },
	{ "linux-perf.txt", LTRACE_PERF, "perf script", "I", "Z" },
};

START_TEST(test_sample)
{
	struct out *o = import_sample(samples[_i].file, -1);

	expect_sample(o, samples[_i].form);
	expect_events(o, samples[_i].idle_state, samples[_i].dead_state);
	ck_assert_str_eq(ltrace_form_name(ltrace_form_of(o->lt)),
			 samples[_i].form_name);
	out_free(o);
}
END_TEST

START_TEST(test_samples_agree)
{
	for (int cpu = 0; cpu < 2; cpu++) {
		struct out *a = import_sample(samples[0].file, cpu);

		for (size_t f = 1; f < 3; f++) {
			struct out *b = import_sample(samples[f].file, cpu);

			ck_assert_str_eq(a->bare, b->bare);
			ck_assert_str_eq(a->segs, b->segs);
			ck_assert_uint_eq(ltrace_ntasks(a->lt), ltrace_ntasks(b->lt));
			for (size_t i = 0; i < ltrace_ntasks(a->lt); i++) {
				ltrace_task x = *ltrace_task_at(a->lt, i);
				ltrace_task y = *ltrace_task_at(b->lt, i);

				ck_assert_str_eq(x.name, y.name);
				x.name = y.name = NULL;
				ck_assert(!memcmp(&x, &y, sizeof x));
			}
			out_free(b);
		}
		out_free(a);
	}
}
END_TEST

START_TEST(test_sample_cpu1)
{
	static const struct want w[] = {
		{ "sshd", 900,   0, -1, 170, 10, 1, 0, 1 },
		{ "make", 1300, 350, -1, 250, 0, 1, 0, 1 },
	};
	struct out *o = import_sample("linux-ftrace.txt", 1);

	ck_assert_int_eq(ltrace_cpu(o->lt), 1);
	check_tasks(o->lt, w, 2);
	ck_assert_str_eq(o->events,
		"0 idle -1 \n"
		"0 arrive 0 sched_wakeup\n"
		"10 dispatch 0 \n"
		"180 block 0 prev_state=S\n"
		"180 idle -1 \n"
		"350 arrive 1 no wake-up seen\n"
		"350 switch 1 \n"
		"350 dispatch 1 \n"
		"600 block 1 prev_state=S\n"
		"600 idle -1 \n"
		"1000 wake 0 sched_wakeup\n"
		"1000 end -1 \n");
	ck_assert_str_eq(o->segs,
		"0-10 -1\n10-180 0\n180-350 -1\n350-600 1\n600-1000 -1\n");
	out_free(o);
}
END_TEST

START_TEST(test_cpu_without_switches)
{
	char path[1024];
	ltrace *lt = ltrace_new(5);
	char err[256];
	bool io = true;

	snprintf(path, sizeof path, "%s/traces/linux-trace-cmd.txt", SCHEDSIM_SRCDIR);
	ck_assert_int_eq(ltrace_load(lt, path, &io, err, sizeof err), -1);
	ck_assert_int_eq(io, false);
	ck_assert_ptr_nonnull(strstr(err, "linux-trace-cmd.txt: "));
	ck_assert_str_eq(strstr(err, ": no") + 2,
			 "no sched_switch events on CPU 5 (CPUs with some: 0, 1)");
	ltrace_free(lt);
}
END_TEST

START_TEST(test_missing_file)
{
	ltrace *lt = ltrace_new(-1);
	char err[256];
	bool io = true;

	ck_assert_int_eq(ltrace_load(lt, "/nonexistent/x.txt", &io, err, sizeof err), -1);
	ck_assert_int_eq(io, false);
	ck_assert_str_eq(err, "/nonexistent/x.txt: No such file or directory");
	ltrace_free(lt);
}
END_TEST

/* ---- robustness ----------------------------------------------------------- */

#define FT(cpu, ts, ev, payload) \
	"  x-1 [" cpu "] d..2. " ts ": " ev ": " payload "\n"
#define SW(cpu, ts, pc, pp, st, nc, np) \
	FT(cpu, ts, "sched_switch", "prev_comm=" pc " prev_pid=" pp \
	   " prev_prio=120 prev_state=" st " ==> next_comm=" nc " next_pid=" \
	   np " next_prio=120")
#define WK(cpu, ts, c, p, tgt) \
	FT(cpu, ts, "sched_wakeup", "comm=" c " pid=" p " prio=120 target_cpu=" tgt)

START_TEST(test_comm_names)
{
	/* Spaces, colons, slashes, brackets and even the arrow. */
	static const char ft[] =
		SW("000", "1.000000", "a ==> b", "5", "R", "c prev_pid=1 x", "6")
		SW("000", "1.000010", "c prev_pid=1 x", "6", "S", "kworker/u8:2", "7")
		WK("000", "1.000015", "x pid=3", "8", "000")
		SW("000", "1.000020", "kworker/u8:2", "7", "D", "swapper/0", "0");
	static const char tc[] =
		"  a-5 [000] 1.000000: sched_switch: a ==> b:5 [120] R ==> c:9 x [1]:6 [120]\n"
		"  a-6 [000] 1.000010: sched_switch: c:9 x [1]:6 [120] S ==> kworker/u8:2:7 [120]\n"
		"  a-6 [000] 1.000015: sched_wakeup: x pid=3:8 [120] CPU:000\n"
		"  a-7 [000] 1.000020: sched_switch: kworker/u8:2:7 [120] D ==> swapper/0:0 [120]\n";
	struct out *o = import_text(ft, -1), *p = import_text(tc, -1);
	static const struct want w1[] = {
		{ "a ==> b", 5, 0, -1, 0, 20, 1, 1, 0 },
		{ "c prev_pid=1 x", 6, 0, -1, 10, 0, 1, 0, 1 },
		{ "kworker/u8:2", 7, 10, -1, 10, 0, 1, 0, 1 },
		{ "x pid=3", 8, 15, -1, 0, 5, 0, 0, 0 },
	};
	static const struct want w2[] = {
		{ "a ==> b", 5, 0, -1, 0, 20, 1, 1, 0 },
		{ "c:9 x [1]", 6, 0, -1, 10, 0, 1, 0, 1 },
		{ "kworker/u8:2", 7, 10, -1, 10, 0, 1, 0, 1 },
		{ "x pid=3", 8, 15, -1, 0, 5, 0, 0, 0 },
	};

	ck_assert_msg(o->rc == 0, "%s", o->err);
	check_tasks(o->lt, w1, 4);
	ck_assert_msg(p->rc == 0, "%s", p->err);
	check_tasks(p->lt, w2, 4);
	ck_assert_int_eq(ltrace_form_of(p->lt), LTRACE_TRACE_CMD);
	out_free(o);
	out_free(p);
}
END_TEST

START_TEST(test_other_cpus_and_events)
{
	static const char t[] =
		SW("001", "2.000000", "b", "20", "R", "c", "21")
		SW("000", "2.000005", "a", "10", "S", "swapper/0", "0")
		FT("000", "2.000006", "sched_waking", "comm=a pid=10 prio=120 target_cpu=000")
		WK("001", "2.000007", "a", "10", "001")
		FT("000", "2.000008", "sched_stat_runtime", "comm=a pid=10 runtime=5 [ns]")
		FT("001", "2.000009", "sched_migrate_task", "comm=a pid=10 prio=120 orig_cpu=1 dest_cpu=0")
		WK("001", "2.000010", "a", "10", "000")
		SW("001", "2.000011", "c", "21", "R", "b", "20")
		SW("000", "2.000012", "swapper/0", "0", "R", "a", "10");
	static const struct want w[] = {
		{ "a", 10, 0, -1, 5, 2, 2, 0, 1 },
	};
	struct out *o = import_text(t, 0);

	ck_assert_msg(o->rc == 0, "%s", o->err);
	check_tasks(o->lt, w, 1);
	ck_assert_str_eq(o->segs, "0-5 0\n5-12 -1\n");
	out_free(o);
}
END_TEST

/* ---- malformed input ------------------------------------------------------ */

START_TEST(test_not_a_trace)
{
	fails("hello world\n", "t.trace:1:1: not a schedsim or Linux scheduling trace");
	fails("", "t.trace:1:1: not a schedsim or Linux scheduling trace");
	fails("\n\n  \n", "t.trace:1:1: not a schedsim or Linux scheduling trace");
	fails("\n\nname arrival burst\n",
	      "t.trace:3:1: not a schedsim or Linux scheduling trace");
}
END_TEST

static Suite *ltrace_suite(void)
{
	Suite *s = suite_create("ltrace");
	TCase *tc = tcase_create("samples");

	tcase_add_loop_test(tc, test_sample, 0, 3);
	tcase_add_test(tc, test_samples_agree);
	tcase_add_test(tc, test_sample_cpu1);
	tcase_add_test(tc, test_cpu_without_switches);
	tcase_add_test(tc, test_missing_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("robust");
	tcase_add_test(tc, test_comm_names);
	tcase_add_test(tc, test_other_cpus_and_events);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_add_test(tc, test_not_a_trace);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(ltrace_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
