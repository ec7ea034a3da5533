/* trace_in_int.h: the field scanner the trace reader is built on. */
#ifndef SCHEDSIM_TRACE_IN_INT_H
#define SCHEDSIM_TRACE_IN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable byte buffer, NUL-terminated after each use. */
typedef struct tin_buf {
	char *p;
	size_t len, cap;
} tin_buf;

/* One line being taken apart, field by field.  at is where the next
 * field starts (0-based, so the column is at + 1); why says what went
 * wrong when a scan fails, with at on the offending byte. */
typedef struct tin_scan {
	const char *line;
	size_t len, at;
	bool started;
	const char *why;
	char whybuf[96];
} tin_scan;

typedef enum tin_field {
	TIN_NONE = 0,    /* no field left on the line */
	TIN_BARE,
	TIN_QUOTED,
	TIN_BAD = -1,    /* why says what */
	TIN_NOMEM = -2
} tin_field;

/* The next field, unescaped into out.  Fields are separated by exactly
 * one space. */
tin_field tin_next(tin_scan *s, tin_buf *out);

/* Whether the line has nothing after its last field. */
bool tin_at_end(const tin_scan *s);

/* Whole numbers as the writer prints them: digits, a '-' first for
 * signed ones; within [min, max]. */
bool tin_int(const char *s, int64_t min, int64_t max, int64_t *out);
bool tin_uint(const char *s, uint64_t *out);

int tin_put(tin_buf *b, const char *s, size_t n);

#endif
