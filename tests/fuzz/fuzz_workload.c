/* fuzz_workload.c: the workload parser (src/wl) and the options of its
 * "#:" lines, then, when it is small enough to run in milliseconds, a run
 * of it with its text and JSON reports. */
#include <config.h>

#include "cli/cli.h"
#include "fuzz.h"

#define NAME "fuzz.wl"

/* A workload refused before it runs: the message as `run` prints it. */
static int refused(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	fuzz_check_blames(fuzz_command((const char *[]){ "run", path, "--no-tui", NULL }), path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fuzz_output *r;
	const char *path;
	char err[1024];
	workload wl;
	sim_options so;
	opts o;
	int bounded;

	if (wl_parse(&wl, NAME, (const char *)data, size, err, sizeof err) < 0) {
		fuzz_check_message(err, NAME);
		return refused(data, size);
	}
	for (size_t i = 0; i < wl.nthreads; i++)
		if (!wl.threads[i].name[0] || wl_cpu_total(&wl.threads[i]) < 0 ||
		    wl_io_total(&wl.threads[i]) < 0)
			fuzz_fail("thread %zu: an empty name, or a negative total", i);
	opts_init(&o);
	if (opts_parse_workload(&o, &wl, cli_run.opts, err, sizeof err) < 0 ||
	    opts_resolve(&o, NULL, true, &so, err, sizeof err) < 0) {
		wl_free(&wl);
		return refused(data, size);
	}
	bounded = fuzz_bounded(&wl, &so);
	wl_free(&wl);
	if (!bounded)
		return 0;
	path = fuzz_file(data, size);
	r = fuzz_command((const char *[]){ "run", path, "--no-tui", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_text("text report", r->out, r->out_len);
	r = fuzz_command((const char *[]){ "run", path, "--json", NULL });
	fuzz_check_report_json(r->out, r->out_len);
	return 0;
}
