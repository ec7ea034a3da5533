/* num.c: reading decimal integers (num.h). */
#include <config.h>

#include "num.h"

num_err num_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *out)
{
	int64_t v;
	size_t used;
	num_err e = num_scan(s, len, min, max, &v, &used);

	if (used != len)
		return NUM_BAD;
	if (e == NUM_OK)
		*out = v;
	return e;
}

num_err num_u64(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out)
{
	uint64_t v;
	int over;

	if (len == 0 || num_magnitude(s, len, &v, &over) != len)
		return NUM_BAD;
	if (over || v < min || v > max)
		return NUM_RANGE;
	*out = v;
	return NUM_OK;
}

int num_digits(int64_t v)
{
	/* Counted on the magnitude, so INT64_MIN needs no special case. */
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	int n = v < 0 ? 2 : 1;

	while (u >= 10) {
		u /= 10;
		n++;
	}
	return n;
}
