/* ltrace.c: reading a Linux trace: passes over the lines, the choice of
 * CPU, time origin and order, messages, and the public API. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ltrace_int.h"

/* What each CPU did, followed through every pass. */
struct cpustate {
	ltrace_cpuinfo info;
	bool seen, started, idle;
	int64_t since;
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
	size_t ncpustate;
	ltrace_cpuinfo *seen;    /* the CPUs seen, by number, after a read */
	size_t nseen;
	struct listener *ls;
	size_t nls;
	struct segfn *segs;
	size_t nsegs;
	ltrace_machine *m;
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

static void on_event(void *ctx, int64_t time, sim_ev_kind kind, int thread,
                     const char *reason)
{
	ltrace *lt = ctx;
	sim_event ev = { time, kind, thread, 0, reason };

	for (size_t i = 0; i < lt->nls; i++)
		lt->ls[i].fn(lt->ls[i].ctx, &ev);
}

static void on_segment(void *ctx, int64_t start, int64_t end, int thread)
{
	ltrace *lt = ctx;
	ltrace_segment seg = { start, end, thread };

	for (size_t i = 0; i < lt->nsegs; i++)
		lt->segs[i].fn(lt->segs[i].ctx, &seg);
}

static struct cpustate *cpu_state(ltrace *lt, int cpu)
{
	if ((size_t)cpu >= lt->ncpustate) {
		size_t n = (size_t)cpu + 1;
		struct cpustate *p = realloc(lt->cpus, n * sizeof *p);

		if (!p)
			return NULL;
		memset(p + lt->ncpustate, 0, (n - lt->ncpustate) * sizeof *p);
		lt->cpus = p;
		lt->ncpustate = n;
	}
	return &lt->cpus[cpu];
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

	if (len > LTRACE_LINE_MAX)
		return at(ps, ps->line, LTRACE_LINE_MAX + 1,
			  "line longer than %d bytes", LTRACE_LINE_MAX);
	int k = ltrace_parse(line, len, &r, &hdr, &col, msg, sizeof msg);
	if (k < 0 && !ps->content)
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
	if (note_cpu(lt, &r) || (lt->m && ltrace_machine_feed(lt->m, &r)))
		return fatal(ps, "importing", ENOMEM);
	return 0;
}

/* One pass over f to its end, copying the lines to spool if given. */
static int pass(ltrace *lt, FILE *f, FILE *spool, struct pass *ps)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	lt->have_t0 = false;
	lt->form = LTRACE_UNKNOWN;
	for (size_t i = 0; i < lt->ncpustate; i++)
		memset(&lt->cpus[i], 0, sizeof lt->cpus[i]);
	ps->line = 0;
	ps->content = false;
	while (!rc && (n = getline(&line, &cap, f)) > 0) {
		ps->line++;
		if (spool && fwrite(line, 1, (size_t)n, spool) != (size_t)n) {
			rc = fatal(ps, "spooling the input", errno);
			break;
		}
		if (line[n - 1] == '\n')
			n--;
		rc = one_line(lt, ps, line, (size_t)n);
	}
	free(line);
	if (!rc && ferror(f))
		rc = fatal(ps, "read error", errno ? errno : EIO);
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

static int choose(ltrace *lt, FILE *f, struct pass *ps, FILE **spooled)
{
	off_t pos = ftello(f);
	FILE *spool = NULL;

	if (pos < 0 || fseeko(f, pos, SEEK_SET)) {
		spool = tmpfile();
		if (!spool)
			return fatal(ps, "cannot spool the input", errno);
	}
	if (pass(lt, f, spool, ps)) {
		if (spool)
			fclose(spool);
		return -1;
	}
	lt->cpu = busiest(lt);
	if (lt->cpu < 0) {
		if (spool)
			fclose(spool);
		snprintf(ps->err, ps->errlen, "%s: no sched_switch events", ps->name);
		return -1;
	}
	if (spool ? fseeko(spool, 0, SEEK_SET) : fseeko(f, pos, SEEK_SET)) {
		int e = errno;
		if (spool)
			fclose(spool);
		return fatal(ps, "cannot read the input again", e);
	}
	*spooled = spool;
	return 0;
}

static void collect_cpus(ltrace *lt)
{
	lt->nseen = 0;
	for (size_t i = 0; i < lt->ncpustate; i++)
		if (lt->cpus[i].seen)
			lt->seen[lt->nseen++] = lt->cpus[i].info;
}

int ltrace_read(ltrace *lt, FILE *f, const char *name, bool *io_error,
                char *err, size_t errlen)
{
	struct pass ps = { name, 0, false, err, errlen, io_error };
	ltrace_sink sink = { on_event, on_segment, lt };
	FILE *spool = NULL;
	int rc;

	if (io_error)
		*io_error = false;
	if (lt->oom)
		return fatal(&ps, "importing", ENOMEM);
	lt->cpu = lt->want;
	if (lt->want < 0 && choose(lt, f, &ps, &spool))
		return -1;
	ltrace_machine_free(lt->m);
	lt->m = ltrace_machine_new(lt->cpu, &sink);
	if (!lt->m) {
		if (spool)
			fclose(spool);
		return fatal(&ps, "importing", ENOMEM);
	}
	rc = pass(lt, spool ? spool : f, NULL, &ps);
	if (spool)
		fclose(spool);
	if (rc)
		return -1;
	if (!ltrace_machine_started(lt->m)) {
		char cpus[128];

		switch_cpus(lt, cpus, sizeof cpus);
		if (!cpus[0])
			snprintf(err, errlen, "%s: no sched_switch events", name);
		else
			snprintf(err, errlen,
				 "%s: no sched_switch events on CPU %d (CPUs with some: %s)",
				 name, lt->cpu, cpus);
		return -1;
	}
	ltrace_machine_finish(lt->m, lt->last - lt->t0);
	free(lt->seen);
	lt->seen = malloc((lt->ncpustate ? lt->ncpustate : 1) * sizeof *lt->seen);
	if (!lt->seen)
		return fatal(&ps, "importing", ENOMEM);
	collect_cpus(lt);
	return 0;
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

bool ltrace_sniff(const char *line, size_t len)
{
	ltrace_rec r;
	bool hdr;
	int col;
	char msg[8];

	if (len >= 8 && !memcmp(line, "# tracer", 8))
		return true;
	return ltrace_parse(line, len, &r, &hdr, &col, msg, sizeof msg) > 0 ||
	       (hdr && line[0] != '#');
}

const char *ltrace_form_name(ltrace_form f)
{
	switch (f) {
	case LTRACE_FTRACE:
		return "ftrace";
	case LTRACE_TRACE_CMD:
		return "trace-cmd";
	case LTRACE_PERF:
		return "perf script";
	case LTRACE_UNKNOWN:
		break;
	}
	return "unknown";
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
	return sizeof *lt + lt->ncpustate * sizeof *lt->cpus +
	       lt->nls * sizeof *lt->ls + lt->nsegs * sizeof *lt->segs +
	       (lt->m ? ltrace_machine_memory(lt->m) : 0);
}

void ltrace_free(ltrace *lt)
{
	if (!lt)
		return;
	ltrace_machine_free(lt->m);
	free(lt->cpus);
	free(lt->seen);
	free(lt->ls);
	free(lt->segs);
	free(lt);
}
