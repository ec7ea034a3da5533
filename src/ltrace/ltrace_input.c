/* ltrace_input.c: the lines of a trace, read in large blocks and handed
 * out in place: no copy and no allocation per line, and any stream will do
 * (a pipe as well as a file). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ltrace_int.h"

#define READ_BUF (1 << 20)

struct ltrace_input {
	FILE *f;
	char *buf;
	size_t cap;
	size_t beg, end;    /* the data not yet handed out */
	bool eof;
};

ltrace_input *ltrace_input_new(const char *head, size_t headlen, FILE *f)
{
	ltrace_input *in = calloc(1, sizeof *in);

	if (!in)
		return NULL;
	in->f = f;
	in->cap = headlen > READ_BUF ? headlen : READ_BUF;
	in->buf = malloc(in->cap);
	if (!in->buf) {
		free(in);
		return NULL;
	}
	if (headlen)
		memcpy(in->buf, head, headlen);
	in->end = headlen;
	return in;
}

int ltrace_input_line(ltrace_input *in, char **line, size_t *len)
{
	for (;;) {
		char *b = in->buf + in->beg;
		char *nl = memchr(b, '\n', in->end - in->beg);

		if (nl || (in->eof && in->beg < in->end)) {
			*line = b;
			*len = nl ? (size_t)(nl - b) : in->end - in->beg;
			in->beg = nl ? (size_t)(nl + 1 - in->buf) : in->end;
			return *len > LTRACE_LINE_MAX ? -2 : 1;
		}
		if (in->eof)
			return 0;
		if (in->end - in->beg > LTRACE_LINE_MAX) {
			*len = in->end - in->beg;
			return -2;
		}
		memmove(in->buf, b, in->end - in->beg);
		in->end -= in->beg;
		in->beg = 0;
		size_t n = fread(in->buf + in->end, 1, in->cap - in->end, in->f);
		in->end += n;
		if (n == 0) {
			if (ferror(in->f))
				return -1;
			in->eof = true;
		}
	}
}

void ltrace_input_free(ltrace_input *in)
{
	if (!in)
		return;
	free(in->buf);
	free(in);
}
