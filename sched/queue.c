/* queue.c: the run queues policies share, and their reasons' plumbing. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "policy.h"

void pol_say_fmt(pol_reason *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->buf, r->len, fmt, ap);
	va_end(ap);
}

void pol_say_ready(pol_reason *r, const char *what, const pol_thread *t)
{
	if (!r || !r->buf)
		return;
	if (t->ready_since == t->arrival)
		pol_say(r, "%s (arrived at %lld)", what, (long long)t->arrival);
	else
		pol_say(r, "%s (ready since %lld)", what, (long long)t->ready_since);
}

void pol_list_push(pol_list *l, pol_thread *t)
{
	t->next = NULL;
	if (l->tail)
		l->tail->next = t;
	else
		l->head = t;
	l->tail = t;
	l->n++;
}

pol_thread *pol_list_pop(pol_list *l)
{
	pol_thread *t = l->head;

	if (t) {
		l->head = t->next;
		if (!l->head)
			l->tail = NULL;
		l->n--;
	}
	return t;
}

int pol_list_setup(pol *p)
{
	p->priv = calloc(1, sizeof(pol_list));
	return p->priv ? 0 : -1;
}

void pol_list_cleanup(pol *p)
{
	free(p->priv);
}

int pol_list_enqueue(pol *p, pol_thread *t, pol_cause why)
{
	(void)why;
	pol_list_push(p->priv, t);
	return 0;
}

size_t pol_list_order(const pol *p, int *ids, size_t max)
{
	const pol_list *l = p->priv;
	size_t i = 0;

	for (const pol_thread *t = l->head; t && i < max; t = t->next)
		ids[i++] = t->id;
	return l->n;
}

static bool by_arrival(const pol_thread *a, const pol_thread *b)
{
	if (a->arrival != b->arrival)
		return a->arrival < b->arrival;
	if (a->id != b->id)
		return a->id < b->id;
	return a->seq < b->seq;
}

bool pol_by_key(const heap_node *x, const heap_node *y)
{
	const pol_thread *a = pol_of_node(x), *b = pol_of_node(y);

	if (a->key != b->key)
		return a->key < b->key;
	return by_arrival(a, b);
}

bool pol_by_key_fifo(const heap_node *x, const heap_node *y)
{
	const pol_thread *a = pol_of_node(x), *b = pol_of_node(y);

	if (a->key != b->key)
		return a->key < b->key;
	return a->seq < b->seq;
}

/* Both are asked several times a dispatch; most turns are in their first
 * quantum, answered without a division. */
int64_t pol_quantum_end(const pol_thread *running, int64_t q, int64_t now)
{
	int64_t k = 1, end, d = now - running->run_since;

	if (d > q)
		k = (d - 1) / q + 1;
	if (__builtin_mul_overflow(k, q, &end) || __builtin_add_overflow(end, running->run_since, &end))
		return INT64_MAX;
	return end;
}

bool pol_quantum_over(const pol_thread *running, int64_t q, int64_t now)
{
	int64_t d = now - running->run_since;

	return d == q || (d > q && d % q == 0);
}

size_t pol_heap_order(const heap *h, int *ids, size_t max)
{
	const heap_node **nodes;
	size_t got;

	if (!max || !h->n)
		return h->n;
	if (max > h->n)
		max = h->n;
	nodes = malloc(max * sizeof *nodes);
	if (!nodes)
		return h->n;
	got = heap_sorted(h, nodes, max);
	for (size_t i = 0; i < got; i++)
		ids[i] = pol_of_node(nodes[i])->id;
	free(nodes);
	return h->n;
}
