/* schedsim: entry point and subcommand dispatch. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	cli_cmd fn;
	const char *summary;
} commands[] = {
	{ "run", cmd_run, "simulate a workload file and report what happened" },
	{ "demo", cmd_demo, "run a built-in demonstration (--list names them)" },
	{ "replay", cmd_replay, "report a recorded run again (schedsim or Linux trace)" },
	{ "export", cmd_export, "convert a trace for Perfetto (chrome) or a spreadsheet (csv)" },
	{ "compare", cmd_compare, "run a workload under several policies, side by side" },
	{ "policies", cmd_policies, "list the scheduling policies and their options" },
	{ NULL, NULL, NULL }
};

static void usage(FILE *out)
{
	fputs("Usage: schedsim COMMAND [OPTION]... [ARG]...\n"
	      "Simulate CPU scheduling on one virtual CPU with real green threads.\n"
	      "\n"
	      "Commands:\n", out);
	for (size_t i = 0; commands[i].name; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Options:\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "'schedsim COMMAND --help' describes each command.\n"
	      "Exit status: 0 success, 1 failure at run time, 2 usage or input error.\n", out);
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
		printf("schedsim %s\n", PACKAGE_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; commands[i].name; i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	if (cmd[0] == '-')
		return cli_usage_error("unknown option '%s'", cmd);
	return cli_usage_error("unknown command '%s'", cmd);
}
