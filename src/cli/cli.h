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

/* A command, after tmux's cmd_entry: declared beside its code, with the
 * options it takes; main() dispatches through these, and each one's
 * --help is made from its entry. */
typedef struct cli_entry cli_entry;
struct cli_entry {
	const char *name;
	const char *usage[3];       /* its synopses, after "schedsim "; NULL ends */
	const char *summary;        /* its line in `schedsim --help` */
	const char *about;          /* --help: what it does, before the options */
	const opts_def *const *opts; /* its option groups, NULL-terminated */
	size_t operands;            /* at most */
	const char *omit;           /* an option of its groups it refuses: not in --help */
	const char *after;          /* --help: after the options; NULL */
	const char *fails;          /* what exit status 1 means; NULL: failure at run time */
	/* o holds argv parsed by the entry's options (not --help). */
	int (*exec)(const cli_entry *self, opts *o, int argc, char **argv);
};

extern const cli_entry cli_run, cli_demo, cli_replay, cli_export, cli_compare,
	cli_policies;

/* The preamble of every command: argv (argv[0] its name) parsed by its
 * options, usage errors, --help; then its exec.  The exit status. */
int cli_exec(const cli_entry *e, int argc, char **argv);

/* "Exit status: 0 success, 1 FAILS, 2 usage or input error." */
void cli_exit_status(FILE *out, const char *fails);

/* `run --from-trace TRACE`: the workload TRACE recorded, its options as
 * defaults, then argv (by e's options; no operands).  The exit status. */
int cli_run_from_trace(const cli_entry *e, const char *path, int argc, char **argv);

/* "schedsim: MESSAGE\nTry 'schedsim --help' for more information.\n" on
 * stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A complete message (a reader's "FILE:LINE:COL: ...") and a newline on
 * stderr, made safe for the terminal (report_safe): it may quote a trace. */
void cli_error(const char *msg);

/* The options of a run by e, in the order they override each other: the
 * workload's "#:" words, then `pre` (a demo's own words, NULL-terminated,
 * or NULL), then the command line, already checked by e's options.
 * Returns CLI_OK, or CLI_USAGE after printing why. */
int cli_options(const cli_entry *e, opts *o, const workload *wl, const char *const *pre,
                int argc, char **argv);

/* What --help of a command that runs a workload says after its options. */
#define CLI_RUN_AFTER "On a terminal the live view runs, unless --no-tui, --json or --quiet.\n"

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
