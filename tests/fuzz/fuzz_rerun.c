/* fuzz_rerun.c: `schedsim run --from-trace` (src/cli/cmd_rerun.c): a
 * trace's header, its recorded workload and options, and a run of them
 * with its report.  Only runs bounded in work are run (fuzz_bounded): the
 * reader and the checks before the run see every input. */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "trace/trace_in.h"
#include "wl/workload.h"

/* Whether the trace's run is small, as far as the trace can say: a
 * workload that does not parse, or a C-code demo, is cheap to try. */
static int bounded(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r");
	trace_in *t = f ? trace_in_new(f, "fuzz.trace", NULL) : NULL;
	char err[1024];
	const char *text;
	size_t len;
	workload wl;
	int ok = 1;

	if (!t)
		fuzz_fail("out of memory");
	if (trace_in_header(t, err, sizeof err) == 0 &&
	    (text = trace_in_workload(t, &len)) &&
	    wl_parse(&wl, "w", text, len, err, sizeof err) == 0) {
		ok = fuzz_bounded(&wl, trace_in_options(t));
		wl_free(&wl);
	}
	trace_in_free(t);
	fclose(f);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const fuzz_output *r;
	const char *path;

	if (size == 0 || !bounded(data, size))
		return 0;
	path = fuzz_file(data, size);
	r = fuzz_command((const char *[]){ "run", "--from-trace", path, "--no-tui", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_text("text report", r->out, r->out_len);
	return 0;
}
