/* ofile.c: output files written beside themselves and renamed into place,
 * or written in place when they are not regular files (ofile.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ofile.h"

#define LINKS_MAX 40       /* symbolic links followed, as the kernel does */
#define TRIES 100          /* temporary names tried before giving up */
#define TMP_SUFFIX ".tmp-XXXXXX"

/* The name path stands for once every symbolic link at its end is
 * followed (a relative target is taken from the link's directory).  The
 * last name need not exist: a dangling link names the file to create. */
static int follow(const char *path, char *out)
{
	char link[OFILE_PATH_MAX];
	struct stat st;
	int hops = 0;

	if (strlen(path) >= OFILE_PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(out, path);
	while (lstat(out, &st) == 0 && S_ISLNK(st.st_mode)) {
		ssize_t n = readlink(out, link, sizeof link);
		const char *slash = strrchr(out, '/');
		size_t dir;

		if (n < 0)
			return -1;
		if (hops++ == LINKS_MAX || n == 0) {
			errno = n ? ELOOP : ENOENT;
			return -1;
		}
		/* Absolute: the target alone; relative: beside the link. */
		dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - out) + 1;
		if (dir + (size_t)n >= OFILE_PATH_MAX) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(out + dir, link, (size_t)n);
		out[dir + (size_t)n] = '\0';
	}
	return 0;
}

/* Six characters for a temporary name; O_EXCL, not these, keeps it safe. */
static void suffix(char *p)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz"
	                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static uint64_t counter;
	struct timespec ts;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
	    ((uint64_t)getpid() << 16) ^ (++counter * 0x9e3779b97f4a7c15u);
	/* splitmix64's finaliser: every bit of x moves every output bit. */
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	x ^= x >> 31;
	for (int i = 0; i < 6; i++, x /= sizeof abc - 1)
		p[i] = abc[x % (sizeof abc - 1)];
}

/* The temporary file beside f->path; old is the file it will replace, or
 * NULL for a new name. */
static int beside(ofile *f, const struct stat *old)
{
	size_t n = strlen(f->path);

	if (n + sizeof TMP_SUFFIX > sizeof f->tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(f->tmp, f->path, n);
	memcpy(f->tmp + n, TMP_SUFFIX, sizeof TMP_SUFFIX);
	for (int i = 0; i < TRIES; i++) {
		suffix(f->tmp + n + sizeof TMP_SUFFIX - 7);
		/* 0666: the kernel applies the umask (and a default ACL). */
		f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
		if (f->fd >= 0 || errno != EEXIST)
			break;
	}
	if (f->fd < 0) {
		f->tmp[0] = '\0';
		return -1;
	}
	if (!old)
		return 0;
	/* The old file's owner and group where we may give them (root, or a
	 * group of ours), then its mode: chown clears set-id bits. */
	if ((old->st_uid != geteuid() || old->st_gid != getegid()) &&
	    fchown(f->fd, old->st_uid, old->st_gid) < 0 &&
	    fchown(f->fd, (uid_t)-1, old->st_gid) < 0)
		errno = 0;  /* ours, then, as a file made anew would be */
	if (fchmod(f->fd, old->st_mode & 07777) < 0) {
		int e = errno;

		close(f->fd);
		f->fd = -1;
		ofile_abort(f);
		errno = e;
		return -1;
	}
	return 0;
}

int ofile_open(ofile *f, const char *path)
{
	struct stat st;
	int fd;

	f->fd = -1;
	f->tmp[0] = '\0';
	if (follow(path, f->path) < 0)
		return -1;
	if (stat(f->path, &st) < 0)
		return errno == ENOENT ? beside(f, NULL) : -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		f->fd = open(f->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		return f->fd < 0 ? -1 : 0;
	}
	/* Replace only a file we could have written: '>' would refuse a
	 * read-only one.  Opening a regular file changes nothing in it. */
	if ((fd = open(f->path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return -1;
	close(fd);
	return beside(f, &st);
}

int ofile_commit(ofile *f)
{
	if (ofile_in_place(f))
		return 0;
	if (rename(f->tmp, f->path) < 0) {
		ofile_abort(f);
		return -1;
	}
	f->tmp[0] = '\0';
	return 0;
}

void ofile_abort(ofile *f)
{
	int e = errno;

	if (!ofile_in_place(f))
		unlink(f->tmp);
	f->tmp[0] = '\0';
	errno = e;
}
