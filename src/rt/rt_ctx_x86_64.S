/* rt_ctx_x86_64.S: the asm backend's switch, x86-64 System V.
 *
 * What is saved is what the ABI says a callee must preserve: rbx, rbp,
 * r12-r15, the stack pointer, and the control bits of MXCSR and of the x87
 * control word.  Everything else is caller-saved, so the C caller already
 * treats it as clobbered by the call.  The registers go on the outgoing
 * stack and the stack pointer into the context (struct rt_ctx, offset 0).
 * The signal mask is not touched (no system call; see rt.h).
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
 * The switch ends in `pop; jmp *reg`, not `ret`: a `ret` to another
 * stack's return address is mispredicted by the return stack buffer every
 * time (measured here: ~9.9 ns a switch with `ret`, ~1.9 ns with `jmp`).
 */
	.text

/* void rt_ctx_backend_swap(struct rt_ctx *from, const struct rt_ctx *to) */
	.globl	rt_ctx_backend_swap
	.hidden	rt_ctx_backend_swap
	.type	rt_ctx_backend_swap, @function
	.p2align 4
rt_ctx_backend_swap:
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
.Lresume:
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%rcx
	jmpq	*%rcx
	.size	rt_ctx_backend_swap, . - rt_ctx_backend_swap

/* _Noreturn void rt_ctx_backend_jump(const struct rt_ctx *to) */
	.globl	rt_ctx_backend_jump
	.hidden	rt_ctx_backend_jump
	.type	rt_ctx_backend_jump, @function
	.p2align 4
rt_ctx_backend_jump:
	movq	(%rdi), %rsp
	jmp	.Lresume
	.size	rt_ctx_backend_jump, . - rt_ctx_backend_jump

	.section .note.GNU-stack, "", @progbits
