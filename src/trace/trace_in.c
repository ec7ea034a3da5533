/* trace_in.c: a schedsim trace read back, header first, then one event
 * per call (doc/trace-format.md). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/hash.h"
#include "trace_in.h"
#include "trace_in_int.h"
#include "sched/policy.h"
#include "wl/workload.h"

#define MAGIC "schedsim-trace"

struct trace_in {
	FILE *f;
	char *name;
	char *first;             /* the first line, if the caller read it */
	char *line;              /* the current line, from trace_in_getline */
	size_t linecap, len;
	size_t lineno;
	bool eof, io_error;
	/* The header. */
	char *policy, *writer, *wl_name;
	trace_in_buf wl_text;
	sim_options opt;
	sim_sem_init *sems;      /* opt.sems; the names are owned */
	size_t semcap;
	trace_in_thread *threads;
	size_t n, cap;
	hash_table by_name;      /* the threads */
	/* The events. */
	trace_in_buf field, reason;
	trace_in_buf result;          /* a demo's, after `end` */
	int64_t last_time;
	bool ended, cut_short;
	trace_in_state state;     /* where the threads stand */
};

trace_in *trace_in_new(FILE *f, const char *name, const char *first)
{
	trace_in *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->f = f;
	t->name = strdup(name);
	t->first = first ? strdup(first) : NULL;
	if (!t->name || (first && !t->first)) {
		trace_in_free(t);
		return NULL;
	}
	sim_options_default(&t->opt);
	return t;
}

void trace_in_free(trace_in *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->threads[i].name);
	free(t->threads);
	for (size_t i = 0; i < t->opt.nsems; i++)
		free((char *)t->sems[i].name);
	free(t->sems);
	hash_free(&t->by_name);
	free(t->name);
	free(t->first);
	free(t->line);
	free(t->policy);
	free(t->writer);
	free(t->wl_name);
	free(t->wl_text.p);
	free(t->field.p);
	free(t->reason.p);
	free(t->result.p);
	trace_in_state_free(&t->state);
	free(t);
}

static int fail(trace_in *t, char *err, size_t errlen, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(trace_in *t, char *err, size_t errlen, size_t col, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(err, errlen, "%s:%zu:%zu: ", t->name, t->lineno, col);

	if (n >= 0 && (size_t)n < errlen) {
		va_start(ap, fmt);
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int nomem(trace_in *t, char *err, size_t errlen)
{
	t->io_error = true;
	snprintf(err, errlen, "%s: out of memory", t->name);
	return -1;
}

/* The next whole line: 1, or 0 at the end of the input (a last line
 * without its newline was torn by an interruption: it does not count),
 * or -1 on a read error. */
static int next_line(trace_in *t, char *err, size_t errlen)
{
	int rc;

	if (t->eof)
		return 0;
	if (t->first) {
		free(t->line);
		t->line = t->first;
		t->linecap = strlen(t->first) + 1;
		t->len = strlen(t->first);
		t->first = NULL;
		t->lineno++;
		return 1;
	}
	errno = 0;
	rc = trace_in_getline(t->f, &t->line, &t->linecap, &t->len);
	if (rc < 0) {
		t->eof = true;
		t->io_error = true;
		snprintf(err, errlen, "cannot read '%s': %s", t->name,
		         strerror(errno ? errno : EIO));
		return -1;
	}
	if (rc == 0) {
		t->eof = true;
		return 0;
	}
	t->lineno++;
	/* Text: a NUL would cut a field short unseen. */
	const char *nul = memchr(t->line, '\0', t->len);
	if (nul)
		return fail(t, err, errlen, (size_t)(nul - t->line) + 1, "a NUL byte in the line");
	if (rc == 2)
		return fail(t, err, errlen, TRACE_IN_LINE_MAX + 1, "line longer than %d bytes",
		            TRACE_IN_LINE_MAX);
	return 1;
}

bool trace_in_sniff(const char *line, size_t len)
{
	size_t m = strlen(MAGIC);

	return len >= m && !memcmp(line, MAGIC, m) && (len == m || line[m] == ' ');
}

/* ---- the thread table ------------------------------------------------------ */

static bool thread_is(const void *ctx, size_t k, const void *name)
{
	const trace_in *t = ctx;

	return !strcmp(t->threads[k].name, name);
}

static int find_thread(const trace_in *t, const char *name)
{
	size_t k = hash_find(&t->by_name, hash_str(name), thread_is, t, name);

	return k == HASH_NONE ? -1 : (int)k;
}

/* ---- the header ------------------------------------------------------------ */

/* Each header line: its keyword, then its values, scanned into these. */
typedef struct hline {
	trace_in_scan s;
	trace_in_buf *f;
	char *err;
	size_t errlen;
} hline;

/* The next value of a header line; bare unless quoted_ok. */
static int value(trace_in *t, hline *h, const char *key, const char *what, bool quoted_ok,
                 size_t *col)
{
	trace_in_fkind k;

	*col = h->s.at + 2; /* past the space before it */
	k = trace_in_field(&h->s, h->f);
	if (k == TRACE_IN_NOMEM)
		return nomem(t, h->err, h->errlen);
	if (k == TRACE_IN_BAD)
		return fail(t, h->err, h->errlen, h->s.at + 1, "%s", h->s.why);
	if (k == TRACE_IN_NONE)
		return fail(t, h->err, h->errlen, h->s.len + 1, "'%s' needs %s", key, what);
	if (k == TRACE_IN_QUOTED && !quoted_ok)
		return fail(t, h->err, h->errlen, *col, "'%s' needs %s, not a quoted field",
		            key, what);
	return 0;
}

static int line_done(trace_in *t, hline *h, const char *key)
{
	if (trace_in_field_end(&h->s))
		return 0;
	if (h->s.at + 1 == h->s.len)
		return fail(t, h->err, h->errlen, h->s.at + 1, "a space ends the line");
	return fail(t, h->err, h->errlen, h->s.at + 2, "unexpected text at the end of the "
	            "'%s' line", key);
}

/* The def of an option line: the engine's (*pol false) or the recorded
 * policy's; NULL for a keyword that is neither: another policy's option
 * (older traces recorded every policy's) or a later version's. */
static const opt_def *option_def(trace_in *t, const char *key, bool *is_pol, size_t *i)
{
	const pol_class *c = t->policy ? pol_find(t->policy) : NULL;
	const opt_def *d = opt_find(sim_engine_opts, SIM_NOPTS, key);

	*is_pol = false;
	if (d && d->kind != OPT_NAMED) {
		*i = (size_t)(d - sim_engine_opts);
		return d;
	}
	if (c && (d = opt_find(c->opts, c->nopts, key))) {
		*is_pol = true;
		*i = (size_t)(d - c->opts);
		if (t->opt.pol.defs != c->opts)
			opt_defaults(&t->opt.pol, c->opts, c->nopts);
		return d;
	}
	return NULL;
}

/* `NAME VALUE`: an option as its table reads it. */
static int option_line(trace_in *t, hline *h, const char *key, const opt_def *d, bool is_pol,
                       size_t i)
{
	char want[128];
	opt_val v;
	size_t col;

	if (value(t, h, key, d->kind == OPT_FLAG || d->kind == OPT_WORD ? "a value" :
	          "a whole number", false, &col) < 0)
		return -1;
	if (opt_parse(d, h->f->p, true, &v, want, sizeof want) < 0)
		return fail(t, h->err, h->errlen, col, "bad %s '%s': expected %s", key, h->f->p,
		            want);
	if (is_pol)
		t->opt.pol.v[i] = v;
	else
		sim_engine_set(&t->opt, i, &v);
	return line_done(t, h, key);
}

/* A name; the line's last value when last. */
static int text(trace_in *t, hline *h, const char *key, bool quoted_ok, bool last,
                char **out)
{
	size_t col;

	if (value(t, h, key, "a name", quoted_ok, &col) < 0)
		return -1;
	free(*out);
	if (!(*out = strdup(h->f->p)))
		return nomem(t, h->err, h->errlen);
	return last ? line_done(t, h, key) : 0;
}

/* `policy NAME`: one the registry knows (a replay prints its name, a
 * re-run runs it), said here with the line rather than later. */
static int policy_line(trace_in *t, hline *h)
{
	size_t col = h->s.at + 2;
	char known[256];

	if (text(t, h, "policy", false, true, &t->policy) < 0)
		return -1;
	if (pol_find(t->policy))
		return 0;
	pol_known(known, sizeof known);
	return fail(t, h->err, h->errlen, col, "unknown policy '%s' (known: %s)", t->policy,
	            known);
}

static int version(trace_in *t, char *err, size_t errlen)
{
	size_t m = strlen(MAGIC);
	int64_t v;

	if (!trace_in_sniff(t->line, t->len))
		return fail(t, err, errlen, 1, "not a schedsim trace (it begins with '%s')", MAGIC);
	if (t->len == m)
		return fail(t, err, errlen, m + 1, "'%s' needs the format's version", MAGIC);
	const char *ver = t->line + m + 1;
	if (!trace_in_int(ver, 1, INT64_MAX, &v))
		return fail(t, err, errlen, m + 2, "bad trace format version '%s'", ver);
	if (v > TRACE_IN_VERSION)
		return fail(t, err, errlen, m + 2, "trace format version %" PRId64 " is newer than "
		            "this schedsim supports (%d)", v, TRACE_IN_VERSION);
	return 0;
}

/* `workload NAME LINES BYTES`, then its LINES lines after "| ". */
static int workload_text(trace_in *t, hline *h)
{
	int64_t lines, bytes;
	size_t col, wl_line = t->lineno;

	if (text(t, h, "workload", true, false, &t->wl_name) < 0)
		return -1;
	if (value(t, h, "workload", "its name, lines and bytes", false, &col) < 0)
		return -1;
	if (!trace_in_int(h->f->p, 0, INT64_MAX, &lines))
		return fail(t, h->err, h->errlen, col, "bad workload line count '%s'", h->f->p);
	size_t lines_col = col;
	if (value(t, h, "workload", "its name, lines and bytes", false, &col) < 0)
		return -1;
	/* A workload holds at most WL_FILE_MAX bytes: so much and no more
	 * is read into memory, whatever the trace claims. */
	if (!trace_in_int(h->f->p, 0, INT64_MAX, &bytes))
		return fail(t, h->err, h->errlen, col, "bad workload byte count '%s'", h->f->p);
	if (bytes > (int64_t)WL_FILE_MAX)
		return fail(t, h->err, h->errlen, col, "a workload of %" PRId64 " bytes: "
		            "workloads hold at most %zu", bytes, WL_FILE_MAX);
	if (lines > bytes + 1)
		return fail(t, h->err, h->errlen, lines_col, "%" PRId64 " workload lines take "
		            "at least %" PRId64 " bytes (their newlines), not %" PRId64, lines,
		            lines - 1, bytes);
	if (line_done(t, h, "workload") < 0)
		return -1;
	t->wl_text.len = 0;
	if (trace_in_put(&t->wl_text, "", 0) < 0)
		return nomem(t, h->err, h->errlen);
	for (int64_t i = 0; i < lines; i++) {
		int rc = next_line(t, h->err, h->errlen);

		if (rc < 0)
			return -1;
		if (rc == 0)
			return fail(t, h->err, h->errlen, 1, "the trace ends inside the workload "
			            "(line %" PRId64 " of %" PRId64 ")", i + 1, lines);
		if (t->len < 2 || memcmp(t->line, "| ", 2))
			return fail(t, h->err, h->errlen, 1, "expected '| ' and line %" PRId64
			            " of %" PRId64 " of the workload", i + 1, lines);
		if (t->wl_text.len + (i > 0) + t->len - 2 > (uint64_t)bytes)
			return fail(t, h->err, h->errlen, 1, "line %" PRId64 " of %" PRId64
			            " of the workload goes past its %" PRId64 " bytes", i + 1,
			            lines, bytes);
		if ((i > 0 && trace_in_put(&t->wl_text, "\n", 1) < 0) ||
		    trace_in_put(&t->wl_text, t->line + 2, t->len - 2) < 0)
			return nomem(t, h->err, h->errlen);
	}
	if ((uint64_t)bytes == t->wl_text.len + 1 && lines > 0) {
		if (trace_in_put(&t->wl_text, "\n", 1) < 0)
			return nomem(t, h->err, h->errlen);
	} else if ((uint64_t)bytes != t->wl_text.len) {
		size_t now = t->lineno;

		t->lineno = wl_line;
		fail(t, h->err, h->errlen, 1, "the workload's %" PRId64 " lines hold %zu bytes "
		     "(%zu with a final newline), not %" PRId64, lines, t->wl_text.len,
		     t->wl_text.len + 1, bytes);
		t->lineno = now;
		return -1;
	}
	return 0;
}

/* `sem NAME COUNT`: a semaphore's initial count, as --sem gave it. */
static int sem_line(trace_in *t, hline *h)
{
	char *name = NULL;
	int64_t count;
	size_t col;

	size_t name_col = h->s.at + 2;
	if (text(t, h, "sem", true, false, &name) < 0)
		return -1;
	/* No control bytes: a re-run passes the name back to --sem, and
	 * messages quote it. */
	size_t k = 0;
	while (name[k] && ((unsigned char)name[k] >= 0x20 && name[k] != 0x7f))
		k++;
	if (!*name || name[k]) {
		fail(t, h->err, h->errlen, name_col, "bad semaphore name '%s'", name);
		free(name);
		return -1;
	}
	if (value(t, h, "sem", "a name and a count", false, &col) < 0 ||
	    (!trace_in_int(h->f->p, 0, WL_TICKS_MAX, &count) &&
	     fail(t, h->err, h->errlen, col, "bad semaphore count '%s'", h->f->p)) ||
	    line_done(t, h, "sem") < 0) {
		free(name);
		return -1;
	}
	if (grow_room(&t->sems, &t->semcap, t->opt.nsems, sizeof *t->sems) < 0) {
		free(name);
		return nomem(t, h->err, h->errlen);
	}
	t->opt.sems = t->sems;
	t->sems[t->opt.nsems++] = (sim_sem_init){ name, count };
	return 0;
}

/* `thread INDEX NAME ARRIVAL PRIORITY`. */
static int thread_line(trace_in *t, hline *h)
{
	int64_t index, arrival, prio;
	size_t col;
	char *name = NULL;

	if (value(t, h, "thread", "an index, name, arrival and priority", false, &col) < 0)
		return -1;
	if (!trace_in_int(h->f->p, 0, INT_MAX, &index))
		return fail(t, h->err, h->errlen, col, "bad thread index '%s'", h->f->p);
	if ((size_t)index != t->n)
		return fail(t, h->err, h->errlen, col, "thread %" PRId64 " out of order "
		            "(expected thread %zu)", index, t->n);
	if (value(t, h, "thread", "an index, name, arrival and priority", true, &col) < 0)
		return -1;
	if (!h->f->len)
		return fail(t, h->err, h->errlen, col, "empty thread name");
	int dup = find_thread(t, h->f->p);
	if (dup >= 0)
		return fail(t, h->err, h->errlen, col, "thread name '%s' given twice "
		            "(threads %d and %zu)", h->f->p, dup, t->n);
	if (!(name = strdup(h->f->p)))
		return nomem(t, h->err, h->errlen);
	if (value(t, h, "thread", "an index, name, arrival and priority", false, &col) < 0)
		goto fail;
	if (!trace_in_int(h->f->p, 0, WL_TICKS_MAX, &arrival)) {
		fail(t, h->err, h->errlen, col, "bad arrival '%s'", h->f->p);
		goto fail;
	}
	if (value(t, h, "thread", "an index, name, arrival and priority", false, &col) < 0)
		goto fail;
	if (!trace_in_int(h->f->p, INT_MIN, INT_MAX, &prio)) {
		fail(t, h->err, h->errlen, col, "bad priority '%s'", h->f->p);
		goto fail;
	}
	if (line_done(t, h, "thread") < 0)
		goto fail;
	if (grow_room(&t->threads, &t->cap, t->n, sizeof *t->threads) < 0)
		goto oom;
	t->threads[t->n] = (trace_in_thread){ name, arrival, (int)prio };
	if (hash_add(&t->by_name, hash_str(name), t->n) < 0)
		goto oom;
	t->n++;
	return 0;
oom:
	nomem(t, h->err, h->errlen);
fail:
	free(name);
	return -1;
}

int trace_in_header(trace_in *t, char *err, size_t errlen)
{
	hline h = { .f = &t->field, .err = err, .errlen = errlen };
	int rc = next_line(t, err, errlen);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		snprintf(err, errlen, "%s:1:1: empty trace", t->name);
		return -1;
	}
	if (version(t, err, errlen) < 0)
		return -1;
	for (;;) {
		if ((rc = next_line(t, err, errlen)) < 0)
			return -1;
		if (rc == 0) {
			/* Cut short before the first event: what is known is
			 * the whole header, if the threads were reached. */
			if (t->policy && t->wl_name)
				break;
			return fail(t, err, errlen, 1, "the trace ends inside its header");
		}
		memset(&h.s, 0, sizeof h.s);
		h.s.line = t->line;
		h.s.len = t->len;
		trace_in_fkind k = trace_in_field(&h.s, h.f);
		if (k == TRACE_IN_NOMEM)
			return nomem(t, err, errlen);
		if (k == TRACE_IN_BAD)
			return fail(t, err, errlen, h.s.at + 1, "%s", h.s.why);
		if (k != TRACE_IN_BARE)
			return fail(t, err, errlen, 1, "expected a header line: a keyword and "
			            "its values");
		char key[32];
		const opt_def *d;
		bool is_pol;
		size_t oi;
		snprintf(key, sizeof key, "%s", h.f->p);
		if (!strcmp(key, "events")) {
			if (!trace_in_field_end(&h.s))
				return fail(t, err, errlen, 7, "unexpected text after 'events'");
			break;
		}
		if (!strcmp(key, "schedsim"))
			rc = text(t, &h, key, false, true, &t->writer);
		else if (!strcmp(key, "policy"))
			rc = policy_line(t, &h);
		else if ((d = option_def(t, key, &is_pol, &oi)))
			rc = option_line(t, &h, key, d, is_pol, oi);
		else if (!strcmp(key, "sem"))
			rc = sem_line(t, &h);
		else if (!strcmp(key, "workload"))
			rc = workload_text(t, &h);
		else if (!strcmp(key, "thread"))
			rc = thread_line(t, &h);
		else if (!strcmp(key, "|"))
			rc = fail(t, err, errlen, 1, "a workload line outside the workload");
		else
			rc = 0; /* a later version's: ignored, as the format says */
		if (rc < 0)
			return -1;
	}
	if (!t->policy)
		return fail(t, err, errlen, 1, "the header has no 'policy' line");
	if (!t->wl_name)
		return fail(t, err, errlen, 1, "the header has no 'workload' line");
	t->opt.policy = t->policy;
	if (trace_in_state_init(&t->state, t->n) < 0)
		return nomem(t, err, errlen);
	const pol_class *c = pol_find(t->policy);
	if (c && t->opt.pol.defs != c->opts)
		opt_defaults(&t->opt.pol, c->opts, c->nopts);
	return 0;
}

const char *trace_in_policy(const trace_in *t) { return t->policy; }
const sim_options *trace_in_options(const trace_in *t) { return &t->opt; }
const char *trace_in_writer(const trace_in *t) { return t->writer ? t->writer : ""; }
size_t trace_in_nthreads(const trace_in *t) { return t->n; }
const char *trace_in_workload_name(const trace_in *t) { return t->wl_name; }

const trace_in_thread *trace_in_thread_at(const trace_in *t, size_t i)
{
	return i < t->n ? &t->threads[i] : NULL;
}

const char *trace_in_workload(const trace_in *t, size_t *len)
{
	*len = t->wl_text.len;
	return t->wl_text.len ? t->wl_text.p : NULL;
}

bool trace_in_cut_short(const trace_in *t) { return t->cut_short; }
int64_t trace_in_last_time(const trace_in *t) { return t->last_time; }
bool trace_in_io_error(const trace_in *t) { return t->io_error; }

size_t trace_in_memory(const trace_in *t)
{
	size_t n = sizeof *t + t->linecap + t->field.cap + t->reason.cap + t->wl_text.cap +
	           t->cap * sizeof *t->threads + hash_memory(&t->by_name) +
	           (t->state.st ? t->n : 0);

	for (size_t i = 0; i < t->n; i++)
		n += strlen(t->threads[i].name) + 1;
	return n;
}

/* ---- the events ------------------------------------------------------------ */

static int kind_of(const char *s)
{
	for (int k = 0; k < SIM_EV_KINDS; k++)
		if (!strcmp(s, sim_ev_name((sim_ev_kind)k)))
			return k;
	return -1;
}

/* The next field of an event line: its column, or 0 after the message. */
static size_t event_field(trace_in *t, trace_in_scan *s, trace_in_buf *b, const char *what,
                          trace_in_fkind *kind, char *err, size_t errlen)
{
	size_t start = s->at + (s->started ? 2 : 1);

	*kind = trace_in_field(s, b);
	if (*kind == TRACE_IN_NOMEM)
		return nomem(t, err, errlen), 0;
	if (*kind == TRACE_IN_BAD)
		return fail(t, err, errlen, s->at + 1, "%s", s->why), 0;
	if (*kind == TRACE_IN_NONE)
		return fail(t, err, errlen, s->len + 1, "missing %s: an event is "
		            "'TIME KIND THREAD ARG \"REASON\"'", what), 0;
	return start;
}

/* After `end`, only `result "TEXT"` lines: a demo's result. */
static int after_end(trace_in *t, char *err, size_t errlen)
{
	for (;;) {
		trace_in_scan s = { .line = t->line, .len = t->len };
		trace_in_fkind k = trace_in_field(&s, &t->field);

		if (k == TRACE_IN_NOMEM)
			return nomem(t, err, errlen);
		if (k != TRACE_IN_BARE || strcmp(t->field.p, "result"))
			return fail(t, err, errlen, 1, "a line after the 'end' event");
		k = trace_in_field(&s, &t->result);
		if (k == TRACE_IN_NOMEM)
			return nomem(t, err, errlen);
		if (k == TRACE_IN_BAD)
			return fail(t, err, errlen, s.at + 1, "%s", s.why);
		if (k != TRACE_IN_QUOTED || !trace_in_field_end(&s))
			return fail(t, err, errlen, 8, "'result' needs one quoted text");
		int rc = next_line(t, err, errlen);
		if (rc <= 0)
			return rc;
	}
}

const char *trace_in_result_text(const trace_in *t)
{
	return t->result.len ? t->result.p : NULL;
}

int trace_in_next(trace_in *t, sim_event *ev, char *err, size_t errlen)
{
	trace_in_scan s = { 0 };
	trace_in_fkind fk;
	size_t col;
	int64_t time, arg;
	int rc, kind, thread = -1;

	rc = next_line(t, err, errlen);
	if (rc <= 0) {
		if (rc == 0 && !t->ended)
			t->cut_short = true;
		return rc;
	}
	if (t->ended)
		return after_end(t, err, errlen);
	s.line = t->line;
	s.len = t->len;
	if (!(col = event_field(t, &s, &t->field, "TIME", &fk, err, errlen)))
		return -1;
	if (fk != TRACE_IN_BARE || !trace_in_int(t->field.p, 0, INT64_MAX, &time))
		return fail(t, err, errlen, col, "bad time '%s': expected a whole number of ticks",
		            t->field.p);
	if (time > SIM_TIME_MAX)
		return fail(t, err, errlen, col, "time %" PRId64 " is past the latest a trace may "
		            "name (%" PRId64 ")", time, SIM_TIME_MAX);
	if (time < t->last_time)
		return fail(t, err, errlen, col, "time goes backwards: %" PRId64 " after %" PRId64,
		            time, t->last_time);
	if (!(col = event_field(t, &s, &t->field, "KIND", &fk, err, errlen)))
		return -1;
	if (fk != TRACE_IN_BARE || (kind = kind_of(t->field.p)) < 0)
		return fail(t, err, errlen, col, "unknown event kind '%s'", t->field.p);
	const char *kname = sim_ev_name((sim_ev_kind)kind);
	if (!(col = event_field(t, &s, &t->field, "THREAD", &fk, err, errlen)))
		return -1;
	size_t thread_col = col;
	bool none = fk == TRACE_IN_BARE && !strcmp(t->field.p, "-");
	if (kind == SIM_EV_IDLE || kind == SIM_EV_END) {
		if (!none)
			return fail(t, err, errlen, col, "'%s' takes no thread ('-'), not '%s'",
			            kname, t->field.p);
	} else if (none) {
		return fail(t, err, errlen, col, "'%s' needs a thread", kname);
	} else if ((thread = find_thread(t, t->field.p)) < 0) {
		return fail(t, err, errlen, col, "unknown thread '%s'", t->field.p);
	}
	if (!(col = event_field(t, &s, &t->field, "ARG", &fk, err, errlen)))
		return -1;
	if (fk != TRACE_IN_BARE || !trace_in_int(t->field.p, INT64_MIN, INT64_MAX, &arg))
		return fail(t, err, errlen, col, "bad argument '%s': expected a whole number",
		            t->field.p);
	/* Ticks for a block or a switch, a priority for prio, else 0. */
	if (kind == SIM_EV_BLOCK || kind == SIM_EV_SWITCH) {
		if (arg < 0 || arg > SIM_TIME_MAX)
			return fail(t, err, errlen, col, "bad argument '%s' of '%s': expected "
			            "ticks from 0 to %" PRId64, t->field.p, kname, SIM_TIME_MAX);
		if (arg > SIM_TIME_MAX - time)
			return fail(t, err, errlen, col, "the %s at %" PRId64 " for %" PRId64
			            " ticks ends past the latest time a trace may name (%" PRId64 ")",
			            kname, time, arg, SIM_TIME_MAX);
	} else if (kind == SIM_EV_PRIO) {
		if (arg < INT_MIN || arg > INT_MAX)
			return fail(t, err, errlen, col, "bad argument '%s' of 'prio': expected "
			            "a priority from %d to %d", t->field.p, INT_MIN, INT_MAX);
	} else if (arg != 0) {
		return fail(t, err, errlen, col, "bad argument '%s' of '%s': expected 0",
		            t->field.p, kname);
	}
	if (!(col = event_field(t, &s, &t->reason, "REASON", &fk, err, errlen)))
		return -1;
	if (fk != TRACE_IN_QUOTED)
		return fail(t, err, errlen, col, "the reason must be quoted (\"\" for none)");
	if (!trace_in_field_end(&s))
		return fail(t, err, errlen, s.at + 1 == s.len ? s.at + 1 : s.at + 2, "%s",
		            s.at + 1 == s.len ? "a space ends the line" :
		            "unexpected text after the reason");
	sim_event e = { time, (sim_ev_kind)kind, thread, arg, t->reason.p };
	char msg[256];
	bool at_thread;
	if (!trace_in_state_step(&t->state, t->threads, &e, &at_thread, msg, sizeof msg))
		return fail(t, err, errlen, at_thread ? thread_col : 1, "%s", msg);
	t->last_time = time;
	t->ended = kind == SIM_EV_END;
	*ev = e;
	return 1;
}
