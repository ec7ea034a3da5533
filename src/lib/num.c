/* num.c: reading decimal integers (num.h). */
#include <config.h>

#include <stdbool.h>

#include "num.h"

static bool is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

/* The digits at s (up to len) as a magnitude: every digit is consumed, and
 * *over says the magnitude passed UINT64_MAX on the way.  Returns how many
 * digits there were. */
static size_t magnitude(const char *s, size_t len, uint64_t *mag, bool *over)
{
	uint64_t v = 0;
	bool o = false;
	size_t i = 0;

	for (; i < len && is_digit(s[i]); i++) {
		unsigned d = (unsigned)(s[i] - '0');

		/* Compared before the multiplication: nothing wraps. */
		if (v > UINT64_MAX / 10 || (v == UINT64_MAX / 10 && d > UINT64_MAX % 10))
			o = true;
		else
			v = v * 10 + d;
	}
	*mag = v;
	*over = o;
	return i;
}

num_err num_scan(const char *s, size_t len, int64_t min, int64_t max,
                 int64_t *out, size_t *used)
{
	bool neg = len > 0 && s[0] == '-', over;
	uint64_t mag;
	size_t n = magnitude(s + neg, len - neg, &mag, &over);
	int64_t v;

	*used = neg + n;
	if (n == 0)
		return NUM_BAD;
	/* -INT64_MIN is one more than INT64_MAX. */
	if (over || mag > (uint64_t)INT64_MAX + neg)
		return NUM_RANGE;
	if (!neg)
		v = (int64_t)mag;
	else if (mag == (uint64_t)INT64_MAX + 1)
		v = INT64_MIN;
	else
		v = -(int64_t)mag;
	if (v < min || v > max)
		return NUM_RANGE;
	*out = v;
	return NUM_OK;
}

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
	bool over;

	if (len == 0 || magnitude(s, len, &v, &over) != len)
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
