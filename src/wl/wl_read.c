/* wl_read.c: reading a workload file or standard input. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "workload.h"

/* Reads all of FD, but never more than WL_FILE_MAX + 1 bytes: a pipe
 * that never ends, or /dev/zero, is refused instead of eating memory. */
static int slurp(int fd, char **out, size_t *outlen)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);

	if (!buf)
		return ENOMEM;
	for (;;) {
		if (len == cap) {
			if (cap > WL_FILE_MAX)
				break;
			char *b = realloc(buf, cap * 2);

			if (!b) {
				free(buf);
				return ENOMEM;
			}
			buf = b;
			cap *= 2;
		}
		ssize_t n = read(fd, buf + len, cap - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			free(buf);
			return e;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*out = buf;
	*outlen = len;
	return 0;
}

int wl_load(workload *wl, const char *path, char *err, size_t errlen)
{
	int std = !strcmp(path, "-");
	const char *name = std ? "<stdin>" : path;
	int fd = std ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	char *buf = NULL;
	size_t len = 0;
	int e, rc;

	memset(wl, 0, sizeof(*wl));
	if (fd < 0) {
		e = errno;
	} else {
		e = slurp(fd, &buf, &len);
		if (!std)
			close(fd);
	}
	if (e) {
		snprintf(err, errlen, "%s: %s", name, strerror(e));
		return -1;
	}
	rc = wl_parse(wl, name, buf, len, err, errlen);
	free(buf);
	return rc;
}
