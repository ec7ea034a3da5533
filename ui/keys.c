/* keys.c: what each key does.  Which key does what, and where, is
 * keymap.c's table; this file acts on the row it finds. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched/policy.h"
#include "view.h"

static void note(ui_view *v, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
}

static void set_speed(ui_view *v, int speed)
{
	if (speed < 0 || speed >= ui_nspeeds) {
		note(v, speed < 0 ? "slowest already" : "fastest already");
		return;
	}
	v->speed = speed;
	int64_t due = ui_now_ns() + ui_speeds[speed].period_ns;
	if (v->due_ns > due)
		v->due_ns = due;
}

/* One event while paused (pausing first if need be); the table lets
 * only a run that is not over step. */
static void step(ui_view *v)
{
	v->paused = true;
	ui_model_follow(&v->m);
	ui_view_step(v);
}

/* Scrolling moves the timeline by this part of its width. */
#define PAN_PART 8

/* dir 1 on in time, -1 back; at the present, step_at_end steps (the
 * table asks for it in a paused run only). */
static void pan(ui_view *v, int dir, bool step_at_end)
{
	int cols = v->tl_cols > 0 ? v->tl_cols : 1;
	int64_t by = cols / PAN_PART > 0 ? cols / PAN_PART : 1;

	if (ui_model_scroll(&v->m, cols, dir * by))
		return;
	if (dir > 0 && step_at_end)
		step(v);
	else if (dir > 0)
		note(v, "at the present");
	else if (v->m.zoom == 0)
		snprintf(v->msg, sizeof v->msg, "the whole run is on screen: %s zooms in, then scroll",
			 ui_keymap_key(UI_ACT_ZOOM_IN, false));
	else
		note(v, "at the start");
}

static void scroll_rows(ui_view *v, long delta)
{
	if (v->pane == UI_PANE_REPORT && v->report_text)
		v->report_top += delta; /* clamped when drawn */
	else
		ui_model_rows(&v->m, v->tl_rows, delta);
}

/* Restart under the policy after the current one in the registry; one
 * that refuses the options is skipped with its reason shown. */
static void next_policy(ui_view *v)
{
	size_t n = 0, cur = 0;
	char why[sizeof v->msg] = "";

	while (pol_at(n))
		n++;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(pol_at(i)->name, v->policy))
			cur = i;
	for (size_t k = 1; k <= n; k++) {
		const char *name = pol_at((cur + k) % n)->name;
		if (ui_view_start(v, name) == 0) {
			if (why[0])
				snprintf(v->msg, sizeof v->msg, "%s; now %s", why, v->policy);
			else
				snprintf(v->msg, sizeof v->msg, "restarted under %s", v->policy);
			return;
		}
		if (!why[0])
			snprintf(why, sizeof why, "%s", v->msg);
	}
}

/* A recording (the table binds seeking in replays only): seek, keeping
 * the run paused where it lands. */
static void seek(ui_view *v, uint64_t events)
{
	v->paused = true;
	ui_model_follow(&v->m);
	if (ui_view_seek(v, events) < 0)
		note(v, v->msg[0] ? v->msg : "cannot read the recording again");
}

/* Typing the time to jump to: digits, Backspace, Enter, Esc. */
static void prompt_key(ui_view *v, ui_action act, int key)
{
	size_t n = strlen(v->input);

	switch (act) {
	case UI_ACT_DIGIT:
		if (n + 1 < sizeof v->input) {
			v->input[n] = (char)key;
			v->input[n + 1] = '\0';
		}
		break;
	case UI_ACT_ERASE:
		if (n)
			v->input[n - 1] = '\0';
		break;
	case UI_ACT_JUMP:
		v->prompt = false;
		if (!n)
			return;
		v->paused = true;
		ui_model_follow(&v->m);
		if (ui_view_seek_time(v, strtoll(v->input, NULL, 10)) < 0)
			note(v, "cannot read the recording again");
		break;
	default:
		v->prompt = false;
		break;
	}
}

static void restart(ui_view *v)
{
	char policy[sizeof v->policy];

	snprintf(policy, sizeof policy, "%s", v->policy);
	if (ui_view_start(v, policy) == 0)
		note(v, "restarted");
}

ui_keymode ui_view_keymode(const ui_view *v)
{
	ui_keymode m = { UI_CTX_VIEW, v->rec != NULL, ui_view_run(v) };

	if (v->prompt)
		m.ctx = UI_CTX_PROMPT;
	else if (v->help)
		m.ctx = UI_CTX_HELP;
	else if (v->too_small)
		m.ctx = UI_CTX_SMALL;
	return m;
}

void ui_key(ui_view *v, int key)
{
	bool on_report = v->pane == UI_PANE_REPORT && v->report_text;
	size_t rows = on_report ? v->pane_rows : v->tl_rows;
	int page = rows > 1 ? (int)rows - 1 : 1;

	if (key == KEY_RESIZE)
		return;
	v->msg[0] = '\0';
	ui_keymode mode = ui_view_keymode(v);
	const char *refused;
	const ui_binding *b = ui_keymap_find(&mode, key, &refused);
	if (!b) {
		if (refused)
			note(v, refused);
		return;
	}
	switch (b->act) {
	case UI_ACT_QUIT:
		v->quit = true;
		break;
	case UI_ACT_PAUSE:
		v->paused = !v->paused;
		v->due_ns = ui_now_ns();
		break;
	case UI_ACT_STEP:
		step(v);
		break;
	case UI_ACT_FASTER:
		set_speed(v, v->speed + 1);
		break;
	case UI_ACT_SLOWER:
		set_speed(v, v->speed - 1);
		break;
	case UI_ACT_PAN_BACK:
		pan(v, -1, false);
		break;
	case UI_ACT_PAN_ON:
		pan(v, 1, false);
		break;
	case UI_ACT_PAN_ON_STEP:
		pan(v, 1, true);
		break;
	case UI_ACT_FOLLOW:
		ui_model_follow(&v->m);
		break;
	case UI_ACT_ZOOM_IN:
		if (!ui_model_zoom_in(&v->m, v->tl_cols))
			note(v, "one tick per column already");
		break;
	case UI_ACT_ZOOM_OUT:
		if (!ui_model_zoom_out(&v->m, v->tl_cols))
			note(v, "the whole run is on screen already");
		break;
	case UI_ACT_ROW_UP:
		scroll_rows(v, -1);
		break;
	case UI_ACT_ROW_DOWN:
		scroll_rows(v, 1);
		break;
	case UI_ACT_PAGE_UP:
		scroll_rows(v, -page);
		break;
	case UI_ACT_PAGE_DOWN:
		scroll_rows(v, page);
		break;
	case UI_ACT_PANE:
		/* A recording without a report, or one that could not be
		 * made (out of memory). */
		if (v->report_text)
			v->pane = v->pane == UI_PANE_REPORT ? UI_PANE_LIVE : UI_PANE_REPORT;
		else
			note(v, "this run has no final report");
		break;
	case UI_ACT_RESTART:
		restart(v);
		break;
	case UI_ACT_NEXT_POLICY:
		next_policy(v);
		break;
	case UI_ACT_BACK:
		if (v->m.tot.events)
			seek(v, v->m.tot.events - 1);
		break;
	case UI_ACT_START:
		seek(v, 0);
		break;
	case UI_ACT_END:
		seek(v, UINT64_MAX);
		break;
	case UI_ACT_TIME:
		v->prompt = true;
		v->input[0] = '\0';
		break;
	case UI_ACT_HELP:
		v->help = true;
		break;
	case UI_ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case UI_ACT_DIGIT:
	case UI_ACT_ERASE:
	case UI_ACT_JUMP:
	case UI_ACT_CANCEL:
		prompt_key(v, b->act, key);
		break;
	case UI_ACT_CLOSE_HELP:
		v->help = false;
		break;
	case UI_ACTIONS:
		break;
	}
}
