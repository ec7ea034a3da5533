/* cmd_replay.c: `schedsim replay`: a recorded run (a schedsim trace) or a
 * Linux scheduling trace, reported as `run` reports a run. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "trace_in.h"

#define REPLAY_ALLOW (OPTS_OUTPUT | OPTS_CPU)

static void replay_help(FILE *out)
{
	fputs("Usage: schedsim replay TRACE [OPTION]...\n"
	      "Report a recorded run again: TRACE is a schedsim trace (run --trace-out)\n"
	      "or a Linux scheduling trace (raw ftrace, trace-cmd report, perf script),\n"
	      "recognised by its first line ('-' for standard input).  A schedsim trace\n"
	      "prints exactly what its run printed; a Linux trace shows one CPU.\n"
	      "The live view does not replay traces yet: the text report is printed on\n"
	      "a terminal too.\n"
	      "\n"
	      "Options:\n", out);
	opts_help(out, REPLAY_ALLOW);
	fputs("\n"
	      "Exit status: 0 success, 1 failure at run time, 2 usage or input error.\n", out);
}

typedef struct replay_ctx {
	report *r;
	bool linux_trace;
	char deadlock[512];
} replay_ctx;

/* The notes a run's report ended with, worded as `run` words them
 * (cli_after_run): a demo's result, then the deadlock. */
static void notes(report *r, const char *result, const char *deadlock)
{
	char line[600];

	if (result[0]) {
		snprintf(line, sizeof line, "Result: %s", result);
		report_note(r, "result", result, line);
	}
	if (deadlock[0]) {
		snprintf(line, sizeof line, "D%s", deadlock + 1);
		report_note(r, "deadlock", deadlock, line);
	}
}

/* The report's header, from the trace's. */
static int start(void *ctx, const trace_in_info *info)
{
	replay_ctx *c = ctx;
	report *r = report_new(info->policy, info->opt);

	if (!r)
		return -1;
	c->r = r;
	c->linux_trace = info->form != NULL;
	for (size_t i = 0; i < info->nthreads; i++) {
		const trace_in_task *k = &info->threads[i];

		if (report_add_thread(r, k->name, k->arrival) < 0)
			return -1;
		if (info->form)
			report_measure(r, i, &(report_measured){ k->tid, k->waiting, k->dispatches,
			                                         k->preemptions, k->voluntary });
	}
	if (info->form && report_set_linux(r, info->form, info->cpu, info->busiest) < 0)
		return -1;
	return 0;
}

static void event(void *ctx, const sim_event *ev)
{
	replay_ctx *c = ctx;

	/* A run that ended in a deadlock named it in its end event. */
	if (ev->kind == SIM_EV_END && ev->reason[0] && !c->linux_trace)
		snprintf(c->deadlock, sizeof c->deadlock, "%s", ev->reason);
	report_event(c->r, ev);
}

static int replay(const opts *o)
{
	replay_ctx c = { NULL, false, "" };
	trace_in_player p = { start, event, &c };
	trace_in_result res;
	char err[1024];
	int status = CLI_OK;

	if (trace_in_play(o->operand[0], (int)o->cpu, &p, &res, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		report_free(c.r);
		return res.io_error ? CLI_FAIL : CLI_USAGE;
	}
	if (res.cut_short) {
		/* What was recorded ends here: the running thread ran until
		 * then, and the report covers exactly that. */
		report_event(c.r, &(sim_event){ res.last_time, SIM_EV_END, -1, 0, "" });
	}
	notes(c.r, res.result, c.deadlock);
	if (!o->quiet) {
		int rc = o->json ? report_json(c.r, stdout) : report_text(c.r, stdout);

		if (rc < 0 || fflush(stdout) == EOF) {
			fprintf(stderr, "schedsim: cannot write the report: %s\n",
			        rc < 0 && !ferror(stdout) ? strerror(ENOMEM) : strerror(errno));
			status = CLI_FAIL;
		}
	}
	trace_in_warn_cut(o->operand[0], &res);
	report_free(c.r);
	return status;
}

int cmd_replay(int argc, char **argv)
{
	char err[1024];
	opts o;

	opts_init(&o);
	if (opts_parse_argv(&o, argc, argv, REPLAY_ALLOW, 1, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.help) {
		replay_help(stdout);
		return CLI_OK;
	}
	if (o.noperands == 0)
		return cli_usage_error("replay: missing TRACE");
	if (opts_check(&o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.trace_out)
		return cli_usage_error("replay: --trace-out records a run; replay reads one");
	if (o.tui == OPTS_TUI_ON)
		return cli_usage_error("replay: the live view does not replay traces yet");
	return replay(&o);
}
