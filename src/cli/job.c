/* job.c: one run of a workload, as `run`, `demo` and `run --from-trace`
 * make it: the options in the order they override each other, the live
 * view or the report and the trace, the notes after the run. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "sched/policy.h"
#include "report/report.h"
#include "trace/trace_out.h"
#include "ui/ui.h"

int cli_options(const cli_entry *e, opts *o, const workload *wl, const char *const *pre,
                int argc, char **argv)
{
	char err[1024];

	opts_init(o);
	if (opts_parse_workload(o, wl, e->opts, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	if (pre) {
		char *words[16] = { "demo" };
		int n = 1;

		while (pre[n - 1] && n < 16) {
			words[n] = (char *)pre[n - 1];
			n++;
		}
		if (opts_parse_defaults(o, n, words, err, sizeof err) < 0)
			return cli_usage_error("%s", err);
	}
	if (opts_parse_argv(o, argc, argv, e->opts, e->operands, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	return CLI_OK;
}

/* What the live view's make() needs between calls. */
typedef struct job_ctx {
	const cli_job *job;
	trace_out *trace;
	bool traced;       /* the trace holds an earlier run: start it over */
} job_ctx;

static sim *make(void *ctx, const char *policy, char *err, size_t errlen)
{
	job_ctx *c = ctx;
	const workload *wl = c->job->wl;
	sim_options o;
	sim *s;

	/* The view's choice of another policy leaves out what it does not take. */
	if (opts_resolve(c->job->o, policy, !policy, &o, err, errlen) < 0)
		return NULL;
	s = sim_new(wl, &o, err, errlen);
	if (!s)
		return NULL;
	if (c->job->setup && c->job->setup(s) < 0) {
		snprintf(err, errlen, "%s", sim_error(s));
		sim_free(s);
		return NULL;
	}
	if (c->trace) {
		if (c->traced)
			trace_out_rewind(c->trace);
		if (trace_out_sim(c->trace, s, wl->path, wl->source, wl->source_len) < 0) {
			snprintf(err, errlen, "%s", sim_error(s));
			sim_free(s);
			return NULL;
		}
		c->traced = true;
	}
	return s;
}

/* A policy the workload named is its author's mistake: say where. */
/* located: err already says FILE:LINE:COL (opts_resolve's -2). */
static int options_error(const cli_job *job, const char *err, bool located)
{
	const opts *o = job->o;

	if (located) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	if (o->policy_line > 0 && o->sim.policy && !pol_find(o->sim.policy)) {
		fprintf(stderr, "%s:%d:%d: %s\n", job->wl->path, o->policy_line,
		        o->policy_col, err);
		return CLI_USAGE;
	}
	return cli_usage_error("%s", err);
}

int cli_after_run(const cli_job *job, sim *s, report *r)
{
	const char *dl = sim_deadlock(s);
	char text[512], line[600];

	if (job->result) {
		job->result(s, text, sizeof text);
		snprintf(line, sizeof line, "Result: %s", text);
		if (r)
			report_note(r, "result", text, line);
	}
	if (!dl)
		return CLI_OK;
	if (r) {
		snprintf(line, sizeof line, "D%s", dl + 1);
		report_note(r, "deadlock", dl, line);
	}
	return CLI_FAIL;
}

static int run_to_report(job_ctx *c)
{
	const opts *o = c->job->o;
	char err[512];
	report *r = NULL;
	int status = CLI_OK;
	sim *s = make(c, NULL, err, sizeof err);

	if (!s) {
		fprintf(stderr, "schedsim: %s\n", err);
		return CLI_FAIL;
	}
	if (!o->quiet && !(r = report_for_sim(s))) {
		fprintf(stderr, "schedsim: out of memory\n");
		sim_free(s);
		return CLI_FAIL;
	}
	if (c->trace)
		trace_out_catch_signals(c->trace);
	if (sim_run(s) < 0) {
		fprintf(stderr, "schedsim: %s\n", sim_error(s));
		status = CLI_FAIL;
	} else {
		status = cli_after_run(c->job, s, r);
		if (c->trace && c->job->result) {
			char text[512];

			c->job->result(s, text, sizeof text);
			trace_out_result(c->trace, text);
		}
		if (r) {
			int rc = o->json ? report_json(r, stdout) : report_text(r, stdout);

			if (rc < 0 || fflush(stdout) == EOF) {
				fprintf(stderr, "schedsim: cannot write the report: %s\n",
				        rc < 0 && !ferror(stdout) ? strerror(ENOMEM) :
				        strerror(errno));
				status = CLI_FAIL;
			}
		}
		if (sim_deadlock(s))
			fprintf(stderr, "schedsim: %s\n", sim_deadlock(s));
	}
	report_free(r);
	sim_free(s);
	return status;
}

/* The live view's run has ended: its notes and exit status, as without it. */
static int after(void *ctx, sim *s, report *r)
{
	job_ctx *c = ctx;

	return cli_after_run(c->job, s, r);
}

int cli_run_job(const cli_job *job)
{
	const opts *o = job->o;
	job_ctx c = { .job = job };
	bool live = o->tui == OPTS_TUI_ON ||
	            (o->tui == OPTS_TUI_AUTO && !o->json && !o->quiet && isatty(STDOUT_FILENO));
	char err[512];
	int status;
	sim_options so;
	sim *probe;

	/* Bad options are usage errors, found before anything is written. */
	int rc = opts_resolve(o, NULL, true, &so, err, sizeof err);

	if (rc < 0)
		return options_error(job, err, rc == -2);
	probe = sim_new(job->wl, &so, err, sizeof err);
	if (!probe)
		return options_error(job, err, false);
	sim_free(probe);
	if (o->trace_out) {
		if (live && !strcmp(o->trace_out, "-"))
			return cli_usage_error("--trace-out - cannot be used with the live view");
		c.trace = trace_out_open(o->trace_out, err, sizeof err);
		if (!c.trace) {
			fprintf(stderr, "schedsim: %s\n", err);
			return CLI_FAIL;
		}
	}
	if (live) {
		ui_source src = { make, &c, job->title, job->explain };
		ui_config cfg = { o->color };

		status = ui_live_after(&src, &cfg, after);
	} else {
		status = run_to_report(&c);
	}
	if (c.trace && trace_out_close(c.trace, err, sizeof err) < 0) {
		fprintf(stderr, "schedsim: %s\n", err);
		if (status == CLI_OK)
			status = CLI_FAIL;
	}
	return status;
}
