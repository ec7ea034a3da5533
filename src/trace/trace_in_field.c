/* trace_in_field.c: fields of a trace line, bare or quoted
 * (doc/trace-format.md, "Lines"). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/num.h"
#include "trace_in_int.h"

int trace_in_put(trace_in_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static trace_in_fkind bad(trace_in_scan *s, size_t at, const char *why)
{
	s->at = at;
	s->why = why;
	return TRACE_IN_BAD;
}

/* After the opening quote: up to the closing one, escapes undone. */
static trace_in_fkind quoted(trace_in_scan *s, trace_in_buf *out)
{
	size_t i = s->at + 1;

	for (;;) {
		size_t run = i;

		while (run < s->len && s->line[run] != '"' && s->line[run] != '\\')
			run++;
		if (trace_in_put(out, s->line + i, run - i) < 0)
			return TRACE_IN_NOMEM;
		i = run;
		if (i >= s->len)
			return bad(s, s->at, "unterminated quoted field");
		if (s->line[i] == '"')
			break;
		char c = i + 1 < s->len ? s->line[i + 1] : '\0', v;
		switch (c) {
		case '"': case '\\': v = c; break;
		case 'n': v = '\n'; break;
		case 'r': v = '\r'; break;
		case 't': v = '\t'; break;
		case 'x':
			if (i + 3 < s->len && hex(s->line[i + 2]) >= 0 &&
			    hex(s->line[i + 3]) >= 0) {
				v = (char)(hex(s->line[i + 2]) << 4 | hex(s->line[i + 3]));
				if (!v) /* the C string would end there, unseen */
					return bad(s, i, "'\\x00' in a quoted field: text holds "
					           "no NUL byte");
				i += 2;
				break;
			}
			return bad(s, i, "bad escape: '\\x' needs two lowercase hex digits");
		default:
			snprintf(s->whybuf, sizeof s->whybuf, "bad escape '\\%c' in a quoted field",
			         c >= 0x21 && c < 0x7f ? c : '?');
			return bad(s, i, s->whybuf);
		}
		if (trace_in_put(out, &v, 1) < 0)
			return TRACE_IN_NOMEM;
		i += 2;
	}
	i++; /* the closing quote */
	if (i < s->len && s->line[i] != ' ')
		return bad(s, i, "expected a space after the quoted field");
	s->at = i;
	return TRACE_IN_QUOTED;
}

trace_in_fkind trace_in_field(trace_in_scan *s, trace_in_buf *out)
{
	trace_in_fkind kind;

	out->len = 0;
	if (trace_in_put(out, "", 0) < 0)
		return TRACE_IN_NOMEM;
	if (s->started) {
		if (s->at >= s->len)
			return TRACE_IN_NONE;
		if (++s->at >= s->len) /* past the space before this field */
			return bad(s, s->at - 1, "a space ends the line");
	} else {
		s->started = true;
		if (!s->len)
			return TRACE_IN_NONE;
	}
	if (s->line[s->at] == ' ')
		return bad(s, s->at, s->at ? "two spaces between fields" :
		                             "a space begins the line");
	if (s->line[s->at] == '"') {
		kind = quoted(s, out);
	} else {
		const char *sp = memchr(s->line + s->at, ' ', s->len - s->at);
		size_t end = sp ? (size_t)(sp - s->line) : s->len;

		if (trace_in_put(out, s->line + s->at, end - s->at) < 0)
			return TRACE_IN_NOMEM;
		s->at = end;
		kind = TRACE_IN_BARE;
	}
	return kind;
}

bool trace_in_field_end(const trace_in_scan *s)
{
	return s->at >= s->len;
}

/* The reader's fields end in a NUL: these adapt the one decimal reader. */
bool trace_in_uint(const char *s, uint64_t *out)
{
	return num_u64(s, strlen(s), 0, UINT64_MAX, out) == NUM_OK;
}

bool trace_in_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return num_i64(s, strlen(s), min, max, out) == NUM_OK;
}
