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
#include <string.h>
#include <sys/mman.h>
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

/* Enough for the common case (one size, a few threads churning) without
 * holding on to a burst's worth of address space. */
#define STACK_CACHE_MAX 64

static size_t page_size;
static enum { GUARD_UNKNOWN, GUARD_MADVISE, GUARD_MPROTECT } guard_mode;
static struct rt_stack cache[STACK_CACHE_MAX];
static size_t n_cached, n_mapped;

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

int rt_stack_get(struct rt_stack *s, size_t usable)
{
	for (size_t i = n_cached; i-- > 0;) {
		if (cache[i].usable == usable) {
			*s = cache[i];
			cache[i] = cache[--n_cached];
#ifdef HAVE_VALGRIND_VALGRIND_H
			/* Its last owner left marks of dead frames below its
			 * stack pointer; the memory now reads as zero (see
			 * rt_stack_put), which is defined. */
			VALGRIND_MAKE_MEM_DEFINED(s->map + rt_stack_page(),
						  s->usable + rt_stack_page());
#endif
			return 0;
		}
	}

	size_t len = map_len(usable);
	/* NORESERVE: 100,000 stacks are gigabytes of address space of which
	 * only the touched pages are ever backed. */
	char *map = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (map == MAP_FAILED)
		return errno;
	int err = guard_install(map);
	if (err) {
		munmap(map, len);
		return err;
	}
	s->map = map;
	s->usable = usable;
#ifdef HAVE_VALGRIND_VALGRIND_H
	s->vg_id = VALGRIND_STACK_REGISTER(map + rt_stack_page(), map + len);
#endif
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

size_t rt_stack_put(struct rt_stack *s, const char *top)
{
	if (!s->map)
		return 0;
	char *page;
	char *deep = deepest(s, &page);
	char *end = rt_stack_top(s);
	size_t used = used_below(deep, top);

	if (n_cached == STACK_CACHE_MAX) {
		rt_stack_free(s);
		return used;
	}
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
		rt_stack_free(s);
		return used;
	}
	cache[n_cached++] = *s;
	s->map = NULL;
	return used;
}

void rt_stack_counts(size_t *mapped, size_t *cached)
{
	*mapped = n_mapped;
	*cached = n_cached;
}

void rt_stack_drain(void)
{
	while (n_cached > 0)
		rt_stack_free(&cache[--n_cached]);
}
