/* heap.h: an intrusive binary min-heap (the engine's wake-up queue and the
 * policies' run queues).
 *
 * Items embed a heap_node; the heap stores node pointers and keeps each
 * node's slot in it, so an item whose key changed can be fixed or removed
 * in O(log n).  The order is the caller's less(), which must be total for
 * runs to be deterministic.
 */
#ifndef SCHEDSIM_HEAP_H
#define SCHEDSIM_HEAP_H

#include <stdbool.h>
#include <stddef.h>

#define HEAP_NONE ((size_t)-1)  /* heap_node.pos of a node in no heap */

typedef struct heap_node {
	size_t pos;
} heap_node;

typedef bool (*heap_less)(const heap_node *a, const heap_node *b);

typedef struct heap {
	heap_node **v;
	size_t n, cap;
	heap_less less;
} heap;

/* The item that embeds node as member. */
#define HEAP_ENTRY(node, type, member) \
	((type *)(void *)((char *)(node) - offsetof(type, member)))

void heap_init(heap *h, heap_less less);
void heap_free(heap *h);

/* 0, or -1 when out of memory (the heap is unchanged). */
int heap_push(heap *h, heap_node *x);
heap_node *heap_pop(heap *h);
void heap_remove(heap *h, heap_node *x);
/* Restore the order after x's key changed. */
void heap_fix(heap *h, heap_node *x);

static inline heap_node *heap_top(const heap *h)
{
	return h->n ? h->v[0] : NULL;
}

/* The first max nodes in heap order, without disturbing the heap; returns
 * how many were written (fewer when out of memory). */
size_t heap_sorted(const heap *h, const heap_node **out, size_t max);

#endif
