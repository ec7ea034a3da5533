/* classroom.c: the "classroom" demo, traces/classroom.wl: five threads,
 * interactive and CPU-bound, under round robin.  What to look at is the
 * report itself: no result of its own.  `schedsim demo` runs it when no
 * demo is named (demo.c lists it first). */
#include <config.h>

#include "demo_int.h"

const demo demo_classroom = {
	"classroom", "five threads, interactive and CPU-bound, under round robin",
	NULL, demo_src_classroom, NULL, NULL
};
