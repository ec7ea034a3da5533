/* export.h: a trace's timeline for other tools: Chrome Trace Event JSON
 * (Perfetto, chrome://tracing) and CSV.
 *
 * An export is a trace_in player (trace_in.h): it follows each thread's
 * state through the event stream and writes one slice per stretch of it
 * (running, ready, blocked) as soon as the stretch ends, plus the CPU's
 * idle and switching stretches, so memory stays that of the thread table
 * however long the trace.
 */
#ifndef SCHEDSIM_EXPORT_H
#define SCHEDSIM_EXPORT_H

#include <stdio.h>

#include "trace/trace_in.h"

typedef enum export_format {
	EXPORT_CHROME,
	EXPORT_CSV
} export_format;

/* "chrome" or "csv"; -1 for anything else. */
int export_format_find(const char *name);

typedef struct export export;

/* Slices are written to out.  NULL when out of memory. */
export *export_new(export_format f, FILE *out);

/* The player: export_play(x) gives its start and event. */
trace_in_player export_player(export *x);

/* After the last event: the stretches still open end at time end (a
 * trace cut short has no `end` event), and the output is completed.  0,
 * or -1 when out of memory or on a write error. */
int export_finish(export *x, int64_t end);

void export_free(export *x);

#endif
