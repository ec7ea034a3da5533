/* report_test.c: the "report" suite.  Text and JSON reports from synthetic
 * event streams, compared with exact expected output. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "report/report.h"
#include "report/report_int.h"
#include "sched/policy.h"
#include "sim/sim.h"

#define EV(t, k, th, a) { (t), SIM_EV_##k, (th), (a), "" }

typedef struct run {
	const char *policy;
	sim_options opt;
	const char *names[4];
	int64_t arrivals[4];
	const sim_event *ev;
	size_t nev;
} run;

static report *feed(const run *w)
{
	report *r = report_new(w->policy, &w->opt);

	ck_assert_ptr_nonnull(r);
	for (size_t i = 0; i < 4 && w->names[i]; i++)
		ck_assert_int_eq(report_add_thread(r, w->names[i], w->arrivals[i]), 0);
	for (size_t i = 0; i < w->nev; i++)
		report_event(r, &w->ev[i]);
	return r;
}

/* The report printed into a string the caller frees. */
static char *print(const run *w, int (*fn)(report *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	report *r = feed(w);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fn(r, f), 0);
	fclose(f);
	report_free(r);
	return buf;
}

static void expect(const run *w, int (*fn)(report *, FILE *), const char *want)
{
	char *got = print(w, fn);

	ck_assert_str_eq(got, want);
	free(got);
}

/* ---- Silberschatz round robin, quantum 4: P1 24, P2 3, P3 3 ---------------- */

static const sim_event rr_ev[] = {
	EV(0, ARRIVE, 0, 0), EV(0, ARRIVE, 1, 0), EV(0, ARRIVE, 2, 0),
	EV(0, DISPATCH, 0, 0), EV(4, PREEMPT, 0, 0), EV(4, DISPATCH, 1, 0),
	EV(7, EXIT, 1, 0), EV(7, DISPATCH, 2, 0), EV(10, EXIT, 2, 0),
	EV(10, DISPATCH, 0, 0), EV(14, PREEMPT, 0, 0), EV(14, DISPATCH, 0, 0),
	EV(18, PREEMPT, 0, 0), EV(18, DISPATCH, 0, 0), EV(30, EXIT, 0, 0),
	EV(30, END, -1, 0),
};

static const run rr = {
	"rr", { .policy = NULL }, /* rr's default quantum, 4 */ { "P1", "P2", "P3" }, { 0, 0, 0 },
	rr_ev, sizeof rr_ev / sizeof *rr_ev,
};

START_TEST(json_rr)
{
	expect(&rr, report_json,
	       "{\"policy\": \"rr\",\n"
	       " \"options\": {\"quantum\": 4, \"switch_cost\": 0, \"seed\": 0},\n"
	       " \"threads\": [\n"
	       "  {\"name\": \"P1\", \"arrival\": 0, \"cpu\": 24, \"io\": 0, \"finish\": 30, "
	       "\"turnaround\": 30, \"waiting\": 6, \"response\": 0},\n"
	       "  {\"name\": \"P2\", \"arrival\": 0, \"cpu\": 3, \"io\": 0, \"finish\": 7, "
	       "\"turnaround\": 7, \"waiting\": 4, \"response\": 4},\n"
	       "  {\"name\": \"P3\", \"arrival\": 0, \"cpu\": 3, \"io\": 0, \"finish\": 10, "
	       "\"turnaround\": 10, \"waiting\": 7, \"response\": 7}\n"
	       " ],\n"
	       " \"averages\": {\"turnaround\": 15.67, \"waiting\": 5.67, \"response\": 3.67},\n"
	       " \"makespan\": 30,\n"
	       " \"cpu_utilization\": 1.0,\n"
	       " \"context_switches\": 3,\n"
	       " \"timeline\": [\n"
	       "  {\"thread\": \"P1\", \"start\": 0, \"end\": 4},\n"
	       "  {\"thread\": \"P2\", \"start\": 4, \"end\": 7},\n"
	       "  {\"thread\": \"P3\", \"start\": 7, \"end\": 10},\n"
	       "  {\"thread\": \"P1\", \"start\": 10, \"end\": 30}\n"
	       " ]}\n");
}
END_TEST

START_TEST(text_rr)
{
	expect(&rr, report_text,
	       "Policy: rr (quantum 4)\n"
	       "\n"
	       "Gantt chart (1 column = 1 tick)\n"
	       "    0         10        20        30\n"
	       "    +---------+---------+---------+\n"
	       "P1  ####......####################\n"
	       "P2  ....###\n"
	       "P3  .......###\n"
	       "CPU ##############################\n"
	       "# running  . ready  ~ I/O  = switching in  - idle\n"
	       "Timeline: P1 0-4, P2 4-7, P3 7-10, P1 10-30\n"
	       "\n"
	       "Thread   Arrival  CPU  I/O  Finish  Turnaround  Waiting  Response\n"
	       "P1             0   24    0      30          30        6         0\n"
	       "P2             0    3    0       7           7        4         4\n"
	       "P3             0    3    0      10          10        7         7\n"
	       "Average                                  15.67     5.67      3.67\n"
	       "\n"
	       "Makespan          30 ticks\n"
	       "CPU utilization   100% (30 of 30 ticks running threads)\n"
	       "Context switches  3\n"
	       "Throughput        0.1 threads per tick\n");
}
END_TEST

/* ---- I/O, idle time and a switch cost of 1 --------------------------------
 * A: 3, io:4, 2 from 0; B: 2 from 1.  fifo.  The CPU idles while A waits. */

static const sim_event io_ev[] = {
	EV(0, ARRIVE, 0, 0), EV(0, DISPATCH, 0, 0), EV(1, ARRIVE, 1, 0),
	EV(3, BLOCK, 0, 4), EV(3, SWITCH, 1, 1), EV(4, DISPATCH, 1, 0),
	EV(6, EXIT, 1, 0), EV(6, IDLE, -1, 0), EV(7, WAKE, 0, 0),
	EV(7, SWITCH, 0, 1), EV(8, DISPATCH, 0, 0), EV(10, EXIT, 0, 0),
	EV(10, END, -1, 0),
};

static const run io = {
	"fifo", { .switch_cost = 1 }, { "A", "B" }, { 0, 1 },
	io_ev, sizeof io_ev / sizeof *io_ev,
};

START_TEST(json_io_idle_switch)
{
	expect(&io, report_json,
	       "{\"policy\": \"fifo\",\n"
	       " \"options\": {\"switch_cost\": 1, \"seed\": 0},\n"
	       " \"threads\": [\n"
	       "  {\"name\": \"A\", \"arrival\": 0, \"cpu\": 5, \"io\": 4, \"finish\": 10, "
	       "\"turnaround\": 10, \"waiting\": 1, \"response\": 0},\n"
	       "  {\"name\": \"B\", \"arrival\": 1, \"cpu\": 2, \"io\": 0, \"finish\": 6, "
	       "\"turnaround\": 5, \"waiting\": 3, \"response\": 3}\n"
	       " ],\n"
	       " \"averages\": {\"turnaround\": 7.5, \"waiting\": 2, \"response\": 1.5},\n"
	       " \"makespan\": 10,\n"
	       " \"cpu_utilization\": 0.7,\n"
	       " \"context_switches\": 2,\n"
	       " \"timeline\": [\n"
	       "  {\"thread\": \"A\", \"start\": 0, \"end\": 3},\n"
	       "  {\"thread\": null, \"start\": 3, \"end\": 4, \"switch\": true},\n"
	       "  {\"thread\": \"B\", \"start\": 4, \"end\": 6},\n"
	       "  {\"thread\": null, \"start\": 6, \"end\": 7},\n"
	       "  {\"thread\": null, \"start\": 7, \"end\": 8, \"switch\": true},\n"
	       "  {\"thread\": \"A\", \"start\": 8, \"end\": 10}\n"
	       " ]}\n");
}
END_TEST

START_TEST(text_io_idle_switch)
{
	expect(&io, report_text,
	       "Policy: fifo (switch cost 1)\n"
	       "\n"
	       "Gantt chart (1 column = 1 tick)\n"
	       "    0         10\n"
	       "    +---------+\n"
	       "A   ###~~~~=##\n"
	       "B    ..=##\n"
	       "CPU ###=##-=##\n"
	       "# running  . ready  ~ I/O  = switching in  - idle\n"
	       "Timeline: A 0-3, switch 3-4, B 4-6, idle 6-7, switch 7-8, A 8-10\n"
	       "\n"
	       "Thread   Arrival  CPU  I/O  Finish  Turnaround  Waiting  Response\n"
	       "A              0    5    4      10          10        1         0\n"
	       "B              1    2    0       6           5        3         3\n"
	       "Average                                    7.5        2       1.5\n"
	       "\n"
	       "Makespan          10 ticks\n"
	       "CPU utilization   70% (7 of 10 ticks running threads)\n"
	       "Context switches  2\n"
	       "Throughput        0.2 threads per tick\n");
}
END_TEST

/* ---- idle before the first arrival; merging; no switch for the same thread */

static const sim_event late_ev[] = {
	EV(0, IDLE, -1, 0), EV(2, ARRIVE, 0, 0), EV(2, DISPATCH, 0, 0),
	EV(4, PREEMPT, 0, 0), EV(4, DISPATCH, 0, 0), EV(5, EXIT, 0, 0),
	EV(5, END, -1, 0),
};

START_TEST(json_idle_start_and_merge)
{
	run w = { "rr", { .pol = { pol_rr.opts, pol_rr.nopts, { { .i = 2 } } } }, { "T" }, { 2 }, late_ev,
	          sizeof late_ev / sizeof *late_ev };
	char *got = print(&w, report_json);

	ck_assert_ptr_nonnull(strstr(got,
	        " \"makespan\": 5,\n \"cpu_utilization\": 0.6,\n \"context_switches\": 0,\n"
	        " \"timeline\": [\n"
	        "  {\"thread\": null, \"start\": 0, \"end\": 2},\n"
	        "  {\"thread\": \"T\", \"start\": 2, \"end\": 5}\n"
	        " ]}\n"));
	ck_assert_ptr_nonnull(strstr(got,
	        "{\"name\": \"T\", \"arrival\": 2, \"cpu\": 3, \"io\": 0, \"finish\": 5, "
	        "\"turnaround\": 3, \"waiting\": 0, \"response\": 0}"));
	free(got);
}
END_TEST

/* A thread that only waits for I/O runs for no time at all: the idle time
 * around its zero-length runs is one stretch. */
START_TEST(json_idle_around_empty_runs)
{
	static const sim_event ev[] = {
		EV(0, ARRIVE, 0, 0), EV(0, DISPATCH, 0, 0), EV(0, BLOCK, 0, 3),
		EV(0, IDLE, -1, 0), EV(3, WAKE, 0, 0), EV(3, DISPATCH, 0, 0),
		EV(3, EXIT, 0, 0), EV(3, IDLE, -1, 0), EV(5, ARRIVE, 1, 0),
		EV(5, SWITCH, 1, 0), EV(5, DISPATCH, 1, 0), EV(7, EXIT, 1, 0),
		EV(7, END, -1, 0),
	};
	run w = { "fifo", { 0 }, { "A", "B" }, { 0, 5 }, ev, sizeof ev / sizeof *ev };
	char *got = print(&w, report_json);

	ck_assert_ptr_nonnull(strstr(got,
	        "  {\"name\": \"A\", \"arrival\": 0, \"cpu\": 0, \"io\": 3, \"finish\": 3, "
	        "\"turnaround\": 3, \"waiting\": 0, \"response\": 0},\n"));
	ck_assert_ptr_nonnull(strstr(got,
	        " \"makespan\": 7,\n \"cpu_utilization\": 0.2857,\n \"context_switches\": 1,\n"
	        " \"timeline\": [\n"
	        "  {\"thread\": null, \"start\": 0, \"end\": 5},\n"
	        "  {\"thread\": \"B\", \"start\": 5, \"end\": 7}\n"
	        " ]}\n"));
	free(got);
}
END_TEST

/* ---- strings ----------------------------------------------------------- */

START_TEST(json_escaping)
{
	static const sim_event ev[] = {
		EV(0, DISPATCH, 0, 0), EV(1, EXIT, 0, 0), EV(1, END, -1, 0),
	};
	run w = { "p\"o\\l", { 0 }, { "a\"b\\c\nd\te\x01\x7f\xc3\xa9\xff/" }, { 0 },
	          ev, 3 };
	char *got = print(&w, report_json);

	ck_assert_ptr_nonnull(strstr(got, "{\"policy\": \"p\\\"o\\\\l\",\n"));
	ck_assert_ptr_nonnull(strstr(got,
	        "{\"name\": \"a\\\"b\\\\c\\nd\\te\\u0001\\u007f\xc3\xa9\\ufffd/\", "));
	ck_assert_ptr_nonnull(strstr(got,
	        "{\"thread\": \"a\\\"b\\\\c\\nd\\te\\u0001\\u007f\xc3\xa9\\ufffd/\", "
	        "\"start\": 0, \"end\": 1}"));
	free(got);
}
END_TEST

START_TEST(json_options_all)
{
	static const sim_event ev[] = { EV(0, END, -1, 0) };
	/* quantum 2, preemptive, aging 5, high-first, by prio's table */
	run w = { "prio", { .pol = { pol_prio.opts, pol_prio.nopts,
	                             { { .i = 2 }, { .i = 1 }, { .i = 5 }, { .i = 1 } } },
	                    .switch_cost = 3, .seed = 18446744073709551615u },
	          { NULL }, { 0 }, ev, 1 };
	char *got = print(&w, report_json);

	ck_assert_str_eq(got,
	        "{\"policy\": \"prio\",\n"
	        " \"options\": {\"quantum\": 2, \"preemptive\": true, \"aging\": 5, "
	        "\"priority_order\": \"high-first\", \"switch_cost\": 3, "
	        "\"seed\": 18446744073709551615},\n"
	        " \"threads\": [],\n"
	        " \"averages\": {\"turnaround\": null, \"waiting\": null, \"response\": null},\n"
	        " \"makespan\": 0,\n"
	        " \"cpu_utilization\": 0.0,\n"
	        " \"context_switches\": 0,\n"
	        " \"timeline\": []}\n");
	free(got);
}
END_TEST

/* A run cut short: what is not known yet is null, and averages count only
 * the threads that finished. */
START_TEST(json_unfinished)
{
	static const sim_event ev[] = {
		EV(0, ARRIVE, 0, 0), EV(0, ARRIVE, 1, 0), EV(0, ARRIVE, 2, 0),
		EV(0, DISPATCH, 0, 0), EV(2, EXIT, 0, 0), EV(2, DISPATCH, 1, 0),
		EV(5, PREEMPT, 1, 0),
	};
	run w = { "fifo", { 0 }, { "X", "Y", "Z" }, { 0, 0, 0 }, ev, 7 };
	char *got = print(&w, report_json);

	ck_assert_ptr_nonnull(strstr(got,
	        "  {\"name\": \"Y\", \"arrival\": 0, \"cpu\": 3, \"io\": 0, \"finish\": null, "
	        "\"turnaround\": null, \"waiting\": null, \"response\": 2},\n"
	        "  {\"name\": \"Z\", \"arrival\": 0, \"cpu\": 0, \"io\": 0, \"finish\": null, "
	        "\"turnaround\": null, \"waiting\": null, \"response\": null}\n"));
	ck_assert_ptr_nonnull(strstr(got,
	        " \"averages\": {\"turnaround\": 2, \"waiting\": 0, \"response\": 0},\n"
	        " \"makespan\": 5,\n"));
	free(got);
}
END_TEST

/* ---- long runs are scaled to 80 columns ------------------------------------ */

START_TEST(text_scaled)
{
	static const sim_event ev[] = {
		EV(0, ARRIVE, 0, 0), EV(0, DISPATCH, 0, 0), EV(500, ARRIVE, 1, 0),
		EV(1000, EXIT, 0, 0), EV(1000, DISPATCH, 1, 0), EV(1200, EXIT, 1, 0),
		EV(1200, END, -1, 0),
	};
	run w = { "fifo", { 0 }, { "long-running", "short" }, { 0, 500 }, ev, 7 };
	char *got = print(&w, report_text);
	char *save = NULL;

	ck_assert_ptr_nonnull(strstr(got,
	        "Gantt chart (1 column = 20 ticks)\n"
	        "             0         200       400       600       800       1000      1200\n"
	        "             +---------+---------+---------+---------+---------+---------+\n"
	        "long-running ##################################################\n"
	        "short                                 .........................##########\n"
	        "CPU          ############################################################\n"));
	for (char *line = strtok_r(got, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_uint_le(strlen(line), 80);
	free(got);
}
END_TEST

START_TEST(text_huge_times)
{
	static const sim_event ev[] = {
		EV(0, DISPATCH, 0, 0), EV(999999999999, EXIT, 0, 0),
		EV(1000000000000, DISPATCH, 1, 0), EV(3000000000000, EXIT, 1, 0),
		EV(3000000000000, END, -1, 0),
	};
	run w = { "fifo", { 0 }, { "a-rather-long-thread-name", "b" }, { 0, 0 }, ev, 5 };
	char *got = print(&w, report_text);
	char *save = NULL;

	ck_assert_ptr_nonnull(strstr(got, "Gantt chart (1 column = 100000000000 ticks)\n"
	        "                 0                   2000000000000\n"
	        "                 +-------------------+---------+\n"));
	ck_assert_ptr_nonnull(strstr(got, "\na-rather-long-t~ ##########\n"
	        "b                ..........####################\n"));
	ck_assert_ptr_nonnull(strstr(got, "Throughput        0.67 threads per 1000000000000 ticks\n"));
	/* The chart fits 80 columns; the table is as wide as its numbers. */
	*strstr(got, "\nThread ") = '\0';
	for (char *line = strtok_r(got, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_uint_le(strlen(line), 80);
	free(got);
}
END_TEST

/* Sums that no number of threads overflows: 6,074 threads of 10^12 ticks
 * one after the other add up to 1.8 * 10^19 ticks of turnaround, past
 * UINT64_MAX, and averaged 499000047818.3 when the sums were 64 bits
 * (issue 10, item 4). */
START_TEST(averages_wide)
{
	enum { N = 6074 };
	const int64_t T = 1000000000000;
	sim_options opt = { 0 };
	report *r = report_new("fifo", &opt);
	char *buf = NULL, name[16];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(r);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof name, "T%d", i);
		ck_assert_int_eq(report_add_thread(r, name, 0), 0);
		report_event(r, &(sim_event){ 0, SIM_EV_ARRIVE, i, 0, "" });
	}
	for (int i = 0; i < N; i++) {
		report_event(r, &(sim_event){ i * T, SIM_EV_DISPATCH, i, 0, "" });
		report_event(r, &(sim_event){ (i + 1) * T, SIM_EV_EXIT, i, 0, "" });
	}
	report_event(r, &(sim_event){ N * T, SIM_EV_END, -1, 0, "" });
	ck_assert_int_eq(report_json(r, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\n \"averages\": {\"turnaround\": 3037500000000000, "
	                             "\"waiting\": 3036500000000000, "
	                             "\"response\": 3036500000000000},\n"));
	free(buf);
	report_free(r);

	char d[64];
	report_decimal(d, sizeof d, (report_sum_t)UINT64_MAX * 1000 + 7, 1000, 2, false);
	ck_assert_str_eq(d, "18446744073709551615.01");
	report_decimal(d, sizeof d, (report_sum_t)UINT64_MAX * UINT64_MAX, 1, 0, true);
	ck_assert_str_eq(d, "340282366920938463426481119284349108225.0");
}
END_TEST

/* Names line up by characters, not bytes, and are cut at a character. */
START_TEST(text_utf8_names)
{
	static const sim_event ev[] = {
		EV(0, DISPATCH, 0, 0), EV(2, EXIT, 0, 0), EV(2, DISPATCH, 1, 0),
		EV(3, EXIT, 1, 0), EV(3, END, -1, 0),
	};
	run w = { "fifo", { 0 }, { "Prozeß-Überlänge-Name", "é" }, { 0, 0 }, ev, 5 };
	char *got = print(&w, report_text);

	ck_assert_ptr_nonnull(strstr(got,
	        "Prozeß-Überläng~ ##\n"
	        "é                ..#\n"
	        "CPU              ###\n"));
	ck_assert_ptr_nonnull(strstr(got,
	        "Timeline: Prozeß-Überlänge-Name 0-2, é 2-3\n"
	        "\n"
	        "Thread                 Arrival  CPU  I/O  Finish  Turnaround  Waiting  Response\n"
	        "Prozeß-Überlänge-Name        0    2    0       2           2        0         0\n"
	        "é                            0    1    0       3           3        2         2\n"));
	free(got);
}
END_TEST

START_TEST(text_empty)
{
	static const sim_event ev[] = { EV(0, END, -1, 0) };
	run w = { "fifo", { 0 }, { NULL }, { 0 }, ev, 1 };

	expect(&w, report_text,
	       "Policy: fifo\n"
	       "\n"
	       "Gantt chart: nothing ran\n"
	       "Timeline: \n"
	       "\n"
	       "Thread   Arrival  CPU  I/O  Finish  Turnaround  Waiting  Response\n"
	       "Average                                      -        -         -\n"
	       "\n"
	       "Makespan          0 ticks\n"
	       "CPU utilization   0% (0 of 0 ticks running threads)\n"
	       "Context switches  0\n"
	       "Throughput        0 threads per tick\n");
}
END_TEST

/* ---- rounding ----------------------------------------------------------- */

/* ---- waits that are not I/O, notes, totals ---------------------------------- */

/* A waits 1-3 for a mutex (BLOCK with arg 0 and a reason), B sleeps 2-4
 * and is left waiting by a deadlock at 5: Blocked is its own column and
 * glyph, waiting excludes it, and the run's notes close the report. */
static const sim_event blocked_ev[] = {
	EV(0, ARRIVE, 0, 0), EV(0, ARRIVE, 1, 0),
	EV(0, DISPATCH, 0, 0),
	{ 1, SIM_EV_BLOCK, 0, 0, "waits for mutex M held by B" },
	EV(1, DISPATCH, 1, 0),
	{ 2, SIM_EV_BLOCK, 1, 0, "sleeps 2 ticks" },
	EV(2, IDLE, -1, 0),
	{ 3, SIM_EV_WAKE, 0, 0, "got mutex M from B" },
	EV(3, DISPATCH, 0, 0),
	EV(4, WAKE, 1, 0),
	EV(4, BLOCK, 0, 1),
	EV(4, DISPATCH, 1, 0),
	{ 5, SIM_EV_BLOCK, 1, 0, "waits for semaphore S (count 0)" },
	EV(5, WAKE, 0, 0),
	EV(5, DISPATCH, 0, 0),
	EV(6, EXIT, 0, 0),
	EV(6, END, -1, 0),
};

static const run blocked_run = {
	"fifo", { .inherit = true }, { "A", "B" }, { 0, 0 },
	blocked_ev, sizeof blocked_ev / sizeof *blocked_ev
};

START_TEST(text_blocked_and_notes)
{
	report *r = feed(&blocked_run);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	report_totals t;

	ck_assert_int_eq(report_note(r, "deadlock", "deadlock at time 6: B waits",
	                             "Deadlock at time 6: B waits"), 0);
	ck_assert_int_eq(report_text(r, f), 0);
	fclose(f);
	ck_assert_str_eq(buf,
	        "Policy: fifo (priority inheritance)\n"
	        "\n"
	        "Gantt chart (1 column = 1 tick)\n"
	        "    0     6\n"
	        "    +-----+\n"
	        "A   #__#~#\n"
	        "B   .#__#_\n"
	        "CPU ##-###\n"
	        "# running  . ready  ~ I/O  _ blocked  = switching in  - idle\n"
	        "Timeline: A 0-1, B 1-2, idle 2-3, A 3-4, B 4-5, A 5-6\n"
	        "\n"
	        "Thread   Arrival  CPU  I/O  Blocked  Finish  Turnaround  Waiting  Response\n"
	        "A              0    3    1        2       6           6        0         0\n"
	        "B              0    2    0        3       -           -        -         1\n"
	        "Average                                               6        0         0\n"
	        "\n"
	        "Makespan          6 ticks\n"
	        "CPU utilization   83.33% (5 of 6 ticks running threads)\n"
	        "Context switches  4\n"
	        "Throughput        0.17 threads per tick\n"
	        "\n"
	        "Deadlock at time 6: B waits\n");
	free(buf);
	report_totals_get(r, &t);
	ck_assert_uint_eq(t.threads, 2);
	ck_assert_uint_eq(t.finished, 1);
	ck_assert_uint_eq(t.turnaround, 6);
	ck_assert_uint_eq(t.waiting, 0);
	ck_assert_uint_eq(t.response, 0);
	ck_assert_int_eq(t.switches, 4);
	ck_assert_int_eq(t.busy, 5);
	ck_assert_int_eq(t.makespan, 6);
	report_free(r);
}
END_TEST

START_TEST(json_blocked_and_notes)
{
	report *r = feed(&blocked_run);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(report_note(r, "result", "all \"done\"", "Result: all done"), 0);
	ck_assert_int_eq(report_json(r, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\"seed\": 0, \"inherit\": true},\n"));
	ck_assert_ptr_nonnull(strstr(buf,
	        "  {\"name\": \"A\", \"arrival\": 0, \"cpu\": 3, \"io\": 1, \"blocked\": 2, "
	        "\"finish\": 6, \"turnaround\": 6, \"waiting\": 0, \"response\": 0},\n"));
	ck_assert_ptr_nonnull(strstr(buf, " ],\n \"result\": \"all \\\"done\\\"\"}\n"));
	free(buf);
	report_free(r);
}
END_TEST

static void dec(uint64_t num, uint64_t den, int places, bool point, const char *want)
{
	char buf[64];

	report_decimal(buf, sizeof buf, num, den, places, point);
	ck_assert_str_eq(buf, want);
}

START_TEST(decimal_rounding)
{
	dec(51, 3, 2, false, "17");          /* FCFS average waiting */
	dec(26, 4, 2, false, "6.5");         /* SRTF */
	dec(17, 3, 2, false, "5.67");        /* RR: 5.666... rounds up */
	dec(47, 3, 2, false, "15.67");
	dec(41, 5, 2, false, "8.2");         /* priority */
	dec(1, 3, 2, false, "0.33");         /* rounds down */
	dec(1, 200, 2, false, "0.01");       /* exactly half rounds up */
	dec(1, 201, 2, false, "0");          /* just under half */
	dec(199999, 100000, 2, false, "2");  /* the carry reaches the whole part */
	dec(1, 1, 4, true, "1.0");
	dec(7, 10, 4, true, "0.7");
	dec(2, 3, 4, true, "0.6667");
	dec(0, 0, 2, false, "0");
	dec(0, 0, 4, true, "0.0");
	dec(18446744073709551615u, 1, 2, false, "18446744073709551615");
	dec(1000000000000000000u, 3, 2, false, "333333333333333333.33");
}
END_TEST

/* A report listens from the start or not at all: late, it is refused and
 * freed, and the simulation says why. */
START_TEST(for_sim_too_late)
{
	char err[256];
	sim *s = sim_new(NULL, NULL, err, sizeof err);

	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_int_eq(sim_step(s), 0);
	ck_assert_ptr_null(report_for_sim(s));
	ck_assert_str_eq(sim_error(s), "sim_listen: the simulation has already started");
	sim_free(s);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, json_rr);
	tcase_add_test(tc, text_rr);
	tcase_add_test(tc, json_io_idle_switch);
	tcase_add_test(tc, text_io_idle_switch);
	tcase_add_test(tc, json_idle_start_and_merge);
	tcase_add_test(tc, json_idle_around_empty_runs);
	tcase_add_test(tc, json_escaping);
	tcase_add_test(tc, json_options_all);
	tcase_add_test(tc, json_unfinished);
	tcase_add_test(tc, text_scaled);
	tcase_add_test(tc, text_huge_times);
	tcase_add_test(tc, averages_wide);
	tcase_add_test(tc, text_utf8_names);
	tcase_add_test(tc, text_empty);
	tcase_add_test(tc, decimal_rounding);
	tcase_add_test(tc, text_blocked_and_notes);
	tcase_add_test(tc, json_blocked_and_notes);
	tcase_add_test(tc, for_sim_too_late);
	suite_add_tcase(s, tc);
	return s;
}
