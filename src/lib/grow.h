/* grow.h: room for one more element in an array that doubles as it fills.
 *
 * Every growing array in schedsim (threads, segments, names, wake-ups)
 * grows the same way: doubling keeps n appends linear, where growing by
 * one element copies the array each time under allocators that cannot
 * extend in place (AddressSanitizer's always copies).
 */
#ifndef SCHEDSIM_GROW_H
#define SCHEDSIM_GROW_H

#include <stddef.h>

/* The slow path of grow_room(). */
int grow_to(void *arrayp, size_t *cap, size_t n, size_t size);

/* Make room for element n (0-based) of the array *arrayp (any T **, passed
 * as void *) of *cap elements of size bytes: 0, with *arrayp and *cap
 * updated if it had to move, or -1 when out of memory or past SIZE_MAX
 * bytes (the array is then as it was). */
static inline int grow_room(void *arrayp, size_t *cap, size_t n, size_t size)
{
	return n < *cap ? 0 : grow_to(arrayp, cap, n, size);
}

#endif
