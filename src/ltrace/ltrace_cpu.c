/* ltrace_cpu.c: the imported CPU's state machine.
 *
 * Each task is off the CPU, ready (runnable here, waiting), running, or
 * done.  sched_switch lines on this CPU move the running task out (ready
 * if its prev_state was R or R+) and the next one in; wake-ups targeting
 * this CPU make tasks ready; a ready task switched in on another CPU has
 * migrated and stops waiting here.
 *
 * Until this CPU's first switch nothing says who was running, so wake-ups
 * are held back (one per task at most) and replayed after the running
 * task's dispatch at 0: the events leave in time order.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/hash.h"
#include "ltrace_int.h"

enum tstate { T_OFF, T_READY, T_RUNNING, T_DONE };

struct task {
	ltrace_task pub;
	char *name;
	size_t namelen, namecap;
	enum tstate state;
	int64_t since;      /* when the current state began */
	bool exiting;       /* sched_process_exit seen */
};

/* A wake-up before the first switch. */
struct pending {
	int pid;            /* 0: dropped (the idle task is never held) */
	int64_t time;
	bool is_new;
	char *name;
};

struct ltrace_machine {
	int cpu;
	ltrace_sink sink;
	struct task *tasks;
	size_t ntasks, taskcap;
	hash_table by_pid;  /* the newest task of each pid */
	bool started;
	size_t nready;      /* tasks in T_READY */
	int cur;            /* running task, -1 idle */
	int holder;         /* whose context the CPU holds: the last to run */
	struct pending *pend;
	size_t npend, pendcap, nheld; /* nheld: those not dropped */
	hash_table pend_by_pid;
	int exit_pid;       /* sched_process_exit here before the first switch */
	size_t namebytes;
};

static const ltrace_reason no_reason = { LTW_NONE, "" };

static void emit(ltrace_machine *m, int64_t t, sim_ev_kind k, int thread,
                 const ltrace_reason *why)
{
	m->sink.event(m->sink.ctx, m->cpu, t, k, thread, why);
}

static void emit_why(ltrace_machine *m, int64_t t, sim_ev_kind k, int thread,
                     ltrace_why why)
{
	ltrace_reason r = { (uint8_t)why, "" };

	emit(m, t, k, thread, &r);
}

const char *ltrace_reason_text(const ltrace_reason *r, char *buf)
{
	static const char *const fixed[] = {
		[LTW_NONE] = "",
		[LTW_START] = "running at the trace's start",
		[LTW_WAKEUP] = "sched_wakeup",
		[LTW_WAKEUP_NEW] = "sched_wakeup_new",
		[LTW_UNWOKEN] = "no wake-up seen",
		[LTW_LOST] = "switched out unseen (events lost)",
	};
	static const char state[] = "prev_state=", migrated[] = "migrated to CPU ";
	size_t n;

	/* Made for every event delivered: constant copies, and the data (a
	 * letter or two, mostly) by hand. */
	if (r->why == LTW_STATE) {
		memcpy(buf, state, sizeof state - 1);
		n = sizeof state - 1;
	} else if (r->why == LTW_MIGRATED) {
		memcpy(buf, migrated, sizeof migrated - 1);
		n = sizeof migrated - 1;
	} else {
		return r->why < sizeof fixed / sizeof *fixed && fixed[r->why]
		       ? fixed[r->why] : "";
	}
	for (size_t i = 0; i < sizeof r->data && r->data[i]; i++)
		buf[n++] = r->data[i];
	buf[n] = '\0';
	return buf;
}

static bool task_is(const void *ctx, size_t i, const void *pid)
{
	const ltrace_machine *m = ctx;

	return m->tasks[i].pub.pid == *(const int *)pid;
}

static int lookup(const ltrace_machine *m, int pid)
{
	size_t i = hash_find(&m->by_pid, hash_int((uint64_t)pid), task_is, m, &pid);

	return i == HASH_NONE ? -1 : (int)i;
}

/* task is now the newest with its pid. */
static int map_set(ltrace_machine *m, int pid, int task)
{
	int old = lookup(m, pid);

	if (old >= 0)
		hash_remove(&m->by_pid, hash_int((uint64_t)pid), (size_t)old);
	return hash_add(&m->by_pid, hash_int((uint64_t)pid), (size_t)task);
}

static int set_name(ltrace_machine *m, struct task *t, const char *s, size_t n)
{
	if (t->name && t->namelen == n && !memcmp(t->name, s, n))
		return 0;
	if (n + 1 > t->namecap) {
		char *p = realloc(t->name, n + 1);

		if (!p)
			return -1;
		m->namebytes += n + 1 - t->namecap;
		t->name = p;
		t->namecap = n + 1;
	}
	memcpy(t->name, s, n);
	t->name[n] = '\0';
	t->namelen = n;
	t->pub.name = t->name;
	return 0;
}

/* Room for one more element in an array of *cap, n in use. */
/* A new task; its ARRIVE is the caller's. */
static int add_task(ltrace_machine *m, int pid, const char *comm, size_t len,
                    int64_t t)
{
	if (grow_room(&m->tasks, &m->taskcap, m->ntasks, sizeof *m->tasks))
		return -1;
	struct task *k = &m->tasks[m->ntasks];
	memset(k, 0, sizeof *k);
	k->pub.pid = pid;
	k->pub.arrival = t;
	k->pub.finish = -1;
	k->state = T_OFF;
	if (set_name(m, k, comm, len) || map_set(m, pid, (int)m->ntasks)) {
		free(k->name);
		return -1;
	}
	return (int)m->ntasks++;
}

/* The task a switch or wake-up names, arriving now if it is new (or its
 * pid was reused after an exit). */
static int live_task(ltrace_machine *m, int pid, const char *comm, size_t len,
                     int64_t t, ltrace_why why)
{
	int i = lookup(m, pid);

	if (i >= 0 && m->tasks[i].state != T_DONE)
		return set_name(m, &m->tasks[i], comm, len) ? -1 : i;
	i = add_task(m, pid, comm, len, t);
	if (i >= 0)
		emit_why(m, t, SIM_EV_ARRIVE, i, why);
	return i;
}

static void ready(ltrace_machine *m, struct task *k, int64_t t)
{
	if (k->state != T_READY)
		m->nready++;
	k->state = T_READY;
	k->since = t;
}

/* Leaving the ready state at t, for state s. */
static void unready(ltrace_machine *m, struct task *k, int64_t t,
                    enum tstate s)
{
	if (k->state == T_READY) {
		k->pub.waiting += t - k->since;
		m->nready--;
	}
	k->state = s;
}

static void stop_waiting(struct task *k, int64_t t)
{
	if (k->state == T_READY)
		k->pub.waiting += t - k->since;
}

static ltrace_why wake_why(bool is_new)
{
	return is_new ? LTW_WAKEUP_NEW : LTW_WAKEUP;
}

static int wake(ltrace_machine *m, int pid, const char *comm, size_t len,
                int64_t t, bool is_new)
{
	int i = lookup(m, pid);

	if (i >= 0 && m->tasks[i].state == T_OFF) {
		if (set_name(m, &m->tasks[i], comm, len))
			return -1;
		ready(m, &m->tasks[i], t);
		emit_why(m, t, SIM_EV_WAKE, i, wake_why(is_new));
		return 0;
	}
	if (i >= 0 && m->tasks[i].state != T_DONE)
		return 0;   /* already runnable: the earlier time stands */
	i = live_task(m, pid, comm, len, t, wake_why(is_new));
	if (i < 0)
		return -1;
	ready(m, &m->tasks[i], t);
	return 0;
}

static bool pending_is(const void *ctx, size_t i, const void *pid)
{
	const ltrace_machine *m = ctx;

	return m->pend[i].pid == *(const int *)pid;
}

static size_t find_pending(const ltrace_machine *m, int pid)
{
	return hash_find(&m->pend_by_pid, hash_int((uint64_t)pid), pending_is, m, &pid);
}

/* The entry stays in its place, emptied, so the others keep their order
 * at no cost. */
static void drop_pending(ltrace_machine *m, int pid)
{
	size_t i = find_pending(m, pid);

	if (i == HASH_NONE)
		return;
	hash_remove(&m->pend_by_pid, hash_int((uint64_t)pid), i);
	free(m->pend[i].name);
	m->pend[i].name = NULL;
	m->pend[i].pid = 0;
	m->nheld--;
}

static int hold_wakeup(ltrace_machine *m, const ltrace_rec *r, bool is_new)
{
	if (find_pending(m, r->a_pid) != HASH_NONE)
		return 0;
	if (grow_room(&m->pend, &m->pendcap, m->npend, sizeof *m->pend))
		return -1;
	struct pending *p = &m->pend[m->npend];
	p->name = strndup(r->a_comm, r->a_len);
	if (!p->name)
		return -1;
	if (hash_add(&m->pend_by_pid, hash_int((uint64_t)r->a_pid), m->npend) < 0) {
		free(p->name);
		return -1;
	}
	p->pid = r->a_pid;
	p->time = r->ts;
	p->is_new = is_new;
	m->npend++;
	m->nheld++;
	return 0;
}

/* The first switch here: its prev task has run since the trace began. */
static int start(ltrace_machine *m, const ltrace_rec *r)
{
	int err = 0;

	m->started = true;
	m->cur = -1;
	if (r->a_pid == 0) {
		emit(m, 0, SIM_EV_IDLE, -1, &no_reason);
	} else {
		drop_pending(m, r->a_pid);
		int i = live_task(m, r->a_pid, r->a_comm, r->a_len, 0,
				  LTW_START);
		if (i < 0)
			return -1;
		m->cur = m->holder = i;
		m->tasks[i].state = T_RUNNING;
		m->tasks[i].since = 0;
		m->tasks[i].exiting = m->exit_pid == r->a_pid;
		m->tasks[i].pub.dispatches = 1;
		emit(m, 0, SIM_EV_DISPATCH, i, &no_reason);
	}
	for (size_t j = 0; j < m->npend; j++) {
		struct pending *p = &m->pend[j];

		if (!err && p->pid && wake(m, p->pid, p->name, strlen(p->name),
					   p->time, p->is_new))
			err = -1;
		free(p->name);
	}
	free(m->pend);
	m->pend = NULL;
	m->npend = m->pendcap = m->nheld = 0;
	hash_free(&m->pend_by_pid);
	return err;
}

static const ltrace_reason *state_why(const ltrace_rec *r, ltrace_reason *why)
{
	size_t n = r->state_len < sizeof why->data ? r->state_len : sizeof why->data;

	why->why = LTW_STATE;
	memset(why->data, 0, sizeof why->data);
	memcpy(why->data, r->state_s, n);
	return why;
}

static int switch_out(ltrace_machine *m, const ltrace_rec *r)
{
	int64_t t = r->ts;
	ltrace_reason why;

	if (m->cur < 0)
		return 0;
	struct task *k = &m->tasks[m->cur];
	k->pub.cpu += t - k->since;
	if (k->pub.pid != r->a_pid) {
		/* Events were lost: the task we had leaves now, reason unknown. */
		k->state = T_OFF;
		emit_why(m, t, SIM_EV_BLOCK, m->cur, LTW_LOST);
		return 0;
	}
	if (set_name(m, k, r->a_comm, r->a_len))
		return -1;
	if (r->state == LTS_RUN) {
		k->pub.preemptions++;
		ready(m, k, t);
		emit(m, t, SIM_EV_PREEMPT, m->cur, state_why(r, &why));
	} else if (r->state == LTS_DEAD || k->exiting) {
		k->pub.voluntary++;
		k->pub.finish = t;
		k->state = T_DONE;
		emit(m, t, SIM_EV_EXIT, m->cur, state_why(r, &why));
	} else {
		k->pub.voluntary++;
		k->state = T_OFF;
		emit(m, t, SIM_EV_BLOCK, m->cur, state_why(r, &why));
	}
	return 0;
}

static int switch_in(ltrace_machine *m, const ltrace_rec *r)
{
	int64_t t = r->ts;

	if (r->b_pid == 0) {
		m->cur = -1;
		emit(m, t, SIM_EV_IDLE, -1, &no_reason);
		return 0;
	}
	size_t known = m->ntasks;
	int i = live_task(m, r->b_pid, r->b_comm, r->b_len, t, LTW_UNWOKEN);
	if (i < 0)
		return -1;
	struct task *k = &m->tasks[i];
	/* Its wake-up was not seen: it is woken now, having waited 0, so
	 * the stream never dispatches a task it left blocked. */
	if ((size_t)i < known && k->state == T_OFF)
		emit_why(m, t, SIM_EV_WAKE, i, LTW_UNWOKEN);
	unready(m, k, t, T_RUNNING);
	k->since = t;
	k->pub.dispatches++;
	if (m->holder >= 0 && m->holder != i)
		emit(m, t, SIM_EV_SWITCH, i, &no_reason);
	m->cur = m->holder = i;
	emit(m, t, SIM_EV_DISPATCH, i, &no_reason);
	return 0;
}

/* A switch on another CPU: a task ready here that runs there migrated. */
static void migrated(ltrace_machine *m, const ltrace_rec *r)
{
	if (r->b_pid == 0)
		return;
	if (!m->started) {
		drop_pending(m, r->b_pid);
		return;
	}
	int i = lookup(m, r->b_pid);
	if (i < 0 || m->tasks[i].state != T_READY)
		return;
	unready(m, &m->tasks[i], r->ts, T_OFF);
	ltrace_reason why = { LTW_MIGRATED, "" };
	snprintf(why.data, sizeof why.data, "%d", r->cpu);
	emit(m, r->ts, SIM_EV_BLOCK, i, &why);
}

int ltrace_machine_feed(ltrace_machine *m, const ltrace_rec *r)
{
	switch (r->kind) {
	case LTK_SWITCH:
		if (r->cpu != m->cpu) {
			migrated(m, r);
			return 0;
		}
		if (!m->started && start(m, r))
			return -1;
		if (switch_out(m, r))
			return -1;
		return switch_in(m, r);
	case LTK_WAKEUP:
	case LTK_WAKEUP_NEW:
		if (r->target != m->cpu || r->a_pid == 0)
			return 0;
		if (!m->started)
			return hold_wakeup(m, r, r->kind == LTK_WAKEUP_NEW);
		return wake(m, r->a_pid, r->a_comm, r->a_len, r->ts,
			    r->kind == LTK_WAKEUP_NEW);
	case LTK_EXIT:
		if (r->cpu != m->cpu)
			return 0;
		if (!m->started)
			m->exit_pid = r->a_pid;
		else if (m->cur >= 0 && m->tasks[m->cur].pub.pid == r->a_pid)
			m->tasks[m->cur].exiting = true;
		return 0;
	case LTK_OTHER:
		break;
	}
	return 0;
}

bool ltrace_machine_queued(const ltrace_machine *m)
{
	return m->started ? m->nready > 0 : m->nheld > 0;
}

bool ltrace_machine_started(const ltrace_machine *m)
{
	return m->started;
}

void ltrace_machine_finish(ltrace_machine *m, int64_t end)
{
	if (!m->started)
		return;
	if (m->cur >= 0)
		m->tasks[m->cur].pub.cpu += end - m->tasks[m->cur].since;
	for (size_t i = 0; i < m->ntasks; i++)
		stop_waiting(&m->tasks[i], end);
	emit(m, end, SIM_EV_END, -1, &no_reason);
}

ltrace_machine *ltrace_machine_new(int cpu, const ltrace_sink *sink)
{
	ltrace_machine *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->cpu = cpu;
	m->sink = *sink;
	m->cur = m->holder = -1;
	m->exit_pid = -1;
	return m;
}

size_t ltrace_machine_ntasks(const ltrace_machine *m)
{
	return m->ntasks;
}

const ltrace_task *ltrace_machine_task(const ltrace_machine *m, size_t i)
{
	return i < m->ntasks ? &m->tasks[i].pub : NULL;
}

size_t ltrace_machine_memory(const ltrace_machine *m)
{
	return sizeof *m + m->taskcap * sizeof *m->tasks +
	       hash_memory(&m->by_pid) + m->pendcap * sizeof *m->pend +
	       hash_memory(&m->pend_by_pid) + m->namebytes;
}

void ltrace_machine_free(ltrace_machine *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->ntasks; i++)
		free(m->tasks[i].name);
	for (size_t i = 0; i < m->npend; i++)
		free(m->pend[i].name);
	free(m->tasks);
	hash_free(&m->by_pid);
	free(m->pend);
	hash_free(&m->pend_by_pid);
	free(m);
}
