/* sim_heap.h: an intrusive binary min-heap (internal to the engine and the
 * policies).
 *
 * Items embed a sim_hnode; the heap stores node pointers and keeps each
 * node's slot in it, so an item whose key changed can be fixed or removed
 * in O(log n).  The order is the caller's less(), which must be total for
 * runs to be deterministic.
 */
#ifndef SCHEDSIM_SIM_HEAP_H
#define SCHEDSIM_SIM_HEAP_H

#include <stdbool.h>
#include <stddef.h>

#define SIM_HEAP_NONE ((size_t)-1)  /* sim_hnode.pos of a node in no heap */

typedef struct sim_hnode {
	size_t pos;
} sim_hnode;

typedef bool (*sim_heap_less)(const sim_hnode *a, const sim_hnode *b);

typedef struct sim_heap {
	sim_hnode **v;
	size_t n, cap;
	sim_heap_less less;
} sim_heap;

/* The item that embeds node as member. */
#define SIM_CONTAINER(node, type, member) \
	((type *)(void *)((char *)(node) - offsetof(type, member)))

void sim_heap_init(sim_heap *h, sim_heap_less less);
void sim_heap_free(sim_heap *h);

/* 0, or -1 when out of memory (the heap is unchanged). */
int sim_heap_push(sim_heap *h, sim_hnode *x);
sim_hnode *sim_heap_pop(sim_heap *h);
void sim_heap_remove(sim_heap *h, sim_hnode *x);
/* Restore the order after x's key changed. */
void sim_heap_fix(sim_heap *h, sim_hnode *x);

static inline sim_hnode *sim_heap_top(const sim_heap *h)
{
	return h->n ? h->v[0] : NULL;
}

/* The first max nodes in heap order, without disturbing the heap; returns
 * how many were written (fewer when out of memory). */
size_t sim_heap_sorted(const sim_heap *h, const sim_hnode **out, size_t max);

#endif
