/* policy.h: the scheduling policy interface, after Linux's sched_class.
 *
 * A policy is a const table of operations (pol_class) and a small instance
 * (pol).  The engine tells it who became ready and why, asks it whom to run
 * next, whether a newcomer should preempt the running thread, and when it
 * next needs to act on its own (a quantum's end, an aging step).  The
 * engine knows no policy by name; the registry maps names to classes.
 *
 * Conventions every policy keeps: ties go to the earlier arrival, then to
 * file order; a running thread is preempted only by a strictly better one.
 * Every operation is O(log n) or O(1) in the number of ready threads.
 */
#ifndef SCHEDSIM_POLICY_H
#define SCHEDSIM_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/heap.h"
#include "lib/opt.h"

/* What a policy sees of a thread.  The engine keeps the first block up to
 * date; the rest belongs to the policy holding the thread. */
typedef struct pol_thread {
	int id;               /* index in workload order: file order */
	int64_t arrival;
	int base_prio;
	int prio;             /* effective; aging and priority inheritance move it */
	int64_t burst;        /* CPU ticks left in the current (or next) burst; -1 unknown */
	int64_t total;        /* CPU ticks left in the whole thread; -1 unknown */
	int64_t ready_since;  /* when it last became ready */
	int64_t run_since;    /* when its current turn (quantum) began */
	uint64_t seq;         /* enqueue sequence: larger is later */

	int64_t key;          /* the policy's sort key */
	heap_node node;       /* run queue slot */
	heap_node age_node;   /* aging queue slot */
	int64_t age_at;       /* next aging step */
	struct pol_thread *next; /* FIFO link */
} pol_thread;

typedef enum pol_cause {
	POL_ARRIVE,   /* entered the system */
	POL_WAKE,     /* its I/O completed */
	POL_PREEMPT,  /* lost the CPU while runnable */
	POL_YIELD,    /* gave the CPU up itself (sim_yield) */
	POL_CAUSES
} pol_cause;

/* Where a policy writes its reason in words.  buf is NULL when nobody
 * listens: pol_say() then costs a test and nothing else (it runs a few
 * times a dispatch, and a variadic call is not free). */
typedef struct pol_reason {
	char *buf;
	size_t len;
} pol_reason;

void pol_say_fmt(pol_reason *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define pol_say(r, ...) do {						\
		pol_reason *pol_say_r_ = (r);				\
									\
		if (pol_say_r_ && pol_say_r_->buf)			\
			pol_say_fmt(pol_say_r_, __VA_ARGS__);		\
	} while (0)

typedef struct pol pol;

typedef struct pol_class {
	const char *name;
	const char *const *aliases;  /* NULL-terminated, or NULL */
	const char *summary;         /* one line */
	/* Its options (lib/opt.h), by position: p->opt.v[i] is opts[i]'s
	 * value.  Declared in the policy's own file; nothing else names
	 * them.  NULL when it takes none. */
	const opt_def *opts;
	size_t nopts;

	/* p->opt is set, every option at its value or default; set up
	 * p->priv.  0, or -1 with a message in err. */
	int (*init)(pol *p, char *err, size_t errlen);
	void (*cleanup)(pol *p);
	/* 0, or -1 when out of memory. */
	int (*enqueue)(pol *p, pol_thread *t, pol_cause why);
	/* Remove and return the thread to run, NULL if none is ready. */
	pol_thread *(*pick_next)(pol *p, int64_t now, pol_reason *why);
	/* Whether newcomer (just enqueued) takes the CPU from running.
	 * NULL: never (non-preemptive). */
	bool (*check_preempt)(pol *p, const pol_thread *running,
			      const pol_thread *newcomer, pol_reason *why);
	/* When, at now or later, the policy next needs tick(); INT64_MAX for
	 * never.  running may be NULL.  NULL: never.  Only times when
	 * something may happen: a quantum that nobody waits for is no timer,
	 * so a long burst costs one step. */
	int64_t (*timer)(const pol *p, const pol_thread *running, int64_t now);
	/* The time timer() named has come: true to preempt running.  Must
	 * move timer() past now unless it returns true. */
	bool (*tick)(pol *p, pol_thread *running, int64_t now, pol_reason *why);
	/* Thread ids in pick order: writes at most max, returns the count
	 * of ready threads. */
	size_t (*order)(const pol *p, int *ids, size_t max);
	/* A ready thread's prio was changed by the engine (priority
	 * inheritance): restore the queue's order.  NULL: priorities do not
	 * order this policy's queue. */
	void (*requeue)(pol *p, pol_thread *t);
} pol_class;

struct pol {
	const pol_class *cls;
	const char *name;       /* what runs: "srtf" for sjf --preemptive */
	opt_vals opt;           /* its options, by cls->opts */
	int prio_lo, prio_hi;   /* range of base priorities, set before the run */
	/* Set by init, for the engine and the view: a higher priority
	 * number is the better one; the turn a quantum gives (0: none). */
	bool high_first;
	int64_t slice;
	void *priv;
	/* The engine's ear: a waiting thread's effective priority changed
	 * (queue already consistent when called). */
	void (*prio_changed)(void *ctx, pol_thread *t);
	void *ctx;
};

/* ---- registry (registry.c) ---- */

/* By name or alias; NULL if unknown. */
const pol_class *pol_find(const char *name);
/* The i-th class in listing order; NULL past the end. */
const pol_class *pol_at(size_t i);
/* One more class, listed after the others (a test's, a plugin's).  0, or
 * -1 if its name is taken, its table too long or the registry full. */
int pol_register(const pol_class *c);
/* "fifo, rr, prio, sjf, srtf" */
void pol_known(char *buf, size_t len);
/* "unknown policy 'x' (known: fifo, rr, ...)" in err. */
void pol_unknown(const char *name, char *err, size_t errlen);
/* Look up name (NULL: fifo) and init with the values opt holds for its
 * class (opt->defs NULL: every option at its default).  0, or -1 with a
 * message. */
int pol_new(pol *p, const char *name, const opt_vals *opt, char *err, size_t errlen);
/* The value of p's option i, as a number (flag, number, word index). */
static inline int64_t pol_int(const pol *p, size_t i)
{
	return p->opt.v[i].i;
}
/* A class's options named in words, for listings and messages:
 * "--quantum", or "none". */
void pol_opt_names(const pol_class *c, char *buf, size_t len);
/* The class that takes an option called name, the first in listing
 * order at or after *from (which is advanced past it); NULL after the
 * last.  Every class that declares a name declares it alike (opt.h). */
const pol_class *pol_taker(const char *name, size_t *from, const opt_def **def);
void pol_free(pol *p);

/* ---- queues the policies share (queue.c) ---- */

/* A FIFO of threads. */
typedef struct pol_list {
	pol_thread *head, *tail;
	size_t n;
} pol_list;

void pol_list_push(pol_list *l, pol_thread *t);
pol_thread *pol_list_pop(pol_list *l);
/* Class operations for a policy whose priv is one pol_list. */
int pol_list_setup(pol *p);
void pol_list_cleanup(pol *p);
int pol_list_enqueue(pol *p, pol_thread *t, pol_cause why);
size_t pol_list_order(const pol *p, int *ids, size_t max);

/* Heap orders on pol_thread.key: ties by arrival, file order, then
 * enqueue sequence; or (by_key_fifo) by enqueue sequence alone. */
bool pol_by_key(const heap_node *a, const heap_node *b);
bool pol_by_key_fifo(const heap_node *a, const heap_node *b);
size_t pol_heap_order(const heap *h, int *ids, size_t max);

/* Quanta roll on while a thread keeps the CPU: they end at run_since + k q
 * (k >= 1).  The first such end at or after now (INT64_MAX on overflow),
 * and whether one ends exactly now. */
int64_t pol_quantum_end(const pol_thread *running, int64_t q, int64_t now);
bool pol_quantum_over(const pol_thread *running, int64_t q, int64_t now);

static inline pol_thread *pol_of_node(const heap_node *n)
{
	return HEAP_ENTRY(n, pol_thread, node);
}

/* Classes. */
extern const pol_class pol_fifo, pol_rr, pol_prio, pol_sjf, pol_srtf;

/* "first come, first served (arrived at 0)" and friends: how long a
 * thread has been ready, in the shape pickers share. */
void pol_say_ready(pol_reason *r, const char *what, const pol_thread *t);

#endif
