/* wl_names.c: an open-addressing hash set of thread indices by name. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wl_names.h"

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static void put(size_t *slot, size_t size, const wl_thread *threads, size_t i)
{
	size_t j = hash(threads[i].name) & (size - 1);

	while (slot[j])
		j = (j + 1) & (size - 1);
	slot[j] = i + 1;
}

static int grow(wl_names *set, const wl_thread *threads)
{
	size_t size = set->size ? set->size * 2 : 64;
	size_t *slot = calloc(size, sizeof(*slot));

	if (!slot)
		return -1;
	for (size_t j = 0; j < set->size; j++)
		if (set->slot[j])
			put(slot, size, threads, set->slot[j] - 1);
	free(set->slot);
	set->slot = slot;
	set->size = size;
	return 0;
}

size_t wl_names_add(wl_names *set, const wl_thread *threads, size_t i)
{
	if (2 * (set->count + 1) > set->size && grow(set, threads) < 0)
		return (size_t)-2;

	size_t j = hash(threads[i].name) & (set->size - 1);

	for (; set->slot[j]; j = (j + 1) & (set->size - 1))
		if (!strcmp(threads[set->slot[j] - 1].name, threads[i].name))
			return set->slot[j] - 1;
	set->slot[j] = i + 1;
	set->count++;
	return (size_t)-1;
}

void wl_names_free(wl_names *set)
{
	free(set->slot);
	set->slot = NULL;
	set->size = set->count = 0;
}
