/* demo.c: the table of built-in demos.  A demo is a workload carried in the
 * program, or C code that spawns simulated threads; both run like
 * `schedsim run` with the demo's options first. */
#include <config.h>

#include <string.h>

#include "demo.h"

static const char *const aging_words[] = { "--aging", "5", NULL };

static const demo demos[] = {
	{ "classroom", "five threads, interactive and CPU-bound, under round robin",
	  NULL, demo_src_classroom, NULL, NULL },
	{ "convoy", "one long job ahead of four short ones under FIFO: the convoy effect",
	  NULL, demo_src_convoy, NULL, NULL },
	{ "io-vs-cpu", "I/O-bound threads get the CPU back quickly under round robin",
	  NULL, demo_src_io_vs_cpu, NULL, NULL },
	{ "starvation", "a low-priority thread waits while high-priority ones keep coming",
	  NULL, demo_src_starvation, NULL, NULL },
	{ "aging", "the starvation workload cured by aging (--aging 5)",
	  aging_words, demo_src_starvation, NULL, NULL },
};

const demo *demo_at(size_t i)
{
	return i < sizeof demos / sizeof *demos ? &demos[i] : NULL;
}

const demo *demo_find(const char *name)
{
	for (const demo *d = demos; d < demos + sizeof demos / sizeof *demos; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}
