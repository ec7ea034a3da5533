/* rt_pool.c: thread records come from slabs and go back to a free list,
 * so creating and joining threads by the hundred thousand does not churn
 * malloc, and the overflow handler can walk every record without it. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rt_int.h"

#define SLAB_THREADS 256

struct slab {
	struct slab *next;
	rt_thread t[SLAB_THREADS];
};

static struct slab *slabs;
static rt_thread *free_list;

/* 0, or ENOMEM. */
static int slab_grow(void)
{
	struct slab *s = calloc(1, sizeof *s);

	if (!s)
		return ENOMEM;
	s->next = slabs;
	slabs = s;
	for (size_t i = SLAB_THREADS; i-- > 0;) {
		s->t[i].flags = RT_F_FREE;
		s->t[i].qnext = free_list;
		free_list = &s->t[i];
	}
	return 0;
}

rt_thread *rt_pool_alloc(void)
{
	if (!free_list && slab_grow() != 0)
		return NULL;
	rt_thread *t = free_list;
	free_list = t->qnext;
	/* The old name stays until reuse so a second rt_join can name it. */
	if (t->name && t->name != t->name_buf)
		free(t->name);
	memset(t, 0, sizeof *t);
	return t;
}

void rt_pool_free(rt_thread *t)
{
	t->flags = RT_F_FREE;
	t->qnext = free_list;
	free_list = t;
}

rt_thread *rt_pool_find(int (*match)(const rt_thread *t, const void *arg), const void *arg)
{
	for (struct slab *s = slabs; s; s = s->next)
		for (size_t i = 0; i < SLAB_THREADS; i++)
			if (!(s->t[i].flags & RT_F_FREE) && match(&s->t[i], arg))
				return &s->t[i];
	return NULL;
}

void rt_pool_each(void (*fn)(rt_thread *t))
{
	for (struct slab *s = slabs; s; s = s->next)
		for (size_t i = 0; i < SLAB_THREADS; i++)
			if (!(s->t[i].flags & RT_F_FREE))
				fn(&s->t[i]);
}

void rt_pool_drain(void)
{
	while (slabs) {
		struct slab *s = slabs;

		slabs = s->next;
		for (size_t i = 0; i < SLAB_THREADS; i++)
			if (s->t[i].name && s->t[i].name != s->t[i].name_buf)
				free(s->t[i].name);
		free(s);
	}
	free_list = NULL;
}
