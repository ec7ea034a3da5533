/* cmd_export.c: `schedsim export`: a schedsim or Linux trace as Chrome
 * Trace Event JSON (Perfetto, chrome://tracing) or CSV. */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "export/export.h"
#include "lib/ofile.h"
#include "trace/trace_in.h"

static const opts_def export_own[] = {
	{ "format", 0, OPTS_K_STRING, OPTS_AT(format), 0, "FORMAT",
	  "chrome (Perfetto, chrome://tracing) or csv" },
	{ "output", 'o', OPTS_K_STRING, OPTS_AT(output), 0, "FILE",
	  "write to FILE instead of standard output" },
	OPTS_END
};

static const opts_def *const export_opts[] = { opts_cpu, export_own, NULL };

static int cannot_write(const char *name, int e)
{
	fprintf(stderr, "schedsim: cannot write '%s': %s\n", name, strerror(e));
	return CLI_FAIL;
}

/* -o FILE is written as lib/ofile.h says: a regular file beside itself and
 * renamed into place once complete, so a bad trace never leaves half a file
 * behind; a device or a FIFO in place. */
static int export_to(const opts *o, export_format fmt)
{
	char err[1024];
	bool to_file = o->output && strcmp(o->output, "-");
	FILE *out = stdout;
	trace_in_result res;
	int status = CLI_OK;
	ofile of;
	export *x;

	if (to_file) {
		if (ofile_open(&of, o->output) < 0)
			return cannot_write(o->output, errno);
		if (!(out = fdopen(of.fd, "w"))) {
			int e = errno;

			close(of.fd);
			ofile_abort(&of);
			return cannot_write(o->output, e);
		}
	}
	if (!(x = export_new(fmt, out))) {
		fprintf(stderr, "schedsim: out of memory\n");
		status = CLI_FAIL;
		goto done;
	}
	trace_in_player p = export_player(x);
	if (trace_in_play(o->operand[0], (int)o->cpu, &p, &res, err, sizeof err) < 0) {
		cli_error(err);
		status = res.io_error ? CLI_FAIL : CLI_USAGE;
	} else if (export_finish(x, res.last_time) < 0 || fflush(out) == EOF) {
		status = cannot_write(to_file ? o->output : "<stdout>",
		                      ferror(out) ? errno : ENOMEM);
	} else {
		trace_in_warn_cut(o->operand[0], &res);
	}
	export_free(x);
done:
	if (to_file) {
		if (fclose(out) == EOF && status == CLI_OK)
			status = cannot_write(o->output, errno);
		if (status != CLI_OK)
			ofile_abort(&of);
		else if (ofile_commit(&of) < 0)
			status = cannot_write(o->output, errno);
	}
	return status;
}

static int export_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	int fmt;

	(void)e;
	(void)argc;
	(void)argv;
	if (o->noperands == 0)
		return cli_usage_error("export: missing TRACE");
	if (!o->format)
		return cli_usage_error("export: missing --format (chrome or csv)");
	if ((fmt = export_format_find(o->format)) < 0)
		return cli_usage_error("invalid value '%s' for --format: expected chrome or csv",
		                       o->format);
	return export_to(o, (export_format)fmt);
}

const cli_entry cli_export = {
	.name = "export",
	.usage = { "export TRACE --format FORMAT [-o FILE] [OPTION]..." },
	.summary = "convert a trace for Perfetto (chrome) or a spreadsheet (csv)",
	.about = "Convert a trace for other tools: TRACE is a schedsim trace (run\n"
	         "--trace-out) or a Linux scheduling trace ('-' for standard input).\n"
	         "  chrome  Chrome Trace Event JSON for Perfetto (ui.perfetto.dev) and\n"
	         "          chrome://tracing: a track per thread with its running, ready\n"
	         "          and blocked slices, and one for the CPU's idle and switches;\n"
	         "          times in microseconds (one per simulated tick)\n"
	         "  csv     the same slices, one per line: start,end,thread,tid,state,reason\n",
	.opts = export_opts,
	.operands = 1,
	.exec = export_exec,
};
