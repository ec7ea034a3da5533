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
#include <unistd.h>

#include "ltrace_int.h"

#define SPOOL_BUF (1 << 20)

/* No padding: the bytes written are all initialised. */
struct srec {
	int64_t time;
	int32_t thread;
	uint16_t cpu;
	uint8_t kind;
	uint8_t why;
	char data[8];
};
_Static_assert(sizeof(struct srec) == 24, "struct srec has padding");

/* A SWITCH is always followed by its DISPATCH: one record says both. */
#define AFTER_SWITCH 0x80

struct ltrace_spool {
	FILE *f;
	bool switching;          /* a SWITCH waits for its DISPATCH */
	char *buf;               /* records not yet written, or read back */
	size_t len;
	int err;                 /* errno of the first failure */
};

const char *ltrace_spool_dir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

/* An anonymous file in $TMPDIR (tmpfile() would ignore it). */
static FILE *anonymous(void)
{
	const char *dir = ltrace_spool_dir();
	char path[4096];
	FILE *f;
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/schedsim-ltrace-XXXXXX",
			     dir) >= sizeof path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	unlink(path);
	f = fdopen(fd, "w+");
	if (!f)
		close(fd);
	return f;
}

ltrace_spool *ltrace_spool_new(void)
{
	ltrace_spool *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->f = anonymous();
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

void ltrace_spool_event(ltrace_spool *s, int cpu, int64_t time,
                        sim_ev_kind kind, int thread, const ltrace_reason *why)
{
	struct srec r = { time, thread, (uint16_t)cpu, (uint8_t)kind, why->why, "" };

	if (kind == SIM_EV_SWITCH) {
		s->switching = true;
		return;
	}
	if (s->switching)
		r.why |= AFTER_SWITCH;
	s->switching = false;
	memcpy(r.data, why->data, sizeof r.data);
	if (s->len + sizeof r > SPOOL_BUF)
		flush(s);
	memcpy(s->buf + s->len, &r, sizeof r);
	s->len += sizeof r;
}

int ltrace_spool_replay(ltrace_spool *s, int cpu, const ltrace_sink *to)
{
	size_t n;

	flush(s);
	if (!s->err && (fflush(s->f) || fseek(s->f, 0, SEEK_SET)))
		s->err = errno ? errno : EIO;
	if (s->err)
		return -1;
	/* Whole records only: the spool writes nothing else. */
	while ((n = fread(s->buf, sizeof(struct srec), SPOOL_BUF / sizeof(struct srec),
			  s->f)) > 0) {
		for (size_t i = 0; i < n; i++) {
			struct srec r;
			ltrace_reason why;

			memcpy(&r, s->buf + i * sizeof r, sizeof r);
			if (r.cpu != cpu)
				continue;
			if (r.why & AFTER_SWITCH) {
				static const ltrace_reason none = { LTW_NONE, "" };

				to->event(to->ctx, cpu, r.time, SIM_EV_SWITCH,
					  r.thread, &none);
			}
			why.why = r.why & ~AFTER_SWITCH;
			memcpy(why.data, r.data, sizeof why.data);
			to->event(to->ctx, cpu, r.time, (sim_ev_kind)r.kind,
				  r.thread, &why);
		}
	}
	if (ferror(s->f) || !feof(s->f)) {
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
