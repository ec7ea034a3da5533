/* ltrace_line.c: recognising one line of a Linux scheduling trace.
 *
 * Every form shares a line layout:
 *
 *     TASK-PID [CPU] FLAGS TIMESTAMP: EVENT: PAYLOAD     (ftrace, trace-cmd)
 *     COMM PID [CPU] TIMESTAMP: sched:EVENT: PAYLOAD     (perf script)
 *
 * The leading task is a cached name that may contain anything and may lag
 * an exec, so it is never read: the line is anchored at the first "[CPU]"
 * that the rest of the layout agrees with.  Payloads are parsed by their
 * known field layout, anchored at both ends, because comm names may hold
 * spaces, colons, slashes and even "==>".
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "lib/num.h"
#include "ltrace_int.h"

/* The literals' lengths are known where they are written; the helpers
 * are forced inline so that each compare is of a constant size. */
#define INLINE __attribute__((always_inline)) static inline
#define find(s, e, l) find_n(s, e, l, sizeof(l) - 1)
#define find_last(s, e, l) find_last_n(s, e, l, sizeof(l) - 1)
#define lit(p, e, l, err, ev) lit_n(p, e, l, sizeof(l) - 1, err, ev)
#define starts(s, e, l) starts_n(s, e, l, sizeof(l) - 1)
#define is_name(s, e, l) is_name_n(s, e, l, sizeof(l) - 1)

/* The first error met, for the message when nothing parses. */
typedef struct perr {
	const char *at;
	char msg[160];
	bool shaped;        /* the line has an event line's shape: say what is wrong */
} perr;

__attribute__((format(printf, 3, 4)))
static const char *fail(perr *e, const char *at, const char *fmt, ...)
{
	va_list ap;

	if (e->at)
		return NULL;
	e->at = at;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return NULL;
}

INLINE bool is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

/* Searches for short literals in short lines: anchored on the literal's
 * last character, rarer in these lines than its first (often a space). */
INLINE const char *find_n(const char *s, const char *e, const char *lit,
                          size_t n)
{
	const char *p = s + n - 1;

	while (p < e && (p = memchr(p, lit[n - 1], (size_t)(e - p)))) {
		if (!memcmp(p - (n - 1), lit, n - 1))
			return p - (n - 1);
		p++;
	}
	return NULL;
}

INLINE const char *find_last_n(const char *s, const char *e, const char *lit,
                               size_t n)
{
	const char *p = e;

	while (p - s >= (ptrdiff_t)n && (p = memrchr(s + n - 1, lit[n - 1],
						       (size_t)(p - (s + n - 1))))) {
		if (!memcmp(p - (n - 1), lit, n - 1))
			return p - (n - 1);
	}
	return NULL;
}

INLINE const char *lit_n(const char *p, const char *e, const char *l,
                         size_t n, perr *err, const char *ev)
{
	if ((size_t)(e - p) < n || memcmp(p, l, n))
		return fail(err, p, "%s: expected '%s'", ev, l);
	return p + n;
}

INLINE bool is_name_n(const char *s, const char *e, const char *name,
                      size_t n)
{
	return (size_t)(e - s) == n && !memcmp(s, name, n);
}

INLINE bool starts_n(const char *s, const char *e, const char *pfx, size_t n)
{
	return (size_t)(e - s) >= n && !memcmp(s, pfx, n);
}

/* A token: up to the next space or the end. */
static const char *token_end(const char *p, const char *e)
{
	while (p < e && *p != ' ')
		p++;
	return p;
}

/* An integer field: optional '-' (when sign), then digits, ending at a
 * space, ']' or the end.  Values beyond max are malformed too. */
INLINE const char *number(const char *p, const char *e, bool sign, long max,
                          long *out, perr *err, const char *ev, const char *what)
{
	int64_t v;
	size_t used;

	if (p < e && (sign || *p != '-') &&
	    num_scan(p, (size_t)(e - p), sign ? -max : 0, max, &v, &used) == NUM_OK &&
	    (p + used == e || p[used] == ' ' || p[used] == ']')) {
		*out = (long)v;
		return p + used;
	}
	return fail(err, p, "%s: bad %s '%.*s'", ev, what,
		    (int)(token_end(p, e) - p), p);
}

INLINE const char *pid_field(const char *p, const char *e, int *pid, perr *err,
                             const char *ev, const char *what)
{
	long v = 0;

	p = number(p, e, false, 0x7fffffff, &v, err, ev, what);
	if (p)
		*pid = (int)v;
	return p;
}

INLINE const char *prio_field(const char *p, const char *e, perr *err,
                              const char *ev, const char *what)
{
	long v = 0;

	return number(p, e, true, 100000, &v, err, ev, what);
}

/* Lines are padded with runs of spaces: eight bytes at a time, the first
 * other byte found by its bit position. */
INLINE const char *skip_spaces(const char *p, const char *e)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (e - p >= 8) {
		uint64_t w;

		memcpy(&w, p, 8);
		w ^= 0x2020202020202020u;
		if (w)
			return p + (__builtin_ctzll(w) >> 3);
		p += 8;
	}
#endif
	while (p < e && *p == ' ')
		p++;
	return p;
}

static const char *trim_end(const char *s, const char *e)
{
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	return e;
}

/* prev_state: the two alphabets (W for I, X for Z in trace-cmd's older
 * one), '|' between flags, '+' after R for a preempted task. */
static const char *pstate(const char *p, const char *e, ltrace_rec *r, perr *err,
                          const char *ev)
{
	const char *t = token_end(p, e);
	size_t n = (size_t)(t - p);
	bool dead = false;

	if (n == 0)
		return fail(err, p, "%s: missing prev_state", ev);
	r->state_s = p;
	r->state_len = n;
	if ((n == 1 && *p == 'R') || (n == 2 && !memcmp(p, "R+", 2))) {
		r->state = LTS_RUN;
		return t;
	}
	for (const char *q = p; q < t; q++) {
		if (!strchr("SDTtXZPIWKNxn|", *q))
			return fail(err, p, "%s: unknown prev_state '%.*s'", ev,
				    (int)n, p);
		if (*q == 'X' || *q == 'Z' || *q == 'x')
			dead = true;
	}
	r->state = dead ? LTS_DEAD : LTS_BLOCK;
	return t;
}

/* ---- key=value payloads: ftrace and perf script ----------------------- */

/* "prev_pid=N prev_prio=N prev_state=S ==> next_comm=" after a prev_comm
 * candidate; returns where the next comm starts. */
static const char *kv_switch_mid(const char *p, const char *e, ltrace_rec *r,
                                 perr *err)
{
	const char *ev = "sched_switch";

	if (!(p = lit(p, e, "prev_pid=", err, ev)) ||
	    !(p = pid_field(p, e, &r->a_pid, err, ev, "prev_pid")) ||
	    !(p = lit(p, e, " prev_prio=", err, ev)) ||
	    !(p = prio_field(p, e, err, ev, "prev_prio")) ||
	    !(p = lit(p, e, " prev_state=", err, ev)) ||
	    !(p = pstate(p, e, r, err, ev)) ||
	    !(p = lit(p, e, " ==> next_comm=", err, ev)))
		return NULL;
	return p;
}

/* Backwards over " KEY=NUMBER" ending at e: where it starts, and the
 * number; NULL if the text does not end so.  The common case, parsed
 * without a search; anything else goes the careful way, for the message. */
INLINE const char *rkv_n(const char *s, const char *e, const char *key,
                         size_t n, long *v)
{
	const char *p = e, *lim = e - s > 10 ? e - 10 : s;
	long val = 0;

	/* At most ten digits: more than an int holds is no pid. */
	while (p > lim && is_digit(p[-1]))
		p--;
	if (p == e || (p > s && is_digit(p[-1])))
		return NULL;
	for (const char *d = p; d < e; d++)
		val = val * 10 + (*d - '0');
	if (p > s && p[-1] == '-') {
		val = -val;
		p--;
	}
	if ((size_t)(p - s) < n || memcmp(p - n, key, n))
		return NULL;
	*v = val;
	return p - n;
}
#define rkv(s, e, key, v) rkv_n(s, e, key, sizeof(key) - 1, v)

static bool pid_ok(long v)
{
	return v >= 0 && v <= 0x7fffffff;
}

static int kv_switch(const char *s, const char *e, ltrace_rec *r, perr *err)
{
	const char *ev = "sched_switch", *p, *np, *c;
	long prio, pid;

	if (!lit(s, e, "prev_comm=", err, ev))
		return -1;
	/* The next side is anchored at the end of the line. */
	np = rkv(s, e, " next_prio=", &prio);
	if (np)
		np = rkv(s, np, " next_pid=", &pid);
	if (np && pid_ok(pid) && prio >= -100000 && prio <= 100000) {
		r->b_pid = (int)pid;
		goto prev;
	}
	np = find_last(s, e, " next_pid=");
	if (!np) {
		fail(err, e, "%s: missing next_pid", ev);
		return -1;
	}
	p = np + (sizeof(" next_pid=") - 1);
	if (!(p = pid_field(p, e, &r->b_pid, err, ev, "next_pid")) ||
	    !(p = lit(p, e, " next_prio=", err, ev)) ||
	    !(p = prio_field(p, e, err, ev, "next_prio")))
		return -1;
	if (p != e) {
		fail(err, p, "%s: unexpected '%.*s' after next_prio", ev,
		     (int)(e - p), p);
		return -1;
	}
prev:
	/* The prev side is anchored at the start: the first " prev_pid="
	 * after which the fixed middle parses ends the prev comm. */
	s += (sizeof("prev_comm=") - 1);
	for (c = s; (c = find(c, np, " prev_pid=")); c++) {
		p = kv_switch_mid(c + 1, np, r, err);
		if (p) {
			r->a_comm = s;
			r->a_len = (size_t)(c - s);
			r->b_comm = p;
			r->b_len = (size_t)(np - p);
			return 0;
		}
	}
	fail(err, s, "%s: missing prev_pid", ev);
	return -1;
}

/* "comm=C pid=N prio=N ..." (wake-ups, exit): the last " pid=" followed
 * by a number and " prio=" ends the comm.  Returns the rest. */
static const char *kv_task(const char *s, const char *e, ltrace_rec *r,
                           perr *err, const char *ev)
{
	const char *p, *last;

	if (!lit(s, e, "comm=", err, ev))
		return NULL;
	s += (sizeof("comm=") - 1);
	last = find_last(s, e, " pid=");
	if (!last)
		return fail(err, s, "%s: missing pid", ev);
	p = last + (sizeof(" pid=") - 1);
	if (!(p = pid_field(p, e, &r->a_pid, err, ev, "pid")) ||
	    !(p = lit(p, e, " prio=", err, ev)) ||
	    !(p = prio_field(p, e, err, ev, "prio")))
		return NULL;
	r->a_comm = s;
	r->a_len = (size_t)(last - s);
	return p;
}

static int kv_wakeup(const char *s, const char *e, ltrace_rec *r, perr *err,
                     const char *ev)
{
	const char *p, *t;
	long v = 0, prio, pid;

	/* "comm=C pid=N prio=N target_cpu=N", read from the right. */
	t = rkv(s, e, " target_cpu=", &v);
	if (t)
		t = rkv(s, t, " prio=", &prio);
	if (t)
		t = rkv(s, t, " pid=", &pid);
	if (t && starts(s, t, "comm=") && pid_ok(pid) && v >= 0 &&
	    v <= LTRACE_CPU_MAX && prio >= -100000 && prio <= 100000) {
		r->a_comm = s + (sizeof("comm=") - 1);
		r->a_len = (size_t)(t - r->a_comm);
		r->a_pid = (int)pid;
		r->target = (int)v;
		return 0;
	}
	p = kv_task(s, e, r, err, ev);

	if (!p)
		return -1;
	/* Older kernels print "success=1" before target_cpu. */
	p = skip_spaces(p, e);
	if (p < e && !strncmp(p, "success=", 8))
		p = skip_spaces(token_end(p, e), e);
	if (!(t = lit(p, e, "target_cpu=", err, ev)) ||
	    !(t = number(t, e, false, LTRACE_CPU_MAX, &v, err, ev, "target_cpu")))
		return -1;
	if (t != e) {
		fail(err, t, "%s: unexpected '%.*s' after target_cpu", ev,
		     (int)(e - t), t);
		return -1;
	}
	r->target = (int)v;
	return 0;
}

/* ---- trace-cmd's payloads: COMM:PID [PRIO] ------------------------------ */

/* "COMM:PID [PRIO]" exactly filling [s, e): the comm may hold colons, so
 * the pid is the digits after the last one. */
static int cmd_task(const char *s, const char *e, const char **comm, size_t *len,
                    int *pid, perr *err, const char *ev)
{
	const char *b, *c;

	if (e == s || e[-1] != ']')
		return fail(err, e, "%s: expected '[PRIO]'", ev), -1;
	for (b = e - 1; b > s && *b != '['; b--)
		;
	if (*b != '[' || b == s || b[-1] != ' ')
		return fail(err, b, "%s: expected ' [PRIO]'", ev), -1;
	if (!prio_field(b + 1, e - 1, err, ev, "prio"))
		return -1;
	for (c = b - 1; c > s && is_digit(c[-1]); c--)
		;
	if (c == b - 1 || c == s || c[-1] != ':')
		return fail(err, s, "%s: expected 'COMM:PID'", ev), -1;
	if (!pid_field(c, b - 1, pid, err, ev, "pid"))
		return -1;
	*comm = s;
	*len = (size_t)(c - 1 - s);
	return 0;
}

static int cmd_switch(const char *s, const char *e, ltrace_rec *r, perr *err)
{
	const char *ev = "sched_switch", *q, *st;

	for (q = s; (q = find(q, e, " ==> ")); q++) {
		/* prev side: COMM:PID [PRIO] STATE */
		for (st = q; st > s && st[-1] != ' '; st--)
			;
		if (st == s)
			continue;
		perr probe;

		probe.at = NULL;
		if (cmd_task(s, st - 1, &r->a_comm, &r->a_len, &r->a_pid,
			     &probe, ev) ||
		    !pstate(st, q, r, &probe, ev) ||
		    cmd_task(q + 5, e, &r->b_comm, &r->b_len, &r->b_pid,
			     &probe, ev)) {
			if (!err->at)
				*err = probe;
			continue;
		}
		return 0;
	}
	if (!err->at)
		fail(err, s, "%s: expected 'COMM:PID [PRIO] STATE ==> COMM:PID [PRIO]'",
		     ev);
	return -1;
}

static int cmd_wakeup(const char *s, const char *e, ltrace_rec *r, perr *err,
                      const char *ev)
{
	const char *t;
	long v = 0;

	for (t = e; t > s && t[-1] != ' '; t--)
		;
	if (!lit(t, e, "CPU:", err, ev) ||
	    !number(t + 4, e, false, LTRACE_CPU_MAX, &v, err, ev, "CPU"))
		return -1;
	r->target = (int)v;
	if (t == s)
		return fail(err, s, "%s: expected 'COMM:PID [PRIO]'", ev), -1;
	e = t - 1;
	/* Older trace-cmd prints "success=1" before the CPU. */
	for (t = e; t > s && t[-1] != ' '; t--)
		;
	if (t > s && !strncmp(t, "success=", 8))
		e = t - 1;
	return cmd_task(s, e, &r->a_comm, &r->a_len, &r->a_pid, err, ev);
}

/* ---- the line ------------------------------------------------------------- */

/* "SECONDS.FRACTION:" to microseconds; extra digits (nanoseconds) are
 * truncated. */
static const char *timestamp(const char *p, const char *e, int64_t *us)
{
	int64_t sec = 0, frac = 0;
	int n = 0, f = 0;

	for (; p < e && is_digit(*p); p++, n++) {
		if (n == 12)
			return NULL;
		sec = sec * 10 + (*p - '0');
	}
	if (n == 0 || p == e || *p != '.')
		return NULL;
	/* Microseconds, as the tools print them: six digits, unrolled. */
	if (e - p >= 8 && p[7] == ':' && is_digit(p[1]) && is_digit(p[2]) &&
	    is_digit(p[3]) && is_digit(p[4]) && is_digit(p[5]) && is_digit(p[6])) {
		frac = (((((p[1] - '0') * 10 + (p[2] - '0')) * 10 + (p[3] - '0')) * 10 +
			 (p[4] - '0')) * 10 + (p[5] - '0')) * 10 + (p[6] - '0');
		*us = sec * 1000000 + frac;
		return p + 8;
	}
	for (p++; p < e && is_digit(*p); p++, f++)
		if (f < 6)
			frac = frac * 10 + (*p - '0');
	if (f == 0 || p == e || *p != ':')
		return NULL;
	for (; f < 6; f++)
		frac *= 10;
	*us = sec * 1000000 + frac;
	return p + 1;
}

/* From a "[" candidate: "[CPU] (FLAGS )?TIMESTAMP: EVENT:( PAYLOAD)?". */
static const char *header(const char *b, const char *e, ltrace_rec *r,
                          const char **event, const char **event_end, perr *err)
{
	const char *p = b + 1, *t, *ts, *over = NULL;
	long cpu = 0;

	/* A CPU out of range is said once the rest shows an event line:
	 * otherwise it is some other text with a number in brackets. */
	for (; p < e && is_digit(*p); p++) {
		cpu = cpu * 10 + (*p - '0');
		if (cpu > LTRACE_CPU_MAX) {
			over = b + 1;
			cpu = LTRACE_CPU_MAX;
		}
	}
	if (p == b + 1 || p == e || *p != ']')
		return NULL;
	r->cpu = (int)cpu;
	ts = skip_spaces(p + 1, e);
	t = ts < e && is_digit(*ts) ? timestamp(ts, e, &r->ts) : NULL;
	if (!t) {
		/* ftrace's irq-info flags, like "d..2.", come first: a few
		 * bytes, not worth a memchr. */
		const char *sp = ts;

		while (sp < e && *sp != ' ')
			sp++;
		if (sp < e && sp[-1] != ':') {
			ts = skip_spaces(sp, e);
			t = timestamp(ts, e, &r->ts);
		}
		if (!t)
			return fail(err, ts,
				    "expected a timestamp 'SECONDS.MICROSECONDS:', found '%.*s'",
				    (int)(token_end(ts, e) - ts), ts);
	}
	r->ts_col = (int)(ts - b);
	if (t == e || *t != ' ')
		return fail(err, t, "expected ' EVENT:' after the timestamp");
	p = skip_spaces(t, e);   /* perf script pads event names */
	t = token_end(p, e);
	if (t - p < 2 || t[-1] != ':')
		return fail(err, p, "expected an event name, found '%.*s'",
			    (int)(t - p), p);
	*event = p;
	*event_end = t - 1;
	if (over) {
		err->at = NULL;
		err->shaped = true;
		return fail(err, over, "CPU number out of range (0 to %d)", LTRACE_CPU_MAX);
	}
	return skip_spaces(t, e);
}

/* Lines the tools print around events: ftrace's "# ..." header and
 * "##### CPU 1 buffer started ####", trace-cmd's "cpus=N", "version = N",
 * "CPU N is empty", and lost-event notes of both. */
static bool header_line(const char *s, const char *e)
{
	if (*s == '#')
		return true;
	if (*s != 'c' && *s != 'v' && *s != 'C')
		return false;
	if (starts(s, e, "cpus=") || starts(s, e, "version = "))
		return true;
	if (starts(s, e, "CPU") &&
	    (find(s, e, " is empty") || find(s, e, "LOST")))
		return true;
	return false;
}

/* key=value, unless the first word is trace-cmd's COMM:PID. */
static bool key_value(const char *p, const char *e)
{
	const char *w;
	size_t n;

	if (starts(p, e, "prev_comm=") || starts(p, e, "comm="))
		return true;
	w = memchr(p, ' ', (size_t)(e - p));
	n = (size_t)((w ? w : e) - p);
	return memchr(p, '=', n) && !memchr(p, ':', n);
}

/* The wake-up events; the new one's name begins with the other's. */
#define WAKEUP "sched_wakeup"
#define WAKEUP_NEW "sched_wakeup_new"
#define WAKEUP_LEN ((ptrdiff_t)sizeof WAKEUP - 1)

static int payload(const char *ev, const char *ev_end, const char *p,
                   const char *e, ltrace_rec *r, perr *err)
{
	bool kv;

	/* Other events are passed over: their layout is not looked at. */
	if (!starts(ev, ev_end, "sched_")) {
		r->form = r->form == LTRACE_PERF ? LTRACE_PERF : LTRACE_UNKNOWN;
		return 0;
	}
	kv = key_value(p, e);
	if (r->form != LTRACE_PERF)
		r->form = kv ? LTRACE_FTRACE : LTRACE_TRACE_CMD;
	if (is_name(ev, ev_end, "sched_switch")) {
		r->kind = LTK_SWITCH;
		return kv ? kv_switch(p, e, r, err) : cmd_switch(p, e, r, err);
	}
	if (is_name(ev, ev_end, WAKEUP) || is_name(ev, ev_end, WAKEUP_NEW)) {
		/* Which of the two, told by the length alone.  Tested twice,
		 * not kept in a bool: so gcc 12 makes the very code it made
		 * from a bare 12 (a bool changes the hot loop's layout). */
		const char *name = ev_end - ev == WAKEUP_LEN ? WAKEUP : WAKEUP_NEW;

		r->kind = ev_end - ev == WAKEUP_LEN ? LTK_WAKEUP : LTK_WAKEUP_NEW;
		return kv ? kv_wakeup(p, e, r, err, name)
			  : cmd_wakeup(p, e, r, err, name);
	}
	if (is_name(ev, ev_end, "sched_process_exit")) {
		/* Its layout does not tell the form: trace-cmd prints it raw. */
		r->form = r->form == LTRACE_PERF ? LTRACE_PERF : LTRACE_UNKNOWN;
		r->kind = LTK_EXIT;
		if (kv)
			return kv_task(p, e, r, err, "sched_process_exit") ? 0 : -1;
		return cmd_task(p, e, &r->a_comm, &r->a_len, &r->a_pid, err,
				"sched_process_exit");
	}
	r->form = r->form == LTRACE_PERF ? LTRACE_PERF : LTRACE_UNKNOWN;
	return 0;
}

int ltrace_parse(const char *line, size_t len, ltrace_rec *r, bool *hdr,
                 int *col, char *msg, size_t msglen)
{
	const char *e = trim_end(line, line + len), *s = line, *b, *p = NULL;
	const char *ev = NULL, *ev_end = NULL;
	perr err;

	err.at = NULL;
	err.shaped = false;

	*hdr = false;
	s = skip_spaces(s, e);
	while (s < e && *s == '\t')
		s = skip_spaces(s + 1, e);
	if (s == e)
		return 0;
	if (header_line(s, e)) {
		*hdr = true;
		return 0;
	}
	r->form = LTRACE_UNKNOWN;
	for (b = s; (b = memchr(b, '[', (size_t)(e - b))); b++)
		if ((p = header(b, e, r, &ev, &ev_end, &err)))
			break;
	if (!p) {
		*col = err.at ? (int)(err.at - line) + 1 : 1;
		snprintf(msg, msglen, "%s", err.at ? err.msg
			 : "expected 'TASK-PID [CPU] TIMESTAMP: EVENT: ...'");
		return err.shaped ? -2 : -1;
	}
	r->ts_col += (int)(b - line) + 1;
	r->kind = LTK_OTHER;
	/* perf names events with their group: "sched:sched_switch". */
	if (starts(ev, ev_end, "sched:")) {
		r->form = LTRACE_PERF;
		ev += sizeof("sched:") - 1;
	} else if (!starts(ev, ev_end, "sched_") &&
		   memchr(ev, ':', (size_t)(ev_end - ev))) {
		r->form = LTRACE_PERF;
		return 1;
	}
	err.at = NULL;
	if (payload(ev, ev_end, p, e, r, &err)) {
		*col = (int)(err.at - line) + 1;
		snprintf(msg, msglen, "%s", err.msg);
		return -2; /* an event line, with something wrong in it */
	}
	return 1;
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
