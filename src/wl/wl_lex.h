/* wl_lex.h: what the workload parser's pieces share: the parse context
 * with its error reporting, fields of a line, and numbers. */
#ifndef SCHEDSIM_WL_LEX_H
#define SCHEDSIM_WL_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "workload.h"

/* One parse: where messages go and the name they carry. */
typedef struct wl_ctx {
	const char *name;
	char *err;
	size_t errlen;
} wl_ctx;

/* A blank-separated word of a line; not NUL-terminated. */
typedef struct wl_field {
	const char *s;
	size_t len;
	int col;
} wl_field;

/* Formats "NAME:LINE:COL: message" into the context's err; returns -1 so
 * callers can `return wl_error(...)`. */
int wl_error(const wl_ctx *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "NAME: out of memory"; returns -1. */
int wl_nomem(const wl_ctx *c);

/* S quoted for a message: 'text', cut short with "..." when long, so a
 * 4,000-byte field never floods the terminal.  BUF needs WL_QUOTE_SIZE. */
#define WL_QUOTE_SIZE 48
const char *wl_quote(char *buf, const char *s, size_t len);

/* Splits LINE (LEN bytes, comment already cut) on spaces and tabs into at
 * most MAX fields; returns how many there were, which may exceed MAX. */
size_t wl_split(const char *line, size_t len, wl_field *f, size_t max);

/* Parses a decimal count of ticks in 0..WL_TICKS_MAX; WHAT names the
 * quantity in messages ("arrival", "cpu step").  The field's column is
 * where errors point. */
int wl_ticks(const wl_ctx *c, int line, const wl_field *f, const char *what,
             int64_t *out);

/* Parses a decimal integer, optionally negative, in -LIM..LIM. */
int wl_int(const wl_ctx *c, int line, const wl_field *f, const char *what,
           int64_t lim, int64_t *out);

#endif
