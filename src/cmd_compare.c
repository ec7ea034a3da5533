/* cmd_compare.c: `schedsim compare`: one workload under several policies,
 * side by side. */
#include <config.h>

#include "cli.h"

int cmd_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("compare: not implemented yet");
}
