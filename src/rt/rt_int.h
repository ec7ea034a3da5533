/* rt_impl.h: the thread record and the runtime's internal interfaces,
 * shared by the rt*.c files only. */
#ifndef SCHEDSIM_RT_IMPL_H
#define SCHEDSIM_RT_IMPL_H

#include "rt.h"
#include "rt_ctx.h"
#include "rt_stack.h"

enum {
	RT_F_FREE = 1,  /* in the pool's free list (or joined and released) */
};

struct rt_thread {
	struct rt_ctx *ctx;     /* at the top of the stack; NULL once done */
	struct rt_stack stack;
	rt_fn fn;
	void *arg;
	void *value;            /* exit value */
	rt_thread *qnext;       /* built-in FIFO queue, or the pool's free list */
	rt_thread *joiner;      /* the thread blocked joining this one */
	rt_thread *joining;     /* the thread this one is blocked joining */
	uint64_t id;
	void *udata;
	rt_counters counters;
	size_t high_water;      /* as of the last look, or final once done */
	size_t stack_size;      /* usable bytes, kept after the stack goes */
	int priority;
	unsigned char state;    /* rt_state */
	unsigned char flags;
	char *name;             /* name_buf, or malloc'd when longer */
	char name_buf[24];
};

/* rt.c */
void rt_set_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* rt_pool.c: thread records in slabs, reused through a free list. */
rt_thread *rt_pool_alloc(void);
void rt_pool_free(rt_thread *t);
rt_thread *rt_pool_find(int (*match)(const rt_thread *t, const void *arg), const void *arg);
void rt_pool_each(void (*fn)(rt_thread *t));
void rt_pool_drain(void);

/* rt_guard.c: stack overflow reporting; idempotent. */
void rt_guard_init(void);

#endif
