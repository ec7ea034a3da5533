/* cmd_policies.c: `schedsim policies`: the registry, one line each (opts_policies). */
#include <config.h>

#include <stdio.h>

#include "cli.h"

static const opts_def *const policies_opts[] = { NULL };

static int policies_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	(void)e;
	(void)o;
	(void)argc;
	(void)argv;
	opts_policies(stdout);
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}

const cli_entry cli_policies = {
	.name = "policies",
	.usage = { "policies" },
	.summary = "list the scheduling policies and their options",
	.about = "List the scheduling policies: name, aliases, what it does, its options.\n"
	         "Choose one with 'schedsim run FILE --policy NAME'.\n",
	.opts = policies_opts,
	.exec = policies_exec,
};
