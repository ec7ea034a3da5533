/* heap.c: the binary heap behind the wake-up queue and the policies. */
#include <config.h>

#include <stdlib.h>

#include "grow.h"
#include "heap.h"

void heap_init(heap *h, heap_less less)
{
	h->v = NULL;
	h->n = h->cap = 0;
	h->less = less;
}

void heap_free(heap *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

static void put(heap *h, size_t i, heap_node *x)
{
	h->v[i] = x;
	x->pos = i;
}

static void sift_up(heap *h, size_t i)
{
	heap_node *x = h->v[i];

	while (i > 0) {
		size_t up = (i - 1) / 2;

		if (!h->less(x, h->v[up]))
			break;
		put(h, i, h->v[up]);
		i = up;
	}
	put(h, i, x);
}

static void sift_down(heap *h, size_t i)
{
	heap_node *x = h->v[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->less(h->v[c + 1], h->v[c]))
			c++;
		if (!h->less(h->v[c], x))
			break;
		put(h, i, h->v[c]);
		i = c;
	}
	put(h, i, x);
}

int heap_push(heap *h, heap_node *x)
{
	if (grow_room(&h->v, &h->cap, h->n, sizeof *h->v) < 0)
		return -1;
	h->v[h->n] = x;
	sift_up(h, h->n++);
	return 0;
}

void heap_remove(heap *h, heap_node *x)
{
	size_t i = x->pos;
	heap_node *last = h->v[--h->n];

	x->pos = HEAP_NONE;
	if (last == x)
		return;
	put(h, i, last);
	heap_fix(h, last);
}

heap_node *heap_pop(heap *h)
{
	heap_node *top = heap_top(h);

	if (top)
		heap_remove(h, top);
	return top;
}

void heap_fix(heap *h, heap_node *x)
{
	size_t i = x->pos;

	if (i > 0 && h->less(x, h->v[(i - 1) / 2]))
		sift_up(h, i);
	else
		sift_down(h, i);
}

/* A second, small heap of slots of h: the smallest unvisited slot is always
 * among the children of the slots already taken. */
size_t heap_sorted(const heap *h, const heap_node **out, size_t max)
{
	size_t want = max < h->n ? max : h->n;
	size_t *cand, nc = 0, done = 0;

	if (!want || !(cand = malloc((want + 1) * sizeof *cand)))
		return 0;
	cand[nc++] = 0;
	while (done < want) {
		size_t top = cand[0];

		out[done++] = h->v[top];
		cand[0] = cand[--nc];
		for (size_t i = 0; nc > 1 && i < nc;) {
			size_t c = 2 * i + 1, m = i;

			if (c < nc && h->less(h->v[cand[c]], h->v[cand[m]]))
				m = c;
			if (c + 1 < nc && h->less(h->v[cand[c + 1]], h->v[cand[m]]))
				m = c + 1;
			if (m == i)
				break;
			size_t tmp = cand[i];
			cand[i] = cand[m];
			cand[m] = tmp;
			i = m;
		}
		for (size_t c = 2 * top + 1; c <= 2 * top + 2 && c < h->n && nc <= want; c++) {
			size_t i = nc++;

			cand[i] = c;
			while (i > 0 && h->less(h->v[cand[i]], h->v[cand[(i - 1) / 2]])) {
				size_t up = (i - 1) / 2, tmp = cand[i];

				cand[i] = cand[up];
				cand[up] = tmp;
				i = up;
			}
		}
	}
	free(cand);
	return done;
}
