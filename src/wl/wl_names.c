/* wl_names.c: thread and object names in the hash table of lib/hash.h. */
#include <config.h>

#include <string.h>

#include "wl_names.h"

static bool thread_is(const void *ctx, size_t i, const void *name)
{
	const workload *wl = ctx;

	return !strcmp(wl->threads[i].name, name);
}

static bool obj_is(const void *ctx, size_t i, const void *name)
{
	const workload *wl = ctx;

	return !strcmp(wl->objs[i].name, name);
}

size_t wl_names_thread(const hash_table *h, const workload *wl, const char *name)
{
	return hash_find(h, hash_str(name), thread_is, wl, name);
}

size_t wl_names_obj(const hash_table *h, const workload *wl, const char *name)
{
	return hash_find(h, hash_str(name), obj_is, wl, name);
}

int wl_names_add_thread(hash_table *h, const workload *wl, size_t i)
{
	return hash_add(h, hash_str(wl->threads[i].name), i);
}

int wl_names_add_obj(hash_table *h, const workload *wl, size_t i)
{
	return hash_add(h, hash_str(wl->objs[i].name), i);
}
