/* rt_ctx_x86_64_int.h: the asm backend's switch, x86-64 System V, inline.
 *
 * What is saved is what the ABI says a callee must preserve: rbx, rbp,
 * r12-r15, the stack pointer, and the control bits of MXCSR and of the x87
 * control word.  The caller-saved registers are declared clobbered, so the
 * compiler keeps nothing live in them across the switch.  The registers go
 * on the outgoing stack and the stack pointer into the context (struct
 * rt_ctx, offset 0).  The signal mask is not touched (no system call; see
 * rt.h).
 *
 * Frame left on a stack that is switched away from (rt_ctx_asm.c builds
 * the same one for a context that has never run), from sp upwards:
 *
 *   sp+0   r15, r14, r13, r12, rbx, rbp
 *   sp+48  MXCSR (4 bytes), x87 control word (2), 2 unused
 *   sp+56  where to continue
 *
 * The control words sit above the registers so that a new context's
 * frame, whose registers are all zero, reads as 24 bytes deep to the
 * high-water scan (the first non-zero byte), not 72.
 *
 * The control words are loaded only when they differ from the outgoing
 * thread's (they almost never do): fldcw alone was a quarter of a
 * handoff's cycles.
 *
 * It ends in `pop; jmp *reg`, and it is inline, not called: the return
 * stack buffer sees no call, so it stays paired with the calls and returns
 * of the threads' own code.  A switch that is called and ends in `ret`
 * returns to another stack's return address; one that is called and ends
 * in `jmp` leaves a call unreturned.  Either way the returns after it
 * mispredict: measured here, a runtime handoff cost 34-40 ns with a called
 * `jmp` switch, 12-15 ns with a called `ret` one.  Its first 128 bytes
 * step over the red zone, which the compiler may be using below sp.
 */
#ifndef SCHEDSIM_RT_CTX_X86_64_INT_H
#define SCHEDSIM_RT_CTX_X86_64_INT_H

static inline void rt_ctx_backend_swap(struct rt_ctx *from, const struct rt_ctx *to)
{
	__asm__ volatile(
		"leaq	-128(%%rsp), %%rsp\n\t"
		"leaq	1f(%%rip), %%rax\n\t"
		"pushq	%%rax\n\t"
		"subq	$8, %%rsp\n\t"
		"stmxcsr	(%%rsp)\n\t"
		"fnstcw	4(%%rsp)\n\t"
		"pushq	%%rbp\n\t"
		"pushq	%%rbx\n\t"
		"pushq	%%r12\n\t"
		"pushq	%%r13\n\t"
		"pushq	%%r14\n\t"
		"pushq	%%r15\n\t"
		"movq	%%rsp, (%0)\n\t"
		"movl	48(%%rsp), %%eax\n\t"
		"movzwl	52(%%rsp), %%edx\n\t"
		"movq	(%1), %%rsp\n\t"
		"popq	%%r15\n\t"
		"popq	%%r14\n\t"
		"popq	%%r13\n\t"
		"popq	%%r12\n\t"
		"popq	%%rbx\n\t"
		"popq	%%rbp\n\t"
		"cmpl	(%%rsp), %%eax\n\t"
		"je	2f\n\t"
		"ldmxcsr	(%%rsp)\n"
		"2:\n\t"
		"cmpw	4(%%rsp), %%dx\n\t"
		"je	3f\n\t"
		"fldcw	4(%%rsp)\n"
		"3:\n\t"
		"addq	$8, %%rsp\n\t"
		"popq	%%rcx\n\t"
		"jmpq	*%%rcx\n"
		"1:\n\t"
		"leaq	128(%%rsp), %%rsp"
		: "+D"(from), "+S"(to)
		:
		: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory", "cc",
		  "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
		  "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
		  "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)");
}

#endif
