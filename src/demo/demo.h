/* demo.h: the built-in demonstrations `schedsim demo` runs. */
#ifndef SCHEDSIM_DEMO_H
#define SCHEDSIM_DEMO_H

#include "sim/sim.h"

typedef struct demo {
	const char *name;
	const char *explain;        /* one line, for --list and the live view */
	const char *const *words;   /* options before the workload's own "#:" */
	const char *source;         /* workload text, or NULL for C-code demos */
	/* C-code demos spawn their threads here (sim_spawn, with bodies that
	 * call sim_cpu and friends).  0, or -1 with sim_error() set. */
	int (*setup)(sim *s);
	/* What a class checks after the run, in words, or NULL. */
	void (*result)(sim *s, char *buf, size_t len);
} demo;

/* The first demo is the one `schedsim demo` runs without a name. */
const demo *demo_at(size_t i);
const demo *demo_find(const char *name);

/* The workloads in traces/, embedded at build time (demo_wl.c).  Declared
 * here, not in demo_int.h: demo_wl.c is generated in the build tree, where
 * a bare "demo_int.h" is not found. */
extern const char demo_src_classroom[], demo_src_convoy[], demo_src_io_vs_cpu[],
	demo_src_starvation[];

#endif
