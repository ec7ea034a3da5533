/* wl_names.h: a set of thread names, so duplicates are found in linear
 * time even in a 100,000-thread workload. */
#ifndef SCHEDSIM_WL_NAMES_H
#define SCHEDSIM_WL_NAMES_H

#include <stddef.h>

#include "workload.h"

typedef struct wl_names {
	size_t *slot;	/* thread index + 1; 0 is empty */
	size_t size;	/* a power of two, at least twice the count */
	size_t count;
} wl_names;

/* Adds THREADS[I]; returns the index of an earlier thread of the same
 * name, (size_t)-1 if there is none, or (size_t)-2 out of memory. */
size_t wl_names_add(wl_names *set, const wl_thread *threads, size_t i);

void wl_names_free(wl_names *set);

#endif
