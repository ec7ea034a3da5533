/* fuzz_ltrace.c: the Linux trace import (src/ltrace): every line through
 * the line parser, the CPU's state machine and the spool, importing the
 * busiest CPU and CPU 0; the events it gives must make a timeline. */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "ltrace/ltrace.h"

#define NAME "fuzz.txt"

typedef struct seen {
	int64_t last;
	int dispatched, ended;
} seen;

static void event(void *ctx, const sim_event *ev)
{
	seen *s = ctx;

	if (ev->time < s->last || ev->time < 0)
		fuzz_fail("time %lld after %lld", (long long)ev->time, (long long)s->last);
	if (s->ended)
		fuzz_fail("an event after the end");
	s->last = ev->time;
	s->ended = ev->kind == SIM_EV_END;
}

static void segment(void *ctx, const ltrace_segment *seg)
{
	(void)ctx;
	if (seg->end <= seg->start)
		fuzz_fail("empty segment %lld-%lld", (long long)seg->start, (long long)seg->end);
}

static void import(const uint8_t *data, size_t size, int cpu)
{
	FILE *f = fmemopen((void *)data, size, "r");
	ltrace *lt = ltrace_new(cpu);
	seen s = { 0, 0, 0 };
	char err[1024];
	bool io_error = false;

	if (!f || !lt)
		fuzz_fail("out of memory");
	ltrace_listen(lt, event, &s);
	ltrace_on_segment(lt, segment, NULL);
	if (ltrace_read(lt, f, NAME, &io_error, err, sizeof err) < 0) {
		if (!io_error)
			fuzz_check_message(err, NAME);
	} else {
		if (!s.ended)
			fuzz_fail("no end event");
		for (size_t i = 0; i < ltrace_ntasks(lt); i++) {
			const ltrace_task *t = ltrace_task_at(lt, i);

			if (t->cpu < 0 || t->waiting < 0 || t->dispatches < 0 ||
			    t->preemptions < 0 || t->voluntary < 0 || t->arrival < 0)
				fuzz_fail("task %zu: a negative figure", i);
		}
	}
	ltrace_free(lt);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	import(data, size, -1);
	import(data, size, 0);
	return 0;
}
