/* registry.c: policies by name, for sim_new() and `schedsim policies`. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "policy.h"

/* The built-in policies, in listing order: a new one is one line here
 * (and its file in sched/local.mk).  pol_register() adds more. */
#define POL_BUILTIN(X) X(fifo) X(rr) X(prio) X(sjf) X(srtf)

#define POL_DECLARE(name) extern const pol_class pol_##name;
#define POL_ENTRY(name) &pol_##name,
POL_BUILTIN(POL_DECLARE)

#define NCLASSES_MAX 32
static const pol_class *classes[NCLASSES_MAX] = { POL_BUILTIN(POL_ENTRY) };
static size_t nclasses = sizeof (const pol_class *[]){ POL_BUILTIN(POL_ENTRY) } /
                         sizeof (const pol_class *);

const pol_class *pol_at(size_t i)
{
	return i < nclasses ? classes[i] : NULL;
}

int pol_register(const pol_class *c)
{
	if (nclasses == NCLASSES_MAX || pol_find(c->name) || c->nopts > OPT_MAX)
		return -1;
	classes[nclasses++] = c;
	return 0;
}

const pol_class *pol_find(const char *name)
{
	for (size_t i = 0; i < nclasses; i++) {
		const pol_class *c = classes[i];

		if (!strcmp(c->name, name))
			return c;
		for (const char *const *a = c->aliases; a && *a; a++)
			if (!strcmp(*a, name))
				return c;
	}
	return NULL;
}

void pol_known(char *buf, size_t len)
{
	size_t at = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < nclasses; i++)
		opt_append(buf, len, &at, "%s%s", i ? ", " : "", classes[i]->name);
}

void pol_unknown(const char *name, char *err, size_t errlen)
{
	char known[128];

	pol_known(known, sizeof known);
	snprintf(err, errlen, "unknown policy '%s' (known: %s)", name, known);
}

void pol_opt_names(const pol_class *c, char *buf, size_t len)
{
	size_t at = 0;

	if (len)
		buf[0] = '\0';
	if (!c->nopts)
		opt_append(buf, len, &at, "none");
	for (size_t i = 0; i < c->nopts; i++)
		opt_append(buf, len, &at, "%s--%s", i ? ", " : "", c->opts[i].name);
}

const pol_class *pol_taker(const char *name, size_t *from, const opt_def **def)
{
	for (; *from < nclasses; ++*from) {
		const pol_class *c = classes[*from];
		const opt_def *d = opt_find(c->opts, c->nopts, name);

		if (d) {
			++*from;
			if (def)
				*def = d;
			return c;
		}
	}
	return NULL;
}

int pol_new(pol *p, const char *name, const opt_vals *opt, char *err, size_t errlen)
{
	const pol_class *c = pol_find(name ? name : "fifo");

	memset(p, 0, sizeof *p);
	if (!c) {
		pol_unknown(name, err, errlen);
		return -1;
	}
	p->cls = c;
	p->name = c->name;
	if (opt && opt->defs && opt->defs != c->opts) {
		snprintf(err, errlen, "%s: the options given are another policy's", c->name);
		p->cls = NULL;
		return -1;
	}
	if (opt && opt->defs)
		p->opt = *opt;
	else
		opt_defaults(&p->opt, c->opts, c->nopts);
	/* Values made in C, not read through the table, are checked as if. */
	for (size_t i = 0; i < c->nopts; i++) {
		char text[OPT_INTS_MAX * 24], want[160];
		opt_val v;

		opt_text(&c->opts[i], &p->opt.v[i], text, sizeof text);
		if (opt_parse(&c->opts[i], text, true, &v, want, sizeof want) < 0) {
			snprintf(err, errlen, "%s: invalid value '%s' for --%s: expected %s",
			         c->name, text, c->opts[i].name, want);
			p->cls = NULL;
			return -1;
		}
	}
	if (c->init(p, err, errlen) < 0) {
		p->cls = NULL;
		return -1;
	}
	return 0;
}

void pol_free(pol *p)
{
	if (p->cls && p->cls->cleanup)
		p->cls->cleanup(p);
	p->cls = NULL;
	p->priv = NULL;
}
