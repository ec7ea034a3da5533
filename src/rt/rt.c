/* rt.c: thread lifetimes and handoffs.
 *
 * The runtime never chooses who runs: it tells the hook who became ready
 * and asks it whom to run.  A thread that gives up the CPU asks pick() on
 * its own stack and switches straight to the answer, so a handoff is one
 * context switch.  Main gets control back only when pick() has nothing,
 * when a thread pauses, or when the thread main is joining finishes.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_int.h"

/* Why control came back to main. */
enum { BACK_IDLE = RT_RUN_IDLE, BACK_PAUSED = RT_RUN_PAUSED, BACK_JOINED };

static rt_thread *cur;          /* running thread, NULL while main runs */
static rt_thread *paused;       /* stopped by rt_pause(), resumed by rt_run() */
static rt_thread *zombie;       /* exited; its stack is released after the switch */
static rt_thread *main_joins;   /* what rt_join() from main waits for */
static int back_reason;
/* Distinct offsets of a saved context in its top page (see rt_create):
 * 32 cache lines apart spread a thousand contexts over 2 KiB of sets while
 * the context and first frames still fit the one page a thread touches. */
enum { CTX_COLOURS = 32, CTX_STEP = 64 };

static struct rt_ctx main_ctx;

static void fifo_ready(void *ctx, rt_thread *t);
static rt_thread *fifo_pick(void *ctx);
static rt_hook hook = { fifo_ready, fifo_pick, NULL };
static size_t n_ready;          /* handed to ready() and not yet picked */
static struct { rt_thread *head, *tail; } fifo;

static uint64_t n_created, n_switches;
static size_t n_live;
static char errbuf[256];

void rt_set_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errbuf, sizeof errbuf, fmt, ap);
	va_end(ap);
}

const char *rt_error(void)
{
	return errbuf;
}

/* ---- the built-in first-come-first-served hook ---------------------- */

static void fifo_ready(void *ctx, rt_thread *t)
{
	(void)ctx;
	t->qnext = NULL;
	if (fifo.tail)
		fifo.tail->qnext = t;
	else
		fifo.head = t;
	fifo.tail = t;
}

static rt_thread *fifo_pick(void *ctx)
{
	rt_thread *t = fifo.head;

	(void)ctx;
	if (t) {
		fifo.head = t->qnext;
		if (!fifo.head)
			fifo.tail = NULL;
	}
	return t;
}

static const rt_hook fifo_hook = { fifo_ready, fifo_pick, NULL };

static const rt_hook *active_hook(void)
{
	return &hook;
}

int rt_set_hook(const rt_hook *h)
{
	if (cur || paused || n_ready) {
		rt_set_error("rt_set_hook: threads are ready or running");
		return EBUSY;
	}
	if (h && (!h->ready || !h->pick)) {
		rt_set_error("rt_set_hook: the hook needs both ready() and pick()");
		return EINVAL;
	}
	hook = h ? *h : fifo_hook;
	return 0;
}

/* The handoff's path (make_ready, pick_next, switch_to, reschedule) is
 * inline: at a few nanoseconds a switch, each call on it shows. */
#define HOT static inline __attribute__((always_inline))

HOT void make_ready(rt_thread *t, rt_state state)
{
	const rt_hook *h = active_hook();

	t->state = state;
	n_ready++;
	h->ready(h->ctx, t);
}

/* A hook bug: there is no sane way to go on. */
static _Noreturn __attribute__((noinline, cold)) void hook_bug(const rt_thread *t)
{
	fprintf(stderr, "schedsim: scheduling hook picked thread '%s', which is %s, not ready\n",
		t->name ? t->name : "?", rt_state_name(t->state));
	abort();
}

HOT rt_thread *pick_next(void)
{
	const rt_hook *h = active_hook();
	rt_thread *t = h->pick(h->ctx);

	if (!t)
		return NULL;
	if ((t->flags & RT_F_FREE) || (t->state != RT_NEW && t->state != RT_READY))
		hook_bug(t);
	n_ready--;
	return t;
}

/* ---- switching ------------------------------------------------------ */

static void release_stack(rt_thread *t)
{
	size_t used = rt_stack_put(&t->stack, (const char *)t->ctx);

	if (used > t->high_water)
		t->high_water = used;
	t->ctx = NULL;
}

/* Runs in whichever context has just been switched to. */
static void after_switch(void)
{
	if (zombie) {
		release_stack(zombie);
		zombie = NULL;
	}
}

HOT void enter(rt_thread *next)
{
	next->state = RT_RUNNING;
	next->counters.dispatches++;
	cur = next;
	n_switches++;
}

HOT void switch_to(struct rt_ctx *from, rt_thread *next)
{
	enter(next);
	rt_ctx_switch(from, next->ctx);
	after_switch();
}

static void switch_to_main(rt_thread *self, int reason)
{
	cur = NULL;
	back_reason = reason;
	n_switches++;
	rt_ctx_switch(self->ctx, &main_ctx);
	after_switch();
}

/* self has been made ready or blocked: hand the CPU to the hook's pick. */
HOT void reschedule(rt_thread *self)
{
	rt_thread *next = pick_next();

	if (next == self)
		self->state = RT_RUNNING;
	else if (next)
		switch_to(self->ctx, next);
	else
		switch_to_main(self, BACK_IDLE);
}

static void thread_start(void)
{
	rt_ctx_arrived();
	after_switch();
	rt_exit(cur->fn(cur->arg));
}

_Noreturn void rt_exit(void *value)
{
	rt_thread *self = cur;

	if (!self) {
		fputs("schedsim: rt_exit: called outside any thread\n", stderr);
		abort();
	}
	self->value = value;
	self->state = RT_DONE;
	if (self->joiner) {
		self->joiner->joining = NULL;
		make_ready(self->joiner, RT_READY);
	}
	zombie = self;

	rt_thread *next = main_joins == self ? NULL : pick_next();
	if (next) {
		enter(next);
		rt_ctx_exit(next->ctx);
	}
	cur = NULL;
	back_reason = main_joins == self ? BACK_JOINED : BACK_IDLE;
	n_switches++;
	rt_ctx_exit(&main_ctx);
}

/* From main: run until control comes back; says why. */
static int run_main(void)
{
	if (paused) {
		rt_thread *t = paused;

		paused = NULL;
		cur = t;
		n_switches++;
		rt_ctx_switch(&main_ctx, t->ctx);
	} else {
		rt_thread *next = pick_next();

		if (!next)
			return BACK_IDLE;
		enter(next);
		rt_ctx_switch(&main_ctx, next->ctx);
	}
	after_switch();
	/* Spare stacks released meanwhile go back to the system now, in
	 * runs of neighbours (see rt_stack.c). */
	rt_stack_trim();
	return back_reason;
}

int rt_run(rt_run_end *why)
{
	if (cur) {
		rt_set_error("rt_run: called from thread '%s'", cur->name);
		return EPERM;
	}
	int r = run_main();

	if (why)
		*why = r == BACK_PAUSED ? RT_RUN_PAUSED : RT_RUN_IDLE;
	return 0;
}

static rt_thread *self_or_error(const char *call)
{
	if (!cur)
		rt_set_error("%s: called outside any thread", call);
	return cur;
}

int rt_pause(void)
{
	rt_thread *self = self_or_error("rt_pause");

	if (!self)
		return EPERM;
	paused = self;
	switch_to_main(self, BACK_PAUSED);
	return 0;
}

int rt_yield(void)
{
	rt_thread *self = self_or_error("rt_yield");

	if (!self)
		return EPERM;
	self->counters.yields++;
	make_ready(self, RT_READY);
	reschedule(self);
	return 0;
}

int rt_block(void)
{
	rt_thread *self = self_or_error("rt_block");

	if (!self)
		return EPERM;
	self->counters.blocks++;
	self->state = RT_BLOCKED;
	reschedule(self);
	return 0;
}

int rt_wake(rt_thread *t)
{
	if (!t) {
		rt_set_error("rt_wake: no thread given");
		return EINVAL;
	}
	if (t->flags & RT_F_FREE) {
		rt_set_error("rt_wake: thread '%s' was already joined", t->name ? t->name : "?");
		return EINVAL;
	}
	if (t->state != RT_BLOCKED) {
		rt_set_error("rt_wake: thread '%s' is not blocked (it is %s)",
			     t->name, rt_state_name(t->state));
		return EINVAL;
	}
	if (t->joining) {
		rt_set_error("rt_wake: thread '%s' is waiting in rt_join for '%s'",
			     t->name, t->joining->name);
		return EINVAL;
	}
	make_ready(t, RT_READY);
	return 0;
}

/* ---- creation and joining ------------------------------------------- */

static int set_name(rt_thread *t, const char *name)
{
	if (!name) {
		snprintf(t->name_buf, sizeof t->name_buf, "thread-%llu",
			 (unsigned long long)t->id);
		t->name = t->name_buf;
		return 0;
	}
	size_t len = strlen(name);
	if (len < sizeof t->name_buf) {
		memcpy(t->name_buf, name, len + 1);
		t->name = t->name_buf;
		return 0;
	}
	t->name = strdup(name);
	return t->name ? 0 : ENOMEM;
}

rt_thread *rt_create(const rt_attr *attr, rt_fn fn, void *arg)
{
	static const rt_attr defaults;
	int err;

	if (!attr)
		attr = &defaults;
	size_t want = attr->stack_size ? attr->stack_size : RT_STACK_DEFAULT;
	if (want < RT_STACK_MIN || want > RT_STACK_MAX) {
		rt_set_error("rt_create: stack size %zu is outside %zu..%zu",
			     want, RT_STACK_MIN, RT_STACK_MAX);
		errno = EINVAL;
		return NULL;
	}
	if (!fn) {
		rt_set_error("rt_create: no thread function given");
		errno = EINVAL;
		return NULL;
	}
	rt_guard_init();

	rt_thread *t = rt_pool_alloc();
	if (!t) {
		rt_set_error("rt_create: out of memory for a thread record");
		errno = ENOMEM;
		return NULL;
	}
	t->id = n_created + 1;
	if ((err = set_name(t, attr->name)) != 0) {
		rt_set_error("rt_create: out of memory for a thread name");
		goto fail;
	}
	t->stack_size = rt_stack_round(want);
	if ((err = rt_stack_get(&t->stack, t->stack_size)) != 0) {
		rt_set_error("rt_create: cannot map a %zu-byte stack for thread '%s': %s",
			     t->stack_size, t->name, strerror(err));
		goto fail;
	}
	/* The context sits in the top page of the stack (see rt_stack.h),
	 * RT_CTX_SKEW bytes into a cache line; the stack proper starts just
	 * below it.  Its offset in that page is staggered by thread: at one
	 * fixed offset the saved contexts and first frames of a thousand
	 * threads all fall in the same cache sets, and a handoff costs twice
	 * a raw swapcontext. */
	char *lo = t->stack.map + rt_stack_page();
	uintptr_t at = (uintptr_t)(rt_stack_top(&t->stack) - sizeof(struct rt_ctx));
	at -= (t->id % CTX_COLOURS) * CTX_STEP + RT_CTX_SKEW;
	t->ctx = (struct rt_ctx *)((at & ~(uintptr_t)63) + RT_CTX_SKEW);
	rt_ctx_make(t->ctx, lo, (size_t)((char *)t->ctx - lo), thread_start);

	t->fn = fn;
	t->arg = arg;
	t->priority = attr->priority;
	t->udata = attr->udata;
	n_created++;
	n_live++;
	make_ready(t, RT_NEW);
	return t;
fail:
	rt_pool_free(t);
	errno = err;
	return NULL;
}

static void release_thread(rt_thread *t)
{
	if (t->stack.map) {
		t->ctx = NULL;
		rt_stack_free(&t->stack);
	}
	n_live--;
	rt_pool_free(t);
}

static int join_check(rt_thread *t)
{
	if (!t) {
		rt_set_error("rt_join: no thread given");
		return EINVAL;
	}
	if (t->flags & RT_F_FREE) {
		rt_set_error("rt_join: thread '%s' was already joined", t->name ? t->name : "?");
		return EINVAL;
	}
	if (t == cur) {
		rt_set_error("rt_join: thread '%s' cannot join itself", t->name);
		return EDEADLK;
	}
	for (rt_thread *u = t->joining; cur && u; u = u->joining) {
		if (u == cur) {
			rt_set_error("rt_join: thread '%s' joining '%s' would deadlock",
				     cur->name, t->name);
			return EDEADLK;
		}
	}
	if (t->joiner || main_joins == t) {
		rt_set_error("rt_join: thread '%s' is already being joined by '%s'", t->name,
			     t->joiner ? t->joiner->name : "main");
		return EINVAL;
	}
	return 0;
}

int rt_join(rt_thread *t, void **value)
{
	int err = join_check(t);

	if (err)
		return err;
	if (t->state != RT_DONE && cur) {
		rt_thread *self = cur;

		t->joiner = self;
		self->joining = t;
		self->counters.blocks++;
		self->state = RT_BLOCKED;
		reschedule(self);
	} else if (t->state != RT_DONE) {
		/* From main: a pause on the way is resumed, it is not the end. */
		main_joins = t;
		while (t->state != RT_DONE && run_main() != BACK_IDLE)
			;
		main_joins = NULL;
		if (t->state != RT_DONE) {
			rt_set_error("rt_join: thread '%s' cannot finish: no thread is runnable",
				     t->name);
			return EDEADLK;
		}
	}
	if (value)
		*value = t->value;
	release_thread(t);
	return 0;
}

void rt_prefetch(const rt_thread *t)
{
	if (t->ctx)
		rt_ctx_prefetch(t->ctx);
}

rt_thread *rt_self(void)
{
	return cur;
}

void rt_stats_get(rt_stats *out)
{
	out->live = n_live;
	out->created = n_created;
	out->switches = n_switches;
	rt_stack_counts(&out->stacks_mapped, &out->stacks_cached);
}

static void shutdown_one(rt_thread *t)
{
	release_thread(t);
}

void rt_shutdown(void)
{
	if (cur) {
		rt_set_error("rt_shutdown: called from thread '%s'", cur->name);
		return;
	}
	if (zombie)
		after_switch();
	rt_pool_each(shutdown_one);
	rt_pool_drain();
	rt_stack_drain();
	paused = NULL;
	main_joins = NULL;
	hook = fifo_hook;
	fifo.head = fifo.tail = NULL;
	n_ready = 0;
	n_created = n_switches = 0;
	n_live = 0;
	errbuf[0] = '\0';
}
