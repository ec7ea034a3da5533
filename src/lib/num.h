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

/* The number that starts s[0, len): a '-' if one is there, then every digit
 * that follows; *used is how many bytes that is (0 when s starts with
 * neither).  NUM_BAD when there is no digit.  *out is set on NUM_OK only. */
num_err num_scan(const char *s, size_t len, int64_t min, int64_t max,
                 int64_t *out, size_t *used);

/* All of s[0, len) as one number: NUM_BAD when anything else is there,
 * whatever the value (so "99999999999999999999x" is BAD, not RANGE). */
num_err num_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *out);

/* The same without a sign: "-0" is NUM_BAD.  Up to UINT64_MAX. */
num_err num_u64(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out);

/* How many characters "%lld" prints for v, the '-' included. */
int num_digits(int64_t v);

#endif
