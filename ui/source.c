/* source.c: where the view's events and state come from: a simulation it
 * steps (the engine answers every question), or a recorded run it plays
 * (the events are all there is: the model answers). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "view.h"

/* Row labels are as wide as the widest thread name, at least the CPU
 * row's, at most NAME_MAX_COLS. */
#define NAME_MAX_COLS 12

static const char *thread_name(void *ctx, int i)
{
	const ui_view *v = ctx;
	sim_thread_info ti;

	if (v->rec)
		return i >= 0 && (size_t)i < v->rec->nthreads ? v->rec->name(v->rec->ctx, i)
							      : NULL;
	if (!v->s || i < 0 || (size_t)i >= sim_nthreads(v->s))
		return NULL;
	sim_thread_get(v->s, i, &ti);
	return ti.name;
}

static int text_cols(const char *s)
{
	size_t n = s ? mbstowcs(NULL, s, 0) : 0;
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

void ui_view_stop(ui_view *v)
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

/* A fresh simulation from the source, or the recording from its start. */
static int open_run(ui_view *v, const char *policy, char *err, size_t errlen)
{
	if (v->rec) {
		if (v->rec->rewind(v->rec->ctx, err, errlen) < 0)
			return -1;
		ui_view_stop(v);
		v->rep = v->rec->report ? v->rec->report(v->rec->ctx) : NULL;
		snprintf(v->policy, sizeof v->policy, "%s", v->rec->policy);
		return 0;
	}
	sim *s = v->src->make(v->src->ctx, policy, err, errlen);
	if (!s)
		return -1;
	report *rep = report_for_sim(s);
	if (sim_listen(s, ui_model_event, &v->m) < 0) {
		/* As when make() fails: the run on screen stays. */
		snprintf(err, errlen, "%s", sim_error(s));
		if (rep)
			report_free(rep);
		sim_free(s);
		return -1;
	}
	ui_view_stop(v);
	v->s = s;
	v->rep = rep;
	snprintf(v->policy, sizeof v->policy, "%s", sim_policy_name(s));
	return 0;
}

int ui_view_start(ui_view *v, const char *policy)
{
	char err[256];

	if (open_run(v, policy, err, sizeof err) < 0) {
		snprintf(v->msg, sizeof v->msg, "%s", err);
		return -1;
	}
	size_t n = v->rec ? v->rec->nthreads : sim_nthreads(v->s);
	if (ui_model_reset(&v->m, n, thread_name, v) < 0)
		snprintf(v->msg, sizeof v->msg, "out of memory: the timeline may be incomplete");
	v->namew = (int)strlen(UI_CPU_LABEL);
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

static void ended(ui_view *v)
{
	v->finished = true;
	if (v->s) {
		v->deadlock = sim_deadlock(v->s);
		if (v->after)
			v->status = v->after(v->src->ctx, v->s, v->rep);
		else
			v->status = v->deadlock ? 1 : 0;
	}
	make_report(v);
}

/* One event of a recording, to the model and the report. */
static int play(ui_view *v)
{
	sim_event ev;
	int r = v->rec->next(v->rec->ctx, &ev, v->error, sizeof v->error);

	if (r <= 0)
		return r;
	ui_model_event(&v->m, &ev);
	if (v->rep)
		report_event(v->rep, &ev);
	return ev.kind == SIM_EV_END ? 0 : 1;
}

void ui_view_step(ui_view *v)
{
	if (v->finished || v->failed)
		return;
	int r = v->rec ? play(v) : sim_step(v->s);
	if (r == 0) {
		ended(v);
	} else if (r < 0) {
		v->failed = true;
		if (v->s)
			snprintf(v->error, sizeof v->error, "%s", sim_error(v->s));
	}
}

int ui_view_seek(ui_view *v, uint64_t events)
{
	if (!v->rec)
		return -1;
	if (events < v->m.tot.events) {
		/* Back: play the recording again from its start, quietly,
		 * keeping the window where the user put it. */
		int64_t zoom = v->m.zoom, left = v->m.left;
		bool follow = v->m.follow;
		size_t top = v->m.top;
		if (ui_view_start(v, NULL) < 0)
			return -1;
		v->m.zoom = zoom;
		v->m.left = left;
		v->m.follow = follow;
		v->m.top = top;
	}
	while (v->m.tot.events < events && !v->finished && !v->failed)
		ui_view_step(v);
	return 0;
}

int ui_view_seek_time(ui_view *v, int64_t time)
{
	if (!v->rec)
		return -1;
	if (time < v->m.now && ui_view_seek(v, 0) < 0)
		return -1;
	while (v->m.now < time && !v->finished && !v->failed)
		ui_view_step(v);
	return 0;
}

/* ---- the state the view shows ---------------------------------------------- */

ui_run ui_view_run(const ui_view *v)
{
	if (v->failed)
		return UI_RUN_FAILED;
	if (v->deadlock)
		return UI_RUN_DEADLOCK;
	if (v->finished)
		return UI_RUN_FINISHED;
	return v->paused ? UI_RUN_PAUSED : UI_RUN_RUNNING;
}

void ui_view_thread(const ui_view *v, int i, sim_thread_info *out)
{
	if (v->s)
		sim_thread_get(v->s, i, out);
	else
		ui_model_thread(&v->m, i, out);
}

int ui_view_running(const ui_view *v)
{
	return v->s ? sim_running(v->s) : ui_model_running(&v->m);
}

int ui_view_switching(const ui_view *v)
{
	return v->s ? sim_switching(v->s) : ui_model_switching(&v->m);
}

int64_t ui_view_quantum_left(const ui_view *v)
{
	return v->s ? sim_quantum_left(v->s) : -1;
}

size_t ui_view_ready(const ui_view *v, int *out, size_t max)
{
	return v->s ? sim_ready(v->s, out, max) : ui_model_ready(&v->m, out, max);
}

size_t ui_view_sync_count(const ui_view *v)
{
	return v->s ? sim_sync_count(v->s) : 0;
}
