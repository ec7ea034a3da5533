/* cmd_export.c: `schedsim export`: a trace for other viewers. */
#include <config.h>

#include "cli.h"

int cmd_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("export: not built yet");
}
