/* rt_stack.c: mmap'd stacks with a guard page, a bounded cache, and a
 * high-water mark that costs no memory.
 *
 * No pattern fill: painting a stack makes every page of it resident, and
 * 100,000 threads must cost a few KiB each.  Fresh anonymous pages read as
 * zero, so the deepest use is the lowest resident page (mincore) and, in
 * it, the first non-zero byte.  A stack going back to the cache has its
 * touched pages dropped (MADV_DONTNEED): the memory goes back to the
 * system and the next owner again starts from zeros.
 */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "rt_stack.h"

#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#endif
#ifdef SCHEDSIM_ASAN
#include <sanitizer/asan_interface.h>
#endif

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102  /* Linux 6.13 */
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  /* Linux 5.14 */
#endif
#ifndef PIDFD_SELF_THREAD
#define PIDFD_SELF_THREAD (-10000)  /* Linux 6.15: process_madvise on ourselves */
#endif

/* Stacks are mapped a chunk at a time (up to CHUNK_STACKS of one size in
 * about CHUNK_BYTES), their guard pages installed and their top pages
 * faulted in with one process_madvise() each where the kernel takes it:
 * three system calls for 64 threads instead of 64 mmaps, 64 madvises and
 * 64 page faults. */
#define CHUNK_BYTES ((size_t)4 << 20)
#define CHUNK_STACKS 64

/* Enough for the common case (one size, a few threads churning) without
 * holding on to a burst's worth of address space. */
#define STACK_CACHE_MAX 64

static size_t page_size;
static enum { GUARD_UNKNOWN, GUARD_MADVISE, GUARD_MPROTECT } guard_mode;
static struct rt_stack cache[STACK_CACHE_MAX];
static size_t n_cached, n_mapped;
/* Stacks released while the cache was full, as they were left: neither
 * measured nor zeroed nor unmapped yet.  Unmapping them one by one would
 * split the mapping the kernel merged them into, once per thread, at a
 * cost that grows with the mapping (a 1,000,000-thread run went
 * superlinear); rt_stack_trim() unmaps them in address order, one call
 * per run of neighbours.  Until then a stack that is needed is taken from
 * here before a new one is mapped. */
static struct rt_stack *spare;
static size_t n_spare, spare_cap;
/* Mapped with a chunk and never used yet; not counted as mapped. */
static struct rt_stack *fresh;
static size_t n_fresh, fresh_cap;
static int batch_madvise = 1;  /* until process_madvise() says no */

size_t rt_stack_page(void)
{
	if (!page_size)
		page_size = (size_t)sysconf(_SC_PAGESIZE);
	return page_size;
}

size_t rt_stack_round(size_t size)
{
	size_t page = rt_stack_page();

	return (size + page - 1) / page * page;
}

static size_t map_len(size_t usable)
{
	return usable + 2 * rt_stack_page();
}

/* MADV_GUARD_INSTALL keeps the stack one mapping, so 100,000 stacks fit
 * under vm.max_map_count; mprotect splits it in two and is the fallback
 * for older kernels (and for valgrind, which may refuse the advice). */
static int guard_install(char *map)
{
	if (guard_mode != GUARD_MPROTECT) {
		if (madvise(map, rt_stack_page(), MADV_GUARD_INSTALL) == 0) {
			guard_mode = GUARD_MADVISE;
			return 0;
		}
		if (guard_mode == GUARD_MADVISE || errno != EINVAL)
			return errno;
		guard_mode = GUARD_MPROTECT;
	}
	return mprotect(map, rt_stack_page(), PROT_NONE) == 0 ? 0 : errno;
}

/* Advice for n ranges of len bytes, stride apart from at, in one call;
 * 0, or -1 where the kernel does not take it (then each alone). */
static int madvise_each(char *at, size_t stride, size_t len, size_t n, int advice)
{
#ifdef SYS_process_madvise
	struct iovec v[CHUNK_STACKS];

#ifdef HAVE_VALGRIND_VALGRIND_H
	/* valgrind does not know the call, and says so on stderr. */
	if (RUNNING_ON_VALGRIND)
		batch_madvise = 0;
#endif
	if (batch_madvise) {
		for (size_t i = 0; i < n; i++) {
			v[i].iov_base = at + i * stride;
			v[i].iov_len = len;
		}
		if (syscall(SYS_process_madvise, PIDFD_SELF_THREAD, v, n, advice, 0) ==
		    (long)(n * len))
			return 0;
		batch_madvise = 0;
	}
#else
	(void)at, (void)stride, (void)len, (void)n, (void)advice;
#endif
	return -1;
}

static int grow(struct rt_stack **v, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	struct rt_stack *g = realloc(*v, c * sizeof *g);
	if (!g)
		return ENOMEM;
	*v = g;
	*cap = c;
	return 0;
}

/* Map a chunk of stacks of usable bytes into fresh: 0 or an errno. */
static int map_chunk(size_t usable)
{
	size_t len = map_len(usable), page = rt_stack_page();
	size_t n = CHUNK_BYTES / len;

	n = n < 1 ? 1 : n > CHUNK_STACKS ? CHUNK_STACKS : n;
	if (grow(&fresh, &fresh_cap, n_fresh + n) != 0)
		return ENOMEM;
	/* NORESERVE: 100,000 stacks are gigabytes of address space of which
	 * only the touched pages are ever backed. */
	char *map = mmap(NULL, n * len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (map == MAP_FAILED)
		return errno;
	if (guard_mode == GUARD_MPROTECT ||
	    madvise_each(map, len, page, n, MADV_GUARD_INSTALL) != 0) {
		for (size_t i = 0; i < n; i++) {
			int err = guard_install(map + i * len);

			if (err) {
				munmap(map, n * len);
				return err;
			}
		}
	} else {
		guard_mode = GUARD_MADVISE;
	}
	/* Every thread touches its top page first thing (its context is
	 * there): fault them in together.  Only a hint. */
	madvise_each(map + len - page, len, page, n, MADV_POPULATE_WRITE);
	/* Taken from the end: lowest address first. */
	for (size_t i = n; i-- > 0;) {
		struct rt_stack *s = &fresh[n_fresh++];

		s->map = map + i * len;
		s->usable = usable;
#ifdef HAVE_VALGRIND_VALGRIND_H
		s->vg_id = VALGRIND_STACK_REGISTER(s->map + page, s->map + len);
#endif
	}
	return 0;
}

void rt_stack_free(struct rt_stack *s)
{
	if (!s->map)
		return;
#ifdef HAVE_VALGRIND_VALGRIND_H
	VALGRIND_STACK_DEREGISTER(s->vg_id);
#endif
#ifdef SCHEDSIM_ASAN
	__asan_unpoison_memory_region(s->map, map_len(s->usable));
#endif
	munmap(s->map, map_len(s->usable));
	s->map = NULL;
	n_mapped--;
}

static int zero_for_reuse(struct rt_stack *s, size_t *used, const char *top);

static void reuse_defined(const struct rt_stack *s)
{
#ifdef HAVE_VALGRIND_VALGRIND_H
	/* Its last owner left marks of dead frames below its stack pointer;
	 * the memory now reads as zero (see zero_for_reuse), which is
	 * defined. */
	VALGRIND_MAKE_MEM_DEFINED(s->map + rt_stack_page(), s->usable + rt_stack_page());
#else
	(void)s;
#endif
}

int rt_stack_get(struct rt_stack *s, size_t usable)
{
	for (size_t i = n_cached; i-- > 0;) {
		if (cache[i].usable == usable) {
			*s = cache[i];
			cache[i] = cache[--n_cached];
			reuse_defined(s);
			return 0;
		}
	}
	/* The most recently released spare first: its pages are warmest. */
	for (size_t i = n_spare; i-- > 0;) {
		size_t used;

		if (spare[i].usable != usable)
			continue;
		*s = spare[i];
		spare[i] = spare[--n_spare];
		if (zero_for_reuse(s, &used, NULL) != 0) {
			rt_stack_free(s);
			break;
		}
		reuse_defined(s);
		return 0;
	}

	for (size_t i = n_fresh; i-- > 0;) {
		if (fresh[i].usable == usable) {
			*s = fresh[i];
			fresh[i] = fresh[--n_fresh];
			n_mapped++;
			return 0;
		}
	}
	int err = map_chunk(usable);
	if (err)
		return err;
	*s = fresh[--n_fresh];
	n_mapped++;
	return 0;
}

/* Lowest resident page in [lo, hi), or hi. */
static char *lowest_resident(char *lo, char *hi)
{
	size_t page = rt_stack_page();
	unsigned char vec[256];

	while (lo < hi) {
		/* hi need not be page-aligned; its page is mapped all the same. */
		size_t n = ((size_t)(hi - lo) + page - 1) / page;
		if (n > sizeof vec)
			n = sizeof vec;
		if (mincore(lo, n * page, vec) != 0)
			return lo;  /* cannot tell: assume all of it is in use */
		for (size_t i = 0; i < n; i++)
			if (vec[i] & 1)
				return lo + i * page;
		lo += n * page;
	}
	return hi;
}

/* The stack may be another thread's live one, with ASan redzones around
 * its frames and memory that valgrind counts as dead below its pointer:
 * this is a raw look at bytes, not a use of them. */
__attribute__((no_sanitize_address))
static const char *first_nonzero(const char *p, const char *end)
{
#ifdef HAVE_VALGRIND_VALGRIND_H
	VALGRIND_DISABLE_ADDR_ERROR_REPORTING_IN_RANGE(p, end - p);
	VALGRIND_MAKE_MEM_DEFINED_IF_ADDRESSABLE(p, end - p);
#endif
	const volatile uint64_t *w = (const volatile uint64_t *)p;
	const volatile uint64_t *wend = (const volatile uint64_t *)end;

	while (w < wend && *w == 0)
		w++;
	const char *q = (const char *)w;
	while (q < end && *(const volatile char *)q == 0)
		q++;
#ifdef HAVE_VALGRIND_VALGRIND_H
	VALGRIND_ENABLE_ADDR_ERROR_REPORTING_IN_RANGE(p, end - p);
#endif
	return q;
}

/* The deepest non-zero byte of the stack (or its end), and in *page the
 * lowest resident page. */
static char *deepest(const struct rt_stack *s, char **page)
{
	char *lo = s->map + rt_stack_page();
	char *end = rt_stack_top(s);

	*page = lowest_resident(lo, end);
	return *page < end ? *page + (first_nonzero(*page, end) - *page) : end;
}

static size_t used_below(const char *deep, const char *top)
{
	return deep < top ? (size_t)(top - deep) : 0;
}

size_t rt_stack_used(const struct rt_stack *s, const char *top)
{
	char *page;

	return s->map ? used_below(deepest(s, &page), top) : 0;
}

int rt_stack_guard_hit(const struct rt_stack *s, const void *addr, size_t slack)
{
	uintptr_t a = (uintptr_t)addr;
	uintptr_t guard = (uintptr_t)s->map;

	if (!s->map)
		return 0;
	return a < guard + rt_stack_page() && a + slack >= guard;
}

/* Make a stack read as zero again for its next owner: its touched pages
 * dropped, or only the top page touched and the used part of it zeroed.
 * *used: how deep its last owner went below top (when top is not NULL).
 * An errno when the pages could not be dropped. */
static int zero_for_reuse(struct rt_stack *s, size_t *used, const char *top)
{
	char *page;
	char *deep = deepest(s, &page);
	char *end = rt_stack_top(s);

	*used = top ? used_below(deep, top) : 0;
#ifdef SCHEDSIM_ASAN
	/* Its last frames never returned: clear their redzones. */
	__asan_unpoison_memory_region(s->map + rt_stack_page(), s->usable + rt_stack_page());
#endif
	if (page == end - rt_stack_page()) {
		/* Only the top page was touched (the usual small thread): zero
		 * what was used and keep the page, saving a syscall now and a
		 * page fault on reuse.  At most one page per cached stack. */
#ifdef HAVE_VALGRIND_VALGRIND_H
		VALGRIND_MAKE_MEM_UNDEFINED(deep, (size_t)(end - deep));
#endif
		memset(deep, 0, (size_t)(end - deep));
	} else if (page < end && madvise(page, (size_t)(end - page), MADV_DONTNEED) != 0) {
		return errno;
	}
	return 0;
}

size_t rt_stack_put(struct rt_stack *s, const char *top)
{
	size_t used;

	if (!s->map)
		return 0;
	if (n_cached == STACK_CACHE_MAX) {
		/* No look at it now (that is a system call): a spare until
		 * it is reused or trimmed. */
		if (grow(&spare, &spare_cap, n_spare + 1) != 0) {
			used = rt_stack_used(s, top);
			rt_stack_free(s);
			return used;
		}
		spare[n_spare++] = *s;
		s->map = NULL;
		return 0;
	}
	if (zero_for_reuse(s, &used, top) != 0) {
		rt_stack_free(s);
		return used;
	}
	cache[n_cached++] = *s;
	s->map = NULL;
	return used;
}

static int by_address(const void *a, const void *b)
{
	const char *x = ((const struct rt_stack *)a)->map, *y = ((const struct rt_stack *)b)->map;

	return (x > y) - (x < y);
}

/* Unmap the n stacks of v (which it sorts), one call per run of
 * neighbours in memory: one split of the mapping at most. */
static void unmap_runs(struct rt_stack *v, size_t n)
{
	if (!n)
		return;  /* v may be NULL, which qsort() must not see */
	qsort(v, n, sizeof *v, by_address);
	for (size_t i = 0; i < n;) {
		char *lo = v[i].map;
		char *hi = lo;
		size_t j = i;

		for (; j < n && v[j].map == hi; j++) {
			hi += map_len(v[j].usable);
#ifdef HAVE_VALGRIND_VALGRIND_H
			VALGRIND_STACK_DEREGISTER(v[j].vg_id);
#endif
		}
#ifdef SCHEDSIM_ASAN
		__asan_unpoison_memory_region(lo, (size_t)(hi - lo));
#endif
		munmap(lo, (size_t)(hi - lo));
		i = j;
	}
}

void rt_stack_trim(void)
{
	if (!n_spare)
		return;
	unmap_runs(spare, n_spare);
	n_mapped -= n_spare;
	n_spare = 0;
}

void rt_stack_counts(size_t *mapped, size_t *cached)
{
	*mapped = n_mapped;
	*cached = n_cached + n_spare;
}

void rt_stack_drain(void)
{
	rt_stack_trim();
	free(spare);
	spare = NULL;
	spare_cap = 0;
	unmap_runs(cache, n_cached);
	n_mapped -= n_cached;
	n_cached = 0;
	unmap_runs(fresh, n_fresh);
	free(fresh);
	fresh = NULL;
	n_fresh = fresh_cap = 0;
}
