/* cli.h: what the subcommands share. */
#ifndef SCHEDSIM_CLI_H
#define SCHEDSIM_CLI_H

/* Exit statuses, the same for every subcommand. */
enum {
	CLI_OK = 0,      /* success */
	CLI_FAIL = 1,    /* failure at run time (deadlock, overflow, I/O error) */
	CLI_USAGE = 2    /* usage or input error */
};

/* A subcommand: argv[0] is its name. */
typedef int (*cli_cmd)(int argc, char **argv);

/* "schedsim: MESSAGE\nTry 'schedsim --help' for more information.\n" on
 * stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
