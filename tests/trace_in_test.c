/* trace_in_test.c: the "trace_in" suite.  Reading schedsim traces back:
 * the header, the exact event stream, traces cut short, every malformed
 * kind with its exact message, both kinds through trace_in_play, and a
 * long trace read in bounded memory. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "sched/policy.h"
#include "trace/trace_in.h"

/* A small complete trace.  Line numbers matter to the messages below. */
static const char *const base[] = {
	"schedsim-trace 1",                          /* 1 */
	"schedsim 0.1.0",                            /* 2 */
	"policy prio",                               /* 3 */
	"quantum 2",                                 /* 4 */
	"preemptive false",                          /* 5 */
	"aging 0",                                   /* 6 */
	"priority-order high-first",                 /* 7 */
	"switch-cost 1",                             /* 8 */
	"seed 42",                                   /* 9 */
	"workload \"w \\\"x\\\".wl\" 3 19",          /* 10 */
	"| name burst",                              /* 11 */
	"| A 2",                                     /* 12 */
	"| Bc 1",                                    /* 13 */
	"thread 0 A 0 0",                            /* 14 */
	"thread 1 \"B c\" 1 -3",                     /* 15 */
	"events",                                    /* 16 */
	"0 arrive A 0 \"\"",                         /* 17 */
	"0 dispatch A 0 \"first\"",                  /* 18 */
	"1 arrive \"B c\" 0 \"\"",                   /* 19 */
	"2 exit A 0 \"\"",                           /* 20 */
	"2 switch \"B c\" 1 \"\"",                   /* 21 */
	"3 dispatch \"B c\" 0 \"say \\\"hi\\\" \\\\ \\x01\\t\"", /* 22 */
	"4 exit \"B c\" 0 \"\"",                     /* 23 */
	"4 end - 0 \"\"",                            /* 24 */
	NULL
};

#define NBASE 24

/* The base trace with line `at` (1-based) replaced by `with` (NULL: the
 * line goes; it may hold several lines), cut after `keep` lines (0: all),
 * then written to a temporary file opened for reading. */
static FILE *make(int at, const char *with, int keep)
{
	FILE *f = tmpfile();

	ck_assert_ptr_nonnull(f);
	for (int i = 1; base[i - 1] && (!keep || i <= keep); i++) {
		if (i == at) {
			if (with)
				fprintf(f, "%s\n", with);
		} else {
			fprintf(f, "%s\n", base[i - 1]);
		}
	}
	rewind(f);
	return f;
}

static trace_in *open_ok(FILE *f)
{
	char err[256] = "";
	trace_in *t = trace_in_new(f, "t.trace", NULL);

	ck_assert_ptr_nonnull(t);
	ck_assert_msg(trace_in_header(t, err, sizeof err) == 0, "header: %s", err);
	return t;
}

/* Every event, as "TIME KIND THREAD ARG REASON|" lines; the status of the
 * last trace_in_next in *rc and the error, if any, in err. */
static char *events(trace_in *t, int *rc, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	sim_event ev;

	err[0] = '\0';
	while ((*rc = trace_in_next(t, &ev, err, errlen)) > 0)
		fprintf(out, "%lld %s %d %lld %s|", (long long)ev.time, sim_ev_name(ev.kind),
		        ev.thread, (long long)ev.arg, ev.reason);
	fclose(out);
	return buf;
}

START_TEST(header_read)
{
	FILE *f = make(0, NULL, 0);
	trace_in *t = open_ok(f);
	const sim_options *o = trace_in_options(t);
	size_t len;
	const char *text = trace_in_workload(t, &len);

	ck_assert_str_eq(trace_in_policy(t), "prio");
	ck_assert_str_eq(o->policy, "prio");
	ck_assert_str_eq(trace_in_writer(t), "0.1.0");
	ck_assert_ptr_eq(o->pol.defs, pol_prio.opts);
	ck_assert_int_eq(sim_options_int(o, "quantum"), 2);
	ck_assert_int_eq(sim_options_int(o, "preemptive"), 0);
	ck_assert_int_eq(sim_options_int(o, "aging"), 0);
	ck_assert_int_eq(sim_options_int(o, "priority-order"), 1);
	ck_assert_int_eq(o->switch_cost, 1);
	ck_assert_uint_eq(o->seed, 42);
	ck_assert(!o->inherit);
	ck_assert_uint_eq(o->nsems, 0);
	ck_assert_str_eq(trace_in_workload_name(t), "w \"x\".wl");
	ck_assert_uint_eq(len, 19);
	ck_assert_str_eq(text, "name burst\nA 2\nBc 1");
	ck_assert_uint_eq(trace_in_nthreads(t), 2);
	ck_assert_str_eq(trace_in_thread_at(t, 0)->name, "A");
	ck_assert_str_eq(trace_in_thread_at(t, 1)->name, "B c");
	ck_assert_int_eq(trace_in_thread_at(t, 1)->arrival, 1);
	ck_assert_int_eq(trace_in_thread_at(t, 1)->priority, -3);
	ck_assert_ptr_null(trace_in_thread_at(t, 2));
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(header_final_newline_and_extras)
{
	/* 20 bytes: the text had its final newline.  Unknown keywords are a
	 * later version's and are skipped; inherit and sem are read. */
	FILE *f = make(10, "workload w 3 20\n", 0);
	trace_in *t;
	size_t len;
	const char *text;

	fclose(f);
	f = make(9, "seed 42\nfuture-option 7 \"x\"\ninherit true\nsem \"S 1\" 3\nsem T 0", 0);
	t = open_ok(f);
	ck_assert(trace_in_options(t)->inherit);
	ck_assert_uint_eq(trace_in_options(t)->nsems, 2);
	ck_assert_str_eq(trace_in_options(t)->sems[0].name, "S 1");
	ck_assert_int_eq(trace_in_options(t)->sems[0].count, 3);
	ck_assert_str_eq(trace_in_options(t)->sems[1].name, "T");
	ck_assert_int_eq(trace_in_options(t)->sems[1].count, 0);
	trace_in_free(t);
	fclose(f);

	f = make(10, "workload w 3 20", 0);
	t = open_ok(f);
	text = trace_in_workload(t, &len);
	ck_assert_uint_eq(len, 20);
	ck_assert_str_eq(text, "name burst\nA 2\nBc 1\n");
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(header_demo_without_text)
{
	FILE *f = make(10, "workload mutex 0 0", 0);
	trace_in *t;
	char err[256];

	fclose(f);
	/* Lines 11-13 go too: build it by hand. */
	f = tmpfile();
	for (int i = 0; i < NBASE; i++)
		if (i < 9 || i > 12)
			fprintf(f, "%s\n", base[i]);
		else if (i == 9)
			fprintf(f, "workload mutex 0 0\n");
	rewind(f);
	t = trace_in_new(f, "t.trace", NULL);
	ck_assert_int_eq(trace_in_header(t, err, sizeof err), 0);
	size_t len = 1;
	ck_assert_ptr_null(trace_in_workload(t, &len));
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(trace_in_workload_name(t), "mutex");
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(events_exact)
{
	FILE *f = make(0, NULL, 0);
	trace_in *t = open_ok(f);
	char err[256];
	int rc;
	char *got = events(t, &rc, err, sizeof err);

	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(got,
	                 "0 arrive 0 0 |0 dispatch 0 0 first|1 arrive 1 0 |2 exit 0 0 |"
	                 "2 switch 1 1 |3 dispatch 1 0 say \"hi\" \\ \x01\t|4 exit 1 0 |"
	                 "4 end -1 0 |");
	ck_assert(!trace_in_cut_short(t));
	ck_assert_int_eq(trace_in_last_time(t), 4);
	ck_assert_ptr_null(trace_in_result_text(t));
	/* After the end, the end stays. */
	sim_event ev;
	ck_assert_int_eq(trace_in_next(t, &ev, err, sizeof err), 0);
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(result_after_end)
{
	/* A C-code demo's result follows the end event. */
	FILE *f = make(24, "4 end - 0 \"deadlock at time 4: A waits\"\n"
	               "result \"final count 13, expected 40\"", 0);
	trace_in *t = open_ok(f);
	char err[256];
	int rc;
	char *got = events(t, &rc, err, sizeof err);

	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(got, "4 end -1 0 deadlock at time 4: A waits|"));
	ck_assert_str_eq(trace_in_result_text(t), "final count 13, expected 40");
	ck_assert(!trace_in_cut_short(t));
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(first_line_given)
{
	FILE *f = make(0, NULL, 0);
	char *line = NULL, err[256];
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	trace_in *t;

	ck_assert_int_eq(n, 17);
	line[n - 1] = '\0';
	ck_assert(trace_in_sniff(line, (size_t)n - 1));
	ck_assert(trace_in_sniff("schedsim-trace", 14));
	ck_assert(!trace_in_sniff("schedsim-traces 1", 17));
	ck_assert(!trace_in_sniff("yes-4164 [000] d..2.", 20));
	t = trace_in_new(f, "t.trace", line);
	ck_assert_int_eq(trace_in_header(t, err, sizeof err), 0);
	ck_assert_uint_eq(trace_in_nthreads(t), 2);
	trace_in_free(t);
	free(line);
	fclose(f);
}
END_TEST

/* ---- cut short ----------------------------------------------------------- */

START_TEST(cut_short)
{
	FILE *f = make(0, NULL, 21);
	trace_in *t = open_ok(f);
	char err[256];
	int rc;
	char *got = events(t, &rc, err, sizeof err);

	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(got, "0 arrive 0 0 |0 dispatch 0 0 first|1 arrive 1 0 |2 exit 0 0 |"
	                 "2 switch 1 1 |");
	ck_assert(trace_in_cut_short(t));
	ck_assert_int_eq(trace_in_last_time(t), 2);
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(cut_short_torn_line)
{
	/* A last line without its newline was being written: it is not read. */
	FILE *f = make(0, NULL, 21);
	trace_in *t;
	char err[256];
	int rc;

	fseek(f, 0, SEEK_END);
	fputs("3 dispatch \"B c\" 0 \"say", f);
	rewind(f);
	t = open_ok(f);
	char *got = events(t, &rc, err, sizeof err);
	ck_assert_int_eq(rc, 0);
	ck_assert(trace_in_cut_short(t));
	ck_assert_int_eq(trace_in_last_time(t), 2);
	ck_assert_ptr_nonnull(strstr(got, "2 switch 1 1 |"));
	ck_assert_ptr_null(strstr(got, "3 dispatch"));
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(cut_short_before_events)
{
	/* Interrupted before the first event: the header is all there is. */
	FILE *f = make(0, NULL, 15);
	trace_in *t = open_ok(f);
	char err[256];
	int rc;
	char *got = events(t, &rc, err, sizeof err);

	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(got, "");
	ck_assert(trace_in_cut_short(t));
	ck_assert_int_eq(trace_in_last_time(t), 0);
	ck_assert_uint_eq(trace_in_nthreads(t), 2);
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

/* ---- malformed: every kind, its exact message ------------------------------ */

typedef struct bad {
	int at;            /* line replaced (1-based) */
	const char *with;  /* its replacement, NULL to drop it */
	int keep;          /* lines kept, 0 for all */
	const char *msg;
} bad;

static const bad bad_header[] = {
	{ 1, "hello", 0, "t.trace:1:1: not a schedsim trace (it begins with 'schedsim-trace')" },
	{ 1, "schedsim-trace 2", 0,
	  "t.trace:1:16: trace format version 2 is newer than this schedsim supports (1)" },
	{ 1, "schedsim-trace 12", 0,
	  "t.trace:1:16: trace format version 12 is newer than this schedsim supports (1)" },
	{ 1, "schedsim-trace x", 0, "t.trace:1:16: bad trace format version 'x'" },
	{ 1, "schedsim-trace 0", 0, "t.trace:1:16: bad trace format version '0'" },
	{ 1, "schedsim-trace", 0, "t.trace:1:15: 'schedsim-trace' needs the format's version" },
	{ 3, "policy", 0, "t.trace:3:7: 'policy' needs a name" },
	{ 3, "policy rr x", 0, "t.trace:3:11: unexpected text at the end of the 'policy' line" },
	{ 3, "policy \"rr\"", 0, "t.trace:3:8: 'policy' needs a name, not a quoted field" },
	{ 3, NULL, 0, "t.trace:15:1: the header has no 'policy' line" },
	{ 4, "quantum x", 0,
	  "t.trace:4:9: bad quantum 'x': expected a whole number from 0 to 1000000000000" },
	{ 4, "quantum -1", 0,
	  "t.trace:4:9: bad quantum '-1': expected a whole number from 0 to 1000000000000" },
	{ 4, "quantum  2", 0, "t.trace:4:9: two spaces between fields" },
	{ 4, "quantum 2 ", 0, "t.trace:4:10: a space ends the line" },
	{ 5, "preemptive maybe", 0,
	  "t.trace:5:12: bad preemptive 'maybe': expected false or true" },
	{ 7, "priority-order up", 0,
	  "t.trace:7:16: bad priority-order 'up': expected low-first or high-first" },
	{ 8, "switch-cost 99999999999999", 0, "t.trace:8:13: bad switch-cost '99999999999999': "
	  "expected a whole number from 0 to 1000000000000" },
	{ 9, "seed 18446744073709551616", 0, "t.trace:9:6: bad seed '18446744073709551616': "
	  "expected a whole number from 0 to 18446744073709551615" },
	{ 9, "seed 1\ninherit sometimes", 0,
	  "t.trace:10:9: bad inherit 'sometimes': expected false or true" },
	{ 9, "seed 1\nsem S x", 0, "t.trace:10:7: bad semaphore count 'x'" },
	{ 9, "seed 1\nsem \"\\x1b]0;\" 2", 0, "t.trace:10:5: bad semaphore name '\x1b]0;'" },
	{ 9, "seed 1\n| stray", 0, "t.trace:10:1: a workload line outside the workload" },
	{ 9, "seed 1\n x", 0, "t.trace:10:1: a space begins the line" },
	{ 9, "seed 1\n\"quoted\" 1", 0,
	  "t.trace:10:1: expected a header line: a keyword and its values" },
	{ 10, NULL, 0, "t.trace:10:1: a workload line outside the workload" },
	{ 10, "workload w x 19", 0, "t.trace:10:12: bad workload line count 'x'" },
	{ 10, "workload w 3 -1", 0, "t.trace:10:14: bad workload byte count '-1'" },
	{ 10, "workload w 3 1", 0,
	  "t.trace:10:12: 3 workload lines take at least 2 bytes (their newlines), not 1" },
	{ 10, "workload w 3 25", 0,
	  "t.trace:10:1: the workload's 3 lines hold 19 bytes (20 with a final newline), not 25" },
	{ 10, "workload w 4 19", 0, "t.trace:14:1: expected '| ' and line 4 of 4 of the workload" },
	{ 10, "workload \"w 3 19", 0, "t.trace:10:10: unterminated quoted field" },
	{ 10, "workload \"w\\q\" 3 19", 0, "t.trace:10:12: bad escape '\\q' in a quoted field" },
	{ 10, "workload \"w\\x4\" 3 19", 0,
	  "t.trace:10:12: bad escape: '\\x' needs two lowercase hex digits" },
	{ 10, "workload \"w\"3 19", 0, "t.trace:10:13: expected a space after the quoted field" },
	{ 12, "|A 2", 0, "t.trace:12:1: expected '| ' and line 2 of 3 of the workload" },
	{ 14, "thread 1 A 0 0", 0, "t.trace:14:8: thread 1 out of order (expected thread 0)" },
	{ 14, "thread x A 0 0", 0, "t.trace:14:8: bad thread index 'x'" },
	{ 14, "thread 0 \"\" 0 0", 0, "t.trace:14:10: empty thread name" },
	{ 14, "thread 0 A x 0", 0, "t.trace:14:12: bad arrival 'x'" },
	{ 14, "thread 0 A 0 99999999999", 0, "t.trace:14:14: bad priority '99999999999'" },
	{ 14, "thread 0 A 0", 0,
	  "t.trace:14:13: 'thread' needs an index, name, arrival and priority" },
	{ 14, "thread 0 A 0 0 0", 0,
	  "t.trace:14:16: unexpected text at the end of the 'thread' line" },
	{ 15, "thread 1 A 1 3", 0, "t.trace:15:10: thread name 'A' given twice (threads 0 and 1)" },
	{ 16, "events now", 0, "t.trace:16:7: unexpected text after 'events'" },
	{ 0, NULL, 11, "t.trace:11:1: the trace ends inside the workload (line 2 of 3)" },
	{ 0, NULL, 9, "t.trace:9:1: the trace ends inside its header" },
	{ 0, NULL, 0, NULL }
};

static const bad bad_event[] = {
	{ 18, "x dispatch A 0 \"\"", 0,
	  "t.trace:18:1: bad time 'x': expected a whole number of ticks" },
	{ 18, "-1 dispatch A 0 \"\"", 0,
	  "t.trace:18:1: bad time '-1': expected a whole number of ticks" },
	{ 20, "0 exit A 0 \"\"", 0, "t.trace:20:1: time goes backwards: 0 after 1" },
	{ 18, "0 run A 0 \"\"", 0, "t.trace:18:3: unknown event kind 'run'" },
	{ 18, "0 dispatch Z 0 \"\"", 0, "t.trace:18:12: unknown thread 'Z'" },
	{ 18, "0 dispatch \"A \" 0 \"\"", 0, "t.trace:18:12: unknown thread 'A '" },
	{ 18, "0 dispatch - 0 \"\"", 0, "t.trace:18:12: 'dispatch' needs a thread" },
	{ 18, "0 idle A 0 \"\"", 0, "t.trace:18:8: 'idle' takes no thread ('-'), not 'A'" },
	{ 24, "4 end \"-\" 0 \"\"", 0, "t.trace:24:7: 'end' takes no thread ('-'), not '-'" },
	{ 18, "0 dispatch A x \"\"", 0,
	  "t.trace:18:14: bad argument 'x': expected a whole number" },
	{ 18, "0 dispatch A 0 first", 0,
	  "t.trace:18:16: the reason must be quoted (\"\" for none)" },
	{ 18, "0 dispatch A 0 \"first", 0, "t.trace:18:16: unterminated quoted field" },
	{ 18, "0 dispatch A 0 \"a\\zb\"", 0, "t.trace:18:18: bad escape '\\z' in a quoted field" },
	{ 18, "0 dispatch A 0 \"\" x", 0, "t.trace:18:19: unexpected text after the reason" },
	{ 18, "0 dispatch A 0 \"\" ", 0, "t.trace:18:18: a space ends the line" },
	{ 18, "0 dispatch A 0 \"\"\r", 0,
	  "t.trace:18:18: expected a space after the quoted field" },
	{ 18, "0 dispatch A 0", 0,
	  "t.trace:18:15: missing REASON: an event is 'TIME KIND THREAD ARG \"REASON\"'" },
	{ 18, "0 dispatch", 0,
	  "t.trace:18:11: missing THREAD: an event is 'TIME KIND THREAD ARG \"REASON\"'" },
	{ 18, "", 0,
	  "t.trace:18:1: missing TIME: an event is 'TIME KIND THREAD ARG \"REASON\"'" },
	/* Times within SIM_TIME_MAX, and every sum with them (issue 10, item 3). */
	{ 18, "5000000000000000001 dispatch A 0 \"\"", 0,
	  "t.trace:18:1: time 5000000000000000001 is past the latest a trace"
	  " may name (5000000000000000000)" },
	{ 18, "9223372036854775807 dispatch A 0 \"\"", 0,
	  "t.trace:18:1: time 9223372036854775807 is past the latest a trace"
	  " may name (5000000000000000000)" },
	{ 21, "2 switch \"B c\" 4999999999999999999 \"\"", 0,
	  "t.trace:21:16: the switch at 2 for 4999999999999999999 ticks ends"
	  " past the latest time a trace may name (5000000000000000000)" },
	{ 20, "2 block A 4999999999999999999 \"\"", 0,
	  "t.trace:20:11: the block at 2 for 4999999999999999999 ticks ends"
	  " past the latest time a trace may name (5000000000000000000)" },
	/* Arguments in their ranges (item 8). */
	{ 20, "2 block A -1 \"\"", 0,
	  "t.trace:20:11: bad argument '-1' of 'block': expected ticks from 0"
	  " to 5000000000000000000" },
	{ 21, "2 switch \"B c\" -1 \"\"", 0,
	  "t.trace:21:16: bad argument '-1' of 'switch': expected ticks from"
	  " 0 to 5000000000000000000" },
	{ 18, "0 dispatch A 5 \"\"", 0,
	  "t.trace:18:14: bad argument '5' of 'dispatch': expected 0" },
	{ 18, "0 prio A 2147483648 \"\"", 0,
	  "t.trace:18:10: bad argument '2147483648' of 'prio': expected a"
	  " priority from -2147483648 to 2147483647" },
	/* Events that contradict each other or the thread table (item 4). */
	{ 17, NULL, 0,
	  "t.trace:17:12: 'A' cannot be dispatched at 0: it has not arrived"
	  " (its arrival is 0)" },
	{ 19, "0 arrive \"B c\" 0 \"\"", 0,
	  "t.trace:19:1: 'B c' arrives at 0, but the thread table gives its"
	  " arrival as 1" },
	{ 19, "1 arrive A 0 \"\"", 0,
	  "t.trace:19:10: 'A' cannot arrive at 1: it is running" },
	{ 20, "2 exit \"B c\" 0 \"\"", 0,
	  "t.trace:20:8: 'B c' cannot exit at 2: it is ready" },
	{ 20, "2 wake A 0 \"\"", 0,
	  "t.trace:20:8: 'A' cannot wake at 2: it is running" },
	{ 20, "2 dispatch \"B c\" 0 \"\"", 0,
	  "t.trace:20:12: 'B c' cannot be dispatched at 2: 'A' is running" },
	{ 22, "2 dispatch \"B c\" 0 \"\"", 0,
	  "t.trace:22:12: 'B c' cannot be dispatched at 2: the switch to 'B"
	  " c' lasts until 3" },
	{ 22, "4 dispatch \"B c\" 0 \"\"", 0,
	  "t.trace:22:1: the switch to 'B c' ends at 3 with its dispatch,"
	  " before time 4" },
	{ 22, "3 idle - 0 \"\"", 0,
	  "t.trace:22:1: 'idle' cannot come at 3: the switch to 'B c' lasts"
	  " until 3" },
	{ 23, NULL, 0,
	  "t.trace:23:1: 'end' cannot come at 4: 'B c' is running" },
	{ 24, "4 exit A 0 \"\"", 0,
	  "t.trace:24:8: 'A' cannot exit at 4: it has exited" },
	{ 18, "0 dispatch A 0 \"\"\n0 exit A 0 \"\"\n0 end - 0 \"\"", 0,
	  "t.trace:20:1: 'end' at 0, but 'B c' has not arrived (its arrival"
	  " is 1)" },
	{ 24, "4 end - 0 \"\"\n5 idle - 0 \"\"", 0, "t.trace:25:1: a line after the 'end' event" },
	{ 24, "4 end - 0 \"\"\nresult x", 0, "t.trace:25:8: 'result' needs one quoted text" },
	{ 24, "4 end - 0 \"\"\nresult \"x\" \"y\"", 0,
	  "t.trace:25:8: 'result' needs one quoted text" },
	{ 24, "4 end - 0 \"\"\nresult \"x", 0, "t.trace:25:8: unterminated quoted field" },
	{ 0, NULL, 0, NULL }
};

START_TEST(malformed_header)
{
	const bad *b = &bad_header[_i];
	FILE *f = make(b->at, b->with, b->keep);
	trace_in *t = trace_in_new(f, "t.trace", NULL);
	char err[256] = "";

	ck_assert_int_eq(trace_in_header(t, err, sizeof err), -1);
	ck_assert_str_eq(err, b->msg);
	ck_assert(!trace_in_io_error(t));
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(malformed_event)
{
	const bad *b = &bad_event[_i];
	FILE *f = make(b->at, b->with, b->keep);
	trace_in *t = open_ok(f);
	char err[256];
	int rc;
	char *got = events(t, &rc, err, sizeof err);

	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err, b->msg);
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(nul_and_long_lines)
{
	FILE *f = make(0, NULL, 17);
	trace_in *t;
	char err[256], *got;
	int rc;

	fseek(f, 0, SEEK_END);
	fwrite("0 dispatch A\0 0 \"\"\n", 1, 20, f);
	rewind(f);
	t = open_ok(f);
	got = events(t, &rc, err, sizeof err);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err, "t.trace:18:13: a NUL byte in the line");
	free(got);
	trace_in_free(t);
	fclose(f);

	f = make(0, NULL, 17);
	fseek(f, 0, SEEK_END);
	fputs("0 dispatch A 0 \"", f);
	for (int i = 0; i < 70000; i++)
		putc('x', f);
	fputs("\"\n", f);
	rewind(f);
	t = open_ok(f);
	got = events(t, &rc, err, sizeof err);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err, "t.trace:18:65537: line longer than 65536 bytes");
	free(got);
	trace_in_free(t);
	fclose(f);
}
END_TEST

START_TEST(empty_trace)
{
	FILE *f = tmpfile();
	trace_in *t = trace_in_new(f, "t.trace", NULL);
	char err[256];

	ck_assert_int_eq(trace_in_header(t, err, sizeof err), -1);
	ck_assert_str_eq(err, "t.trace:1:1: empty trace");
	trace_in_free(t);
	fclose(f);
}
END_TEST

/* ---- trace_in_play: either kind ------------------------------------------- */

typedef struct seen {
	char info[512];
	size_t events;
	int64_t last;
} seen;

static int on_start(void *ctx, const trace_in_info *info)
{
	seen *s = ctx;
	size_t n = (size_t)snprintf(s->info, sizeof s->info, "%s %s %d %d", info->policy,
	                            info->form ? info->form : "-", info->cpu, info->busiest);

	for (size_t i = 0; i < info->nthreads && n < sizeof s->info; i++) {
		const trace_in_task *k = &info->threads[i];

		n += (size_t)snprintf(s->info + n, sizeof s->info - n,
		                      "|%s %d %lld %lld %lld %lld %lld", k->name, k->tid,
		                      (long long)k->arrival, (long long)k->waiting,
		                      (long long)k->dispatches, (long long)k->preemptions,
		                      (long long)k->voluntary);
	}
	return 0;
}

static void on_event(void *ctx, const sim_event *ev)
{
	seen *s = ctx;

	s->events++;
	s->last = ev->time;
}

static int play(const char *path, int cpu, seen *s, trace_in_result *res, char *err,
                size_t errlen)
{
	trace_in_player p = { on_start, on_event, s };

	memset(s, 0, sizeof *s);
	return trace_in_play(path, cpu, &p, res, err, errlen);
}

START_TEST(play_schedsim)
{
	char path[] = "/tmp/trace_in_test-XXXXXX", err[256];
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	trace_in_result res;
	seen s;

	for (int i = 0; base[i]; i++)
		fprintf(f, "%s\n", base[i]);
	fclose(f);
	ck_assert_int_eq(play(path, -1, &s, &res, err, sizeof err), 0);
	ck_assert_str_eq(s.info, "prio - -1 0|A -1 0 -1 -1 -1 -1|B c -1 1 -1 -1 -1 -1");
	ck_assert_uint_eq(s.events, 8);
	ck_assert(!res.cut_short);
	ck_assert_int_eq(res.last_time, 4);
	ck_assert_int_eq(play(path, 1, &s, &res, err, sizeof err), -1);
	char want[256];
	snprintf(want, sizeof want, "%s: --cpu applies to Linux traces only; this is a "
	         "schedsim trace", path);
	ck_assert_str_eq(err, want);
	unlink(path);
}
END_TEST

START_TEST(play_linux)
{
	char err[512];
	trace_in_result res;
	seen s;

	ck_assert_msg(play(SCHEDSIM_SRCDIR "/traces/linux-ftrace.txt", -1, &s, &res, err,
	                   sizeof err) == 0, "%s", err);
	ck_assert_str_eq(s.info, "linux ftrace 0 1|make 1300 0 250 1 1 0|"
	                 "Web Content 1201 50 100 3 1 2|cc1 1310 200 100 1 0 1|"
	                 "kworker/0:1 11 500 70 3 0 2");
	ck_assert_int_eq(s.last, 1000);
	ck_assert_int_eq(res.last_time, 1000);
	ck_assert(!res.cut_short);
	ck_assert_msg(play(SCHEDSIM_SRCDIR "/traces/linux-trace-cmd.txt", 1, &s, &res, err,
	                   sizeof err) == 0, "%s", err);
	ck_assert_str_eq(s.info, "linux trace-cmd 1 0|sshd 900 0 10 1 0 1|"
	                 "make 1300 350 0 1 0 1");
}
END_TEST

START_TEST(play_errors)
{
	char err[512];
	trace_in_result res;
	seen s;

	ck_assert_int_eq(play("/nonexistent/t", -1, &s, &res, err, sizeof err), -1);
	ck_assert_str_eq(err, "/nonexistent/t: No such file or directory");
	ck_assert(!res.io_error);
	ck_assert_int_eq(play(SCHEDSIM_SRCDIR "/traces/linux-perf.txt", 7, &s, &res, err,
	                      sizeof err), -1);
	ck_assert_str_eq(err, SCHEDSIM_SRCDIR "/traces/linux-perf.txt: no sched_switch events "
	                 "on CPU 7 (CPUs with some: 0, 1)");
	ck_assert(!res.io_error);
}
END_TEST

/* ---- spooled, to be played again -------------------------------------------- */

static char *spooled(trace_in_spool *sp)
{
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	sim_event ev;
	int rc;

	while ((rc = trace_in_spool_next(sp, &ev, err, sizeof err)) > 0)
		fprintf(out, "%lld %s %d %lld %s|", (long long)ev.time, sim_ev_name(ev.kind),
		        ev.thread, (long long)ev.arg, ev.reason);
	ck_assert_int_eq(rc, 0);
	fclose(out);
	return buf;
}

START_TEST(spool_again)
{
	char path[] = "/tmp/trace_in_test-XXXXXX", err[256];
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	trace_in_result res;
	trace_in_spool *sp;

	for (int i = 0; base[i]; i++)
		fprintf(f, "%s\n", base[i]);
	fclose(f);
	sp = trace_in_spool_new(path, -1, &res, err, sizeof err);
	unlink(path);
	ck_assert_msg(sp != NULL, "%s", err);
	const trace_in_info *info = trace_in_spool_info(sp);
	ck_assert_str_eq(info->policy, "prio");
	ck_assert_int_eq(sim_options_int(info->opt, "quantum"), 2);
	ck_assert_uint_eq(info->nthreads, 2);
	ck_assert_str_eq(info->threads[1].name, "B c");
	ck_assert_ptr_null(info->form);
	char *first = spooled(sp);
	ck_assert_str_eq(first,
	                 "0 arrive 0 0 |0 dispatch 0 0 first|1 arrive 1 0 |2 exit 0 0 |"
	                 "2 switch 1 1 |3 dispatch 1 0 say \"hi\" \\ \x01\t|4 exit 1 0 |"
	                 "4 end -1 0 |");
	ck_assert_int_eq(trace_in_spool_rewind(sp, err, sizeof err), 0);
	char *again = spooled(sp);
	ck_assert_str_eq(again, first);
	free(first);
	free(again);
	trace_in_spool_free(sp);

	sp = trace_in_spool_new(SCHEDSIM_SRCDIR "/traces/linux-ftrace.txt", -1, &res, err,
	                        sizeof err);
	ck_assert_msg(sp != NULL, "%s", err);
	info = trace_in_spool_info(sp);
	ck_assert_str_eq(info->form, "ftrace");
	ck_assert_int_eq(info->cpu, 0);
	ck_assert_str_eq(info->threads[3].name, "kworker/0:1");
	ck_assert_int_eq(info->threads[3].tid, 11);
	first = spooled(sp);
	ck_assert_ptr_nonnull(strstr(first, "|100 preempt 0 0 prev_state=R+|"));
	ck_assert_ptr_nonnull(strstr(first, "|1000 end -1 0 |"));
	trace_in_spool_rewind(sp, err, sizeof err);
	again = spooled(sp);
	ck_assert_str_eq(again, first);
	free(first);
	free(again);
	trace_in_spool_free(sp);

	ck_assert_ptr_null(trace_in_spool_new("/nonexistent/t", -1, &res, err, sizeof err));
	ck_assert_str_eq(err, "/nonexistent/t: No such file or directory");
}
END_TEST

/* ---- a long trace, in bounded memory --------------------------------------- */

START_TEST(long_trace_bounded)
{
	/* 1,000,000 events (2,000 under valgrind): what the reader holds
	 * after them is what it held after the first few. */
	long n = getenv("SCHEDSIM_VALGRIND") ? 2000 : 1000000;
	FILE *f = tmpfile();
	trace_in *t;
	char err[256];
	sim_event ev;
	size_t early = 0;
	long got = 0;

	for (int i = 0; i < 16; i++)
		fprintf(f, "%s\n", base[i]);
	fprintf(f, "0 arrive A 0 \"\"\n"); /* then n events */
	for (long i = 0; i < n / 2; i++)
		fprintf(f, "%ld dispatch A 0 \"next in the round-robin queue\"\n"
		        "%ld preempt A 0 \"quantum of 2 expired\"\n", 2 * i, 2 * i + 2);
	rewind(f);
	t = open_ok(f);
	while (trace_in_next(t, &ev, err, sizeof err) > 0) {
		if (++got == 10)
			early = trace_in_memory(t);
	}
	ck_assert_int_eq(got, n + 1);
	ck_assert(trace_in_cut_short(t));
	ck_assert_int_eq(trace_in_last_time(t), n);
	ck_assert_uint_eq(trace_in_memory(t), early);
	ck_assert_uint_lt(early, 4096);
	trace_in_free(t);
	fclose(f);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("trace_in");
	TCase *tc = tcase_create("header");

	tcase_add_test(tc, header_read);
	tcase_add_test(tc, header_final_newline_and_extras);
	tcase_add_test(tc, header_demo_without_text);
	tcase_add_test(tc, first_line_given);
	suite_add_tcase(s, tc);

	tc = tcase_create("events");
	tcase_add_test(tc, events_exact);
	tcase_add_test(tc, result_after_end);
	tcase_add_test(tc, cut_short);
	tcase_add_test(tc, cut_short_torn_line);
	tcase_add_test(tc, cut_short_before_events);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_add_loop_test(tc, malformed_header, 0,
	                    (int)(sizeof bad_header / sizeof *bad_header) - 1);
	tcase_add_loop_test(tc, malformed_event, 0,
	                    (int)(sizeof bad_event / sizeof *bad_event) - 1);
	tcase_add_test(tc, empty_trace);
	tcase_add_test(tc, nul_and_long_lines);
	suite_add_tcase(s, tc);

	tc = tcase_create("play");
	tcase_add_test(tc, play_schedsim);
	tcase_add_test(tc, play_linux);
	tcase_add_test(tc, play_errors);
	tcase_add_test(tc, spool_again);
	suite_add_tcase(s, tc);

	tc = tcase_create("memory");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, long_trace_bounded);
	suite_add_tcase(s, tc);
	return s;
}
