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
 *
 * At one instant events come in a fixed order: the running thread's own
 * transition (its burst ends: EXIT or BLOCK), then ARRIVE and WAKE by
 * (arrival, file order), then the policy's timer (quantum expiry, aging
 * PRIO), then PREEMPT, SWITCH and DISPATCH.  A thread whose quantum ends is
 * queued behind those that arrived or woke at that instant.  An aged
 * thread's priority returns to its base (PRIO) just before its DISPATCH.
 *
 * Context switches.  Every DISPATCH of a thread other than the one whose
 * context the CPU holds is a context switch: not the run's first dispatch,
 * not a thread dispatched again after it blocked with nobody running in
 * between.  A thread that simply keeps the CPU (a quantum ends with nobody
 * waiting) gets no PREEMPT and no DISPATCH.  Each switch is one SWITCH
 * event (arg: switch_cost, possibly 0) at its start, and its DISPATCH comes
 * switch_cost ticks later; the CPU is busy meanwhile, threads still arrive
 * and wake, and one that would preempt the incoming thread does so right
 * after its DISPATCH.  Time spent switching counts as the incoming thread's
 * waiting; its response time counts to its DISPATCH (when it starts to run).
 *
 * Threads and stacks.  A simulated thread's green thread is created at its
 * first dispatch and released when it exits.  Listeners are called on the
 * stack of a green thread (64 KiB): keep them modest, and never call
 * sim_step()/sim_run()/sim_free() from one.  One simulation runs at a time:
 * one that has started must end (or be freed) before another steps.
 */
#ifndef SCHEDSIM_SIM_H
#define SCHEDSIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "wl/workload.h"

/* ---- life cycle --------------------------------------------------------- */

/* Build a simulation of wl (which must outlive it) under opt.  NULL with a
 * message in err on a bad policy or option ("unknown policy 'x' (known:
 * fifo, rr, ...)").  wl may be NULL or hold no threads when sim_spawn()
 * adds them; opt NULL gives the defaults.  Options a policy does not read
 * are ignored (a file's defaults may name them for another policy); a
 * negative quantum, aging interval or switch cost is an error.  Callers
 * that parse "--quantum 0" must reject it themselves: 0 here means "the
 * policy's default". */
sim *sim_new(const workload *wl, const sim_options *opt, char *err, size_t errlen);

/* Listeners are called in the order added, for every event.  Only before
 * the first sim_step() or sim_run(), so a listener hears the whole run.
 * 0, or -1 with a message in sim_error(s) and the listener not added:
 * "sim_listen: the simulation has already started", "...: no listener
 * given", "...: out of memory". */
int sim_listen(sim *s, sim_listener fn, void *ctx);

/* Advance until the next event has been delivered to the listeners.
 * Returns 1 after an event, 0 once SIM_EV_END has been delivered, -1 on a
 * run-time failure (sim_error() says which). */
int sim_step(sim *s);

/* Run to the end: 0, or -1 on a run-time failure. */
int sim_run(sim *s);

/* A deadlock ends a run like its last thread would (SIM_EV_END, sim_step()
 * and sim_run() return 0), with the threads still blocked; this names it,
 * exactly: "deadlock at time 7: P1 holds A and waits for B; P2 holds B and
 * waits for A".  Threads blocked on what nobody can still post count too
 * ("P3 waits for semaphore S, which no running thread will post").  NULL
 * when the run did not end in one. */
const char *sim_deadlock(const sim *s);

/* The last failure of s; sim_error(NULL): why the last sim_cpu(),
 * sim_io(), sim_self() or sim_self_sim() from outside a simulated thread
 * returned -1 (or NULL). */
const char *sim_error(const sim *s);

void sim_free(sim *s);

/* ---- live state, for the view --------------------------------------------- */

int64_t sim_now(const sim *s);
size_t sim_nthreads(const sim *s);
void sim_thread_get(const sim *s, int thread, sim_thread_info *out);
int sim_running(const sim *s);              /* -1 when idle or switching */
int sim_switching(const sim *s);            /* the incoming thread during a switch, or -1 */
uint64_t sim_context_switches(const sim *s);/* so far */
int64_t sim_quantum_left(const sim *s);     /* -1 when no quantum applies */
const char *sim_policy_name(const sim *s);  /* canonical name ("srtf" for sjf --preemptive) */
/* The options of the run: policy is the canonical class name, and pol
 * holds every one of its options (given or default) by its table. */
const sim_options *sim_opts(const sim *s);
/* Whether the policy counts a higher priority number as the better one
 * (prio --priority-order high-first). */
bool sim_high_first(const sim *s);

/* The ready queue in the order the policy would pick from it; returns the
 * count, writing at most max thread indices. */
size_t sim_ready(const sim *s, int *threads, size_t max);

/* ---- the API for code running on the simulated CPU --------------------------
 * Callable only from a simulated thread (a workload script or a built-in
 * demo's body).  Outside one they return -1 (sim_error explains). */

int sim_cpu(int64_t ticks);   /* consume ticks of CPU; may be preempted inside */
int sim_io(int64_t ticks);    /* block for ticks of I/O, then become ready */
/* A negative count from a simulated thread is a run-time failure of the
 * simulation: the call does not return, and sim_step() returns -1. */
/* Give up the CPU, staying ready: a PREEMPT with reason "yielded", and the
 * policy picks again (possibly the caller, then without a switch). */
int sim_yield(void);
sim *sim_self_sim(void);      /* the simulation the caller belongs to */
int sim_self(void);           /* the caller's thread index */

/* Built-in demos add C-bodied threads before the first sim_step().  burst is
 * the expected CPU total (for SJF/SRTF), -1 if unknown (then SJF sees the
 * current sim_cpu() call's length).  The thread's index is the next one
 * after the workload's threads and earlier spawns.  0, or -1 with a
 * message in sim_error(s).  A body must not call rt_yield/rt_block itself. */
typedef void (*sim_body)(void *arg);
int sim_spawn(sim *s, const char *name, int64_t arrival, int priority,
              int64_t burst, sim_body body, void *arg);

/* ---- synchronization ---------------------------------------------------------
 * Mutexes, counting semaphores and condition variables on the simulated
 * CPU.  Waiting is blocking: a BLOCK event with a reason, a WAKE when it
 * ends, and the CPU goes to whoever the policy picks meanwhile.  Every wait
 * queue is FIFO.  An unlocked mutex goes straight to its first waiter
 * (who then holds it), a post to a semaphore with waiters wakes the first
 * instead of counting.  A thread woken by an unlock or a post preempts the
 * caller when the policy says it would preempt (as a thread waking from
 * I/O would).  With sim_options.inherit a mutex's holder runs at the best
 * priority among the threads waiting (directly or through other mutexes)
 * for what it holds, until it unlocks.
 *
 * Objects are made before the first sim_step() (a demo's setup); a
 * workload's are made by sim_new() from its steps, in order of first use,
 * mutexes and semaphores by name.  Each returns the object's handle
 * (0, 1, ... in order of making), or -1 with a message in sim_error(s).
 * Names are copied. */

int sim_mutex_new(sim *s, const char *name);
int sim_sem_new(sim *s, const char *name, int64_t count);
int sim_cond_new(sim *s, const char *name);
/* The handle of the object called name, or -1. */
int sim_sync_find(const sim *s, const char *name);

/* From a simulated thread only, like sim_cpu().  Misuse (unlocking a mutex
 * the caller does not hold, locking one it holds, a bad handle, waiting on
 * a condition without holding its mutex, joining itself, finishing while
 * holding a mutex) is a run-time failure naming the thread and the time:
 * "time 7: thread 'P1' unlocks mutex 'A', which it does not hold". */
int sim_mutex_lock(int m);
int sim_mutex_unlock(int m);
int sim_sem_wait(int sem);
int sim_sem_post(int sem);
/* Unlocks m, waits for a signal, and holds m again before returning. */
int sim_cond_wait(int c, int m);
int sim_cond_signal(int c);      /* wakes the first waiter, if any */
int sim_cond_broadcast(int c);   /* wakes every waiter, in order */
int sim_join(int thread);        /* waits until thread has finished */
int sim_sleep(int64_t ticks);    /* blocked for ticks of virtual time, not I/O */

size_t sim_sync_count(const sim *s);
void sim_sync_get(const sim *s, int obj, sim_sync_info *out);
/* The waiters of obj in wake-up order; returns their count, writing at
 * most max thread indices. */
size_t sim_sync_waiters(const sim *s, int obj, int *threads, size_t max);

#endif
