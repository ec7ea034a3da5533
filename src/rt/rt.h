/* rt.h: green threads multiplexed on one OS thread.
 *
 * Every simulated thread in schedsim is one of these: a real stack and a real
 * body of C code.  The runtime owns stacks, contexts and thread lifetimes; it
 * never decides who runs next.  That choice belongs to a hook (rt_hook) that
 * the simulation engine and its policies provide.  Without one, a built-in
 * first-come-first-served hook is used so plain C code can use the runtime
 * on its own.
 *
 * Model.  The program's original context ("main") calls rt_run(), which
 * hands the CPU to the hook's first pick.  From then on each switch goes
 * straight from the outgoing thread to the one the hook picks, on the
 * outgoing thread's stack: one context switch per handoff, never two through
 * a scheduler context.  Control returns to main when the hook has nothing
 * left to run, or when a thread calls rt_pause().
 *
 * Errors.  Calls that can be misused return 0 on success and a positive
 * errno value otherwise (EINVAL, EDEADLK, EPERM, ENOMEM, ...), never a
 * negative one, rt_run() included (what else a call says comes back through
 * a pointer); rt_create() returns NULL and sets errno.  rt_error() then gives
 * a sentence naming the call and the thread, e.g. "rt_join: thread 'P1'
 * cannot join itself".
 *
 * Stacks.  Each stack is an mmap'd region with a no-access guard page
 * below it (MADV_GUARD_INSTALL where the kernel has it, so 100,000 stacks
 * stay within vm.max_map_count; mprotect otherwise).  A thread gets at
 * least rt_stack_size() usable bytes.  Stacks of finished threads are
 * cached and reused; a stack is never freed while in use.  The first 64
 * released are zeroed for reuse at once (a mincore and a memset); beyond
 * them a release costs no system call, and the spares are zeroed when
 * reused or unmapped in bulk once control is back in main.
 *
 * Overflow.  The first rt_create() installs SIGSEGV and SIGBUS handlers on
 * an alternate signal stack.  A fault in a thread's guard page (or with the
 * stack pointer below it) calls the rt_on_fatal() hook, prints
 * "schedsim: thread 'NAME' overflowed its N-byte stack" and exits with
 * status 1.  Any other fault goes back to the disposition found before and
 * faults again.  Code that installs its own crash handler later should do
 * the same (restore the old action and return) so overflows are still told.
 * A frame larger than the guard page is caught only if its pages are
 * touched in order: the build compiles everything with
 * -fstack-clash-protection (configure), and code built elsewhere that runs
 * on these stacks should be too.
 *
 * Switching.  configure --with-context picks how a switch is made:
 * ucontext (the default, portable: glibc swapcontext) or asm (a
 * hand-written switch, x86-64 only, ~50x cheaper).  SCHEDSIM_CONTEXT in
 * config.h names the one built.  Signal masks: the ucontext backend
 * saves the mask with each context and restores it when switching in, so
 * each thread keeps its own.  The asm backend does NOT save or restore the
 * signal mask: there is one mask, the OS thread's, and a thread that
 * blocks a signal and then switches away leaves it blocked for whoever
 * runs next.  Code that changes the mask must restore it before it
 * yields, blocks, pauses or exits.
 *
 * Not thread-safe: one OS thread owns the runtime.
 */
#ifndef SCHEDSIM_RT_H
#define SCHEDSIM_RT_H

#include <stddef.h>
#include <stdint.h>

typedef struct rt_thread rt_thread;

typedef enum rt_state {
	RT_NEW,      /* created, never run; already handed to the hook's ready() */
	RT_READY,    /* runnable, waiting in the hook's queue */
	RT_RUNNING,  /* on the CPU (exactly one thread, or none while main runs) */
	RT_BLOCKED,  /* waiting for rt_wake() or for a joined thread to finish */
	RT_DONE      /* returned or called rt_exit(); value kept until joined */
} rt_state;

/* Stack sizes in bytes.  Requests are rounded up to whole pages; anything
 * outside [RT_STACK_MIN, RT_STACK_MAX] is refused with EINVAL. */
#define RT_STACK_DEFAULT ((size_t)64 * 1024)
#define RT_STACK_MIN ((size_t)16 * 1024)
#define RT_STACK_MAX ((size_t)256 * 1024 * 1024)

typedef struct rt_attr {
	const char *name;   /* copied; NULL gives "thread-ID" */
	size_t stack_size;  /* 0 gives RT_STACK_DEFAULT */
	int priority;       /* carried for the hook; the runtime ignores it */
	void *udata;        /* carried for the hook and the body */
} rt_attr;

typedef void *(*rt_fn)(void *arg);

/* Who runs next.  ready() is called whenever a thread becomes runnable
 * (created, yielded, woken, or its joinee finished); pick() removes and
 * returns the next thread to run, or NULL when there is none.  pick() runs
 * on the outgoing thread's stack (or main's), so it must not block, yield
 * or switch; it may call rt_pause()'s counterpart only through the engine.
 * pick() may return the thread that just yielded: it then simply goes on,
 * with no switch.  Returning a thread that is not new or ready is a bug in
 * the hook: the runtime says so on stderr and aborts. */
typedef struct rt_hook {
	void (*ready)(void *ctx, rt_thread *t);
	rt_thread *(*pick)(void *ctx);
	void *ctx;
} rt_hook;

/* Install the scheduling hook (copied).  NULL restores the built-in FIFO
 * hook.  Only while no thread is ready or running: EBUSY otherwise. */
int rt_set_hook(const rt_hook *hook);

/* Create a thread that will run fn(arg); it becomes READY through the hook.
 * attr may be NULL for all defaults.  NULL and errno on failure. */
rt_thread *rt_create(const rt_attr *attr, rt_fn fn, void *arg);

/* From main: run threads until the hook has nothing to pick (*why becomes
 * RT_RUN_IDLE) or a thread calls rt_pause() (RT_RUN_PAUSED).  A paused
 * thread continues where it stopped at the next rt_run(), before the hook is
 * asked for anyone.  why may be NULL.  0, or EPERM when called from inside
 * a thread (*why is then left alone). */
typedef enum rt_run_end { RT_RUN_IDLE, RT_RUN_PAUSED } rt_run_end;
int rt_run(rt_run_end *why);

/* From a thread: stay RUNNING but give control back to rt_run()'s caller. */
int rt_pause(void);

/* From a thread: become READY (through the hook) and let pick() choose. */
int rt_yield(void);

/* From a thread: become BLOCKED until some other code calls rt_wake(). */
int rt_block(void);

/* Make a BLOCKED thread READY (through the hook).  EINVAL otherwise, and
 * for a thread blocked inside rt_join() (its joinee wakes it). */
int rt_wake(rt_thread *t);

/* Finish the calling thread with a value for its joiner.  Returning from
 * the body is the same as rt_exit(return value).  Outside a thread the
 * runtime reports the misuse on stderr and aborts: it cannot return. */
_Noreturn void rt_exit(void *value);

/* Wait for t to finish, store its exit value in *value (if non-NULL), and
 * release t: the handle is invalid afterwards.  From a thread, the caller
 * blocks.  From main, runs threads (as rt_run) until t is done, EDEADLK if
 * nothing runnable is left first; a thread that pauses meanwhile is resumed
 * at once.  Errors: joining yourself or a thread that is (through others)
 * joining you (EDEADLK), a thread already joined or being joined (EINVAL).
 * "Already joined" is caught as long as the record was not reused by a
 * later rt_create(). */
int rt_join(rt_thread *t, void **value);

/* A hint, for a hook that knows whom it will pick: t's saved context starts
 * coming into the cache, so the switch to it waits less.  Nothing else. */
void rt_prefetch(const rt_thread *t);

/* The running thread, or NULL in main. */
rt_thread *rt_self(void);

/* Last error message of this runtime ("" if none). */
const char *rt_error(void);

/* Per-thread facts. */
typedef struct rt_counters {
	uint64_t dispatches;  /* times pick() chose it and it was switched in
	                       * (not: resuming after rt_pause(), nor a
	                       * yield whose pick() chose the yielder again) */
	uint64_t yields;      /* rt_yield() calls */
	uint64_t blocks;      /* rt_block() calls and blocking joins */
} rt_counters;

uint64_t rt_id(const rt_thread *t);          /* 1, 2, ... in creation order */
const char *rt_name(const rt_thread *t);
rt_state rt_state_of(const rt_thread *t);
const char *rt_state_name(rt_state s);       /* "new", "ready", ... */
int rt_priority(const rt_thread *t);
void rt_set_priority(rt_thread *t, int priority);
void *rt_udata(const rt_thread *t);
void rt_set_udata(rt_thread *t, void *udata);
const rt_counters *rt_counters_of(const rt_thread *t);
size_t rt_stack_size(const rt_thread *t);    /* usable bytes, page-rounded */
/* Deepest use so far in bytes, measured when asked without filling stacks
 * with a pattern: fresh pages read as zero, so it is the distance from the
 * top to the deepest non-zero byte in the lowest resident page.  A zero
 * written deepest is not seen.  Not at every exit: a finished thread keeps
 * the figure of the last look, and of one more taken as its stack went
 * back to the bounded cache (zeroing it for reuse needs that look anyway);
 * a stack released beyond the cache is not looked at. */
size_t rt_stack_high_water(const rt_thread *t);

/* Whole-runtime facts. */
typedef struct rt_stats {
	size_t live;          /* created and not yet joined */
	uint64_t created;
	uint64_t switches;    /* context switches made */
	size_t stacks_mapped; /* stacks currently mapped (in use or cached) */
	size_t stacks_cached; /* of which kept for reuse: at most 64 once
	                       * control is back in main (the rest are
	                       * unmapped then, in runs of neighbours) */
} rt_stats;
void rt_stats_get(rt_stats *out);

/* Called, async-signal-safely, before a fatal report such as a stack
 * overflow, so a terminal UI can restore the screen first.  NULL clears. */
void rt_on_fatal(void (*fn)(void));

/* Release every thread and stack (blocked and paused ones too), and start
 * afresh: ids from 1, the FIFO hook, zero stats.  Only from main; from a
 * thread it sets rt_error() and does nothing. */
void rt_shutdown(void);

#endif
