/* live.c: the live view's loop: step the simulation (or a recording) at
 * the chosen pace, draw, and sleep until the next event is due or a key
 * comes. */
#include <config.h>

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tty.h"
#include "view.h"

#define NS_PER_S ((int64_t)1000000000)
#define NS_PER_MS 1000000
/* Longest a frame steps at full speed before it draws and reads keys. */
#define FRAME_NS ((int64_t)33000000)
/* At full speed, look at the clock once per this many events (a power
 * of two). */
#define CLOCK_EVERY 64

int64_t ui_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * NS_PER_S + ts.tv_nsec;
}

/* Step what is due at this speed; at full speed, a frame's worth. */
static void advance(ui_view *v)
{
	int64_t now = ui_now_ns(), period = ui_speeds[v->speed].period_ns;
	int64_t until = now + FRAME_NS;

	for (unsigned n = 1; !v->finished && !v->failed; n++) {
		if (period && v->due_ns > now)
			break;
		ui_view_step(v);
		v->due_ns += period;
		if (!(n & (CLOCK_EVERY - 1)) && (now = ui_now_ns()) > until)
			break;
	}
	/* Behind by more than a frame (a slow terminal): do not race to
	 * catch up, carry on from now. */
	if (period && v->due_ns < now - FRAME_NS)
		v->due_ns = now;
}

/* Until the next event is due, but no more than about 30 frames a second
 * however fast the events come: a faster pace steps several per frame. */
static int wait_ms(const ui_view *v, int64_t frame_start)
{
	if (v->paused || v->finished || v->failed)
		return -1;
	if (!ui_speeds[v->speed].period_ns)
		return 0;
	int64_t until = v->due_ns;
	if (until < frame_start + FRAME_NS)
		until = frame_start + FRAME_NS;
	int64_t d = until - ui_now_ns();
	return d <= 0 ? 0 : (int)((d + NS_PER_MS - 1) / NS_PER_MS);
}

/* The view over whatever v plays (src or rec set) until the user quits. */
static int run(ui_view *v, const ui_config *cfg)
{
	char err[256];

	if (ui_view_start(v, NULL) < 0) {
		fprintf(stderr, "schedsim: %s\n", v->msg);
		ui_model_free(&v->m);
		return 2;
	}
	v->msg[0] = '\0';
	if (ui_tty_open(cfg->color, err, sizeof err) < 0) {
		fprintf(stderr, "schedsim: %s\n", err);
		ui_view_stop(v);
		ui_model_free(&v->m);
		return 2;
	}
	v->m.color = ui_tty_color();
	ui_draw_init(v->m.color);
	v->due_ns = ui_now_ns();

	while (!v->quit && !ui_tty_signal()) {
		int64_t frame_start = ui_now_ns();
		if (!v->paused)
			advance(v);
		ui_draw(v);
		ui_tty_wait(wait_ms(v, frame_start));
		for (int ch; (ch = getch()) != ERR;)
			ui_key(v, ch);
	}

	int sig = ui_tty_signal();
	ui_tty_close();
	int status = v->status;
	if (v->failed) {
		fprintf(stderr, "schedsim: %s\n", v->error);
		status = 1;
	} else if (v->deadlock) {
		fprintf(stderr, "schedsim: %s\n", v->deadlock);
	}
	ui_view_stop(v);
	ui_model_free(&v->m);
	if (sig) {
		/* Die of it as the caller expects (the old disposition is back). */
		raise(sig);
		status = 128 + sig;
	}
	return status;
}

static void view_init(ui_view *v)
{
	memset(v, 0, sizeof *v);
	v->speed = UI_SPEED_DEFAULT;
	setlocale(LC_ALL, "");
	ui_model_init(&v->m, !strcmp(nl_langinfo(CODESET), "UTF-8"), false);
}

int ui_live(const ui_source *src, const ui_config *cfg)
{
	return ui_live_after(src, cfg, NULL);
}

int ui_live_after(const ui_source *src, const ui_config *cfg, ui_after_fn after)
{
	ui_view v;

	view_init(&v);
	v.src = src;
	v.after = after;
	return run(&v, cfg);
}

int ui_replay(const ui_recording *rec, const ui_config *cfg)
{
	ui_view v;

	view_init(&v);
	v.rec = rec;
	return run(&v, cfg);
}
