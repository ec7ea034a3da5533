/* opts.h: the options of a command, from the command line and from the
 * "#:" lines of a workload, through one parser.  Each is declared once:
 * a command's beside its code (cli_entry), the groups commands share
 * here, the policies' and the engine's in their tables (lib/opt.h).
 *
 * GNU style: "--quantum 4" and "--quantum=4"; "--" ends the options; "-"
 * is an operand (standard input).  Later words override earlier ones, so
 * parsing the workload's words first and the command line second lets the
 * command line win.
 */
#ifndef SCHEDSIM_OPTS_H
#define SCHEDSIM_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sim/event.h"
#include "wl/workload.h"

typedef struct opts opts;

/* An option of the command line.  A command declares those it takes
 * beside its code, in groups: its own, and the ones below that several
 * commands share.  The policies' and the engine's are declared by their
 * tables (lib/opt.h); OPTS_K_RUN stands for all of them. */
typedef enum opts_kind {
	OPTS_K_FLAG,   /* bool at off := val */
	OPTS_K_TICKS,  /* int64_t at off, from val to WL_TICKS_MAX */
	OPTS_K_STRING, /* const char * at off */
	OPTS_K_TUI,    /* opts_tui at off := val */
	OPTS_K_RUN,    /* the policies' and the engine's options */
} opts_kind;

typedef struct opts_def {
	const char *name;      /* NULL ends a group */
	char short_name;
	opts_kind kind;
	size_t off;            /* OPTS_AT(field) */
	int64_t val;
	const char *arg;       /* the argument's name in --help; NULL for a flag */
	const char *help;      /* NULL: taken (to be refused by name), not shown */
} opts_def;

#define OPTS_AT(field) offsetof(opts, field)
#define OPTS_END { NULL, 0, OPTS_K_FLAG, 0, 0, NULL, NULL }

/* The groups commands share, each ended by OPTS_END. */
extern const opts_def opts_run[];       /* --policy, the policies' and the engine's:
                                           the only ones a workload's "#:" may give */
extern const opts_def opts_report[];    /* --json, --quiet, --tui, --no-tui, --no-color */
extern const opts_def opts_trace_out[]; /* --trace-out */
extern const opts_def opts_cpu[];       /* --cpu (a Linux trace's CPU) */

typedef enum opts_tui {
	OPTS_TUI_AUTO, /* the live view when stdout is a terminal */
	OPTS_TUI_ON,
	OPTS_TUI_OFF
} opts_tui;

#define OPTS_OPERANDS 2
#define OPTS_SEMS_MAX 16   /* --sem options in one run */
#define OPTS_GIVEN_MAX 32  /* distinct policy options in one run */

/* Where a policy option was given: a workload's "#:" words, the defaults a
 * demo or a trace brings, or the command line.  The command line's are
 * checked against the policy that runs.  The workload's belong to the
 * policy it names, checked against it as they are read and left out when
 * the command line runs another; a workload that names no policy gives
 * them for whichever runs, so they are checked against that one. */
typedef enum opts_layer { OPTS_IN_FILE, OPTS_IN_DEFAULTS, OPTS_IN_ARGV } opts_layer;

/* A policy's option as given, read by the table of any policy that takes
 * it (they agree, lib/opt.h), kept until the policy that runs is known. */
typedef struct opts_given {
	const opt_def *def;
	opt_val val;
	opts_layer layer;
	size_t word;           /* the word that gave it, in its layer's words */
	int line, col;         /* in the workload, for its messages; 0 elsewhere */
} opts_given;

struct opts {
	/* The engine's options and the policy's name; sim.pol is set by
	 * opts_resolve() for the policy that runs. */
	sim_options sim;
	opts_given given[OPTS_GIVEN_MAX];
	size_t ngiven;
	int policy_line;       /* where a workload set --policy, 0 if it did not */
	int policy_col;
	const char *file;      /* the workload whose "#:" words were read, or NULL */
	bool file_policy;      /* they named a policy */
	bool json, quiet, color, list, help;
	opts_tui tui;
	const char *trace_out; /* NULL: no trace */
	const char *policies;  /* --policies LIST (compare); NULL: not given */
	int64_t cpu;           /* --cpu N; -1: not given */
	const char *format;    /* --format (export); NULL: not given */
	const char *output;    /* -o FILE (export); NULL: standard output */
	const char *from_trace;/* --from-trace TRACE (run); NULL: not given */
	const char *operand[OPTS_OPERANDS];
	size_t noperands;
	/* --sem NAME=COUNT, in order; sim.sems points here */
	sim_sem_init sems[OPTS_SEMS_MAX];
	char sem_names[OPTS_SEMS_MAX][WL_NAME_MAX + 1];
};

/* The defaults: everything off, colour on.  An opts holds what o->sim
 * points at: copy it only with opts_copy(). */
void opts_init(opts *o);
void opts_copy(opts *to, const opts *from);

/* argv[1..argc-1] (argv[0] is the command): the options of groups (a
 * NULL-terminated list) and -h, --help.  At most max_operands operands.
 * 0, or -1 with the message for cli_usage_error() in err: "unknown
 * option '--x'", "option '--quantum' requires an argument", ... */
int opts_parse_argv(opts *o, int argc, char **argv, const opts_def *const *groups,
                    size_t max_operands, char *err, size_t errlen);

/* Words of opts_run options that a demo or a recorded run brings: like
 * the workload's, defaults the command line overrides. */
int opts_parse_defaults(opts *o, int argc, char **argv, char *err, size_t errlen);

/* The "#:" words of a workload: only opts_run's (another of the command's
 * groups is refused by name), and of the policy options, when the workload
 * names a policy, only those it takes.  0, or -1 with "FILE:LINE:COL:
 * message" in err. */
int opts_parse_workload(opts *o, const workload *wl, const opts_def *const *groups,
                        char *err, size_t errlen);

/* The options of a run of policy (NULL: o->sim.policy, or fifo) in out:
 * the policy options given that it takes.  strict: one it does not take
 * from the command line, or from a workload that names no policy, is an
 * error ("fifo takes no --quantum (its options: none)", the workload's
 * located "FILE:LINE:COL: ..."); otherwise such options are left out, as
 * those of a demo or a trace always are.  0, or -1 with the message
 * ("unknown policy ..." too) in err, or -2 with a message located in the
 * workload, to be printed as it is. */
int opts_resolve(const opts *o, const char *policy, bool strict, sim_options *out,
                 char *err, size_t errlen);

/* Whether a policy option given on the command line is taken by none of
 * the n policies: its def, or NULL when every one is taken by some. */
const opt_def *opts_untaken(const opts *o, const char *const *policies, size_t n);

/* Combinations that make no sense (--json with --quiet, ...): 0, or -1
 * with the message in err. */
int opts_check(const opts *o, char *err, size_t errlen);

/* The option lines of a command's --help, for the options of its groups
 * and --help; omit names one that its groups hold but the command refuses
 * (compare's --policy), or is NULL. */
void opts_help(FILE *out, const opts_def *const *groups, const char *omit);

/* `schedsim policies`: each policy on a line: its name, aliases, what it
 * does, and its options as its table declares them. */
void opts_policies(FILE *out);

#endif
