/* cmd_run.c: `schedsim run`: a workload file simulated (job.c), or the
 * workload a trace recorded (cmd_rerun.c). */
#include <config.h>

#include <stdio.h>

#include "cli.h"

static const opts_def run_own[] = {
	{ "from-trace", 0, OPTS_K_STRING, OPTS_AT(from_trace), 0, "TRACE",
	  "the workload TRACE recorded, under its options" },
	OPTS_END
};

static const opts_def *const run_opts[] = { opts_run, opts_report, opts_trace_out, run_own,
                                            NULL };

static int run_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	char err[1024];
	workload wl;
	int status;

	if (o->from_trace && o->noperands)
		return cli_usage_error("run: give a workload FILE or --from-trace TRACE, not both");
	if (o->from_trace)
		return cli_run_from_trace(e, o->from_trace, argc, argv);
	if (o->noperands == 0)
		return cli_usage_error("run: missing workload FILE");
	if (opts_check(o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (wl_load(&wl, o->operand[0], err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	status = cli_options(e, o, &wl, NULL, argc, argv);
	if (status == CLI_OK) {
		cli_job job = { wl.path, NULL, &wl, NULL, o, NULL };

		status = cli_run_job(&job);
	}
	wl_free(&wl);
	return status;
}

const cli_entry cli_run = {
	.name = "run",
	.usage = { "run FILE [OPTION]...", "run --from-trace TRACE [OPTION]..." },
	.summary = "simulate a workload file and report what happened",
	.about = "Simulate the workload in FILE ('-' for standard input) on one CPU and\n"
	         "report what happened: a Gantt chart, each thread's figures, the totals.\n"
	         "The workload's \"#:\" lines give default options; the command line\n"
	         "overrides them.  With --from-trace, the workload a schedsim trace\n"
	         "recorded runs again, its recorded options overriding the workload's.\n",
	.opts = run_opts,
	.operands = 1,
	.after = CLI_RUN_AFTER,
	.exec = run_exec,
};
