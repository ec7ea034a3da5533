/* schedsim: entry point, dispatch through the commands' entries, and the
 * preamble and --help they share. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_entry *const commands[] = {
	&cli_run, &cli_demo, &cli_replay, &cli_export, &cli_compare, &cli_policies, NULL
};

void cli_exit_status(FILE *out, const char *fails)
{
	char line[256];
	int n = snprintf(line, sizeof line, "Exit status: 0 success, 1 %s, 2 usage or input error.",
	                 fails ? fails : "failure at run time");
	const char *cut = n > 79 ? strstr(line, ", 2 usage") : NULL;

	/* One line when it fits in 80 columns, else broken before "2". */
	if (cut)
		fprintf(out, "%.*s,\n%s\n", (int)(cut - line), line, cut + 2);
	else
		fprintf(out, "%s\n", line);
}

static void usage(FILE *out)
{
	fputs("Usage: schedsim COMMAND [OPTION]... [ARG]...\n"
	      "Simulate CPU scheduling on one virtual CPU with real green threads.\n"
	      "\n"
	      "Commands:\n", out);
	for (size_t i = 0; commands[i]; i++)
		fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\n"
	      "Options:\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "'schedsim COMMAND --help' describes each command.\n", out);
	cli_exit_status(out, NULL);
}

/* A command's --help, from its entry. */
static void help(const cli_entry *e, FILE *out)
{
	for (size_t i = 0; i < 3 && e->usage[i]; i++)
		fprintf(out, "%s schedsim %s\n", i ? "  or: " : "Usage:", e->usage[i]);
	fputs(e->about, out);
	fputs("\nOptions:\n", out);
	opts_help(out, e->opts, e->omit);
	fputs("\n", out);
	if (e->after)
		fputs(e->after, out);
	cli_exit_status(out, e->fails);
}

int cli_exec(const cli_entry *e, int argc, char **argv)
{
	char err[1024];
	opts o;

	opts_init(&o);
	if (opts_parse_argv(&o, argc, argv, e->opts, e->operands, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.help) {
		help(e, stdout);
		return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
	}
	return e->exec(e, &o, argc, argv);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("schedsim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'schedsim --help' for more information.\n", stderr);
	return CLI_USAGE;
}

void cli_error(const char *msg)
{
	char *buf = NULL;
	size_t cap = 0;
	const char *safe = report_safe(msg, &buf, &cap);

	fprintf(stderr, "%s\n", safe ? safe : msg);
	free(buf);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("missing command");

	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return CLI_OK;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("schedsim %s (context switch: %s)\n", PACKAGE_VERSION, SCHEDSIM_CONTEXT);
		return CLI_OK;
	}
	for (size_t i = 0; commands[i]; i++)
		if (!strcmp(cmd, commands[i]->name))
			return cli_exec(commands[i], argc - 1, argv + 1);
	if (cmd[0] == '-')
		return cli_usage_error("unknown option '%s'", cmd);
	return cli_usage_error("unknown command '%s'", cmd);
}
