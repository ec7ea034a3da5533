/* cmd_rerun.c: `schedsim run --from-trace TRACE`: the workload a schedsim
 * trace recorded, run again, under its recorded options unless the
 * command line says otherwise ("what if we had used SRTF?"). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "demo.h"
#include "ltrace.h"
#include "trace_in.h"

/* The trace's header, its first line read here to tell a Linux trace. */
static trace_in *open_trace(const char *path, FILE **fp, char *err, size_t errlen)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	trace_in *t = NULL;

	if (!f) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return NULL;
	}
	n = getline(&line, &cap, f);
	if (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	if (n < 0) {
		snprintf(err, errlen, "%s:1:1: empty trace", name);
	} else if (!trace_in_sniff(line, (size_t)n)) {
		snprintf(err, errlen, "%s:1:1: %s", name, ltrace_sniff(line, (size_t)n) ?
		         "--from-trace needs a schedsim trace; this is a Linux trace, which "
		         "records no workload" : "not a schedsim trace");
	} else if (!(t = trace_in_new(f, name, line))) {
		snprintf(err, errlen, "%s: out of memory", name);
	} else if (trace_in_header(t, err, errlen) < 0) {
		trace_in_free(t);
		t = NULL;
	}
	free(line);
	if (!t && f != stdin)
		fclose(f);
	*fp = f;
	return t;
}

/* The recorded options are the defaults the command line overrides; the
 * workload's "#:" lines come first, for what the trace does not hold. */
static int rerun_options(opts *o, const workload *wl, const trace_in *t,
                         int argc, char **argv, unsigned allow)
{
	const sim_options *r = trace_in_options(t);
	char err[1024];

	opts_init(o);
	if (opts_parse_workload(o, wl, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	o->sim.policy = r->policy;
	o->sim.quantum = r->quantum;
	o->sim.preemptive = r->preemptive;
	o->sim.aging = r->aging;
	o->sim.high_first = r->high_first;
	o->sim.switch_cost = r->switch_cost;
	o->sim.seed = r->seed;
	o->policy_line = 0;
	if (opts_parse_argv(o, argc, argv, allow, 0, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	if (opts_check(o, err, sizeof err) < 0)
		return cli_usage_error("%s", err);
	return CLI_OK;
}

int cli_run_from_trace(const char *path, int argc, char **argv, unsigned allow)
{
	char err[1024];
	const demo *d = NULL;
	const char *text, *name;
	size_t len;
	workload wl;
	FILE *f = NULL;
	opts o;
	int status;
	trace_in *t = open_trace(path, &f, err, sizeof err);

	if (!t) {
		fprintf(stderr, "%s\n", err);
		return CLI_USAGE;
	}
	memset(&wl, 0, sizeof wl);
	name = trace_in_workload_name(t);
	text = trace_in_workload(t, &len);
	if (text) {
		if (wl_parse(&wl, name, text, len, err, sizeof err) < 0) {
			fprintf(stderr, "schedsim: %s: the recorded workload: %s\n", path, err);
			status = CLI_USAGE;
			goto done;
		}
	} else if (!(d = demo_find(name)) || !d->setup) {
		fprintf(stderr, "schedsim: %s: the trace holds no workload, and '%s' is not a "
		        "built-in demo made of C code\n", path, name);
		status = CLI_USAGE;
		goto done;
	} else {
		wl.path = (char *)d->name;
	}
	status = rerun_options(&o, &wl, t, argc, argv, allow);
	if (status == CLI_OK) {
		cli_job job = { .title = wl.path, .explain = d ? d->explain : NULL, .wl = &wl,
		                .setup = d ? d->setup : NULL, .o = &o };

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
