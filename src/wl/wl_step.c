/* wl_step.c: burst fields.  A burst is a comma-separated list of steps;
 * each step kind is a row of the table below, so a new kind (lock, wait,
 * sleep, ...) is one row and, at most, one argument parser. */
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

static const struct step_type {
	const char *name;	/* written "NAME:ARG"; a bare number is "cpu" */
	wl_step_kind kind;
	arg_parser parse;
	const char *arg;	/* what ARG is, and an example of it */
	const char *example;
} step_types[] = {
	{ "cpu", WL_STEP_CPU, parse_ticks, "ticks", "3" },
	{ "io", WL_STEP_IO, parse_ticks, "ticks", "3" },
	{ "lock", WL_STEP_LOCK, parse_name, "a mutex", "A" },
	{ "unlock", WL_STEP_UNLOCK, parse_name, "a mutex", "A" },
	{ "wait", WL_STEP_WAIT, parse_name, "a semaphore", "S" },
	{ "post", WL_STEP_POST, parse_name, "a semaphore", "S" },
	{ "sleep", WL_STEP_SLEEP, parse_ticks, "ticks", "3" },
	{ "join", WL_STEP_JOIN, parse_name, "a thread", "P1" },
};

#define NTYPES (sizeof(step_types) / sizeof(step_types[0]))

const char *wl_step_name(wl_step_kind k)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (step_types[i].kind == k)
			return step_types[i].name;
	return "?";
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
		t = &step_types[0];
	} else {
		t = lookup(f->s, f->len);
		if (!t)
			return unknown(c, line, f);
		return wl_error(c, line, f->col + (int)f->len,
		                "missing %s after '%s', as in '%s:%s'",
		                t->arg, t->name, t->name, t->example);
	}
	st->kind = t->kind;
	st->line = line;
	st->col = f->col;
	return t->parse(c, line, &arg, t->name, st);
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
