/* registry.c: policies by name, for sim_new() and `schedsim policies`. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "policy.h"

static const pol_class *const classes[] = {
	&pol_fifo, &pol_rr, &pol_prio, &pol_sjf, &pol_srtf,
};

#define NCLASSES (sizeof classes / sizeof classes[0])

const pol_class *pol_at(size_t i)
{
	return i < NCLASSES ? classes[i] : NULL;
}

const pol_class *pol_find(const char *name)
{
	for (size_t i = 0; i < NCLASSES; i++) {
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
	for (size_t i = 0; i < NCLASSES && at < len; i++) {
		int n = snprintf(buf + at, len - at, "%s%s", i ? ", " : "", classes[i]->name);

		if (n < 0)
			break;
		at += (size_t)n;
	}
}

int pol_new(pol *p, const sim_options *o, char *err, size_t errlen)
{
	const char *name = o->policy ? o->policy : "fifo";
	const pol_class *c = pol_find(name);

	memset(p, 0, sizeof *p);
	if (!c) {
		char known[128];

		pol_known(known, sizeof known);
		snprintf(err, errlen, "unknown policy '%s' (known: %s)", name, known);
		return -1;
	}
	p->cls = c;
	p->name = c->name;
	p->opt = *o;
	p->opt.policy = c->name;
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
