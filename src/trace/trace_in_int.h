/* trace_in_int.h: the field scanner the trace reader is built on. */
#ifndef SCHEDSIM_TRACE_IN_INT_H
#define SCHEDSIM_TRACE_IN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace_in.h"

/* A growable byte buffer, NUL-terminated after each use. */
typedef struct trace_in_buf {
	char *p;
	size_t len, cap;
} trace_in_buf;

/* One line being taken apart, field by field.  at is where the next
 * field starts (0-based, so the column is at + 1); why says what went
 * wrong when a scan fails, with at on the offending byte. */
typedef struct trace_in_scan {
	const char *line;
	size_t len, at;
	bool started;
	const char *why;
	char whybuf[96];
} trace_in_scan;

typedef enum trace_in_fkind {
	TRACE_IN_NONE = 0,    /* no field left on the line */
	TRACE_IN_BARE,
	TRACE_IN_QUOTED,
	TRACE_IN_BAD = -1,    /* why says what */
	TRACE_IN_NOMEM = -2
} trace_in_fkind;

/* The next field, unescaped into out.  Fields are separated by exactly
 * one space. */
trace_in_fkind trace_in_field(trace_in_scan *s, trace_in_buf *out);

/* Whether the line has nothing after its last field. */
bool trace_in_field_end(const trace_in_scan *s);

/* Whole numbers as the writer prints them: digits, a '-' first for
 * signed ones; within [min, max]. */
bool trace_in_int(const char *s, int64_t min, int64_t max, int64_t *out);
bool trace_in_uint(const char *s, uint64_t *out);

int trace_in_put(trace_in_buf *b, const char *s, size_t n);

/* ---- what the events say, checked against each other (trace_in_check.c) ---- */

/* Where each thread stands in the events read so far, and the CPU. */
typedef struct trace_in_state {
	unsigned char *st;       /* per thread: TRACE_IN_ST_* */
	size_t n, unarrived;     /* threads, and those that have not arrived */
	int running;             /* the thread on the CPU, -1 for none */
	int sw_to;               /* a switch in progress: its thread, else -1 */
	int64_t sw_end;          /* and the time it ends (its dispatch's) */
} trace_in_state;

/* For the n threads of the table; -1 when out of memory. */
int trace_in_state_init(trace_in_state *c, size_t n);
void trace_in_state_free(trace_in_state *c);

/* Whether ev can follow the events before it, given the thread table
 * (threads, c->n of them): applied if so, else the message in msg, and
 * *at_thread says whether it is about the event's THREAD field (else its
 * TIME).  Times and arguments are in their ranges already. */
bool trace_in_state_step(trace_in_state *c, const trace_in_thread *threads,
                         const sim_event *ev, bool *at_thread, char *msg, size_t msglen);

#endif
