/* cmd_demo.c: `schedsim demo`: a built-in workload or C-code demo, run like
 * `schedsim run` would run it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "demo/demo.h"

#define DEMO_ALLOW (OPTS_SIM | OPTS_OUTPUT | OPTS_LIST)

static void demo_help(FILE *out)
{
	fputs("Usage: schedsim demo [NAME] [OPTION]...\n"
	      "Run a built-in demonstration: without NAME, the classroom workload under\n"
	      "round robin.  Run options apply as with 'schedsim run'.\n"
	      "\n"
	      "Options:\n", out);
	cli_help_options(out, DEMO_ALLOW);
}

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

int cmd_demo(int argc, char **argv)
{
	char err[1024];
	const demo *d;
	workload wl;
	opts o;
	int status;

	opts_init(&o);
	if (opts_parse_argv(&o, argc, argv, DEMO_ALLOW, 1, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.help) {
		demo_help(stdout);
		return CLI_OK;
	}
	if (o.list) {
		demo_list(stdout);
		return CLI_OK;
	}
	if (opts_check(&o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	d = o.noperands ? demo_find(o.operand[0]) : demo_at(0);
	if (!d)
		return cli_usage_error("unknown demo '%s' (see 'schedsim demo --list')",
		                       o.operand[0]);

	memset(&wl, 0, sizeof wl);
	if (d->source && wl_parse(&wl, d->name, d->source, strlen(d->source),
	                          err, sizeof err) < 0) {
		fprintf(stderr, "schedsim: demo '%s': %s\n", d->name, err);
		return CLI_FAIL;
	}
	if (!d->source)
		wl.path = (char *)d->name;
	status = cli_options(&o, &wl, d->words, argc, argv, DEMO_ALLOW, 1);
	if (status == CLI_OK) {
		char title[64];
		cli_job job = { title, d->explain, &wl, d->setup, &o, d->result };

		snprintf(title, sizeof title, "demo %s", d->name);
		status = cli_run_job(&job);
	}
	if (d->source)
		wl_free(&wl);
	return status;
}
