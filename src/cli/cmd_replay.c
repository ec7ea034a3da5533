/* cmd_replay.c: `schedsim replay`: a recorded run (a schedsim trace) or a
 * Linux scheduling trace, reported as `run` reports a run, or played in
 * the live view on a terminal. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report/report.h"
#include "trace/trace_in.h"
#include "ui/ui.h"

static const opts_def *const replay_opts[] = { opts_report, opts_cpu, NULL };

/* A report with the trace's header: policy, options and threads, and for
 * a Linux trace its CPU and what it measured.  NULL when out of memory. */
static report *report_for(const trace_in_info *info)
{
	report *r = report_new(info->policy, info->opt);

	if (!r)
		return NULL;
	for (size_t i = 0; i < info->nthreads; i++) {
		const trace_in_task *k = &info->threads[i];

		if (report_add_thread(r, k->name, k->arrival) < 0)
			goto oom;
		if (info->form)
			report_measure(r, i, &(report_measured){ k->tid, k->waiting, k->dispatches,
			                                         k->preemptions, k->voluntary });
	}
	if (info->form && report_set_linux(r, info->form, info->cpu, info->busiest) < 0)
		goto oom;
	return r;
oom:
	report_free(r);
	return NULL;
}

/* The notes a run's report ended with, worded as `run` words them
 * (cli_after_run): a demo's result, then the deadlock its end event
 * named.  Linux traces have neither. */
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

/* ---- the report, streamed ------------------------------------------------ */

typedef struct replay_ctx {
	report *r;
	bool linux_trace;
	char deadlock[512];
} replay_ctx;

static int start(void *ctx, const trace_in_info *info)
{
	replay_ctx *c = ctx;

	c->linux_trace = info->form != NULL;
	return (c->r = report_for(info)) ? 0 : -1;
}

static void event(void *ctx, const sim_event *ev)
{
	replay_ctx *c = ctx;

	if (ev->kind == SIM_EV_END && ev->reason[0] && !c->linux_trace)
		snprintf(c->deadlock, sizeof c->deadlock, "%s", ev->reason);
	report_event(c->r, ev);
}

static void ignore(void *ctx, const sim_event *ev)
{
	(void)ctx;
	(void)ev;
}

static int replay_report(const opts *o)
{
	replay_ctx c = { NULL, false, "" };
	trace_in_player p = { start, event, &c };
	trace_in_result res;
	char err[1024];
	int status = CLI_OK;

	if (o->quiet) {
		/* Nothing to print: the trace is only read and checked. */
		p = (trace_in_player){ NULL, ignore, NULL };
		if (trace_in_play(o->operand[0], (int)o->cpu, &p, &res, err, sizeof err) < 0) {
			cli_error(err);
			return res.io_error ? CLI_FAIL : CLI_USAGE;
		}
		trace_in_warn_cut(o->operand[0], &res);
		return CLI_OK;
	}
	if (trace_in_play(o->operand[0], (int)o->cpu, &p, &res, err, sizeof err) < 0) {
		cli_error(err);
		report_free(c.r);
		return res.io_error ? CLI_FAIL : CLI_USAGE;
	}
	if (res.cut_short) {
		/* What was recorded ends here: the running thread ran until
		 * then, and the report covers exactly that. */
		report_event(c.r, &(sim_event){ res.last_time, SIM_EV_END, -1, 0, "" });
	}
	notes(c.r, res.result, c.deadlock);
	int rc = o->json ? report_json(c.r, stdout) : report_text(c.r, stdout);
	if (rc < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "schedsim: cannot write the report: %s\n",
		        rc < 0 && !ferror(stdout) ? strerror(ENOMEM) : strerror(errno));
		status = CLI_FAIL;
	}
	trace_in_warn_cut(o->operand[0], &res);
	report_free(c.r);
	return status;
}

/* ---- the live view ---------------------------------------------------------- */

/* The view plays the spooled trace as often as it seeks back. */
typedef struct view_ctx {
	trace_in_spool *sp;
	const trace_in_info *info;
	trace_in_result res;
	bool ended;            /* the end event has been given */
} view_ctx;

static const char *rec_name(void *ctx, int i)
{
	view_ctx *v = ctx;

	return v->info->threads[i].name;
}

static int rec_rewind(void *ctx, char *err, size_t errlen)
{
	view_ctx *v = ctx;

	v->ended = false;
	return trace_in_spool_rewind(v->sp, err, errlen);
}

/* A trace cut short gets its end where it stops, as in the report. */
static int rec_next(void *ctx, sim_event *ev, char *err, size_t errlen)
{
	view_ctx *v = ctx;
	int rc = v->ended ? 0 : trace_in_spool_next(v->sp, ev, err, errlen);

	if (rc == 0 && !v->ended && v->res.cut_short) {
		*ev = (sim_event){ v->res.last_time, SIM_EV_END, -1, 0, "" };
		rc = 1;
	}
	if (rc > 0 && ev->kind == SIM_EV_END)
		v->ended = true;
	return rc;
}

static report *rec_report(void *ctx)
{
	view_ctx *v = ctx;
	report *r = report_for(v->info);
	const char *end = trace_in_spool_end(v->sp);

	if (r)
		notes(r, v->res.result, end && !v->info->form ? end : "");
	return r;
}

static int replay_view(const opts *o)
{
	view_ctx v = { 0 };
	char err[1024];
	int status;

	v.sp = trace_in_spool_new(o->operand[0], (int)o->cpu, &v.res, err, sizeof err);
	if (!v.sp) {
		cli_error(err);
		return v.res.io_error ? CLI_FAIL : CLI_USAGE;
	}
	v.info = trace_in_spool_info(v.sp);

	ui_recording rec = {
		.title = strcmp(o->operand[0], "-") ? o->operand[0] : "<stdin>",
		.policy = v.info->form ? "linux" : v.info->policy,
		.nthreads = v.info->nthreads,
		.name = rec_name, .rewind = rec_rewind, .next = rec_next,
		.report = rec_report, .ctx = &v,
	};
	ui_config cfg = { o->color };

	status = ui_replay(&rec, &cfg);
	trace_in_warn_cut(o->operand[0], &v.res);
	trace_in_spool_free(v.sp);
	return status;
}

static int replay_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	char err[1024];

	(void)e;
	(void)argc;
	(void)argv;
	if (o->noperands == 0)
		return cli_usage_error("replay: missing TRACE");
	if (opts_check(o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o->tui == OPTS_TUI_ON ||
	    (o->tui == OPTS_TUI_AUTO && !o->json && !o->quiet && isatty(STDOUT_FILENO)))
		return replay_view(o);
	return replay_report(o);
}

const cli_entry cli_replay = {
	.name = "replay",
	.usage = { "replay TRACE [OPTION]..." },
	.summary = "report a recorded run again (schedsim or Linux trace)",
	.about = "Play a recorded run again: TRACE is a schedsim trace (run --trace-out)\n"
	         "or a Linux scheduling trace (raw ftrace, trace-cmd report, perf script),\n"
	         "recognised by its first line ('-' for standard input).  On a terminal\n"
	         "the live view plays it, with seeking (b and s step back and forward);\n"
	         "otherwise the report is printed: for a schedsim trace exactly what its\n"
	         "run printed, for a Linux trace one CPU (--cpu, by default the busiest).\n",
	.opts = replay_opts,
	.operands = 1,
	.exec = replay_exec,
};
