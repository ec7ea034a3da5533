/* grow.c: doubling arrays (grow.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* The first allocation: small arrays are the common case. */
enum { GROW_FIRST = 16 };

int grow_to(void *arrayp, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : GROW_FIRST / 2;
	void *a, *b;

	do {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	} while (c <= n);
	if (size && c > SIZE_MAX / size)
		return -1;
	/* Through memcpy: a T ** is not a void ** to dereference. */
	memcpy(&a, arrayp, sizeof a);
	b = realloc(a, c * size);
	if (!b)
		return -1;
	memcpy(arrayp, &b, sizeof b);
	*cap = c;
	return 0;
}
