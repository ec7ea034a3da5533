/* rt_ctx.c: the switch seam's half that is the same on every backend:
 * ASan's fiber bookkeeping around each switch, leaving for good, and the
 * first words of a new context. */
#include <config.h>

#include <stddef.h>

#include "rt_ctx.h"

#ifdef SCHEDSIM_ASAN
#include <sanitizer/common_interface_defs.h>

/* The context being left, so the arriving side can tell ASan where the
 * stack it came from lies (only main's bounds are not known up front). */
static struct rt_ctx *ctx_leaving;

static void asan_arrived(void *fake_stack)
{
	const void *lo;
	size_t len;

	__sanitizer_finish_switch_fiber(fake_stack, &lo, &len);
	if (ctx_leaving && !ctx_leaving->stack_lo) {
		ctx_leaving->stack_lo = lo;
		ctx_leaving->stack_len = len;
	}
}

void rt_ctx_fiber_leave(struct rt_ctx *from, const struct rt_ctx *to)
{
	ctx_leaving = from;
	__sanitizer_start_switch_fiber(&from->fake_stack, to->stack_lo, to->stack_len);
}

void rt_ctx_fiber_arrive(struct rt_ctx *self)
{
	asan_arrived(self->fake_stack);
}
#endif

_Noreturn void rt_ctx_exit(struct rt_ctx *to)
{
#ifdef SCHEDSIM_ASAN
	ctx_leaving = NULL;
	/* NULL: the leaving fiber's fake stack is destroyed, not kept. */
	__sanitizer_start_switch_fiber(NULL, to->stack_lo, to->stack_len);
#endif
	rt_ctx_backend_jump(to);
}

void rt_ctx_arrived(void)
{
#ifdef SCHEDSIM_ASAN
	asan_arrived(NULL);
#endif
}
