/* rt_ctx_x86_64.S: the asm backend's one-way switch, x86-64 System V:
 * continue in a saved context and save nothing (a thread that exits).
 * It resumes the frame rt_ctx_x86_64_int.h describes and leaves, the
 * same way as the inline switch does; it is out of line because nothing
 * returns to its caller. */
	.text

/* _Noreturn void rt_ctx_backend_jump(const struct rt_ctx *to) */
	.globl	rt_ctx_backend_jump
	.hidden	rt_ctx_backend_jump
	.type	rt_ctx_backend_jump, @function
	.p2align 4
rt_ctx_backend_jump:
	movq	(%rdi), %rsp
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
	.size	rt_ctx_backend_jump, . - rt_ctx_backend_jump

	.section .note.GNU-stack, "", @progbits
