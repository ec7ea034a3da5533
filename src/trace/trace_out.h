/* trace_out.h: recording a run as a schedsim trace (doc/trace-format.md).
 *
 * The trace is streamed as the run goes.  Lines are buffered whole and
 * written whole, so whatever ends the run (its end, a run-time failure,
 * SIGINT, SIGTERM) leaves a trace of complete lines; nothing in it depends
 * on the clock or the machine, so identical runs give identical bytes.
 */
#ifndef SCHEDSIM_TRACE_OUT_H
#define SCHEDSIM_TRACE_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "sim/event.h"

typedef struct trace_out trace_out;

/* Start a trace for path ("-": standard output) with its first line.  A
 * file is written as lib/ofile.h says: it appears, or replaces the old one,
 * when the trace is closed or cut short by SIGINT or SIGTERM; if a write
 * fails, the old file stays as it was.  NULL with "cannot write trace
 * 'PATH': REASON" in err on failure. */
trace_out *trace_out_open(const char *path, char *err, size_t errlen);

/* The header, in this order: the run, the workload's text (source may be
 * NULL for a demo made of C code), then each thread in index order. */
void trace_out_run(trace_out *t, const char *policy, const sim_options *opt);
void trace_out_workload(trace_out *t, const char *name, const char *source, size_t len);
void trace_out_thread(trace_out *t, int index, const char *name, int64_t arrival,
                      int priority);

/* One event; a sim_listener (ctx is the trace).  The first one ends the
 * header. */
void trace_out_event(void *t, const sim_event *ev);

/* The whole header from a simulation just made (before its first step),
 * then the trace listens to it.  0, or -1 when the simulation takes no
 * listener (sim_error() says why). */
int trace_out_sim(trace_out *t, sim *s, const char *name, const char *source,
                  size_t len);

/* What ended the run, for its end event's reason: note(ctx) at that event,
 * NULL for the event's own.  trace_out_sim() names the engine's deadlock. */
void trace_out_end_note(trace_out *t, const char *(*note)(const void *ctx), const void *ctx);

/* After the end event: what a demo made of C code computed at the end
 * ("final count 23, expected 40"), as its report says it. */
void trace_out_result(trace_out *t, const char *text);

/* Start the file over, for a new run of the same command (the live view
 * restarting).  0, or -1 if the file cannot be truncated. */
int trace_out_rewind(trace_out *t);

/* Until trace_out_close(), SIGINT and SIGTERM write what is buffered
 * before the process dies of the signal as usual. */
void trace_out_catch_signals(trace_out *t);

/* Flush, close and put the file in place.  0, or -1 with "cannot write
 * trace 'PATH': REASON" in err if any write failed (then no file is put in
 * place). */
int trace_out_close(trace_out *t, char *err, size_t errlen);

#endif
