/* draw_panes.c: the thread table, the event log, the final report, help. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "draw.h"

static const char *state_word(const ui_view *v, int t, sim_tstate s)
{
	switch (s) {
	case SIM_T_NEW:
		return "new";
	case SIM_T_READY:
		return "ready";
	case SIM_T_RUNNING:
		return "run";
	case SIM_T_BLOCKED:
		return (size_t)t < v->m.nthreads && v->m.t[t].in_io ? "I/O" : "blocked";
	case SIM_T_DONE:
		return "done";
	}
	return "?";
}

static void num(char *buf, size_t len, int64_t v)
{
	if (v < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%lld", (long long)v);
}

static void header(const ui_rect *r, const char *text)
{
	attron(A_BOLD | A_UNDERLINE);
	ui_put(r->y, r->x, r->w, text, true);
	attroff(A_BOLD | A_UNDERLINE);
}

/* What a blocked thread waits for, in a few words. */
static void waiting_for(const ui_view *v, int t, const sim_thread_info *ti,
			char *buf, size_t len)
{
	buf[0] = '\0';
	if (ti->state != SIM_T_BLOCKED)
		return;
	if (ti->waits_on >= 0) {
		sim_sync_info si;
		sim_sync_get(v->s, ti->waits_on, &si);
		int n = snprintf(buf, len, "%s %s", sim_sync_kind_name(si.kind), si.name);
		if (si.kind == SIM_SYNC_MUTEX && si.holder >= 0 && n > 0 && (size_t)n < len)
			snprintf(buf + n, len - (size_t)n, " (%s)",
				 ui_model_name(&v->m, si.holder));
	} else if (ti->joins >= 0) {
		snprintf(buf, len, "%s to finish", ui_model_name(&v->m, ti->joins));
	} else if (ti->wakes_at >= 0) {
		bool io = (size_t)t < v->m.nthreads && v->m.t[t].in_io;
		snprintf(buf, len, "%s until %lld", io ? "I/O" : "sleep",
			 (long long)ti->wakes_at);
	}
}

void ui_draw_table(ui_view *v, const ui_rect *r)
{
	char buf[256], name[64];
	int nw = v->namew;

	snprintf(buf, sizeof buf, " %-*s   %-7s %4s %7s %7s %6s %7s  %s", nw, "Thread",
		 "state", "prio", "cpu", "waiting", "resp", "finish", "waiting for");
	header(r, buf);
	for (int row = 1; row < r->h; row++) {
		size_t t = v->m.top + (size_t)(row - 1);
		if (t >= v->m.nthreads)
			break;
		sim_thread_info ti;
		char cpu[24], wait[24], resp[24], fin[24];
		ui_view_thread(v, (int)t, &ti);
		num(cpu, sizeof cpu, ti.cpu);
		num(wait, sizeof wait, ti.waiting);
		num(resp, sizeof resp, ti.response);
		num(fin, sizeof fin, ti.finish);
		move(r->y + row, r->x);
		addch(' ');
		ui_put(r->y + row, r->x + 1, nw, ti.name ? ti.name : "?", true);
		addch(' ');
		attron(ui_attr_bar((int)t));
		addstr(ui_thread_glyph((int)t, v->m.utf8));
		attroff(ui_attr_bar((int)t));
		if (ti.priority == UI_PRIO_UNKNOWN)
			snprintf(name, sizeof name, "-");
		else
			snprintf(name, sizeof name, "%d", ti.priority);
		char why[96];
		waiting_for(v, (int)t, &ti, why, sizeof why);
		snprintf(buf, sizeof buf, " %-7s %4s %7s %7s %6s %7s  %s",
			 state_word(v, (int)t, ti.state), name, cpu, wait, resp, fin, why);
		attr_t a = ti.state == SIM_T_RUNNING ? A_BOLD
			 : ti.state == SIM_T_DONE ? ui_attr_dim() : A_NORMAL;
		attron(a);
		ui_put(r->y + row, r->x + UI_TABLE_LABEL(nw), r->w - UI_TABLE_LABEL(nw), buf, false);
		attroff(a);
	}
}

void ui_draw_log(const ui_view *v, const ui_rect *r)
{
	char buf[256];
	int rows = r->h - 1;

	header(r, " Events, newest last: time, what, the policy's reason");
	for (int i = 0; i < rows; i++) {
		const ui_log_entry *e;
		if (!ui_model_log(&v->m, (size_t)i, &e))
			break;
		ui_log_format(&v->m, e, buf, sizeof buf);
		int y = r->y + rows - i;
		attr_t a = e->kind == SIM_EV_DISPATCH ? ui_attr_text(e->thread)
			 : e->kind == SIM_EV_PREEMPT ? A_BOLD : A_NORMAL;
		attron(a);
		ui_put(y, r->x, r->w, buf, false);
		attroff(a);
	}
}

void ui_draw_report(ui_view *v, const ui_rect *r)
{
	long rows = r->h - 1;
	long max = (long)v->report_lines - rows;

	if (v->report_top > max)
		v->report_top = max;
	if (v->report_top < 0)
		v->report_top = 0;
	char head[128];
	bool u = v->m.utf8;
	snprintf(head, sizeof head, " Final report (%s %s %s %s scroll, %s: threads and events)",
		 ui_keymap_key(UI_ACT_ROW_UP, u), ui_keymap_key(UI_ACT_ROW_DOWN, u),
		 ui_keymap_key(UI_ACT_PAGE_UP, u), ui_keymap_key(UI_ACT_PAGE_DOWN, u),
		 ui_keymap_key(UI_ACT_PANE, u));
	header(r, head);
	const char *p = v->report_text;
	for (long i = 0; i < v->report_top && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	for (long row = 1; row <= rows && p && *p; row++) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[512];
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		ui_put(r->y + (int)row, r->x + 1, r->w - 1, line, false);
		p = nl ? nl + 1 : NULL;
	}
}

/* The help: the keys that work now, from the keymap, a blank row, the
 * glyphs, and how to close it.  A box of the text's size, centred, its
 * title in the top border; a blank column each side of the text. */
enum { BOX_ROWS = 2, BOX_COLS = 4, BOX_MORE = 3 /* blank, glyphs, close */ };

void ui_draw_help(const ui_view *v, const ui_layout *l)
{
	const bool u = v->m.utf8;
	char keys[UI_HELP_ROWS][UI_HELP_LINE], legend[160], close[64];
	const char *lines[UI_HELP_ROWS + BOX_MORE];
	ui_keymode mode = ui_view_keymode(v);
	int n = 0, w = 0;

	mode.ctx = UI_CTX_VIEW;
	size_t nkeys = ui_keymap_help(&mode, u, keys, UI_HELP_ROWS);
	for (size_t i = 0; i < nkeys && i < UI_HELP_ROWS; i++)
		lines[n++] = keys[i];
	snprintf(legend, sizeof legend, "%s run %s ready %s I/O %s blocked %s idle %s switch",
		 ui_thread_glyph(0, u), ui_state_glyph(UI_CELL_READY, u),
		 ui_state_glyph(UI_CELL_IO, u), ui_state_glyph(UI_CELL_BLOCKED, u),
		 ui_state_glyph(UI_CELL_IDLE, u),
		 ui_state_glyph(UI_CELL_SWITCH, u));
	mode.ctx = UI_CTX_HELP;
	ui_keymap_hints(&mode, u, UI_HELP_LINE, close, sizeof close);
	lines[n++] = "";
	lines[n++] = legend;
	lines[n++] = close;
	for (int i = 0; i < n; i++)
		if (ui_keymap_cols(lines[i]) > w)
			w = ui_keymap_cols(lines[i]);
	w += BOX_COLS;
	int h = n + BOX_ROWS;
	if (w > l->cols)
		w = l->cols;
	if (h > l->lines)
		h = l->lines;
	int y = (l->lines - h) / 2, x = (l->cols - w) / 2;
	for (int i = 0; i < h; i++)
		ui_put(y + i, x, w, "", true);
	attron(A_BOLD);
	mvhline(y, x, ACS_HLINE, w);
	mvhline(y + h - 1, x, ACS_HLINE, w);
	mvvline(y, x, ACS_VLINE, h);
	mvvline(y, x + w - 1, ACS_VLINE, h);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	ui_put(y, x + 1, w - 2, " Keys ", false);
	attroff(A_BOLD);
	for (int i = 0; i < n && i + 1 < h - 1; i++)
		ui_put(y + 1 + i, x + 2, w - BOX_COLS, lines[i], false);
}
