/* rt_ctx_uc.c: the ucontext backend of the switch seam (the default). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "rt_ctx.h"

#ifdef SCHEDSIM_ASAN
/* ASan's swapcontext interceptor warns that it "doesn't fully support"
 * it on first use.  The fiber annotations (rt_ctx.c) are the support it
 * lacks, so swap with the two halves, which it does not intercept. */
static const ucontext_t *swap_to;

static __attribute__((noinline)) void ctx_swap(ucontext_t *from, const ucontext_t *to)
{
	volatile int resumed = 0;

	swap_to = to;
	getcontext(from);
	if (!resumed) {
		resumed = 1;
		setcontext(swap_to);
	}
}
#else
#define ctx_swap swapcontext
#endif

/* getcontext() returns twice as far as the compiler knows: kept apart
 * from any caller with live locals (-Wclobbered). */
static __attribute__((noinline)) int ctx_capture(ucontext_t *uc)
{
	return getcontext(uc);
}

void rt_ctx_make(struct rt_ctx *ctx, void *stack, size_t size, void (*entry)(void))
{
	if (ctx_capture(&ctx->uc) != 0) {
		perror("schedsim: getcontext");
		abort();
	}
	ctx->uc.uc_stack.ss_sp = stack;
	ctx->uc.uc_stack.ss_size = size;
	ctx->uc.uc_stack.ss_flags = 0;
	ctx->uc.uc_link = NULL;
	makecontext(&ctx->uc, entry, 0);
#ifdef SCHEDSIM_ASAN
	ctx->fake_stack = NULL;
	ctx->stack_lo = stack;
	ctx->stack_len = size;
#endif
}

void rt_ctx_prefetch(const struct rt_ctx *ctx)
{
	/* The lines RT_CTX_SKEW groups, and a thread's frames down to the
	 * switch: an engine thread's are under 256 bytes. */
	static const unsigned short hot[] = {
		offsetof(ucontext_t, uc_mcontext.gregs[REG_R8]),
		offsetof(ucontext_t, uc_mcontext.gregs[REG_RSP]),
		offsetof(ucontext_t, uc_mcontext.fpregs),
		offsetof(ucontext_t, uc_sigmask),
		offsetof(ucontext_t, __fpregs_mem),
	};
	const char *c = (const char *)&ctx->uc;

	for (size_t i = 0; i < sizeof hot / sizeof hot[0]; i++)
		__builtin_prefetch(c + hot[i], 1);
	for (int i = 1; i <= 5; i++)
		__builtin_prefetch((const char *)ctx - i * 64, 1);
}

void rt_ctx_backend_swap(struct rt_ctx *from, const struct rt_ctx *to)
{
	ctx_swap(&from->uc, &to->uc);
}

_Noreturn void rt_ctx_backend_jump(const struct rt_ctx *to)
{
	setcontext(&to->uc);
	perror("schedsim: setcontext");
	abort();
}
