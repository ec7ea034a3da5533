/* fuzz_trace.c: the trace reader (src/trace/trace_in*), both kinds of
 * trace told apart by the first line, checked event by event; then what
 * it feeds: `replay` (text and JSON reports) and `export` (CSV, Chrome). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sched/policy.h"
#include "trace/trace_in.h"

/* What start() was told, for checking the events (the info it gets
 * lives only during the call). */
typedef struct seen {
	size_t nthreads;
	int64_t *arrival;
	int64_t last;
	int ended;
} seen;

static int start(void *ctx, const trace_in_info *info)
{
	seen *s = ctx;

	s->nthreads = info->nthreads;
	if (!(s->arrival = calloc(info->nthreads + 1, sizeof *s->arrival)))
		fuzz_fail("out of memory");
	if (!info->form && !pol_find(info->policy))
		fuzz_fail("a trace of unknown policy '%s' accepted", info->policy);
	for (size_t i = 0; i < info->nthreads; i++)
		if (!info->threads[i].name || !info->threads[i].name[0] ||
		    (s->arrival[i] = info->threads[i].arrival) < 0)
			fuzz_fail("thread %zu: no name, or arrives before 0", i);
	return 0;
}

static void event(void *ctx, const sim_event *ev)
{
	seen *s = ctx;

	if (ev->kind < 0 || ev->kind >= SIM_EV_KINDS || !ev->reason)
		fuzz_fail("event of kind %d at %lld", (int)ev->kind, (long long)ev->time);
	if (ev->thread < -1 || (ev->thread >= 0 && (size_t)ev->thread >= s->nthreads))
		fuzz_fail("thread %d of %zu", ev->thread, s->nthreads);
	if (ev->thread >= 0 && ev->time < s->arrival[ev->thread])
		fuzz_fail("%s of thread %d at %lld, before its arrival at %lld",
		          sim_ev_name(ev->kind), ev->thread, (long long)ev->time,
		          (long long)s->arrival[ev->thread]);
	if ((ev->kind == SIM_EV_SWITCH || ev->kind == SIM_EV_BLOCK) && ev->arg < 0)
		fuzz_fail("%s of argument %lld", sim_ev_name(ev->kind), (long long)ev->arg);
	if (ev->time < s->last)
		fuzz_fail("time goes back: %lld after %lld", (long long)ev->time,
		          (long long)s->last);
	if (s->ended)
		fuzz_fail("an event after the end");
	s->last = ev->time;
	s->ended = ev->kind == SIM_EV_END;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	seen s = { 0, NULL, 0, 0 };
	const fuzz_output *r;
	trace_in_player p = { start, event, &s };
	trace_in_result res;
	char err[1024];

	int rc = trace_in_play(path, -1, &p, &res, err, sizeof err);

	free(s.arrival);
	if (rc < 0 && !res.io_error)
		fuzz_check_message(err, path);
	/* A bad trace too: its message as printed. */
	r = fuzz_command((const char *[]){ "replay", path, "--no-tui", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_text("text report", r->out, r->out_len);
	if (rc < 0)
		return 0;
	r = fuzz_command((const char *[]){ "replay", path, "--json", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_report_json(r->out, r->out_len);
	r = fuzz_command((const char *[]){ "export", path, "--format", "csv", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_text("CSV", r->out, r->out_len);
	r = fuzz_command((const char *[]){ "export", path, "--format", "chrome", NULL });
	fuzz_check_blames(r, path);
	fuzz_check_text("Chrome JSON", r->out, r->out_len);
	return 0;
}
