/* cmd_policies.c: `schedsim policies`: the engine's registry, one line each. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sched/policy.h"

static void aliases(const pol_class *c, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (const char *const *a = c->aliases; a && *a && at < len; a++) {
		int n = snprintf(buf + at, len - at, "%s%s", a == c->aliases ? "aka " : ", ", *a);

		if (n < 0)
			break;
		at += (size_t)n;
	}
}

int cmd_policies(int argc, char **argv)
{
	char err[512], aka[128];
	int wname = 0, waka = 0;
	const pol_class *c;
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
	for (size_t i = 0; (c = pol_at(i)); i++) {
		int n = (int)strlen(c->name);

		aliases(c, aka, sizeof aka);
		if (n > wname)
			wname = n;
		if ((int)strlen(aka) > waka)
			waka = (int)strlen(aka);
	}
	for (size_t i = 0; (c = pol_at(i)); i++) {
		aliases(c, aka, sizeof aka);
		printf("%-*s  %-*s  %s", wname, c->name, waka, aka, c->summary);
		if (c->options && *c->options)
			printf("; options: %s", c->options);
		putchar('\n');
	}
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
