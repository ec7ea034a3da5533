/* live.c: the live view's loop: step the simulation at the chosen pace,
 * draw, and sleep until the next event is due or a key comes. */
#include <config.h>

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "tty.h"
#include "view.h"

/* Longest a frame steps at full speed before it draws and reads keys. */
#define FRAME_NS ((int64_t)33000000)
#define NAME_MAX_COLS 12

int64_t ui_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static const char *thread_name(void *ctx, int i)
{
	const ui_view *v = ctx;
	sim_thread_info ti;

	if (!v->s || i < 0 || (size_t)i >= sim_nthreads(v->s))
		return NULL;
	sim_thread_get(v->s, i, &ti);
	return ti.name;
}

static int text_cols(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	if (n == (size_t)-1)
		return (int)strlen(s);
	wchar_t *w = malloc((n + 1) * sizeof *w);
	int cols = (int)n;
	if (w && mbstowcs(w, s, n + 1) != (size_t)-1) {
		int c = wcswidth(w, n);
		if (c >= 0)
			cols = c;
	}
	free(w);
	return cols;
}

static void stop(ui_view *v)
{
	if (v->s)
		sim_free(v->s);
	if (v->rep)
		report_free(v->rep);
	free(v->report_text);
	v->s = NULL;
	v->rep = NULL;
	v->report_text = NULL;
	v->report_lines = 0;
}

int ui_view_start(ui_view *v, const char *policy)
{
	char err[256];
	sim *s = v->src->make(v->src->ctx, policy, err, sizeof err);

	if (!s) {
		snprintf(v->msg, sizeof v->msg, "%s", err);
		return -1;
	}
	stop(v);
	v->s = s;
	v->rep = report_for_sim(s);
	sim_listen(s, ui_model_event, &v->m);
	size_t n = sim_nthreads(s);
	if (ui_model_reset(&v->m, n, thread_name, v) < 0)
		snprintf(v->msg, sizeof v->msg, "out of memory: the timeline may be incomplete");
	snprintf(v->policy, sizeof v->policy, "%s", sim_policy_name(s));
	v->namew = 3;
	for (size_t i = 0; i < n && v->namew < NAME_MAX_COLS; i++) {
		int c = text_cols(thread_name(v, (int)i));
		if (c > v->namew)
			v->namew = c < NAME_MAX_COLS ? c : NAME_MAX_COLS;
	}
	v->finished = v->failed = false;
	v->error[0] = '\0';
	v->deadlock = NULL;
	v->status = 0;
	v->pane = UI_PANE_LIVE;
	v->report_top = 0;
	v->due_ns = ui_now_ns();
	return 0;
}

/* The text report, as `schedsim run` prints it, kept for the end screen. */
static void make_report(ui_view *v)
{
	char *buf = NULL;
	size_t len = 0;

	if (!v->rep)
		return;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	int rc = report_text(v->rep, f);
	if (fclose(f) != 0 || rc < 0) {
		free(buf);
		return;
	}
	v->report_text = buf;
	v->report_lines = 0;
	for (const char *p = buf; *p; p++)
		v->report_lines += *p == '\n';
	v->pane = UI_PANE_REPORT;
}

void ui_view_step(ui_view *v)
{
	if (v->finished || v->failed)
		return;
	int r = sim_step(v->s);
	if (r == 0) {
		v->finished = true;
		v->deadlock = sim_deadlock(v->s);
		if (v->after)
			v->status = v->after(v->src->ctx, v->s, v->rep);
		else
			v->status = v->deadlock ? 1 : 0;
		make_report(v);
	} else if (r < 0) {
		v->failed = true;
		snprintf(v->error, sizeof v->error, "%s", sim_error(v->s));
	}
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
		if (!(n & 63) && (now = ui_now_ns()) > until)
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
	return d <= 0 ? 0 : (int)((d + 999999) / 1000000);
}

int ui_live(const ui_source *src, const ui_config *cfg)
{
	return ui_live_after(src, cfg, NULL);
}

int ui_live_after(const ui_source *src, const ui_config *cfg, ui_after_fn after)
{
	ui_view v;
	char err[256];

	memset(&v, 0, sizeof v);
	v.src = src;
	v.after = after;
	v.speed = UI_SPEED_DEFAULT;
	setlocale(LC_ALL, "");
	ui_model_init(&v.m, !strcmp(nl_langinfo(CODESET), "UTF-8"), false);
	if (ui_view_start(&v, NULL) < 0) {
		fprintf(stderr, "schedsim: %s\n", v.msg);
		return 2;
	}
	v.msg[0] = '\0';
	if (ui_tty_open(cfg->color, err, sizeof err) < 0) {
		fprintf(stderr, "schedsim: %s\n", err);
		stop(&v);
		ui_model_free(&v.m);
		return 2;
	}
	v.m.color = ui_tty_color();
	ui_draw_init(v.m.color);
	v.due_ns = ui_now_ns();

	while (!v.quit && !ui_tty_signal()) {
		int64_t frame_start = ui_now_ns();
		if (!v.paused)
			advance(&v);
		ui_draw(&v);
		ui_tty_wait(wait_ms(&v, frame_start));
		for (int ch; (ch = getch()) != ERR;)
			ui_key(&v, ch);
	}

	int sig = ui_tty_signal();
	ui_tty_close();
	int status = v.status;
	if (v.failed) {
		fprintf(stderr, "schedsim: %s\n", v.error);
		status = 1;
	} else if (v.deadlock) {
		fprintf(stderr, "schedsim: %s\n", v.deadlock);
	}
	stop(&v);
	ui_model_free(&v.m);
	if (sig) {
		/* Die of it as the caller expects (the old disposition is back). */
		raise(sig);
		status = 128 + sig;
	}
	return status;
}
