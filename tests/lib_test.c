/* lib_test.c: the Check suite of src/lib/, the helpers owned by no module:
 * decimal numbers at their boundaries, scratch files, the binary heap. */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/heap.h"
#include "lib/num.h"
#include "lib/tmpf.h"

/* A fresh directory for one test (Check forks each test: no cleanup races). */
static char *scratch_dir(void)
{
	static char dir[64];

	snprintf(dir, sizeof dir, "/tmp/lib_test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
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
	ck_assert_int_eq(rmdir(dir), 0);
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

static Suite *lib_suite(void)
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
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(lib_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
