/* rt_ctx.h: the context-switch seam of the runtime (internal).
 *
 * Two operations and nothing else: make a context that will start in a
 * function on a given stack, and switch to a context.  ucontext sits
 * underneath today; a hand-written switch could replace this file pair
 * without touching rt.c.  Under SCHEDSIM_ASAN every switch is bracketed by
 * the sanitizer's fiber calls so it knows which stack is live.
 */
#ifndef SCHEDSIM_RT_CTX_H
#define SCHEDSIM_RT_CTX_H

#include <stddef.h>
#include <ucontext.h>

struct rt_ctx {
	ucontext_t uc;
#ifdef SCHEDSIM_ASAN
	void *fake_stack;       /* ASan's fake frames of this context */
	const void *stack_lo;   /* bounds of its stack, learnt for main */
	size_t stack_len;
#endif
};

/* Where in a cache line a context should start: swapcontext() reads and
 * writes the registers, the FPU environment pointer, the signal mask and
 * the FPU environment, and with the registers starting a line those fall
 * in 5 lines instead of 7.  Each is a miss when a thousand threads take
 * turns. */
#define RT_CTX_SKEW ((64 - offsetof(struct rt_ctx, uc.uc_mcontext.gregs[REG_R8]) % 64) % 64)

/* A hint that ctx is switched to soon: its saved state, and the frames
 * just below it that the switch returns through, start coming in. */
void rt_ctx_prefetch(const struct rt_ctx *ctx);

/* Make ctx start entry() on [stack, stack + size) at its first switch-in.
 * entry must call rt_ctx_arrived() first and must never return. */
void rt_ctx_make(struct rt_ctx *ctx, void *stack, size_t size, void (*entry)(void));

/* Save the caller in from and continue to; returns when someone switches
 * back to from. */
void rt_ctx_switch(struct rt_ctx *from, struct rt_ctx *to);

/* Leave a context for good (its stack is about to be released). */
_Noreturn void rt_ctx_exit(struct rt_ctx *to);

/* First thing a new context does (the sanitizer must hear that the
 * switch completed before any other code runs). */
void rt_ctx_arrived(void);

#endif
