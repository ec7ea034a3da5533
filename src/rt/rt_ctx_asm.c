/* rt_ctx_asm.c: the asm backend of the switch seam (--with-context=asm):
 * the first frame of a new context, and the prefetch hint.  The switch
 * itself is in rt_ctx_ARCH.S. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "rt_ctx.h"

_Static_assert(offsetof(struct rt_ctx, sp) == 0, "the asm keeps the stack pointer at offset 0");

#if defined(__x86_64__)
/* The first frame the switch resumes from (rt_ctx_x86_64.S), lowest
 * address first. */
struct first_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint32_t mxcsr;
	uint16_t x87_cw;
	uint16_t unused;
	uint64_t entry;         /* popped and jumped to */
	uint64_t entry_return;  /* entry's return address: none */
};

void rt_ctx_make(struct rt_ctx *ctx, void *stack, size_t size, void (*entry)(void))
{
	/* At entry, as after a call, the stack pointer is 8 below a
	 * 16-byte boundary: the frame ends on one. */
	uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15;
	struct first_frame *f = (struct first_frame *)(top - sizeof *f);
	struct first_frame init = { 0 };

	/* entry starts with the stack pointer at &f->entry_return. */
	_Static_assert(offsetof(struct first_frame, entry_return) == sizeof(struct first_frame) - 8,
		       "entry's stack alignment");
	/* The new thread starts with its creator's rounding and exception
	 * masks, as makecontext() gives it. */
	__asm__ volatile("stmxcsr %0" : "=m"(init.mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(init.x87_cw));
	init.entry = (uint64_t)(uintptr_t)entry;
	memcpy(f, &init, sizeof init);
	ctx->sp = f;
#ifdef SCHEDSIM_ASAN
	ctx->fake_stack = NULL;
	ctx->stack_lo = stack;
	ctx->stack_len = size;
#endif
}
#else
#error "no asm context backend for this architecture (configure should have refused)"
#endif

void rt_ctx_prefetch(const struct rt_ctx *ctx)
{
	/* The context's line, and the lines below it where the thread's
	 * frames and its saved registers are (an engine thread's are under
	 * 384 bytes).  Not through ctx->sp: reading it is the very miss
	 * this is to hide, and the prefetch would wait for it. */
	const char *c = (const char *)ctx;

	for (int i = 0; i <= 6; i++)
		__builtin_prefetch(c - i * 64, 1);
}
