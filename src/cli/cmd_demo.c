/* cmd_demo.c: `schedsim demo`: a built-in workload or C-code demo, run like
 * `schedsim run` would run it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "demo/demo.h"

static const opts_def demo_own[] = {
	{ "list", 0, OPTS_K_FLAG, OPTS_AT(list), true, NULL, "list the built-in demos" },
	OPTS_END
};

static const opts_def *const demo_opts[] = { opts_run, opts_report, opts_trace_out, demo_own,
                                             NULL };

static void demo_list(FILE *out)
{
	const demo *d;
	int w = 0;

	for (size_t i = 0; (d = demo_at(i)); i++)
		if ((int)strlen(d->name) > w)
			w = (int)strlen(d->name);
	for (size_t i = 0; (d = demo_at(i)); i++)
		fprintf(out, "%-*s %s%s\n", w, d->name, d->explain, i ? "" : " (the default)");
}

static int demo_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	char err[1024];
	const demo *d;
	workload wl;
	int status;

	if (o->list) {
		demo_list(stdout);
		return CLI_OK;
	}
	if (opts_check(o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	d = o->noperands ? demo_find(o->operand[0]) : demo_at(0);
	if (!d)
		return cli_usage_error("unknown demo '%s' (see 'schedsim demo --list')",
		                       o->operand[0]);

	memset(&wl, 0, sizeof wl);
	if (d->source && wl_parse(&wl, d->name, d->source, strlen(d->source),
	                          err, sizeof err) < 0) {
		fprintf(stderr, "schedsim: demo '%s': %s\n", d->name, err);
		return CLI_FAIL;
	}
	if (!d->source)
		wl.path = (char *)d->name;
	status = cli_options(e, o, &wl, d->words, argc, argv);
	if (status == CLI_OK) {
		char title[64];
		cli_job job = { title, d->explain, &wl, d->setup, o, d->result };

		snprintf(title, sizeof title, "demo %s", d->name);
		status = cli_run_job(&job);
	}
	if (d->source)
		wl_free(&wl);
	return status;
}

const cli_entry cli_demo = {
	.name = "demo",
	.usage = { "demo [NAME] [OPTION]..." },
	.summary = "run a built-in demonstration (--list names them)",
	.about = "Run a built-in demonstration: without NAME, the classroom workload under\n"
	         "round robin.  Run options apply as with 'schedsim run'.\n",
	.opts = demo_opts,
	.operands = 1,
	.after = CLI_RUN_AFTER,
	.exec = demo_exec,
};
