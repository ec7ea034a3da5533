/* polopt_test.c: the "polopt" suite.  A policy with options of every kind
 * that exists only here, declared the way a policy's file declares them
 * and registered as a plugin would be: with no other file touched, its
 * options are listed by `schedsim policies` and --help, parsed from the
 * command line and a workload, written to a trace and read back, and
 * shown in the reports' options and the live view's title. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "cli/opts.h"
#include "report/report.h"
#include "sched/policy.h"
#include "sim/sim.h"
#include "trace/trace_in.h"
#include "trace/trace_out.h"
#include "ui/ui.h"

/* ---- the test's policy: fifo with four options of its own ---------------- */

enum { T_FLAG, T_STEPS, T_LEVELS, T_MODE };

static const char *const modes[] = { "calm", "busy", "wild", NULL };

static const opt_def test_opts[] = {
	[T_FLAG] = { .name = "test-flag", .kind = OPT_FLAG, .help = "a flag of the test's" },
	[T_STEPS] = { .name = "test-steps", .kind = OPT_INT, .def = 3, .min = 1, .max = 100,
	              .arg = "N", .help = "a number of the test's", .shown = "steps" },
	[T_LEVELS] = { .name = "test-levels", .kind = OPT_INTS, .min = 1, .max = 50,
	               .arg = "N,...", .help = "a list of the test's" },
	[T_MODE] = { .name = "test-mode", .kind = OPT_WORD, .words = modes, .arg = "MODE",
	             .help = "calm (default), busy or wild" },
};

/* fifo's operations under another name, with the options above. */
static pol_class test_class;

static char err[512];

static void registered(void)
{
	if (pol_find("testpol"))
		return;
	test_class = pol_fifo;
	test_class.name = "testpol";
	test_class.aliases = NULL;
	test_class.summary = "a policy of the test's";
	test_class.opts = test_opts;
	test_class.nopts = sizeof test_opts / sizeof *test_opts;
	ck_assert_int_eq(pol_register(&test_class), 0);
}

/* What fn printed, as a string the caller frees. */
static char *printed(void (*fn)(FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	fn(f);
	fclose(f);
	return buf;
}

/* Whether s begins with all of prefix. */
static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static const opts_def *const run_only[] = { opts_run, NULL };

static void sim_help(FILE *f)
{
	opts_help(f, run_only, NULL);
}

START_TEST(listed)
{
	char *list, *help;

	registered();
	list = printed(opts_policies);
	ck_assert_msg(strstr(list, "\ntestpol                   a policy of the test's; options: "
	                     "--test-flag, --test-steps N (default 3), --test-levels N,..., "
	                     "--test-mode calm|busy|wild\n"), "%s", list);
	help = printed(sim_help);
	ck_assert_msg(strstr(help,
	        "      --test-flag            a flag of the test's (testpol)\n"
	        "      --no-test-flag         undo a workload's --test-flag\n"
	        "      --test-steps N         a number of the test's (testpol)\n"
	        "      --test-levels N,...    a list of the test's (testpol)\n"
	        "      --test-mode MODE       calm (default), busy or wild (testpol)\n"
	        "      --switch-cost N"), "%s", help);
	free(list);
	free(help);
}
END_TEST

#define ARGV(...) ((char *[]){ "run", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof ARGV(__VA_ARGS__) / sizeof(char *)) - 1)
#define PARSE(o, ...) opts_parse_argv((o), ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), run_only, 0, \
                                      err, sizeof err)

/* The options of a run of testpol, from the command line. */
static void given(sim_options *so)
{
	static opts o;

	opts_init(&o);
	ck_assert_msg(PARSE(&o, "--policy", "testpol", "--test-flag", "--test-steps", "7",
	                    "--test-levels=2,4,8", "--test-mode", "busy", "--switch-cost", "1") == 0,
	              "%s", err);
	ck_assert_msg(opts_resolve(&o, NULL, true, so, err, sizeof err) == 0, "%s", err);
}

START_TEST(parsed)
{
	sim_options so;
	opts o;

	registered();
	given(&so);
	ck_assert_ptr_eq(so.pol.defs, test_opts);
	ck_assert_int_eq(so.pol.v[T_FLAG].i, 1);
	ck_assert_int_eq(so.pol.v[T_STEPS].i, 7);
	ck_assert_int_eq(so.pol.v[T_LEVELS].i, 3);
	ck_assert_int_eq(so.pol.v[T_LEVELS].v[2], 8);
	ck_assert_int_eq(so.pol.v[T_MODE].i, 1);
	ck_assert_int_eq(so.switch_cost, 1);

	/* its values are checked by its table; others refuse its options */
	opts_init(&o);
	ck_assert_int_eq(PARSE(&o, "--test-steps", "101"), -1);
	ck_assert_str_eq(err, "invalid value '101' for --test-steps: expected a whole number "
	                 "from 1 to 100");
	ck_assert_int_eq(PARSE(&o, "--test-levels", "1,,2"), -1);
	ck_assert_str_eq(err, "invalid value '1,,2' for --test-levels: expected 1 to 16 whole "
	                 "numbers from 1 to 50, by commas");
	ck_assert_int_eq(PARSE(&o, "--test-mode", "mild"), -1);
	ck_assert_str_eq(err, "invalid value 'mild' for --test-mode: expected calm, busy or wild");
	ck_assert_int_eq(PARSE(&o, "--policy", "rr", "--test-mode", "wild"), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -1);
	ck_assert_str_eq(err, "rr takes no --test-mode (its options: --quantum)");
	ck_assert_int_eq(PARSE(&o, "--policy", "testpol", "--no-preemptive"), 0);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), -1);
	ck_assert_str_eq(err, "testpol takes no --preemptive (its options: --test-flag, "
	                 "--test-steps, --test-levels, --test-mode)");

	/* and in a workload's "#:" words, located */
	wl_arg args[] = { { "--policy=testpol", 1, 4 }, { "--test-levels", 1, 21 },
	                  { "5,6", 1, 35 }, { "--quantum=2", 2, 4 } };
	workload wl;

	memset(&wl, 0, sizeof wl);
	wl.path = "w.wl";
	wl.args = args;
	wl.nargs = 3;
	opts_init(&o);
	ck_assert_msg(opts_parse_workload(&o, &wl, run_only, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(opts_resolve(&o, NULL, true, &so, err, sizeof err), 0);
	ck_assert_int_eq(so.pol.v[T_LEVELS].i, 2);
	ck_assert_int_eq(so.pol.v[T_LEVELS].v[1], 6);
	ck_assert_int_eq(so.pol.v[T_STEPS].i, 3);
	wl.nargs = 4;
	opts_init(&o);
	ck_assert_int_eq(opts_parse_workload(&o, &wl, run_only, err, sizeof err), -1);
	ck_assert_str_eq(err, "w.wl:2:4: testpol takes no --quantum (its options: --test-flag, "
	                 "--test-steps, --test-levels, --test-mode)");
}
END_TEST

static const char wl_text[] = "name burst\nA 2\nB 1\n";

static sim *made(workload *wl, const sim_options *so)
{
	sim *s;

	ck_assert_int_eq(wl_parse(wl, "t.wl", wl_text, strlen(wl_text), err, sizeof err), 0);
	s = sim_new(wl, so, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	return s;
}

START_TEST(traced)
{
	char path[] = "/tmp/polopt_test-XXXXXX", *line = NULL;
	size_t cap = 0;
	sim_options so;
	workload wl;
	trace_out *t;
	trace_in *in;
	FILE *f;
	sim *s;
	int fd = mkstemp(path);

	registered();
	ck_assert_int_ge(fd, 0);
	close(fd);
	given(&so);
	s = made(&wl, &so);
	ck_assert_ptr_nonnull(t = trace_out_open(path, err, sizeof err));
	trace_out_sim(t, s, wl.path, wl.source, wl.source_len);
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_int_eq(trace_out_close(t, err, sizeof err), 0);
	sim_free(s);
	wl_free(&wl);

	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	unlink(path);
	/* one line each, by name, after the policy */
	for (int i = 0; i < 3; i++)
		ck_assert_int_gt(getline(&line, &cap, f), 0);
	ck_assert_str_eq(line, "policy testpol\n");
	const char *const want[] = { "test-flag true\n", "test-steps 7\n",
	                             "test-levels 2,4,8\n", "test-mode busy\n",
	                             "switch-cost 1\n" };
	for (int i = 0; i < 5; i++) {
		ck_assert_int_gt(getline(&line, &cap, f), 0);
		ck_assert_str_eq(line, want[i]);
	}
	free(line);
	rewind(f);
	ck_assert_ptr_nonnull(in = trace_in_new(f, "t.trace", NULL));
	ck_assert_msg(trace_in_header(in, err, sizeof err) == 0, "%s", err);
	const sim_options *o = trace_in_options(in);
	ck_assert_ptr_eq(o->pol.defs, test_opts);
	ck_assert_int_eq(o->pol.v[T_FLAG].i, 1);
	ck_assert_int_eq(o->pol.v[T_STEPS].i, 7);
	ck_assert_int_eq(o->pol.v[T_LEVELS].i, 3);
	ck_assert_int_eq(o->pol.v[T_LEVELS].v[0], 2);
	ck_assert_int_eq(o->pol.v[T_LEVELS].v[1], 4);
	ck_assert_int_eq(o->pol.v[T_LEVELS].v[2], 8);
	ck_assert_int_eq(o->pol.v[T_MODE].i, 1);
	ck_assert_int_eq(o->switch_cost, 1);
	trace_in_free(in);
	fclose(f);
}
END_TEST

START_TEST(shown)
{
	char *buf = NULL, title[256];
	size_t len = 0;
	sim_options so;
	workload wl;
	report *r;
	FILE *f;
	sim *s;

	registered();
	given(&so);
	s = made(&wl, &so);
	ck_assert_ptr_nonnull(r = report_for_sim(s));
	ck_assert_int_eq(sim_run(s), 0);
	ck_assert_ptr_nonnull(f = open_memstream(&buf, &len));
	ck_assert_int_eq(report_text(r, f), 0);
	fclose(f);
	ck_assert_msg(starts(buf, "Policy: testpol (test-flag, steps 7, test-levels 2,4,8, busy, "
	                       "switch cost 1)\n\n"), "%s", buf);
	free(buf);
	buf = NULL;
	ck_assert_ptr_nonnull(f = open_memstream(&buf, &len));
	ck_assert_int_eq(report_json(r, f), 0);
	fclose(f);
	ck_assert_msg(starts(buf, "{\"policy\": \"testpol\",\n \"options\": {\"test_flag\": true, "
	                       "\"test_steps\": 7, \"test_levels\": [2,4,8], \"test_mode\": "
	                       "\"busy\", \"switch_cost\": 1, \"seed\": 0},\n"), "%s", buf);
	free(buf);
	ui_policy_words(title, sizeof title, sim_policy_name(s), sim_opts(s));
	ck_assert_str_eq(title, " policy testpol (test-flag, steps 7, test-levels 2,4,8, busy, "
	                 "switch cost 1)");
	report_free(r);
	sim_free(s);
	wl_free(&wl);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("polopt");
	TCase *tc = tcase_create("polopt");

	tcase_add_test(tc, listed);
	tcase_add_test(tc, parsed);
	tcase_add_test(tc, traced);
	tcase_add_test(tc, shown);
	suite_add_tcase(s, tc);
	return s;
}
