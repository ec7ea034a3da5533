/* hash_test.c: the Check suite of the hash table (src/lib/hash.h). */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "lib/hash.h"

enum { MANY = 10000 };

static char names[MANY][16];

static bool name_eq(const void *ctx, size_t item, const void *key)
{
	const char (*v)[16] = ctx;

	return !strcmp(v[item], key);
}

static void make_names(void)
{
	for (int i = 0; i < MANY; i++)
		snprintf(names[i], sizeof names[i], "T%d", i);
}

/* Every item of names[0..n) under hash HV (0: its own hash). */
static void add_all(hash_table *h, int n, uint64_t hv)
{
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(hash_add(h, hv ? hv : hash_str(names[i]), (size_t)i), 0);
}

START_TEST(test_empty)
{
	hash_table h = { 0 };

	ck_assert_uint_eq(hash_find(&h, hash_str("T1"), name_eq, names, "T1"), HASH_NONE);
	ck_assert(!hash_remove(&h, hash_str("T1"), 1));
	ck_assert_uint_eq(hash_memory(&h), 0);
	hash_free(&h);
	ck_assert_uint_eq(h.size, 0);
}
END_TEST

START_TEST(test_str_hash_is_fnv1a)
{
	ck_assert_uint_eq(hash_str(""), 14695981039346656037u);
	ck_assert_uint_eq(hash_str("a"), 0xaf63dc4c8601ec8cu);
	ck_assert_uint_eq(hash_str("foobar"), 0x85944171f73967e8u);
}
END_TEST

START_TEST(test_int_hash_spreads)
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
START_TEST(test_growth)
{
	hash_table h = { 0 };

	make_names();
	for (int i = 0; i < MANY; i++) {
		ck_assert_int_eq(hash_add(&h, hash_str(names[i]), (size_t)i), 0);
		ck_assert_uint_eq(h.count, (size_t)i + 1);
		ck_assert_uint_ge(h.size, 2 * h.count);
		ck_assert_uint_eq(h.size & (h.size - 1), 0);
	}
	ck_assert_uint_eq(h.size, 32768);
	ck_assert_uint_eq(hash_memory(&h), 32768 * sizeof(hash_slot));
	for (int i = 0; i < MANY; i++)
		ck_assert_uint_eq(hash_find(&h, hash_str(names[i]), name_eq, names, names[i]),
		                  (size_t)i);
	hash_free(&h);
}
END_TEST

/* Exact lookups: a prefix, an extension or a case change of a name is
 * another name. */
START_TEST(test_exact)
{
	hash_table h = { 0 };

	make_names();
	add_all(&h, 100, 0);
	ck_assert_uint_eq(hash_find(&h, hash_str("T1"), name_eq, names, "T1"), 1);
	ck_assert_uint_eq(hash_find(&h, hash_str("T10"), name_eq, names, "T10"), 10);
	ck_assert_uint_eq(hash_find(&h, hash_str("T100"), name_eq, names, "T100"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str("t1"), name_eq, names, "t1"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str("T"), name_eq, names, "T"), HASH_NONE);
	ck_assert_uint_eq(hash_find(&h, hash_str(""), name_eq, names, ""), HASH_NONE);
	hash_free(&h);
}
END_TEST

/* Collisions: 1,000 items of one hash value, told apart by their keys
 * alone; a key of that hash that no item has is not found. */
START_TEST(test_collisions)
{
	hash_table h = { 0 };

	make_names();
	add_all(&h, 1000, 42);
	for (int i = 0; i < 1000; i++)
		ck_assert_uint_eq(hash_find(&h, 42, name_eq, names, names[i]), (size_t)i);
	ck_assert_uint_eq(hash_find(&h, 42, name_eq, names, "T1000"), HASH_NONE);
	/* The right key under the wrong hash is not found either: the hash
	 * is compared before the key. */
	ck_assert_uint_eq(hash_find(&h, 43, name_eq, names, "T5"), HASH_NONE);
	hash_free(&h);
}
END_TEST

/* Removing from a run of colliding entries, including one that wraps
 * from the table's last slot to its first: what follows the hole stays
 * reachable. */
START_TEST(test_remove)
{
	hash_table h = { 0 };

	make_names();
	/* 7 items at home slot 14 of a 16-slot table: slots 14, 15, 0..4. */
	add_all(&h, 7, 14);
	ck_assert_uint_eq(h.size, 16);
	ck_assert(hash_remove(&h, 14, 1));
	ck_assert(!hash_remove(&h, 14, 1));
	ck_assert_uint_eq(h.count, 6);
	ck_assert_uint_eq(hash_find(&h, 14, name_eq, names, "T1"), HASH_NONE);
	for (int i = 0; i < 7; i++)
		if (i != 1)
			ck_assert_uint_eq(hash_find(&h, 14, name_eq, names, names[i]), (size_t)i);
	/* The run is now slots 14..3; an item at its home slot 4 just after
	 * it must not move before its home when the run shrinks. */
	ck_assert_int_eq(hash_add(&h, 4, 7), 0);
	ck_assert_uint_eq(h.slot[4].item, 8);
	ck_assert(hash_remove(&h, 14, 0));
	ck_assert_uint_eq(h.slot[4].item, 8);
	ck_assert_uint_eq(hash_find(&h, 4, name_eq, names, "T7"), 7);
	for (int i = 2; i < 7; i++)
		ck_assert_uint_eq(hash_find(&h, 14, name_eq, names, names[i]), (size_t)i);
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
START_TEST(test_churn)
{
	hash_table h = { 0 };

	make_names();
	add_all(&h, 100, 0);
	for (int round = 0; round < 50; round++)
		for (int i = 0; i < 100; i += 3) {
			ck_assert(hash_remove(&h, hash_str(names[i]), (size_t)i));
			ck_assert_uint_eq(hash_find(&h, hash_str(names[i]), name_eq, names,
			                            names[i]), HASH_NONE);
			ck_assert_int_eq(hash_add(&h, hash_str(names[i]), (size_t)i), 0);
		}
	ck_assert_uint_eq(h.count, 100);
	ck_assert_uint_eq(h.size, 256);
	for (int i = 0; i < 100; i++)
		ck_assert_uint_eq(hash_find(&h, hash_str(names[i]), name_eq, names, names[i]),
		                  (size_t)i);
	hash_free(&h);
}
END_TEST

START_TEST(test_item_range)
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

Suite *check_suite(void)
{
	Suite *s = suite_create("hash");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_str_hash_is_fnv1a);
	tcase_add_test(tc, test_int_hash_spreads);
	tcase_add_test(tc, test_growth);
	tcase_add_test(tc, test_exact);
	tcase_add_test(tc, test_collisions);
	tcase_add_test(tc, test_remove);
	tcase_add_test(tc, test_churn);
	tcase_add_test(tc, test_item_range);
	suite_add_tcase(s, tc);
	return s;
}
