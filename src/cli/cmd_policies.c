/* cmd_policies.c: `schedsim policies`: the registry, one line each (opts_policies). */
#include <config.h>

#include <stdio.h>

#include "cli.h"

int cmd_policies(int argc, char **argv)
{
	char err[512];
	opts o;

	opts_init(&o);
	if (opts_parse_argv(&o, argc, argv, 0, 0, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (o.help) {
		fputs("Usage: schedsim policies\n"
		      "List the scheduling policies: name, aliases, what it does, its options.\n"
		      "Choose one with 'schedsim run FILE --policy NAME'.\n", stdout);
		return CLI_OK;
	}
	opts_policies(stdout);
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
