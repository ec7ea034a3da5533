/* cli.h: what the subcommands share. */
#ifndef SCHEDSIM_CLI_H
#define SCHEDSIM_CLI_H

#include <stdio.h>

#include "opts.h"
#include "report/report.h"
#include "sim/sim.h"
#include "wl/workload.h"

/* Exit statuses, the same for every subcommand. */
enum {
	CLI_OK = 0,      /* success */
	CLI_FAIL = 1,    /* failure at run time (deadlock, overflow, I/O error) */
	CLI_USAGE = 2    /* usage or input error */
};

/* A subcommand: argv[0] is its name. */
typedef int (*cli_cmd)(int argc, char **argv);

int cmd_run(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_policies(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_compare(int argc, char **argv);

/* `run --from-trace TRACE`: the workload TRACE recorded, its options as
 * defaults, then argv (checked with allow; no operands).  The exit status. */
int cli_run_from_trace(const char *path, int argc, char **argv, unsigned allow);

/* "schedsim: MESSAGE\nTry 'schedsim --help' for more information.\n" on
 * stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A complete message (a reader's "FILE:LINE:COL: ...") and a newline on
 * stderr, made safe for the terminal (report_safe): it may quote a trace. */
void cli_error(const char *msg);

/* The options of a run, in the order they override each other: the
 * workload's "#:" words, then `pre` (a demo's own words, NULL-terminated,
 * or NULL), then the command line, already checked with the same allow
 * and max_operands.  Returns CLI_OK, or CLI_USAGE after printing why. */
int cli_options(opts *o, const workload *wl, const char *const *pre,
                int argc, char **argv, unsigned allow, size_t max_operands);

/* The options part of a running command's --help, and what follows it. */
void cli_help_options(FILE *out, unsigned allow);

/* One run of a workload, as `run` and `demo` do it. */
typedef struct cli_job {
	const char *title;     /* the file or demo name, for the live view */
	const char *explain;   /* a demo's explanation, or NULL */
	const workload *wl;
	int (*setup)(sim *s);  /* spawns a C-code demo's threads, or NULL */
	const opts *o;
	/* A C-code demo's result after its run ("final count 23, expected
	 * 40: 17 updates lost"), or NULL: reported as "result". */
	void (*result)(sim *s, char *buf, size_t len);
} cli_job;

/* The live view, or the run with its report (text, JSON or none) and
 * trace.  Returns the exit status: a deadlock is a failure (1), after the
 * report, which names it. */
int cli_run_job(const cli_job *job);

/* After sim_run(): the deadlock and the demo's result as notes of r (which
 * may be NULL).  The exit status: CLI_FAIL after a deadlock. */
int cli_after_run(const cli_job *job, sim *s, report *r);

#endif
