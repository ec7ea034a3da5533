/* wl_names.h: a workload's threads and objects found by name in constant
 * time (src/lib/hash.h), so a 100,000-thread workload with its joins and
 * mutexes is read in linear time. */
#ifndef SCHEDSIM_WL_NAMES_H
#define SCHEDSIM_WL_NAMES_H

#include <stddef.h>

#include "lib/hash.h"
#include "workload.h"

/* The index of WL's thread (or object) named NAME that H holds, or
 * HASH_NONE. */
size_t wl_names_thread(const hash_table *h, const workload *wl, const char *name);
size_t wl_names_obj(const hash_table *h, const workload *wl, const char *name);

/* Adds WL's thread (or object) I to H, after a search for its name found
 * none.  0, or -1 out of memory. */
int wl_names_add_thread(hash_table *h, const workload *wl, size_t i);
int wl_names_add_obj(hash_table *h, const workload *wl, size_t i);

#endif
