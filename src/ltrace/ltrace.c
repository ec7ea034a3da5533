/* ltrace.c: reading a Linux trace: the pass over its lines, time origin
 * and order, the choice of CPU, messages, and the public API.
 *
 * The trace is read once.  The CPU given, or else every CPU, gets a state
 * machine; their events are spooled (ltrace_spool.c) and the imported
 * CPU's are played back at the end.  So no event leaves before the whole
 * input has been checked, and the thread table is complete before the
 * first event: a report can be set up from it. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "lib/grow.h"
#include "lib/tmpf.h"
#include "ltrace_int.h"

/* What each CPU did, followed through the pass. */
struct cpustate {
	ltrace_cpuinfo info;
	bool seen, started, idle;
	bool listed;             /* in ltrace.waiting */
	int64_t since;
	ltrace_machine *m;       /* when every CPU is followed */
};

struct listener {
	sim_listener fn;
	void *ctx;
};

struct segfn {
	ltrace_seg_fn fn;
	void *ctx;
};

struct ltrace {
	int want;                /* -1: the busiest */
	int cpu;
	ltrace_form form;
	bool have_t0;
	int64_t t0, last;        /* absolute microseconds */
	struct cpustate *cpus;   /* by number */
	size_t ncpustate, capcpus;
	/* The CPUs whose machines may have a task waiting: a switch elsewhere
	 * asks them only, not every CPU (8,191 of them) on every line. */
	int *waiting;
	size_t nwaiting, capwaiting;
	ltrace_cpuinfo *seen;    /* the CPUs seen, by number, after a read */
	size_t nseen;
	struct listener *ls;
	size_t nls;
	struct segfn *segs;
	size_t nsegs;
	ltrace_machine *m;       /* the imported CPU's */
	ltrace_spool *spool;     /* while every CPU is followed */
	ltrace_start_fn start;   /* told when the events are about to come */
	void *start_ctx;
	bool seg_open;           /* the timeline segment being delivered */
	int64_t seg_start;
	int seg_thread;
	bool oom;
};

/* Where a pass stands, for messages. */
struct pass {
	const char *name;
	long line;
	bool content;            /* an event or header line seen */
	char *err;
	size_t errlen;
	bool *io_error;
};

__attribute__((format(printf, 4, 5)))
static int at(struct pass *ps, long line, int col, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(ps->err, ps->errlen, "%s:%ld:%d: ", ps->name, line, col);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < ps->errlen)
		vsnprintf(ps->err + n, ps->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int fatal(struct pass *ps, const char *what, int errnum)
{
	snprintf(ps->err, ps->errlen, "%s: %s: %s", ps->name, what,
		 strerror(errnum));
	if (ps->io_error)
		*ps->io_error = true;
	return -1;
}

/* The timeline: each DISPATCH, IDLE or END ends the segment before it. */
static void timeline(ltrace *lt, const sim_event *ev)
{
	ltrace_segment seg = { lt->seg_start, ev->time, lt->seg_thread };

	if (ev->kind != SIM_EV_DISPATCH && ev->kind != SIM_EV_IDLE &&
	    ev->kind != SIM_EV_END)
		return;
	if (lt->seg_open && seg.end > seg.start)
		for (size_t i = 0; i < lt->nsegs; i++)
			lt->segs[i].fn(lt->segs[i].ctx, &seg);
	lt->seg_open = true;
	lt->seg_start = ev->time;
	lt->seg_thread = ev->thread;
}

static void on_event(void *ctx, int cpu, int64_t time, sim_ev_kind kind,
                     int thread, const ltrace_reason *why)
{
	ltrace *lt = ctx;
	char text[64];

	if (lt->spool) {
		ltrace_spool_event(lt->spool, cpu, time, kind, thread, why);
		return;
	}
	sim_event ev = { time, kind, thread, 0, ltrace_reason_text(why, text) };
	timeline(lt, &ev);
	for (size_t i = 0; i < lt->nls; i++)
		lt->ls[i].fn(lt->ls[i].ctx, &ev);
}

/* Grown by doubling: CPUs numbered 0 to 8,191 in turn would otherwise
 * copy the table once per CPU. */
static struct cpustate *more_cpus(ltrace *lt, int cpu)
{
	size_t n = (size_t)cpu + 1;

	if (n > lt->capcpus) {
		size_t cap = n > 2 * lt->capcpus ? n : 2 * lt->capcpus;
		struct cpustate *p = realloc(lt->cpus, cap * sizeof *p);

		if (!p)
			return NULL;
		memset(p + lt->capcpus, 0, (cap - lt->capcpus) * sizeof *p);
		lt->cpus = p;
		lt->capcpus = cap;
	}
	lt->ncpustate = n;
	return &lt->cpus[cpu];
}

/* Asked for twice a line: the common case inline. */
static inline struct cpustate *cpu_state(ltrace *lt, int cpu)
{
	if ((size_t)cpu < lt->ncpustate)
		return &lt->cpus[cpu];
	return more_cpus(lt, cpu);
}

/* Busy time and switches of every CPU: what the choice is made on. */
static int note_cpu(ltrace *lt, const ltrace_rec *r)
{
	struct cpustate *c = cpu_state(lt, r->cpu);

	if (!c)
		return -1;
	c->seen = true;
	c->info.cpu = r->cpu;
	if (r->kind != LTK_SWITCH)
		return 0;
	if (!c->started) {
		c->started = true;
		c->idle = r->a_pid == 0;
		c->since = 0;
	}
	if (!c->idle)
		c->info.busy += r->ts - c->since;
	c->idle = r->b_pid == 0;
	c->since = r->ts;
	c->info.switches++;
	return 0;
}

static void close_cpus(ltrace *lt, int64_t end)
{
	for (size_t i = 0; i < lt->ncpustate; i++) {
		struct cpustate *c = &lt->cpus[i];

		if (c->started && !c->idle)
			c->info.busy += end - c->since;
		c->idle = true;
	}
}

static int busiest(const ltrace *lt)
{
	int best = -1;

	for (size_t i = 0; i < lt->ncpustate; i++) {
		const ltrace_cpuinfo *c = &lt->cpus[i].info;

		if (!c->switches)
			continue;
		if (best < 0 || c->busy > lt->cpus[best].info.busy ||
		    (c->busy == lt->cpus[best].info.busy &&
		     c->switches > lt->cpus[best].info.switches))
			best = (int)i;
	}
	return best;
}

/* The machine following cpu, made on first need when every CPU is
 * followed; NULL when cpu is not followed. */
static ltrace_machine *machine(ltrace *lt, int cpu, bool *oom)
{
	if (lt->want >= 0)
		return cpu == lt->want ? lt->m : NULL;
	struct cpustate *c = cpu_state(lt, cpu);
	if (c && !c->m) {
		ltrace_sink sink = { on_event, lt };

		c->m = ltrace_machine_new(cpu, &sink);
	}
	if (!c || !c->m)
		*oom = true;
	return c ? c->m : NULL;
}

/* cpu's machine has just been fed: list it if a task waits there now. */
static bool list_waiting(ltrace *lt, int cpu)
{
	struct cpustate *c = &lt->cpus[cpu];

	if (c->listed || !c->m || !ltrace_machine_queued(c->m))
		return true;
	if (grow_room(&lt->waiting, &lt->capwaiting, lt->nwaiting, sizeof *lt->waiting) < 0)
		return false;
	lt->waiting[lt->nwaiting++] = cpu;
	c->listed = true;
	return true;
}

/* A switch on r->cpu: its own machine, and every machine a task waits
 * on (it may have migrated); the list keeps those still waiting. */
static bool feed_switch(ltrace *lt, ltrace_machine *own, const ltrace_rec *r)
{
	bool ok = !own || !ltrace_machine_feed(own, r);
	size_t k = 0;

	for (size_t j = 0; j < lt->nwaiting; j++) {
		struct cpustate *c = &lt->cpus[lt->waiting[j]];

		if (c->m != own && ok && ltrace_machine_queued(c->m) &&
		    ltrace_machine_feed(c->m, r))
			ok = false;
		if (ltrace_machine_queued(c->m))
			lt->waiting[k++] = lt->waiting[j];
		else
			c->listed = false;
	}
	lt->nwaiting = k;
	return ok && (!own || list_waiting(lt, r->cpu));
}

static int feed(ltrace *lt, const ltrace_rec *r)
{
	bool oom = false;
	ltrace_machine *m;

	switch (r->kind) {
	case LTK_SWITCH:
		/* Every machine sees every switch: migrations. */
		m = machine(lt, r->cpu, &oom);
		if (lt->want >= 0)
			return lt->m && ltrace_machine_feed(lt->m, r) ? -1 : 0;
		if (!oom && !feed_switch(lt, m, r))
			oom = true;
		break;
	case LTK_WAKEUP:
	case LTK_WAKEUP_NEW:
		m = machine(lt, r->target, &oom);
		if (m && (ltrace_machine_feed(m, r) ||
		          (lt->want < 0 && !list_waiting(lt, r->target))))
			oom = true;
		break;
	case LTK_EXIT:
		m = machine(lt, r->cpu, &oom);
		if (m && ltrace_machine_feed(m, r))
			oom = true;
		break;
	case LTK_OTHER:
		break;
	}
	return oom ? -1 : 0;
}

static const char *not_a_trace(const char *line, size_t len)
{
	if (len >= 10 && !memcmp(line, "\027\010Dtracing", 10))
		return " (a trace-cmd trace.dat file: give the output of 'trace-cmd report')";
	if (len >= 8 && !memcmp(line, "PERFILE2", 8))
		return " (a perf.data file: give the output of 'perf script')";
	return "";
}

static int one_line(ltrace *lt, struct pass *ps, char *line, size_t len)
{
	ltrace_rec r;
	bool hdr;
	int col;
	char msg[200];

	int k = ltrace_parse(line, len, &r, &hdr, &col, msg, sizeof msg);
	if (k == -1 && !ps->content)
		return at(ps, ps->line, 1, "not a schedsim or Linux scheduling trace%s",
			  not_a_trace(line, len));
	if (k < 0)
		return at(ps, ps->line, col, "%s", msg);
	ps->content = ps->content || hdr || k > 0;
	if (k == 0)
		return 0;
	if (!lt->have_t0) {
		lt->have_t0 = true;
		lt->t0 = lt->last = r.ts;
	}
	if (r.ts < lt->last)
		return at(ps, ps->line, r.ts_col,
			  "time goes backwards: %" PRId64 ".%06" PRId64 " after %"
			  PRId64 ".%06" PRId64, r.ts / 1000000, r.ts % 1000000,
			  lt->last / 1000000, lt->last % 1000000);
	lt->last = r.ts;
	r.ts -= lt->t0;
	if (lt->form == LTRACE_UNKNOWN)
		lt->form = r.form;
	if (note_cpu(lt, &r) || feed(lt, &r))
		return fatal(ps, "importing", ENOMEM);
	return 0;
}

/* The one pass over head and f, to its end. */
static int pass(ltrace *lt, const char *head, size_t headlen, FILE *f,
                struct pass *ps)
{
	ltrace_input *in = ltrace_input_new(head, headlen, f);
	char *line;
	size_t len;
	int rc = 0, k;

	if (!in)
		return fatal(ps, "importing", ENOMEM);
	while (!rc && (k = ltrace_input_line(in, &line, &len)) != 0) {
		ps->line++;
		if (k == -1)
			rc = fatal(ps, "read error", errno ? errno : EIO);
		else if (k == -2)
			rc = at(ps, ps->line, LTRACE_LINE_MAX + 1,
				"line longer than %d bytes", LTRACE_LINE_MAX);
		else
			rc = one_line(lt, ps, line, len);
	}
	ltrace_input_free(in);
	if (!rc && !ps->content)
		rc = at(ps, 1, 1, "not a schedsim or Linux scheduling trace");
	if (!rc)
		close_cpus(lt, lt->last - lt->t0);
	return rc;
}

/* The CPUs with switches, for messages: "0, 1". */
static void switch_cpus(const ltrace *lt, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < lt->ncpustate && used < len; i++)
		if (lt->cpus[i].info.switches) {
			int n = snprintf(buf + used, len - used, "%s%zu",
					 used ? ", " : "", i);
			if (n > 0)
				used += (size_t)n;
		}
}

static void collect_cpus(ltrace *lt)
{
	lt->nseen = 0;
	for (size_t i = 0; i < lt->ncpustate; i++)
		if (lt->cpus[i].seen)
			lt->seen[lt->nseen++] = lt->cpus[i].info;
}

/* Every CPU was followed: keep the busiest's machine. */
static int choose(ltrace *lt)
{
	lt->cpu = busiest(lt);
	if (lt->cpu < 0)
		return -1;
	lt->m = lt->cpus[lt->cpu].m;
	for (size_t i = 0; i < lt->ncpustate; i++) {
		if (lt->cpus[i].m != lt->m)
			ltrace_machine_free(lt->cpus[i].m);
		lt->cpus[i].m = NULL;
	}
	return 0;
}

/* The figures are final: tell whoever asked, then play the events. */
static int deliver(ltrace *lt, struct pass *ps)
{
	ltrace_sink sink = { on_event, lt };
	ltrace_spool *spool = lt->spool;
	int rc, e;

	ltrace_machine_finish(lt->m, lt->last - lt->t0);
	free(lt->seen);
	lt->seen = malloc((lt->ncpustate ? lt->ncpustate : 1) * sizeof *lt->seen);
	if (!lt->seen)
		return fatal(ps, "importing", ENOMEM);
	collect_cpus(lt);
	if (lt->start)
		lt->start(lt->start_ctx, lt);
	lt->spool = NULL;
	rc = ltrace_spool_replay(spool, lt->cpu, &sink);
	e = ltrace_spool_error(spool);
	ltrace_spool_free(spool);
	return rc ? fatal(ps, "spooling events", e ? e : EIO) : 0;
}

static void drop_machines(ltrace *lt)
{
	for (size_t i = 0; i < lt->ncpustate; i++) {
		ltrace_machine_free(lt->cpus[i].m);
		lt->cpus[i].m = NULL;
	}
	ltrace_machine_free(lt->m);
	lt->m = NULL;
	ltrace_spool_free(lt->spool);
	lt->spool = NULL;
}

static void no_switches(ltrace *lt, const char *name, char *err, size_t errlen)
{
	char cpus[128];

	switch_cpus(lt, cpus, sizeof cpus);
	if (lt->want < 0 || !cpus[0])
		snprintf(err, errlen, "%s: no sched_switch events", name);
	else
		snprintf(err, errlen,
			 "%s: no sched_switch events on CPU %d (CPUs with some: %s)",
			 name, lt->cpu, cpus);
}

int ltrace_read(ltrace *lt, FILE *f, const char *name, bool *io_error,
                char *err, size_t errlen)
{
	return ltrace_read_after(lt, NULL, 0, f, name, io_error, err, errlen);
}

int ltrace_read_after(ltrace *lt, const char *head, size_t headlen, FILE *f,
                      const char *name, bool *io_error, char *err,
                      size_t errlen)
{
	struct pass ps = { name, 0, false, err, errlen, io_error };
	ltrace_sink sink = { on_event, lt };

	if (io_error)
		*io_error = false;
	drop_machines(lt);
	free(lt->cpus);
	lt->cpus = NULL;
	lt->ncpustate = lt->capcpus = lt->nseen = lt->nwaiting = 0;
	lt->have_t0 = false;
	lt->seg_open = false;
	lt->form = LTRACE_UNKNOWN;
	lt->cpu = lt->want;
	if (lt->oom)
		return fatal(&ps, "importing", ENOMEM);
	lt->spool = ltrace_spool_new();
	if (!lt->spool) {
		char what[4200];

		snprintf(what, sizeof what, "cannot make a temporary file in %s",
			 tmpf_dir());
		fatal(&ps, what, errno ? errno : ENOMEM);
		goto fail;
	}
	if (lt->want >= 0 && !(lt->m = ltrace_machine_new(lt->want, &sink))) {
		fatal(&ps, "importing", ENOMEM);
		goto fail;
	}
	if (pass(lt, head, headlen, f, &ps))
		goto fail;
	if (ltrace_spool_error(lt->spool)) {
		fatal(&ps, "spooling events", ltrace_spool_error(lt->spool));
		goto fail;
	}
	if ((lt->want < 0 && choose(lt)) || !ltrace_machine_started(lt->m)) {
		no_switches(lt, name, err, errlen);
		goto fail;
	}
	if (deliver(lt, &ps))
		goto fail;
	return 0;
fail:
	drop_machines(lt);
	return -1;
}

int ltrace_load(ltrace *lt, const char *path, bool *io_error,
                char *err, size_t errlen)
{
	bool std = !strcmp(path, "-");
	FILE *f = std ? stdin : fopen(path, "r");
	int rc;

	if (io_error)
		*io_error = false;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = ltrace_read(lt, f, std ? "<stdin>" : path, io_error, err, errlen);
	if (!std)
		fclose(f);
	return rc;
}

ltrace *ltrace_new(int cpu)
{
	ltrace *lt = calloc(1, sizeof *lt);

	if (!lt)
		return NULL;
	lt->want = cpu < 0 ? -1 : cpu;
	lt->cpu = lt->want;
	return lt;
}

void ltrace_listen(ltrace *lt, sim_listener fn, void *ctx)
{
	struct listener *p = realloc(lt->ls, (lt->nls + 1) * sizeof *p);

	if (!p) {
		lt->oom = true;
		return;
	}
	lt->ls = p;
	lt->ls[lt->nls++] = (struct listener){ fn, ctx };
}

void ltrace_on_segment(ltrace *lt, ltrace_seg_fn fn, void *ctx)
{
	struct segfn *p = realloc(lt->segs, (lt->nsegs + 1) * sizeof *p);

	if (!p) {
		lt->oom = true;
		return;
	}
	lt->segs = p;
	lt->segs[lt->nsegs++] = (struct segfn){ fn, ctx };
}

void ltrace_on_start(ltrace *lt, ltrace_start_fn fn, void *ctx)
{
	lt->start = fn;
	lt->start_ctx = ctx;
}

int ltrace_cpu(const ltrace *lt)
{
	return lt->cpu;
}

ltrace_form ltrace_form_of(const ltrace *lt)
{
	return lt->form;
}

int64_t ltrace_end(const ltrace *lt)
{
	return lt->have_t0 ? lt->last - lt->t0 : 0;
}

size_t ltrace_ntasks(const ltrace *lt)
{
	return lt->m ? ltrace_machine_ntasks(lt->m) : 0;
}

const ltrace_task *ltrace_task_at(const ltrace *lt, size_t i)
{
	return lt->m ? ltrace_machine_task(lt->m, i) : NULL;
}

size_t ltrace_ncpus(const ltrace *lt)
{
	return lt->nseen;
}

const ltrace_cpuinfo *ltrace_cpu_at(const ltrace *lt, size_t i)
{
	return i < lt->nseen ? &lt->seen[i] : NULL;
}

size_t ltrace_memory(const ltrace *lt)
{
	return sizeof *lt + lt->capcpus * sizeof *lt->cpus +
	       lt->nls * sizeof *lt->ls + lt->nsegs * sizeof *lt->segs +
	       (lt->m ? ltrace_machine_memory(lt->m) : 0);
}

void ltrace_free(ltrace *lt)
{
	if (!lt)
		return;
	drop_machines(lt);
	free(lt->cpus);
	free(lt->waiting);
	free(lt->seen);
	free(lt->ls);
	free(lt->segs);
	free(lt);
}
