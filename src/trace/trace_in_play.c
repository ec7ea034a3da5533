/* trace_in_play.c: either kind of trace, told apart by its first line and
 * played to one player. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ltrace/ltrace.h"
#include "trace_in.h"

/* ---- the first line, given back --------------------------------------------
 * Telling the kinds apart takes the first line; a Linux trace must then be
 * read from its start.  A file is rewound; a pipe is read through a FILE
 * that serves the line first, then the rest. */

typedef struct prefixed {
	FILE *rest;
	char *head;
	size_t len, at;
} prefixed;

static ssize_t prefixed_read(void *cookie, char *buf, size_t size)
{
	prefixed *p = cookie;

	if (p->at < p->len) {
		size_t n = p->len - p->at < size ? p->len - p->at : size;

		memcpy(buf, p->head + p->at, n);
		p->at += n;
		return (ssize_t)n;
	}
	size_t n = fread(buf, 1, size, p->rest);
	return n == 0 && ferror(p->rest) ? -1 : (ssize_t)n;
}

static int prefixed_close(void *cookie)
{
	free(cookie);
	return 0;
}

/* f from its first byte: head (the bytes already read) then the rest. */
static FILE *from_start(FILE *f, char *head, size_t len, prefixed **keep)
{
	cookie_io_functions_t io = { .read = prefixed_read, .close = prefixed_close };
	prefixed *p;
	FILE *g;

	if (fseeko(f, 0, SEEK_SET) == 0)
		return f;
	if (!(p = calloc(1, sizeof *p)))
		return NULL;
	*p = (prefixed){ f, head, len, 0 };
	if (!(g = fopencookie(p, "r", io))) {
		free(p);
		return NULL;
	}
	*keep = p;
	return g;
}

/* ---- a Linux trace ------------------------------------------------------- */

typedef struct lplay {
	const trace_in_player *p;
	const char *path;
	int cpu;
	trace_in_task *tasks;
	bool failed;
} lplay;

static void linux_start(void *ctx, const ltrace *lt)
{
	lplay *l = ctx;
	size_t n = ltrace_ntasks(lt);
	sim_options opt;

	sim_options_default(&opt);
	opt.policy = "linux";
	l->tasks = calloc(n ? n : 1, sizeof *l->tasks);
	if (!l->tasks) {
		l->failed = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const ltrace_task *k = ltrace_task_at(lt, i);

		l->tasks[i] = (trace_in_task){ k->name, k->arrival, 0, k->pid, k->waiting,
		                               k->dispatches, k->preemptions, k->voluntary };
	}
	trace_in_info info = {
		.path = l->path, .policy = "linux", .opt = &opt,
		.nthreads = n, .threads = l->tasks,
		.form = ltrace_form_name(ltrace_form_of(lt)), .cpu = ltrace_cpu(lt),
		.busiest = l->cpu < 0,
	};
	if (l->p->start && l->p->start(l->p->ctx, &info) < 0)
		l->failed = true;
}

static void linux_event(void *ctx, const sim_event *ev)
{
	lplay *l = ctx;

	if (!l->failed)
		l->p->event(l->p->ctx, ev);
}

static int play_linux(FILE *f, const char *name, int cpu, const trace_in_player *p,
                      trace_in_result *res, char *err, size_t errlen)
{
	lplay l = { p, name, cpu, NULL, false };
	ltrace *lt = ltrace_new(cpu);
	int rc;

	if (!lt) {
		res->io_error = true;
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	ltrace_on_start(lt, linux_start, &l);
	ltrace_listen(lt, linux_event, &l);
	rc = ltrace_read(lt, f, name, &res->io_error, err, errlen);
	if (!rc && l.failed) {
		res->io_error = true;
		snprintf(err, errlen, "%s: out of memory", name);
		rc = -1;
	}
	if (!rc)
		res->last_time = ltrace_end(lt);
	free(l.tasks);
	ltrace_free(lt);
	return rc;
}

/* ---- a schedsim trace -------------------------------------------------- */

static int play_schedsim(trace_in *t, const char *name, int cpu,
                         const trace_in_player *p, trace_in_result *res,
                         char *err, size_t errlen)
{
	trace_in_task *tasks = NULL;
	sim_event ev;
	int rc = -1;

	if (trace_in_header(t, err, errlen) < 0)
		goto done;
	if (cpu >= 0) {
		snprintf(err, errlen, "%s: --cpu applies to Linux traces only; this is a "
		         "schedsim trace", name);
		goto done;
	}
	size_t n = trace_in_nthreads(t);
	if (!(tasks = calloc(n ? n : 1, sizeof *tasks)))
		goto oom;
	for (size_t i = 0; i < n; i++) {
		const trace_in_thread *th = trace_in_thread_at(t, i);

		tasks[i] = (trace_in_task){ th->name, th->arrival, th->priority,
		                            -1, -1, -1, -1, -1 };
	}
	trace_in_info info = {
		.path = name, .policy = trace_in_policy(t), .opt = trace_in_options(t),
		.nthreads = n, .threads = tasks, .cpu = -1, .trace = t,
	};
	if (p->start && p->start(p->ctx, &info) < 0)
		goto oom;
	while ((rc = trace_in_next(t, &ev, err, errlen)) > 0)
		p->event(p->ctx, &ev);
	res->cut_short = trace_in_cut_short(t);
	if (trace_in_result_text(t))
		snprintf(res->result, sizeof res->result, "%s", trace_in_result_text(t));
	res->last_time = trace_in_last_time(t);
	goto done;
oom:
	snprintf(err, errlen, "%s: out of memory", name);
	res->io_error = true;
	rc = -1;
done:
	if (t && trace_in_io_error(t))
		res->io_error = true;
	free(tasks);
	trace_in_free(t);
	return rc < 0 ? -1 : 0;
}

int trace_in_play(const char *path, int cpu, const trace_in_player *p,
                  trace_in_result *res, char *err, size_t errlen)
{
	bool std = !strcmp(path, "-");
	const char *name = std ? "<stdin>" : path;
	FILE *f = std ? stdin : fopen(path, "r");
	FILE *g = NULL;
	prefixed *keep = NULL;
	trace_in *t;
	char *head;
	size_t len;
	int rc;

	memset(res, 0, sizeof *res);
	if (!f) {
		res->io_error = errno != ENOENT && errno != EACCES;
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return -1;
	}
	rc = trace_in_open(f, name, &t, &head, &len, &res->io_error, err, errlen);
	if (rc > 0) {
		rc = play_schedsim(t, name, cpu, p, res, err, errlen);
	} else if (rc == 0 && !(g = from_start(f, head, len, &keep))) {
		res->io_error = true;
		snprintf(err, errlen, "cannot read '%s': %s", name,
		         strerror(errno ? errno : ENOMEM));
		rc = -1;
	} else if (rc == 0) {
		rc = play_linux(g, name, cpu, p, res, err, errlen);
	}
	if (g && g != f)
		fclose(g);
	free(head);
	if (!std)
		fclose(f);
	return rc;
}

void trace_in_warn_cut(const char *path, const trace_in_result *res)
{
	if (res->cut_short)
		fprintf(stderr, "schedsim: %s: trace ends early at time %" PRId64
		        " (no 'end' event: the run was interrupted)\n",
		        strcmp(path, "-") ? path : "<stdin>", res->last_time);
}
