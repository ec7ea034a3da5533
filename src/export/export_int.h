/* export_int.h: what the exporter's state machine hands its writers. */
#ifndef SCHEDSIM_EXPORT_INT_H
#define SCHEDSIM_EXPORT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "export.h"

/* One stretch: a thread's (thread >= 0) or the CPU's (thread -1). */
typedef struct export_slice {
	int thread;
	const char *state;      /* "running", "ready", "blocked"; "idle", "switch" */
	int64_t start, end;
	const char *reason;     /* why it began (a dispatch's reason), or "" */
	int to;                 /* a switch's incoming thread; -1 */
} export_slice;

typedef struct export_thread {
	char *name;
	int tid;                /* a Linux pid, -1 */
	int state;              /* enum in export.c */
	int64_t since;
	char *reason;           /* of the event that began the stretch */
} export_thread;

typedef struct export_writer {
	void (*begin)(export *x, const trace_in_info *info);
	void (*slice)(export *x, const export_slice *s);
	void (*end)(export *x);
} export_writer;

struct export {
	const export_writer *w;
	FILE *out;
	export_thread *t;
	size_t n;
	int64_t idle_since;     /* -1 when the CPU is not idle */
	bool linux_trace;
	bool first;             /* no slice written yet */
	bool ended;
	bool oom;
	char *safe;             /* text made safe for a terminal (report_safe) */
	size_t safe_cap;
};

extern const export_writer export_chrome, export_csv;

#endif
