/* trace_in_int.h: the field scanner the trace reader is built on. */
#ifndef SCHEDSIM_TRACE_IN_INT_H
#define SCHEDSIM_TRACE_IN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
