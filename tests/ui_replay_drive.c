/* ui_replay_drive: records a small run (three C-bodied threads under round
 * robin, quantum 2, with I/O and a sleep) into memory, then plays the
 * recording with ui_replay(), for tests/tui.sh; its time unit is called
 * "ms" to show that a recording's unit is used.  `ui_replay_drive bad`
 * makes the 10th event unreadable, as a malformed trace would be. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui.h"

#define NT 3

static const char *const names[NT] = { "alpha", "beta", "gamma" };

static struct {
	sim_event ev[512];
	char reason[512][96];
	size_t n, pos;
	bool bad;
	sim_options opt;
} rec;

static void keep(void *ctx, const sim_event *ev)
{
	(void)ctx;
	if (rec.n == sizeof rec.ev / sizeof rec.ev[0])
		return;
	rec.ev[rec.n] = *ev;
	snprintf(rec.reason[rec.n], sizeof rec.reason[0], "%s", ev->reason);
	rec.ev[rec.n].reason = rec.reason[rec.n];
	rec.n++;
}

static void body(void *arg)
{
	int i = (int)(long)arg;

	sim_cpu(3 + i);
	if (i == 1)
		sim_sleep(4);
	else
		sim_io(2 + i);
	sim_cpu(2);
}

static const char *name(void *ctx, int i)
{
	(void)ctx;
	return names[i];
}

static int rewind_rec(void *ctx, char *err, size_t errlen)
{
	(void)ctx;
	(void)err;
	(void)errlen;
	rec.pos = 0;
	return 0;
}

static int next(void *ctx, sim_event *ev, char *err, size_t errlen)
{
	(void)ctx;
	if (rec.bad && rec.pos == 9) {
		snprintf(err, errlen, "recording:11:7: unknown event kind 'dispatc'");
		return -1;
	}
	if (rec.pos == rec.n)
		return 0;
	*ev = rec.ev[rec.pos++];
	return 1;
}

static report *make_report(void *ctx)
{
	report *r = report_new("rr", &rec.opt);

	(void)ctx;
	for (int i = 0; r && i < NT; i++)
		if (report_add_thread(r, names[i], i) < 0) {
			report_free(r);
			return NULL;
		}
	return r;
}

int main(int argc, char **argv)
{
	char err[256];

	rec.bad = argc > 1 && !strcmp(argv[1], "bad");
	sim_options_default(&rec.opt);
	rec.opt.policy = "rr";
	if (sim_options_set(&rec.opt, "quantum", "2", err, sizeof err) < 0) {
		fprintf(stderr, "ui_replay_drive: %s\n", err);
		return 1;
	}
	sim *s = sim_new(NULL, &rec.opt, err, sizeof err);
	if (!s) {
		fprintf(stderr, "ui_replay_drive: %s\n", err);
		return 1;
	}
	for (long i = 0; i < NT; i++)
		if (sim_spawn(s, names[i], i, 1, -1, body, (void *)i) < 0) {
			fprintf(stderr, "ui_replay_drive: %s\n", sim_error(s));
			return 1;
		}
	if (sim_listen(s, keep, NULL) < 0) {
		fprintf(stderr, "ui_replay_drive: %s\n", sim_error(s));
		return 1;
	}
	if (sim_run(s) < 0) {
		fprintf(stderr, "ui_replay_drive: %s\n", sim_error(s));
		return 1;
	}
	sim_free(s);

	ui_recording r = {
		.title = "recording", .policy = "rr", .nthreads = NT, .name = name,
		.rewind = rewind_rec, .next = next, .report = make_report,
		.unit = "ms",
	};
	ui_config cfg = { true };
	return ui_replay(&r, &cfg);
}
