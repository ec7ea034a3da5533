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

#include "check_main.h"
#include "ltrace/ltrace.h"
#include "ltrace/ltrace_gen.h"

/* ---- running an import ------------------------------------------------ */

struct out {
	int rc;
	bool io_error;
	char err[512];
	char events[8192];      /* "TIME KIND THREAD REASON\n" per event */
	char bare[8192];        /* the same without reasons */
	char segs[4096];        /* "START-END THREAD\n" */
	size_t nevents;
	int started;            /* on_start calls */
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

/* An import of cpu that records what it is told. */
static struct out *new_out(int cpu)
{
	struct out *o = calloc(1, sizeof *o);

	ck_assert_ptr_nonnull(o);
	o->lt = ltrace_new(cpu);
	ck_assert_ptr_nonnull(o->lt);
	ltrace_listen(o->lt, on_event, o);
	ltrace_on_segment(o->lt, on_seg, o);
	return o;
}

static struct out *import_file(FILE *f, const char *name, int cpu)
{
	struct out *o = new_out(cpu);

	o->rc = ltrace_read(o->lt, f, name, &o->io_error, o->err, sizeof o->err);
	return o;
}

static struct out *try_text(const char *text, int cpu)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct out *o;

	ck_assert_ptr_nonnull(f);
	o = import_file(f, "t.trace", cpu);
	fclose(f);
	return o;
}

/* A text that must import. */
static struct out *import_text(const char *text, int cpu)
{
	struct out *o = try_text(text, cpu);

	return o;
}

static struct out *import_sample(const char *file, int cpu)
{
	char path[1024];
	struct out *o = new_out(cpu);

	snprintf(path, sizeof path, "%s/traces/%s", SCHEDSIM_SRCDIR, file);
	o->rc = ltrace_load(o->lt, path, &o->io_error, o->err, sizeof o->err);
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
	struct out *o = try_text(text, -1);

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

/* Lines of raw ftrace, for the small cases. */
#define FT(cpu, ts, ev, payload) \
	"  x-1 [" cpu "] d..2. " ts ": " ev ": " payload "\n"
#define SW(cpu, ts, pc, pp, st, nc, np) \
	FT(cpu, ts, "sched_switch", "prev_comm=" pc " prev_pid=" pp \
	   " prev_prio=120 prev_state=" st " ==> next_comm=" nc " next_pid=" \
	   np " next_prio=120")
#define LINE1 SW("000", "1.000000", "a", "10", "R", "b", "11")
#define WK(cpu, ts, c, p, tgt) \
	FT(cpu, ts, "sched_wakeup", "comm=" c " pid=" p " prio=120 target_cpu=" tgt)

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
	"800 wake 3\n"
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
		 "800 wake 3 no wake-up seen\n"
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

/* A real recording (doc/linux-traces.md says how).  "ls" and "sleep" were
 * worked out by hand from the lines; the rest is its golden output, and
 * the tasks' CPU times add up to CPU 1's busy time. */
START_TEST(test_recorded_perf)
{
	static const struct want w[] = {
		{ "perf", 4937, 0, -1, 5483, 2, 3, 0, 2 },
		{ "sh", 5055, 5401, 49475, 2862, 15045, 7, 1, 6 },
		{ "cc1", 5045, 7056, -1, 16118, 34126, 5, 5, 0 },
		{ "rcu_preempt", 15, 9266, -1, 58, 49, 7, 0, 7 },
		{ "memcheck-amd64-", 29553, 9280, -1, 13487, 34533, 4, 4, 0 },
		{ "cc1", 5046, 13254, -1, 12007, 32039, 3, 3, 0 },
		{ "yes", 5057, 22191, 49387, 5235, 21961, 3, 2, 1 },
		{ "sleep", 5058, 22252, 41439, 1016, 13117, 2, 0, 2 },
		{ "ls", 5059, 41570, 42590, 1014, 6, 2, 1, 1 },
		{ "migration/1", 21, 49515, -1, 12, 1, 1, 0, 1 },
		{ "ksoftirqd/1", 22, 57287, -1, 8, 5, 1, 0, 1 },
	};
	struct out *o = import_sample("linux-perf-recorded.txt", -1);
	int64_t sum = 0;

	/* Both CPUs were busy all along: CPU 1 switched more. */
	ck_assert_int_eq(ltrace_cpu(o->lt), 1);
	ck_assert_int_eq(ltrace_form_of(o->lt), LTRACE_PERF);
	ck_assert_int_eq(ltrace_end(o->lt), 57300);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 0)->busy, 57300);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 0)->switches, 20);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 1)->busy, 57300);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 1)->switches, 37);
	check_tasks(o->lt, w, sizeof w / sizeof *w);
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		sum += w[i].cpu;
	ck_assert_int_eq(sum, 57300);
	out_free(o);
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

/* Before the first event, the whole table is known: a report can list
 * the threads first. */
static void on_start(void *ctx, const ltrace *lt)
{
	struct out *o = ctx;

	ck_assert_uint_eq(o->nevents, 0);
	ck_assert_int_eq(ltrace_cpu(lt), 0);
	ck_assert_int_eq(ltrace_end(lt), 1000);
	ck_assert_uint_eq(ltrace_ncpus(lt), 2);
	check_tasks(lt, sample_cpu0, 4);
	o->started++;
}

START_TEST(test_start_callback)
{
	for (int cpu = -1; cpu <= 0; cpu++) {
		struct out *o = new_out(cpu);
		char path[1024];

		snprintf(path, sizeof path, "%s/traces/linux-ftrace.txt", SCHEDSIM_SRCDIR);
		ltrace_on_start(o->lt, on_start, o);
		ck_assert_int_eq(ltrace_load(o->lt, path, NULL, o->err, sizeof o->err), 0);
		ck_assert_int_eq(o->started, 1);
		ck_assert_str_eq(o->bare, sample_bare);
		out_free(o);
	}
}
END_TEST

START_TEST(test_all_or_nothing)
{
	/* A bad line at the end: no event at all, CPU given or not. */
	static const char t[] =
		SW("000", "1.000000", "a", "10", "R", "b", "11")
		SW("000", "1.000001", "b", "11", "R", "a", "10")
		"  x-1 [000] 1.000002: sched_switch: broken\n";

	for (int cpu = -1; cpu <= 0; cpu++) {
		struct out *o = try_text(t, cpu);

		ck_assert_int_eq(o->rc, -1);
		ck_assert_str_eq(o->err, "t.trace:3:37: sched_switch: expected "
				 "'COMM:PID [PRIO] STATE ==> COMM:PID [PRIO]'");
		ck_assert_uint_eq(o->nevents, 0);
		ck_assert_uint_eq(ltrace_ntasks(o->lt), 0);
		out_free(o);
	}
}
END_TEST

START_TEST(test_cpu_without_switches)
{
	char path[1024], want[1200];
	ltrace *lt = ltrace_new(5);
	char err[1200];
	bool io = true;

	snprintf(path, sizeof path, "%s/traces/linux-trace-cmd.txt", SCHEDSIM_SRCDIR);
	snprintf(want, sizeof want,
		 "%s: no sched_switch events on CPU 5 (CPUs with some: 0, 1)", path);
	ck_assert_int_eq(ltrace_load(lt, path, &io, err, sizeof err), -1);
	ck_assert_int_eq(io, false);
	ck_assert_str_eq(err, want);
	ltrace_free(lt);
}
END_TEST

START_TEST(test_no_temporary_file)
{
	/* A failure of the system, not of the input: exit status 1. */
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	struct out *o;

	setenv("TMPDIR", "/nonexistent-dir", 1);
	o = try_text(SW("000", "1.000000", "a", "10", "R", "b", "11"), -1);
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	ck_assert_int_eq(o->rc, -1);
	ck_assert_int_eq(o->io_error, true);
	ck_assert_str_eq(o->err, "t.trace: cannot make a temporary file in "
			 "/nonexistent-dir: No such file or directory");
	ck_assert_uint_eq(o->nevents, 0);
	out_free(o);
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

	check_tasks(o->lt, w1, 4);
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

	check_tasks(o->lt, w, 1);
	ck_assert_str_eq(o->segs, "0-5 0\n5-12 -1\n");
	out_free(o);
}
END_TEST

START_TEST(test_state_alphabets)
{
	/* Each state a task can leave the CPU in, then dead. */
	static const char ft[] =
		SW("000", "1.000000", "a", "10", "S", "swapper/0", "0")
		SW("000", "1.000001", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000002", "a", "10", "D|K", "swapper/0", "0")
		SW("000", "1.000003", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000004", "a", "10", "R+", "swapper/0", "0")
		SW("000", "1.000005", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000006", "a", "10", "I", "swapper/0", "0")
		SW("000", "1.000007", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000008", "a", "10", "T", "swapper/0", "0")
		SW("000", "1.000009", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000010", "a", "10", "t", "swapper/0", "0")
		SW("000", "1.000011", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000012", "a", "10", "P", "swapper/0", "0")
		SW("000", "1.000013", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000014", "a", "10", "R", "swapper/0", "0")
		SW("000", "1.000015", "swapper/0", "0", "R", "a", "10")
		SW("000", "1.000016", "a", "10", "Z", "swapper/0", "0")
		SW("000", "1.000017", "swapper/0", "0", "R", "b", "11")
		SW("000", "1.000018", "b", "11", "x", "swapper/0", "0");
	/* trace-cmd's older alphabet: W for I, X for Z. */
	static const char tc[] =
		"  a-10 [000] 1.000000: sched_switch: a:10 [120] W ==> swapper/0:0 [120]\n"
		"  a-0 [000] 1.000001: sched_switch: swapper/0:0 [120] R ==> a:10 [120]\n"
		"  a-10 [000] 1.000002: sched_switch: a:10 [120] R+ ==> swapper/0:0 [120]\n"
		"  a-0 [000] 1.000003: sched_switch: swapper/0:0 [120] R ==> a:10 [120]\n"
		"  a-10 [000] 1.000004: sched_switch: a:10 [120] X ==> swapper/0:0 [120]\n";
	static const struct want w[] = {
		{ "a", 10, 0, 16, 8, 2, 9, 2, 7 },
		{ "b", 11, 17, 18, 1, 0, 1, 0, 1 },
	};
	static const struct want wt[] = {
		{ "a", 10, 0, 4, 2, 1, 3, 1, 2 },
	};
	struct out *o = import_text(ft, -1), *t = import_text(tc, -1);

	check_tasks(o->lt, w, 2);
	ck_assert_ptr_nonnull(strstr(o->events,
		"0 block 0 prev_state=S\n"));
	ck_assert_ptr_nonnull(strstr(o->events, "2 block 0 prev_state=D|K\n"));
	ck_assert_ptr_nonnull(strstr(o->events, "4 preempt 0 prev_state=R+\n"));
	ck_assert_ptr_nonnull(strstr(o->events, "16 exit 0 prev_state=Z\n"));
	ck_assert_ptr_nonnull(strstr(o->events, "18 exit 1 prev_state=x\n"));
	check_tasks(t->lt, wt, 1);
	ck_assert_str_eq(t->events,
		"0 arrive 0 running at the trace's start\n"
		"0 dispatch 0 \n"
		"0 block 0 prev_state=W\n"
		"0 idle -1 \n"
		"1 wake 0 no wake-up seen\n"
		"1 dispatch 0 \n"
		"2 preempt 0 prev_state=R+\n"
		"2 idle -1 \n"
		"3 dispatch 0 \n"
		"4 exit 0 prev_state=X\n"
		"4 idle -1 \n"
		"4 end -1 \n");
	out_free(o);
	out_free(t);
}
END_TEST

START_TEST(test_headers_and_blank_lines)
{
	/* What the tools print around events, blank lines, CRLF endings. */
	static const char t[] =
		"version = 6\r\n"
		"cpus=2\r\n"
		"CPU 1 is empty\r\n"
		"\r\n"
		"  a-10 [000] 5.000000: sched_switch: a:10 [120] S ==> b:11 [120]\r\n"
		"CPU:0 [LOST 12 EVENTS]\r\n"
		"   \t \r\n"
		"##### CPU 1 buffer started ####\r\n"
		"# a comment\r\n"
		"  b-11 [000] 5.000100: sched_switch: b:11 [120] R ==> swapper/0:0 [120]";
	static const struct want w[] = {
		{ "a", 10, 0, -1, 0, 0, 1, 0, 1 },
		{ "b", 11, 0, -1, 100, 0, 1, 1, 0 },
	};
	struct out *o = import_text(t, -1);

	check_tasks(o->lt, w, 2);
	ck_assert_int_eq(ltrace_end(o->lt), 100);
	ck_assert_uint_eq(ltrace_ncpus(o->lt), 1);
	out_free(o);
}
END_TEST

START_TEST(test_pipe)
{
	char path[1024], buf[8192];
	int fd[2];
	FILE *in, *f;
	size_t n;

	snprintf(path, sizeof path, "%s/traces/linux-perf.txt", SCHEDSIM_SRCDIR);
	in = fopen(path, "r");
	ck_assert_ptr_nonnull(in);
	n = fread(buf, 1, sizeof buf, in);
	fclose(in);
	ck_assert_uint_lt(n, sizeof buf);
	ck_assert_int_eq(pipe(fd), 0);
	ck_assert_int_eq(write(fd[1], buf, n), (ssize_t)n);
	close(fd[1]);
	f = fdopen(fd[0], "r");
	ck_assert_ptr_nonnull(f);
	struct out *o = import_file(f, "<stdin>", -1);
	fclose(f);
	ck_assert_msg(o->rc == 0, "%s", o->err);
	expect_sample(o, LTRACE_PERF);
	out_free(o);
}
END_TEST

START_TEST(test_first_line_read_already)
{
	/* A caller that read the first line to tell the format hands it
	 * back with the rest of the stream. */
	char path[1024], *head = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;
	struct out *o = new_out(-1), *bad = new_out(-1);
	static const char rest[] = "\n  x-1 [000] 1.000002: sched_switch: broken\n";

	snprintf(path, sizeof path, "%s/traces/linux-trace-cmd.txt", SCHEDSIM_SRCDIR);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = getline(&head, &cap, f);
	ck_assert_int_eq(n, 7);
	ck_assert_str_eq(head, "cpus=4\n");
	o->rc = ltrace_read_after(o->lt, head, (size_t)n, f, "t", NULL, o->err,
				  sizeof o->err);
	fclose(f);
	ck_assert_msg(o->rc == 0, "%s", o->err);
	expect_sample(o, LTRACE_TRACE_CMD);
	/* Line numbers count from the head's line. */
	f = fmemopen((void *)rest, sizeof rest - 1, "r");
	ck_assert_ptr_nonnull(f);
	bad->rc = ltrace_read_after(bad->lt, LINE1, sizeof LINE1 - 1, f, "t", NULL,
				    bad->err, sizeof bad->err);
	fclose(f);
	ck_assert_int_eq(bad->rc, -1);
	ck_assert_str_eq(bad->err, "t:3:37: sched_switch: expected "
			 "'COMM:PID [PRIO] STATE ==> COMM:PID [PRIO]'");
	free(head);
	out_free(o);
	out_free(bad);
}
END_TEST

START_TEST(test_exit_and_pid_reuse)
{
	/* sched_process_exit makes the next switch-out an exit, whatever
	 * its state; a pid seen again after an exit is a new thread. */
	static const char t[] =
		FT("000", "1.000000", "sched_process_exit", "comm=a pid=10 prio=120 group_dead=1")
		SW("000", "1.000002", "a", "10", "S", "b", "11")
		WK("000", "1.000003", "a", "10", "000")
		FT("000", "1.000004", "sched_process_exit", "comm=b pid=11 prio=120")
		SW("000", "1.000006", "b", "11", "R", "a", "10")
		SW("000", "1.000009", "a", "10", "S", "b", "11")
		SW("000", "1.000010", "b", "11", "D", "swapper/0", "0");
	static const struct want w[] = {
		{ "a", 10, 0, 2, 2, 0, 1, 0, 1 },
		{ "b", 11, 2, 10, 5, 3, 2, 1, 1 },
		{ "a", 10, 3, -1, 3, 3, 1, 0, 1 },
	};
	struct out *o = import_text(t, -1);

	check_tasks(o->lt, w, 3);
	ck_assert_str_eq(o->events,
		"0 arrive 0 running at the trace's start\n"
		"0 dispatch 0 \n"
		"2 exit 0 prev_state=S\n"
		"2 arrive 1 no wake-up seen\n"
		"2 switch 1 \n"
		"2 dispatch 1 \n"
		"3 arrive 2 sched_wakeup\n"
		"6 preempt 1 prev_state=R\n"
		"6 switch 2 \n"
		"6 dispatch 2 \n"
		"9 block 2 prev_state=S\n"
		"9 switch 1 \n"
		"9 dispatch 1 \n"
		"10 exit 1 prev_state=D\n"
		"10 idle -1 \n"
		"10 end -1 \n");
	out_free(o);
}
END_TEST

START_TEST(test_lost_events)
{
	/* A switch whose prev is not the task running here: the running
	 * one leaves then, counted neither preempted nor voluntary. */
	static const char t[] =
		SW("000", "1.000000", "a", "10", "R", "b", "11")
		SW("000", "1.000005", "c", "12", "S", "a", "10");
	static const struct want w[] = {
		{ "a", 10, 0, -1, 0, 5, 2, 1, 0 },
		{ "b", 11, 0, -1, 5, 0, 1, 0, 0 },
	};
	struct out *o = import_text(t, -1);

	check_tasks(o->lt, w, 2);
	ck_assert_ptr_nonnull(strstr(o->events,
		"5 block 1 switched out unseen (events lost)\n5 switch 0 \n"));
	out_free(o);
}
END_TEST

START_TEST(test_wakeups_before_the_first_switch)
{
	/* CPU 0 switches first at 5: wake-ups before it are held, one that
	 * ran elsewhere meanwhile is dropped, the running task's ignored. */
	static const char t[] =
		WK("001", "1.000000", "b", "11", "000")
		WK("001", "1.000001", "c", "12", "000")
		WK("001", "1.000002", "a", "10", "000")
		SW("001", "1.000003", "swapper/1", "0", "R", "c", "12")
		WK("001", "1.000004", "b", "11", "000")
		SW("000", "1.000005", "a", "10", "S", "b", "11");
	static const struct want w[] = {
		{ "a", 10, 0, -1, 5, 0, 1, 0, 1 },
		{ "b", 11, 0, -1, 0, 5, 1, 0, 0 },
	};
	/* CPU 0 given, or chosen as the busiest (5 us against 2). */
	for (int cpu = -1; cpu <= 0; cpu++) {
		struct out *o = import_text(t, cpu);

		ck_assert_int_eq(ltrace_cpu(o->lt), 0);
		check_tasks(o->lt, w, 2);
		ck_assert_str_eq(o->events,
			"0 arrive 0 running at the trace's start\n"
			"0 dispatch 0 \n"
			"0 arrive 1 sched_wakeup\n"
			"5 block 0 prev_state=S\n"
			"5 switch 1 \n"
			"5 dispatch 1 \n"
			"5 end -1 \n");
		out_free(o);
	}
}
END_TEST

START_TEST(test_held_wakeups_keep_their_order)
{
	/* Held wake-ups are replayed in the order they came: one dropped
	 * (c ran on CPU 1) and held again comes last, at its new time; a
	 * second wake-up of a held task (b) changes nothing. */
	static const char t[] =
		WK("001", "1.000000", "b", "11", "000")
		WK("001", "1.000001", "c", "12", "000")
		WK("001", "1.000002", "d", "13", "000")
		SW("001", "1.000003", "swapper/1", "0", "R", "c", "12")
		WK("001", "1.000004", "c", "12", "000")
		WK("001", "1.000005", "b", "11", "000")
		SW("000", "1.000006", "a", "10", "S", "b", "11");
	struct out *o = import_text(t, 0);

	ck_assert_str_eq(o->events,
		"0 arrive 0 running at the trace's start\n"
		"0 dispatch 0 \n"
		"0 arrive 1 sched_wakeup\n"
		"2 arrive 2 sched_wakeup\n"
		"4 arrive 3 sched_wakeup\n"
		"6 block 0 prev_state=S\n"
		"6 switch 1 \n"
		"6 dispatch 1 \n"
		"6 end -1 \n");
	ck_assert_str_eq(ltrace_task_at(o->lt, 2)->name, "d");
	ck_assert_str_eq(ltrace_task_at(o->lt, 3)->name, "c");
	out_free(o);
}
END_TEST

START_TEST(test_migration_among_many_cpus)
{
	/* A task left waiting on CPU 5 runs on CPU 3 (while CPUs 0 to 6 have
	 * all switched): followed as the busiest, CPU 5 sees it migrate just
	 * as when it is the CPU given; and then one that only woke there. */
	static const char t[] =
		SW("000", "1.000000", "swapper/0", "0", "R", "swapper/0", "0")
		SW("001", "1.000000", "swapper/1", "0", "R", "swapper/1", "0")
		SW("002", "1.000000", "swapper/2", "0", "R", "swapper/2", "0")
		SW("004", "1.000000", "swapper/4", "0", "R", "swapper/4", "0")
		SW("006", "1.000000", "swapper/6", "0", "R", "swapper/6", "0")
		SW("005", "1.000001", "a", "10", "R", "b", "11")
		SW("003", "1.000003", "swapper/3", "0", "R", "a", "10")
		WK("001", "1.000003", "c", "12", "005")
		SW("004", "1.000004", "swapper/4", "0", "R", "c", "12")
		SW("005", "1.000009", "b", "11", "S", "swapper/5", "0");
	static const char want[] =
		"0 arrive 0 running at the trace's start\n"
		"0 dispatch 0 \n"
		"1 preempt 0 prev_state=R\n"
		"1 arrive 1 no wake-up seen\n"
		"1 switch 1 \n"
		"1 dispatch 1 \n"
		"3 block 0 migrated to CPU 3\n"
		"3 arrive 2 sched_wakeup\n"
		"4 block 2 migrated to CPU 4\n"
		"9 block 1 prev_state=S\n"
		"9 idle -1 \n"
		"9 end -1 \n";

	for (int cpu = -1; cpu <= 5; cpu += 6) {
		struct out *o = import_text(t, cpu);

		ck_assert_int_eq(o->rc, 0);
		ck_assert_int_eq(ltrace_cpu(o->lt), 5);
		ck_assert_str_eq(o->events, want);
		out_free(o);
	}
}
END_TEST

START_TEST(test_busiest_ties)
{
	/* CPUs 0 and 2 are both busy all along; 2 has more switches. */
	static const char t[] =
		SW("000", "1.000000", "a", "10", "R", "b", "11")
		SW("002", "1.000000", "c", "12", "R", "d", "13")
		SW("002", "1.000004", "d", "13", "R", "c", "12")
		SW("001", "1.000008", "e", "14", "S", "swapper/1", "0");
	static const char u[] =
		SW("003", "1.000000", "a", "10", "R", "b", "11")
		SW("001", "1.000004", "c", "12", "R", "d", "13");
	struct out *o = import_text(t, -1), *p = import_text(u, -1);

	ck_assert_int_eq(ltrace_cpu(o->lt), 2);
	ck_assert_uint_eq(ltrace_ncpus(o->lt), 3);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 0)->busy, 8);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 1)->busy, 8);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 2)->busy, 8);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 2)->cpu, 2);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 2)->switches, 2);
	/* Equal busy time and switches: the lower number. */
	ck_assert_int_eq(ltrace_cpu(p->lt), 1);
	ck_assert_int_eq(ltrace_cpu_at(p->lt, 1)->cpu, 3);
	out_free(o);
	out_free(p);
}
END_TEST

START_TEST(test_perf_groups_and_timestamps)
{
	/* Other groups and events are passed over; nanosecond timestamps
	 * are truncated, short fractions are tenths and hundredths. */
	static const char t[] =
		"  perf 10/10 [000] 7.0000005: irq:irq_handler_entry: irq=24 name=x\n"
		"  perf    10 [000] 7.000001999: sched:sched_switch: prev_comm=perf prev_pid=10 prev_prio=120 prev_state=R ==> next_comm=b next_pid=11 next_prio=120\n"
		"     b    11 [000] 7.000009: sched:sched_stat_runtime: comm=b pid=11 runtime=8000 [ns] vruntime=1 [ns]\n"
		"     b    11 [000] 7.01: sched:sched_switch: prev_comm=b prev_pid=11 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120\n"
		"     b    11 [000] 7.1: sched:sched_migrate_task: comm=b pid=11\n";
	static const struct want w[] = {
		{ "perf", 10, 0, -1, 1, 99999, 1, 1, 0 },
		{ "b", 11, 1, -1, 9999, 0, 1, 0, 1 },
	};
	struct out *o = import_text(t, -1);

	ck_assert_int_eq(ltrace_form_of(o->lt), LTRACE_PERF);
	ck_assert_int_eq(ltrace_end(o->lt), 100000);
	check_tasks(o->lt, w, 2);
	out_free(o);
}
END_TEST

START_TEST(test_sniff)
{
	static const char *const yes[] = {
		"# tracer: nop",
		"cpus=4",
		"version = 6",
		"CPU 3 is empty",
		"  yes-4164 [000] d..2. 192.091591: sched_switch: prev_comm=yes prev_pid=4164 prev_prio=120 prev_state=R ==> next_comm=timeout next_pid=4160 next_prio=120",
		"  perf 4445 [000] 202.363456: sched:sched_wakeup: comm=a pid=1 prio=120 target_cpu=000",
		"  bash-4151 [000] 192.079792: irq_handler_entry: irq=1 name=x",
	};
	static const char *const no[] = {
		"", "# schedsim trace 1", "name arrival burst", "hello",
		"  yes-4164 [000] d..2. 192.091591: sched_switch: prev_comm=yes",
	};

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		ck_assert_msg(ltrace_sniff(yes[i], strlen(yes[i])), "%s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!ltrace_sniff(no[i], strlen(no[i])), "%s", no[i]);
}
END_TEST

/* ---- a large generated trace (ltrace/ltrace_gen.h) ----------------------- */

static long max_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

START_TEST(test_large_trace)
{
	/* 1,000,000 lines, 134 MB of text, generated as they are read; under
	 * valgrind fewer, with the same assertions. */
	uint64_t n = getenv("SCHEDSIM_VALGRIND") ? 20000 : 1000000;
	const int T = LTRACE_GEN_TASKS;
	int64_t S = (int64_t)n / 4, end = LTRACE_GEN_STEP * ((int64_t)n - 1);
	long rss0 = max_rss_kib();
	FILE *f = ltrace_gen_open(n);
	struct out *o;

	ck_assert_ptr_nonnull(f);
	o = import_file(f, "gen", -1);
	fclose(f);
	ck_assert_msg(o->rc == 0, "%s", o->err);
	ck_assert_int_eq(ltrace_cpu(o->lt), 0);
	ck_assert_int_eq(ltrace_end(o->lt), end);
	ck_assert_uint_eq(o->nevents, (size_t)(3 * S + T + 2));
	ck_assert_uint_eq(ltrace_ntasks(o->lt), (size_t)T);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 0)->busy, end);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 0)->switches, S);
	ck_assert_int_eq(ltrace_cpu_at(o->lt, 1)->switches, S);
	/* Switch j, at 40j, preempts task j%T for task (j+1)%T: a task
	 * preempted at j runs again at j+T-1, or waits to the end. */
	for (int k = 0; k < T; k++) {
		const ltrace_task *t = ltrace_task_at(o->lt, (size_t)k);
		int64_t disp = k == 0, pre = 0, wait = 0;
		char name[32];

		for (int64_t j = 0; j < S; j++) {
			if ((j + 1) % T == k)
				disp++;
			if (j % T == k) {
				pre++;
				wait += j + T - 1 < S ? 40 * (T - 1) : end - 40 * j;
			}
		}
		snprintf(name, sizeof name, "worker %d", k);
		ck_assert_str_eq(t->name, name);
		ck_assert_int_eq(t->pid, 1000 + k);
		ck_assert_int_eq(t->arrival, k == 0 ? 0 : 40 * (k - 1));
		ck_assert_int_eq(t->dispatches, disp);
		ck_assert_int_eq(t->preemptions, pre);
		ck_assert_int_eq(t->voluntary, 0);
		ck_assert_int_eq(t->cpu, 40 * (pre - (k == 0)) +
				 (k == S % T ? end - 40 * (S - 1) : 0));
		ck_assert_int_eq(t->waiting, wait);
	}
	/* Memory held grows with tasks and CPUs, not lines: a few KiB here,
	 * and the process grew by far less than the text read. */
	ck_assert_uint_lt(ltrace_memory(o->lt), 16 * 1024);
	ck_assert_int_lt(max_rss_kib() - rss0, 24 * 1024);
	out_free(o);
}
END_TEST

/* ---- the spool's record widths ------------------------------------------- */

/* Events wait in a spool whose records are packed by size: thread
 * indexes past 8 and 16 bits, steps in time past 16 and 32 bits, and steps
 * back (a CPU whose first switch comes late starts at 0) must all come
 * back as they went in. */
struct widths {
	struct { int64_t time; int kind, thread; } *v;
	size_t n, cap;
	char reason[4][64];
};

static void widths_event(void *ctx, const sim_event *ev)
{
	struct widths *w = ctx;

	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 1024;
		w->v = realloc(w->v, w->cap * sizeof *w->v);
		ck_assert_ptr_nonnull(w->v);
	}
	if (w->n < 4)
		snprintf(w->reason[w->n], sizeof w->reason[0], "%s", ev->reason);
	w->v[w->n].time = ev->time;
	w->v[w->n].kind = ev->kind;
	w->v[w->n].thread = ev->thread;
	w->n++;
}

/* Task i is switched in at width_time(i) microseconds after the start. */
static int64_t width_time(int i)
{
	return 10 * (int64_t)i + (i >= 3 ? 100000 : 0) +
	       (i >= 5 ? INT64_C(5000000000) : 0);
}

START_TEST(test_spool_widths)
{
	const int N = 66000;
	struct widths w = { 0 };
	char *text = NULL, err[256];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ltrace *lt = ltrace_new(-1);

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(lt);
	for (int i = 0; i < N; i++) {
		int64_t t = INT64_C(100000000) + width_time(i);

		if (i == 0)
			fprintf(f, "<idle>-0 [000] d..2. %" PRId64 ".%06" PRId64
				": sched_switch: prev_comm=swapper/0 prev_pid=0"
				" prev_prio=120 prev_state=R ==> next_comm=t0"
				" next_pid=1000 next_prio=120\n", t / 1000000, t % 1000000);
		else
			fprintf(f, "t%d-%d [000] d..2. %" PRId64 ".%06" PRId64
				": sched_switch: prev_comm=t%d prev_pid=%d"
				" prev_prio=120 prev_state=S ==> next_comm=t%d"
				" next_pid=%d next_prio=120\n", i - 1, 999 + i,
				t / 1000000, t % 1000000, i - 1, 999 + i, i, 1000 + i);
	}
	/* CPU 1's only switch: its machine starts at 0, after all of CPU 0's. */
	fprintf(f, "<idle>-0 [001] d..2. %" PRId64 ".%06" PRId64
		": sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120"
		" prev_state=R ==> next_comm=other next_pid=7 next_prio=120\n",
		(INT64_C(100000000) + width_time(N - 1)) / 1000000,
		(INT64_C(100000000) + width_time(N - 1)) % 1000000);
	ck_assert_int_eq(fclose(f), 0);
	f = fmemopen(text, len, "r");
	ck_assert_ptr_nonnull(f);
	ltrace_listen(lt, widths_event, &w);
	ck_assert_msg(ltrace_read(lt, f, "w", NULL, err, sizeof err) == 0, "%s", err);
	fclose(f);
	ck_assert_int_eq(ltrace_cpu(lt), 0);

	/* IDLE and ARRIVE and DISPATCH of task 0 at 0; then for each next
	 * task BLOCK (the one before), ARRIVE, SWITCH, DISPATCH; then END. */
	ck_assert_uint_eq(w.n, 3 + 4 * (size_t)(N - 1) + 1);
	ck_assert_int_eq(w.v[0].kind, SIM_EV_IDLE);
	ck_assert_int_eq(w.v[0].time, 0);
	ck_assert_int_eq(w.v[0].thread, -1);
	ck_assert_str_eq(w.reason[1], "no wake-up seen");
	ck_assert_str_eq(w.reason[3], "prev_state=S");
	for (int i = 0; i < N; i++) {
		size_t at = i ? 3 + 4 * (size_t)(i - 1) : 1;
		static const int after[] = { SIM_EV_BLOCK, SIM_EV_ARRIVE,
					     SIM_EV_SWITCH, SIM_EV_DISPATCH };
		static const int first[] = { SIM_EV_ARRIVE, SIM_EV_DISPATCH };
		int k = i ? 4 : 2;

		for (int j = 0; j < k; j++) {
			int kind = i ? after[j] : first[j];
			int thread = i && j == 0 ? i - 1 : i;

			ck_assert_msg(w.v[at + j].kind == kind &&
				      w.v[at + j].thread == thread &&
				      w.v[at + j].time == width_time(i),
				      "task %d, event %d: %d %d %" PRId64, i, j,
				      w.v[at + j].kind, w.v[at + j].thread,
				      w.v[at + j].time);
		}
	}
	ck_assert_int_eq(w.v[w.n - 1].kind, SIM_EV_END);
	ck_assert_int_eq(w.v[w.n - 1].time, width_time(N - 1));
	ck_assert_int_eq(w.v[w.n - 1].thread, -1);
	ck_assert_uint_eq(ltrace_ntasks(lt), (size_t)N);
	ck_assert_int_eq(ltrace_task_at(lt, N - 1)->arrival, width_time(N - 1));
	free(w.v);
	free(text);
	ltrace_free(lt);
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
	fails("\027\010Dtracing6\n",
	      "t.trace:1:1: not a schedsim or Linux scheduling trace (a trace-cmd "
	      "trace.dat file: give the output of 'trace-cmd report')");
	fails("PERFILE2h\n",
	      "t.trace:1:1: not a schedsim or Linux scheduling trace (a perf.data "
	      "file: give the output of 'perf script')");
}
END_TEST


static const struct {
	const char *text, *msg;
} malformed[] = {
	{ LINE1 "oops\n",
	  "t.trace:2:1: expected 'TASK-PID [CPU] TIMESTAMP: EVENT: ...'" },
	{ LINE1 "  x-1 [000] d..2. 1.x: sched_switch: a\n",
	  "t.trace:2:19: expected a timestamp 'SECONDS.MICROSECONDS:', found '1.x:'" },
	{ LINE1 "  x-1 [000] 1.000001\n",
	  "t.trace:2:13: expected a timestamp 'SECONDS.MICROSECONDS:', found '1.000001'" },
	{ LINE1 "  x-1 [000] 1.000001:\n",
	  "t.trace:2:22: expected ' EVENT:' after the timestamp" },
	{ LINE1 "  x-1 [000] 1.000001: sched_switch\n",
	  "t.trace:2:23: expected an event name, found 'sched_switch'" },
	{ LINE1 "  x-1 [9999] 1.000001: sched_switch: a\n",
	  "t.trace:2:8: CPU number out of range (0 to 8191)" },
	{ LINE1 SW("000", "1.000001", "b", "1x", "R", "a", "10"),
	  "t.trace:2:64: sched_switch: bad prev_pid '1x'" },
	{ LINE1 SW("000", "1.000001", "b", "11", "Q", "a", "10"),
	  "t.trace:2:92: sched_switch: unknown prev_state 'Q'" },
	{ LINE1 SW("000", "1.000001", "b", "11", "", "a", "10"),
	  "t.trace:2:92: sched_switch: missing prev_state" },
	{ LINE1 "  x-1 [000] d..2. 1.000001: sched_switch: prev_comm=b prev_pid=11 prev_prio=120 prev_state=S ==> next_comm=a\n",
	  "t.trace:2:109: sched_switch: missing next_pid" },
	{ LINE1 "  x-1 [000] d..2. 1.000001: sched_switch: prev_comm=b prev_pid=11 prev_prio=120 prev_state=S => next_comm=a next_pid=10 next_prio=120\n",
	  "t.trace:2:93: sched_switch: expected ' ==> next_comm='" },
	{ LINE1 "  x-1 [000] d..2. 1.000001: sched_switch: prev_comm=b prev_pid=11 prev_prio=120 prev_state=S ==> next_comm=a next_pid=10 next_prio=120 extra\n",
	  "t.trace:2:135: sched_switch: unexpected ' extra' after next_prio" },
	{ LINE1 "  x-1 [000] d..2. 1.000001: sched_switch: next_comm=a next_pid=10 next_prio=120\n",
	  "t.trace:2:43: sched_switch: expected 'prev_comm='" },
	{ LINE1 FT("000", "1.000001", "sched_wakeup", "comm=a pid=10 prio=120"),
	  "t.trace:2:65: sched_wakeup: expected 'target_cpu='" },
	{ LINE1 FT("000", "1.000001", "sched_wakeup_new", "comm=a pid=-3 prio=120 target_cpu=000"),
	  "t.trace:2:58: sched_wakeup_new: bad pid '-3'" },
	{ LINE1 FT("000", "1.000001", "sched_wakeup", "comm=a prio=120 target_cpu=000"),
	  "t.trace:2:48: sched_wakeup: missing pid" },
	{ LINE1 FT("000", "1.000001", "sched_process_exit", "comm=a pid=10 prio=x"),
	  "t.trace:2:68: sched_process_exit: bad prio 'x'" },
	{ LINE1 "  a-1 [000] 1.000001: sched_switch: a:10 [120] R => b:11 [120]\n",
	  "t.trace:2:37: sched_switch: expected 'COMM:PID [PRIO] STATE ==> COMM:PID [PRIO]'" },
	{ LINE1 "  a-1 [000] 1.000001: sched_switch: a:10 [120] R ==> b:11\n",
	  "t.trace:2:58: sched_switch: expected '[PRIO]'" },
	{ LINE1 "  a-1 [000] 1.000001: sched_switch: a [120] R ==> b:11 [120]\n",
	  "t.trace:2:37: sched_switch: expected 'COMM:PID'" },
	{ LINE1 "  a-1 [000] 1.000001: sched_wakeup: b:11 [120] CPU:x\n",
	  "t.trace:2:52: sched_wakeup: bad CPU 'x'" },
	{ LINE1 "  a-1 [000] 1.000001: sched_wakeup: b:11 [120]\n",
	  "t.trace:2:42: sched_wakeup: expected 'CPU:'" },
	{ LINE1 SW("000", "0.999999", "b", "11", "R", "a", "10"),
	  "t.trace:2:19: time goes backwards: 0.999999 after 1.000000" },
	{ WK("000", "1.000000", "a", "10", "000"),
	  "t.trace: no sched_switch events" },
};

START_TEST(test_malformed)
{
	fails(malformed[_i].text, malformed[_i].msg);
}
END_TEST

START_TEST(test_line_too_long)
{
	size_t n = 5000;
	char *t = malloc(sizeof LINE1 + n + 2);

	ck_assert_ptr_nonnull(t);
	memcpy(t, LINE1, sizeof LINE1 - 1);
	memset(t + sizeof LINE1 - 1, 'x', n);
	strcpy(t + sizeof LINE1 - 1 + n, "\n");
	fails(t, "t.trace:2:4097: line longer than 4096 bytes");
	free(t);
}
END_TEST


Suite *check_suite(void)
{
	Suite *s = suite_create("ltrace");
	TCase *tc = tcase_create("samples");

	tcase_add_loop_test(tc, test_sample, 0, 3);
	tcase_add_test(tc, test_samples_agree);
	tcase_add_test(tc, test_sample_cpu1);
	tcase_add_test(tc, test_recorded_perf);
	tcase_add_test(tc, test_start_callback);
	tcase_add_test(tc, test_all_or_nothing);
	tcase_add_test(tc, test_cpu_without_switches);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_no_temporary_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("robust");
	tcase_add_test(tc, test_comm_names);
	tcase_add_test(tc, test_other_cpus_and_events);
	tcase_add_test(tc, test_state_alphabets);
	tcase_add_test(tc, test_headers_and_blank_lines);
	tcase_add_test(tc, test_pipe);
	tcase_add_test(tc, test_first_line_read_already);
	tcase_add_test(tc, test_exit_and_pid_reuse);
	tcase_add_test(tc, test_lost_events);
	tcase_add_test(tc, test_wakeups_before_the_first_switch);
	tcase_add_test(tc, test_held_wakeups_keep_their_order);
	tcase_add_test(tc, test_migration_among_many_cpus);
	tcase_add_test(tc, test_busiest_ties);
	tcase_add_test(tc, test_perf_groups_and_timestamps);
	tcase_add_test(tc, test_sniff);
	suite_add_tcase(s, tc);

	tc = tcase_create("large");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_large_trace);
	tcase_add_test(tc, test_spool_widths);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_add_test(tc, test_not_a_trace);
	tcase_add_loop_test(tc, test_malformed, 0,
			    (int)(sizeof malformed / sizeof *malformed));
	tcase_add_test(tc, test_line_too_long);
	suite_add_tcase(s, tc);
	return s;
}
