/* cmd_replay.c: `schedsim replay`: a recorded run reported again. */
#include <config.h>

#include "cli.h"

int cmd_replay(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("replay: not built yet");
}
