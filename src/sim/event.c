/* event.c: the names of the vocabulary (event.h), and the options of a
 * run: the engine's table and the one wording of the options in effect.
 * Nothing here may need the engine: the trace reader links this alone. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "event.h"
#include "sched/policy.h"
#include "wl/workload.h"

void sim_options_default(sim_options *o)
{
	memset(o, 0, sizeof *o);
	o->policy = "fifo";
}

const opt_def sim_engine_opts[SIM_NOPTS] = {
	[SIM_OPT_SWITCH_COST] = { .name = "switch-cost", .kind = OPT_INT, .min = 0,
	                          .max = WL_TICKS_MAX, .arg = "N", .shown = "switch cost",
	                          .help = "ticks each context switch costs (default 0)" },
	[SIM_OPT_SEED] = { .name = "seed", .kind = OPT_UINT, .arg = "N",
	                   .help = "seed for randomised policies (default 0)" },
	[SIM_OPT_INHERIT] = { .name = "inherit", .kind = OPT_FLAG, .sparse = true,
	                      .shown = "priority inheritance",
	                      .help = "priority inheritance for mutexes" },
	[SIM_OPT_SEM] = { .name = "sem", .kind = OPT_NAMED, .arg = "S=N",
	                  .help = "semaphore S starts at N (declares S in a workload)" },
};

void sim_engine_get(const sim_options *o, size_t i, opt_val *v)
{
	memset(v, 0, sizeof *v);
	if (i == SIM_OPT_SWITCH_COST)
		v->i = o->switch_cost;
	else if (i == SIM_OPT_SEED)
		v->i = (int64_t)o->seed;
	else if (i == SIM_OPT_INHERIT)
		v->i = o->inherit;
}

void sim_engine_set(sim_options *o, size_t i, const opt_val *v)
{
	if (i == SIM_OPT_SWITCH_COST)
		o->switch_cost = v->i;
	else if (i == SIM_OPT_SEED)
		o->seed = (uint64_t)v->i;
	else if (i == SIM_OPT_INHERIT)
		o->inherit = v->i != 0;
}

bool sim_engine_recorded(const sim_options *o, size_t i, opt_val *v)
{
	const opt_def *d = &sim_engine_opts[i];

	sim_engine_get(o, i, v);
	return d->kind != OPT_NAMED && !(d->sparse && v->i == d->def);
}

const opt_def *sim_options_defs(const sim_options *o, size_t *n)
{
	const pol_class *c;

	if (o->pol.defs) {
		*n = o->pol.n;
		return o->pol.defs;
	}
	c = pol_find(o->policy ? o->policy : "fifo");
	*n = c ? c->nopts : 0;
	return c ? c->opts : NULL;
}

void sim_options_effect(const sim_options *o, unsigned which, char *buf, size_t len)
{
	size_t n, at = 0;
	const opt_def *defs = sim_options_defs(o, &n);
	opt_val tmp, v;

	if (len)
		buf[0] = '\0';
	if (!(which & SIM_EFFECT_POLICY))
		n = 0;
	for (size_t i = 0; i < n; i++) {
		const opt_val *p = opt_get(&o->pol, defs, i, &tmp);

		if (opt_on(&defs[i], p)) {
			opt_append(buf, len, &at, "%s", at ? ", " : "");
			opt_shown(&defs[i], p, buf, len, &at);
		}
	}
	for (size_t i = 0; i < SIM_NOPTS && (which & SIM_EFFECT_ENGINE); i++) {
		sim_engine_get(o, i, &v);
		if (opt_on(&sim_engine_opts[i], &v)) {
			opt_append(buf, len, &at, "%s", at ? ", " : "");
			opt_shown(&sim_engine_opts[i], &v, buf, len, &at);
		}
	}
}

int sim_options_set(sim_options *o, const char *name, const char *text, char *err,
                    size_t errlen)
{
	const pol_class *c = pol_find(o->policy ? o->policy : "fifo");
	const opt_def *d = opt_find(sim_engine_opts, SIM_NOPTS, name);
	char want[128];
	opt_val v;

	if (!d && c && (d = opt_find(c->opts, c->nopts, name)) && o->pol.defs != c->opts)
		opt_defaults(&o->pol, c->opts, c->nopts);
	if (!d || d->kind == OPT_NAMED) {
		snprintf(err, errlen, "%s takes no --%s", c ? c->name : "?", name);
		return -1;
	}
	if (opt_parse(d, text, false, &v, want, sizeof want) < 0) {
		snprintf(err, errlen, "invalid value '%s' for --%s: expected %s", text, name, want);
		return -1;
	}
	if (d >= sim_engine_opts && d < sim_engine_opts + SIM_NOPTS)
		sim_engine_set(o, (size_t)(d - sim_engine_opts), &v);
	else
		o->pol.v[d - c->opts] = v;
	return 0;
}

int64_t sim_options_int(const sim_options *o, const char *name)
{
	size_t n;
	const opt_def *defs = sim_options_defs(o, &n);
	const opt_def *d = opt_find(defs, n, name);
	opt_val tmp, v;

	if (d)
		return opt_get(&o->pol, defs, (size_t)(d - defs), &tmp)->i;
	if ((d = opt_find(sim_engine_opts, SIM_NOPTS, name))) {
		sim_engine_get(o, (size_t)(d - sim_engine_opts), &v);
		return v.i;
	}
	return -1;
}

const char *sim_ev_name(sim_ev_kind k)
{
	static const char *const names[SIM_EV_KINDS] = {
		[SIM_EV_ARRIVE] = "arrive",
		[SIM_EV_DISPATCH] = "dispatch",
		[SIM_EV_PREEMPT] = "preempt",
		[SIM_EV_BLOCK] = "block",
		[SIM_EV_WAKE] = "wake",
		[SIM_EV_EXIT] = "exit",
		[SIM_EV_IDLE] = "idle",
		[SIM_EV_SWITCH] = "switch",
		[SIM_EV_PRIO] = "prio",
		[SIM_EV_END] = "end",
	};

	return (unsigned)k < SIM_EV_KINDS ? names[k] : "?";
}

const char *sim_sync_kind_name(sim_sync_kind k)
{
	static const char *const names[SIM_SYNC_KINDS] = {
		[SIM_SYNC_MUTEX] = "mutex",
		[SIM_SYNC_SEM] = "semaphore",
		[SIM_SYNC_COND] = "condition",
	};

	return (unsigned)k < SIM_SYNC_KINDS ? names[k] : "?";
}
