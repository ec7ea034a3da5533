/* workload_test.c: the Check suite of the workload parser. */
#include <config.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "wl/workload.h"

static char err[512];

static int parse(workload *wl, const char *text)
{
	return wl_parse(wl, "t.wl", text, strlen(text), err, sizeof(err));
}

static void parse_ok(workload *wl, const char *text)
{
	int rc = parse(wl, text);

	ck_assert_msg(rc == 0, "unexpected error: %s", err);
	ck_assert_str_eq(err, "");
}

static void step_eq(const wl_step *s, wl_step_kind kind, int64_t n, int line,
                    int col)
{
	ck_assert_int_eq(s->kind, kind);
	ck_assert_int_eq(s->n, n);
	ck_assert_int_eq(s->line, line);
	ck_assert_int_eq(s->col, col);
}

static void arg_eq(const wl_arg *a, const char *text, int line, int col)
{
	ck_assert_str_eq(a->text, text);
	ck_assert_int_eq(a->line, line);
	ck_assert_int_eq(a->col, col);
}

/* ---- good files --------------------------------------------------------- */

START_TEST(test_every_feature)
{
	static const char text[] =
		"# a comment line\r\n"
		"#: --policy rr   --quantum\t4 # a comment after options\r\n"
		"\r\n"
		"   \t  \n"
		"Priority\tBURST  name Arrival   # header, any case and order\n"
		"  3  4,io:2,3   P1  0\r\n"
		"-7\t10 P2\t5# comment touching a field\n"
		"# between threads\n"
		"  #: --aging 9\n"
		"0 IO:1,Cpu:2 long-name.with_punct 1000000000000\n";
	workload wl;

	parse_ok(&wl, text);
	ck_assert_str_eq(wl.path, "t.wl");
	ck_assert_uint_eq(wl.source_len, sizeof(text) - 1);
	ck_assert_str_eq(wl.source, text);
	ck_assert_uint_eq(wl.nthreads, 3);

	const wl_thread *t = &wl.threads[0];
	ck_assert_str_eq(t->name, "P1");
	ck_assert_int_eq(t->arrival, 0);
	ck_assert_int_eq(t->priority, 3);
	ck_assert_int_eq(t->line, 6);
	ck_assert_uint_eq(t->nsteps, 3);
	step_eq(&t->steps[0], WL_STEP_CPU, 4, 6, 6);
	step_eq(&t->steps[1], WL_STEP_IO, 2, 6, 8);
	step_eq(&t->steps[2], WL_STEP_CPU, 3, 6, 13);
	ck_assert_int_eq(wl_cpu_total(t), 7);
	ck_assert_int_eq(wl_io_total(t), 2);

	t = &wl.threads[1];
	ck_assert_str_eq(t->name, "P2");
	ck_assert_int_eq(t->arrival, 5);
	ck_assert_int_eq(t->priority, -7);
	ck_assert_int_eq(t->line, 7);
	ck_assert_uint_eq(t->nsteps, 1);
	step_eq(&t->steps[0], WL_STEP_CPU, 10, 7, 4);

	t = &wl.threads[2];
	ck_assert_str_eq(t->name, "long-name.with_punct");
	ck_assert_int_eq(t->arrival, WL_TICKS_MAX);
	ck_assert_int_eq(t->priority, 0);
	ck_assert_int_eq(t->line, 10);
	ck_assert_uint_eq(t->nsteps, 2);
	step_eq(&t->steps[0], WL_STEP_IO, 1, 10, 3);
	step_eq(&t->steps[1], WL_STEP_CPU, 2, 10, 8);
	ck_assert_int_eq(wl_cpu_total(t), 2);
	ck_assert_int_eq(wl_io_total(t), 1);

	ck_assert_uint_eq(wl.nargs, 6);
	arg_eq(&wl.args[0], "--policy", 2, 4);
	arg_eq(&wl.args[1], "rr", 2, 13);
	arg_eq(&wl.args[2], "--quantum", 2, 18);
	arg_eq(&wl.args[3], "4", 2, 28);
	arg_eq(&wl.args[4], "--aging", 9, 6);
	arg_eq(&wl.args[5], "9", 9, 14);
	wl_free(&wl);
	ck_assert_ptr_null(wl.threads);
	ck_assert_uint_eq(wl.nthreads, 0);
}
END_TEST

START_TEST(test_defaults)
{
	workload wl;

	/* No final newline; arrival and priority left out. */
	parse_ok(&wl, "burst name\n5 A\n1 B");
	ck_assert_uint_eq(wl.nthreads, 2);
	ck_assert_uint_eq(wl.nargs, 0);
	ck_assert_ptr_null(wl.args);
	ck_assert_str_eq(wl.threads[1].name, "B");
	ck_assert_int_eq(wl.threads[0].arrival, 0);
	ck_assert_int_eq(wl.threads[0].priority, 0);
	ck_assert_int_eq(wl.threads[1].line, 3);
	ck_assert_int_eq(wl_cpu_total(&wl.threads[1]), 1);
	ck_assert_int_eq(wl_io_total(&wl.threads[1]), 0);
	wl_free(&wl);
}
END_TEST

START_TEST(test_limits)
{
	workload wl;

	parse_ok(&wl, "name burst priority arrival\n"
	         "abcdefghijklmnopqrstuvwxyz012345 1000000000000 -1000000 0\n"
	         "b 007,io:0001 1000000 1\n"
	         "\xc3\xa9t\xc3\xa9 1 -0 2\n"
	         "\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xed\x9f\xbf 1 0 3 # \xff\xfe comments may hold any byte\n");
	ck_assert_uint_eq(strlen(wl.threads[0].name), WL_NAME_MAX);
	ck_assert_int_eq(wl.threads[0].steps[0].n, WL_TICKS_MAX);
	ck_assert_int_eq(wl.threads[0].priority, -WL_PRIORITY_MAX);
	ck_assert_int_eq(wl.threads[1].priority, WL_PRIORITY_MAX);
	ck_assert_int_eq(wl.threads[1].steps[0].n, 7);
	ck_assert_int_eq(wl.threads[1].steps[1].n, 1);
	ck_assert_str_eq(wl.threads[2].name, "\xc3\xa9t\xc3\xa9");
	ck_assert_int_eq(wl.threads[2].priority, 0);
	ck_assert_str_eq(wl.threads[3].name,
	                 "\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xed\x9f\xbf");
	wl_free(&wl);
}
END_TEST

START_TEST(test_long_line_ok)
{
	/* A line of exactly WL_LINE_MAX bytes, plus a CR, is accepted:
	 * "AB " and 2047 steps of one tick. */
	char text[WL_LINE_MAX + 64];
	size_t steps = (WL_LINE_MAX - 3 + 1) / 2;
	workload wl;
	size_t n = (size_t)sprintf(text, "name burst\nAB ");

	for (size_t i = 0; i < steps; i++)
		n += (size_t)sprintf(text + n, i ? ",1" : "1");
	n += (size_t)sprintf(text + n, "\r\n");
	ck_assert_uint_eq(n, 11 + WL_LINE_MAX + 2);
	ck_assert_int_eq(wl_parse(&wl, "t.wl", text, n, err, sizeof(err)), 0);
	ck_assert_uint_eq(wl.threads[0].nsteps, 2047);
	ck_assert_int_eq(wl_cpu_total(&wl.threads[0]), 2047);
	wl_free(&wl);
}
END_TEST

START_TEST(test_step_names)
{
	ck_assert_str_eq(wl_step_name(WL_STEP_CPU), "cpu");
	ck_assert_str_eq(wl_step_name(WL_STEP_IO), "io");
	ck_assert_str_eq(wl_step_name(WL_STEP_LOCK), "lock");
	ck_assert_str_eq(wl_step_name(WL_STEP_UNLOCK), "unlock");
	ck_assert_str_eq(wl_step_name(WL_STEP_WAIT), "wait");
	ck_assert_str_eq(wl_step_name(WL_STEP_POST), "post");
	ck_assert_str_eq(wl_step_name(WL_STEP_SLEEP), "sleep");
	ck_assert_str_eq(wl_step_name(WL_STEP_JOIN), "join");
}
END_TEST

/* What the step table says of each kind: what its argument names, and
 * whether it takes no time (a burst goes on across it). */
START_TEST(test_step_properties)
{
	static const struct {
		wl_step_kind kind;
		wl_step_arg takes;
		bool instant;
	} want[] = {
		{ WL_STEP_CPU, WL_ARG_TICKS, false },
		{ WL_STEP_IO, WL_ARG_TICKS, false },
		{ WL_STEP_LOCK, WL_ARG_MUTEX, true },
		{ WL_STEP_UNLOCK, WL_ARG_MUTEX, true },
		{ WL_STEP_WAIT, WL_ARG_SEM, true },
		{ WL_STEP_POST, WL_ARG_SEM, true },
		{ WL_STEP_SLEEP, WL_ARG_TICKS, false },
		{ WL_STEP_JOIN, WL_ARG_THREAD, false },
	};

	ck_assert_int_eq(sizeof want / sizeof *want, WL_STEP_KINDS);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		ck_assert_int_eq(wl_step_takes(want[i].kind), want[i].takes);
		ck_assert_int_eq(wl_step_instant(want[i].kind), want[i].instant);
	}
	ck_assert_str_eq(wl_step_name(WL_STEP_KINDS), "?");
	ck_assert(!wl_step_instant(WL_STEP_KINDS));
}
END_TEST

/* A step's argument starts just after "KIND:", whatever the kind. */
START_TEST(test_step_arg_col)
{
	workload wl;

	parse_ok(&wl, "name burst\nP1 2,lock:A,unlock:A,join:P2\nP2 sleep:4\n");
	ck_assert_int_eq(wl_step_arg_col(&wl.threads[0].steps[1]), 11);
	ck_assert_int_eq(wl_step_arg_col(&wl.threads[0].steps[2]), 20);
	ck_assert_int_eq(wl_step_arg_col(&wl.threads[0].steps[3]), 27);
	ck_assert_int_eq(wl_step_arg_col(&wl.threads[1].steps[0]), 10);
	wl_free(&wl);
}
END_TEST

/* Every synchronization step, the objects they name (semaphores as
 * declared, then mutexes by first use), and the joined thread's index. */
START_TEST(test_sync_steps)
{
	workload wl;

	ck_assert_msg(parse(&wl, "name burst\n"
	                    "P1 LOCK:M,2,unlock:M,post:S,sleep:4,join:P2\n"
	                    "#: --policy rr --sem=S=0 --sem T=3\n"
	                    "P2 wait:S,lock:N,lock:M,1,unlock:M,unlock:N,post:T\n") == 0,
	              "%s", err);
	ck_assert_uint_eq(wl.nobjs, 4);
	ck_assert_str_eq(wl.objs[0].name, "S");
	ck_assert_int_eq(wl.objs[0].kind, WL_OBJ_SEM);
	ck_assert_int_eq(wl.objs[0].count, 0);
	ck_assert_int_eq(wl.objs[0].line, 3);
	ck_assert_int_eq(wl.objs[0].col, 22);
	ck_assert_str_eq(wl.objs[1].name, "T");
	ck_assert_int_eq(wl.objs[1].count, 3);
	ck_assert_int_eq(wl.objs[1].col, 32);
	ck_assert_str_eq(wl.objs[2].name, "M");
	ck_assert_int_eq(wl.objs[2].kind, WL_OBJ_MUTEX);
	ck_assert_int_eq(wl.objs[2].line, 2);
	ck_assert_int_eq(wl.objs[2].col, 9);
	ck_assert_str_eq(wl.objs[3].name, "N");

	const wl_thread *p1 = &wl.threads[0], *p2 = &wl.threads[1];
	ck_assert_uint_eq(p1->nsteps, 6);
	ck_assert_int_eq(p1->steps[0].kind, WL_STEP_LOCK);
	ck_assert_int_eq(p1->steps[0].n, 2);
	ck_assert_str_eq(p1->steps[0].name, "M");
	ck_assert_int_eq(p1->steps[2].kind, WL_STEP_UNLOCK);
	ck_assert_int_eq(p1->steps[3].kind, WL_STEP_POST);
	ck_assert_int_eq(p1->steps[3].n, 0);
	ck_assert_int_eq(p1->steps[4].kind, WL_STEP_SLEEP);
	ck_assert_int_eq(p1->steps[4].n, 4);
	ck_assert_ptr_null(p1->steps[4].name);
	ck_assert_int_eq(p1->steps[5].kind, WL_STEP_JOIN);
	ck_assert_int_eq(p1->steps[5].n, 1);
	ck_assert_int_eq(p2->steps[0].kind, WL_STEP_WAIT);
	ck_assert_int_eq(p2->steps[1].n, 3);
	ck_assert_int_eq(p2->steps[6].n, 1);
	ck_assert_int_eq(wl_cpu_total(p1), 2);
	ck_assert_int_eq(wl_io_total(p1), 0);
	wl_free(&wl);
}
END_TEST

START_TEST(test_sem_decl)
{
	char name[WL_NAME_MAX + 1];
	int64_t n = -1;

	ck_assert_int_eq(wl_sem_decl("S=2", name, &n), 0);
	ck_assert_str_eq(name, "S");
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(wl_sem_decl("slots=1000000000000", name, &n), 0);
	ck_assert_int_eq(n, WL_TICKS_MAX);
	ck_assert_int_eq(wl_sem_decl("slots=1000000000001", name, &n), -2); /* the shape is right */
	ck_assert_int_eq(wl_sem_decl("S=", name, &n), -1);
	ck_assert_int_eq(wl_sem_decl("=2", name, &n), -1);
	ck_assert_int_eq(wl_sem_decl("S", name, &n), -1);
	ck_assert_int_eq(wl_sem_decl("S=+2", name, &n), -1);
	ck_assert_int_eq(wl_sem_decl("a:b=2", name, &n), -1);
	ck_assert_int_eq(wl_sem_decl("abcdefghijklmnopqrstuvwxyz0123456=1", name, &n), -1);
	ck_assert_str_eq(name, "slots");
}
END_TEST

/* ---- errors, each with its whole message -------------------------------- */

static const struct bad {
	const char *text;
	const char *msg;
} bad[] = {
	/* numbers */
	{ "name arrival burst\nP1 x1 3\n",
	  "t.wl:2:4: bad arrival 'x1': not a decimal number" },
	{ "name arrival burst\nP1 +1 3\n",
	  "t.wl:2:4: bad arrival '+1': not a decimal number" },
	{ "name arrival burst\nP1 0x10 3\n",
	  "t.wl:2:4: bad arrival '0x10': not a decimal number" },
	{ "name arrival burst\nP1 - 3\n",
	  "t.wl:2:4: bad arrival '-': not a decimal number" },
	{ "name arrival burst\nP1 -1 3\n",
	  "t.wl:2:4: arrival '-1' is negative" },
	{ "name arrival burst\nP1 1000000000001 3\n",
	  "t.wl:2:4: arrival '1000000000001' is too large (at most 1000000000000)" },
	{ "name arrival burst\nP1 99999999999999999999999999 3\n",
	  "t.wl:2:4: arrival '99999999999999999999999999' is too large (at most 1000000000000)" },
	{ "name burst priority\nP1 3 1000001\n",
	  "t.wl:2:6: priority '1000001' is out of range (-1000000 to 1000000)" },
	{ "name burst priority\nP1 3 -9223372036854775809\n",
	  "t.wl:2:6: priority '-9223372036854775809' is out of range (-1000000 to 1000000)" },
	{ "name burst priority\nP1 3 --1\n",
	  "t.wl:2:6: bad priority '--1': not a decimal number" },
	{ "name burst priority\nP1 3 high\n",
	  "t.wl:2:6: bad priority 'high': not a decimal number" },
	/* steps */
	{ "name burst\nP1 4,,3\n",
	  "t.wl:2:6: empty step in burst '4,,3'" },
	{ "name burst\nP1 4,3,\n",
	  "t.wl:2:8: empty step in burst '4,3,'" },
	{ "name burst\nP1 ,4\n",
	  "t.wl:2:4: empty step in burst ',4'" },
	{ "name burst\nP1 0\n",
	  "t.wl:2:4: cpu step '0' is zero: a step lasts at least 1 tick" },
	{ "name burst\nP1 4,io:00\n",
	  "t.wl:2:9: io step '00' is zero: a step lasts at least 1 tick" },
	{ "name burst\nP1 -4\n",
	  "t.wl:2:4: cpu step '-4' is negative" },
	{ "name burst\nP1 io:-4\n",
	  "t.wl:2:7: io step '-4' is negative" },
	{ "name burst\nP1 4x\n",
	  "t.wl:2:4: bad cpu step '4x': not a decimal number" },
	{ "name burst\nP1 cpu:1e3\n",
	  "t.wl:2:8: bad cpu step '1e3': not a decimal number" },
	{ "name burst\nP1 io:10000000000000\n",
	  "t.wl:2:7: io step '10000000000000' is too large (at most 1000000000000)" },
	{ "name burst\nP1 2,disk:4\n",
	  "t.wl:2:6: unknown step kind 'disk' (known kinds: cpu, io, lock, unlock, wait, "
	  "post, sleep, join)" },
	{ "name burst\nP1 2,:4\n",
	  "t.wl:2:6: unknown step kind '' (known kinds: cpu, io, lock, unlock, wait, "
	  "post, sleep, join)" },
	{ "name burst\nP1 nap\n",
	  "t.wl:2:4: unknown step kind 'nap' (known kinds: cpu, io, lock, unlock, wait, "
	  "post, sleep, join)" },
	{ "name burst\nP1 sleep\n",
	  "t.wl:2:9: missing ticks after 'sleep', as in 'sleep:3'" },
	{ "name burst\nP1 3,io\n",
	  "t.wl:2:8: missing ticks after 'io', as in 'io:3'" },
	/* synchronization steps */
	{ "name burst\nP1 sleep:0\n",
	  "t.wl:2:10: sleep step '0' is zero: a step lasts at least 1 tick" },
	{ "name burst\nP1 lock\n",
	  "t.wl:2:8: missing a mutex after 'lock', as in 'lock:A'" },
	{ "name burst\nP1 2,post\n",
	  "t.wl:2:10: missing a semaphore after 'post', as in 'post:S'" },
	{ "name burst\nP1 join\n",
	  "t.wl:2:8: missing a thread after 'join', as in 'join:P1'" },
	{ "name burst\nP1 lock:\n",
	  "t.wl:2:9: missing name after 'lock:'" },
	{ "name burst\nP1 lock:a=b\n",
	  "t.wl:2:9: bad name 'a=b': no ':' or '=' in a name" },
	{ "name burst\nP1 wait:abcdefghijklmnopqrstuvwxyz0123456\n",
	  "t.wl:2:9: name 'abcdefghijklmnopqrstuvwxyz0123456' is longer than 32 bytes" },
	{ "name burst\nP1 2,unlock:A\n",
	  "t.wl:2:13: thread 'P1' unlocks mutex 'A', which it does not hold" },
	{ "name burst\nP1 lock:A,unlock:A,unlock:A\n",
	  "t.wl:2:27: thread 'P1' unlocks mutex 'A', which it does not hold" },
	{ "name burst\nP0 lock:A,1,unlock:A\nP1 lock:A,lock:A,unlock:A\n",
	  "t.wl:3:16: thread 'P1' locks mutex 'A' again (it holds it since column 4): "
	  "it would wait for itself forever" },
	{ "name burst\nP1 lock:B,lock:A,3,unlock:A\n",
	  "t.wl:2:9: thread 'P1' never unlocks mutex 'B'" },
	/* Of two mutexes never unlocked, the first in the workload's order
	 * (A, first used on line 2), not the first the thread locked. */
	{ "name burst\nP0 lock:A,unlock:A\nP1 lock:B,lock:A\n",
	  "t.wl:3:16: thread 'P1' never unlocks mutex 'A'" },
	{ "name burst\nP1 LOCK:A,1\n",
	  "t.wl:2:9: thread 'P1' never unlocks mutex 'A'" },
	{ "name burst\nP1 JOIN:P9\n",
	  "t.wl:2:9: join of unknown thread 'P9'" },
	{ "name burst\nP1 wait:S\n",
	  "t.wl:2:9: undeclared semaphore 'S' (declare it with a line '#: --sem S=COUNT')" },
	{ "#: --sem S=1\nname burst\nP1 lock:S,unlock:S\n",
	  "t.wl:3:9: 'S' is a semaphore (line 1), not a mutex: use wait and post" },
	{ "name burst\nP1 lock:A,unlock:A,post:A\n",
	  "t.wl:2:25: 'A' is a mutex (line 2), not a semaphore: use lock and unlock" },
	{ "name burst\nP1 join:P9\nP2 3\n",
	  "t.wl:2:9: join of unknown thread 'P9'" },
	{ "name burst\nP1 3,join:P1\n",
	  "t.wl:2:11: thread 'P1' cannot join itself" },
	{ "#: --sem S\nname burst\nP1 wait:S\n",
	  "t.wl:1:10: invalid value 'S' for --sem: expected NAME=COUNT, as in 'S=2'" },
	{ "#: --sem=S=-1\nname burst\nP1 wait:S\n",
	  "t.wl:1:10: invalid value 'S=-1' for --sem: expected NAME=COUNT, as in 'S=2'" },
	{ "#: --sem S=1 --sem=S=2\nname burst\nP1 wait:S\n",
	  "t.wl:1:20: semaphore 'S' declared twice (first at line 1)" },
	{ "name burst\nP1 3,io:\n",
	  "t.wl:2:9: missing ticks after 'io:'" },
	/* names */
	{ "name burst\nP1 3\nP2 3\nP1 4\n",
	  "t.wl:4:1: duplicate thread name 'P1' (first at line 2)" },
	{ "name burst\nabcdefghijklmnopqrstuvwxyz0123456 3\n",
	  "t.wl:2:1: thread name 'abcdefghijklmnopqrstuvwxyz0123456' is longer than 32 bytes" },
	{ "name burst\nP\xe9 3\n",
	  "t.wl:2:2: thread name is not valid UTF-8 (byte 0xe9)" },
	{ "name burst\nab\xc0\xaf" "c 3\n",
	  "t.wl:2:3: thread name is not valid UTF-8 (byte 0xc0)" },
	{ "name burst\nx\xed\xa0\x80 3\n",
	  "t.wl:2:2: thread name is not valid UTF-8 (byte 0xed)" },
	{ "name burst\nx\xf4\x90\x80\x80 3\n",
	  "t.wl:2:2: thread name is not valid UTF-8 (byte 0xf4)" },
	{ "name burst\nx\xe2\x82 3\n",
	  "t.wl:2:2: thread name is not valid UTF-8 (byte 0xe2)" },
	{ "name burst\n\x80 3\n",
	  "t.wl:2:1: thread name is not valid UTF-8 (byte 0x80)" },
	/* fields */
	{ "name arrival burst\nP1 3\n",
	  "t.wl:2:5: missing field for column 'burst' (the header names 3 columns)" },
	{ "name arrival burst\nP1 3 # the burst is missing\n",
	  "t.wl:2:5: missing field for column 'burst' (the header names 3 columns)" },
	{ "name burst\nP1 3 7 8\n",
	  "t.wl:2:6: extra field '7' (the header names 2 columns)" },
	/* header */
	{ "name burst tickets\nP1 3 1\n",
	  "t.wl:1:12: unknown column 'tickets' (known columns: name, burst, arrival, priority)" },
	{ "name burst NAME\nP1 3 P2\n",
	  "t.wl:1:12: duplicate column 'NAME' (first at column 1)" },
	{ "  name arrival\nP1 3\n",
	  "t.wl:1:3: the header lacks the required column 'burst'" },
	{ "burst\n3\n",
	  "t.wl:1:1: the header lacks the required column 'name'" },
	{ "# no header here\nP1 0 24\nP2 0 3\n",
	  "t.wl:2:1: no header: expected column names (name, burst, arrival, priority), found 'P1'" },
	/* empty workloads: they point at the end of the file */
	{ "", "t.wl:1:1: empty workload: no header and no threads" },
	{ "# only\n\n  # comments\n",
	  "t.wl:4:1: empty workload: no header and no threads" },
	{ "#: --policy rr", "t.wl:1:15: empty workload: no header and no threads" },
	{ "# the header\nname burst\n# and no threads\n",
	  "t.wl:4:1: empty workload: no threads after the header at line 2" },
	{ "name burst",
	  "t.wl:1:11: empty workload: no threads after the header at line 1" },
	/* binary data */
	{ "name burst\nP1 3\x01\n",
	  "t.wl:2:5: control byte 0x01 (is this a binary file?)" },
	{ "name burst\nP1 3 # \x1b[31m\n",
	  "t.wl:2:8: control byte 0x1b (is this a binary file?)" },
	{ "name burst\nP1\r3\n",
	  "t.wl:2:3: control byte 0x0d (is this a binary file?)" },
	{ "name burst\nP1 3\r\r\n",
	  "t.wl:2:5: control byte 0x0d (is this a binary file?)" },
	{ "name\x7f burst\n",
	  "t.wl:1:5: control byte 0x7f (is this a binary file?)" },
	{ "name burst\nP1\v3\n",
	  "t.wl:2:3: control byte 0x0b (is this a binary file?)" },
	{ "\x7f" "ELF\x02\x01\x01", "t.wl:1:1: control byte 0x7f (is this a binary file?)" },
};

START_TEST(test_error)
{
	workload wl;

	memset(&wl, 0xa5, sizeof(wl));
	ck_assert_int_eq(parse(&wl, bad[_i].text), -1);
	ck_assert_str_eq(err, bad[_i].msg);
	/* Nothing to free after a failure. */
	ck_assert_ptr_null(wl.threads);
	ck_assert_ptr_null(wl.source);
	ck_assert_uint_eq(wl.nthreads, 0);
}
END_TEST

START_TEST(test_nul_byte)
{
	static const char text[] = "name burst\nP1 3\0 4\n";
	workload wl;

	ck_assert_int_eq(wl_parse(&wl, "t.wl", text, sizeof(text) - 1, err,
	                          sizeof(err)), -1);
	ck_assert_str_eq(err, "t.wl:2:5: control byte 0x00 (is this a binary file?)");
}
END_TEST

START_TEST(test_line_too_long)
{
	char *text = malloc(3 * WL_LINE_MAX);
	workload wl;
	size_t n = (size_t)sprintf(text, "name burst\nP1 1");

	memset(text + n, ' ', 2 * WL_LINE_MAX);
	n += 2 * WL_LINE_MAX;
	ck_assert_int_eq(wl_parse(&wl, "t.wl", text, n, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "t.wl:2:4097: line longer than 4096 bytes");
	free(text);
}
END_TEST

START_TEST(test_long_field_quoted_short)
{
	char text[256];
	workload wl;

	snprintf(text, sizeof(text), "name burst\nP1 %s\n",
	         "1234567890123456789012345678901234567890123456789x");
	ck_assert_int_eq(parse(&wl, text), -1);
	ck_assert_str_eq(err, "t.wl:2:4: bad cpu step "
	                 "'123456789012345678901234567890123456789012...': "
	                 "not a decimal number");
}
END_TEST

START_TEST(test_small_err_buffer)
{
	char small[12];
	workload wl;

	ck_assert_int_eq(wl_parse(&wl, "t.wl", "", 0, small, sizeof(small)), -1);
	ck_assert_str_eq(small, "t.wl:1:1: e");
	ck_assert_int_eq(wl_parse(&wl, "t.wl", "", 0, NULL, 0), -1);
}
END_TEST

START_TEST(test_too_large)
{
	char *text = calloc(WL_FILE_MAX + 1, 1);
	workload wl;

	ck_assert_ptr_nonnull(text);
	ck_assert_int_eq(wl_parse(&wl, "big.wl", text, WL_FILE_MAX + 1, err,
	                          sizeof(err)), -1);
	ck_assert_str_eq(err, "big.wl: larger than 67108864 bytes");
	free(text);
}
END_TEST

/* ---- files and standard input ------------------------------------------- */

static char *tmpfile_with(const char *text)
{
	static char path[64];
	int fd;

	strcpy(path, "/tmp/workload_test.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

START_TEST(test_load_file)
{
	char *path = tmpfile_with("name burst\nA 1,io:2,3\n");
	char want[128];
	workload wl;

	ck_assert_int_eq(wl_load(&wl, path, err, sizeof(err)), 0);
	ck_assert_str_eq(wl.path, path);
	ck_assert_str_eq(wl.source, "name burst\nA 1,io:2,3\n");
	ck_assert_int_eq(wl_cpu_total(&wl.threads[0]), 4);
	wl_free(&wl);

	unlink(path);
	path = tmpfile_with("name burst\nA 1,,3\n");
	ck_assert_int_eq(wl_load(&wl, path, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s:2:5: empty step in burst '1,,3'", path);
	ck_assert_str_eq(err, want);
	unlink(path);
}
END_TEST

START_TEST(test_load_missing)
{
	workload wl;

	ck_assert_int_eq(wl_load(&wl, "/nonexistent/x.wl", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "/nonexistent/x.wl: No such file or directory");
	ck_assert_ptr_null(wl.source);
}
END_TEST

START_TEST(test_load_directory)
{
	workload wl;

	ck_assert_int_eq(wl_load(&wl, "/tmp", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "/tmp: Is a directory");
}
END_TEST

START_TEST(test_load_dev_zero)
{
	workload wl;

	/* An endless input: the read stops after WL_FILE_MAX bytes. */
	ck_assert_int_eq(wl_load(&wl, "/dev/zero", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "/dev/zero: larger than 67108864 bytes");
}
END_TEST

/* wl_load("-") with standard input redirected, then restored so the suite
 * also runs unforked. */
static int load_stdin(workload *wl, const char *text)
{
	char *path = tmpfile_with(text);
	int saved = dup(STDIN_FILENO), fd = open(path, O_RDONLY), rc;

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	rc = wl_load(wl, "-", err, sizeof(err));
	ck_assert_int_eq(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	unlink(path);
	return rc;
}

START_TEST(test_load_stdin)
{
	workload wl;

	ck_assert_int_eq(load_stdin(&wl, "#: -q\nname burst\nA 3\n"), 0);
	ck_assert_str_eq(wl.path, "<stdin>");
	ck_assert_uint_eq(wl.nthreads, 1);
	arg_eq(&wl.args[0], "-q", 1, 4);
	wl_free(&wl);

	ck_assert_int_eq(load_stdin(&wl, "name burst\nA 3\nA 4\n"), -1);
	ck_assert_str_eq(err, "<stdin>:3:1: duplicate thread name 'A' (first at line 2)");
}
END_TEST

START_TEST(test_parse_stdin_name)
{
	workload wl;

	ck_assert_int_eq(wl_parse(&wl, "<stdin>", "name burst\n", 11, err,
	                          sizeof(err)), -1);
	ck_assert_str_eq(err, "<stdin>:2:1: empty workload: no threads after the header at line 1");
}
END_TEST

/* ---- the sample workloads in traces/ ------------------------------------ */

/* Each thread as NAME:ARRIVAL:CPU:IO:PRIORITY, so every number of every
 * sample (GUIDE section 5 for the Silberschatz ones) is checked. */
static const struct sample {
	const char *file;
	const char *args;	/* the "#:" words, joined by blanks */
	const char *threads;
} samples[] = {
	{ "silberschatz-fcfs.wl", "--policy fcfs",
	  "P1:0:24:0:0 P2:0:3:0:0 P3:0:3:0:0" },
	{ "silberschatz-sjf.wl", "--policy sjf",
	  "P1:0:6:0:0 P2:0:8:0:0 P3:0:7:0:0 P4:0:3:0:0" },
	{ "silberschatz-srtf.wl", "--policy srtf",
	  "P1:0:8:0:0 P2:1:4:0:0 P3:2:9:0:0 P4:3:5:0:0" },
	{ "silberschatz-priority.wl", "--policy prio",
	  "P1:0:10:0:3 P2:0:1:0:1 P3:0:2:0:4 P4:0:1:0:5 P5:0:5:0:2" },
	{ "silberschatz-rr.wl", "--policy rr --quantum 4",
	  "P1:0:24:0:0 P2:0:3:0:0 P3:0:3:0:0" },
	{ "silberschatz-prio-rr.wl", "--policy prio --quantum 2",
	  "P1:0:4:0:3 P2:0:5:0:2 P3:0:8:0:2 P4:0:7:0:1 P5:0:3:0:3" },
	{ "convoy.wl", "--policy fifo",
	  "LONG:0:40:0:0 A:1:2:0:0 B:1:2:0:0 C:2:2:0:0 D:3:2:0:0" },
	{ "io-vs-cpu.wl", "--policy rr --quantum 4",
	  "crunch1:0:30:0:0 editor:0:4:15:0 crunch2:0:30:0:0 shell:1:6:8:0" },
	{ "starvation.wl", "--policy prio --preemptive",
	  "batch:0:3:0:5 h0:0:4:0:1 h1:4:4:0:1 h2:8:4:0:1 h3:12:4:0:1 "
	  "h4:16:4:0:1 h5:20:4:0:1 h6:24:4:0:1 h7:28:4:0:1 h8:32:4:0:1 "
	  "h9:36:4:0:1" },
	{ "classroom.wl", "--policy rr --quantum 3",
	  "editor:0:6:12:1 compiler:0:18:0:3 player:2:9:8:2 backup:5:14:0:4 "
	  "shell:10:3:6:1" },
};

static const char *srcdir(void)
{
	const char *d = getenv("top_srcdir");

	return d && *d ? d : SCHEDSIM_SRCDIR;
}

START_TEST(test_sample)
{
	const struct sample *s = &samples[_i];
	char path[4096], args[256] = "", threads[1024] = "";
	workload wl;

	snprintf(path, sizeof(path), "%s/traces/%s", srcdir(), s->file);
	ck_assert_msg(wl_load(&wl, path, err, sizeof(err)) == 0, "%s", err);
	for (size_t i = 0; i < wl.nargs; i++)
		snprintf(args + strlen(args), sizeof(args) - strlen(args), "%s%s",
		         i ? " " : "", wl.args[i].text);
	ck_assert_str_eq(args, s->args);
	for (size_t i = 0; i < wl.nthreads; i++) {
		const wl_thread *t = &wl.threads[i];

		snprintf(threads + strlen(threads), sizeof(threads) - strlen(threads),
		         "%s%s:%lld:%lld:%lld:%d", i ? " " : "", t->name,
		         (long long)t->arrival, (long long)wl_cpu_total(t),
		         (long long)wl_io_total(t), t->priority);
	}
	ck_assert_str_eq(threads, s->threads);
	wl_free(&wl);
}
END_TEST

/* ---- scale and garbage -------------------------------------------------- */

START_TEST(test_many_threads)
{
	size_t n = check_under_valgrind() ? 2000 : 100000;
	size_t cap = 64 + n * 48, len;
	char *text = malloc(cap);
	workload wl;

	len = (size_t)sprintf(text, "name arrival burst priority\n");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "t%zu %zu %zu,io:1,1 %d\n",
		                       i, i / 3, i % 7 + 1, (int)(i % 5) - 2);
	ck_assert_int_eq(wl_parse(&wl, "many.wl", text, len, err, sizeof(err)), 0);
	ck_assert_uint_eq(wl.nthreads, n);
	for (size_t i = 0; i < n; i += n / 100) {
		char name[32];

		snprintf(name, sizeof(name), "t%zu", i);
		ck_assert_str_eq(wl.threads[i].name, name);
		ck_assert_int_eq(wl.threads[i].arrival, (int64_t)(i / 3));
		ck_assert_int_eq(wl.threads[i].priority, (int)(i % 5) - 2);
		ck_assert_int_eq(wl_cpu_total(&wl.threads[i]), (int64_t)(i % 7 + 2));
		ck_assert_int_eq(wl.threads[i].line, (int)i + 2);
	}
	wl_free(&wl);

	/* The same with the last name repeated: found among all the others. */
	len += (size_t)sprintf(text + len, "t%zu 0 1 0\n", n / 2);
	ck_assert_int_eq(wl_parse(&wl, "many.wl", text, len, err, sizeof(err)), -1);
	char want[128];
	snprintf(want, sizeof(want),
	         "many.wl:%zu:1: duplicate thread name 't%zu' (first at line %zu)",
	         n + 2, n / 2, n / 2 + 2);
	ck_assert_str_eq(err, want);
	free(text);
}
END_TEST

/* Every input gives either a workload or a message in the expected form. */
static void parse_anything(const char *text, size_t len)
{
	workload wl;
	int rc = wl_parse(&wl, "g.wl", text, len, err, sizeof(err));

	if (rc == 0) {
		ck_assert_uint_gt(wl.nthreads, 0);
		ck_assert_uint_eq(wl.source_len, len);
		wl_free(&wl);
		return;
	}
	ck_assert_int_eq(rc, -1);
	int line = 0, col = 0, end = 0;
	ck_assert_msg(sscanf(err, "g.wl:%d:%d: %n", &line, &col, &end) == 2 &&
	              end > 0 && err[end] && line >= 1 && col >= 1,
	              "bad message: %s", err);
}

START_TEST(test_random_bytes)
{
	unsigned seed = 12345;
	char buf[512];
	int rounds = check_under_valgrind() ? 200 : 5000;

	for (int r = 0; r < rounds; r++) {
		size_t len = (size_t)rand_r(&seed) % sizeof(buf);

		for (size_t i = 0; i < len; i++)
			buf[i] = (char)rand_r(&seed);
		parse_anything(buf, len);
	}
}
END_TEST

START_TEST(test_mutations)
{
	/* Random edits of a good file reach far deeper than random bytes. */
	static const char good[] =
		"# c\n#: --policy rr\nname arrival burst priority\n"
		"P1 0 4,io:2,3 1\nP2 1 10 -2\nP3 2 io:1,1 0\n";
	static const char alphabet[] = "0123456789,:#- \t\r\nio-xP";
	unsigned seed = 777;
	char buf[sizeof(good) + 16];
	int rounds = check_under_valgrind() ? 500 : 20000, ok = 0;

	for (int r = 0; r < rounds; r++) {
		size_t len = sizeof(good) - 1;

		memcpy(buf, good, len);
		for (int k = rand_r(&seed) % 4; k >= 0; k--) {
			size_t at = (size_t)rand_r(&seed) % len;

			buf[at] = alphabet[(size_t)rand_r(&seed) % (sizeof(alphabet) - 1)];
		}
		parse_anything(buf, len);
		ok += err[0] == '\0';
	}
	/* Some edits keep the file valid, most break it. */
	ck_assert_int_gt(ok, 0);
	ck_assert_int_lt(ok, rounds);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("workload");
	TCase *tc;

	tc = tcase_create("good");
	tcase_add_test(tc, test_every_feature);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_long_line_ok);
	tcase_add_test(tc, test_step_names);
	tcase_add_test(tc, test_step_properties);
	tcase_add_test(tc, test_step_arg_col);
	tcase_add_test(tc, test_sync_steps);
	tcase_add_test(tc, test_sem_decl);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_loop_test(tc, test_error, 0, (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_line_too_long);
	tcase_add_test(tc, test_long_field_quoted_short);
	tcase_add_test(tc, test_small_err_buffer);
	tcase_add_test(tc, test_too_large);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_load_file);
	tcase_add_test(tc, test_load_missing);
	tcase_add_test(tc, test_load_directory);
	tcase_add_test(tc, test_load_dev_zero);
	tcase_add_test(tc, test_load_stdin);
	tcase_add_test(tc, test_parse_stdin_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("samples");
	tcase_add_loop_test(tc, test_sample, 0,
	                    (int)(sizeof(samples) / sizeof(samples[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("scale");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_many_threads);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_mutations);
	suite_add_tcase(s, tc);
	return s;
}
