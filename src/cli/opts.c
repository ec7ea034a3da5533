/* opts.c: the command's options, read from argv and from "#:" lines: the
 * command line's own table here, the engine's (sim_engine_opts) and each
 * policy's (pol_class.opts) where they are declared. */
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
#include "sched/policy.h"

#define SIM(field) (offsetof(opts, sim) + offsetof(sim_options, field))

const opts_def opts_run[] = {
	{ "policy", 0, OPTS_K_STRING, SIM(policy), 0, "P",
	  "scheduling policy (default fifo; see 'policies')" },
	/* Here --help lists the policies' options, then the engine's. */
	{ "(tables)", 0, OPTS_K_RUN, 0, 0, NULL, NULL },
	OPTS_END
};

const opts_def opts_report[] = {
	{ "json", 0, OPTS_K_FLAG, OPTS_AT(json), true, NULL, "print the report as one JSON object" },
	{ "quiet", 'q', OPTS_K_FLAG, OPTS_AT(quiet), true, NULL,
	  "print no report (only the exit status tells)" },
	{ "tui", 0, OPTS_K_TUI, OPTS_AT(tui), OPTS_TUI_ON, NULL,
	  "the live view, even when stdout is not a terminal" },
	{ "no-tui", 0, OPTS_K_TUI, OPTS_AT(tui), OPTS_TUI_OFF, NULL,
	  "the text report, even on a terminal" },
	{ "no-color", 0, OPTS_K_FLAG, OPTS_AT(color), false, NULL,
	  "no colour in the live view (also NO_COLOR)" },
	OPTS_END
};

const opts_def opts_trace_out[] = {
	{ "trace-out", 0, OPTS_K_STRING, OPTS_AT(trace_out), 0, "FILE",
	  "record the run in FILE (doc/trace-format.md)" },
	OPTS_END
};

const opts_def opts_cpu[] = {
	{ "cpu", 0, OPTS_K_TICKS, OPTS_AT(cpu), 0, "N", "a Linux trace's CPU (default: the busiest)" },
	OPTS_END
};

/* Every command's, last. */
static const opts_def help_group[] = {
	{ "help", 'h', OPTS_K_FLAG, OPTS_AT(help), true, NULL, "show this help and exit" },
	OPTS_END
};

static const opts_def *const run_only[] = { opts_run, NULL };



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

/* An option of the engine's table or of a policy's: which, and whether
 * it was spelled --no-NAME. */
typedef struct found {
	const opt_def *def;
	bool engine, negated;
} found;

static bool find_table_opt(const char *name, size_t len, found *fd)
{
	char buf[64];
	size_t from = 0;

	if (len >= sizeof buf)
		return false;
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (int neg = 0; neg < 2; neg++) {
		const char *n = buf + (neg ? 3 : 0);

		if (neg && strncmp(buf, "no-", 3))
			break;
		fd->negated = neg;
		fd->engine = true;
		if ((fd->def = opt_find(sim_engine_opts, SIM_NOPTS, n)))
			return !neg || fd->def->kind == OPT_FLAG;
		fd->engine = false;
		from = 0;
		if (pol_taker(n, &from, &fd->def))
			return !neg || fd->def->kind == OPT_FLAG;
	}
	return false;
}

/* A policy option as given: the latest of each name wins. */
static int give(opts *o, const opt_def *d, const opt_val *v, opts_layer layer, size_t word,
                failure *f)
{
	size_t i = 0;

	while (i < o->ngiven && strcmp(o->given[i].def->name, d->name))
		i++;
	if (i == OPTS_GIVEN_MAX)
		return fail(f, word, 0, "too many options (at most %d)", OPTS_GIVEN_MAX);
	if (i == o->ngiven)
		o->ngiven++;
	o->given[i] = (opts_given){ d, *v, layer, word, 0, 0 };
	return 0;
}

static int apply_table(opts *o, const found *fd, const char *arg, opts_layer layer,
                       failure *f, size_t word, size_t off, size_t opt_word)
{
	const opt_def *d = fd->def;
	char want[160];
	opt_val v;

	if (d->kind == OPT_NAMED)
		return add_sem(o, arg, f, word, off);
	if (d->kind == OPT_FLAG) {
		memset(&v, 0, sizeof v);
		v.i = !fd->negated;
	} else if (opt_parse(d, arg, false, &v, want, sizeof want) < 0) {
		return fail(f, word, off, "invalid value '%s' for --%s: expected %s", arg,
		            d->name, want);
	}
	if (fd->engine) {
		sim_engine_set(&o->sim, (size_t)(d - sim_engine_opts), &v);
		return 0;
	}
	return give(o, d, &v, layer, opt_word, f);
}

static int apply(opts *o, const opts_def *d, const char *arg, failure *f,
                 size_t word, size_t off)
{
	char *base = (char *)o + d->off;
	uint64_t v;

	switch (d->kind) {
	case OPTS_K_FLAG:
		*(bool *)base = d->val;
		return 0;
	case OPTS_K_TUI:
		*(opts_tui *)base = (opts_tui)d->val;
		return 0;
	case OPTS_K_TICKS: {
		int64_t max = d->off == OPTS_AT(cpu) ? LTRACE_CPU_MAX : WL_TICKS_MAX;

		if (!whole_number(arg, (uint64_t)d->val, (uint64_t)max, &v))
			return fail(f, word, off, "invalid value '%s' for --%s: expected "
			            "a whole number from %" PRId64 " to %" PRId64,
			            arg, d->name, d->val, max);
		*(int64_t *)base = (int64_t)v;
		return 0;
	}
	case OPTS_K_STRING:
		if (!*arg)
			return fail(f, word, off, "empty value for --%s", d->name);
		*(const char **)base = arg;
		return 0;
	case OPTS_K_RUN:
		return 0;
	}
	return 0;
}

/* --name (len bytes) among the groups and --help: its def (for a
 * policy's or the engine's, the group's OPTS_K_RUN entry, with *fd). */
static const opts_def *find_long(const opts_def *const *groups, const char *name, size_t len,
                                 found *fd)
{
	for (size_t g = 0; ; g++) {
		const opts_def *d = groups[g] ? groups[g] : help_group;

		for (; d->name; d++) {
			if (d->kind == OPTS_K_RUN ? find_table_opt(name, len, fd) :
			    strlen(d->name) == len && !strncmp(d->name, name, len))
				return d;
		}
		if (!groups[g])
			return NULL;
	}
}

static const opts_def *find_short(const opts_def *const *groups, char c)
{
	for (size_t g = 0; ; g++) {
		const opts_def *d = groups[g] ? groups[g] : help_group;

		for (; c && d->name; d++)
			if (d->short_name == c)
				return d;
		if (!groups[g])
			return NULL;
	}
}

/* The parser behind every entry point: the options of groups; those of
 * known (NULL: groups) are refused by name ("cannot be given in a
 * workload").  *policy_word is set to the word that gave --policy its
 * value (and *policy_off to where in it). */
static int parse(opts *o, char *const *w, size_t n, const opts_def *const *groups,
                 const opts_def *const *known, size_t max_operands, opts_layer layer,
                 failure *f, size_t *policy_word, size_t *policy_off)
{
	bool options_done = false, in_file = layer == OPTS_IN_FILE;

	for (size_t i = 0; i < n; i++) {
		const char *word = w[i];
		const opts_def *d = NULL;
		found fd = { NULL, false, false };
		const char *arg = NULL;
		size_t arg_word = i, arg_off = 0, opt_word = i, len = 0;

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

			len = eq ? (size_t)(eq - (word + 2)) : strlen(word + 2);

			d = find_long(known ? known : groups, word + 2, len, &fd);
			if (!d)
				return fail(f, i, 0, "unknown option '%.*s'", (int)(len + 2), word);
			if (eq) {
				arg = eq + 1;
				arg_off = len + 3;
			}
		} else {
			d = word[2] ? NULL : find_short(known ? known : groups, word[1]);
			if (!d)
				return fail(f, i, 0, "unknown option '%s'", word);
		}
		if (known && d->kind != OPTS_K_RUN && d != &opts_run[0])
			return fail(f, i, 0, "option '--%s' cannot be given in a workload; "
			            "give it on the command line", d->name);
		/* A table's option is named as spelled (--no-inherit). */
		bool takes_arg = fd.def ? fd.def->kind != OPT_FLAG : d->arg != NULL;
		if (!takes_arg && arg)
			return fail(f, i, 0, "option '--%.*s' doesn't allow an argument",
			            fd.def ? (int)len : (int)strlen(d->name), fd.def ? word + 2 : d->name);
		if (takes_arg && !arg) {
			if (i + 1 >= n)
				return fail(f, i, 0, "option '%s' requires an argument", word);
			arg = w[++i];
			arg_word = i;
		}
		if (fd.def) {
			if (apply_table(o, &fd, arg, layer, f, arg_word, arg_off, opt_word) < 0)
				return -1;
			continue;
		}
		if (apply(o, d, arg, f, arg_word, arg_off) < 0)
			return -1;
		if (d->off == SIM(policy) && d->kind == OPTS_K_STRING) {
			*policy_word = arg_word;
			*policy_off = arg_off;
		}
	}
	return 0;
}

static int parse_words(opts *o, int argc, char **argv, const opts_def *const *groups,
                       size_t max_operands, opts_layer layer, char *err, size_t errlen)
{
	failure f = { .msg = err, .len = errlen };
	const char *before = o->sim.policy;
	size_t pw, po;

	if (max_operands > OPTS_OPERANDS)
		max_operands = OPTS_OPERANDS;
	if (parse(o, argv + 1, argc > 0 ? (size_t)argc - 1 : 0, groups, NULL,
	          max_operands, layer, &f, &pw, &po) < 0)
		return -1;
	if (o->sim.policy != before)
		o->policy_line = o->policy_col = 0; /* the command line's, not the file's */
	return 0;
}

int opts_parse_argv(opts *o, int argc, char **argv, const opts_def *const *groups,
                    size_t max_operands, char *err, size_t errlen)
{
	return parse_words(o, argc, argv, groups, max_operands, OPTS_IN_ARGV, err, errlen);
}

int opts_parse_defaults(opts *o, int argc, char **argv, char *err, size_t errlen)
{
	return parse_words(o, argc, argv, run_only, 0, OPTS_IN_DEFAULTS, err, errlen);
}

/* "fifo takes no --quantum (its options: none)". */
static void not_taken(const pol_class *c, const opt_def *d, char *err, size_t errlen)
{
	char names[256];

	pol_opt_names(c, names, sizeof names);
	snprintf(err, errlen, "%s takes no --%s (its options: %s)", c->name, d->name, names);
}

/* Where the workload's policy options were written; against the
 * workload's own policy when it names one (an unknown one is reported where
 * it runs).  A workload that names none leaves them to opts_resolve(). */
static int check_file(opts *o, const workload *wl, char *err, size_t errlen)
{
	const pol_class *c = o->file_policy ? pol_find(o->sim.policy) : NULL;
	char msg[400];

	for (size_t i = 0; i < o->ngiven; i++) {
		opts_given *g = &o->given[i];

		if (g->layer != OPTS_IN_FILE || g->line)
			continue;
		g->line = wl->args[g->word].line;
		g->col = wl->args[g->word].col;
		if (c && !opt_find(c->opts, c->nopts, g->def->name)) {
			not_taken(c, g->def, msg, sizeof msg);
			snprintf(err, errlen, "%s:%d:%d: %s", wl->path, g->line, g->col, msg);
			return -1;
		}
	}
	return 0;
}

int opts_parse_workload(opts *o, const workload *wl, const opts_def *const *groups,
                        char *err, size_t errlen)
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
	if (parse(o, words, wl->nargs, run_only, groups, 0, OPTS_IN_FILE, &f, &pw, &po) < 0) {
		const wl_arg *a = &wl->args[f.word];

		snprintf(err, errlen, "%s:%d:%zu: %s", wl->path, a->line,
		         (size_t)a->col + f.off, msg);
		rc = -1;
	} else {
		if (o->sim.policy != before) {
			o->policy_line = wl->args[pw].line;
			o->policy_col = wl->args[pw].col + (int)po;
			o->file_policy = true;
		}
		o->file = wl->path;
		rc = check_file(o, wl, err, errlen);
	}
	free(words);
	return rc;
}

int opts_resolve(const opts *o, const char *policy, bool strict, sim_options *out,
                 char *err, size_t errlen)
{
	const char *name = policy ? policy : o->sim.policy ? o->sim.policy : "fifo";
	const pol_class *c = pol_find(name);

	*out = o->sim;
	out->policy = name;
	if (!c) {
		pol_unknown(name, err, errlen);
		return -1;
	}
	opt_defaults(&out->pol, c->opts, c->nopts);
	for (size_t i = 0; i < o->ngiven; i++) {
		const opts_given *g = &o->given[i];
		const opt_def *d = opt_find(c->opts, c->nopts, g->def->name);

		if (d) {
			out->pol.v[d - c->opts] = g->val;
		} else if (strict && g->layer == OPTS_IN_ARGV) {
			not_taken(c, g->def, err, errlen);
			return -1;
		} else if (strict && g->layer == OPTS_IN_FILE && !o->file_policy) {
			char msg[400];

			not_taken(c, g->def, msg, sizeof msg);
			snprintf(err, errlen, "%s:%d:%d: %s", o->file, g->line, g->col, msg);
			return -2;
		}
	}
	return 0;
}

const opt_def *opts_untaken(const opts *o, const char *const *policies, size_t n)
{
	for (size_t i = 0; i < o->ngiven; i++) {
		const opts_given *g = &o->given[i];
		bool taken = false;

		for (size_t k = 0; k < n && !taken && g->layer == OPTS_IN_ARGV; k++) {
			const pol_class *c = pol_find(policies[k]);

			taken = c && opt_find(c->opts, c->nopts, g->def->name);
		}
		if (!taken && g->layer == OPTS_IN_ARGV)
			return g->def;
	}
	return NULL;
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

static void help_line(FILE *out, char short_name, const char *name, const char *arg,
                      const char *help, const char *takers)
{
	char left[40];
	int n;

	if (short_name)
		n = snprintf(left, sizeof left, "-%c, --%s", short_name, name);
	else
		n = snprintf(left, sizeof left, "    --%s", name);
	if (arg && n > 0 && (size_t)n < sizeof left)
		snprintf(left + n, sizeof left - (size_t)n, " %s", arg);
	fprintf(out, "  %-26s %s%s%s%s\n", left, help, takers ? " (" : "", takers ? takers : "",
	        takers ? ")" : "");
}

/* An option of a table, and --no-NAME after a flag. */
static void help_table_opt(FILE *out, const opt_def *d, const char *takers)
{
	char no[64], undo[96];

	help_line(out, 0, d->name, d->kind == OPT_FLAG ? NULL : d->arg, d->help, takers);
	if (d->kind == OPT_FLAG) {
		snprintf(no, sizeof no, "no-%s", d->name);
		snprintf(undo, sizeof undo, "undo a workload's --%s", d->name);
		help_line(out, 0, no, NULL, undo, NULL);
	}
}

/* Each policy option once, where its first taker declares it, with
 * every policy that takes it; then the engine's. */
static void help_engine(FILE *out)
{
	const pol_class *c;

	for (size_t i = 0; (c = pol_at(i)); i++) {
		for (size_t k = 0; k < c->nopts; k++) {
			const opt_def *d = &c->opts[k];
			size_t from = 0, at = 0;
			char takers[256];
			const pol_class *t = pol_taker(d->name, &from, NULL);

			if (t != c)
				continue; /* listed with an earlier policy */
			takers[0] = '\0';
			for (from = 0; (t = pol_taker(d->name, &from, NULL));)
				opt_append(takers, sizeof takers, &at, "%s%s", at ? ", " : "", t->name);
			help_table_opt(out, d, takers);
		}
	}
	for (size_t i = 0; i < SIM_NOPTS; i++)
		help_table_opt(out, &sim_engine_opts[i], NULL);
}

void opts_help(FILE *out, const opts_def *const *groups, const char *omit)
{
	for (size_t g = 0; ; g++) {
		const opts_def *d = groups[g] ? groups[g] : help_group;

		for (; d->name; d++) {
			if (d->kind == OPTS_K_RUN)
				help_engine(out);
			else if (d->help && (!omit || strcmp(d->name, omit)))
				help_line(out, d->short_name, d->name, d->arg, d->help, NULL);
		}
		if (!groups[g])
			return;
	}
}

/* "--quantum N (default 4)": an option as `schedsim policies` lists it. */
static void synopsis(const opt_def *d, char *buf, size_t len, size_t *at)
{
	char s[128], text[OPT_INTS_MAX * 24];

	opt_synopsis(d, true, s, sizeof s);
	opt_append(buf, len, at, "%s", s);
	if (d->kind != OPT_FLAG && d->kind != OPT_WORD && d->def >= d->min &&
	    d->def <= d->max && d->def) {
		opt_val v = { .i = d->def };

		opt_text(d, &v, text, sizeof text);
		opt_append(buf, len, at, " (default %s)", text);
	}
}

void opts_policies(FILE *out)
{
	char aka[128], line[1024];
	int wname = 0, waka = 0;
	const pol_class *c;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; (c = pol_at(i)); i++) {
			size_t at = 0;

			aka[0] = '\0';
			for (const char *const *a = c->aliases; a && *a; a++)
				opt_append(aka, sizeof aka, &at, "%s%s", a == c->aliases ? "aka " : ", ",
				           *a);
			if (!pass) {
				if ((int)strlen(c->name) > wname)
					wname = (int)strlen(c->name);
				if ((int)strlen(aka) > waka)
					waka = (int)strlen(aka);
				continue;
			}
			at = 0;
			opt_append(line, sizeof line, &at, "%-*s  %-*s  %s", wname, c->name, waka, aka,
			           c->summary);
			for (size_t k = 0; k < c->nopts; k++) {
				opt_append(line, sizeof line, &at, k ? ", " : "; options: ");
				synopsis(&c->opts[k], line, sizeof line, &at);
			}
			fprintf(out, "%s\n", line);
		}
	}
}
