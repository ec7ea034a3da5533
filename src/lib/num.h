/* num.h: decimal integers in text, read with overflow checks, and the width
 * they print in.  The one reader behind workloads, options, traces and the
 * Linux import: each caller words its own messages from what it returns.
 *
 * The form is the plainest: an optional '-' (never '+'), then one or more
 * ASCII digits; leading zeros are allowed, blanks are not.  Any number of
 * digits is read without overflow: a value past the range is NUM_RANGE,
 * never a wrapped number.
 */
#ifndef SCHEDSIM_NUM_H
#define SCHEDSIM_NUM_H

#include <stddef.h>
#include <stdint.h>

typedef enum num_err {
	NUM_OK,         /* *out holds the value */
	NUM_BAD,        /* not a decimal number (empty, no digit, other bytes) */
	NUM_RANGE       /* a decimal number outside [min, max] */
} num_err;

/* The digits that start s[0, len), however many, as a magnitude: *over
 * says it passed UINT64_MAX (then *mag is meaningless).  Returns how many
 * digits there are. */
static inline size_t num_magnitude(const char *s, size_t len, uint64_t *mag, int *over)
{
	/* 19 digits always fit in 64 bits: only those after them are checked. */
	size_t i = 0, easy = len < 19 ? len : 19;
	uint64_t v = 0;

	*over = 0;
	for (; i < easy && (unsigned char)(s[i] - '0') < 10; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	for (; i < len && (unsigned char)(s[i] - '0') < 10; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		/* Compared before the multiplication: nothing wraps. */
		if (v > UINT64_MAX / 10 || (v == UINT64_MAX / 10 && d > UINT64_MAX % 10))
			*over = 1;
		else
			v = v * 10 + d;
	}
	*mag = v;
	return i;
}

/* The number that starts s[0, len): a '-' if one is there, then every digit
 * that follows; *used is how many bytes that is (0 when s starts with
 * neither).  NUM_BAD when there is no digit.  *out is set on NUM_OK only.
 * Inline, as num_magnitude: the Linux trace import reads a number on every
 * line, and a call cost it 5% of its instructions (bench/ltrace_bench). */
static inline num_err num_scan(const char *s, size_t len, int64_t min, int64_t max,
                               int64_t *out, size_t *used)
{
	size_t neg = len > 0 && s[0] == '-';
	uint64_t mag;
	int over;
	size_t n = num_magnitude(s + neg, len - neg, &mag, &over);
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

/* All of s[0, len) as one number: NUM_BAD when anything else is there,
 * whatever the value (so "99999999999999999999x" is BAD, not RANGE). */
num_err num_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *out);

/* The same without a sign: "-0" is NUM_BAD.  Up to UINT64_MAX. */
num_err num_u64(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out);

/* How many characters "%lld" prints for v, the '-' included. */
int num_digits(int64_t v);

#endif
