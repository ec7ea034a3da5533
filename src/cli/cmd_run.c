/* cmd_run.c: `schedsim run`: a workload file simulated (job.c), or the
 * workload a trace recorded (cmd_rerun.c). */
#include <config.h>

#include <stdio.h>

#include "cli.h"

#define RUN_ALLOW (OPTS_SIM | OPTS_OUTPUT | OPTS_FROM)

static void run_help(FILE *out)
{
	fputs("Usage: schedsim run FILE [OPTION]...\n"
	      "  or:  schedsim run --from-trace TRACE [OPTION]...\n"
	      "Simulate the workload in FILE ('-' for standard input) on one CPU and\n"
	      "report what happened: a Gantt chart, each thread's figures, the totals.\n"
	      "The workload's \"#:\" lines give default options; the command line\n"
	      "overrides them.  With --from-trace, the workload a schedsim trace\n"
	      "recorded runs again, its recorded options overriding the workload's.\n"
	      "\n"
	      "Options:\n", out);
	cli_help_options(out, RUN_ALLOW);
}

int cmd_run(int argc, char **argv)
{
	char err[1024];
	workload wl;
	opts o;
	int status;

	opts_init(&o);
	if (opts_parse_argv(&o, argc, argv, RUN_ALLOW, 1, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.help) {
		run_help(stdout);
		return CLI_OK;
	}
	if (o.from_trace && o.noperands)
		return cli_usage_error("run: give a workload FILE or --from-trace TRACE, not both");
	if (o.from_trace)
		return cli_run_from_trace(o.from_trace, argc, argv, RUN_ALLOW);
	if (o.noperands == 0)
		return cli_usage_error("run: missing workload FILE");
	if (opts_check(&o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (wl_load(&wl, o.operand[0], err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	status = cli_options(&o, &wl, NULL, argc, argv, RUN_ALLOW, 1);
	if (status == CLI_OK) {
		cli_job job = { wl.path, NULL, &wl, NULL, &o, NULL };

		status = cli_run_job(&job);
	}
	wl_free(&wl);
	return status;
}
