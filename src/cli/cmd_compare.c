/* cmd_compare.c: `schedsim compare`: one workload under several policies,
 * side by side: the averages a textbook asks for, the context switches and
 * the CPU's utilisation, with the best of each column marked.  --json
 * gives the `run --json` object of each run, in an array. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sched/policy.h"
#include "report/report.h"

#define MAX_POLICIES 16

/* --quiet, --trace-out and --tui are taken to be refused by name; the
 * other outputs of a run, to change nothing. */
static const opts_def compare_own[] = {
	{ "policies", 0, OPTS_K_STRING, OPTS_AT(policies), 0, "LIST",
	  "the policies to compare, by commas (default: all)" },
	{ "json", 0, OPTS_K_FLAG, OPTS_AT(json), true, NULL, "the runs' reports as a JSON array" },
	{ "quiet", 'q', OPTS_K_FLAG, OPTS_AT(quiet), true, NULL, NULL },
	{ "trace-out", 0, OPTS_K_STRING, OPTS_AT(trace_out), 0, "FILE", NULL },
	{ "tui", 0, OPTS_K_TUI, OPTS_AT(tui), OPTS_TUI_ON, NULL, NULL },
	{ "no-tui", 0, OPTS_K_TUI, OPTS_AT(tui), OPTS_TUI_OFF, NULL, NULL }, /* what it does anyway */
	{ "no-color", 0, OPTS_K_FLAG, OPTS_AT(color), false, NULL, NULL },
	OPTS_END
};

static const opts_def *const compare_opts[] = { opts_run, compare_own, NULL };

enum { K_TURN, K_WAIT, K_RESP, K_SWITCH, K_UTIL, K_COLS };
static const char *const heads[K_COLS] = {
	"Turnaround", "Waiting", "Response", "Switches", "Utilization"
};

/* One run: its figures as exact fractions (num/den) for the ranking. */
typedef struct row {
	const char *policy;
	char label[200];
	report_sum_t num[K_COLS];
	uint64_t den[K_COLS];
	char *json;          /* its `run --json` object */
	bool deadlock;
} row;

/* The policies named by commas in list, or every policy when list is NULL. */
static int split_policies(const char *list, char *buf, size_t len, const char **v,
                          size_t *n)
{
	const pol_class *c;

	*n = 0;
	if (!list) {
		for (size_t i = 0; (c = pol_at(i)) && *n < MAX_POLICIES; i++)
			v[(*n)++] = c->name;
		return 0;
	}
	snprintf(buf, len, "%s", list);
	for (char *p = buf, *comma; p; p = comma ? comma + 1 : NULL) {
		if ((comma = strchr(p, ',')))
			*comma = '\0';
		if (!*p)
			return cli_usage_error("--policies: an empty name in '%s'", list);
		if (*n == MAX_POLICIES)
			return cli_usage_error("--policies: more than %d policies",
			                       MAX_POLICIES);
		v[(*n)++] = p;
	}
	return 0;
}

/* A label that says what ran, and so which of the shared options each
 * policy took: "rr (quantum 4)", "prio (preemptive)"; the engine's, the
 * same for every run, are the title's. */
static void label(row *w, const sim *s)
{
	char effect[160];

	sim_options_effect(sim_opts(s), SIM_EFFECT_POLICY, effect, sizeof effect);
	snprintf(w->label, sizeof w->label, effect[0] ? "%s (%s)" : "%s%s", sim_policy_name(s),
	         effect);
}

/* One run of wl under policy; its figures in w.  The exit status. */
static int run_one(const workload *wl, const opts *o, row *w)
{
	sim_options so;
	char err[512];
	size_t len = 0;
	report *r;
	sim *s;
	FILE *f;
	report_totals t;

	if (opts_resolve(o, w->policy, false, &so, err, sizeof err) < 0 ||
	    !(s = sim_new(wl, &so, err, sizeof err)))
		return cli_usage_error("%s", err);
	if (!(r = report_for_sim(s))) {
		sim_free(s);
		fprintf(stderr, "schedsim: out of memory\n");
		return CLI_FAIL;
	}
	label(w, s);
	if (sim_run(s) < 0) {
		fprintf(stderr, "schedsim: %s: %s\n", w->label, sim_error(s));
		report_free(r);
		sim_free(s);
		return CLI_FAIL;
	}
	if (sim_deadlock(s)) {
		char line[600];

		w->deadlock = true;
		snprintf(line, sizeof line, "D%s", sim_deadlock(s) + 1);
		report_note(r, "deadlock", sim_deadlock(s), line);
		fprintf(stderr, "schedsim: %s: %s\n", w->label, sim_deadlock(s));
	}
	report_totals_get(r, &t);
	w->num[K_TURN] = t.turnaround;
	w->num[K_WAIT] = t.waiting;
	w->num[K_RESP] = t.response;
	w->den[K_TURN] = w->den[K_WAIT] = w->den[K_RESP] = t.finished;
	w->num[K_SWITCH] = (uint64_t)t.switches;
	w->den[K_SWITCH] = 1;
	w->num[K_UTIL] = (uint64_t)t.busy;
	w->den[K_UTIL] = (uint64_t)t.makespan;
	if (o->json) {
		if (!(f = open_memstream(&w->json, &len)) || report_json(r, f) < 0 ||
		    fclose(f) != 0) {
			fprintf(stderr, "schedsim: out of memory\n");
			report_free(r);
			sim_free(s);
			return CLI_FAIL;
		}
		if (len && w->json[len - 1] == '\n')
			w->json[len - 1] = '\0';
	}
	report_free(r);
	sim_free(s);
	return w->deadlock ? CLI_FAIL : CLI_OK;
}

/* a/b against c/d, exactly: -1, 0 or 1.  Nothing to compare (0/0) is
 * worst. */
static int cmp_frac(report_sum_t a, uint64_t b, report_sum_t c, uint64_t d)
{
	if (!b || !d)
		return !b && !d ? 0 : !b ? 1 : -1;
	/* The whole parts, then the remainders: r/b against s/d, each
	 * product below 2^128. */
	report_sum_t q = a / b, r = c / d;
	if (q != r)
		return q < r ? -1 : 1;
	report_sum_t x = a % b * d, y = c % d * b;
	return x < y ? -1 : x > y;
}

/* Whether w holds the best value of column k among the n rows. */
static bool best(const row *v, size_t n, const row *w, int k)
{
	for (size_t i = 0; i < n; i++) {
		int c = cmp_frac(v[i].num[k], v[i].den[k], w->num[k], w->den[k]);

		if (k == K_UTIL ? c > 0 : c < 0)
			return false;
		if (k != K_UTIL && !w->den[k])
			return false;
	}
	return true;
}

static void cell(char *buf, size_t len, const row *v, size_t n, const row *w, int k)
{
	char d[32];

	if (k == K_UTIL) {
		uint64_t busy = (uint64_t)w->num[k];

		report_decimal(d, sizeof d, busy < UINT64_MAX / 100 ? busy * 100 : busy,
		               busy < UINT64_MAX / 100 ? w->den[k] : w->den[k] / 100, 2, false);
		snprintf(buf, len, "%s%%", d);
	} else if (w->den[k]) {
		report_decimal(buf, len, w->num[k], w->den[k], 2, false);
	} else {
		snprintf(buf, len, "-");
	}
	if (n > 1 && best(v, n, w, k))
		strncat(buf, " *", len - strlen(buf) - 1);
	else
		strncat(buf, "  ", len - strlen(buf) - 1);
}

/* A line without its trailing blanks (the mark column is blank mostly). */
static void put_line(char *line)
{
	size_t n = strlen(line);

	while (n && line[n - 1] == ' ')
		line[--n] = '\0';
	puts(line);
}

static void table(const row *v, size_t n, const char *title, const sim_options *so)
{
	char c[K_COLS][40], line[512];
	int n_line;
	int wl = (int)strlen("Policy"), w[K_COLS];

	for (int k = 0; k < K_COLS; k++)
		w[k] = (int)strlen(heads[k]) + 2;
	for (size_t i = 0; i < n; i++) {
		int len = (int)strlen(v[i].label) + (v[i].deadlock ? 11 : 0);

		if (len > wl)
			wl = len;
		for (int k = 0; k < K_COLS; k++) {
			cell(c[k], sizeof c[k], v, n, &v[i], k);
			if ((int)strlen(c[k]) > w[k])
				w[k] = (int)strlen(c[k]);
		}
	}
	sim_options_effect(so, SIM_EFFECT_ENGINE, line, sizeof line);
	printf(line[0] ? "Compare: %s (%s)\n\n" : "Compare: %s%s\n\n", title, line);
	n_line = snprintf(line, sizeof line, "%-*s", wl, "Policy");
	for (int k = 0; k < K_COLS; k++)
		n_line += snprintf(line + n_line, sizeof line - (size_t)n_line, "  %*s  ",
		                   w[k] - 2, heads[k]);
	put_line(line);
	for (size_t i = 0; i < n; i++) {
		char name[220];

		snprintf(name, sizeof name, "%s%s", v[i].label, v[i].deadlock ? " (deadlock)" : "");
		n_line = snprintf(line, sizeof line, "%-*s", wl, name);
		for (int k = 0; k < K_COLS; k++) {
			cell(c[k], sizeof c[k], v, n, &v[i], k);
			n_line += snprintf(line + n_line, sizeof line - (size_t)n_line, "  %*s",
			                   w[k], c[k]);
		}
		put_line(line);
	}
	printf("\nAverages over the threads that finished; * marks the best of each column\n"
	       "(lowest, but highest utilization).\n");
}

static int compare(const workload *wl, const opts *o)
{
	const char *names[MAX_POLICIES];
	char buf[1024];
	row v[MAX_POLICIES];
	size_t n;
	int status = CLI_OK, rc;

	const opt_def *d;

	if (split_policies(o->policies, buf, sizeof buf, names, &n) != 0)
		return CLI_USAGE;
	/* A shared option applies to the policies that take it: to none is
	 * a mistake. */
	if ((d = opts_untaken(o, names, n))) {
		char list[512];
		size_t at = 0;

		for (size_t i = 0; i < n; i++)
			opt_append(list, sizeof list, &at, "%s%s", i ? ", " : "", names[i]);
		return cli_usage_error("none of %s takes --%s", list, d->name);
	}
	memset(v, 0, sizeof v);
	for (size_t i = 0; i < n; i++) {
		v[i].policy = names[i];
		if ((rc = run_one(wl, o, &v[i])) == CLI_USAGE || (rc == CLI_FAIL && !v[i].deadlock)) {
			status = rc;
			goto out;
		}
		if (rc != CLI_OK)
			status = rc;
	}
	if (o->json) {
		fputs("[", stdout);
		for (size_t i = 0; i < n; i++)
			printf("%s%s", v[i].json, i + 1 < n ? ",\n" : "]\n");
	} else {
		table(v, n, wl->path, &o->sim);
	}
	if (fflush(stdout) == EOF) {
		perror("schedsim: cannot write the comparison");
		status = CLI_FAIL;
	}
out:
	for (size_t i = 0; i < n; i++)
		free(v[i].json);
	return status;
}

static int compare_exec(const cli_entry *e, opts *o, int argc, char **argv)
{
	char err[1024];
	workload wl;
	int status;

	if (o->noperands == 0)
		return cli_usage_error("compare: missing workload FILE");
	if (o->sim.policy)
		return cli_usage_error("compare: give the policies with --policies LIST, "
		                       "not --policy");
	if (o->quiet || o->trace_out || o->tui == OPTS_TUI_ON)
		return cli_usage_error("compare: %s cannot be used here", o->quiet ? "--quiet" :
		                       o->trace_out ? "--trace-out" : "--tui");
	if (wl_load(&wl, o->operand[0], err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	status = cli_options(e, o, &wl, NULL, argc, argv);
	if (status == CLI_OK)
		status = compare(&wl, o);
	wl_free(&wl);
	return status;
}

const cli_entry cli_compare = {
	.name = "compare",
	.usage = { "compare FILE [OPTION]..." },
	.summary = "run a workload under several policies, side by side",
	.about = "Simulate the workload in FILE ('-' for standard input) under each policy\n"
	         "of --policies and print their averages side by side, the best of each\n"
	         "column marked '*'.  Other options apply to every run that takes them;\n"
	         "the workload's \"#:\" lines give defaults, and its --policy is not used.\n",
	.opts = compare_opts,
	.operands = 1,
	.omit = "policy",
	.fails = "failure at run time (a deadlock in any run)",
	.exec = compare_exec,
};
