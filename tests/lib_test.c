/* lib_test.c: the Check suite of src/lib/, the helpers owned by no module:
 * decimal numbers at their boundaries, scratch files, output files, the
 * binary heap. */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "lib/grow.h"
#include "lib/hash.h"
#include "lib/heap.h"
#include "lib/num.h"
#include "lib/ofile.h"
#include "lib/tmpf.h"

/* A fresh directory for one test (Check forks each test: no cleanup races). */
static char *scratch_dir(void)
{
	static char dir[64];

	snprintf(dir, sizeof dir, "/tmp/lib_test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

/* Empty dir (files and links only) and remove it. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			ck_assert_msg(unlink(path) == 0 || rmdir(path) == 0, "%s", path);
		}
	closedir(d);
	ck_assert_int_eq(rmdir(dir), 0);
}

/* How many entries dir holds, besides . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

/* ---- num_i64, num_u64, num_scan ------------------------------------------ */

static num_err i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return num_i64(s, strlen(s), min, max, out);
}

static num_err u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	return num_u64(s, strlen(s), min, max, out);
}

START_TEST(test_i64_values)
{
	int64_t v = 7;

	ck_assert_int_eq(i64("0", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(i64("-0", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(i64("000042", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(i64("-0042", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, -42);
	ck_assert_int_eq(i64("9223372036854775807", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, INT64_MAX);
	ck_assert_int_eq(i64("-9223372036854775808", INT64_MIN, INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, INT64_MIN);
	ck_assert_int_eq(i64("00000000000000000000009223372036854775807", INT64_MIN,
	                     INT64_MAX, &v), NUM_OK);
	ck_assert_int_eq(v, INT64_MAX);
}
END_TEST

START_TEST(test_i64_range)
{
	int64_t v = 7;

	ck_assert_int_eq(i64("9223372036854775808", INT64_MIN, INT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(i64("-9223372036854775809", INT64_MIN, INT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(i64("18446744073709551615", INT64_MIN, INT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(i64("18446744073709551616", INT64_MIN, INT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(i64("99999999999999999999999999999999", INT64_MIN, INT64_MAX, &v),
	                 NUM_RANGE);
	/* The caller's bounds, inclusive. */
	ck_assert_int_eq(i64("1000000000000", 0, 1000000000000, &v), NUM_OK);
	ck_assert_int_eq(v, 1000000000000);
	ck_assert_int_eq(i64("1000000000001", 0, 1000000000000, &v), NUM_RANGE);
	ck_assert_int_eq(i64("-1", 0, 10, &v), NUM_RANGE);
	ck_assert_int_eq(i64("-10", -10, 10, &v), NUM_OK);
	ck_assert_int_eq(v, -10);
	ck_assert_int_eq(i64("-11", -10, 10, &v), NUM_RANGE);
	ck_assert_int_eq(i64("0", 1, 10, &v), NUM_RANGE);
	/* *out is left alone when the answer is not NUM_OK. */
	ck_assert_int_eq(v, -10);
}
END_TEST

START_TEST(test_i64_bad)
{
	static const char *const bad[] = {
		"", "-", "--1", "+1", " 1", "1 ", "1x", "x1", "0x10", "1.0", "1e3",
		"- 1", "99999999999999999999x", "\xd9\xa1", /* Arabic-Indic one */
	};
	int64_t v = 7;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(i64(bad[i], INT64_MIN, INT64_MAX, &v) == NUM_BAD,
		              "'%s' is not a number", bad[i]);
	ck_assert_int_eq(v, 7);
	/* The length is the caller's: bytes past it are not read. */
	ck_assert_int_eq(num_i64("12x", 2, 0, 100, &v), NUM_OK);
	ck_assert_int_eq(v, 12);
	ck_assert_int_eq(num_i64("12", 0, 0, 100, &v), NUM_BAD);
	/* A NUL inside the length is a byte like any other. */
	ck_assert_int_eq(num_i64("1\0" "2", 3, 0, 100, &v), NUM_BAD);
}
END_TEST

START_TEST(test_u64)
{
	uint64_t v = 7;

	ck_assert_int_eq(u64("18446744073709551615", 0, UINT64_MAX, &v), NUM_OK);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(u64("18446744073709551616", 0, UINT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(u64("18446744073709551620", 0, UINT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(u64("184467440737095516150", 0, UINT64_MAX, &v), NUM_RANGE);
	/* Nineteen digits, then twenty: where overflow becomes possible. */
	ck_assert_int_eq(u64("9999999999999999999", 0, UINT64_MAX, &v), NUM_OK);
	ck_assert_uint_eq(v, 9999999999999999999u);
	ck_assert_int_eq(u64("10000000000000000000", 0, UINT64_MAX, &v), NUM_OK);
	ck_assert_uint_eq(v, 10000000000000000000u);
	ck_assert_int_eq(u64("99999999999999999999", 0, UINT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(u64("9223372036854775807", 0, INT64_MAX, &v), NUM_OK);
	ck_assert_uint_eq(v, INT64_MAX);
	ck_assert_int_eq(u64("9223372036854775808", 0, INT64_MAX, &v), NUM_RANGE);
	ck_assert_int_eq(u64("007", 0, 10, &v), NUM_OK);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(u64("0", 1, 10, &v), NUM_RANGE);
	ck_assert_int_eq(u64("", 0, 10, &v), NUM_BAD);
	ck_assert_int_eq(u64("-0", 0, 10, &v), NUM_BAD);
	ck_assert_int_eq(u64("-1", 0, 10, &v), NUM_BAD);
	ck_assert_int_eq(u64("+1", 0, 10, &v), NUM_BAD);
	ck_assert_int_eq(u64("1 ", 0, 10, &v), NUM_BAD);
	ck_assert_int_eq(u64("99999999999999999999999x", 0, 10, &v), NUM_BAD);
	ck_assert_uint_eq(v, 7);
}
END_TEST

START_TEST(test_scan)
{
	int64_t v = 7;
	size_t used = 99;

	ck_assert_int_eq(num_scan("123 rest", 8, 0, 1000, &v, &used), NUM_OK);
	ck_assert_int_eq(v, 123);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(num_scan("-45]", 4, -100, 100, &v, &used), NUM_OK);
	ck_assert_int_eq(v, -45);
	ck_assert_uint_eq(used, 3);
	/* Every digit is taken, even past the range. */
	ck_assert_int_eq(num_scan("123456789012345678901234 x", 26, 0, 1000, &v, &used),
	                 NUM_RANGE);
	ck_assert_uint_eq(used, 24);
	ck_assert_int_eq(num_scan("-x", 2, -100, 100, &v, &used), NUM_BAD);
	ck_assert_uint_eq(used, 1);
	ck_assert_int_eq(num_scan("x", 1, -100, 100, &v, &used), NUM_BAD);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(num_scan("", 0, -100, 100, &v, &used), NUM_BAD);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(num_scan("5", 0, -100, 100, &v, &used), NUM_BAD);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(v, -45);
}
END_TEST

/* ---- num_digits ------------------------------------------------------------ */

START_TEST(test_digits)
{
	ck_assert_int_eq(num_digits(0), 1);
	ck_assert_int_eq(num_digits(9), 1);
	ck_assert_int_eq(num_digits(10), 2);
	ck_assert_int_eq(num_digits(99), 2);
	ck_assert_int_eq(num_digits(100), 3);
	ck_assert_int_eq(num_digits(1000000000000), 13);
	ck_assert_int_eq(num_digits(999999999999999999), 18);
	ck_assert_int_eq(num_digits(1000000000000000000), 19);
	ck_assert_int_eq(num_digits(INT64_MAX), 19);
	ck_assert_int_eq(num_digits(-1), 2);
	ck_assert_int_eq(num_digits(-10), 3);
	ck_assert_int_eq(num_digits(INT64_MIN), 20);
}
END_TEST

/* ---- tmpf ------------------------------------------------------------------ */

START_TEST(test_tmpf_dir)
{
	ck_assert_int_eq(setenv("TMPDIR", "/some/where", 1), 0);
	ck_assert_str_eq(tmpf_dir(), "/some/where");
	ck_assert_int_eq(setenv("TMPDIR", "", 1), 0);
	ck_assert_str_eq(tmpf_dir(), "/tmp");
	ck_assert_int_eq(unsetenv("TMPDIR"), 0);
	ck_assert_str_eq(tmpf_dir(), "/tmp");
}
END_TEST

START_TEST(test_tmpf_open)
{
	char *dir = scratch_dir(), back[6];
	FILE *f;

	ck_assert_int_eq(setenv("TMPDIR", dir, 1), 0);
	f = tmpf_open("test");
	ck_assert_ptr_nonnull(f);
	/* Unlinked already: the directory is empty while the file is open. */
	ck_assert_int_eq(entries(dir), 0);
	ck_assert_int_eq(fputs("hello", f), 1);
	rewind(f);
	ck_assert_ptr_nonnull(fgets(back, sizeof back, f));
	ck_assert_str_eq(back, "hello");
	fclose(f);
	ck_assert_int_eq(unsetenv("TMPDIR"), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_tmpf_fails)
{
	char *dir = scratch_dir(), missing[80], huge[5000];

	snprintf(missing, sizeof missing, "%s/no/such", dir);
	ck_assert_int_eq(setenv("TMPDIR", missing, 1), 0);
	errno = 0;
	ck_assert_ptr_null(tmpf_open("test"));
	ck_assert_int_eq(errno, ENOENT);
	/* A name longer than a path may be is refused before mkstemp. */
	memset(huge, 'a', sizeof huge - 1);
	huge[0] = '/';
	huge[sizeof huge - 1] = '\0';
	ck_assert_int_eq(setenv("TMPDIR", huge, 1), 0);
	errno = 0;
	ck_assert_ptr_null(tmpf_open("test"));
	ck_assert_int_eq(errno, ENAMETOOLONG);
	ck_assert_int_eq(unsetenv("TMPDIR"), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* ---- ofile ----------------------------------------------------------------- */

/* dir/name, in a static buffer of four (a test names a few at once). */
static const char *at(const char *dir, const char *name)
{
	static char buf[4][256];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static void put_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
}

/* The file's text (up to 255 bytes). */
static const char *text_of(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	ck_assert_int_eq(lstat(path, &st), 0);
	return st.st_mode;
}

/* Opened, written, closed: what every user of ofile does before commit. */
static void write_all_of(ofile *f, const char *text)
{
	ck_assert_int_eq(write(f->fd, text, strlen(text)), (ssize_t)strlen(text));
	ck_assert_int_eq(close(f->fd), 0);
}

START_TEST(test_ofile_new)
{
	char *dir = scratch_dir();
	ofile f;

	umask(022);
	ck_assert_int_eq(ofile_open(&f, at(dir, "out")), 0);
	ck_assert(!ofile_in_place(&f));
	write_all_of(&f, "new\n");
	/* Nothing under the name until the commit; only the file beside it. */
	ck_assert_int_eq(access(at(dir, "out"), F_OK), -1);
	ck_assert_int_eq(entries(dir), 1);
	ck_assert_int_eq(strncmp(f.tmp, at(dir, "out.tmp-"), strlen(at(dir, "out.tmp-"))), 0);
	ck_assert_uint_eq(strlen(f.tmp), strlen(at(dir, "out.tmp-XXXXXX")));
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_str_eq(text_of(at(dir, "out")), "new\n");
	ck_assert_int_eq(mode_of(at(dir, "out")), S_IFREG | 0644);
	ck_assert_int_eq(entries(dir), 1);
	/* Another umask, another mode: the kernel applies it, not a guess. */
	umask(027);
	ck_assert_int_eq(ofile_open(&f, at(dir, "out2")), 0);
	write_all_of(&f, "");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_int_eq(mode_of(at(dir, "out2")), S_IFREG | 0640);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_replace)
{
	char *dir = scratch_dir();
	ofile f;

	umask(022);
	put_file(at(dir, "old"), "old\n", 0640);
	ck_assert_int_eq(ofile_open(&f, at(dir, "old")), 0);
	write_all_of(&f, "replaced\n");
	ck_assert_str_eq(text_of(at(dir, "old")), "old\n");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_str_eq(text_of(at(dir, "old")), "replaced\n");
	/* Its mode kept, not the umask's 0644. */
	ck_assert_int_eq(mode_of(at(dir, "old")), S_IFREG | 0640);
	ck_assert_int_eq(entries(dir), 1);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_owner)
{
	char *dir = scratch_dir();
	/* Root can give the file away; others can only name themselves. */
	uid_t uid = geteuid() ? geteuid() : 1234;
	gid_t gid = geteuid() ? getegid() : 4321;
	struct stat st;
	ofile f;

	put_file(at(dir, "owned"), "old\n", 0600);
	ck_assert_int_eq(chown(at(dir, "owned"), uid, gid), 0);
	ck_assert_int_eq(ofile_open(&f, at(dir, "owned")), 0);
	write_all_of(&f, "new\n");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_int_eq(stat(at(dir, "owned"), &st), 0);
	ck_assert_int_eq(st.st_uid, uid);
	ck_assert_int_eq(st.st_gid, gid);
	ck_assert_int_eq(st.st_mode, S_IFREG | 0600);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_abort)
{
	char *dir = scratch_dir();
	ofile f;

	put_file(at(dir, "keep"), "old\n", 0644);
	ck_assert_int_eq(ofile_open(&f, at(dir, "keep")), 0);
	write_all_of(&f, "half");
	errno = EIO;
	ofile_abort(&f);
	ck_assert_int_eq(errno, EIO);
	ck_assert_str_eq(text_of(at(dir, "keep")), "old\n");
	ck_assert_int_eq(entries(dir), 1);
	/* A new name given up: nothing at all. */
	ck_assert_int_eq(ofile_open(&f, at(dir, "never")), 0);
	close(f.fd);
	ofile_abort(&f);
	ck_assert_int_eq(entries(dir), 1);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_commit_fails)
{
	char *dir = scratch_dir();
	ofile f;

	ck_assert_int_eq(ofile_open(&f, at(dir, "late")), 0);
	write_all_of(&f, "x");
	/* A directory took the name meanwhile: the rename fails, and the file
	 * beside it goes. */
	ck_assert_int_eq(mkdir(at(dir, "late"), 0755), 0);
	ck_assert_int_eq(ofile_commit(&f), -1);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_int_eq(entries(dir), 1);
	ck_assert(S_ISDIR(mode_of(at(dir, "late"))));
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_symlinks)
{
	char *dir = scratch_dir(), link[256];
	ofile f;

	put_file(at(dir, "target"), "old\n", 0640);
	/* Relative, through a second link, and absolute. */
	ck_assert_int_eq(symlink("target", at(dir, "rel")), 0);
	ck_assert_int_eq(symlink("rel", at(dir, "chain")), 0);
	ck_assert_int_eq(symlink(at(dir, "target"), at(dir, "abs")), 0);
	ck_assert_int_eq(ofile_open(&f, at(dir, "chain")), 0);
	ck_assert_str_eq(f.path, at(dir, "target"));
	write_all_of(&f, "through\n");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_str_eq(text_of(at(dir, "target")), "through\n");
	ck_assert_int_eq(mode_of(at(dir, "target")), S_IFREG | 0640);
	ck_assert(S_ISLNK(mode_of(at(dir, "chain"))));
	ck_assert(S_ISLNK(mode_of(at(dir, "rel"))));
	ck_assert_int_eq(readlink(at(dir, "chain"), link, sizeof link), 3);
	ck_assert_int_eq(ofile_open(&f, at(dir, "abs")), 0);
	ck_assert_str_eq(f.path, at(dir, "target"));
	write_all_of(&f, "abs\n");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_str_eq(text_of(at(dir, "abs")), "abs\n");
	ck_assert(S_ISLNK(mode_of(at(dir, "abs"))));
	/* A dangling link names the file to make. */
	ck_assert_int_eq(symlink("made", at(dir, "dangling")), 0);
	ck_assert_int_eq(ofile_open(&f, at(dir, "dangling")), 0);
	write_all_of(&f, "made\n");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_str_eq(text_of(at(dir, "made")), "made\n");
	ck_assert(S_ISLNK(mode_of(at(dir, "dangling"))));
	ck_assert_int_eq(entries(dir), 6);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_refused)
{
	char *dir = scratch_dir(), huge[5000];
	ofile f;

	ck_assert_int_eq(ofile_open(&f, dir), -1);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_int_eq(ofile_open(&f, at(dir, "no/such/file")), -1);
	ck_assert_int_eq(errno, ENOENT);
	/* Through a link into a missing directory: the link is left alone. */
	ck_assert_int_eq(symlink("no/such/file", at(dir, "lost")), 0);
	ck_assert_int_eq(ofile_open(&f, at(dir, "lost")), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert(S_ISLNK(mode_of(at(dir, "lost"))));
	ck_assert_int_eq(symlink("loop2", at(dir, "loop1")), 0);
	ck_assert_int_eq(symlink("loop1", at(dir, "loop2")), 0);
	ck_assert_int_eq(ofile_open(&f, at(dir, "loop1")), -1);
	ck_assert_int_eq(errno, ELOOP);
	memset(huge, 'a', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	ck_assert_int_eq(ofile_open(&f, huge), -1);
	ck_assert_int_eq(errno, ENAMETOOLONG);
	ck_assert_int_eq(entries(dir), 3);
	remove_dir(dir);
}
END_TEST

START_TEST(test_ofile_fifo)
{
	char *dir = scratch_dir(), back[16];
	const char *fifo = at(dir, "fifo");
	int rd;
	ofile f;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	/* A reader first, so the writer's open does not wait. */
	rd = open(fifo, O_RDONLY | O_NONBLOCK);
	ck_assert_int_ge(rd, 0);
	ck_assert_int_eq(ofile_open(&f, fifo), 0);
	ck_assert(ofile_in_place(&f));
	ck_assert_str_eq(f.path, fifo);
	write_all_of(&f, "piped");
	ck_assert_int_eq(ofile_commit(&f), 0);
	ck_assert_int_eq(read(rd, back, sizeof back), 5);
	ck_assert_int_eq(memcmp(back, "piped", 5), 0);
	close(rd);
	ck_assert(S_ISFIFO(mode_of(fifo)));
	ck_assert_int_eq(entries(dir), 1);
	remove_dir(dir);
}
END_TEST

/* ---- heap ------------------------------------------------------------------ */

typedef struct item {
	int key, id;
	heap_node node;
} item;

/* By key, then id: a total order, as the heap's users need. */
static bool item_less(const heap_node *a, const heap_node *b)
{
	const item *x = HEAP_ENTRY(a, item, node), *y = HEAP_ENTRY(b, item, node);

	return x->key != y->key ? x->key < y->key : x->id < y->id;
}

static int pop_id(heap *h)
{
	heap_node *n = heap_pop(h);

	return n ? HEAP_ENTRY(n, item, node)->id : -1;
}

START_TEST(test_heap_order)
{
	static const int keys[] = { 5, 3, 8, 3, 1, 9, 5, 0, 7, 3 };
	enum { N = sizeof keys / sizeof *keys };
	/* Ids in (key, id) order. */
	static const int want[N] = { 7, 4, 1, 3, 9, 0, 6, 8, 2, 5 };
	item it[N];
	heap h;

	heap_init(&h, item_less);
	ck_assert_ptr_null(heap_top(&h));
	ck_assert_ptr_null(heap_pop(&h));
	for (int i = 0; i < N; i++) {
		it[i] = (item){ keys[i], i, { HEAP_NONE } };
		ck_assert_int_eq(heap_push(&h, &it[i].node), 0);
	}
	ck_assert_uint_eq(h.n, N);
	ck_assert_ptr_eq(heap_top(&h), &it[7].node);
	for (int i = 0; i < N; i++)
		ck_assert_int_eq(pop_id(&h), want[i]);
	ck_assert_uint_eq(h.n, 0);
	/* A popped node is marked as in no heap. */
	ck_assert_uint_eq(it[0].node.pos, HEAP_NONE);
	heap_free(&h);
}
END_TEST

START_TEST(test_heap_remove_fix)
{
	item it[6];
	heap h;

	heap_init(&h, item_less);
	for (int i = 0; i < 6; i++) {
		it[i] = (item){ 10 * i, i, { HEAP_NONE } };
		ck_assert_int_eq(heap_push(&h, &it[i].node), 0);
	}
	heap_remove(&h, &it[3].node);
	ck_assert_uint_eq(it[3].node.pos, HEAP_NONE);
	/* Pushed in order, the nodes sit in order: 4 is in the last slot now
	 * that 5 filled 3's.  Removing the last one moves nothing. */
	ck_assert_ptr_eq(h.v[h.n - 1], &it[4].node);
	heap_remove(&h, &it[4].node);
	ck_assert_uint_eq(h.n, 4);
	it[5].key = -1;             /* up */
	heap_fix(&h, &it[5].node);
	it[0].key = 100;            /* down */
	heap_fix(&h, &it[0].node);
	ck_assert_int_eq(pop_id(&h), 5);
	ck_assert_int_eq(pop_id(&h), 1);
	ck_assert_int_eq(pop_id(&h), 2);
	ck_assert_int_eq(pop_id(&h), 0);
	ck_assert_int_eq(pop_id(&h), -1);
	heap_free(&h);
}
END_TEST

START_TEST(test_heap_sorted)
{
	enum { N = 1000 };
	item *it = malloc(N * sizeof *it);
	const heap_node **out = malloc(N * sizeof *out);
	heap h;

	ck_assert_ptr_nonnull(it);
	ck_assert_ptr_nonnull(out);
	heap_init(&h, item_less);
	/* Keys in a scrambled order, each twice. */
	for (int i = 0; i < N; i++) {
		it[i] = (item){ (i * 7919) % (N / 2), i, { HEAP_NONE } };
		ck_assert_int_eq(heap_push(&h, &it[i].node), 0);
	}
	ck_assert_uint_eq(heap_sorted(&h, out, 0), 0);
	ck_assert_uint_eq(heap_sorted(&h, out, 10), 10);
	ck_assert_uint_eq(heap_sorted(&h, out, 2 * N), N);
	for (int i = 1; i < N; i++)
		ck_assert(item_less(out[i - 1], out[i]));
	/* The heap is as it was: popping gives the same order. */
	for (int i = 0; i < N; i++)
		ck_assert_ptr_eq(heap_pop(&h), out[i]);
	heap_free(&h);
	free(out);
	free(it);
}
END_TEST

/* ---- hash ------------------------------------------------------------------ */

enum { HASH_MANY = 10000 };

static char hnames[HASH_MANY][16];

static bool hname_eq(const void *ctx, size_t i, const void *key)
{
	const char (*v)[16] = ctx;

	return !strcmp(v[i], key);
}

static void make_hnames(void)
{
	for (int i = 0; i < HASH_MANY; i++)
		snprintf(hnames[i], sizeof hnames[i], "T%d", i);
}

/* Every item of hnames[0..n) under hash HV (0: its own hash). */
static void add_hnames(hash_table *h, int n, uint64_t hv)
{
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(hash_add(h, hv ? hv : hash_str(hnames[i]), (size_t)i), 0);
}

START_TEST(test_hash_empty)
{
	hash_table h = { 0 };

	ck_assert_uint_eq(hash_find(&h, hash_str("T1"), hname_eq, hnames, "T1"), HASH_NONE);
	ck_assert(!hash_remove(&h, hash_str("T1"), 1));
	ck_assert_uint_eq(hash_memory(&h), 0);
	hash_free(&h);
	ck_assert_uint_eq(h.size, 0);
}
END_TEST

START_TEST(test_hash_str_is_fnv1a)
{
	ck_assert_uint_eq(hash_str(""), 14695981039346656037u);
	ck_assert_uint_eq(hash_str("a"), 0xaf63dc4c8601ec8cu);
	ck_assert_uint_eq(hash_str("foobar"), 0x85944171f73967e8u);
}
END_TEST

START_TEST(test_hash_int_spreads)
{
	/* Consecutive pids land in distinct home slots of a 1024-slot table
	 * far more often than a modulus of the raw values would allow. */
	static bool used[1024];
	int distinct = 0;

	for (uint64_t pid = 1000; pid < 1512; pid++) {
		size_t k = (size_t)hash_int(pid * 1024) & 1023;

		distinct += !used[k];
		used[k] = true;
	}
	ck_assert_int_gt(distinct, 350);
	ck_assert_uint_ne(hash_int(1), hash_int(2));
}
END_TEST

/* Growth: every item is found after the table doubled many times, the
 * size stays a power of two at least twice the count. */
START_TEST(test_hash_growth)
{
	hash_table h = { 0 };

	make_hnames();
	for (int i = 0; i < HASH_MANY; i++) {
		ck_assert_int_eq(hash_add(&h, hash_str(hnames[i]), (size_t)i), 0);
		ck_assert_uint_eq(h.count, (size_t)i + 1);
		ck_assert_uint_ge(h.size, 2 * h.count);
		ck_assert_uint_eq(h.size & (h.size - 1), 0);
	}
	ck_assert_uint_eq(h.size, 32768);
	ck_assert_uint_eq(hash_memory(&h), 32768 * sizeof(hash_slot));
	for (int i = 0; i < HASH_MANY; i++)
		ck_assert_uint_eq(hash_find(&h, hash_str(hnames[i]), hname_eq, hnames, hnames[i]),
		                  (size_t)i);
	hash_free(&h);
}
END_TEST

/* Exact lookups: a prefix, an extension or a case change of a name is
 * another name. */
START_TEST(test_hash_exact)
{
	hash_table h = { 0 };

	make_hnames();
	add_hnames(&h, 100, 0);
	ck_assert_uint_eq(hash_find(&h, hash_str("T1"), hname_eq, hnames, "T1"), 1);
	ck_assert_uint_eq(hash_find(&h, hash_str("T10"), hname_eq, hnames, "T10"), 10);
	ck_assert_uint_eq(hash_find(&h, hash_str("T100"), hname_eq, hnames, "T100"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str("t1"), hname_eq, hnames, "t1"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str("T"), hname_eq, hnames, "T"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str(""), hname_eq, hnames, ""), HASH_NONE);
	hash_free(&h);
}
END_TEST

/* Collisions: 1,000 items of one hash value, told apart by their keys
 * alone; a key of that hash that no item has is not found. */
START_TEST(test_hash_collisions)
{
	hash_table h = { 0 };

	make_hnames();
	add_hnames(&h, 1000, 42);
	for (int i = 0; i < 1000; i++)
		ck_assert_uint_eq(hash_find(&h, 42, hname_eq, hnames, hnames[i]), (size_t)i);
	ck_assert_uint_eq(hash_find(&h, 42, hname_eq, hnames, "T1000"), HASH_NONE);
	/* The right key under the wrong hash is not found either: the hash
	 * is compared before the key. */
	ck_assert_uint_eq(hash_find(&h, 43, hname_eq, hnames, "T5"), HASH_NONE);
	hash_free(&h);
}
END_TEST

/* Removing from a run of colliding entries, including one that wraps
 * from the table's last slot to its first: what follows the hole stays
 * reachable. */
START_TEST(test_hash_remove)
{
	hash_table h = { 0 };

	make_hnames();
	/* 7 items at home slot 14 of a 16-slot table: slots 14, 15, 0..4. */
	add_hnames(&h, 7, 14);
	ck_assert_uint_eq(h.size, 16);
	ck_assert(hash_remove(&h, 14, 1));
	ck_assert(!hash_remove(&h, 14, 1));
	ck_assert_uint_eq(h.count, 6);
	ck_assert_uint_eq(hash_find(&h, 14, hname_eq, hnames, "T1"), HASH_NONE);
	for (int i = 0; i < 7; i++)
		if (i != 1)
			ck_assert_uint_eq(hash_find(&h, 14, hname_eq, hnames, hnames[i]), (size_t)i);
	/* The run is now slots 14..3; an item at its home slot 4 just after
	 * it must not move before its home when the run shrinks. */
	ck_assert_int_eq(hash_add(&h, 4, 7), 0);
	ck_assert_uint_eq(h.slot[4].item, 8);
	ck_assert(hash_remove(&h, 14, 0));
	ck_assert_uint_eq(h.slot[4].item, 8);
	ck_assert_uint_eq(hash_find(&h, 4, hname_eq, hnames, "T7"), 7);
	for (int i = 2; i < 7; i++)
		ck_assert_uint_eq(hash_find(&h, 14, hname_eq, hnames, hnames[i]), (size_t)i);
	/* Remove everything; the table is empty but keeps its memory. */
	for (int i = 2; i < 7; i++)
		ck_assert(hash_remove(&h, 14, (size_t)i));
	ck_assert(hash_remove(&h, 4, 7));
	ck_assert_uint_eq(h.count, 0);
	for (size_t i = 0; i < h.size; i++)
		ck_assert_uint_eq(h.slot[i].item, 0);
	hash_free(&h);
}
END_TEST

/* Removing then adding again, many times over: the count and lookups
 * stay exact (a table that leaked tombstones would fill up). */
START_TEST(test_hash_churn)
{
	hash_table h = { 0 };

	make_hnames();
	add_hnames(&h, 100, 0);
	for (int round = 0; round < 50; round++)
		for (int i = 0; i < 100; i += 3) {
			ck_assert(hash_remove(&h, hash_str(hnames[i]), (size_t)i));
			ck_assert_uint_eq(hash_find(&h, hash_str(hnames[i]), hname_eq, hnames,
			                            hnames[i]), HASH_NONE);
			ck_assert_int_eq(hash_add(&h, hash_str(hnames[i]), (size_t)i), 0);
		}
	ck_assert_uint_eq(h.count, 100);
	ck_assert_uint_eq(h.size, 256);
	for (int i = 0; i < 100; i++)
		ck_assert_uint_eq(hash_find(&h, hash_str(hnames[i]), hname_eq, hnames, hnames[i]),
		                  (size_t)i);
	hash_free(&h);
}
END_TEST

START_TEST(test_hash_item_range)
{
	hash_table h = { 0 };

	ck_assert_int_eq(hash_add(&h, 1, HASH_NONE), -1);
	ck_assert_int_eq(hash_add(&h, 1, HASH_ITEMS), -1);
	ck_assert_uint_eq(h.count, 0);
	ck_assert_int_eq(hash_add(&h, 1, HASH_ITEMS - 1), 0);
	ck_assert(!hash_remove(&h, 1, HASH_ITEMS));
	ck_assert(hash_remove(&h, 1, HASH_ITEMS - 1));
	hash_free(&h);
}
END_TEST

/* ---- grow ---------------------------------------------------------------- */

START_TEST(test_grow_doubles)
{
	int *a = NULL;
	size_t cap = 0;

	/* Room while there is room: nothing moves. */
	ck_assert_int_eq(grow_room(&a, &cap, 0, sizeof *a), 0);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(cap, 16);
	for (int i = 0; i < 16; i++)
		a[i] = i;
	int *before = a;
	ck_assert_int_eq(grow_room(&a, &cap, 15, sizeof *a), 0);
	ck_assert_ptr_eq(a, before);
	ck_assert_uint_eq(cap, 16);
	/* Full: doubled, contents kept. */
	ck_assert_int_eq(grow_room(&a, &cap, 16, sizeof *a), 0);
	ck_assert_uint_eq(cap, 32);
	for (int i = 0; i < 16; i++)
		ck_assert_int_eq(a[i], i);
	/* An index well past the end: doubled until it fits. */
	ck_assert_int_eq(grow_room(&a, &cap, 100, sizeof *a), 0);
	ck_assert_uint_eq(cap, 128);
	a[100] = 7;
	free(a);

	/* 100,000 appends: 14 allocations, not 100,000. */
	size_t moves = 0, n;
	a = NULL;
	cap = 0;
	for (n = 0; n < 100000; n++) {
		size_t was = cap;

		ck_assert_int_eq(grow_room(&a, &cap, n, sizeof *a), 0);
		moves += cap != was;
		a[n] = (int)n;
	}
	ck_assert_uint_eq(moves, 14);
	ck_assert_uint_eq(cap, 131072);
	ck_assert_int_eq(a[99999], 99999);
	free(a);
}
END_TEST

START_TEST(test_grow_refuses_overflow)
{
	char *a = NULL;
	size_t cap = 0;

	/* Past SIZE_MAX bytes: refused, the array as it was. */
	ck_assert_int_eq(grow_room(&a, &cap, 0, SIZE_MAX / 8), -1);
	ck_assert_ptr_null(a);
	ck_assert_uint_eq(cap, 0);
	ck_assert_int_eq(grow_room(&a, &cap, SIZE_MAX - 1, 1), -1);
	ck_assert_uint_eq(cap, 0);
	ck_assert_int_eq(grow_room(&a, &cap, 3, 1), 0);
	ck_assert_uint_eq(cap, 16);
	free(a);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("lib");
	TCase *tc = tcase_create("num");

	tcase_add_test(tc, test_i64_values);
	tcase_add_test(tc, test_i64_range);
	tcase_add_test(tc, test_i64_bad);
	tcase_add_test(tc, test_u64);
	tcase_add_test(tc, test_scan);
	tcase_add_test(tc, test_digits);
	suite_add_tcase(s, tc);

	tc = tcase_create("ofile");
	tcase_add_test(tc, test_ofile_new);
	tcase_add_test(tc, test_ofile_replace);
	tcase_add_test(tc, test_ofile_owner);
	tcase_add_test(tc, test_ofile_abort);
	tcase_add_test(tc, test_ofile_commit_fails);
	tcase_add_test(tc, test_ofile_symlinks);
	tcase_add_test(tc, test_ofile_refused);
	tcase_add_test(tc, test_ofile_fifo);
	suite_add_tcase(s, tc);

	tc = tcase_create("heap");
	tcase_add_test(tc, test_heap_order);
	tcase_add_test(tc, test_heap_remove_fix);
	tcase_add_test(tc, test_heap_sorted);
	suite_add_tcase(s, tc);

	tc = tcase_create("tmpf");
	tcase_add_test(tc, test_tmpf_dir);
	tcase_add_test(tc, test_tmpf_open);
	tcase_add_test(tc, test_tmpf_fails);
	suite_add_tcase(s, tc);

	tc = tcase_create("grow");
	tcase_add_test(tc, test_grow_doubles);
	tcase_add_test(tc, test_grow_refuses_overflow);
	suite_add_tcase(s, tc);

	tc = tcase_create("hash");
	tcase_add_test(tc, test_hash_empty);
	tcase_add_test(tc, test_hash_str_is_fnv1a);
	tcase_add_test(tc, test_hash_int_spreads);
	tcase_add_test(tc, test_hash_growth);
	tcase_add_test(tc, test_hash_exact);
	tcase_add_test(tc, test_hash_collisions);
	tcase_add_test(tc, test_hash_remove);
	tcase_add_test(tc, test_hash_churn);
	tcase_add_test(tc, test_hash_item_range);
	suite_add_tcase(s, tc);
	return s;
}
