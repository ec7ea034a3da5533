/* export_chrome.c: Chrome Trace Event JSON, as Perfetto and
 * chrome://tracing open it: one process, a track per thread plus one for
 * the CPU, "M" events naming them, an "X" event per slice.  Times are
 * microseconds: a Linux trace's own, or one per simulated tick. */
#include <config.h>

#include "export_int.h"
#include "report/report.h"

/* The colours chrome://tracing gives thread states (Perfetto picks its own). */
static const char *colour(const char *state)
{
	switch (state[0]) {
	case 'r':
		return state[1] == 'u' ? "thread_state_running" : "thread_state_runnable";
	case 'b':
		return "thread_state_iowait";
	case 's':
		return "thread_state_uninterruptible";
	default:
		return "thread_state_sleeping";
	}
}

static void meta(export *x, int tid, const char *name, size_t sort)
{
	fprintf(x->out, ",\n{\"ph\": \"M\", \"pid\": 1, \"tid\": %d, \"name\": \"thread_name\", "
	        "\"args\": {\"name\": ", tid);
	report_json_string(x->out, name);
	fprintf(x->out, "}},\n{\"ph\": \"M\", \"pid\": 1, \"tid\": %d, "
	        "\"name\": \"thread_sort_index\", \"args\": {\"sort_index\": %zu}}", tid, sort);
}

static void begin(export *x, const trace_in_info *info)
{
	FILE *out = x->out;

	fputs("{\"displayTimeUnit\": \"ms\",\n\"otherData\": {\"source\": ", out);
	report_json_string(out, info->path);
	if (info->form)
		fprintf(out, ", \"form\": \"%s\", \"cpu\": %d, \"unit\": \"us\"", info->form,
		        info->cpu);
	else {
		fputs(", \"policy\": ", out);
		report_json_string(out, info->policy);
		fputs(", \"unit\": \"1 tick = 1 us\"", out);
	}
	fputs("},\n\"traceEvents\": [\n{\"ph\": \"M\", \"pid\": 1, \"name\": \"process_name\", "
	      "\"args\": {\"name\": ", out);
	if (info->form) {
		char name[64];

		snprintf(name, sizeof name, "Linux %s trace, CPU %d", info->form, info->cpu);
		report_json_string(out, name);
	} else {
		char name[128];

		snprintf(name, sizeof name, "schedsim, policy %s", info->policy);
		report_json_string(out, name);
	}
	fputs("}}", out);
	meta(x, 0, "CPU", 0);
	for (size_t i = 0; i < x->n; i++)
		meta(x, (int)i + 1, x->t[i].name, i + 1);
}

static void slice(export *x, const export_slice *s)
{
	FILE *out = x->out;

	fputs(",\n{\"ph\": \"X\", \"pid\": 1, \"tid\": ", out);
	report_json_int(out, s->thread + 1);
	fputs(", \"name\": \"", out);
	fputs(s->state, out);
	fputs("\", \"cname\": \"", out);
	fputs(colour(s->state), out);
	fputs("\", \"ts\": ", out);
	report_json_int(out, s->start);
	fputs(", \"dur\": ", out);
	report_json_int(out, s->end - s->start);
	if (s->to >= 0) {
		fputs(", \"args\": {\"to\": ", out);
		report_json_string(out, x->t[s->to].name);
		fputs("}", out);
	} else if (s->thread >= 0 && (s->reason[0] || x->t[s->thread].tid >= 0)) {
		const char *sep = "";

		fputs(", \"args\": {", out);
		if (x->t[s->thread].tid >= 0) {
			fprintf(out, "\"pid\": %d", x->t[s->thread].tid);
			sep = ", ";
		}
		if (s->reason[0]) {
			fprintf(out, "%s\"reason\": ", sep);
			report_json_string(out, s->reason);
		}
		fputs("}", out);
	}
	fputs("}", out);
}

static void end(export *x)
{
	fputs("\n]}\n", x->out);
}

const export_writer export_chrome = { begin, slice, end };
