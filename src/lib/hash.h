/* hash.h: a table of items by key, so that every name a parser looks up
 * (a workload's threads and objects, the engine's objects, a trace's
 * threads, a Linux trace's pids) is found in constant time, and reading
 * 100,000 of them stays linear.
 *
 * The table holds item numbers into an array its caller owns, each with
 * its key's hash; the caller compares keys (hash_eq), so one table serves
 * strings and integers alike.  It does not own the items and never sees
 * the keys but through hash_eq.  Open addressing with linear probing, at
 * most half full.
 */
#ifndef SCHEDSIM_LIB_HASH_H
#define SCHEDSIM_LIB_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HASH_NONE ((size_t)-1)   /* "no such item" */
#define HASH_ITEMS ((size_t)UINT32_MAX - 1) /* items are numbered below it */

/* Eight bytes, so that a table of 100,000 names stays small enough for
 * the caches: the low half of the key's hash, and a 32-bit item. */
typedef struct hash_slot {
	uint32_t hv;     /* the key's hash, its low 32 bits */
	uint32_t item;   /* the item's number + 1; 0 is an empty slot */
} hash_slot;

/* Zeroed, it is an empty table. */
typedef struct hash_table {
	hash_slot *slot;
	size_t size;     /* 0, or a power of two at least twice count */
	size_t count;
} hash_table;

/* Whether ITEM (of the caller's array, reached through CTX) has KEY. */
typedef bool hash_eq(const void *ctx, size_t item, const void *key);

/* Hashes of the two kinds of key in use. */
uint64_t hash_str(const char *s);
uint64_t hash_int(uint64_t v);

/* The item whose key is KEY (of hash HV), or HASH_NONE. */
size_t hash_find(const hash_table *h, uint64_t hv, hash_eq *eq, const void *ctx,
                 const void *key);

/* Adds ITEM (below HASH_ITEMS) with its key's hash HV; the caller has
 * made sure no item has its key (hash_find).  0, or -1 out of memory or
 * for an item out of range (the table is unchanged). */
int hash_add(hash_table *h, uint64_t hv, size_t item);

/* Removes ITEM, added with HV; whether it was there. */
bool hash_remove(hash_table *h, uint64_t hv, size_t item);

/* Bytes the table holds. */
size_t hash_memory(const hash_table *h);

/* Empties the table and frees its memory. */
void hash_free(hash_table *h);

#endif
