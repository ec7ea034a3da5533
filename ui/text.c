/* text.c: the view's words: log lines, the ready queue, speeds. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "model.h"

void ui_log_format(const ui_model *m, const ui_log_entry *e, char *buf, size_t len)
{
	const char *who = e->thread >= 0 ? ui_model_name(m, e->thread) : "";
	long long arg = (long long)e->arg;
	char what[96];

	switch (e->kind) {
	case SIM_EV_ARRIVE:
		snprintf(what, sizeof what, "%s arrives", who);
		break;
	case SIM_EV_DISPATCH:
		snprintf(what, sizeof what, "%s runs", who);
		break;
	case SIM_EV_PREEMPT:
		snprintf(what, sizeof what, "%s preempted", who);
		break;
	case SIM_EV_BLOCK: /* the reason says what a non-I/O wait is for */
		if (arg > 0)
			snprintf(what, sizeof what, "%s waits for I/O (%lld ticks)", who, arg);
		else
			snprintf(what, sizeof what, "%s blocks", who);
		break;
	case SIM_EV_WAKE:
		snprintf(what, sizeof what, e->io ? "%s back from I/O" : "%s ready again",
			 who);
		break;
	case SIM_EV_EXIT:
		snprintf(what, sizeof what, "%s finishes", who);
		break;
	case SIM_EV_IDLE:
		snprintf(what, sizeof what, "CPU idle");
		break;
	case SIM_EV_SWITCH:
		snprintf(what, sizeof what, "context switch to %s (%lld)", who, arg);
		break;
	case SIM_EV_PRIO:
		snprintf(what, sizeof what, "%s priority now %lld", who, arg);
		break;
	case SIM_EV_END:
	default: /* arg: threads that arrived and never finished */
		if (arg)
			snprintf(what, sizeof what, "the run ends, %lld thread%s unfinished",
				 arg, arg == 1 ? "" : "s");
		else
			snprintf(what, sizeof what, "all threads finished");
		break;
	}
	snprintf(buf, len, "%6lld  %s%s%s", (long long)e->time, what,
	         e->reason[0] ? ": " : "", e->reason);
}

void ui_queue_format(const ui_model *m, const int *q, size_t n, int width,
                     char *buf, size_t len)
{
	size_t pos = 0;

	if (!len)
		return;
	buf[0] = '\0';
	if (!n) {
		snprintf(buf, len, "(empty)");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = ui_model_name(m, q[i]);
		size_t need = strlen(name) + (i ? 1 : 0);
		char more[32] = "";
		if (i + 1 < n) /* what must still fit if this is the last shown */
			snprintf(more, sizeof more, " +%zu", n - i - 1);
		if (pos + need + strlen(more) > (size_t)width || pos + need >= len) {
			snprintf(buf + pos, len - pos, "%s+%zu", i ? " " : "", n - i);
			return;
		}
		pos += (size_t)snprintf(buf + pos, len - pos, "%s%s", i ? " " : "", name);
	}
}

const ui_speed ui_speeds[] = {
	{ "1/4 ev/s", 4000000000 },
	{ "1/2 ev/s", 2000000000 },
	{ "1 ev/s", 1000000000 },
	{ "2 ev/s", 500000000 },
	{ "5 ev/s", 200000000 },
	{ "10 ev/s", 100000000 },
	{ "20 ev/s", 50000000 },
	{ "50 ev/s", 20000000 },
	{ "100 ev/s", 10000000 },
	{ "1000 ev/s", 1000000 },
	{ "10000 ev/s", 100000 },
	{ "max", 0 },
};
const int ui_nspeeds = (int)(sizeof ui_speeds / sizeof ui_speeds[0]);
