/* keys.c: what each key does.  Keys people know from less, htop and top. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched/policy.h"
#include "view.h"

#define CTRL_L 12

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

/* One event while paused (pausing first if need be). */
static void step(ui_view *v)
{
	if (v->finished || v->failed) {
		note(v, "the run is over: r restarts, q quits");
		return;
	}
	v->paused = true;
	ui_model_follow(&v->m);
	ui_view_step(v);
}

static void pan(ui_view *v, int dir, bool step_at_end)
{
	int cols = v->tl_cols > 0 ? v->tl_cols : 1;
	int64_t by = cols / 8 > 0 ? cols / 8 : 1;

	if (ui_model_scroll(&v->m, cols, dir * by))
		return;
	if (dir > 0 && step_at_end && v->paused)
		step(v);
	else if (dir > 0)
		note(v, "at the present");
	else if (v->m.zoom == 0)
		note(v, "the whole run is on screen: z zooms in, then scroll");
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

/* A recording: seek, keeping the run paused where it lands. */
static void seek(ui_view *v, uint64_t events)
{
	if (!v->rec) {
		note(v, "seeking is for replays; r restarts");
		return;
	}
	v->paused = true;
	ui_model_follow(&v->m);
	if (ui_view_seek(v, events) < 0)
		note(v, v->msg[0] ? v->msg : "cannot read the recording again");
}

/* Typing the time to jump to: digits, Backspace, Enter, Esc. */
static void prompt_key(ui_view *v, int key)
{
	size_t n = strlen(v->input);

	if (key >= '0' && key <= '9' && n + 1 < sizeof v->input) {
		v->input[n] = (char)key;
		v->input[n + 1] = '\0';
	} else if ((key == KEY_BACKSPACE || key == 127 || key == 8) && n) {
		v->input[n - 1] = '\0';
	} else if (key == '\r' || key == '\n' || key == KEY_ENTER) {
		v->prompt = false;
		if (!n)
			return;
		v->paused = true;
		ui_model_follow(&v->m);
		if (ui_view_seek_time(v, strtoll(v->input, NULL, 10)) < 0)
			note(v, "cannot read the recording again");
	} else if (key == 27) {
		v->prompt = false;
	}
}

static void restart(ui_view *v)
{
	char policy[sizeof v->policy];

	snprintf(policy, sizeof policy, "%s", v->policy);
	if (ui_view_start(v, policy) == 0)
		note(v, "restarted");
}

void ui_key(ui_view *v, int key)
{
	bool on_report = v->pane == UI_PANE_REPORT && v->report_text;
	size_t rows = on_report ? v->pane_rows : v->tl_rows;
	int page = rows > 1 ? (int)rows - 1 : 1;

	if (key == KEY_RESIZE)
		return;
	v->msg[0] = '\0';
	if (v->prompt) {
		prompt_key(v, key);
		return;
	}
	if (v->help) {
		v->help = false;
		return;
	}
	if (v->too_small) {
		if (key == 'q' || key == 'Q')
			v->quit = true;
		return;
	}
	switch (key) {
	case 'q':
	case 'Q':
		v->quit = true;
		break;
	case ' ':
		if (v->finished || v->failed) {
			note(v, "the run is over: r restarts, q quits");
			break;
		}
		v->paused = !v->paused;
		v->due_ns = ui_now_ns();
		break;
	case 's':
		step(v);
		break;
	case KEY_RIGHT:
		pan(v, 1, true);
		break;
	case 'l':
		pan(v, 1, false);
		break;
	case KEY_LEFT:
	case 'h':
		pan(v, -1, false);
		break;
	case 'f':
		ui_model_follow(&v->m);
		break;
	case 'z':
		if (!ui_model_zoom_in(&v->m, v->tl_cols))
			note(v, "one tick per column already");
		break;
	case 'Z':
		if (!ui_model_zoom_out(&v->m, v->tl_cols))
			note(v, "the whole run is on screen already");
		break;
	case '+':
	case '=':
		set_speed(v, v->speed + 1);
		break;
	case '-':
	case '_':
		set_speed(v, v->speed - 1);
		break;
	case KEY_UP:
	case 'k':
		scroll_rows(v, -1);
		break;
	case KEY_DOWN:
	case 'j':
		scroll_rows(v, 1);
		break;
	case KEY_PPAGE:
		scroll_rows(v, -page);
		break;
	case KEY_NPAGE:
		scroll_rows(v, page);
		break;
	case '\t':
		if (v->report_text)
			v->pane = v->pane == UI_PANE_REPORT ? UI_PANE_LIVE : UI_PANE_REPORT;
		else
			note(v, "the final report comes when the run ends");
		break;
	case 'r':
		restart(v);
		break;
	case 'p':
		if (v->rec)
			note(v, "a recording has the one policy it was run under");
		else
			next_policy(v);
		break;
	case 'b':
		if (v->m.tot.events)
			seek(v, v->m.tot.events - 1);
		break;
	case KEY_HOME:
	case 'g':
		seek(v, 0);
		break;
	case KEY_END:
	case 'G':
		seek(v, UINT64_MAX);
		break;
	case 't':
		if (v->rec) {
			v->prompt = true;
			v->input[0] = '\0';
		} else {
			note(v, "seeking is for replays; r restarts");
		}
		break;
	case '?':
	case KEY_F(1):
		v->help = true;
		break;
	case CTRL_L:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}
