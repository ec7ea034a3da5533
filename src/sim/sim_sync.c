/* sim_sync.c: mutexes, semaphores, condition variables, join and sleep on
 * the simulated CPU.
 *
 * Waiting is the engine's ordinary blocking: a BLOCK event whose reason
 * names what the thread waits for, the CPU to whoever the policy picks,
 * and a WAKE when the object is handed over.  Handing over is direct: an
 * unlock makes the first waiter the holder before it runs, a post to a
 * semaphore with waiters gives the unit to the first of them, so nobody
 * can slip in between (and every queue is FIFO, so nobody starves).
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_int.h"

/* ---- wait queues ------------------------------------------------------------ */

static void wq_push(sim_wq *q, sim_thr *t)
{
	t->wq_next = NULL;
	if (q->tail)
		q->tail->wq_next = t;
	else
		q->head = t;
	q->tail = t;
	q->n++;
}

static sim_thr *wq_pop(sim_wq *q)
{
	sim_thr *t = q->head;

	if (t) {
		q->head = t->wq_next;
		if (!q->head)
			q->tail = NULL;
		q->n--;
		t->wq_next = NULL;
	}
	return t;
}

/* ---- making objects, and finding them by name ---------------------------------- */

static bool obj_is(const void *ctx, size_t i, const void *name)
{
	const sim *s = ctx;

	return !strcmp(s->obj[i].name, name);
}

int sim_sync_find(const sim *s, const char *name)
{
	size_t i = name ? hash_find(&s->obj_names, hash_str(name), obj_is, s, name)
	                : HASH_NONE;

	return i == HASH_NONE ? -1 : (int)i;
}

static int obj_new(sim *s, const char *name, sim_sync_kind kind, int64_t count)
{
	sim_obj *v = s->obj;
	char *copy;

	if (s->started || !name || count < 0 || sim_sync_find(s, name) >= 0) {
		snprintf(s->err, sizeof s->err, "%s '%s': %s", sim_sync_kind_name(kind),
			 name ? name : "?", s->started ? "the simulation has already started" :
			 !name ? "no name given" : count < 0 ? "a negative count" :
			 "that name is taken");
		return -1;
	}
	if (s->nobj == s->cap_obj) {
		size_t cap = s->cap_obj ? 2 * s->cap_obj : 16;

		if ((v = realloc(s->obj, cap * sizeof *v))) {
			s->obj = v;
			s->cap_obj = cap;
		}
	}
	copy = v ? strdup(name) : NULL;
	if (!copy || hash_add(&s->obj_names, hash_str(name), s->nobj) < 0) {
		free(copy);
		snprintf(s->err, sizeof s->err, "%s '%s': out of memory",
			 sim_sync_kind_name(kind), name);
		return -1;
	}
	v = &s->obj[s->nobj];
	memset(v, 0, sizeof *v);
	v->name = copy;
	v->kind = kind;
	v->count = count;
	return (int)s->nobj++;
}

int sim_mutex_new(sim *s, const char *name)
{
	return obj_new(s, name, SIM_SYNC_MUTEX, 0);
}

int sim_sem_new(sim *s, const char *name, int64_t count)
{
	return obj_new(s, name, SIM_SYNC_SEM, count);
}

int sim_cond_new(sim *s, const char *name)
{
	return obj_new(s, name, SIM_SYNC_COND, 0);
}

int sim_sync_setup(sim *s)
{
	const workload *wl = s->wl;

	for (size_t i = 0; wl && i < wl->nobjs; i++) {
		const wl_obj *o = &wl->objs[i];

		if ((o->kind == WL_OBJ_SEM ? sim_sem_new(s, o->name, o->count) :
		     sim_mutex_new(s, o->name)) < 0)
			return -1;
	}
	return 0;
}

int sim_sync_start(sim *s)
{
	for (size_t i = 0; i < s->opt.nsems; i++) {
		const sim_sem_init *v = &s->opt.sems[i];
		int k = sim_sync_find(s, v->name);

		if (k < 0 || s->obj[k].kind != SIM_SYNC_SEM) {
			snprintf(s->err, sizeof s->err, "--sem %s=%lld: this run has no "
				 "semaphore '%s'", v->name, (long long)v->count, v->name);
			return -1;
		}
		s->obj[k].count = v->count;
	}
	return 0;
}

void sim_sync_free(sim *s)
{
	for (size_t i = 0; i < s->nobj; i++)
		free(s->obj[i].name);
	free(s->obj);
	hash_free(&s->obj_names);
}

/* Mutex o passes to t (or to nobody): off its holder's list, onto t's. */
static void hand_to(sim_obj *o, sim_thr *t)
{
	if (o->holder) {
		if (o->held_prev)
			o->held_prev->held_next = o->held_next;
		else
			o->holder->held = o->held_next;
		if (o->held_next)
			o->held_next->held_prev = o->held_prev;
	}
	o->holder = t;
	o->held_prev = NULL;
	o->held_next = t ? t->held : NULL;
	if (o->held_next)
		o->held_next->held_prev = o;
	if (t)
		t->held = o;
}

const sim_obj *sim_sync_first_held(const sim_thr *t, bool wanted)
{
	const sim_obj *first = NULL;

	for (const sim_obj *o = t->held; o; o = o->held_next)
		if ((!wanted || o->q.n) && (!first || o < first))
			first = o;
	return first;
}

/* ---- misuse ----------------------------------------------------------------------- */

static _Noreturn void misuse(sim *s, const sim_thr *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static _Noreturn void misuse(sim *s, const sim_thr *t, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	sim_fail(s, "time %lld: thread '%s' %s", (long long)s->now, t->name, what);
}

static sim_obj *obj_of(sim_thr *t, int h, sim_sync_kind kind, const char *call)
{
	sim *s = t->s;

	if (h < 0 || (size_t)h >= s->nobj || s->obj[h].kind != kind)
		misuse(s, t, "calls %s(%d): no such %s", call, h, sim_sync_kind_name(kind));
	return &s->obj[h];
}

/* ---- priorities: inheritance ------------------------------------------------------------ */

static bool better(const sim *s, int a, int b)
{
	return s->pol.high_first ? a > b : a < b;
}

int sim_sync_prio(const sim *s, const sim_thr *t)
{
	int p = t->pt.base_prio;

	if (!s->opt.inherit)
		return p;
	for (const sim_obj *o = t->held; o; o = o->held_next)
		for (const sim_thr *w = o->q.head; w; w = w->wq_next)
			if (better(s, w->pt.prio, p))
				p = w->pt.prio;
	return p;
}

static void set_prio(sim *s, sim_thr *t, int p, const char *reason)
{
	t->pt.prio = p;
	if (t->state == SIM_T_READY && s->pol.cls->requeue)
		s->pol.cls->requeue(&s->pol, &t->pt);
	sim_emit(s, SIM_EV_PRIO, t, p, reason);
}

/* waiter has just queued for a mutex: its holder, and whoever holds what
 * that holder waits for, run at least at waiter's priority. */
static void boost(sim *s, const sim_thr *waiter, sim_thr *h)
{
	char why[SIM_REASON_MAX];

	for (size_t n = 0; s->opt.inherit && h && n < s->nthr; n++) {
		int p = sim_sync_prio(s, h);

		if (!better(s, p, h->pt.prio))
			break;
		snprintf(why, sizeof why, "inherits priority %d from %s", p, waiter->name);
		set_prio(s, h, p, why);
		if (h->state != SIM_T_BLOCKED || h->wait != SIM_WAIT_OBJ ||
		    s->obj[h->wait_on].kind != SIM_SYNC_MUTEX)
			break;
		h = s->obj[h->wait_on].holder;
	}
}

/* ---- blocking and waking ----------------------------------------------------------------- */

static void block_on(sim *s, sim_thr *t, int h, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The running thread t starts waiting in h's queue. */
static void block_on(sim *s, sim_thr *t, int h, const char *fmt, ...)
{
	char why[SIM_REASON_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	t->wait = SIM_WAIT_OBJ;
	t->wait_on = h;
	t->state = SIM_T_BLOCKED;
	s->cur = NULL;
	wq_push(&s->obj[h].q, t);
	sim_emit(s, SIM_EV_BLOCK, t, 0, why);
}

static void wake(sim *s, sim_thr *w, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void wake(sim *s, sim_thr *w, const char *fmt, ...)
{
	char why[SIM_REASON_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	w->wait = SIM_WAIT_NONE;
	if (s->opt.inherit)
		w->pt.prio = sim_sync_prio(s, w);
	sim_make_ready(s, w, POL_WAKE);
	sim_emit(s, SIM_EV_WAKE, w, 0, why);
}

/* Whether the policy would give the CPU to the best ready thread now
 * rather than leave it with t (t's priority may just have dropped). */
static void recheck(sim *s, sim_thr *t)
{
	const pol_class *c = s->pol.cls;
	pol_reason why = sim_reason(s, s->resched_why);
	int id;

	if (!s->resched && c->check_preempt && c->order(&s->pol, &id, 1) > 0 &&
	    c->check_preempt(&s->pol, &t->pt, &s->thr[id].pt, &why))
		s->resched = true;
	if (s->resched)
		sim_preempt(s, t, POL_PREEMPT, s->resched_why);
}

/* Hand mutex o on from its holder t; the caller decides about the CPU. */
static void release(sim *s, sim_thr *t, sim_obj *o)
{
	sim_thr *w = wq_pop(&o->q);
	int p;

	hand_to(o, w);
	if (s->opt.inherit && (p = sim_sync_prio(s, t)) != t->pt.prio) {
		char why[SIM_REASON_MAX];

		snprintf(why, sizeof why, "back to priority %d after unlocking %s", p, o->name);
		set_prio(s, t, p, why);
	}
	if (w && w->cond_mutex < 0)
		wake(s, w, "got mutex %s from %s", o->name, t->name);
	else if (w) /* back from a condition: it now holds its mutex */
		wake(s, w, "signalled, and holds mutex %s again", o->name);
	if (w)
		w->cond_mutex = -1;
}

/* ---- mutexes ------------------------------------------------------------------------ */

static void lock(sim *s, sim_thr *t, int h)
{
	sim_obj *o = &s->obj[h];

	if (o->holder == t)
		misuse(s, t, "locks mutex '%s', which it already holds", o->name);
	if (!o->holder) {
		hand_to(o, t);
		return;
	}
	block_on(s, t, h, "waits for mutex %s held by %s", o->name, o->holder->name);
	boost(s, t, o->holder);
	sim_block(s, t);
}

static void unlock(sim *s, sim_thr *t, int h)
{
	sim_obj *o = &s->obj[h];

	if (o->holder != t)
		misuse(s, t, "unlocks mutex '%s', which it does not hold%s%s%s", o->name,
		       o->holder ? " (" : "", o->holder ? o->holder->name : "",
		       o->holder ? " does)" : "");
	release(s, t, o);
	recheck(s, t);
}

int sim_mutex_lock(int m)
{
	sim_thr *t = sim_self_thr("sim_mutex_lock");

	if (!t)
		return -1;
	obj_of(t, m, SIM_SYNC_MUTEX, "sim_mutex_lock");
	lock(t->s, t, m);
	return 0;
}

int sim_mutex_unlock(int m)
{
	sim_thr *t = sim_self_thr("sim_mutex_unlock");

	if (!t)
		return -1;
	obj_of(t, m, SIM_SYNC_MUTEX, "sim_mutex_unlock");
	unlock(t->s, t, m);
	return 0;
}

/* ---- semaphores ------------------------------------------------------------------------ */

static void sem_wait(sim *s, sim_thr *t, int h)
{
	sim_obj *o = &s->obj[h];

	if (o->count > 0) {
		o->count--;
		return;
	}
	block_on(s, t, h, "waits for semaphore %s (count 0)", o->name);
	sim_block(s, t);
}

static void sem_post(sim *s, sim_thr *t, int h)
{
	sim_obj *o = &s->obj[h];
	sim_thr *w = wq_pop(&o->q);

	if (w) {
		wake(s, w, "semaphore %s posted by %s", o->name, t->name);
		recheck(s, t);
	} else if (o->count == INT64_MAX) {
		misuse(s, t, "posts semaphore '%s' past its largest count", o->name);
	} else {
		o->count++;
	}
}

int sim_sem_wait(int sem)
{
	sim_thr *t = sim_self_thr("sim_sem_wait");

	if (!t)
		return -1;
	obj_of(t, sem, SIM_SYNC_SEM, "sim_sem_wait");
	sem_wait(t->s, t, sem);
	return 0;
}

int sim_sem_post(int sem)
{
	sim_thr *t = sim_self_thr("sim_sem_post");

	if (!t)
		return -1;
	obj_of(t, sem, SIM_SYNC_SEM, "sim_sem_post");
	sem_post(t->s, t, sem);
	return 0;
}

/* ---- condition variables ------------------------------------------------------------------ */

int sim_cond_wait(int c, int m)
{
	sim_thr *t = sim_self_thr("sim_cond_wait");
	sim *s;

	if (!t)
		return -1;
	s = t->s;
	obj_of(t, c, SIM_SYNC_COND, "sim_cond_wait");
	obj_of(t, m, SIM_SYNC_MUTEX, "sim_cond_wait");
	if (s->obj[m].holder != t)
		misuse(s, t, "waits on condition '%s' without holding mutex '%s'",
		       s->obj[c].name, s->obj[m].name);
	block_on(s, t, c, "waits for condition %s", s->obj[c].name);
	t->cond_mutex = m;
	release(s, t, &s->obj[m]);
	sim_block(s, t);
	return 0;
}

/* The first waiter of c takes its mutex back, or queues for it. */
static bool signal_one(sim *s, sim_thr *t, int c)
{
	sim_thr *w = wq_pop(&s->obj[c].q);
	int m;

	if (!w)
		return false;
	m = w->cond_mutex;
	if (!s->obj[m].holder) {
		hand_to(&s->obj[m], w);
		w->cond_mutex = -1;
		wake(s, w, "condition %s signalled by %s", s->obj[c].name, t->name);
	} else {
		w->wait_on = m;
		wq_push(&s->obj[m].q, w);
		boost(s, w, s->obj[m].holder);
	}
	return true;
}

int sim_cond_signal(int c)
{
	sim_thr *t = sim_self_thr("sim_cond_signal");

	if (!t)
		return -1;
	obj_of(t, c, SIM_SYNC_COND, "sim_cond_signal");
	if (signal_one(t->s, t, c))
		recheck(t->s, t);
	return 0;
}

int sim_cond_broadcast(int c)
{
	sim_thr *t = sim_self_thr("sim_cond_broadcast");
	bool any = false;

	if (!t)
		return -1;
	obj_of(t, c, SIM_SYNC_COND, "sim_cond_broadcast");
	while (signal_one(t->s, t, c))
		any = true;
	if (any)
		recheck(t->s, t);
	return 0;
}

/* ---- join, sleep, and a thread's end ---------------------------------------------------------- */

static void join(sim *s, sim_thr *t, int thread)
{
	sim_thr *x;

	if (thread < 0 || (size_t)thread >= s->nthr)
		misuse(s, t, "calls sim_join(%d): no such thread", thread);
	x = &s->thr[thread];
	if (x == t)
		misuse(s, t, "joins itself: it would wait forever");
	if (x->state == SIM_T_DONE)
		return;
	t->wait = SIM_WAIT_JOIN;
	t->wait_on = thread;
	t->state = SIM_T_BLOCKED;
	s->cur = NULL;
	wq_push(&x->joiners, t);
	{
		char why[SIM_REASON_MAX];

		snprintf(why, sizeof why, "waits for %s to finish", x->name);
		sim_emit(s, SIM_EV_BLOCK, t, 0, why);
	}
	sim_block(s, t);
}

int sim_join(int thread)
{
	sim_thr *t = sim_self_thr("sim_join");

	if (!t)
		return -1;
	join(t->s, t, thread);
	return 0;
}

void sim_sleep_for(sim_thr *t, int64_t ticks)
{
	sim *s = t->s;
	char why[SIM_REASON_MAX];

	if (__builtin_add_overflow(s->now, ticks, &t->wake_at) || t->wake_at > SIM_TIME_MAX)
		sim_fail(s, "thread '%s': virtual time overflows at %lld",
			 t->name, (long long)s->now);
	t->io_len = 0;
	t->wait = SIM_WAIT_SLEEP;
	t->state = SIM_T_BLOCKED;
	s->cur = NULL;
	if (heap_push(&s->wakes, &t->wnode) < 0)
		sim_fail(s, "out of memory blocking thread '%s'", t->name);
	snprintf(why, sizeof why, "sleeps %lld ticks", (long long)ticks);
	sim_emit(s, SIM_EV_BLOCK, t, 0, why);
	sim_block(s, t);
}

int sim_sleep(int64_t ticks)
{
	sim_thr *t = sim_self_thr("sim_sleep");

	if (!t)
		return -1;
	if (ticks < 0)
		misuse(t->s, t, "calls sim_sleep(%lld): a negative tick count", (long long)ticks);
	if (ticks)
		sim_sleep_for(t, ticks);
	return 0;
}

void sim_sync_check_exit(sim *s, sim_thr *t)
{
	const sim_obj *o = sim_sync_first_held(t, false);

	if (o)
		misuse(s, t, "finishes holding mutex '%s'", o->name);
}

void sim_sync_exit(sim *s, sim_thr *t)
{
	sim_thr *w;

	while ((w = wq_pop(&t->joiners)))
		wake(s, w, "%s finished", t->name);
}

/* ---- workload steps ------------------------------------------------------------------------- */

void sim_script_sync(sim_thr *t, const wl_step *st)
{
	sim *s = t->s;
	int h = (int)st->n;

	switch (st->kind) {
	case WL_STEP_LOCK:
		lock(s, t, h);
		break;
	case WL_STEP_UNLOCK:
		unlock(s, t, h);
		break;
	case WL_STEP_WAIT:
		sem_wait(s, t, h);
		break;
	case WL_STEP_POST:
		sem_post(s, t, h);
		break;
	case WL_STEP_JOIN:
		join(s, t, h);
		break;
	case WL_STEP_SLEEP:
		sim_sleep_for(t, st->n);
		break;
	default:
		break;
	}
}
