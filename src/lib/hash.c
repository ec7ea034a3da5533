/* hash.c: the table of hash.h. */
#include <config.h>

#include <stdlib.h>

#include "lib/hash.h"

#define HASH_MIN_SIZE 16

uint64_t hash_str(const char *s)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* splitmix64's finaliser: consecutive pids spread over the low bits the
 * table indexes by. */
uint64_t hash_int(uint64_t v)
{
	v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9u;
	v = (v ^ (v >> 27)) * 0x94d049bb133111ebu;
	return v ^ (v >> 31);
}

static size_t home(size_t size, uint64_t hv)
{
	return (size_t)hv & (size - 1);
}

static void put(hash_slot *slot, size_t size, uint32_t hv, uint32_t item1)
{
	size_t i = home(size, hv);

	while (slot[i].item)
		i = (i + 1) & (size - 1);
	slot[i].hv = hv;
	slot[i].item = item1;
}

size_t hash_find(const hash_table *h, uint64_t hv, hash_eq *eq, const void *ctx,
                 const void *key)
{
	if (!h->size)
		return HASH_NONE;
	for (size_t i = home(h->size, hv); h->slot[i].item; i = (i + 1) & (h->size - 1))
		if (h->slot[i].hv == (uint32_t)hv && eq(ctx, h->slot[i].item - 1, key))
			return h->slot[i].item - 1;
	return HASH_NONE;
}

int hash_add(hash_table *h, uint64_t hv, size_t item)
{
	if (item >= HASH_ITEMS)
		return -1;
	if (2 * (h->count + 1) > h->size) {
		size_t size = h->size ? 2 * h->size : HASH_MIN_SIZE;
		hash_slot *slot = calloc(size, sizeof *slot);

		if (!slot)
			return -1;
		for (size_t i = 0; i < h->size; i++)
			if (h->slot[i].item)
				put(slot, size, h->slot[i].hv, h->slot[i].item);
		free(h->slot);
		h->slot = slot;
		h->size = size;
	}
	put(h->slot, h->size, (uint32_t)hv, (uint32_t)item + 1);
	h->count++;
	return 0;
}

/* Whether the entry at J, which belongs at K, may move back to the hole
 * at I: it may unless K lies cyclically in (I, J]. */
static bool may_fill(size_t i, size_t j, size_t k)
{
	return i <= j ? k <= i || k > j : k <= i && k > j;
}

bool hash_remove(hash_table *h, uint64_t hv, size_t item)
{
	size_t mask = h->size - 1, i;

	if (!h->size || item >= HASH_ITEMS)
		return false;
	for (i = home(h->size, hv); h->slot[i].item != item + 1; i = (i + 1) & mask)
		if (!h->slot[i].item)
			return false;
	/* Backward shift: the entries after the hole that probed past it
	 * move into it, so no lookup stops early at an empty slot. */
	for (size_t j = (i + 1) & mask; h->slot[j].item; j = (j + 1) & mask)
		if (may_fill(i, j, home(h->size, h->slot[j].hv))) {
			h->slot[i] = h->slot[j];
			i = j;
		}
	h->slot[i].item = 0;
	h->count--;
	return true;
}

size_t hash_memory(const hash_table *h)
{
	return h->size * sizeof *h->slot;
}

void hash_free(hash_table *h)
{
	free(h->slot);
	h->slot = NULL;
	h->size = h->count = 0;
}
