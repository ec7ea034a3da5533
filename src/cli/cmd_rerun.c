/* cmd_rerun.c: `schedsim run --from-trace TRACE`: the workload a schedsim
 * trace recorded, run again, under its recorded options unless the
 * command line says otherwise ("what if we had used SRTF?"). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "demo/demo.h"
#include "ltrace/ltrace.h"
#include "trace/trace_in.h"

/* The trace's header, its first line read here to tell a Linux trace.
 * NULL with the message in err, and *io_error set when the system failed. */
static trace_in *open_trace(const char *path, FILE **fp, bool *io_error, char *err,
                            size_t errlen)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *head;
	size_t len;
	trace_in *t = NULL;
	int rc;

	*io_error = false;
	if (!f) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return NULL;
	}
	rc = trace_in_open(f, name, &t, &head, &len, io_error, err, errlen);
	if (rc == 0 && !len) {
		snprintf(err, errlen, "%s:1:1: empty trace", name);
	} else if (rc == 0) {
		len -= head[len - 1] == '\n';
		snprintf(err, errlen, "%s:1:1: %s", name, ltrace_sniff(head, len) ?
		         "--from-trace needs a schedsim trace; this is a Linux trace, which "
		         "records no workload" : "not a schedsim trace");
	} else if (rc > 0 && trace_in_header(t, err, errlen) < 0) {
		*io_error = trace_in_io_error(t);
		trace_in_free(t);
		t = NULL;
	}
	free(head);
	*fp = t ? f : NULL;
	if (!t && f != stdin)
		fclose(f);
	return t;
}

/* The recorded options as command-line words, so the one option parser
 * reads them: "--policy rr --quantum 4 ...".  words[0] is the command;
 * the --sem values are made here and owned by sems. */
typedef struct rec_words {
	char **w;
	int n;
	/* "--quantum" and "4" of each option, by the tables. */
	char text[2 * (OPT_MAX + SIM_NOPTS)][OPT_INTS_MAX * 24];
	char **sems;
	size_t nsems;
} rec_words;

static int rec_add(rec_words *r, const char *a, const char *b)
{
	char **w = realloc(r->w, (size_t)(r->n + 2) * sizeof *w);

	if (!w)
		return -1;
	r->w = w;
	r->w[r->n++] = (char *)a;
	if (b)
		r->w[r->n++] = (char *)b;
	return 0;
}

/* Whether the recorded semaphores begin with the ones the workload's own
 * "#:" lines declared (in o_wl), as every trace schedsim writes does. */
static size_t from_workload(const sim_options *rec, const sim_options *o_wl)
{
	if (o_wl->nsems > rec->nsems)
		return 0;
	for (size_t i = 0; i < o_wl->nsems; i++)
		if (strcmp(rec->sems[i].name, o_wl->sems[i].name) ||
		    rec->sems[i].count != o_wl->sems[i].count)
			return 0;
	return o_wl->nsems;
}

/* o_wl: the options the workload's "#:" lines gave.  The semaphores they
 * declared were recorded first; passing them again would declare them
 * twice, and each re-run would record them once more. */
static int recorded(rec_words *r, const sim_options *o, const sim_options *o_wl)
{
	int k = 0, rc = rec_add(r, "run", NULL);
	size_t n;
	const opt_def *defs = sim_options_defs(o, &n);
	opt_val tmp, v;

	rc |= rec_add(r, "--policy", o->policy);
	for (size_t i = 0; i < n + SIM_NOPTS; i++) {
		const opt_def *d = i < n ? &defs[i] : &sim_engine_opts[i - n];
		const opt_val *p = i < n ? opt_get(&o->pol, defs, i, &tmp) : &v;
		char *name = r->text[k++], *value = r->text[k++];

		if (i >= n)
			sim_engine_get(o, i - n, &v);
		if (d->kind == OPT_NAMED)
			continue;
		/* A number outside the range is the "off" default, as given. */
		if ((d->kind == OPT_INT && (p->i < d->min || p->i > d->max)) ||
		    (d->kind == OPT_INTS && !p->i))
			continue;
		snprintf(name, sizeof r->text[0], "--%s%s", d->kind == OPT_FLAG && !p->i ? "no-" : "",
		         d->name);
		opt_text(d, p, value, sizeof r->text[0]);
		rc |= rec_add(r, name, d->kind == OPT_FLAG ? NULL : value);
	}
	if (rc || !(r->sems = calloc(o->nsems ? o->nsems : 1, sizeof *r->sems)))
		return -1;
	for (size_t i = from_workload(o, o_wl); i < o->nsems; i++) {
		size_t len = strlen(o->sems[i].name) + 24;
		char *w = malloc(len);

		if (!w)
			return -1;
		r->sems[r->nsems++] = w;
		snprintf(w, len, "%s=%" PRId64, o->sems[i].name, o->sems[i].count);
		if (rec_add(r, "--sem", w) < 0)
			return -1;
	}
	return 0;
}

static void rec_free(rec_words *r)
{
	for (size_t i = 0; i < r->nsems; i++)
		free(r->sems[i]);
	free(r->sems);
	free(r->w);
}

/* The workload's "#:" lines, then the recorded options, then argv: each
 * overrides the one before.  A message about the recorded workload names
 * the trace it is in (where names the place, as label: it must outlive o). */
static int rerun_options(const cli_entry *e, opts *o, const workload *wl, const char *path,
                         const trace_in *t, int argc, char **argv, char *label,
                         size_t labellen)
{
	rec_words rec = { 0 };
	char err[1024], line[1536];
	int status = CLI_OK;

	opts_init(o);
	if (opts_parse_workload(o, wl, e->opts, err, sizeof err) < 0) {
		snprintf(line, sizeof line, "schedsim: %s: the recorded workload: %s", path, err);
		cli_error(line); /* err quotes the trace's text */
		return CLI_USAGE;
	}
	/* Its options that the policy that runs refuses are located the same way. */
	snprintf(label, labellen, "schedsim: %s: the recorded workload: %s", path, wl->path);
	o->file = label;
	if (recorded(&rec, trace_in_options(t), &o->sim) < 0) {
		fprintf(stderr, "schedsim: out of memory\n");
		status = CLI_FAIL;
	} else if (opts_parse_defaults(o, rec.n, rec.w, err, sizeof err) < 0) {
		snprintf(line, sizeof line, "schedsim: %s: the recorded options: %s", path, err);
		cli_error(line); /* err may quote the trace's text */
		status = CLI_USAGE;
	} else if (opts_parse_argv(o, argc, argv, e->opts, 0, err, sizeof err) < 0 ||
	           opts_check(o, err, sizeof err) < 0) {
		status = cli_usage_error("%s", err);
	}
	o->policy_line = 0;
	rec_free(&rec);
	return status;
}

int cli_run_from_trace(const cli_entry *e, const char *path, int argc, char **argv)
{
	char err[1536], msg[1024], label[1536];
	const demo *d = NULL;
	const char *text, *name;
	size_t len;
	workload wl;
	FILE *f = NULL;
	opts o;
	int status;
	bool io_error;
	trace_in *t = open_trace(path, &f, &io_error, err, sizeof err);

	if (!t) {
		cli_error(err);
		return io_error ? CLI_FAIL : CLI_USAGE;
	}
	memset(&wl, 0, sizeof wl);
	name = trace_in_workload_name(t);
	text = trace_in_workload(t, &len);
	if (text) {
		if (wl_parse(&wl, name, text, len, msg, sizeof msg) < 0) {
			snprintf(err, sizeof err, "schedsim: %s: the recorded workload: %s", path,
			         msg);
			cli_error(err);
			status = CLI_USAGE;
			goto done;
		}
	} else if (!(d = demo_find(name)) || !d->setup) {
		snprintf(err, sizeof err, "schedsim: %s: the trace holds no workload, and '%s' "
		         "is not a built-in demo made of C code", path, name);
		cli_error(err);
		status = CLI_USAGE;
		goto done;
	} else {
		wl.path = (char *)d->name;
	}
	status = rerun_options(e, &o, &wl, path, t, argc, argv, label, sizeof label);
	if (status == CLI_OK) {
		cli_job job = { .title = wl.path, .explain = d ? d->explain : NULL, .wl = &wl,
		                .setup = d ? d->setup : NULL, .o = &o,
		                .result = d ? d->result : NULL };

		status = cli_run_job(&job);
	}
	if (text)
		wl_free(&wl);
done:
	trace_in_free(t);
	if (f != stdin)
		fclose(f);
	return status;
}
