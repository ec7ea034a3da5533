/* ltrace_gen.c: the synthetic trace of ltrace_gen.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltrace_gen.h"

static int ts(char *p, uint64_t i)
{
	uint64_t us = 1000000 + i * LTRACE_GEN_STEP;

	return sprintf(p, "%llu.%06llu", (unsigned long long)(us / 1000000),
		       (unsigned long long)(us % 1000000));
}

size_t ltrace_gen_line(char *buf, uint64_t i)
{
	char t[32];
	uint64_t j = i / 4;
	int a = (int)(j % LTRACE_GEN_TASKS), b = (int)((j + 1) % LTRACE_GEN_TASKS);

	ts(t, i);
	switch (i % 4) {
	case 0:
		return (size_t)sprintf(buf,
			"        worker %d-%d    [000] d..2. %s: sched_switch: "
			"prev_comm=worker %d prev_pid=%d prev_prio=120 prev_state=R ==> "
			"next_comm=worker %d next_pid=%d next_prio=120\n",
			a, 1000 + a, t, a, 1000 + a, b, 1000 + b);
	case 1:
		return (size_t)sprintf(buf,
			"          <idle>-0       [001] dNh2. %s: sched_wakeup: "
			"comm=sshd pid=2000 prio=120 target_cpu=001\n", t);
	case 2:
		return (size_t)sprintf(buf,
			"        worker %d-%d    [000] d.h1. %s: irq_handler_entry: "
			"irq=24 name=virtio0-input.0\n", b, 1000 + b, t);
	default:
		if (j % 2 == 0)
			return (size_t)sprintf(buf,
				"          <idle>-0       [001] d..2. %s: sched_switch: "
				"prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> "
				"next_comm=sshd next_pid=2000 next_prio=120\n", t);
		return (size_t)sprintf(buf,
			"            sshd-2000    [001] d..2. %s: sched_switch: "
			"prev_comm=sshd prev_pid=2000 prev_prio=120 prev_state=S ==> "
			"next_comm=swapper/1 next_pid=0 next_prio=120\n", t);
	}
}

struct gen {
	uint64_t n, next;
	char line[256];
	size_t len, off;    /* what of line is still to be read */
	off_t pos;
};

static ssize_t gen_read(void *cookie, char *buf, size_t size)
{
	struct gen *g = cookie;
	size_t done = 0;

	while (done < size) {
		if (g->off == g->len) {
			if (g->next == g->n)
				break;
			g->len = ltrace_gen_line(g->line, g->next++);
			g->off = 0;
		}
		size_t k = g->len - g->off;
		if (k > size - done)
			k = size - done;
		memcpy(buf + done, g->line + g->off, k);
		g->off += k;
		done += k;
	}
	g->pos += (off_t)done;
	return (ssize_t)done;
}

/* Only "where am I" and "back to the start" are needed. */
static int gen_seek(void *cookie, off64_t *off, int whence)
{
	struct gen *g = cookie;

	if (whence == SEEK_CUR && *off == 0) {
		*off = g->pos;
		return 0;
	}
	if (whence != SEEK_SET || *off != 0)
		return -1;
	g->next = 0;
	g->len = g->off = 0;
	g->pos = 0;
	return 0;
}

static int gen_close(void *cookie)
{
	free(cookie);
	return 0;
}

FILE *ltrace_gen_open(uint64_t n)
{
	struct gen *g = calloc(1, sizeof *g);
	cookie_io_functions_t io = { gen_read, NULL, gen_seek, gen_close };
	FILE *f;

	if (!g)
		return NULL;
	g->n = n;
	f = fopencookie(g, "r", io);
	if (!f)
		free(g);
	return f;
}
