/* tmpf.c: unlinked scratch files (tmpf.h). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "tmpf.h"

const char *tmpf_dir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

FILE *tmpf_open(const char *tag)
{
	char path[4096];
	FILE *f;
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/schedsim-%s-XXXXXX", tmpf_dir(),
	                     tag) >= sizeof path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path);
	if (!(f = fdopen(fd, "w+"))) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return f;
}
