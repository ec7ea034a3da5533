/* event.c: the names of the vocabulary (event.h), and the default options.
 * Nothing here may need the engine: the trace reader links this alone. */
#include <config.h>

#include <string.h>

#include "event.h"

void sim_options_default(sim_options *o)
{
	memset(o, 0, sizeof *o);
	o->policy = "fifo";
}

const char *sim_ev_name(sim_ev_kind k)
{
	static const char *const names[SIM_EV_KINDS] = {
		[SIM_EV_ARRIVE] = "arrive",
		[SIM_EV_DISPATCH] = "dispatch",
		[SIM_EV_PREEMPT] = "preempt",
		[SIM_EV_BLOCK] = "block",
		[SIM_EV_WAKE] = "wake",
		[SIM_EV_EXIT] = "exit",
		[SIM_EV_IDLE] = "idle",
		[SIM_EV_SWITCH] = "switch",
		[SIM_EV_PRIO] = "prio",
		[SIM_EV_END] = "end",
	};

	return (unsigned)k < SIM_EV_KINDS ? names[k] : "?";
}

const char *sim_sync_kind_name(sim_sync_kind k)
{
	static const char *const names[SIM_SYNC_KINDS] = {
		[SIM_SYNC_MUTEX] = "mutex",
		[SIM_SYNC_SEM] = "semaphore",
		[SIM_SYNC_COND] = "condition",
	};

	return (unsigned)k < SIM_SYNC_KINDS ? names[k] : "?";
}
