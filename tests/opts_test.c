/* opts_test.c: the "opts" suite.  Every option in both spellings, "#:"
 * words with FILE:LINE:COL errors, the command line overriding a workload,
 * and each usage error's exact message. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "cli/opts.h"

/* A command's own option, as a command declares it beside its code. */
static const opts_def list_own[] = {
	{ "list", 0, OPTS_K_FLAG, OPTS_AT(list), true, NULL, "list the built-in demos" },
	OPTS_END
};

/* Groups of options, as commands take them. */
static const opts_def *const run_groups[] = { opts_run, opts_report, opts_trace_out, NULL };
static const opts_def *const demo_groups[] = { opts_run, opts_report, opts_trace_out, list_own,
                                            NULL };
static const opts_def *const run_only[] = { opts_run, NULL };
static const opts_def *const list_only[] = { list_own, NULL };
static const opts_def *const output_list[] = { opts_report, opts_trace_out, list_own, NULL };
#define MAXW 8

static char err[512];

/* Parse a NULL-terminated list of words as a command's arguments. */
static int parse_as(opts *o, const opts_def *const *allow, size_t operands,
                    const char *const *words)
{
	char *argv[MAXW + 1] = { "run" };
	int argc = 1;

	for (; *words; words++)
		argv[argc++] = (char *)*words;
	err[0] = '\0';
	return opts_parse_argv(o, argc, argv, allow, operands, err, sizeof err);
}

#define PARSE(o, ...) parse_as((o), run_groups, 1, (const char *const[]){ __VA_ARGS__, NULL })

/* The usage error for one command line of run. */
static void usage_error(const char *const *words, const char *want)
{
	opts o;

	opts_init(&o);
	ck_assert_int_eq(parse_as(&o, run_groups, 1, words), -1);
	ck_assert_str_eq(err, want);
}

#define USAGE(want, ...) usage_error((const char *const[]){ __VA_ARGS__, NULL }, (want))

/* Option name of a run of policy (NULL: the one o names) under o. */
static int64_t num(const opts *o, const char *policy, const char *name)
{
	sim_options so;

	ck_assert_msg(opts_resolve(o, policy, true, &so, err, sizeof err) == 0, "%s", err);
	return sim_options_int(&so, name);
}

START_TEST(defaults)
{
	opts o;

	opts_init(&o);
	ck_assert_ptr_null(o.sim.policy);
	ck_assert_uint_eq(o.ngiven, 0);
	ck_assert_int_eq(num(&o, "rr", "quantum"), 4);
	ck_assert_int_eq(num(&o, "prio", "quantum"), 0);
	ck_assert_int_eq(num(&o, "prio", "preemptive"), 0);
	ck_assert_int_eq(num(&o, "prio", "aging"), 0);
	ck_assert_int_eq(num(&o, "prio", "priority-order"), 0);
	ck_assert_int_eq(num(&o, "srtf", "preemptive"), 1);
	ck_assert_int_eq(o.sim.switch_cost, 0);
	ck_assert_uint_eq(o.sim.seed, 0);
	ck_assert(!o.json && !o.quiet && !o.list && !o.help);
	ck_assert(o.color);
	ck_assert_int_eq(o.tui, OPTS_TUI_AUTO);
	ck_assert_ptr_null(o.trace_out);
	ck_assert_uint_eq(o.noperands, 0);
}
END_TEST

/* Each option with its value given as the next word and after '='. */
START_TEST(sim_options_both_spellings)
{
	opts a, b;

	opts_init(&a);
	opts_init(&b);
	ck_assert_int_eq(PARSE(&a, "--policy", "prio", "--quantum", "4", "--aging", "7",
	                       "--priority-order", "high-first"), 0);
	ck_assert_int_eq(PARSE(&b, "--policy=prio", "--quantum=4", "--aging=7",
	                       "--priority-order=high-first"), 0);
	for (opts *o = &a; o; o = o == &a ? &b : NULL) {
		ck_assert_str_eq(o->sim.policy, "prio");
		ck_assert_int_eq(num(o, NULL, "quantum"), 4);
		ck_assert_int_eq(num(o, NULL, "aging"), 7);
		ck_assert_int_eq(num(o, NULL, "priority-order"), 1);
	}
	opts_init(&a);
	opts_init(&b);
	ck_assert_int_eq(PARSE(&a, "--switch-cost", "2", "--seed", "18446744073709551615",
	                       "--preemptive"), 0);
	ck_assert_int_eq(PARSE(&b, "--switch-cost=2", "--seed=18446744073709551615",
	                       "--preemptive"), 0);
	for (opts *o = &a; o; o = o == &a ? &b : NULL) {
		ck_assert_int_eq(o->sim.switch_cost, 2);
		ck_assert_uint_eq(o->sim.seed, 18446744073709551615u);
		ck_assert_int_eq(num(o, "sjf", "preemptive"), 1);
	}
	ck_assert_int_eq(PARSE(&a, "--no-preemptive", "--priority-order", "low-first"), 0);
	ck_assert_int_eq(num(&a, "prio", "preemptive"), 0);
	ck_assert_int_eq(num(&a, "prio", "priority-order"), 0);
	ck_assert_int_eq(PARSE(&a, "--quantum=1000000000000", "--aging=0"), 0);
	ck_assert_int_eq(num(&a, "prio", "quantum"), 1000000000000);
	ck_assert_int_eq(num(&a, "prio", "aging"), 0);
}
END_TEST

START_TEST(output_options)
{
	opts o;

	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--json", "--trace-out", "t.trace", "--no-color", "--no-tui"), 0);
	ck_assert(o.json);
	ck_assert_str_eq(o.trace_out, "t.trace");
	ck_assert(!o.color);
	ck_assert_int_eq(o.tui, OPTS_TUI_OFF);
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "-q", "--trace-out=x", "--tui"), 0);
	ck_assert(o.quiet);
	ck_assert_str_eq(o.trace_out, "x");
	ck_assert_int_eq(o.tui, OPTS_TUI_ON);
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--quiet", "-h"), 0);
	ck_assert(o.quiet && o.help);
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--help"), 0);
	ck_assert(o.help);
}
END_TEST

START_TEST(operands)
{
	opts o;

	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--json", "work.wl", "--quantum", "3"), 0);
	ck_assert_uint_eq(o.noperands, 1);
	ck_assert_str_eq(o.operand[0], "work.wl");
	ck_assert_int_eq(num(&o, "rr", "quantum"), 3);
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "-"), 0);
	ck_assert_str_eq(o.operand[0], "-");
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--", "--json"), 0);
	ck_assert_str_eq(o.operand[0], "--json");
	ck_assert(!o.json);
	USAGE("unexpected argument 'b.wl'", "a.wl", "b.wl");
	opts_init(&o);
	ck_assert_int_eq(parse_as(&o, run_only, 0, (const char *const[]){ "x", NULL }), -1);
	ck_assert_str_eq(err, "unexpected argument 'x'");
}
END_TEST

START_TEST(list_only_where_accepted)
{
	opts o;

	opts_init(&o);
	ck_assert_int_eq(parse_as(&o, demo_groups, 1,
	                          (const char *const[]){ "--list", NULL }), 0);
	ck_assert(o.list);
	USAGE("unknown option '--list'", "--list");
	opts_init(&o);
	ck_assert_int_eq(parse_as(&o, list_only, 0, (const char *const[]){ "--json", NULL }), -1);
	ck_assert_str_eq(err, "unknown option '--json'");
}
END_TEST

START_TEST(usage_errors)
{
	USAGE("unknown option '--foo'", "--foo");
	USAGE("unknown option '--foo'", "--foo=1");
	USAGE("unknown option '-x'", "-x");
	USAGE("unknown option '-qh'", "-qh");
	USAGE("unknown option '--quant'", "--quant", "4");
	USAGE("option '--quantum' requires an argument", "--quantum");
	USAGE("option '--trace-out' requires an argument", "f.wl", "--trace-out");
	USAGE("option '--json' doesn't allow an argument", "--json=yes");
	USAGE("option '--quiet' doesn't allow an argument", "--quiet=");
	USAGE("invalid value 'abc' for --quantum: expected a whole number from 1 to "
	      "1000000000000", "--quantum", "abc");
	USAGE("invalid value '0' for --quantum: expected a whole number from 1 to "
	      "1000000000000", "--quantum=0");
	USAGE("invalid value '1000000000001' for --quantum: expected a whole number from 1 to "
	      "1000000000000", "--quantum=1000000000001");
	USAGE("invalid value '-1' for --aging: expected a whole number from 0 to "
	      "1000000000000", "--aging", "-1");
	USAGE("invalid value ' 3' for --switch-cost: expected a whole number from 0 to "
	      "1000000000000", "--switch-cost", " 3");
	USAGE("invalid value '4x' for --switch-cost: expected a whole number from 0 to "
	      "1000000000000", "--switch-cost=4x");
	USAGE("invalid value '' for --aging: expected a whole number from 0 to "
	      "1000000000000", "--aging=");
	USAGE("invalid value '18446744073709551616' for --seed: expected a whole number "
	      "from 0 to 18446744073709551615", "--seed", "18446744073709551616");
	USAGE("invalid value 'high' for --priority-order: expected low-first or high-first",
	      "--priority-order=high");
	USAGE("empty value for --policy", "--policy=");
	USAGE("empty value for --trace-out", "--trace-out", "");
}
END_TEST

START_TEST(combinations)
{
	opts o;

	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--json", "-q"), 0);
	ck_assert_int_eq(opts_check(&o, err, sizeof err), -1);
	ck_assert_str_eq(err, "--json and --quiet cannot be used together");
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--tui", "--json"), 0);
	ck_assert_int_eq(opts_check(&o, err, sizeof err), -1);
	ck_assert_str_eq(err, "--tui cannot be used with --json");
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--quiet", "--tui"), 0);
	ck_assert_int_eq(opts_check(&o, err, sizeof err), -1);
	ck_assert_str_eq(err, "--tui cannot be used with --quiet");
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--json", "--no-tui", "--trace-out", "t"), 0);
	ck_assert_int_eq(opts_check(&o, err, sizeof err), 0);
}
END_TEST

/* ---- "#:" words --------------------------------------------------------- */

static workload wl_of(wl_arg *args, size_t n)
{
	workload wl;

	memset(&wl, 0, sizeof wl);
	wl.path = "w.wl";
	wl.args = args;
	wl.nargs = n;
	return wl;
}

#define ARG(text, line, col) { (char *)(text), (line), (col) }

static void file_error(wl_arg *args, size_t n, const char *want)
{
	workload wl = wl_of(args, n);
	opts o;

	opts_init(&o);
	err[0] = '\0';
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), -1);
	ck_assert_str_eq(err, want);
}

START_TEST(file_words)
{
	wl_arg args[] = {
		ARG("--policy", 2, 4), ARG("prio", 2, 13), ARG("--quantum=2", 3, 4),
		ARG("--preemptive", 3, 16), ARG("--aging", 4, 4), ARG("10", 4, 12),
		ARG("--priority-order=high-first", 5, 4), ARG("--switch-cost", 5, 32),
		ARG("1", 5, 46), ARG("--seed=9", 6, 4),
	};
	workload wl = wl_of(args, sizeof args / sizeof *args);
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_str_eq(o.sim.policy, "prio");
	ck_assert_int_eq(o.policy_line, 2);
	ck_assert_int_eq(o.policy_col, 13);
	ck_assert_int_eq(num(&o, NULL, "quantum"), 2);
	ck_assert_int_eq(num(&o, NULL, "preemptive"), 1);
	ck_assert_int_eq(num(&o, NULL, "aging"), 10);
	ck_assert_int_eq(num(&o, NULL, "priority-order"), 1);
	ck_assert_int_eq(o.sim.switch_cost, 1);
	ck_assert_uint_eq(o.sim.seed, 9);
	ck_assert_uint_eq(o.noperands, 0);
}
END_TEST

START_TEST(file_policy_column_after_equals)
{
	wl_arg args[] = { ARG("--policy=srtf", 7, 3) };
	workload wl = wl_of(args, 1);
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_str_eq(o.sim.policy, "srtf");
	ck_assert_int_eq(o.policy_line, 7);
	ck_assert_int_eq(o.policy_col, 12);
}
END_TEST

START_TEST(file_errors)
{
	wl_arg a1[] = { ARG("--quantum", 3, 4), ARG("x", 3, 14) };
	wl_arg a2[] = { ARG("--quantum=x", 3, 4) };
	wl_arg a3[] = { ARG("--policy", 1, 4), ARG("rr", 1, 13), ARG("--bogus", 2, 4) };
	wl_arg a4[] = { ARG("--json", 1, 4) };
	wl_arg a5[] = { ARG("--help", 1, 4) };
	wl_arg a6[] = { ARG("-q", 9, 5) };
	wl_arg a7[] = { ARG("file.wl", 1, 4) };
	wl_arg a8[] = { ARG("--aging", 4, 20) };
	wl_arg a9[] = { ARG("--preemptive=1", 2, 4) };
	wl_arg a10[] = { ARG("--priority-order", 2, 4), ARG("up", 3, 4) };

	file_error(a1, 2, "w.wl:3:14: invalid value 'x' for --quantum: expected a whole "
	           "number from 1 to 1000000000000");
	file_error(a2, 1, "w.wl:3:14: invalid value 'x' for --quantum: expected a whole "
	           "number from 1 to 1000000000000");
	file_error(a3, 3, "w.wl:2:4: unknown option '--bogus'");
	file_error(a4, 1, "w.wl:1:4: option '--json' cannot be given in a workload; "
	           "give it on the command line");
	file_error(a5, 1, "w.wl:1:4: option '--help' cannot be given in a workload; "
	           "give it on the command line");
	file_error(a6, 1, "w.wl:9:5: option '--quiet' cannot be given in a workload; "
	           "give it on the command line");
	file_error(a7, 1, "w.wl:1:4: unexpected word 'file.wl' (only options can be "
	           "given here)");
	file_error(a8, 1, "w.wl:4:20: option '--aging' requires an argument");
	file_error(a9, 1, "w.wl:2:4: option '--preemptive' doesn't allow an argument");
	file_error(a10, 2, "w.wl:3:4: invalid value 'up' for --priority-order: expected "
	           "low-first or high-first");

	/* An option the workload's own policy does not take, where it is. */
	wl_arg b1[] = { ARG("--policy", 1, 4), ARG("fifo", 1, 13), ARG("--quantum", 1, 18),
	                ARG("2", 1, 28) };
	wl_arg b3[] = { ARG("--policy=rr", 1, 4), ARG("--no-preemptive", 2, 4) };
	wl_arg b4[] = { ARG("--policy=prio", 1, 4), ARG("--quantum=2", 1, 18),
	                ARG("--policy=sjf", 2, 4) };

	file_error(b1, 4, "w.wl:1:18: fifo takes no --quantum (its options: none)");
	file_error(b3, 2, "w.wl:2:4: rr takes no --preemptive (its options: --quantum)");
	file_error(b4, 3, "w.wl:1:18: sjf takes no --quantum (its options: --preemptive)");
}
END_TEST

/* A workload that names no policy gives its policy options for whichever
 * runs: they are checked against that one, and located. */
START_TEST(file_options_for_the_policy_that_runs)
{
	wl_arg args[] = { ARG("--aging=3", 2, 6) };
	workload wl = wl_of(args, 1);
	char *prio[] = { "run", "--policy", "prio", NULL };
	char *rr[] = { "run", "--policy=rr", NULL };
	sim_options so;
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -2);
	ck_assert_str_eq(err, "w.wl:2:6: fifo takes no --aging (its options: none)");
	ck_assert_int_eq(opts_resolve(&o, NULL, false, &so, err, sizeof err), 0);

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_int_eq(opts_parse_argv(&o, 2, rr, run_groups, 0, err, sizeof err), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -2);
	ck_assert_str_eq(err, "w.wl:2:6: rr takes no --aging (its options: --quantum)");

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_int_eq(opts_parse_argv(&o, 3, prio, run_groups, 0, err, sizeof err), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), 0);
	ck_assert_str_eq(so.policy, "prio");
	ck_assert_int_eq(sim_options_int(&so, "aging"), 3);
}
END_TEST

/* The workload's words first, then the command line: the command line wins,
 * and what it does not mention stays as the file said. */
START_TEST(command_line_overrides_file)
{
	wl_arg args[] = {
		ARG("--policy", 1, 4), ARG("prio", 1, 13), ARG("--quantum", 1, 18), ARG("2", 1, 28),
		ARG("--preemptive", 2, 4), ARG("--seed=3", 2, 17),
	};
	workload wl = wl_of(args, sizeof args / sizeof *args);
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_int_eq(PARSE(&o, "w.wl", "--quantum=5", "--no-preemptive"), 0);
	ck_assert_str_eq(o.sim.policy, "prio");
	ck_assert_int_eq(o.policy_line, 1);
	ck_assert_int_eq(o.policy_col, 13);
	ck_assert_int_eq(num(&o, NULL, "quantum"), 5);
	ck_assert_int_eq(num(&o, NULL, "preemptive"), 0);
	ck_assert_uint_eq(o.sim.seed, 3);
	ck_assert_str_eq(o.operand[0], "w.wl");

	/* A policy from the command line is no longer the file's. */
	ck_assert_int_eq(parse_as(&o, run_groups, 2,
	                          (const char *const[]){ "--policy", "fifo", NULL }), 0);
	ck_assert_str_eq(o.sim.policy, "fifo");
	ck_assert_int_eq(o.policy_line, 0);
	ck_assert_int_eq(o.policy_col, 0);
}
END_TEST

/* The options of the policy that runs: the workload's carry over to
 * another policy where it takes them and are left out where it does not;
 * the command line's must be taken. */
START_TEST(resolve_for_the_policy)
{
	wl_arg args[] = { ARG("--policy=prio", 1, 4), ARG("--quantum=2", 1, 18),
	                  ARG("--aging", 2, 4), ARG("9", 2, 12) };
	workload wl = wl_of(args, sizeof args / sizeof *args);
	const char *const rr_fifo[] = { "rr", "fifo" }, *const fifo_sjf[] = { "fifo", "sjf" };
	sim_options so;
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_int_eq(num(&o, NULL, "aging"), 9);
	ck_assert_int_eq(num(&o, "rr", "quantum"), 2);
	ck_assert_int_eq(num(&o, "fifo", "quantum"), -1);
	ck_assert_int_eq(opts_resolve(&o, "fifo", true, &so, err, sizeof err), 0);
	ck_assert_uint_eq(so.pol.n, 0);
	ck_assert_ptr_null(opts_untaken(&o, fifo_sjf, 2));

	ck_assert_int_eq(PARSE(&o, "--policy", "fifo", "--quantum", "3"), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -1);
	ck_assert_str_eq(err, "fifo takes no --quantum (its options: none)");
	ck_assert_int_eq(opts_resolve(&o, "prio", true, &so, err, sizeof err), 0);
	ck_assert_int_eq(sim_options_int(&so, "quantum"), 3);
	ck_assert_int_eq(sim_options_int(&so, "aging"), 9);
	/* not strict (compare, the view's next policy): left out */
	ck_assert_int_eq(opts_resolve(&o, NULL, false, &so, err, sizeof err), 0);
	ck_assert_str_eq(so.policy, "fifo");
	ck_assert_ptr_null(opts_untaken(&o, rr_fifo, 2));
	ck_assert_str_eq(opts_untaken(&o, fifo_sjf, 2)->name, "quantum");
	ck_assert_int_eq(PARSE(&o, "--policy", "lottery"), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -1);
	ck_assert_str_eq(err, "unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)");
}
END_TEST

/* --sem in both spellings, from the file and then the command line, in
 * order (the engine lets later ones win); --inherit and its undoing; and
 * opts_copy() keeping the copy's semaphores its own. */
START_TEST(sync_options)
{
	wl_arg args[] = { ARG("--sem", 1, 4), ARG("S=2", 1, 10), ARG("--inherit", 1, 14),
	                  ARG("--sem=T=0", 2, 4) };
	workload wl = wl_of(args, sizeof args / sizeof *args);
	opts o, c;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert(o.sim.inherit);
	ck_assert_int_eq(PARSE(&o, "w.wl", "--sem", "S=5", "--no-inherit"), 0);
	ck_assert(!o.sim.inherit);
	ck_assert_uint_eq(o.sim.nsems, 3);
	ck_assert_ptr_eq(o.sim.sems, o.sems);
	ck_assert_str_eq(o.sim.sems[0].name, "S");
	ck_assert_int_eq(o.sim.sems[0].count, 2);
	ck_assert_str_eq(o.sim.sems[1].name, "T");
	ck_assert_int_eq(o.sim.sems[1].count, 0);
	ck_assert_str_eq(o.sim.sems[2].name, "S");
	ck_assert_int_eq(o.sim.sems[2].count, 5);
	opts_copy(&c, &o);
	ck_assert_ptr_eq(c.sim.sems, c.sems);
	ck_assert_ptr_eq(c.sim.sems[1].name, c.sem_names[1]);
	ck_assert_str_eq(c.sim.sems[1].name, "T");

	opts_init(&o);
	USAGE("invalid value 'S' for --sem: expected NAME=COUNT, as in 'S=2', with a count "
	      "from 0 to 1000000000000", "--sem", "S");
	USAGE("invalid value 'S=x' for --sem: expected NAME=COUNT, as in 'S=2', with a count "
	      "from 0 to 1000000000000", "--sem=S=x");
	USAGE("option '--sem' requires an argument", "--sem");
	USAGE("option '--inherit' doesn't allow an argument", "--inherit=1");
	for (int i = 0; i < OPTS_SEMS_MAX; i++)
		ck_assert_int_eq(PARSE(&o, "--sem", "S=1"), 0);
	ck_assert_int_eq(PARSE(&o, "--sem", "S=1"), -1);
	ck_assert_str_eq(err, "too many --sem options (at most 16)");
}
END_TEST

START_TEST(no_words)
{
	workload wl = wl_of(NULL, 0);
	opts o;

	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_groups, err, sizeof err), 0);
	ck_assert_ptr_null(o.sim.policy);
	ck_assert_int_eq(o.policy_line, 0);
}
END_TEST

START_TEST(help_lines)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	opts_help(f, output_list, NULL);
	fclose(f);
	ck_assert_str_eq(buf,
	        "      --json                 print the report as one JSON object\n"
	        "  -q, --quiet                print no report (only the exit status tells)\n"
	        "      --tui                  the live view, even when stdout is not a terminal\n"
	        "      --no-tui               the text report, even on a terminal\n"
	        "      --no-color             no colour in the live view (also NO_COLOR)\n"
	        "      --trace-out FILE       record the run in FILE (doc/trace-format.md)\n"
	        "      --list                 list the built-in demos\n"
	        "  -h, --help                 show this help and exit\n");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	opts_help(f, run_only, NULL);
	fclose(f);
	ck_assert_str_eq(buf,
	        "      --policy P             scheduling policy (default fifo; see 'policies')\n"
	        "      --quantum N            time slice in ticks (rr, prio)\n"
	        "      --preemptive           a better thread takes the CPU at once (prio, sjf, srtf)\n"
	        "      --no-preemptive        undo a workload's --preemptive\n"
	        "      --aging N              raise a waiting thread's priority every N ticks (prio)\n"
	        "      --priority-order ORDER low-first (lower number wins; default), high-first (prio)\n"
	        "      --switch-cost N        ticks each context switch costs (default 0)\n"
	        "      --seed N               seed for randomised policies (default 0)\n"
	        "      --inherit              priority inheritance for mutexes\n"
	        "      --no-inherit           undo a workload's --inherit\n"
	        "      --sem S=N              semaphore S starts at N (declares S in a workload)\n"
	        "  -h, --help                 show this help and exit\n");
	free(buf);
	/* compare refuses --policy although its groups hold it: not shown;
	 * an option declared without help is taken but not shown. */
	static const opts_def compare_own[] = {
		{ "policies", 0, OPTS_K_STRING, OPTS_AT(policies), 0, "LIST",
		  "the policies to compare, by commas (default: all)" },
		{ "quiet", 'q', OPTS_K_FLAG, OPTS_AT(quiet), true, NULL, NULL },
		OPTS_END
	};
	const opts_def *const compare[] = { opts_run, compare_own, NULL };
	opts o;

	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	opts_help(f, compare, "policy");
	fclose(f);
	ck_assert_str_eq(buf,
	        "      --quantum N            time slice in ticks (rr, prio)\n"
	        "      --preemptive           a better thread takes the CPU at once (prio, sjf, srtf)\n"
	        "      --no-preemptive        undo a workload's --preemptive\n"
	        "      --aging N              raise a waiting thread's priority every N ticks (prio)\n"
	        "      --priority-order ORDER low-first (lower number wins; default), high-first (prio)\n"
	        "      --switch-cost N        ticks each context switch costs (default 0)\n"
	        "      --seed N               seed for randomised policies (default 0)\n"
	        "      --inherit              priority inheritance for mutexes\n"
	        "      --no-inherit           undo a workload's --inherit\n"
	        "      --sem S=N              semaphore S starts at N (declares S in a workload)\n"
	        "      --policies LIST        the policies to compare, by commas (default: all)\n"
	        "  -h, --help                 show this help and exit\n");
	free(buf);
	opts_init(&o);
	ck_assert_int_eq(parse_as(&o, compare, 1, (const char *const[]){ "-q", NULL }), 0);
	ck_assert(o.quiet);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("opts");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, sim_options_both_spellings);
	tcase_add_test(tc, output_options);
	tcase_add_test(tc, operands);
	tcase_add_test(tc, list_only_where_accepted);
	tcase_add_test(tc, usage_errors);
	tcase_add_test(tc, combinations);
	tcase_add_test(tc, file_words);
	tcase_add_test(tc, file_policy_column_after_equals);
	tcase_add_test(tc, file_errors);
	tcase_add_test(tc, file_options_for_the_policy_that_runs);
	tcase_add_test(tc, command_line_overrides_file);
	tcase_add_test(tc, resolve_for_the_policy);
	tcase_add_test(tc, sync_options);
	tcase_add_test(tc, no_words);
	tcase_add_test(tc, help_lines);
	suite_add_tcase(s, tc);
	return s;
}
