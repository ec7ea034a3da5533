/* sjf.c: shortest job first, and its preemptive form, shortest remaining
 * time first.  A job is the thread's next CPU burst (consecutive CPU steps
 * count as one); a thread whose burst is unknown sorts last. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "policy.h"

static int64_t burst_key(const pol_thread *t)
{
	return t->burst < 0 ? INT64_MAX : t->burst;
}

enum { SJF_PREEMPTIVE };

/* The one difference: srtf is preemptive unless told otherwise. */
static const opt_def sjf_opts[] = {
	[SJF_PREEMPTIVE] = { .name = "preemptive", .kind = OPT_FLAG, .def = 0,
	                     .help = "a shorter newcomer takes the CPU at once (srtf)" },
};
static const opt_def srtf_opts[] = {
	[SJF_PREEMPTIVE] = { .name = "preemptive", .kind = OPT_FLAG, .def = 1,
	                     .help = "a shorter newcomer takes the CPU at once (sjf: off)" },
};

static bool preemptive(const pol *p)
{
	return pol_int(p, SJF_PREEMPTIVE);
}

static int sjf_init(pol *p, char *err, size_t errlen)
{
	heap *h = malloc(sizeof *h);

	if (!h) {
		snprintf(err, errlen, "%s: out of memory", p->name);
		return -1;
	}
	heap_init(h, pol_by_key);
	p->priv = h;
	p->name = preemptive(p) ? pol_srtf.name : pol_sjf.name;
	return 0;
}

static void sjf_cleanup(pol *p)
{
	heap_free(p->priv);
	free(p->priv);
}

static int sjf_enqueue(pol *p, pol_thread *t, pol_cause why)
{
	(void)why;
	t->key = burst_key(t);
	return heap_push(p->priv, &t->node);
}

static pol_thread *sjf_pick(pol *p, int64_t now, pol_reason *why)
{
	heap *h = p->priv;
	size_t n = h->n;
	heap_node *top = heap_pop(h);
	pol_thread *t;

	(void)now;
	if (!top)
		return NULL;
	t = pol_of_node(top);
	if (preemptive(p))
		pol_say(why, "shortest remaining time %lld of %zu ready", (long long)t->burst, n);
	else
		pol_say(why, "shortest job %lld of %zu ready", (long long)t->burst, n);
	return t;
}

static bool sjf_check(pol *p, const pol_thread *running, const pol_thread *newcomer,
		      pol_reason *why)
{
	if (!preemptive(p) || burst_key(newcomer) >= burst_key(running))
		return false;
	pol_say(why, "shortest remaining time %lld < %lld",
		(long long)newcomer->burst, (long long)running->burst);
	return true;
}

static size_t sjf_order(const pol *p, int *ids, size_t max)
{
	return pol_heap_order(p->priv, ids, max);
}

/* The same operations under two names: srtf is sjf --preemptive. */
#define SJF_CLASS(cname, csummary, copts) {	\
	.name = cname,				\
	.summary = csummary,			\
	.opts = copts,				\
	.nopts = sizeof copts / sizeof *copts,	\
	.init = sjf_init,			\
	.cleanup = sjf_cleanup,			\
	.enqueue = sjf_enqueue,			\
	.pick_next = sjf_pick,			\
	.check_preempt = sjf_check,		\
	.order = sjf_order,			\
}

const pol_class pol_sjf = SJF_CLASS("sjf",
	"shortest job first: run the shortest next CPU burst to its end", sjf_opts);

const pol_class pol_srtf = SJF_CLASS("srtf",
	"shortest remaining time first: a shorter newcomer preempts", srtf_opts);
