/* sched_test.c: the Check suite of the policies and their registry, on
 * hand-made run queues (no engine, no threads). */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "sched/policy.h"
#include "sim/event.h"

static char err[256];
static char why_buf[128];
static pol_reason why = { why_buf, sizeof why_buf };

/* Option name of o's policy from its text, which must be right. */
static void set(sim_options *o, const char *name, const char *text)
{
	ck_assert_msg(sim_options_set(o, name, text, err, sizeof err) == 0, "%s", err);
}

/* A policy under o (policy name and quantum if not 0, the rest default). */
static void setup(pol *p, const char *name, int64_t quantum)
{
	sim_options o;
	char q[24];

	sim_options_default(&o);
	o.policy = name;
	snprintf(q, sizeof q, "%lld", (long long)quantum);
	if (quantum)
		set(&o, "quantum", q);
	ck_assert_msg(pol_new(p, o.policy, &o.pol, err, sizeof err) == 0, "pol_new: %s", err);
}

static void thread(pol_thread *t, int id, int64_t arrival, int prio, int64_t burst)
{
	static uint64_t seq;

	memset(t, 0, sizeof *t);
	t->id = id;
	t->arrival = t->ready_since = arrival;
	t->base_prio = t->prio = prio;
	t->burst = t->total = burst;
	t->seq = ++seq;
	t->node.pos = t->age_node.pos = HEAP_NONE;
}

/* Enqueue all, then pick until empty: the ids in pick order, as "2 0 1". */
static void picks(pol *p, pol_thread *t, size_t n, const char *want)
{
	char got[128] = "";
	int ids[16];
	size_t len = 0;

	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(p->cls->enqueue(p, &t[i], POL_ARRIVE), 0);
	ck_assert_uint_eq(p->cls->order(p, ids, 16), n);
	for (pol_thread *x; (x = p->cls->pick_next(p, 0, &why));)
		len += (size_t)snprintf(got + len, sizeof got - len, "%s%d", len ? " " : "", x->id);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(p->cls->order(p, ids, 16), 0);
}

/* ---- registry ------------------------------------------------------------ */

START_TEST(test_registry)
{
	char known[128];
	const char *names[] = { "fifo", "rr", "prio", "sjf", "srtf" };

	for (size_t i = 0; i < 5; i++) {
		ck_assert_ptr_nonnull(pol_at(i));
		ck_assert_str_eq(pol_at(i)->name, names[i]);
		ck_assert_ptr_eq(pol_find(names[i]), pol_at(i));
		ck_assert_ptr_nonnull(pol_at(i)->summary);
		ck_assert(!pol_at(i)->nopts || pol_at(i)->opts);
	}
	ck_assert_ptr_null(pol_at(5));
	ck_assert_ptr_eq(pol_find("fcfs"), &pol_fifo);
	ck_assert_ptr_eq(pol_find("round-robin"), &pol_rr);
	ck_assert_ptr_eq(pol_find("priority"), &pol_prio);
	ck_assert_ptr_null(pol_find("FIFO"));
	ck_assert_ptr_null(pol_find(""));
	pol_known(known, sizeof known);
	ck_assert_str_eq(known, "fifo, rr, prio, sjf, srtf");
	pol_known(known, 7);
	ck_assert_str_eq(known, "fifo, ");
	ck_assert_uint_eq(pol_rr.nopts, 1);
	ck_assert_str_eq(pol_rr.opts[0].name, "quantum");
	ck_assert_int_eq(pol_rr.opts[0].def, 4);
}
END_TEST

START_TEST(test_unknown_policy)
{
	sim_options o;
	pol p;

	sim_options_default(&o);
	o.policy = "lottery";
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), -1);
	ck_assert_str_eq(err, "unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)");
	o.policy = NULL;
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	ck_assert_str_eq(p.name, "fifo");
	pol_free(&p);
}
END_TEST

/* Values are checked by the tables, before any policy sees them; an
 * option a policy does not take is refused, and so are another's values. */
START_TEST(test_option_errors)
{
	sim_options o;
	pol p;

	sim_options_default(&o);
	o.policy = "rr";
	ck_assert_int_eq(sim_options_set(&o, "quantum", "-3", err, sizeof err), -1);
	ck_assert_str_eq(err, "invalid value '-3' for --quantum: expected a whole number from 1 "
	                 "to 1000000000000");
	o.policy = "prio";
	ck_assert_int_eq(sim_options_set(&o, "aging", "x", err, sizeof err), -1);
	ck_assert_str_eq(err, "invalid value 'x' for --aging: expected a whole number from 0 "
	                 "to 1000000000000");
	ck_assert_int_eq(sim_options_set(&o, "priority-order", "up", err, sizeof err), -1);
	ck_assert_str_eq(err, "invalid value 'up' for --priority-order: expected low-first or "
	                 "high-first");
	o.policy = "fifo";
	ck_assert_int_eq(sim_options_set(&o, "quantum", "7", err, sizeof err), -1);
	ck_assert_str_eq(err, "fifo takes no --quantum");
	o.policy = "rr";
	set(&o, "quantum", "7");
	ck_assert_int_eq(pol_new(&p, "fifo", &o.pol, err, sizeof err), -1);
	ck_assert_str_eq(err, "fifo: the options given are another policy's");
}
END_TEST

/* An option's name means one thing wherever it appears: every policy
 * that declares it gives it the same kind, range and words. */
START_TEST(test_option_names_agree)
{
	const pol_class *c, *t;

	for (size_t i = 0; (c = pol_at(i)); i++) {
		ck_assert_uint_le(c->nopts, OPT_MAX);
		for (size_t k = 0; k < c->nopts; k++) {
			const opt_def *d = &c->opts[k], *e;
			size_t from = 0;

			ck_assert_ptr_null(opt_find(sim_engine_opts, SIM_NOPTS, d->name));
			ck_assert_ptr_nonnull(d->help);
			while ((t = pol_taker(d->name, &from, &e))) {
				ck_assert_int_eq(e->kind, d->kind);
				ck_assert_int_eq(e->min, d->min);
				ck_assert_int_eq(e->max, d->max);
				for (size_t w = 0; d->kind == OPT_WORD && d->words[w]; w++)
					ck_assert_str_eq(e->words[w], d->words[w]);
			}
		}
	}
}
END_TEST

START_TEST(test_defaults_and_names)
{
	sim_options o;
	pol p;

	setup(&p, "rr", 0);
	ck_assert_int_eq(pol_int(&p, 0), 4);
	ck_assert_int_eq(p.slice, 4);
	ck_assert_str_eq(p.cls->name, "rr");
	pol_free(&p);
	setup(&p, "round-robin", 9);
	ck_assert_int_eq(p.slice, 9);
	ck_assert_str_eq(p.name, "rr");
	pol_free(&p);
	sim_options_default(&o);
	o.policy = "sjf";
	set(&o, "preemptive", "true");
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	ck_assert_str_eq(p.name, "srtf");
	pol_free(&p);
	setup(&p, "srtf", 0);
	ck_assert_str_eq(p.name, "srtf");
	ck_assert_int_eq(pol_int(&p, 0), 1);
	pol_free(&p);
	/* and srtf told otherwise is sjf */
	sim_options_default(&o);
	o.policy = "srtf";
	set(&o, "preemptive", "false");
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	ck_assert_str_eq(p.name, "sjf");
	pol_free(&p);
}
END_TEST

/* ---- pick orders ---------------------------------------------------------------- */

START_TEST(test_fifo_order)
{
	pol p;
	pol_thread t[4];

	setup(&p, "fifo", 0);
	thread(&t[0], 0, 5, 0, 3);
	thread(&t[1], 1, 0, 0, 9);
	thread(&t[2], 2, 2, 0, 1);
	thread(&t[3], 3, 0, 0, 1);
	/* enqueue order is the order, whatever the arrival */
	picks(&p, t, 4, "0 1 2 3");
	t[2].ready_since = 7;
	p.cls->enqueue(&p, &t[2], POL_WAKE);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 9, &why), &t[2]);
	ck_assert_str_eq(why_buf, "first come, first served (ready since 7)");
	p.cls->enqueue(&p, &t[3], POL_ARRIVE);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 9, &why), &t[3]);
	ck_assert_str_eq(why_buf, "first come, first served (arrived at 0)");
	ck_assert_ptr_null(p.cls->check_preempt);
	ck_assert_ptr_null(p.cls->timer);
	pol_free(&p);
}
END_TEST

START_TEST(test_rr_quantum)
{
	pol p;
	pol_thread t[2];

	setup(&p, "rr", 3);
	thread(&t[0], 0, 0, 0, 10);
	thread(&t[1], 1, 0, 0, 10);
	t[0].run_since = 5;
	/* nobody waits: no timer at all, however long it runs */
	ck_assert_int_eq(p.cls->timer(&p, &t[0], 5), INT64_MAX);
	ck_assert(!p.cls->tick(&p, &t[0], 8, &why));
	p.cls->enqueue(&p, &t[1], POL_ARRIVE);
	ck_assert_int_eq(p.cls->timer(&p, NULL, 9), INT64_MAX);
	/* quanta rolled on: they end at 8, 11, 14, ... */
	ck_assert_int_eq(p.cls->timer(&p, &t[0], 5), 8);
	ck_assert_int_eq(p.cls->timer(&p, &t[0], 8), 8);
	ck_assert_int_eq(p.cls->timer(&p, &t[0], 9), 11);
	ck_assert_int_eq(p.cls->timer(&p, &t[0], 1000000001), 1000000001);
	ck_assert(!p.cls->tick(&p, &t[0], 10, &why));
	ck_assert(p.cls->tick(&p, &t[0], 11, &why));
	ck_assert_str_eq(why_buf, "quantum of 3 expired");
	t[0].run_since = INT64_MAX - 1;
	ck_assert_int_eq(p.cls->timer(&p, &t[0], INT64_MAX - 1), INT64_MAX);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 11, &why), &t[1]);
	ck_assert_str_eq(why_buf, "next in the round-robin queue (arrived at 0)");
	pol_free(&p);
}
END_TEST

START_TEST(test_prio_order)
{
	sim_options o;
	pol p;
	pol_thread t[5];

	setup(&p, "prio", 0);
	thread(&t[0], 0, 0, 3, 10);
	thread(&t[1], 1, 0, 1, 1);
	thread(&t[2], 2, 0, 4, 2);
	thread(&t[3], 3, 0, 5, 1);
	thread(&t[4], 4, 0, 2, 5);
	picks(&p, t, 5, "1 4 0 2 3");
	/* equal priorities: earlier arrival, then file order, whatever the enqueue order */
	thread(&t[0], 0, 4, 2, 1);
	thread(&t[1], 1, 2, 2, 1);
	thread(&t[2], 2, 2, 2, 1);
	thread(&t[3], 3, 9, 1, 1);
	picks(&p, t, 4, "3 1 2 0");
	pol_free(&p);

	sim_options_default(&o);
	o.policy = "prio";
	set(&o, "priority-order", "high-first");
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	thread(&t[0], 0, 0, 3, 1);
	thread(&t[1], 1, 0, 7, 1);
	thread(&t[2], 2, 0, -2, 1);
	picks(&p, t, 3, "1 0 2");
	pol_free(&p);
}
END_TEST

START_TEST(test_prio_preempt)
{
	sim_options o;
	pol p;
	pol_thread run, a, b;

	sim_options_default(&o);
	o.policy = "prio";
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	thread(&run, 0, 0, 3, 5);
	thread(&a, 1, 1, 1, 5);
	ck_assert(!p.cls->check_preempt(&p, &run, &a, &why));
	pol_free(&p);

	set(&o, "preemptive", "true");
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	ck_assert(p.cls->check_preempt(&p, &run, &a, &why));
	ck_assert_str_eq(why_buf, "priority 1 beats 3");
	thread(&b, 2, 1, 3, 5);
	ck_assert(!p.cls->check_preempt(&p, &run, &b, &why)); /* equal is not better */
	pol_free(&p);
}
END_TEST

START_TEST(test_prio_quantum)
{
	pol p;
	pol_thread run, eq, worse;

	setup(&p, "prio", 2);
	thread(&run, 0, 0, 2, 9);
	thread(&worse, 1, 0, 3, 9);
	thread(&eq, 2, 0, 2, 9);
	run.run_since = 0;
	ck_assert_int_eq(p.cls->timer(&p, &run, 0), INT64_MAX);
	/* only a worse thread waits: the quantum does not matter */
	p.cls->enqueue(&p, &worse, POL_ARRIVE);
	ck_assert_int_eq(p.cls->timer(&p, &run, 1), INT64_MAX);
	ck_assert(!p.cls->tick(&p, &run, 2, &why));
	/* an equal arrives at 3: the quantum running since 2 ends at 4 */
	p.cls->enqueue(&p, &eq, POL_ARRIVE);
	ck_assert_int_eq(p.cls->timer(&p, &run, 3), 4);
	ck_assert(p.cls->tick(&p, &run, 4, &why));
	ck_assert_str_eq(why_buf, "quantum of 2 expired, priority 2 waits");
	/* the preempted thread goes behind its equals (enqueue order) */
	run.seq = eq.seq + 1;
	p.cls->enqueue(&p, &run, POL_PREEMPT);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 4, &why), &eq);
	ck_assert_str_eq(why_buf, "highest priority 2 of 3 ready");
	ck_assert_ptr_eq(p.cls->pick_next(&p, 4, &why), &run);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 4, &why), &worse);
	pol_free(&p);
}
END_TEST

static int changes;
static void on_prio(void *ctx, pol_thread *t)
{
	(void)ctx;
	(void)t;
	changes++;
}

START_TEST(test_prio_aging)
{
	sim_options o;
	pol p;
	pol_thread low, high, best;
	int ids[4];

	sim_options_default(&o);
	o.policy = "prio";
	set(&o, "aging", "5");
	ck_assert_int_eq(pol_new(&p, o.policy, &o.pol, err, sizeof err), 0);
	p.prio_lo = 1;
	p.prio_hi = 6;
	p.prio_changed = on_prio;
	thread(&low, 0, 0, 6, 3);
	thread(&high, 1, 0, 2, 3);
	thread(&best, 2, 0, 1, 3);
	p.cls->enqueue(&p, &low, POL_ARRIVE);
	p.cls->enqueue(&p, &high, POL_ARRIVE);
	ck_assert_int_eq(p.cls->timer(&p, NULL, 0), 5);
	ck_assert(!p.cls->tick(&p, NULL, 5, &why));
	ck_assert_int_eq(low.prio, 5);
	ck_assert_int_eq(high.prio, 1);
	ck_assert_int_eq(changes, 2);
	/* high reached the best base priority (1) and stops there */
	ck_assert_int_eq(p.cls->timer(&p, NULL, 0), 10);
	for (int64_t now = 10; now <= 30; now += 5)
		ck_assert(!p.cls->tick(&p, NULL, now, &why));
	ck_assert_int_eq(low.prio, 1);
	ck_assert_int_eq(high.prio, 1);
	ck_assert_int_eq(changes, 6);
	ck_assert_int_eq(p.cls->timer(&p, NULL, 0), INT64_MAX);
	/* a best-priority thread never ages */
	p.cls->enqueue(&p, &best, POL_ARRIVE);
	ck_assert_int_eq(p.cls->timer(&p, NULL, 0), INT64_MAX);
	ck_assert_uint_eq(p.cls->order(&p, ids, 4), 3);
	ck_assert_int_eq(ids[0], 0);
	ck_assert_int_eq(ids[1], 1);
	ck_assert_int_eq(ids[2], 2);
	pol_free(&p);
}
END_TEST

START_TEST(test_sjf_order)
{
	pol p;
	pol_thread t[5];

	setup(&p, "sjf", 0);
	thread(&t[0], 0, 0, 0, 6);
	thread(&t[1], 1, 0, 0, 8);
	thread(&t[2], 2, 0, 0, 7);
	thread(&t[3], 3, 0, 0, 3);
	thread(&t[4], 4, 0, 0, -1); /* unknown sorts last */
	picks(&p, t, 5, "3 0 2 1 4");
	/* ties: earlier arrival, then file order */
	thread(&t[0], 0, 3, 0, 2);
	thread(&t[1], 1, 1, 0, 2);
	thread(&t[2], 2, 1, 0, 2);
	picks(&p, t, 3, "1 2 0");
	p.cls->enqueue(&p, &t[0], POL_ARRIVE);
	p.cls->enqueue(&p, &t[3], POL_ARRIVE);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 0, &why), &t[0]);
	ck_assert_str_eq(why_buf, "shortest job 2 of 2 ready");
	ck_assert(!p.cls->check_preempt(&p, &t[3], &t[0], &why));
	p.cls->pick_next(&p, 0, &why);
	pol_free(&p);
}
END_TEST

START_TEST(test_srtf_preempt)
{
	pol p;
	pol_thread run, a, b;

	setup(&p, "srtf", 0);
	thread(&run, 0, 0, 0, 5);
	thread(&a, 1, 1, 0, 3);
	thread(&b, 2, 1, 0, 5);
	ck_assert(p.cls->check_preempt(&p, &run, &a, &why));
	ck_assert_str_eq(why_buf, "shortest remaining time 3 < 5");
	ck_assert(!p.cls->check_preempt(&p, &run, &b, &why));
	p.cls->enqueue(&p, &a, POL_ARRIVE);
	ck_assert_ptr_eq(p.cls->pick_next(&p, 1, &why), &a);
	ck_assert_str_eq(why_buf, "shortest remaining time 3 of 1 ready");
	pol_free(&p);
}
END_TEST

/* Many threads: the queue stays ordered (heap, not a sorted list). */
START_TEST(test_many)
{
	const int N = check_under_valgrind() ? 2000 : 20000;
	pol p;
	pol_thread *t = calloc(N, sizeof *t);
	int64_t last = -1;

	ck_assert_ptr_nonnull(t);
	setup(&p, "sjf", 0);
	for (int i = 0; i < N; i++) {
		thread(&t[i], i, 0, 0, (i * 7919) % N);
		ck_assert_int_eq(p.cls->enqueue(&p, &t[i], POL_ARRIVE), 0);
	}
	for (int i = 0; i < N; i++) {
		pol_thread *x = p.cls->pick_next(&p, 0, &why);

		ck_assert_ptr_nonnull(x);
		ck_assert_int_ge(x->burst, last);
		last = x->burst;
	}
	ck_assert_ptr_null(p.cls->pick_next(&p, 0, &why));
	pol_free(&p);
	free(t);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("sched");
	TCase *tc = tcase_create("registry");

	tcase_add_test(tc, test_registry);
	tcase_add_test(tc, test_unknown_policy);
	tcase_add_test(tc, test_option_errors);
	tcase_add_test(tc, test_option_names_agree);
	tcase_add_test(tc, test_defaults_and_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("policies");
	tcase_add_test(tc, test_fifo_order);
	tcase_add_test(tc, test_rr_quantum);
	tcase_add_test(tc, test_prio_order);
	tcase_add_test(tc, test_prio_preempt);
	tcase_add_test(tc, test_prio_quantum);
	tcase_add_test(tc, test_prio_aging);
	tcase_add_test(tc, test_sjf_order);
	tcase_add_test(tc, test_srtf_preempt);
	tcase_add_test(tc, test_many);
	suite_add_tcase(s, tc);
	return s;
}
