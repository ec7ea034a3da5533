/* rt_asan.c: options the runtime needs from AddressSanitizer (ASan builds
 * only).  The overflow handler must stay installed when ASan intercepts
 * sigaction, and ASan's own SIGSEGV handler must not use (and replace)
 * the alternate signal stack the runtime sets up. */
#include <config.h>

#ifdef SCHEDSIM_ASAN
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "allow_user_segv_handler=1";
}
#endif
