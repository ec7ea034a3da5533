/* opts.c: one table of options, read from argv and from "#:" lines. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/num.h"
#include "ltrace/ltrace.h"
#include "opts.h"

/* Only on the command line (--help). */
#define OPTS_CMDLINE (1u << 8)

typedef enum kind {
	K_FLAG,   /* bool at off := val */
	K_TICKS,  /* int64_t at off, from min to WL_TICKS_MAX */
	K_SEED,   /* uint64_t at off */
	K_STRING, /* const char * at off */
	K_ORDER,  /* --priority-order */
	K_TUI,    /* opts_tui at off := val */
	K_SEM,    /* --sem NAME=COUNT */
} kind;

typedef struct opt_def {
	const char *name;
	char short_name;
	unsigned allow;
	kind kind;
	size_t off;
	int64_t val;      /* K_FLAG, K_TUI: the value set; K_TICKS: the minimum */
	const char *arg;  /* the argument's name in --help; NULL for a flag */
	const char *help;
} opt_def;

#define SIM(field) (offsetof(opts, sim) + offsetof(sim_options, field))
#define OPT(field) offsetof(opts, field)

static const opt_def table[] = {
	{ "policy", 0, OPTS_SIM, K_STRING, SIM(policy), 0, "P",
	  "scheduling policy (default fifo; see 'policies')" },
	{ "quantum", 0, OPTS_SIM, K_TICKS, SIM(quantum), 1, "N",
	  "time slice in ticks (rr, prio)" },
	{ "preemptive", 0, OPTS_SIM, K_FLAG, SIM(preemptive), true, NULL,
	  "a better thread takes the CPU at once (prio, sjf)" },
	{ "no-preemptive", 0, OPTS_SIM, K_FLAG, SIM(preemptive), false, NULL,
	  "undo a workload's --preemptive" },
	{ "aging", 0, OPTS_SIM, K_TICKS, SIM(aging), 0, "N",
	  "raise a waiting thread's priority every N ticks" },
	{ "priority-order", 0, OPTS_SIM, K_ORDER, 0, 0, "ORDER",
	  "low-first (lower number wins; default), high-first" },
	{ "switch-cost", 0, OPTS_SIM, K_TICKS, SIM(switch_cost), 0, "N",
	  "ticks each context switch costs (default 0)" },
	{ "seed", 0, OPTS_SIM, K_SEED, SIM(seed), 0, "N",
	  "seed for randomised policies (default 0)" },
	{ "inherit", 0, OPTS_SIM, K_FLAG, SIM(inherit), true, NULL,
	  "priority inheritance for mutexes" },
	{ "no-inherit", 0, OPTS_SIM, K_FLAG, SIM(inherit), false, NULL,
	  "undo a workload's --inherit" },
	{ "sem", 0, OPTS_SIM, K_SEM, 0, 0, "S=N",
	  "semaphore S starts at N (declares S in a workload)" },
	{ "policies", 0, OPTS_COMPARE, K_STRING, OPT(policies), 0, "LIST",
	  "the policies to compare, by commas (default: all)" },
	{ "json", 0, OPTS_REPORT, K_FLAG, OPT(json), true, NULL,
	  "print the report as one JSON object" },
	{ "quiet", 'q', OPTS_REPORT, K_FLAG, OPT(quiet), true, NULL,
	  "print no report (only the exit status tells)" },
	{ "trace-out", 0, OPTS_TRACE_OUT, K_STRING, OPT(trace_out), 0, "FILE",
	  "record the run in FILE (doc/trace-format.md)" },
	{ "tui", 0, OPTS_REPORT, K_TUI, OPT(tui), OPTS_TUI_ON, NULL,
	  "the live view, even when stdout is not a terminal" },
	{ "no-tui", 0, OPTS_REPORT, K_TUI, OPT(tui), OPTS_TUI_OFF, NULL,
	  "the text report, even on a terminal" },
	{ "no-color", 0, OPTS_REPORT, K_FLAG, OPT(color), false, NULL,
	  "no colour in the live view (also NO_COLOR)" },
	{ "list", 0, OPTS_LIST, K_FLAG, OPT(list), true, NULL,
	  "list the built-in demos" },
	{ "cpu", 0, OPTS_CPU, K_TICKS, OPT(cpu), 0, "N",
	  "a Linux trace's CPU (default: the busiest)" },
	{ "format", 0, OPTS_EXPORT, K_STRING, OPT(format), 0, "FORMAT",
	  "chrome (Perfetto, chrome://tracing) or csv" },
	{ "output", 'o', OPTS_EXPORT, K_STRING, OPT(output), 0, "FILE",
	  "write to FILE instead of standard output" },
	{ "from-trace", 0, OPTS_FROM, K_STRING, OPT(from_trace), 0, "TRACE",
	  "the workload TRACE recorded, under its options" },
	{ "help", 'h', OPTS_CMDLINE, K_FLAG, OPT(help), true, NULL,
	  "show this help and exit" },
};

#define NOPTS (sizeof table / sizeof *table)

/* Where a parse failed: the word, and the byte in it (for "FILE:LINE:COL"). */
typedef struct failure {
	size_t word, off;
	char *msg;
	size_t len;
} failure;

static int fail(failure *f, size_t word, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void opts_init(opts *o)
{
	memset(o, 0, sizeof *o);
	o->color = true;
	o->tui = OPTS_TUI_AUTO;
	o->cpu = -1;
	o->sim.sems = o->sems;
}

void opts_copy(opts *to, const opts *from)
{
	*to = *from;
	to->sim.sems = to->sems;
	for (size_t i = 0; i < to->sim.nsems; i++)
		to->sems[i].name = to->sem_names[i];
}

static int add_sem(opts *o, const char *arg, failure *f, size_t word, size_t off)
{
	size_t i = o->sim.nsems;
	char name[WL_NAME_MAX + 1];
	int64_t count;

	int rc = wl_sem_decl(arg, name, &count);

	if (rc == -2)
		return fail(f, word, off, "invalid value '%s' for --sem: " WL_SEM_COUNT_HELP,
		            arg, WL_TICKS_MAX);
	if (rc < 0)
		return fail(f, word, off, "invalid value '%s' for --sem: " WL_SEM_DECL_HELP
		            ", with a count from 0 to %" PRId64, arg, WL_TICKS_MAX);
	if (i == OPTS_SEMS_MAX)
		return fail(f, word, off, "too many --sem options (at most %d)", OPTS_SEMS_MAX);
	memcpy(o->sem_names[i], name, sizeof name);
	o->sems[i].name = o->sem_names[i];
	o->sems[i].count = count;
	o->sim.nsems++;
	return 0;
}


static int fail(failure *f, size_t word, size_t off, const char *fmt, ...)
{
	va_list ap;

	f->word = word;
	f->off = off;
	va_start(ap, fmt);
	vsnprintf(f->msg, f->len, fmt, ap);
	va_end(ap);
	return -1;
}

/* A whole number in [min, max]: digits only, nothing around them. */
static bool whole_number(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	return num_u64(s, strlen(s), min, max, out) == NUM_OK;
}

static int apply(opts *o, const opt_def *d, const char *arg, failure *f,
                 size_t word, size_t off)
{
	char *base = (char *)o + d->off;
	uint64_t v;

	switch (d->kind) {
	case K_FLAG:
		*(bool *)base = d->val;
		return 0;
	case K_TUI:
		*(opts_tui *)base = (opts_tui)d->val;
		return 0;
	case K_TICKS: {
		int64_t max = d->off == OPT(cpu) ? LTRACE_CPU_MAX : WL_TICKS_MAX;

		if (!whole_number(arg, (uint64_t)d->val, (uint64_t)max, &v))
			return fail(f, word, off, "invalid value '%s' for --%s: expected "
			            "a whole number from %" PRId64 " to %" PRId64,
			            arg, d->name, d->val, max);
		*(int64_t *)base = (int64_t)v;
		return 0;
	}
	case K_SEED:
		if (!whole_number(arg, 0, UINT64_MAX, &v))
			return fail(f, word, off, "invalid value '%s' for --%s: expected "
			            "a whole number from 0 to %" PRIu64, arg, d->name, UINT64_MAX);
		*(uint64_t *)base = v;
		return 0;
	case K_STRING:
		if (!*arg)
			return fail(f, word, off, "empty value for --%s", d->name);
		*(const char **)base = arg;
		return 0;
	case K_ORDER:
		if (!strcmp(arg, "low-first"))
			o->sim.high_first = false;
		else if (!strcmp(arg, "high-first"))
			o->sim.high_first = true;
		else
			return fail(f, word, off, "invalid value '%s' for --%s: expected "
			            "low-first or high-first", arg, d->name);
		return 0;
	case K_SEM:
		return add_sem(o, arg, f, word, off);
	}
	return 0;
}

static const opt_def *find_long(const char *name, size_t len)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (strlen(table[i].name) == len && !strncmp(table[i].name, name, len))
			return &table[i];
	return NULL;
}

static const opt_def *find_short(char c)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (c && table[i].short_name == c)
			return &table[i];
	return NULL;
}

/* The parser behind both entry points.  *policy_word is set to the word
 * that gave --policy its value (and *policy_off to where in it). */
static int parse(opts *o, char *const *w, size_t n, unsigned allow, size_t max_operands,
                 bool in_file, failure *f, size_t *policy_word, size_t *policy_off)
{
	bool options_done = false;

	for (size_t i = 0; i < n; i++) {
		const char *word = w[i];
		const opt_def *d = NULL;
		const char *arg = NULL;
		size_t arg_word = i, arg_off = 0;

		if (options_done || word[0] != '-' || !word[1]) {
			if (o->noperands >= max_operands)
				return fail(f, i, 0, in_file ? "unexpected word '%s' (only options "
				            "can be given here)" : "unexpected argument '%s'", word);
			o->operand[o->noperands++] = word;
			continue;
		}
		if (!strcmp(word, "--")) {
			options_done = true;
			continue;
		}
		if (word[1] == '-') {
			const char *eq = strchr(word + 2, '=');
			size_t len = eq ? (size_t)(eq - (word + 2)) : strlen(word + 2);

			d = find_long(word + 2, len);
			if (!d)
				return fail(f, i, 0, "unknown option '%.*s'", (int)(len + 2), word);
			if (eq) {
				arg = eq + 1;
				arg_off = len + 3;
			}
		} else {
			d = word[2] ? NULL : find_short(word[1]);
			if (!d)
				return fail(f, i, 0, "unknown option '%s'", word);
		}
		if (!(d->allow & allow)) {
			if (in_file)
				return fail(f, i, 0, "option '--%s' cannot be given in a workload; "
				            "give it on the command line", d->name);
			return fail(f, i, 0, "unknown option '%s'", word);
		}
		if (!d->arg && arg)
			return fail(f, i, 0, "option '--%s' doesn't allow an argument", d->name);
		if (d->arg && !arg) {
			if (i + 1 >= n)
				return fail(f, i, 0, "option '%s' requires an argument", word);
			arg = w[++i];
			arg_word = i;
		}
		if (apply(o, d, arg, f, arg_word, arg_off) < 0)
			return -1;
		if (d->off == SIM(policy) && d->kind == K_STRING) {
			*policy_word = arg_word;
			*policy_off = arg_off;
		}
	}
	return 0;
}

int opts_parse_argv(opts *o, int argc, char **argv, unsigned allow,
                    size_t max_operands, char *err, size_t errlen)
{
	failure f = { .msg = err, .len = errlen };
	const char *before = o->sim.policy;
	size_t pw, po;

	if (max_operands > OPTS_OPERANDS)
		max_operands = OPTS_OPERANDS;
	if (parse(o, argv + 1, argc > 0 ? (size_t)argc - 1 : 0, allow | OPTS_CMDLINE,
	          max_operands, false, &f, &pw, &po) < 0)
		return -1;
	if (o->sim.policy != before)
		o->policy_line = o->policy_col = 0; /* the command line's, not the file's */
	return 0;
}

int opts_parse_workload(opts *o, const workload *wl, char *err, size_t errlen)
{
	char msg[512];
	failure f = { .msg = msg, .len = sizeof msg };
	char **words;
	size_t pw = 0, po = 0;
	const char *before = o->sim.policy;
	int rc = 0;

	if (!wl->nargs)
		return 0;
	words = malloc(wl->nargs * sizeof *words);
	if (!words) {
		snprintf(err, errlen, "%s: out of memory", wl->path);
		return -1;
	}
	for (size_t i = 0; i < wl->nargs; i++)
		words[i] = wl->args[i].text;
	if (parse(o, words, wl->nargs, OPTS_SIM, 0, true, &f, &pw, &po) < 0) {
		const wl_arg *a = &wl->args[f.word];

		snprintf(err, errlen, "%s:%d:%zu: %s", wl->path, a->line,
		         (size_t)a->col + f.off, msg);
		rc = -1;
	} else if (o->sim.policy != before) {
		o->policy_line = wl->args[pw].line;
		o->policy_col = wl->args[pw].col + (int)po;
	}
	free(words);
	return rc;
}

int opts_check(const opts *o, char *err, size_t errlen)
{
	if (o->json && o->quiet) {
		snprintf(err, errlen, "--json and --quiet cannot be used together");
		return -1;
	}
	if (o->tui == OPTS_TUI_ON && (o->json || o->quiet)) {
		snprintf(err, errlen, "--tui cannot be used with %s", o->json ? "--json" : "--quiet");
		return -1;
	}
	return 0;
}

void opts_help(FILE *out, unsigned allow, const char *omit)
{
	allow |= OPTS_CMDLINE;
	for (size_t i = 0; i < NOPTS; i++) {
		const opt_def *d = &table[i];
		char left[40];
		int n;

		if (!(d->allow & allow) || (omit && !strcmp(d->name, omit)))
			continue;
		if (d->short_name)
			n = snprintf(left, sizeof left, "-%c, --%s", d->short_name, d->name);
		else
			n = snprintf(left, sizeof left, "    --%s", d->name);
		if (d->arg)
			snprintf(left + n, sizeof left - (size_t)n, " %s", d->arg);
		fprintf(out, "  %-26s %s\n", left, d->help);
	}
}
