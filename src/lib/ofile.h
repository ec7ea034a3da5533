/* ofile.h: writing a file the user named without harming what is there.
 *
 * A regular file, or a name that does not exist yet, is written beside
 * itself (PATH.tmp-XXXXXX) and renamed into place once complete, so a
 * failure leaves the old file as it was.  A symbolic link is followed, and
 * its target is the file written so: the link stays.  Anything else that
 * can be opened for writing (a device such as /dev/null, a FIFO, a
 * terminal) is written in place: a rename would replace the node itself.
 * A new file gets 0666 less the umask, as the shell's '>' would give it; a
 * replaced file keeps its mode, and its owner and group where allowed.
 */
#ifndef SCHEDSIM_OFILE_H
#define SCHEDSIM_OFILE_H

#include <stdbool.h>

#define OFILE_PATH_MAX 4096

typedef struct ofile {
	int fd;                       /* where to write */
	char path[OFILE_PATH_MAX];    /* the file written: links followed */
	char tmp[OFILE_PATH_MAX];     /* the file beside it; "" when in place */
} ofile;

/* Open path for writing.  0, or -1 with errno set and nothing created: a
 * directory is EISDIR, a file the caller may not write EACCES (it is not
 * replaced either), a missing directory ENOENT. */
int ofile_open(ofile *f, const char *path);

/* Whether f->fd is the named file itself (no rename to come). */
static inline bool ofile_in_place(const ofile *f)
{
	return !f->tmp[0];
}

/* The caller closes f->fd (close(), or fclose() of a stream on it), which
 * tells it of the last write errors, then ends with one of these two.
 * Both only rename or remove names, so a signal handler may call them
 * (the descriptor may still be open then). */

/* Put the file in place.  0, or -1 with errno set; then the temporary file
 * is removed and the old file is untouched. */
int ofile_commit(ofile *f);

/* Give up: the temporary file is removed, the old file untouched.  errno
 * is kept. */
void ofile_abort(ofile *f);

#endif
