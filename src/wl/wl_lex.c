/* wl_lex.c: error messages, fields and numbers for the workload parser. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/num.h"
#include "wl_lex.h"

int wl_error(const wl_ctx *c, int line, int col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!c->err || !c->errlen)
		return -1;
	n = snprintf(c->err, c->errlen, "%s:%d:%d: ", c->name, line, col);
	if (n < 0 || (size_t)n >= c->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

int wl_nomem(const wl_ctx *c)
{
	if (c->err && c->errlen)
		snprintf(c->err, c->errlen, "%s: out of memory", c->name);
	return -1;
}

const char *wl_quote(char *buf, const char *s, size_t len)
{
	/* Room for the quotes, "..." and the NUL. */
	const size_t keep = WL_QUOTE_SIZE - 6;

	if (len <= keep)
		snprintf(buf, WL_QUOTE_SIZE, "'%.*s'", (int)len, s);
	else
		snprintf(buf, WL_QUOTE_SIZE, "'%.*s...'", (int)keep, s);
	return buf;
}

static int blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

size_t wl_split(const char *line, size_t len, wl_field *f, size_t max)
{
	size_t n = 0, i = 0;

	for (;;) {
		while (i < len && blank(line[i]))
			i++;
		if (i == len)
			return n;
		size_t start = i;
		while (i < len && !blank(line[i]))
			i++;
		if (n < max) {
			f[n].s = line + start;
			f[n].len = i - start;
			f[n].col = (int)start + 1;
		}
		n++;
	}
}

/* Bytes that are not a number come first, then a sign where none may be,
 * then the range: the message names the first thing wrong. */
static int number(const wl_ctx *c, int line, const wl_field *f,
                  const char *what, int signed_ok, int64_t lim, int64_t *out)
{
	char q[WL_QUOTE_SIZE];
	int64_t v;
	num_err e = num_i64(f->s, f->len, signed_ok ? -lim : 0, lim, &v);

	if (e == NUM_BAD)
		return wl_error(c, line, f->col, "bad %s %s: not a decimal number", what,
		                wl_quote(q, f->s, f->len));
	if (!signed_ok && f->s[0] == '-')
		return wl_error(c, line, f->col, "%s %s is negative", what,
		                wl_quote(q, f->s, f->len));
	if (e == NUM_RANGE) {
		wl_quote(q, f->s, f->len);
		if (signed_ok)
			return wl_error(c, line, f->col,
			                "%s %s is out of range (%lld to %lld)",
			                what, q, -(long long)lim, (long long)lim);
		return wl_error(c, line, f->col, "%s %s is too large (at most %lld)",
		                what, q, (long long)lim);
	}
	*out = v;
	return 0;
}

int wl_ticks(const wl_ctx *c, int line, const wl_field *f, const char *what,
             int64_t *out)
{
	return number(c, line, f, what, 0, WL_TICKS_MAX, out);
}

int wl_int(const wl_ctx *c, int line, const wl_field *f, const char *what,
           int64_t lim, int64_t *out)
{
	return number(c, line, f, what, 1, lim, out);
}
