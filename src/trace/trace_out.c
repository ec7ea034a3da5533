/* trace_out.c: the trace writer.
 *
 * Lines are composed in `line`, then copied whole into `buf`; `committed`
 * counts the bytes of buf that hold whole lines.  A signal handler may
 * therefore write buf[0, committed) at any moment, and the ordinary flush
 * blocks the signals while it writes and empties the buffer.
 *
 * A file is written through lib/ofile.h: beside itself, renamed into place
 * when the trace is closed, or by the signal handler once it has written
 * the last whole lines (devices and FIFOs are written in place).
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "lib/ofile.h"
#include "trace_out.h"

#define BUF_SIZE 65536

struct trace_out {
	int fd;
	bool own_fd;                    /* fd is out's, not standard output */
	bool in_events;
	volatile sig_atomic_t error;    /* first errno of a failed write */
	char *path;
	char **names;                   /* thread names as written, by index */
	size_t nnames, capnames;
	char *line;                     /* the line being composed */
	size_t len, cap;
	volatile sig_atomic_t committed;
	bool caught;
	/* What ended the run, asked at its end event (trace_out_end_note). */
	const char *(*end_note)(const void *ctx);
	const void *end_ctx;
	struct sigaction old_int, old_term;
	ofile out;
	char buf[BUF_SIZE];
};

static trace_out *volatile active; /* the trace the signal handler flushes */

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The signals whose handler writes the buffer, held off while it changes. */
static void block_signals(sigset_t *old)
{
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, old);
}

static void flush(trace_out *t)
{
	sigset_t old;
	int e;

	block_signals(&old);
	e = write_all(t->fd, t->buf, (size_t)t->committed);
	if (e && !t->error)
		t->error = e;
	t->committed = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ---- composing a line ---------------------------------------------------- */

static void put(trace_out *t, const char *s, size_t n)
{
	if (t->len + n > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		char *p;

		while (cap < t->len + n)
			cap *= 2;
		p = realloc(t->line, cap);
		if (!p) {
			if (!t->error)
				t->error = ENOMEM;
			return;
		}
		t->line = p;
		t->cap = cap;
	}
	memcpy(t->line + t->len, s, n);
	t->len += n;
}

static void putf(trace_out *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void putf(trace_out *t, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(t, tmp, n < (int)sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A quoted string: \" \\ \n \r \t, \xHH for other control bytes; every
 * other byte as it is, so the text comes back exactly. */
static bool plain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
}

static void put_quoted(trace_out *t, const char *s)
{
	put(t, "\"", 1);
	while (*s) {
		size_t n = 0;

		while (s[n] && plain((unsigned char)s[n]))
			n++;
		put(t, s, n);
		s += n;
		if (!*s)
			break;
		unsigned char c = (unsigned char)*s++;
		if (c == '"' || c == '\\')
			putf(t, "\\%c", c);
		else if (c == '\n')
			put(t, "\\n", 2);
		else if (c == '\r')
			put(t, "\\r", 2);
		else if (c == '\t')
			put(t, "\\t", 2);
		else
			putf(t, "\\x%02x", c);
	}
	put(t, "\"", 1);
}

/* A number, without printf's cost: traces have millions of them. */
static void put_int(trace_out *t, int64_t v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(t, p, (size_t)(tmp + sizeof tmp - p));
}

/* A name: bare when it is one plain printable ASCII word other than "-"
 * (which stands for no thread), quoted otherwise. */
static void put_name(trace_out *t, const char *s)
{
	bool bare = *s && strcmp(s, "-") != 0;

	for (const char *p = s; *p && bare; p++)
		bare = *p > ' ' && *p < 0x7f && *p != '"' && *p != '\\';
	if (bare)
		put(t, s, strlen(s));
	else
		put_quoted(t, s);
}

/* The composed line, plus its newline, becomes part of the trace. */
static void end_line(trace_out *t)
{
	put(t, "\n", 1);
	if (t->error == ENOMEM) {
		t->len = 0;
		return;
	}
	if ((size_t)t->committed + t->len > BUF_SIZE)
		flush(t);
	if (t->len > BUF_SIZE) {
		int e = write_all(t->fd, t->line, t->len);

		if (e && !t->error)
			t->error = e;
	} else {
		memcpy(t->buf + t->committed, t->line, t->len);
		/* The copy must be complete before a handler can see it counted. */
		atomic_signal_fence(memory_order_seq_cst);
		t->committed += (sig_atomic_t)t->len;
	}
	t->len = 0;
}

/* ---- the trace ----------------------------------------------------------- */

static void begin(trace_out *t)
{
	putf(t, "schedsim-trace 1");
	end_line(t);
	putf(t, "schedsim %s", PACKAGE_VERSION);
	end_line(t);
}

trace_out *trace_out_open(const char *path, char *err, size_t errlen)
{
	trace_out *t = calloc(1, sizeof *t);

	if (!t || !(t->path = strdup(path))) {
		snprintf(err, errlen, "cannot write trace '%s': %s", path, strerror(ENOMEM));
		free(t);
		return NULL;
	}
	if (!strcmp(path, "-")) {
		t->fd = STDOUT_FILENO;
	} else {
		if (ofile_open(&t->out, path) < 0) {
			snprintf(err, errlen, "cannot write trace '%s': %s", path, strerror(errno));
			free(t->path);
			free(t);
			return NULL;
		}
		t->fd = t->out.fd;
		t->own_fd = true;
	}
	begin(t);
	return t;
}

int trace_out_rewind(trace_out *t)
{
	sigset_t old;

	/* The handler must not write what is being thrown away. */
	block_signals(&old);
	t->committed = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	t->len = 0;
	t->in_events = false;
	/* A device or a FIFO cannot be taken back: the new run follows. */
	if (t->own_fd && !ofile_in_place(&t->out) &&
	    (ftruncate(t->fd, 0) < 0 || lseek(t->fd, 0, SEEK_SET) < 0)) {
		if (!t->error)
			t->error = errno;
		return -1;
	}
	begin(t);
	return 0;
}

void trace_out_run(trace_out *t, const char *policy, const sim_options *o)
{
	size_t n;
	const opt_def *defs = sim_options_defs(o, &n);
	char text[OPT_INTS_MAX * 24];
	opt_val tmp, v;

	put(t, "policy ", 7);
	put_name(t, policy);
	end_line(t);
	/* "NAME VALUE": each of the policy's options, then the engine's
	 * (a sparse one only when used, so older traces stay as they were). */
	for (size_t i = 0; i < n; i++) {
		opt_text(&defs[i], opt_get(&o->pol, defs, i, &tmp), text, sizeof text);
		putf(t, "%s %s", defs[i].name, text);
		end_line(t);
	}
	for (size_t i = 0; i < SIM_NOPTS; i++) {
		if (!sim_engine_recorded(o, i, &v))
			continue;
		opt_text(&sim_engine_opts[i], &v, text, sizeof text);
		putf(t, "%s %s", sim_engine_opts[i].name, text);
		end_line(t);
	}
	for (size_t i = 0; i < o->nsems; i++) {
		put(t, "sem ", 4);
		put_name(t, o->sems[i].name);
		putf(t, " %" PRId64, o->sems[i].count);
		end_line(t);
	}
}

void trace_out_workload(trace_out *t, const char *name, const char *source, size_t len)
{
	size_t lines = 0;

	for (size_t i = 0; i < len; i++)
		if (source[i] == '\n' || i + 1 == len)
			lines++;
	put(t, "workload ", 9);
	put_quoted(t, name);
	putf(t, " %zu %zu", lines, len);
	end_line(t);
	/* Each line verbatim after "| ": nothing to unescape, byte for byte. */
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(source + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (source + i)) : len - i;

		put(t, "| ", 2);
		put(t, source + i, n);
		end_line(t);
		i += n + 1;
	}
}

void trace_out_thread(trace_out *t, int index, const char *name, int64_t arrival,
                      int priority)
{
	if (index < 0)
		return;
	if ((size_t)index >= t->nnames) {
		size_t n = (size_t)index + 1;

		if (grow_room(&t->names, &t->capnames, (size_t)index, sizeof *t->names) < 0) {
			t->error = ENOMEM;
			return;
		}
		for (size_t i = t->nnames; i < n; i++)
			t->names[i] = NULL;
		t->nnames = n;
	}
	putf(t, "thread %d ", index);
	size_t at = t->len;
	put_name(t, name);
	/* Kept as written, bare or quoted, for the event lines. */
	free(t->names[index]);
	if (!(t->names[index] = strndup(t->line + at, t->len - at)))
		t->error = ENOMEM;
	putf(t, " %" PRId64 " %d", arrival, priority);
	end_line(t);
}

void trace_out_event(void *ctx, const sim_event *ev)
{
	trace_out *t = ctx;

	if (!t->in_events) {
		put(t, "events", 6);
		end_line(t);
		t->in_events = true;
	}
	const char *kind = sim_ev_name(ev->kind);

	put_int(t, ev->time);
	put(t, " ", 1);
	put(t, kind, strlen(kind));
	put(t, " ", 1);
	if (ev->thread >= 0 && (size_t)ev->thread < t->nnames && t->names[ev->thread])
		put(t, t->names[ev->thread], strlen(t->names[ev->thread]));
	else
		put(t, "-", 1);
	put(t, " ", 1);
	put_int(t, ev->arg);
	put(t, " ", 1);
	/* A run that ends in a deadlock says which in its end event. */
	const char *note = ev->kind == SIM_EV_END && t->end_note ? t->end_note(t->end_ctx) : NULL;

	put_quoted(t, note ? note : ev->reason ? ev->reason : "");
	end_line(t);
	if (ev->kind == SIM_EV_END)
		flush(t);
}

void trace_out_result(trace_out *t, const char *text)
{
	put(t, "result ", 7);
	put_quoted(t, text);
	end_line(t);
	flush(t);
}

void trace_out_end_note(trace_out *t, const char *(*note)(const void *ctx), const void *ctx)
{
	t->end_note = note;
	t->end_ctx = ctx;
}

static void on_signal(int sig)
{
	trace_out *t = active;

	/* The whole lines so far, put in place (both async-signal-safe). */
	if (t) {
		int e = write_all(t->fd, t->buf, (size_t)t->committed);

		if (t->own_fd && (e || t->error))
			ofile_abort(&t->out);
		else if (t->own_fd)
			ofile_commit(&t->out);
	}
	/* SA_RESETHAND restored the default action: die of the signal once
	 * the handler returns, as if it had never been caught. */
	raise(sig);
}

void trace_out_catch_signals(trace_out *t)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	active = t;
	sigaction(SIGINT, &sa, &t->old_int);
	sigaction(SIGTERM, &sa, &t->old_term);
	/* A signal ignored by whoever started us (nohup, a background job)
	 * stays ignored. */
	if (t->old_int.sa_handler == SIG_IGN)
		sigaction(SIGINT, &t->old_int, NULL);
	if (t->old_term.sa_handler == SIG_IGN)
		sigaction(SIGTERM, &t->old_term, NULL);
	t->caught = true;
}

int trace_out_close(trace_out *t, char *err, size_t errlen)
{
	sigset_t old;
	int e;

	/* Held off until the file is in place or gone: the handler must not
	 * commit it a second time, nor the default action cut in between. */
	block_signals(&old);
	flush(t);
	if (t->caught) {
		sigaction(SIGINT, &t->old_int, NULL);
		sigaction(SIGTERM, &t->old_term, NULL);
		active = NULL;
	}
	e = t->error;
	if (t->own_fd) {
		if (close(t->fd) < 0 && !e)
			e = errno;
		if (e)
			ofile_abort(&t->out);
		else if (ofile_commit(&t->out) < 0)
			e = errno;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (e)
		snprintf(err, errlen, "cannot write trace '%s': %s", t->path, strerror(e));
	for (size_t i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->names);
	free(t->line);
	free(t->path);
	free(t);
	return e ? -1 : 0;
}
