/* wl_step.h: the table of step kinds a burst is written in. */
#ifndef SCHEDSIM_WL_STEP_H
#define SCHEDSIM_WL_STEP_H

#include "lib/hash.h"
#include "wl_lex.h"

/* Parses the comma-separated burst field F of LINE into T's steps. */
int wl_steps_parse(const wl_ctx *c, int line, const wl_field *f, wl_thread *t);

/* After the last line: the objects and threads the steps name, each
 * thread's use of its mutexes, and the semaphores "#: --sem" declares
 * (wl_sync.c).  THREADS holds every thread by name (wl_names.h). */
int wl_sync_resolve(const wl_ctx *c, workload *wl, const hash_table *threads);

#endif
