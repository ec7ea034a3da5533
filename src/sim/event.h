/* event.h: the vocabulary of a run, apart from the engine that makes it.
 *
 * The options of a run, the events it emits, what a thread and a sync
 * object look like at an instant, and their names.  Traces, reports,
 * exports, Linux import and the view's model speak only this: they read
 * and write runs without running one, so none of them needs the engine or
 * the green-thread runtime (sim.h).
 */
#ifndef SCHEDSIM_EVENT_H
#define SCHEDSIM_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/opt.h"

/* The engine itself (sim.h); named here so that the bridges between it
 * and a module (report_for_sim, trace_out_sim) can take one. */
typedef struct sim sim;

/* ---- options ---------------------------------------------------------- */

/* A run's options: the policy's own, which its table describes (only the
 * policy's file names them), and the engine's, which sim_engine_opts[]
 * describes. */
typedef struct sim_options {
	const char *policy;    /* registry name or alias; NULL gives "fifo" */
	opt_vals pol;          /* by the policy's table; defs NULL: its defaults */
	int64_t switch_cost;   /* ticks each context switch costs */
	uint64_t seed;         /* for randomised policies */
	bool inherit;          /* priority inheritance for mutexes */
	/* Initial semaphore counts that override the workload's and the
	 * demos' own ("--sem S=2"), later entries winning; naming a semaphore
	 * the run does not have is a run-time failure. */
	const struct sim_sem_init *sems;
	size_t nsems;
} sim_options;

typedef struct sim_sem_init {
	const char *name;
	int64_t count;
} sim_sem_init;

void sim_options_default(sim_options *o);

/* The engine's options, in the order --help and traces give them. */
enum { SIM_OPT_SWITCH_COST, SIM_OPT_SEED, SIM_OPT_INHERIT, SIM_OPT_SEM, SIM_NOPTS };
extern const opt_def sim_engine_opts[SIM_NOPTS];

/* Engine option i of o as a value, and back (not SIM_OPT_SEM: the
 * semaphores are a list of their own). */
void sim_engine_get(const sim_options *o, size_t i, opt_val *v);
void sim_engine_set(sim_options *o, size_t i, const opt_val *v);

/* Option name of o->policy's table or of the engine's, from its text as
 * the command line gives it ("true" or "false" for a flag): for programs
 * and tests that make their options in C.  0, or -1 with why in err. */
int sim_options_set(sim_options *o, const char *name, const char *text, char *err,
                    size_t errlen);

/* Option name's value as a number (a flag 0 or 1, a word its index, a
 * list its length), given or default; -1 when neither the policy nor the
 * engine takes it. */
int64_t sim_options_int(const sim_options *o, const char *name);

/* Whether a trace or a JSON report names engine option i (not the
 * semaphores, nor a sparse option at its default), with its value in v. */
bool sim_engine_recorded(const sim_options *o, size_t i, opt_val *v);

/* The table o->pol is read by: its own, or its policy's (NULL when the
 * policy is unknown), with its length in *n. */
const opt_def *sim_options_defs(const sim_options *o, size_t *n);

/* The options in effect, as every report, view and comparison words
 * them: those of the policy's and then the engine's (the parts which
 * asks for) that are on (opt_on), in table order, by commas: "quantum 4,
 * preemptive, switch cost 1"; "" when none is. */
enum { SIM_EFFECT_POLICY = 1, SIM_EFFECT_ENGINE = 2, SIM_EFFECT_ALL = 3 };
void sim_options_effect(const sim_options *o, unsigned which, char *buf, size_t len);

/* ---- events ----------------------------------------------------------- */

/* The latest time a run may reach, in ticks, bounded as workloads bound
 * their numbers: above the 4.8 * 10^18 that the numbers of the largest
 * workload (WL_FILE_MAX bytes of WL_TICKS_MAX) add up to, and far enough
 * below INT64_MAX (9.2 * 10^18) that a time plus any tick count a run or
 * a trace gives (at most WL_TICKS_MAX), or plus a column of a chart,
 * cannot overflow.  The engine stops a run that would pass it (a run-time
 * failure); a trace that names a later time is malformed. */
#define SIM_TIME_MAX ((int64_t)5000000000000000000)

typedef enum sim_ev_kind {
	SIM_EV_ARRIVE,   /* thread enters the system (ready) */
	SIM_EV_DISPATCH, /* thread gets the CPU; reason says why it was chosen */
	SIM_EV_PREEMPT,  /* thread loses the CPU while still runnable; reason */
	SIM_EV_BLOCK,    /* thread starts waiting; arg: ticks of I/O, or 0 when it
	                    waits for a sync object, a thread or a sleep, and the
	                    reason says so ("waits for mutex A held by P1") */
	SIM_EV_WAKE,     /* thread ready again after waiting; reason for a sync
	                    wake-up ("got mutex A from P1") */
	SIM_EV_EXIT,     /* thread finished */
	SIM_EV_IDLE,     /* CPU idle from this time on; thread -1 */
	SIM_EV_SWITCH,   /* context switch in progress; arg: its cost; thread: the incoming one */
	SIM_EV_PRIO,     /* effective priority changed (aging, inheritance); arg:
	                    new priority; reason for inheritance */
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

/* ---- what a thread and a sync object are at an instant ------------------ */

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
	int waits_on;        /* BLOCKED on a sync object: its index; -1 otherwise */
	int joins;           /* BLOCKED in sim_join: the thread it waits for; -1 otherwise */
	int64_t wakes_at;    /* BLOCKED in I/O or asleep: when it wakes; -1 otherwise */
} sim_thread_info;

typedef enum sim_sync_kind {
	SIM_SYNC_MUTEX,
	SIM_SYNC_SEM,
	SIM_SYNC_COND,
	SIM_SYNC_KINDS
} sim_sync_kind;

/* For the view: who holds what and who waits on what. */
typedef struct sim_sync_info {
	const char *name;
	sim_sync_kind kind;
	int holder;          /* mutex: the thread holding it, -1 when free */
	int64_t count;       /* semaphore: its value; 0 otherwise */
	size_t nwaiters;
} sim_sync_info;

/* "mutex", "semaphore", "condition". */
const char *sim_sync_kind_name(sim_sync_kind k);

#endif
