/* wl_column.c: header and thread lines.  Each column is a row of the table
 * below (its name, whether a file must give it, its default, its parser),
 * so a new column (tickets, deadline, period, ...) is one row. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wl_column.h"
#include "wl_step.h"

typedef int (*col_parser)(const wl_ctx *c, int line, const wl_field *f,
                          wl_thread *t);

static int parse_name(const wl_ctx *c, int line, const wl_field *f, wl_thread *t);
static int parse_burst(const wl_ctx *c, int line, const wl_field *f, wl_thread *t);
static int parse_arrival(const wl_ctx *c, int line, const wl_field *f, wl_thread *t);
static int parse_priority(const wl_ctx *c, int line, const wl_field *f, wl_thread *t);

static const struct column {
	const char *name;
	const char *def;	/* text of the default; NULL: required */
	col_parser parse;
} columns[] = {
	{ "name", NULL, parse_name },
	{ "burst", NULL, parse_burst },
	{ "arrival", "0", parse_arrival },
	{ "priority", "0", parse_priority },
};

#define NCOLUMNS ((int)(sizeof(columns) / sizeof(columns[0])))
_Static_assert(NCOLUMNS <= WL_COLUMNS_MAX, "raise WL_COLUMNS_MAX");

/* Length of the well-formed UTF-8 sequence at S (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

/* Names reach JSON reports and traces, which must be valid UTF-8. */
static int check_utf8(const wl_ctx *c, int line, const wl_field *f)
{
	const unsigned char *s = (const unsigned char *)f->s;

	for (size_t i = 0, k; i < f->len; i += k) {
		k = utf8_len(s + i, f->len - i);
		if (!k)
			return wl_error(c, line, f->col + (int)i,
			                "thread name is not valid UTF-8 (byte 0x%02x)",
			                s[i]);
	}
	return 0;
}

static int parse_name(const wl_ctx *c, int line, const wl_field *f, wl_thread *t)
{
	char q[WL_QUOTE_SIZE];

	if (check_utf8(c, line, f) < 0)
		return -1;
	if (f->len > WL_NAME_MAX)
		return wl_error(c, line, f->col,
		                "thread name %s is longer than %d bytes",
		                wl_quote(q, f->s, f->len), WL_NAME_MAX);
	t->name = strndup(f->s, f->len);
	return t->name ? 0 : wl_nomem(c);
}

static int parse_burst(const wl_ctx *c, int line, const wl_field *f, wl_thread *t)
{
	return wl_steps_parse(c, line, f, t);
}

static int parse_arrival(const wl_ctx *c, int line, const wl_field *f, wl_thread *t)
{
	return wl_ticks(c, line, f, "arrival", &t->arrival);
}

static int parse_priority(const wl_ctx *c, int line, const wl_field *f, wl_thread *t)
{
	int64_t v;

	if (wl_int(c, line, f, "priority", WL_PRIORITY_MAX, &v) < 0)
		return -1;
	t->priority = (int)v;
	return 0;
}

/* "name, burst, arrival, priority" */
static const char *known(char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < NCOLUMNS; i++) {
		if (i)
			strncat(buf, ", ", size - strlen(buf) - 1);
		strncat(buf, columns[i].name, size - strlen(buf) - 1);
	}
	return buf;
}

static int lookup(const wl_field *f)
{
	for (int i = 0; i < NCOLUMNS; i++)
		if (strlen(columns[i].name) == f->len &&
		    !strncasecmp(columns[i].name, f->s, f->len))
			return i;
	return -1;
}

int wl_header_parse(const wl_ctx *c, int line, const wl_field *f, size_t n,
                    wl_header *h)
{
	char q[WL_QUOTE_SIZE], list[128];
	int at[WL_COLUMNS_MAX];
	size_t nknown = 0;

	for (size_t i = 0; i < n; i++)
		nknown += lookup(&f[i]) >= 0;
	if (nknown == 0)
		return wl_error(c, line, f[0].col,
		                "no header: expected column names (%s), found %s",
		                known(list, sizeof(list)),
		                wl_quote(q, f[0].s, f[0].len));

	for (int i = 0; i < NCOLUMNS; i++)
		at[i] = 0;
	h->n = 0;
	h->line = line;
	for (size_t i = 0; i < n; i++) {
		int k = lookup(&f[i]);

		if (k < 0)
			return wl_error(c, line, f[i].col,
			                "unknown column %s (known columns: %s)",
			                wl_quote(q, f[i].s, f[i].len),
			                known(list, sizeof(list)));
		if (at[k])
			return wl_error(c, line, f[i].col,
			                "duplicate column %s (first at column %d)",
			                wl_quote(q, f[i].s, f[i].len), at[k]);
		at[k] = f[i].col;
		h->col[h->n++] = k;
	}
	for (int i = 0; i < NCOLUMNS; i++)
		if (!columns[i].def && !at[i])
			return wl_error(c, line, f[0].col,
			                "the header lacks the required column '%s'",
			                columns[i].name);
	return 0;
}

int wl_row_parse(const wl_ctx *c, const wl_header *h, int line,
                 const wl_field *f, size_t n, wl_thread *t, int *name_col)
{
	char q[WL_QUOTE_SIZE];
	int given[WL_COLUMNS_MAX] = { 0 };

	t->line = line;
	if (n < h->n)
		return wl_error(c, line, f[n - 1].col + (int)f[n - 1].len,
		                "missing field for column '%s' (the header names %zu columns)",
		                columns[h->col[n]].name, h->n);
	if (n > h->n)
		return wl_error(c, line, f[h->n].col,
		                "extra field %s (the header names %zu columns)",
		                wl_quote(q, f[h->n].s, f[h->n].len), h->n);
	for (size_t i = 0; i < n; i++) {
		int k = h->col[i];

		if (columns[k].parse(c, line, &f[i], t) < 0)
			return -1;
		given[k] = 1;
		if (columns[k].parse == parse_name)
			*name_col = f[i].col;
	}
	for (int k = 0; k < NCOLUMNS; k++) {
		wl_field def = { columns[k].def, 0, 0 };

		if (given[k])
			continue;
		def.len = strlen(def.s);
		if (columns[k].parse(c, line, &def, t) < 0)
			return -1;
	}
	return 0;
}
