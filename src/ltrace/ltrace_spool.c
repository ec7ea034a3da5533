/* ltrace_spool.c: every CPU's events, held on disk until the busiest CPU
 * is known.
 *
 * Choosing the busiest CPU needs the whole trace, yet the trace is read
 * once (it may be a pipe, and parsing is the cost): each CPU's state
 * machine writes its events here as compact binary records, and those of
 * the chosen CPU are played back afterwards.  Memory stays at one buffer. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/tmpf.h"
#include "ltrace_int.h"

#define SPOOL_BUF (1 << 20)

/* A record, packed (the spool's size is what costs: the kernel copies it
 * twice, and a 1,000,000-line trace spools over a million records):
 *   head    kind (4 bits) | AFTER_SWITCH | NEW_CPU | SMALL or BIG
 *   why     the reason (4 bits) | the length of its data << 4
 *   thread  plus one (the idle task is -1), in 8 bits when SMALL, 64
 *           when BIG, else 16
 *   time    from the record before (CPUs' times interleave), in 16 bits
 *           when SMALL, 64 when BIG, else 32
 *   cpu     16 bits, when NEW_CPU: not that of the record before
 *   data    its bytes
 * Five bytes and a state letter, mostly. */
#define AFTER_SWITCH 0x10        /* the SWITCH that comes before a DISPATCH */
#define NEW_CPU 0x20
#define BIG 0x40
#define SMALL 0x80
#define REC_MAX (2 + 16 + 2 + 8)

struct ltrace_spool {
	FILE *f;
	bool switching;          /* a SWITCH waits for its DISPATCH */
	unsigned char *buf;      /* records not yet written, or read back */
	size_t len;
	int cpu;                 /* the last record's, as written */
	int64_t time;
	int err;                 /* errno of the first failure */
};

ltrace_spool *ltrace_spool_new(void)
{
	ltrace_spool *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->f = tmpf_open("ltrace");
	s->buf = malloc(SPOOL_BUF);
	if (!s->f || !s->buf) {
		ltrace_spool_free(s);
		return NULL;
	}
	return s;
}

/* Whole blocks, unbuffered by stdio: one call per SPOOL_BUF. */
static void flush(ltrace_spool *s)
{
	if (!s->err && s->len && fwrite(s->buf, 1, s->len, s->f) != s->len)
		s->err = errno ? errno : EIO;
	s->len = 0;
}

static unsigned char *put(unsigned char *p, const void *v, size_t n)
{
	memcpy(p, v, n);
	return p + n;
}

void ltrace_spool_event(ltrace_spool *s, int cpu, int64_t time,
                        sim_ev_kind kind, int thread, const ltrace_reason *why)
{
	uint64_t delta = (uint64_t)time - (uint64_t)s->time;
	bool big = delta > UINT32_MAX || thread + 1 > UINT16_MAX;
	bool small = delta <= UINT16_MAX && thread + 1 <= UINT8_MAX;
	size_t d = 0;
	unsigned char *p;

	if (kind == SIM_EV_SWITCH) {
		s->switching = true;
		return;
	}
	while (d < sizeof why->data && why->data[d])
		d++;
	if (s->len + REC_MAX > SPOOL_BUF)
		flush(s);
	p = s->buf + s->len;
	*p++ = (unsigned char)(kind | (s->switching ? AFTER_SWITCH : 0) |
			       (cpu != s->cpu ? NEW_CPU : 0) |
			       (small ? SMALL : big ? BIG : 0));
	*p++ = (unsigned char)(why->why | d << 4);
	if (small) {
		uint16_t dt = (uint16_t)delta;

		*p++ = (unsigned char)(thread + 1);
		p = put(p, &dt, sizeof dt);
	} else if (big) {
		int64_t th = thread;

		p = put(p, &th, sizeof th);
		p = put(p, &delta, sizeof delta);
	} else {
		uint16_t th = (uint16_t)(thread + 1);
		uint32_t dt = (uint32_t)delta;

		p = put(p, &th, sizeof th);
		p = put(p, &dt, sizeof dt);
	}
	if (cpu != s->cpu) {
		uint16_t c = (uint16_t)cpu;

		p = put(p, &c, sizeof c);
	}
	/* All eight (REC_MAX has room), then only d kept: a constant copy. */
	memcpy(p, why->data, sizeof why->data);
	p += d;
	s->len = (size_t)(p - s->buf);
	s->switching = false;
	s->cpu = cpu;
	s->time = time;
}

/* One record at p (before end) into the arguments; NULL if it does not
 * fit before end. */
static const unsigned char *get_record(const unsigned char *p,
                                       const unsigned char *end, int *cpu,
                                       int64_t *time, unsigned *head,
                                       int *thread, ltrace_reason *why)
{
	size_t d, n;

	if (end - p < 2)
		return NULL;
	*head = p[0];
	why->why = (uint8_t)(p[1] & 0x0f);
	d = p[1] >> 4;
	n = 2 + (*head & SMALL ? 3 : *head & BIG ? 16 : 6) +
	    (*head & NEW_CPU ? 2 : 0) + d;
	if (d > sizeof why->data || (size_t)(end - p) < n)
		return NULL;
	p += 2;
	if (*head & SMALL) {
		uint16_t dt;

		memcpy(&dt, p + 1, sizeof dt);
		*thread = (int)p[0] - 1;
		*time += dt;
		p += 3;
	} else if (*head & BIG) {
		int64_t th;
		uint64_t dt;

		memcpy(&th, p, sizeof th);
		memcpy(&dt, p + 8, sizeof dt);
		*thread = (int)th;
		*time = (int64_t)((uint64_t)*time + dt);
		p += 16;
	} else {
		uint16_t th;
		uint32_t dt;

		memcpy(&th, p, sizeof th);
		memcpy(&dt, p + 2, sizeof dt);
		*thread = (int)th - 1;
		*time += dt;
		p += 6;
	}
	if (*head & NEW_CPU) {
		uint16_t c;

		memcpy(&c, p, sizeof c);
		*cpu = c;
		p += 2;
	}
	memset(why->data, 0, sizeof why->data);
	for (size_t i = 0; i < d; i++)
		why->data[i] = (char)p[i];
	return p + d;
}

int ltrace_spool_replay(ltrace_spool *s, int cpu, const ltrace_sink *to)
{
	static const ltrace_reason none = { LTW_NONE, "" };
	size_t have = 0, n;
	int rcpu = 0;
	int64_t time = 0;

	flush(s);
	if (!s->err && (fflush(s->f) || fseek(s->f, 0, SEEK_SET)))
		s->err = errno ? errno : EIO;
	if (s->err)
		return -1;
	/* A record may straddle two reads: what is left of one is kept. */
	while ((n = fread(s->buf + have, 1, SPOOL_BUF - have, s->f)) > 0) {
		const unsigned char *p = s->buf, *end = s->buf + have + n, *q;

		for (;;) {
			int64_t t = time;
			int c = rcpu, thread;
			unsigned head;
			ltrace_reason why;

			if (!(q = get_record(p, end, &c, &t, &head, &thread, &why)))
				break;
			p = q;
			rcpu = c;
			time = t;
			if (c != cpu)
				continue;
			if (head & AFTER_SWITCH)
				to->event(to->ctx, cpu, t, SIM_EV_SWITCH, thread, &none);
			to->event(to->ctx, cpu, t, (sim_ev_kind)(head & 0x0f),
				  thread, &why);
		}
		have = (size_t)(end - p);
		if (have >= REC_MAX) {
			s->err = EIO;       /* not a record the spool wrote */
			return -1;
		}
		memmove(s->buf, p, have);
	}
	if (ferror(s->f) || !feof(s->f) || have) {
		s->err = ferror(s->f) && errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int ltrace_spool_error(const ltrace_spool *s)
{
	return s->err;
}

void ltrace_spool_free(ltrace_spool *s)
{
	if (!s)
		return;
	if (s->f)
		fclose(s->f);
	free(s->buf);
	free(s);
}
