/* ui_drive: the live view on a built-in C workload whose second thread
 * goes wrong a few events in, for tests/tui.sh.  `ui_drive` overflows its
 * stack: the terminal must come back with the runtime's message readable.
 * `ui_drive fail` asks for negative CPU time: a run-time failure the view
 * shows as FAILED, then reports on exit with status 1. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ui/ui.h"

static void calm(void *arg)
{
	(void)arg;
	sim_cpu(3);
	sim_io(2);
	sim_cpu(3);
}

/* Deep enough for any stack; the use after the call keeps every frame. */
static long deep(long n)
{
	volatile char pad[512];

	pad[0] = (char)n;
	long r = n > 0 ? deep(n - 1) : 0;
	return r + pad[0];
}

static void overflow(void *arg)
{
	(void)arg;
	sim_cpu(2);
	deep(100000000);
}

static void bad(void *arg)
{
	(void)arg;
	sim_cpu(2);
	sim_cpu(-1);
}

static sim *make(void *ctx, const char *policy, char *err, size_t errlen)
{
	sim_options o;
	sim_body second = ctx ? bad : overflow;

	sim_options_default(&o);
	o.policy = policy ? policy : "rr";
	sim *s = sim_new(NULL, &o, err, errlen);
	if (s && (sim_spawn(s, "calm", 0, 1, 6, calm, NULL) < 0 ||
		  sim_spawn(s, "deep", 1, 1, -1, second, NULL) < 0)) {
		snprintf(err, errlen, "%s", sim_error(s));
		sim_free(s);
		return NULL;
	}
	return s;
}

int main(int argc, char **argv)
{
	static int failing; /* make()'s context: present when failing */
	bool fail = argc > 1 && !strcmp(argv[1], "fail");
	ui_source src = { make, fail ? &failing : NULL, "ui_drive",
			  fail ? "a thread that asks for negative CPU time"
			       : "a thread that overflows its stack" };
	ui_config cfg = { true };

	return ui_live(&src, &cfg);
}
