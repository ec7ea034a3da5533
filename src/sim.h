/* sim.h: the simulation engine, one virtual CPU in integer ticks.
 *
 * Every simulated thread is a green thread (rt.h).  It consumes virtual CPU
 * by calling sim_cpu() and waits for I/O with sim_io(); the engine switches
 * away inside those calls wherever the policy decides.  Workload files run
 * a small script interpreter on top of the same calls, and built-in demos
 * are plain C against them.
 *
 * Time is discrete-event: it jumps to the next thing that matters (arrival,
 * I/O completion, quantum expiry, end of a burst, a policy's timer).  The
 * same workload, policy, options and seed always give the same events.
 *
 * Everything observable leaves the engine as one stream of sim_event, the
 * single source for the reports, the trace file and the live view.
 */
#ifndef SCHEDSIM_SIM_H
#define SCHEDSIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "workload.h"

typedef struct sim sim;

/* ---- options ---------------------------------------------------------- */

typedef struct sim_options {
	const char *policy;    /* registry name or alias; NULL gives "fifo" */
	int64_t quantum;       /* ticks; 0: the policy's default */
	bool preemptive;       /* prio, sjf */
	int64_t aging;         /* prio: raise a waiting thread one step every N ticks; 0 off */
	bool high_first;       /* --priority-order high-first */
	int64_t switch_cost;   /* ticks each context switch costs */
	uint64_t seed;         /* for randomised policies */
} sim_options;

void sim_options_default(sim_options *o);

/* ---- events ----------------------------------------------------------- */

typedef enum sim_ev_kind {
	SIM_EV_ARRIVE,   /* thread enters the system (ready) */
	SIM_EV_DISPATCH, /* thread gets the CPU; reason says why it was chosen */
	SIM_EV_PREEMPT,  /* thread loses the CPU while still runnable; reason */
	SIM_EV_BLOCK,    /* thread starts waiting; arg: ticks of I/O */
	SIM_EV_WAKE,     /* thread ready again after waiting */
	SIM_EV_EXIT,     /* thread finished */
	SIM_EV_IDLE,     /* CPU idle from this time on; thread -1 */
	SIM_EV_SWITCH,   /* context switch in progress; arg: its cost; thread: the incoming one */
	SIM_EV_PRIO,     /* effective priority changed (aging); arg: new priority */
	SIM_EV_END,      /* simulation finished; thread -1 */
	SIM_EV_KINDS
} sim_ev_kind;

typedef struct sim_event {
	int64_t time;
	sim_ev_kind kind;
	int thread;         /* index in workload order; -1 for none */
	int64_t arg;        /* kind-specific, see above; 0 otherwise */
	const char *reason; /* the policy's words, or ""; valid during the callback */
} sim_event;

/* "arrive", "dispatch", ... as used in traces. */
const char *sim_ev_name(sim_ev_kind k);

typedef void (*sim_listener)(void *ctx, const sim_event *ev);

/* ---- life cycle --------------------------------------------------------- */

/* Build a simulation of wl (which must outlive it) under opt.  NULL with a
 * message in err on a bad policy or option ("unknown policy 'x' (known:
 * fifo, rr, ...)"). */
sim *sim_new(const workload *wl, const sim_options *opt, char *err, size_t errlen);

/* Listeners are called in the order added, for every event. */
void sim_listen(sim *s, sim_listener fn, void *ctx);

/* Advance until the next event has been delivered to the listeners.
 * Returns 1 after an event, 0 once SIM_EV_END has been delivered, -1 on a
 * run-time failure (sim_error() says which). */
int sim_step(sim *s);

/* Run to the end: 0, or -1 on a run-time failure. */
int sim_run(sim *s);

const char *sim_error(const sim *s);

void sim_free(sim *s);

/* ---- live state, for the view --------------------------------------------- */

typedef enum sim_tstate {
	SIM_T_NEW,      /* not yet arrived */
	SIM_T_READY,
	SIM_T_RUNNING,
	SIM_T_BLOCKED,
	SIM_T_DONE
} sim_tstate;

typedef struct sim_thread_info {
	const char *name;
	sim_tstate state;
	int64_t arrival;
	int base_priority;
	int priority;        /* effective, after aging */
	int64_t cpu;         /* ticks run so far */
	int64_t io;          /* ticks of I/O completed so far */
	int64_t waiting;     /* ticks ready but not running so far */
	int64_t response;    /* first dispatch - arrival; -1 before it */
	int64_t finish;      /* -1 until done */
	int64_t remaining;   /* CPU ticks left in the whole script, if known; -1 otherwise */
} sim_thread_info;

int64_t sim_now(const sim *s);
size_t sim_nthreads(const sim *s);
void sim_thread_get(const sim *s, int thread, sim_thread_info *out);
int sim_running(const sim *s);              /* -1 when idle or switching */
int64_t sim_quantum_left(const sim *s);     /* -1 when no quantum applies */
const char *sim_policy_name(const sim *s);  /* canonical name */
const sim_options *sim_opts(const sim *s);

/* The ready queue in the order the policy would pick from it; returns the
 * count, writing at most max thread indices. */
size_t sim_ready(const sim *s, int *threads, size_t max);

/* ---- the API for code running on the simulated CPU --------------------------
 * Callable only from a simulated thread (a workload script or a built-in
 * demo's body).  Outside one they return -1 (sim_error explains). */

int sim_cpu(int64_t ticks);   /* consume ticks of CPU; may be preempted inside */
int sim_io(int64_t ticks);    /* block for ticks of I/O, then become ready */
sim *sim_self_sim(void);      /* the simulation the caller belongs to */
int sim_self(void);           /* the caller's thread index */

/* Built-in demos add C-bodied threads before the first sim_step().  burst is
 * the expected CPU total (for SJF/SRTF), -1 if unknown. */
typedef void (*sim_body)(void *arg);
int sim_spawn(sim *s, const char *name, int64_t arrival, int priority,
              int64_t burst, sim_body body, void *arg);

#endif
