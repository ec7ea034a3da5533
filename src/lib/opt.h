/* opt.h: options described by tables.
 *
 * A policy declares its options in a table of opt_def in its own file, and
 * the engine declares its own the same way; the command line, `schedsim
 * policies`, --help, the trace header, the reports and the live view all
 * read those tables.  A value (opt_val) means nothing without its def: a
 * flag, a whole number, a list of whole numbers or one word of a list.
 * An opt_vals record holds one table's values, by position in the table.
 *
 * An option's name means one thing wherever it appears: every table that
 * declares "quantum" gives it the same kind, range and words (default and
 * help may differ), so a value can be read before the policy is known.
 */
#ifndef SCHEDSIM_OPT_H
#define SCHEDSIM_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum opt_kind {
	OPT_FLAG,   /* --NAME, undone by --no-NAME: 0 or 1 */
	OPT_INT,    /* --NAME N: a whole number from min to max */
	OPT_UINT,   /* --NAME N: from 0 to UINT64_MAX (held as its bits in an int64_t) */
	OPT_INTS,   /* --NAME N,N,...: 1 to OPT_INTS_MAX numbers, each from min to max */
	OPT_WORD,   /* --NAME WORD: one of words[], held as its index */
	OPT_NAMED,  /* --NAME S=N, repeatable: read by its owner, not by this code */
} opt_kind;

#define OPT_INTS_MAX 16  /* numbers in one list */
#define OPT_MAX 8        /* options in one table */

typedef struct opt_def {
	const char *name;          /* "quantum": --quantum, its trace line, its JSON key */
	opt_kind kind;
	/* The default: 0 or 1, a number, or an index into words.  A number
	 * outside [min, max] means "off" (prio's quantum: 0) and cannot be
	 * given, only recorded. */
	int64_t def;
	int64_t min, max;
	const char *const *words;  /* OPT_WORD: NULL-terminated */
	const char *arg;           /* its argument in --help ("N"); NULL for a flag */
	const char *help;          /* one line */
	const char *shown;         /* its name among the options in effect
	                              ("switch cost"); NULL: name */
	/* Traces and JSON name it only when it is not at its default: it
	 * came later, and what was written before stays as it was. */
	bool sparse;
} opt_def;

typedef struct opt_val {
	int64_t i;                 /* flag, number, word index; a list's count */
	int64_t v[OPT_INTS_MAX];   /* a list's numbers */
} opt_val;

/* One table's values.  defs NULL: every option of the table at its
 * default (a zeroed record is that). */
typedef struct opt_vals {
	const opt_def *defs;
	size_t n;
	opt_val v[OPT_MAX];
} opt_vals;

/* The def called name in defs[0..n), or NULL. */
const opt_def *opt_find(const opt_def *defs, size_t n, const char *name);

/* Every option of defs at its default. */
void opt_defaults(opt_vals *r, const opt_def *defs, size_t n);

/* Option i of a record for defs (which may be NULL: the default). */
const opt_val *opt_get(const opt_vals *r, const opt_def *defs, size_t i, opt_val *tmp);

/* text as a value of d (a flag: "true" or "false").  recorded: also the
 * default, though outside the range.  0, or -1 with "expected ..." (what
 * d takes) in err. */
int opt_parse(const opt_def *d, const char *text, bool recorded, opt_val *out,
              char *err, size_t errlen);

/* What d takes, for messages: "a whole number from 1 to 1000000000000",
 * "low-first or high-first". */
void opt_expected(const opt_def *d, char *buf, size_t len);

/* The value as opt_parse() reads it: "4", "true", "high-first", "2,4". */
void opt_text(const opt_def *d, const opt_val *v, char *buf, size_t len);

/* Whether it is on: a flag set, a number not 0, a word not the first, a
 * list.  An option that is off is not among the options in effect. */
bool opt_on(const opt_def *d, const opt_val *v);

/* snprintf(buf + *at, len - *at, ...), *at moved past what it wanted to
 * write: a run of these truncates safely and tells the length needed. */
void opt_append(char *buf, size_t len, size_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "quantum 4", "preemptive", "high-first", "levels 2,4": how the options
 * in effect name it.  Appended to buf at *at (snprintf-style). */
void opt_shown(const opt_def *d, const opt_val *v, char *buf, size_t len, size_t *at);

/* "--quantum N", "--preemptive", "--priority-order low-first|high-first"
 * (words listed when list_words); "--no-preemptive" for a flag that is
 * on by default when by_default. */
void opt_synopsis(const opt_def *d, bool list_words, char *buf, size_t len);

#endif
