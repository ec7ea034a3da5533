/* trace_in_line.c: the lines of a trace, each read in bounded memory, and
 * the first line that tells a schedsim trace from a Linux one.
 *
 * getline() grows its buffer to whatever a line holds: an input without a
 * newline (a pipe that never ends, /dev/zero) would fill memory before any
 * check of the line's length could run.  Here reading stops one byte past
 * the longest line a trace may hold. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "trace_in.h"

int trace_in_getline(FILE *f, char **line, size_t *cap, size_t *len)
{
	size_t n = 0;
	int c, rc = 0;

	flockfile(f);
	while ((c = getc_unlocked(f)) != EOF) {
		if (c == '\n') {
			rc = 1;
			break;
		}
		if (n + 1 >= *cap) {
			size_t want = *cap ? 2 * *cap : 128;
			char *p;

			if (want > TRACE_IN_LINE_MAX + 2)
				want = TRACE_IN_LINE_MAX + 2;
			if (!(p = realloc(*line, want))) {
				funlockfile(f);
				errno = ENOMEM;
				return -1;
			}
			*line = p;
			*cap = want;
		}
		(*line)[n++] = (char)c;
		if (n > TRACE_IN_LINE_MAX) {
			rc = 2; /* the rest of it stays unread */
			break;
		}
	}
	funlockfile(f);
	if (!*line && !(*line = malloc(*cap = 1))) {
		errno = ENOMEM;
		return -1;
	}
	(*line)[n] = '\0';
	*len = n;
	return rc == 0 && ferror(f) ? -1 : rc;
}

int trace_in_open(FILE *f, const char *name, trace_in **t, char **head, size_t *headlen,
                  bool *io_error, char *err, size_t errlen)
{
	size_t cap = 0, len;
	int rc;

	*t = NULL;
	*head = NULL;
	*headlen = 0;
	*io_error = false;
	errno = 0;
	rc = trace_in_getline(f, head, &cap, &len);
	if (rc < 0 && errno == EISDIR) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		goto fail;
	}
	if (rc < 0) {
		*io_error = true;
		snprintf(err, errlen, "cannot read '%s': %s", name, strerror(errno ? errno : EIO));
		goto fail;
	}
	if (!trace_in_sniff(*head, len)) {
		/* Another kind: its reader starts with these bytes. */
		if (rc == 1)
			(*head)[len++] = '\n';
		*headlen = len;
		return 0;
	}
	const char *nul = memchr(*head, '\0', len);
	if (nul) {
		snprintf(err, errlen, "%s:1:%zu: a NUL byte in the line", name,
		         (size_t)(nul - *head) + 1);
		goto fail;
	}
	if (rc == 2) {
		snprintf(err, errlen, "%s:1:%d: line longer than %d bytes", name,
		         TRACE_IN_LINE_MAX + 1, TRACE_IN_LINE_MAX);
		goto fail;
	}
	if (!(*t = trace_in_new(f, name, *head))) {
		*io_error = true;
		snprintf(err, errlen, "%s: out of memory", name);
		goto fail;
	}
	free(*head);
	*head = NULL;
	return 1;
fail:
	free(*head);
	*head = NULL;
	return -1;
}
