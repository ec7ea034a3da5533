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

#include "lib/hash.h"
#include "sched/policy.h"
#include "rt/rt.h"
#include "sim.h"
#include "lib/heap.h"

enum { SIM_REASON_MAX = 128 };

struct sim_thr;

/* A FIFO of waiting threads, linked through sim_thr.wq_next. */
typedef struct sim_wq {
	struct sim_thr *head, *tail;
	size_t n;
} sim_wq;

/* A mutex, semaphore or condition variable (sim_sync.c). */
typedef struct sim_obj {
	char *name;
	sim_sync_kind kind;
	struct sim_thr *holder;  /* mutex */
	/* The holder's other mutexes, in the order it took them, newest
	 * first (pointers: objects are made only before the run starts). */
	struct sim_obj *held_next, *held_prev;
	int64_t count;           /* semaphore */
	sim_wq q;
} sim_obj;

/* What a BLOCKED thread waits for. */
enum sim_wait { SIM_WAIT_NONE, SIM_WAIT_IO, SIM_WAIT_SLEEP, SIM_WAIT_OBJ, SIM_WAIT_JOIN };

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
	heap_node wnode;         /* in the wake-up queue */
	enum sim_wait wait;
	int wait_on;             /* SIM_WAIT_OBJ: object; SIM_WAIT_JOIN: thread */
	int cond_mutex;          /* waiting on a condition: the mutex to take back, or -1 */
	struct sim_thr *wq_next;
	sim_wq joiners;          /* threads in sim_join() on this one */
	struct sim_obj *held;    /* the mutexes it holds, newest first: what
	                            inheritance and the checks at its exit and
	                            at a deadlock look through, not every object */
} sim_thr;

/* The engine's thread around what its policy sees of it. */
static inline sim_thr *sim_thr_of(pol_thread *p)
{
	return (sim_thr *)(void *)((char *)p - offsetof(sim_thr, pt));
}

typedef struct sim_lsn {
	sim_listener fn;
	void *ctx;
} sim_lsn;

struct sim {
	const workload *wl;
	sim_options opt;
	pol pol;

	sim_thr *thr;
	size_t nthr, capthr;
	sim_thr **arrivals;      /* by (arrival, file order) */
	size_t next_arrival;
	heap wakes;          /* by (wake time, arrival, file order) */

	sim_lsn *ls;
	size_t nls;

	sim_obj *obj;
	size_t nobj, cap_obj;
	hash_table obj_names;    /* the objects, by name */
	char *deadlock;          /* the message, once deadlocked */

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
void sim_emit_slow(sim *s, sim_ev_kind k, const sim_thr *t, int64_t arg, const char *reason);

/* Several events a dispatch: with nobody listening and no stepping, each
 * is one test, not a call. */
static inline void sim_emit(sim *s, sim_ev_kind k, const sim_thr *t, int64_t arg,
			    const char *reason)
{
	if (s->nls || s->stepping)
		sim_emit_slow(s, k, t, arg, reason);
}
_Noreturn void sim_fail(sim *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sim_resumed(sim *s);
void sim_set_outside_error(const char *call);

/* sim_sched.c: time, the queues, and the decisions. */
void sim_due(sim *s);
sim_thr *sim_schedule(sim *s);
int64_t sim_next_time(const sim *s, int64_t limit);
void sim_make_ready(sim *s, sim_thr *t, pol_cause why);
bool sim_wake_before(const heap_node *a, const heap_node *b); /* wake-up queue order */
pol_reason sim_reason(const sim *s, char *buf);

enum sim_leave { SIM_LEAVE_PREEMPT, SIM_LEAVE_BLOCK, SIM_LEAVE_EXIT };
void sim_leave(sim *s, sim_thr *self, sim_thr *next, enum sim_leave how);

/* sim_thread.c */
void *sim_thread_main(void *arg);
int64_t sim_script_burst(const sim_thr *t, size_t from);
/* The calling simulated thread, or NULL with sim_error(NULL) set. */
sim_thr *sim_self_thr(const char *call);
/* Give up the CPU, staying ready (a PREEMPT with this reason). */
void sim_preempt(sim *s, sim_thr *t, pol_cause why, const char *reason);
/* Take the running thread t off the CPU, blocked (its BLOCK event already
 * delivered), until something makes it ready. */
void sim_block(sim *s, sim_thr *t);

/* sim_sync.c */
int sim_sync_setup(sim *s);           /* the workload's objects; at sim_new */
int sim_sync_start(sim *s);           /* --sem overrides; at the first step */
void sim_sync_free(sim *s);
void sim_sync_check_exit(sim *s, sim_thr *t); /* t may finish: it holds no mutex */
/* Of the mutexes t holds (that somebody waits for, if wanted), the first
 * made, or NULL. */
const sim_obj *sim_sync_first_held(const sim_thr *t, bool wanted);
void sim_sync_exit(sim *s, sim_thr *t);       /* t has finished: wake its joiners */
int sim_sync_prio(const sim *s, const sim_thr *t); /* its priority to run at */
/* A lock, unlock, wait, post, join or sleep step; a workload object's
 * handle is its index in the workload (they are made first). */
void sim_script_sync(sim_thr *t, const wl_step *st);
void sim_sleep_for(sim_thr *t, int64_t ticks);

/* sim_deadlock.c: nothing can run and nothing is pending, yet some threads
 * are blocked: name what holds them (s->deadlock). */
void sim_deadlock_describe(sim *s);

#endif
