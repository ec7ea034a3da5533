/* sim_int.h: the engine's insides, shared by src/sim*.c only.
 *
 * Where code runs.  All engine logic runs on a green thread's stack: the
 * simulated thread that is giving up the CPU (or a short-lived boot
 * thread before the first dispatch).  It advances virtual time, delivers
 * events, asks the policy, and then switches straight to the chosen thread.
 * Stepping is rt_pause() after each event; main resumes with rt_run().
 */
#ifndef SCHEDSIM_SIM_INT_H
#define SCHEDSIM_SIM_INT_H

#include "policy.h"
#include "rt.h"
#include "sim.h"
#include "sim_heap.h"

enum { SIM_REASON_MAX = 128 };

typedef struct sim_thr {
	pol_thread pt;           /* what the policy sees */
	sim *s;
	const char *name;
	const wl_thread *wl;     /* the script, or NULL for a C body */
	sim_body body;
	void *arg;
	char *owned_name;        /* sim_spawn()'s copy */
	rt_thread *rt;           /* NULL until first dispatch, and after exit */
	sim_tstate state;
	size_t step;             /* script position */
	int64_t expect;          /* C body: expected CPU total, -1 unknown */
	int64_t run_left;        /* of the sim_cpu() call in progress */
	int64_t cpu, io, waiting, response, finish;
	int64_t wake_at, io_len;
	sim_hnode wnode;         /* in the wake-up queue */
} sim_thr;

typedef struct sim_lsn {
	sim_listener fn;
	void *ctx;
} sim_lsn;

struct sim {
	const workload *wl;
	sim_options opt;
	pol pol;

	sim_thr *thr;
	size_t nthr;
	sim_thr **arrivals;      /* by (arrival, file order) */
	size_t next_arrival;
	sim_heap wakes;          /* by (wake time, arrival, file order) */

	sim_lsn *ls;
	size_t nls;

	int64_t now;
	sim_thr *cur;            /* on the CPU */
	sim_thr *incoming;       /* being switched to */
	sim_thr *last;           /* whose context the CPU holds */
	uint64_t seq, switches;

	bool started, ended, failed, stepping, killing, idle, resched;
	rt_thread *next_rt;      /* the hook's answer to pick() */
	rt_thread *zombie;       /* exited, to be joined by whoever runs next */
	rt_thread *boot;
	rt_thread *paused;

	char pick_why[SIM_REASON_MAX];
	char resched_why[SIM_REASON_MAX];
	char err[512];
};

/* The simulation whose threads hold the CPU. */
extern sim *sim_running_sim;

/* sim_core.c */
void sim_emit(sim *s, sim_ev_kind k, const sim_thr *t, int64_t arg, const char *reason);
_Noreturn void sim_fail(sim *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sim_resumed(sim *s);
void sim_set_outside_error(const char *call);

/* sim_sched.c: time, the queues, and the decisions. */
void sim_due(sim *s);
sim_thr *sim_schedule(sim *s);
int64_t sim_next_time(const sim *s, int64_t limit);
void sim_make_ready(sim *s, sim_thr *t, pol_cause why);
bool sim_wake_before(const sim_hnode *a, const sim_hnode *b); /* wake-up queue order */
pol_reason sim_reason(const sim *s, char *buf);

enum sim_leave { SIM_LEAVE_PREEMPT, SIM_LEAVE_BLOCK, SIM_LEAVE_EXIT };
void sim_leave(sim *s, sim_thr *self, sim_thr *next, enum sim_leave how);

/* sim_thread.c */
void *sim_thread_main(void *arg);
int64_t sim_script_burst(const sim_thr *t, size_t from);

#endif
