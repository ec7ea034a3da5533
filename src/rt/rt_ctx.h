/* rt_ctx.h: the context-switch seam of the runtime (internal).
 *
 * Two operations and nothing else: make a context that will start in a
 * function on a given stack, and switch to a context.  Two backends sit
 * underneath, chosen by configure (--with-context):
 *
 *   ucontext (default)  glibc getcontext/makecontext/swapcontext, in
 *                       rt_ctx_uc.c: portable, and each switch saves and
 *                       restores the signal mask (a system call).
 *   asm                 rt_ctx_asm.c, rt_ctx_x86_64_int.h (the switch,
 *                       inline) and rt_ctx_x86_64.S: the callee-saved
 *                       registers, MXCSR and the x87 control word pushed
 *                       on the outgoing stack, the stack pointer kept in
 *                       the context; no system call, no signal mask.
 *
 * rt.c sees only what is declared here.  Under SCHEDSIM_ASAN every switch
 * is bracketed by the sanitizer's fiber calls (rt_ctx.c) so it knows which
 * stack is live; the backends know nothing of it.
 */
#ifndef SCHEDSIM_RT_CTX_H
#define SCHEDSIM_RT_CTX_H

#include <stddef.h>
#ifndef SCHEDSIM_CTX_ASM
#include <ucontext.h>
#endif

struct rt_ctx {
#ifdef SCHEDSIM_CTX_ASM
	void *sp;               /* first: the asm reads and writes it at offset 0 */
#else
	ucontext_t uc;
#endif
#ifdef SCHEDSIM_ASAN
	void *fake_stack;       /* ASan's fake frames of this context */
	const void *stack_lo;   /* bounds of its stack, learnt for main */
	size_t stack_len;
#endif
};

/* Where in a cache line a context should start.  ucontext: swapcontext()
 * reads and writes the registers, the FPU environment pointer, the signal
 * mask and the FPU environment, and with the registers starting a line
 * those fall in 5 lines instead of 7.  Each is a miss when a thousand
 * threads take turns.  asm: the context is one pointer; the saved
 * registers are on the thread's stack, just below where it stopped. */
#ifdef SCHEDSIM_CTX_ASM
#define RT_CTX_SKEW 0
#else
#define RT_CTX_SKEW ((64 - offsetof(struct rt_ctx, uc.uc_mcontext.gregs[REG_R8]) % 64) % 64)
#endif

/* A hint that ctx is switched to soon: its saved state, and the frames
 * just below it that the switch returns through, start coming in. */
void rt_ctx_prefetch(const struct rt_ctx *ctx);

/* Make ctx start entry() on [stack, stack + size) at its first switch-in.
 * entry must call rt_ctx_arrived() first and must never return. */
void rt_ctx_make(struct rt_ctx *ctx, void *stack, size_t size, void (*entry)(void));

/* The backend's switch: save the caller in from, continue in to.  The
 * asm one is inline (see there why). */
#if defined(SCHEDSIM_CTX_ASM) && defined(__x86_64__)
#include "rt_ctx_x86_64_int.h"
#else
void rt_ctx_backend_swap(struct rt_ctx *from, const struct rt_ctx *to);
#endif
/* The backend's one-way switch: continue in to, save nothing. */
_Noreturn void rt_ctx_backend_jump(const struct rt_ctx *to);

#ifdef SCHEDSIM_ASAN
/* rt_ctx.c: tell ASan a switch from from to to starts, and, on the side
 * that resumes, that it completed. */
void rt_ctx_fiber_leave(struct rt_ctx *from, const struct rt_ctx *to);
void rt_ctx_fiber_arrive(struct rt_ctx *self);
#endif

/* Save the caller in from and continue to; returns when someone switches
 * back to from.  Inline: on the asm backend the call into the switch is
 * most of what a handoff costs beyond the registers. */
static inline void rt_ctx_switch(struct rt_ctx *from, struct rt_ctx *to)
{
#ifdef SCHEDSIM_ASAN
	rt_ctx_fiber_leave(from, to);
#endif
	rt_ctx_backend_swap(from, to);
#ifdef SCHEDSIM_ASAN
	rt_ctx_fiber_arrive(from);
#endif
}

/* Leave a context for good (its stack is about to be released). */
_Noreturn void rt_ctx_exit(struct rt_ctx *to);

/* First thing a new context does (the sanitizer must hear that the
 * switch completed before any other code runs). */
void rt_ctx_arrived(void);

#endif
