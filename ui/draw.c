/* draw.c: one frame of the live view: layout, timeline, status lines. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"

/* ---- colours ------------------------------------------------------------- */

/* Thread colours, chosen to stay apart from each other on a projector,
 * each with the text colour that reads on it. */
struct shade {
	short bg, fg;
};
static const struct shade palette8[] = {
	{ COLOR_CYAN, COLOR_BLACK }, { COLOR_GREEN, COLOR_BLACK },
	{ COLOR_YELLOW, COLOR_BLACK }, { COLOR_MAGENTA, COLOR_WHITE },
	{ COLOR_BLUE, COLOR_WHITE }, { COLOR_RED, COLOR_WHITE },
};
static const struct shade palette256[] = {
	{ 39, 16 }, { 208, 16 }, { 76, 16 }, { 170, 231 }, { 220, 16 }, { 44, 16 },
	{ 203, 16 }, { 141, 16 }, { 113, 16 }, { 215, 16 }, { 33, 231 }, { 162, 231 },
};

/* Colour pairs: one per run state (ui_run), then switches, then two
 * per thread colour (a bar, and text in that colour). */
enum { PAIR_STATE = 1, PAIR_SWITCH = PAIR_STATE + UI_RUNS, PAIR_THREADS };

static bool use_color;
static int ncolors; /* thread colours in use */

void ui_draw_init(bool color)
{
	use_color = color;
	ncolors = 0;
	if (!color)
		return;
	const struct shade *pal = palette8;
	int n = (int)(sizeof palette8 / sizeof palette8[0]);
	if (COLORS >= 256) {
		pal = palette256;
		n = (int)(sizeof palette256 / sizeof palette256[0]);
	}
	if (COLOR_PAIRS < PAIR_THREADS + 2 * n)
		n = (COLOR_PAIRS - PAIR_THREADS) / 2;
	static const short state_bg[UI_RUNS] = {
		[UI_RUN_RUNNING] = COLOR_GREEN, [UI_RUN_PAUSED] = COLOR_YELLOW,
		[UI_RUN_FINISHED] = COLOR_CYAN, [UI_RUN_FAILED] = COLOR_RED,
		[UI_RUN_DEADLOCK] = COLOR_RED,
	};
	for (short i = 0; i < UI_RUNS; i++)
		init_pair((short)(PAIR_STATE + i), COLOR_BLACK, state_bg[i]);
	init_pair(PAIR_SWITCH, COLOR_RED, -1);
	for (int i = 0; i < n; i++) {
		init_pair((short)(PAIR_THREADS + 2 * i), pal[i].fg, pal[i].bg);
		init_pair((short)(PAIR_THREADS + 2 * i + 1), pal[i].bg, -1);
	}
	ncolors = n > 0 ? n : 0;
}

attr_t ui_attr_bar(int thread)
{
	if (!ncolors || thread < 0)
		return A_BOLD;
	return (attr_t)COLOR_PAIR(PAIR_THREADS + 2 * (thread % ncolors));
}

attr_t ui_attr_text(int thread)
{
	if (!ncolors || thread < 0)
		return A_NORMAL;
	return (attr_t)COLOR_PAIR(PAIR_THREADS + 2 * (thread % ncolors) + 1);
}

attr_t ui_attr_state(ui_run run)
{
	if (!use_color)
		return A_REVERSE | A_BOLD;
	return (attr_t)COLOR_PAIR(PAIR_STATE + (int)run) | A_BOLD;
}

attr_t ui_attr_dim(void)
{
	return A_DIM;
}

attr_t ui_attr_switch(void)
{
	return use_color ? (attr_t)COLOR_PAIR(PAIR_SWITCH) | A_BOLD : A_BOLD;
}

/* ---- text ---------------------------------------------------------------- */

/* A byte that is not text in this locale, or a control character, shows
 * as '?' and takes one column. */
int ui_put(int y, int x, int w, const char *s, bool pad)
{
	mbstate_t st;
	int used = 0;

	memset(&st, 0, sizeof st);
	move(y, x);
	while (*s && used < w) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, strlen(s), &st);
		int cw = n == (size_t)-1 || n == (size_t)-2 || n == 0 ? -1 : wcwidth(wc);
		if (cw < 0) {
			memset(&st, 0, sizeof st);
			addch('?');
			s += n == (size_t)-1 || n == (size_t)-2 || n == 0 ? 1 : n;
			used++;
			continue;
		}
		if (used + cw > w)
			break;
		addnstr(s, (int)n);
		s += n;
		used += cw;
	}
	for (; pad && used < w; used++)
		addch(' ');
	return used;
}

/* Several pieces on one line, clipped at the right edge. */
static int put_at(int y, int x, int right, attr_t a, const char *s)
{
	if (x >= right)
		return x;
	attron(a);
	x += ui_put(y, x, right - x, s, false);
	attroff(a);
	return x;
}

/* ---- layout -------------------------------------------------------------- */

/* The rows every frame has: the title, the timeline's header, its axis,
 * the CPU row, the info row, the latest event, statistics, status. */
enum { FIXED_ROWS = 8 };
/* With many threads the pane still gets a share of the rows (1/PANE_SHARE,
 * at most PANE_SHARE_MAX); a pane is its header and at least a row. */
enum { PANE_SHARE = 3, PANE_SHARE_MAX = 8, PANE_MIN = 2 };
/* A row's label: a blank, the name, a blank, the glyph, a blank, a line. */
#define LABEL_COLS(namew) ((namew) + 5)

static void layout(const ui_view *v, ui_layout *l)
{
	int n = (int)v->m.nthreads;

	getmaxyx(stdscr, l->lines, l->cols);
	l->title = 0;
	l->tl_head = l->title + 1;
	l->axis = l->tl_head + 1;
	l->cpu = l->axis + 1;
	l->threads = l->cpu + 1;
	/* Rows left for thread rows and the pane, after the fixed ones (a
	 * row for the sync objects if there are any).  The timeline comes
	 * first; the pane gets what it leaves, but with many threads at least
	 * its share. */
	bool sync = ui_view_sync_count(v) > 0;
	int room = l->lines - FIXED_ROWS - sync;
	int pane = room - n;
	int share = room / PANE_SHARE < PANE_SHARE_MAX ? room / PANE_SHARE : PANE_SHARE_MAX;
	if (pane < share)
		pane = share;
	if (pane < PANE_MIN)
		pane = 0;
	l->tl_rows = room - pane < n ? room - pane : n;
	if (l->tl_rows < 0)
		l->tl_rows = 0;
	pane = room - l->tl_rows;
	if (pane < PANE_MIN)
		pane = 0;
	l->info = l->threads + l->tl_rows;
	l->last = l->info + 1;
	l->sync = sync ? l->last + 1 : -1;
	l->pane = l->last + 1 + sync;
	l->pane_rows = pane ? pane - 1 : 0;
	l->stats = l->lines - 2;
	l->status = l->lines - 1;
	l->label = LABEL_COLS(v->namew);
}

/* ---- rows ----------------------------------------------------------------- */

void ui_policy_words(char *buf, size_t len, const char *policy, const sim_options *o)
{
	char effect[256];

	if (!o) {
		snprintf(buf, len, " policy %s (recorded)", policy);
		return;
	}
	sim_options_effect(o, SIM_EFFECT_ALL, effect, sizeof effect);
	snprintf(buf, len, effect[0] ? " policy %s (%s)" : " policy %s%s", policy, effect);
}

static void draw_title(const ui_view *v, const ui_layout *l)
{
	char buf[256];
	int x = 0;

	attron(A_REVERSE);
	ui_put(l->title, 0, l->cols, "", true);
	x = put_at(l->title, x, l->cols, A_REVERSE | A_BOLD, " schedsim ");
	const char *title = v->rec ? v->rec->title : v->src->title;
	const char *explain = v->rec ? NULL : v->src->explain;
	snprintf(buf, sizeof buf, " %s%s ", v->rec ? "replay " : "", title ? title : "");
	x = put_at(l->title, x, l->cols, A_REVERSE, buf);
	ui_policy_words(buf, sizeof buf, v->policy, v->s ? sim_opts(v->s) : NULL);
	x = put_at(l->title, x, l->cols, A_REVERSE | A_BOLD, buf);
	if (explain) {
		snprintf(buf, sizeof buf, "  %s", explain);
		put_at(l->title, x, l->cols, A_REVERSE, buf);
	}
	attroff(A_REVERSE);
}

static void draw_label(const ui_view *v, int y, int thread)
{
	const char *name = thread >= 0 ? ui_model_name(&v->m, thread) : UI_CPU_LABEL;

	mvaddch(y, 0, ' ');
	ui_put(y, 1, v->namew, name, true);
	addch(' ');
	if (thread >= 0) {
		attron(ui_attr_bar(thread));
		addstr(ui_thread_glyph(thread, v->m.utf8));
		attroff(ui_attr_bar(thread));
	} else {
		addch(' ');
	}
	addch(' ');
	addch(ACS_VLINE);
}

static attr_t cell_attr(const ui_cell *c, int thread)
{
	switch (c->kind) {
	case UI_CELL_RUN:
		return ui_attr_bar(c->thread);
	case UI_CELL_IO:
		return ui_attr_text(thread);
	case UI_CELL_BLOCKED:
		return ui_attr_switch();
	case UI_CELL_READY:
	case UI_CELL_IDLE:
		return ui_attr_dim();
	case UI_CELL_SWITCH:
		return ui_attr_switch();
	default:
		return A_NORMAL;
	}
}

static void draw_cells(const ui_view *v, const ui_window *w, int y, int x, int thread)
{
	ui_cursor cur = { 0 };

	move(y, x);
	for (int c = 0; c < w->cols; c++) {
		ui_cell cell;
		if (thread < 0)
			ui_model_cpu_cell(&v->m, w, c, &cell, &cur);
		else
			ui_model_cell(&v->m, w, thread, c, &cell, &cur);
		attr_t a = cell_attr(&cell, thread);
		attron(a);
		addstr(cell.glyph);
		attroff(a);
	}
}

static void draw_timeline(ui_view *v, const ui_layout *l)
{
	char buf[512];
	ui_window w;
	int cols = l->cols - l->label - 1;

	if (cols < 1)
		cols = 1;
	v->tl_cols = cols;
	v->tl_rows = (size_t)l->tl_rows;
	ui_model_rows(&v->m, (size_t)l->tl_rows, 0);
	ui_model_window(&v->m, cols, &w);

	long long z = (long long)w.zoom;
	const char *unit = v->rec && v->rec->unit ? v->rec->unit : NULL;
	snprintf(buf, sizeof buf, " Timeline %lld %s%s/column, %s%s%s", z,
		 unit ? unit : "tick", !unit && z != 1 ? "s" : "",
		 v->m.follow ? "following" : "scrolled back, ",
		 v->m.follow ? "" : ui_keymap_key(UI_ACT_FOLLOW, v->m.utf8),
		 v->m.follow ? "" : " follows");
	if ((size_t)l->tl_rows < v->m.nthreads) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "  threads %zu-%zu of %zu",
			 v->m.top + 1, v->m.top + (size_t)l->tl_rows, v->m.nthreads);
	}
	int x = put_at(l->tl_head, 0, l->cols, A_BOLD, buf);
	const bool u = v->m.utf8;
	snprintf(buf, sizeof buf, "  %s ready  %s I/O  %s blocked  %s idle  %s switch",
		 ui_state_glyph(UI_CELL_READY, u), ui_state_glyph(UI_CELL_IO, u),
		 ui_state_glyph(UI_CELL_BLOCKED, u),
		 ui_state_glyph(UI_CELL_IDLE, u), ui_state_glyph(UI_CELL_SWITCH, u));
	put_at(l->tl_head, x, l->cols, ui_attr_dim(), buf);

	char axis[1024];
	ui_window aw = w;
	if (aw.cols > (int)sizeof axis - 1)
		aw.cols = (int)sizeof axis - 1;
	ui_model_axis(&aw, axis);
	put_at(l->axis, 0, l->cols, ui_attr_dim(), " time");
	ui_put(l->axis, l->label, l->cols - l->label, axis, false);

	draw_label(v, l->cpu, -1);
	draw_cells(v, &w, l->cpu, l->label, -1);
	for (int r = 0; r < l->tl_rows; r++) {
		int t = (int)v->m.top + r;
		if ((size_t)t >= v->m.nthreads)
			break;
		draw_label(v, l->threads + r, t);
		draw_cells(v, &w, l->threads + r, l->label, t);
	}
}

static void draw_info(const ui_view *v, const ui_layout *l)
{
	char buf[512], q[512];
	int ready[256];
	int x = 0;
	int run = ui_view_running(v), sw = ui_view_switching(v);

	snprintf(buf, sizeof buf, " Clock %lld", (long long)v->m.now);
	x = put_at(l->info, x, l->cols, A_BOLD, buf);
	snprintf(buf, sizeof buf, "  event %llu   ", (unsigned long long)v->m.tot.events);
	x = put_at(l->info, x, l->cols, A_NORMAL, buf);
	if (run >= 0) {
		x = put_at(l->info, x, l->cols, A_NORMAL, "Running ");
		x = put_at(l->info, x, l->cols, ui_attr_bar(run), ui_model_name(&v->m, run));
		int64_t ql = ui_view_quantum_left(v);
		if (ql >= 0) {
			snprintf(buf, sizeof buf, "  quantum left %lld", (long long)ql);
			x = put_at(l->info, x, l->cols, A_NORMAL, buf);
		}
	} else if (sw >= 0) {
		snprintf(buf, sizeof buf, "Switching to %s", ui_model_name(&v->m, sw));
		x = put_at(l->info, x, l->cols, ui_attr_switch(), buf);
	} else {
		/* Between a thread leaving the CPU and the policy's next
		 * pick at the same instant the CPU is not idle yet. */
		x = put_at(l->info, x, l->cols, ui_attr_dim(),
			   v->finished ? "CPU done"
			   : !v->m.tot.events ? "not started"
			   : v->m.cpu_who == UI_WHO_IDLE ? "CPU idle"
			   : "CPU free, policy to pick");
	}
	x = put_at(l->info, x, l->cols, A_NORMAL, "   Ready: ");
	size_t n = ui_view_ready(v, ready, sizeof ready / sizeof ready[0]);
	size_t shown = n < sizeof ready / sizeof ready[0] ? n : sizeof ready / sizeof ready[0];
	ui_queue_format(&v->m, ready, shown, l->cols - x, q, sizeof q);
	if (shown < n && strchr(q, '+') == NULL) {
		size_t len = strlen(q);
		snprintf(q + len, sizeof q - len, " +%zu", n - shown);
	}
	put_at(l->info, x, l->cols, A_NORMAL, q);

	const ui_log_entry *e;
	if (ui_model_log(&v->m, 0, &e)) {
		ui_log_format(&v->m, e, buf, sizeof buf);
		x = put_at(l->last, 0, l->cols, A_NORMAL, " Last:");
		put_at(l->last, x, l->cols, A_BOLD, buf);
	}
}

/* The most columns one object's waiters take on the sync row. */
#define SYNC_WAITERS_COLS 24

/* " Sync  mutex A held by P1 (waiting: P2 P3)  semaphore S = 1 ..." */
static void draw_sync(const ui_view *v, const ui_layout *l)
{
	char buf[256], q[64];
	int waiters[64];
	int x = put_at(l->sync, 0, l->cols, A_BOLD, " Sync");

	for (size_t i = 0; i < ui_view_sync_count(v) && x < l->cols; i++) {
		sim_sync_info si;
		size_t n = 0;

		sim_sync_get(v->s, (int)i, &si);
		n = (size_t)snprintf(buf, sizeof buf, "  %s %s",
				     sim_sync_kind_name(si.kind), si.name);
		if (n < sizeof buf && si.kind == SIM_SYNC_MUTEX)
			n += (size_t)snprintf(buf + n, sizeof buf - n, si.holder >= 0 ?
					      " held by %s" : " free",
					      ui_model_name(&v->m, si.holder));
		else if (n < sizeof buf && si.kind == SIM_SYNC_SEM)
			n += (size_t)snprintf(buf + n, sizeof buf - n, " = %lld",
					      (long long)si.count);
		x = put_at(l->sync, x, l->cols, A_NORMAL, buf);
		if (!si.nwaiters)
			continue;
		size_t got = sim_sync_waiters(v->s, (int)i, waiters,
					      sizeof waiters / sizeof waiters[0]);
		if (got > sizeof waiters / sizeof waiters[0])
			got = sizeof waiters / sizeof waiters[0];
		ui_queue_format(&v->m, waiters, got, SYNC_WAITERS_COLS, q, sizeof q);
		snprintf(buf, sizeof buf, " (waiting: %s)", q);
		x = put_at(l->sync, x, l->cols, ui_attr_switch(), buf);
	}
}

static void draw_stats(const ui_view *v, const ui_layout *l)
{
	const ui_totals *t = &v->m.tot;
	char buf[512];
	int64_t now = v->m.now;
	double util = now > 0 ? 100.0 * (double)ui_model_busy(&v->m) / (double)now : 0;

	if (t->finished) {
		double f = (double)t->finished;
		snprintf(buf, sizeof buf,
			 " Done %zu/%zu  avg wait %.2f  turnaround %.2f"
			 "  resp %.2f  CPU %.0f%%  switches %llu",
			 t->finished, v->m.nthreads, (double)t->waiting / f,
			 (double)t->turnaround / f, (double)t->response / f, util,
			 (unsigned long long)t->switches);
	} else {
		snprintf(buf, sizeof buf,
			 " Done 0/%zu  averages as threads finish"
			 "  CPU %.0f%%  switches %llu",
			 v->m.nthreads, util, (unsigned long long)t->switches);
	}
	put_at(l->stats, 0, l->cols, A_NORMAL, buf);
}

static void draw_status(const ui_view *v, const ui_layout *l)
{
	static const char *const words[UI_RUNS] = {
		[UI_RUN_RUNNING] = " RUNNING ", [UI_RUN_PAUSED] = " PAUSED ",
		[UI_RUN_FINISHED] = " FINISHED ", [UI_RUN_FAILED] = " FAILED ",
		[UI_RUN_DEADLOCK] = " DEADLOCK ",
	};
	ui_run run = ui_view_run(v);
	bool bad = run == UI_RUN_FAILED || run == UI_RUN_DEADLOCK;
	/* The help drawn over the view does not change the view's hints. */
	ui_keymode mode = ui_view_keymode(v);
	char buf[512], hints[256];
	bool hinted = true;
	int x = 0;

	if (mode.ctx != UI_CTX_PROMPT)
		mode.ctx = UI_CTX_VIEW;
	x = put_at(l->status, x, l->cols, ui_attr_state(run), words[run]);
	snprintf(buf, sizeof buf, " %s  %s  ", ui_speeds[v->speed].label, v->policy);
	x = put_at(l->status, x, l->cols, A_BOLD, buf);
	buf[0] = '\0';
	if (v->prompt) {
		snprintf(buf, sizeof buf, "Jump to time: %s_   ", v->input);
	} else if (v->failed) {
		snprintf(buf, sizeof buf, "%s   ", v->error);
	} else if (v->deadlock && !v->msg[0]) {
		snprintf(buf, sizeof buf, "%s   ", v->deadlock);
	} else if (v->msg[0] || v->m.oom) {
		snprintf(buf, sizeof buf, "%s", v->msg[0] ? v->msg
			 : "out of memory: the timeline stopped growing");
		hinted = false;
	}
	if (hinted) {
		int width = l->cols - x - ui_keymap_cols(buf);
		ui_keymap_hints(&mode, v->m.utf8, width, hints, sizeof hints);
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, "%s", hints);
	}
	put_at(l->status, x, l->cols, bad ? ui_attr_switch() : A_NORMAL, buf);
}

static void draw_too_small(const ui_view *v, const ui_layout *l)
{
	char size[96], quit[64];
	ui_keymode mode = ui_view_keymode(v);

	snprintf(size, sizeof size, "%dx%d, need %dx%d", l->cols, l->lines,
		 UI_MIN_COLS, UI_MIN_LINES);
	ui_keymap_hints(&mode, v->m.utf8, l->cols, quit, sizeof quit);
	const char *text[] = { "Terminal too small", size, quit };
	int n = (int)(sizeof text / sizeof text[0]);
	int y = l->lines / 2 - n / 2;
	if (y < 0)
		y = 0;
	for (int i = 0; i < n; i++) {
		int x = (l->cols - (int)strlen(text[i])) / 2;
		ui_put(y + i, x > 0 ? x : 0, l->cols, text[i], false);
	}
}

/* Side by side when the log gets more than LOG_MIN_COLS; stacked when
 * STACK_MIN_ROWS tall (the log keeps LOG_MIN_ROWS: a header and 3 rows);
 * else the table alone (the info rows still show the latest event). */
enum { LOG_MIN_COLS = 40, STACK_MIN_ROWS = 8, LOG_MIN_ROWS = 4 };

static void draw_panes(ui_view *v, const ui_layout *l)
{
	ui_rect all = { l->pane, 0, l->pane_rows + 1, l->cols };

	if (v->pane == UI_PANE_REPORT && v->report_text) {
		ui_draw_report(v, &all);
	} else if (l->cols - UI_TABLE_WIDTH(v->namew) > LOG_MIN_COLS) {
		ui_rect t = all, g = all;
		t.w = UI_TABLE_WIDTH(v->namew);
		g.x = t.w + 1;
		g.w = l->cols - g.x;
		ui_draw_table(v, &t);
		mvvline(all.y, t.w, ACS_VLINE, all.h);
		ui_draw_log(v, &g);
	} else if (all.h >= STACK_MIN_ROWS) {
		/* the table as it needs, the log at least LOG_MIN_ROWS */
		ui_rect t = all, g = all;
		int want = (int)v->m.nthreads + 1;
		t.h = want < all.h - LOG_MIN_ROWS ? want : all.h - LOG_MIN_ROWS;
		g.y = all.y + t.h;
		g.h = all.h - t.h;
		ui_draw_table(v, &t);
		ui_draw_log(v, &g);
	} else {
		ui_draw_table(v, &all);
	}
}

void ui_draw(ui_view *v)
{
	ui_layout l;

	layout(v, &l);
	erase();
	v->too_small = l.cols < UI_MIN_COLS || l.lines < UI_MIN_LINES;
	if (v->too_small) {
		draw_too_small(v, &l);
	} else {
		draw_title(v, &l);
		draw_timeline(v, &l);
		draw_info(v, &l);
		if (l.sync >= 0)
			draw_sync(v, &l);
		v->pane_rows = (size_t)l.pane_rows;
		if (l.pane_rows > 0)
			draw_panes(v, &l);
		draw_stats(v, &l);
		draw_status(v, &l);
		if (v->help)
			ui_draw_help(v, &l);
	}
	wnoutrefresh(stdscr);
	doupdate();
}
