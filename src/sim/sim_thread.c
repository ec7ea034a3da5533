/* sim_thread.c: what runs on a simulated thread: the workload script
 * interpreter, the C-body API (sim_cpu, sim_io, ...), and the thread's end. */
#include <config.h>

#include <stdint.h>

#include "sim_int.h"

int64_t sim_script_burst(const sim_thr *t, size_t from)
{
	int64_t n = 0;

	/* Taking or giving a mutex or semaphore takes no time: the burst
	 * goes on across it (if the thread waits there, the rest of the
	 * burst is still ahead of it). */
	for (size_t i = from; i < t->wl->nsteps; i++) {
		const wl_step *st = &t->wl->steps[i];

		if (st->kind == WL_STEP_CPU)
			n += st->n;
		else if (!wl_step_instant(st->kind))
			break;
	}
	return n;
}

sim_thr *sim_self_thr(const char *call)
{
	sim *s = sim_running_sim;

	if (!s || !s->cur || !s->cur->rt || s->cur->rt != rt_self()) {
		sim_set_outside_error(call);
		return NULL;
	}
	return s->cur;
}

static void account(sim_thr *t, int64_t d)
{
	t->cpu += d;
	t->run_left -= d;
	if (t->pt.burst >= 0)
		t->pt.burst = t->pt.burst > d ? t->pt.burst - d : 0;
	if (t->pt.total >= 0)
		t->pt.total = t->pt.total > d ? t->pt.total - d : 0;
}

void sim_preempt(sim *s, sim_thr *t, pol_cause why, const char *reason)
{
	s->resched = false;
	s->cur = NULL;
	sim_make_ready(s, t, why);
	sim_emit(s, SIM_EV_PREEMPT, t, 0, reason);
	sim_leave(s, t, sim_schedule(s), SIM_LEAVE_PREEMPT);
}

static int run_cpu(sim_thr *t, int64_t n)
{
	sim *s = t->s;
	int64_t end;

	if (!t->wl && t->expect < 0)
		t->pt.burst = n;
	t->run_left = n;
	for (;;) {
		sim_due(s);
		if (s->resched) {
			sim_preempt(s, t, POL_PREEMPT, s->resched_why);
			continue;
		}
		if (!t->run_left)
			return 0;
		if (__builtin_add_overflow(s->now, t->run_left, &end) || end > SIM_TIME_MAX)
			sim_fail(s, "thread '%s': virtual time overflows at %lld",
				 t->name, (long long)s->now);
		end = sim_next_time(s, end);
		account(t, end - s->now);
		s->now = end;
		/* Its own transition comes first at this instant: events
		 * due now wait for the next call into the engine. */
		if (!t->run_left)
			return 0;
	}
}

static int run_io(sim_thr *t, int64_t n)
{
	sim *s = t->s;

	if (__builtin_add_overflow(s->now, n, &t->wake_at) || t->wake_at > SIM_TIME_MAX)
		sim_fail(s, "thread '%s': virtual time overflows at %lld",
			 t->name, (long long)s->now);
	t->io_len = n;
	t->wait = SIM_WAIT_IO;
	t->state = SIM_T_BLOCKED;
	s->cur = NULL;
	if (heap_push(&s->wakes, &t->wnode) < 0)
		sim_fail(s, "out of memory blocking thread '%s'", t->name);
	sim_emit(s, SIM_EV_BLOCK, t, n, "");
	sim_block(s, t);
	return 0;
}

void sim_block(sim *s, sim_thr *t)
{
	/* What a script does after waking is its next burst. */
	if (t->wl && t->wait != SIM_WAIT_OBJ)
		t->pt.burst = sim_script_burst(t, t->step + 1);
	sim_leave(s, t, sim_schedule(s), SIM_LEAVE_BLOCK);
}

int sim_cpu(int64_t ticks)
{
	sim_thr *t = sim_self_thr("sim_cpu");

	if (!t)
		return -1;
	if (ticks < 0)
		sim_fail(t->s, "thread '%s': sim_cpu(%lld): a negative tick count",
			 t->name, (long long)ticks);
	return run_cpu(t, ticks);
}

int sim_io(int64_t ticks)
{
	sim_thr *t = sim_self_thr("sim_io");

	if (!t)
		return -1;
	if (ticks < 0)
		sim_fail(t->s, "thread '%s': sim_io(%lld): a negative tick count",
			 t->name, (long long)ticks);
	return ticks ? run_io(t, ticks) : 0;
}

int sim_yield(void)
{
	sim_thr *t = sim_self_thr("sim_yield");

	if (!t)
		return -1;
	/* what is due now comes first, as at any other call */
	sim_due(t->s);
	if (t->s->resched)
		sim_preempt(t->s, t, POL_PREEMPT, t->s->resched_why);
	else
		sim_preempt(t->s, t, POL_YIELD, "yielded");
	return 0;
}

sim *sim_self_sim(void)
{
	sim_thr *t = sim_self_thr("sim_self_sim");

	return t ? t->s : NULL;
}

int sim_self(void)
{
	sim_thr *t = sim_self_thr("sim_self");

	return t ? t->pt.id : -1;
}

static void run_script(sim_thr *t)
{
	for (t->step = 0; t->step < t->wl->nsteps; t->step++) {
		const wl_step *st = &t->wl->steps[t->step];

		switch (st->kind) {
		case WL_STEP_CPU:
			run_cpu(t, st->n);
			break;
		case WL_STEP_IO:
			if (st->n)
				run_io(t, st->n);
			break;
		case WL_STEP_LOCK:
		case WL_STEP_UNLOCK:
		case WL_STEP_WAIT:
		case WL_STEP_POST:
		case WL_STEP_SLEEP:
		case WL_STEP_JOIN:
			sim_script_sync(t, st);
			break;
		default:
			sim_fail(t->s, "%s:%d:%d: thread '%s': step kind %d is not simulated",
				 t->s->wl->path, st->line, st->col, t->name, (int)st->kind);
		}
	}
}

void *sim_thread_main(void *arg)
{
	sim_thr *t = arg;
	sim *s = t->s;

	sim_resumed(s);
	if (t->wl)
		run_script(t);
	else
		t->body(t->arg);
	sim_sync_check_exit(s, t);
	t->state = SIM_T_DONE;
	t->finish = s->now;
	t->pt.burst = t->pt.total = 0;
	s->cur = NULL;
	sim_emit(s, SIM_EV_EXIT, t, 0, "");
	sim_sync_exit(s, t);
	sim_thr *n = sim_schedule(s);
	s->zombie = t->rt;
	t->rt = NULL;
	sim_leave(s, t, n, SIM_LEAVE_EXIT);
	return NULL;
}
