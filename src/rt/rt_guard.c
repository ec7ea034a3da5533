/* rt_guard.c: a stack overflow becomes a sentence, not a bare segfault.
 *
 * The handler runs on an alternate signal stack (the faulting stack has no
 * room left).  A fault in a thread's guard page, or a stack pointer that
 * has gone below it, is reported as that thread's overflow; anything else
 * goes back to the previous disposition and faults again as usual.
 */
#include <config.h>

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "rt_int.h"

/* Room for the handler, ASan's interceptors included. */
#define ALT_STACK_SIZE ((size_t)64 * 1024)
/* A frame bigger than the guard page lands below it: for the running
 * thread, faults this far below its guard still count as its overflow. */
#define GUARD_SLACK ((size_t)64 * 1024)

static void (*volatile fatal_fn)(void);
static struct sigaction old_segv, old_bus;
static int installed;

void rt_on_fatal(void (*fn)(void))
{
	fatal_fn = fn;
}

static int guard_match(const rt_thread *t, const void *addr)
{
	return rt_stack_guard_hit(&t->stack, addr, 0);
}

static char *append(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

static char *append_size(char *p, size_t v)
{
	char digits[24];
	size_t n = 0;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		*p++ = digits[--n];
	return p;
}

static _Noreturn void report(const rt_thread *t)
{
	char msg[512];
	char *p = msg;
	const char *name = t->name ? t->name : "?";
	size_t room = sizeof msg - 64;

	if (fatal_fn)
		fatal_fn();
	p = append(p, "schedsim: thread '");
	if (strlen(name) > room - 40) {
		memcpy(p, name, room - 40);
		p += room - 40;
	} else {
		p = append(p, name);
	}
	p = append(p, "' overflowed its ");
	p = append_size(p, t->stack_size);
	p = append(p, "-byte stack\n");
	ssize_t w = write(STDERR_FILENO, msg, (size_t)(p - msg));
	(void)w;
	_exit(1);
}

static const void *fault_sp(void *ucv)
{
#if defined(__x86_64__) && defined(REG_RSP)
	return (const void *)(uintptr_t)((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RSP];
#else
	(void)ucv;
	return NULL;
#endif
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	rt_thread *t = rt_self();
	const void *sp = fault_sp(ucv);

	if (t && (rt_stack_guard_hit(&t->stack, si->si_addr, GUARD_SLACK) ||
		  (sp && rt_stack_guard_hit(&t->stack, sp, GUARD_SLACK))))
		report(t);
	t = rt_pool_find(guard_match, si->si_addr);
	if (t)
		report(t);

	/* Not ours: the faulting instruction runs again under the old
	 * disposition; a signal sent by someone is re-raised instead. */
	sigaction(sig, sig == SIGBUS ? &old_bus : &old_segv, NULL);
	if (si->si_code <= 0)
		raise(sig);
}

void rt_guard_init(void)
{
	if (installed)
		return;
	installed = 1;

	stack_t ss = { 0 };
	ss.ss_size = ALT_STACK_SIZE;
	ss.ss_sp = mmap(NULL, ss.ss_size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ss.ss_sp == MAP_FAILED)
		return;  /* no report possible; a plain crash remains */
	if (sigaltstack(&ss, NULL) != 0) {
		munmap(ss.ss_sp, ss.ss_size);
		return;
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
}
