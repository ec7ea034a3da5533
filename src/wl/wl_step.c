/* wl_step.c: burst fields.  A burst is a comma-separated list of steps;
 * each step kind is a row of the table below, with every property of the
 * kind that the parser, the checks of wl_sync.c and the engine ask about,
 * so a new kind (lock, wait, sleep, ...) is one row and, at most, one
 * argument parser. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wl_step.h"

typedef int (*arg_parser)(const wl_ctx *c, int line, const wl_field *arg,
                          const char *kind, wl_step *st);

static int parse_ticks(const wl_ctx *c, int line, const wl_field *arg,
                       const char *kind, wl_step *st);
static int parse_name(const wl_ctx *c, int line, const wl_field *arg,
                      const char *kind, wl_step *st);

/* Each kind of argument: how it is parsed, what it is called in messages
 * and an example of it. */
static const struct step_arg {
	arg_parser parse;
	const char *what;
	const char *example;
} step_args[] = {
	[WL_ARG_TICKS] = { parse_ticks, "ticks", "3" },
	[WL_ARG_MUTEX] = { parse_name, "a mutex", "A" },
	[WL_ARG_SEM] = { parse_name, "a semaphore", "S" },
	[WL_ARG_THREAD] = { parse_name, "a thread", "P1" },
};

/* Each kind of step, in the order messages list them. */
static const struct step_type {
	const char *name;	/* written "NAME:ARG" */
	wl_step_arg takes;
	bool instant;		/* takes no virtual time */
	bool bare;		/* also written as its bare argument: "3" is "cpu:3" */
} step_types[] = {
	[WL_STEP_CPU] = { "cpu", WL_ARG_TICKS, false, true },
	[WL_STEP_IO] = { "io", WL_ARG_TICKS, false, false },
	[WL_STEP_LOCK] = { "lock", WL_ARG_MUTEX, true, false },
	[WL_STEP_UNLOCK] = { "unlock", WL_ARG_MUTEX, true, false },
	[WL_STEP_WAIT] = { "wait", WL_ARG_SEM, true, false },
	[WL_STEP_POST] = { "post", WL_ARG_SEM, true, false },
	[WL_STEP_SLEEP] = { "sleep", WL_ARG_TICKS, false, false },
	[WL_STEP_JOIN] = { "join", WL_ARG_THREAD, false, false },
};

#define NTYPES (sizeof(step_types) / sizeof(step_types[0]))
_Static_assert(NTYPES == WL_STEP_KINDS, "a step kind without its row");

static const struct step_type *type_of(wl_step_kind k)
{
	return (size_t)k < NTYPES ? &step_types[k] : NULL;
}

const char *wl_step_name(wl_step_kind k)
{
	return type_of(k) ? type_of(k)->name : "?";
}

wl_step_arg wl_step_takes(wl_step_kind k)
{
	return type_of(k) ? type_of(k)->takes : WL_ARG_TICKS;
}

bool wl_step_instant(wl_step_kind k)
{
	return type_of(k) && type_of(k)->instant;
}

int wl_step_arg_col(const wl_step *st)
{
	return st->col + (int)strlen(wl_step_name(st->kind)) + 1;
}

static int parse_ticks(const wl_ctx *c, int line, const wl_field *arg,
                       const char *kind, wl_step *st)
{
	char what[32], q[WL_QUOTE_SIZE];

	if (arg->len == 0)
		return wl_error(c, line, arg->col, "missing ticks after '%s:'", kind);
	st->name = NULL;
	snprintf(what, sizeof(what), "%s step", kind);
	if (wl_ticks(c, line, arg, what, &st->n) < 0)
		return -1;
	if (st->n == 0)
		return wl_error(c, line, arg->col,
		                "%s %s is zero: a step lasts at least 1 tick",
		                what, wl_quote(q, arg->s, arg->len));
	return 0;
}

/* Which object or thread is meant is settled once the whole file is read
 * (wl_sync.c); here only the name's shape. */
static int parse_name(const wl_ctx *c, int line, const wl_field *arg,
                      const char *kind, wl_step *st)
{
	char q[WL_QUOTE_SIZE];

	if (arg->len == 0)
		return wl_error(c, line, arg->col, "missing name after '%s:'", kind);
	if (arg->len > WL_NAME_MAX)
		return wl_error(c, line, arg->col, "name %s is longer than %d bytes",
		                wl_quote(q, arg->s, arg->len), WL_NAME_MAX);
	if (memchr(arg->s, ':', arg->len) || memchr(arg->s, '=', arg->len))
		return wl_error(c, line, arg->col, "bad name %s: no ':' or '=' in a name",
		                wl_quote(q, arg->s, arg->len));
	st->name = strndup(arg->s, arg->len);
	if (!st->name)
		return wl_nomem(c);
	return 0;
}

static const struct step_type *lookup(const char *s, size_t len)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (strlen(step_types[i].name) == len &&
		    !strncasecmp(step_types[i].name, s, len))
			return &step_types[i];
	return NULL;
}

/* The kind a bare number is. */
static const struct step_type *bare_type(void)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (step_types[i].bare)
			return &step_types[i];
	return NULL;
}

static int unknown(const wl_ctx *c, int line, const wl_field *f)
{
	char q[WL_QUOTE_SIZE], known[128] = "";

	for (size_t i = 0; i < NTYPES; i++) {
		if (i)
			strcat(known, ", ");
		strcat(known, step_types[i].name);
	}
	return wl_error(c, line, f->col, "unknown step kind %s (known kinds: %s)",
	                wl_quote(q, f->s, f->len), known);
}

static int parse_step(const wl_ctx *c, int line, const wl_field *f, wl_step *st)
{
	const char *colon = memchr(f->s, ':', f->len);
	const struct step_type *t;
	wl_field kind = *f, arg = *f;

	if (colon) {
		kind.len = (size_t)(colon - f->s);
		arg.s = colon + 1;
		arg.len = f->len - kind.len - 1;
		arg.col = f->col + (int)kind.len + 1;
		t = lookup(kind.s, kind.len);
		if (!t)
			return unknown(c, line, &kind);
	} else if ((f->s[0] >= '0' && f->s[0] <= '9') || f->s[0] == '-' ||
	           f->s[0] == '+') {
		t = bare_type();
	} else {
		t = lookup(f->s, f->len);
		if (!t)
			return unknown(c, line, f);
		return wl_error(c, line, f->col + (int)f->len,
		                "missing %s after '%s', as in '%s:%s'",
		                step_args[t->takes].what, t->name, t->name,
		                step_args[t->takes].example);
	}
	st->kind = (wl_step_kind)(t - step_types);	/* rows are indexed by kind */
	st->line = line;
	st->col = f->col;
	return step_args[t->takes].parse(c, line, &arg, t->name, st);
}

int wl_steps_parse(const wl_ctx *c, int line, const wl_field *f, wl_thread *t)
{
	char q[WL_QUOTE_SIZE];
	size_t n = 1;

	for (size_t i = 0; i < f->len; i++)
		n += f->s[i] == ',';
	t->steps = calloc(n, sizeof(*t->steps));
	if (!t->steps)
		return wl_nomem(c);

	size_t start = 0;
	for (size_t k = 0; k < n; k++) {
		const char *comma = memchr(f->s + start, ',', f->len - start);
		size_t end = comma ? (size_t)(comma - f->s) : f->len;
		wl_field step = { f->s + start, end - start, f->col + (int)start };

		if (step.len == 0)
			return wl_error(c, line, step.col, "empty step in burst %s",
			                wl_quote(q, f->s, f->len));
		if (parse_step(c, line, &step, &t->steps[k]) < 0)
			return -1;
		t->nsteps++;
		start = end + 1;
	}
	return 0;
}
