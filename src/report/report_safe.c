/* report_safe.c: text from a trace made safe for a terminal.
 *
 * Thread names, reasons and notes come from files anyone can write: an
 * ESC or a BEL among them would move the cursor, change the colours or
 * retitle the window of whoever prints a report.  Every human-readable
 * output passes such text through here. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Length of the valid UTF-8 sequence at s that is no control (C1 controls
 * are U+0080..U+009F, "\xc2\x80".."\xc2\x9f"), or 0. */
static size_t printable(const unsigned char *s)
{
	unsigned char c = s[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return c >= 0x20 && c != 0x7f;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, lo = c == 0xc2 ? 0xa0 : 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
	else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

const char *report_safe(const char *s, char **buf, size_t *cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, len = 0;

	while (p[i] && (n = printable(p + i)))
		i += n;
	if (!p[i])
		return s; /* nothing to escape: the common case, no copy */
	size_t need = i + 4 * strlen(s + i) + 1;
	if (need > *cap) {
		char *b = realloc(*buf, need);

		if (!b)
			return NULL;
		*buf = b;
		*cap = need;
	}
	memcpy(*buf, s, i);
	len = i;
	while (p[i]) {
		if ((n = printable(p + i))) {
			memcpy(*buf + len, p + i, n);
			len += n;
			i += n;
		} else {
			static const char hex[] = "0123456789abcdef";

			(*buf)[len++] = '\\';
			(*buf)[len++] = 'x';
			(*buf)[len++] = hex[p[i] >> 4];
			(*buf)[len++] = hex[p[i] & 15];
			i++;
		}
	}
	(*buf)[len] = '\0';
	return *buf;
}

char *report_safe_dup(const char *s)
{
	char *buf = NULL;
	size_t cap = 0;
	const char *t = report_safe(s, &buf, &cap);

	if (t == s)
		return strdup(s);
	return buf; /* NULL when out of memory */
}
