/* rt_stack.h: thread stacks (internal to the runtime).
 *
 * A stack is one anonymous mapping:
 *
 *   map                 map + page            top - page           top
 *   | guard (no access) | usable bytes ...    | top page            |
 *
 * The top page holds the thread's saved context at its very top and the
 * first frames just below it, so a small thread touches one page in all.
 * The stack grows down from the context into the usable bytes; a fault in
 * the guard page is an overflow.  Released stacks are cached by size, a
 * bounded cache kept zeroed and spares beyond it kept as they were left
 * until they are reused or trimmed.
 */
#ifndef SCHEDSIM_RT_STACK_H
#define SCHEDSIM_RT_STACK_H

#include <stddef.h>

struct rt_stack {
	char *map;        /* NULL when the thread has no stack */
	size_t usable;    /* page-rounded size asked for */
#ifdef HAVE_VALGRIND_VALGRIND_H
	unsigned vg_id;   /* valgrind's id for the registered stack */
#endif
};

size_t rt_stack_page(void);
/* Round a request up to whole pages (request within RT_STACK_MIN..MAX). */
size_t rt_stack_round(size_t size);

/* Map (or take from the cache) a stack of usable bytes: 0 or an errno. */
int rt_stack_get(struct rt_stack *s, size_t usable);
/* Give a stack back.  Into the bounded cache: its touched pages are
 * dropped (or zeroed) so it reads as zero again, and it says how much of
 * it was used below top, as rt_stack_used() would have.  With the cache
 * full: kept as it is, a spare, at no system call; says 0 (not measured). */
size_t rt_stack_put(struct rt_stack *s, const char *top);
/* Unmap the spares, one call per run of neighbours in memory. */
void rt_stack_trim(void);

static inline char *rt_stack_top(const struct rt_stack *s)
{
	return s->map + s->usable + 2 * rt_stack_page();
}

/* Bytes in use between top and the deepest non-zero byte below it. */
size_t rt_stack_used(const struct rt_stack *s, const char *top);

/* Whether addr lies in the guard page or up to slack bytes below it
 * (where a big frame that stepped over the guard lands). */
int rt_stack_guard_hit(const struct rt_stack *s, const void *addr, size_t slack);

/* Unmap a stack at once, bypassing the cache. */
void rt_stack_free(struct rt_stack *s);

void rt_stack_counts(size_t *mapped, size_t *cached);
/* Unmap every cached stack. */
void rt_stack_drain(void);

#endif
