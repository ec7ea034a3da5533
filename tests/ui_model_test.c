/* ui_model_test: the live view's layout model on synthetic event streams. */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ui/model.h"

static const char *const names[] = { "P1", "P2", "P3", "P4", "P5" };

static const char *name_of(void *ctx, int i)
{
	(void)ctx;
	return i >= 0 && i < 5 ? names[i] : NULL;
}

static ui_model m;

static void setup_with(bool utf8, bool color, size_t n)
{
	ui_model_init(&m, utf8, color);
	ck_assert_int_eq(ui_model_reset(&m, n, name_of, NULL), 0);
}

static void teardown(void)
{
	ui_model_free(&m);
}

static void ev(int64_t time, sim_ev_kind kind, int thread, int64_t arg,
               const char *reason)
{
	sim_event e = { time, kind, thread, arg, reason };
	ui_model_event(&m, &e);
}

/* FCFS on P1 24, P2 3, P3 3, all arriving at 0. */
static void fcfs(void)
{
	for (int i = 0; i < 3; i++)
		ev(0, SIM_EV_ARRIVE, i, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "first come, first served (arrived at 0)");
	ev(24, SIM_EV_EXIT, 0, 0, "");
	ev(24, SIM_EV_DISPATCH, 1, 0, "first come, first served (arrived at 0)");
	ev(27, SIM_EV_EXIT, 1, 0, "");
	ev(27, SIM_EV_DISPATCH, 2, 0, "first come, first served (arrived at 0)");
	ev(30, SIM_EV_EXIT, 2, 0, "");
	ev(30, SIM_EV_END, -1, 0, "");
}

static void cell_at(const ui_window *w, int thread, int col, ui_cell *out,
                    ui_cursor *cur)
{
	if (thread < 0)
		ui_model_cpu_cell(&m, w, col, out, cur);
	else
		ui_model_cell(&m, w, thread, col, out, cur);
}

/* A row as text: thread >= 0, or -1 for the CPU row.  Walking the row
 * with a cursor must give what each cell looked up afresh gives. */
static char row_buf[1024];

static const char *row(const ui_window *w, int thread)
{
	ui_cursor cur = { 0 };
	size_t pos = 0;

	for (int c = 0; c < w->cols; c++) {
		ui_cell cell, alone;
		cell_at(w, thread, c, &cell, &cur);
		cell_at(w, thread, c, &alone, NULL);
		ck_assert_int_eq(cell.kind, alone.kind);
		ck_assert_int_eq(cell.thread, alone.thread);
		ck_assert_int_eq(cell.start, alone.start);
		size_t n = strlen(cell.glyph);
		memcpy(row_buf + pos, cell.glyph, n);
		pos += n;
	}
	row_buf[pos] = '\0';
	return row_buf;
}

static ui_window win(int64_t zoom, int64_t t0, int cols)
{
	ui_window w = { zoom, t0, cols, -1 };
	return w;
}

START_TEST(zoom_steps)
{
	ck_assert_int_eq(ui_zoom_out(1), 2);
	ck_assert_int_eq(ui_zoom_out(2), 5);
	ck_assert_int_eq(ui_zoom_out(5), 10);
	ck_assert_int_eq(ui_zoom_out(7), 10);
	ck_assert_int_eq(ui_zoom_out(10), 20);
	ck_assert_int_eq(ui_zoom_out(500), 1000);
	ck_assert_int_eq(ui_zoom_in(1), 1);
	ck_assert_int_eq(ui_zoom_in(2), 1);
	ck_assert_int_eq(ui_zoom_in(3), 2);
	ck_assert_int_eq(ui_zoom_in(10), 5);
	ck_assert_int_eq(ui_zoom_in(1000), 500);
}
END_TEST

START_TEST(fcfs_rows_ascii)
{
	setup_with(false, false, 3);
	fcfs();
	ui_window w = win(1, 0, 32);
	ck_assert_str_eq(row(&w, -1), "AAAAAAAAAAAAAAAAAAAAAAAABBBCCC  ");
	ck_assert_str_eq(row(&w, 0), "AAAAAAAAAAAAAAAAAAAAAAAA        ");
	ck_assert_str_eq(row(&w, 1), "........................BBB     ");
	ck_assert_str_eq(row(&w, 2), "...........................CCC  ");
	ck_assert_int_eq(m.tot.finished, 3);
	ck_assert_int_eq(m.tot.waiting, 51);
	ck_assert_int_eq(m.tot.turnaround, 81);
	ck_assert_int_eq(m.tot.response, 51);
	ck_assert_int_eq(m.tot.switches, 2);
	ck_assert_int_eq(ui_model_busy(&m), 30);
	ck_assert(m.ended);
	teardown();
}
END_TEST

START_TEST(fcfs_rows_color_utf8)
{
	setup_with(true, true, 3);
	fcfs();
	ui_window w = win(1, 20, 12);
	/* colour bars carry the glyph only where a run begins */
	ck_assert_str_eq(row(&w, -1), "    B  C    ");
	ck_assert_str_eq(row(&w, 1), "····B       ");
	ui_cell c;
	ui_model_cell(&m, &w, 1, 5, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_RUN);
	ck_assert_int_eq(c.thread, 1);
	ck_assert(!c.start);
	ui_model_cell(&m, &w, 1, 8, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_DONE);
	ui_model_cell(&m, &w, 1, 11, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_NONE);
	teardown();
}
END_TEST

/* P1 runs 2, waits 4 ticks of I/O, runs 2; P2 runs while P1 waits, then the
 * CPU idles, and a switch of cost 1 precedes P1's second run. */
static void io_run(void)
{
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "only one ready");
	ev(1, SIM_EV_ARRIVE, 1, 0, "");
	ev(2, SIM_EV_BLOCK, 0, 4, "");
	ev(2, SIM_EV_DISPATCH, 1, 0, "only one ready");
	ev(4, SIM_EV_EXIT, 1, 0, "");
	ev(4, SIM_EV_IDLE, -1, 0, "");
	ev(6, SIM_EV_WAKE, 0, 0, "");
	ev(6, SIM_EV_SWITCH, 0, 1, "");
	ev(7, SIM_EV_DISPATCH, 0, 0, "only one ready");
	ev(9, SIM_EV_EXIT, 0, 0, "");
	ev(9, SIM_EV_END, -1, 0, "");
}

START_TEST(io_idle_switch)
{
	setup_with(false, false, 2);
	io_run();
	ui_window w = win(1, 0, 10);
	ck_assert_str_eq(row(&w, -1), "AABB--=AA ");
	ck_assert_str_eq(row(&w, 0), "AA~~~~.AA ");
	ck_assert_str_eq(row(&w, 1), " .BB      ");
	ck_assert_int_eq(ui_model_busy(&m), 6);
	ck_assert_int_eq(m.tot.switch_ticks, 1);
	ck_assert_int_eq(m.tot.switches, 2);
	/* P1: turnaround 9, cpu 4, io 4: waiting 1; P2: turnaround 3, waiting 1 */
	ck_assert_int_eq(m.tot.waiting, 2);
	ck_assert_int_eq(m.tot.response, 1);
	teardown();

	setup_with(true, false, 2);
	io_run();
	ck_assert_str_eq(row(&w, -1), "AABB──╳AA ");
	ck_assert_str_eq(row(&w, 0), "AA░░░░·AA ");
	teardown();
}
END_TEST

START_TEST(zoomed_cells)
{
	setup_with(false, false, 3);
	fcfs();
	ui_window w;
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.zoom, 5); /* 30 ticks in 10 columns */
	ck_assert_int_eq(w.t0, 0);
	ck_assert_int_eq(w.now_col, 6);
	/* column 4 is [20,25): P1 ran 4 ticks there, P2 one; column 5 is
	 * [25,30): P2 two, P3 three */
	ck_assert_str_eq(row(&w, -1), "AAAAAC    ");
	ck_assert_str_eq(row(&w, 0), "AAAAA     ");
	ck_assert_str_eq(row(&w, 1), "....BB    ");
	ck_assert_str_eq(row(&w, 2), ".....C    ");
	teardown();

	/* I/O wins a zoomed column only where it is most of the time */
	setup_with(false, false, 2);
	io_run();
	w = win(2, 0, 5);
	ck_assert_str_eq(row(&w, 0), "A~~AA");
	w = win(5, 0, 2);
	ck_assert_str_eq(row(&w, 0), "AA");
	ck_assert_str_eq(row(&w, 1), "B ");
	ck_assert_str_eq(row(&w, -1), "AA");
	teardown();
}
END_TEST

START_TEST(scroll_and_follow)
{
	setup_with(false, false, 3);
	fcfs();
	ui_window w;

	ck_assert(!ui_model_scroll(&m, 10, -3)); /* all on screen: nothing to do */
	ck_assert(ui_model_zoom_in(&m, 10));
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.zoom, 2);
	ck_assert_int_eq(w.t0, 12);      /* columns 6..15 hold ticks 12..31 */
	ck_assert_int_eq(w.now_col, 9);
	ck_assert(ui_model_zoom_in(&m, 10));
	ck_assert(!ui_model_zoom_in(&m, 10));
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.zoom, 1);
	ck_assert_int_eq(w.t0, 21);
	ck_assert_str_eq(row(&w, -1), "AAABBBCCC ");

	ck_assert(ui_model_scroll(&m, 10, -5));
	ck_assert(!m.follow);
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.t0, 16);
	ck_assert_int_eq(w.now_col, -1);
	ck_assert(ui_model_scroll(&m, 10, -100));
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.t0, 0);
	ck_assert(!ui_model_scroll(&m, 10, -1));
	ck_assert(ui_model_scroll(&m, 10, 4));
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.t0, 4);
	ck_assert(ui_model_scroll(&m, 10, 100)); /* back at the present */
	ck_assert(m.follow);
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.t0, 21);

	ui_model_scroll(&m, 10, -10);
	ui_model_follow(&m);
	ui_model_window(&m, 10, &w);
	ck_assert_int_eq(w.t0, 21);

	ck_assert(ui_model_zoom_out(&m, 10));
	ck_assert_int_eq(m.zoom, 2);
	ck_assert(ui_model_zoom_out(&m, 10)); /* 5 fits everything: automatic */
	ck_assert_int_eq(m.zoom, 0);
	ck_assert(!ui_model_zoom_out(&m, 10));
	teardown();
}
END_TEST

START_TEST(follow_present_while_running)
{
	setup_with(false, false, 1);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "");
	ui_window w;
	ui_model_window(&m, 8, &w);
	ck_assert_int_eq(w.zoom, 1);
	ck_assert_int_eq(w.now_col, 0);
	ck_assert_str_eq(row(&w, 0), "        ");
	ev(7, SIM_EV_PREEMPT, 0, 0, "");
	ev(7, SIM_EV_DISPATCH, 0, 0, "");
	ui_model_window(&m, 8, &w);
	ck_assert_int_eq(w.zoom, 1);
	ck_assert_int_eq(w.now_col, 7);
	ck_assert_str_eq(row(&w, 0), "AAAAAAA ");
	ck_assert_int_eq(m.tot.switches, 0); /* the same thread went on */
	ev(8, SIM_EV_PREEMPT, 0, 0, "");
	ui_model_window(&m, 8, &w);
	ck_assert_int_eq(w.zoom, 2); /* the present left the screen: zoom out */
	ck_assert_str_eq(row(&w, 0), "AAAA    ");
	teardown();
}
END_TEST

START_TEST(history_is_compact)
{
	int n = getenv("SCHEDSIM_VALGRIND") ? 2000 : 100000;

	setup_with(false, false, 2);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_ARRIVE, 1, 0, "");
	for (int i = 0; i < n; i++) { /* round robin, quantum 1 */
		ev(i, SIM_EV_DISPATCH, i % 2, 0, "quantum of 1 expired");
		ev(i + 1, SIM_EV_PREEMPT, i % 2, 0, "quantum of 1 expired");
	}
	/* a long run of one thread with no rival is one segment */
	for (int i = 0; i < 1000; i++) {
		ev(n + i, SIM_EV_DISPATCH, 0, 0, "");
		ev(n + i + 1, SIM_EV_PREEMPT, 0, 0, "");
	}
	ck_assert_uint_eq(m.t[0].run.n, (size_t)n / 2 + 1);
	ck_assert_uint_eq(m.t[1].run.n, (size_t)n / 2);
	ck_assert_uint_eq(m.cpu.n, (size_t)n + 1);
	ck_assert_int_eq(ui_model_busy(&m), n + 1000);
	ck_assert_uint_eq(m.tot.switches, (uint64_t)n - 1 + 1);

	ui_window w;
	ui_model_window(&m, 100, &w);
	ck_assert_int_eq(w.zoom, n == 2000 ? 50 : 2000);
	ui_cell c;
	ui_model_cell(&m, &w, 1, 0, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_RUN);
	ui_model_cpu_cell(&m, &w, 0, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_RUN);
	ck_assert_int_eq(c.thread, 0); /* a tie between both goes to the first */
	ui_model_window(&m, 100, &w);
	int last = (int)((n + 999) / w.zoom) - (int)(w.t0 / w.zoom);
	ui_model_cell(&m, &w, 1, last, &c, NULL);
	ck_assert_int_eq(c.kind, UI_CELL_READY);
	teardown();
}
END_TEST

START_TEST(restart_forgets)
{
	setup_with(true, true, 3);
	fcfs();
	ui_model_zoom_in(&m, 10);
	ui_model_scroll(&m, 10, -2);
	m.top = 2;
	ck_assert_int_eq(ui_model_reset(&m, 2, name_of, NULL), 0);
	ck_assert(m.utf8);
	ck_assert(m.color);
	ck_assert_uint_eq(m.nthreads, 2);
	ck_assert_int_eq(m.now, 0);
	ck_assert(!m.ended);
	ck_assert(m.follow);
	ck_assert_int_eq(m.zoom, 0);
	ck_assert_uint_eq(m.top, 0);
	ck_assert_uint_eq(m.nlog, 0);
	ck_assert_uint_eq(m.tot.finished, 0);
	ck_assert_uint_eq(m.cpu.n, 0);
	ck_assert_int_eq(m.t[0].arrival, -1);
	ui_window w = win(1, 0, 4);
	ck_assert_str_eq(row(&w, 0), "    ");
	/* threads beyond the announced count still get a row */
	ev(0, SIM_EV_ARRIVE, 4, 0, "");
	ck_assert_uint_eq(m.nthreads, 5);
	ck_assert_str_eq(ui_model_name(&m, 4), "P5");
	ck_assert_str_eq(ui_model_name(&m, 7), "?");
	/* an event naming no thread where one is needed changes nothing */
	ev(1, SIM_EV_DISPATCH, -1, 0, "");
	ev(1, SIM_EV_EXIT, -1, 0, "");
	ck_assert_uint_eq(m.nthreads, 5);
	ck_assert_uint_eq(m.cpu.n, 0);
	ck_assert_uint_eq(m.tot.finished, 0);
	ck_assert_uint_eq(m.tot.events, 3);
	teardown();
}
END_TEST

START_TEST(glyphs_distinct)
{
	/* 89 ASCII glyphs and 143 in UTF-8, none a state glyph */
	for (int utf8 = 0; utf8 < 2; utf8++) {
		int n = utf8 ? 143 : 89;
		for (int i = 0; i < n; i++) {
			const char *g = ui_thread_glyph(i, utf8);
			for (int k = UI_CELL_NONE; k < UI_CELL_KINDS; k++)
				ck_assert_str_ne(g, ui_state_glyph(k, utf8));
			for (int j = 0; j < i; j++)
				ck_assert_str_ne(g, ui_thread_glyph(j, utf8));
		}
		ck_assert_str_eq(ui_thread_glyph(n, utf8), "A");
	}
	ck_assert_str_eq(ui_thread_glyph(0, false), "A");
	ck_assert_str_eq(ui_thread_glyph(26, false), "a");
	ck_assert_str_eq(ui_thread_glyph(61, false), "9");
	ck_assert_str_eq(ui_thread_glyph(62, false), "!");
	ck_assert_str_eq(ui_thread_glyph(62, true), "α");
	ck_assert_str_eq(ui_thread_glyph(116, true), "!");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_READY, false), ".");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_IO, false), "~");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_BLOCKED, false), "_");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_IDLE, false), "-");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_SWITCH, false), "=");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_DONE, false), " ");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_READY, true), "·");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_IO, true), "░");
	ck_assert_str_eq(ui_state_glyph(UI_CELL_BLOCKED, true), "_");
}
END_TEST

START_TEST(axis_labels)
{
	char buf[128];
	ui_window w = win(1, 0, 25);

	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, "0         10        20   ");
	w = win(5, 0, 30);
	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, "0         50        100       ");
	w = win(1, 7, 20);
	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, "   10        20     ");
	w = win(1, 95, 12);
	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, "     100    ");
	w = win(1, 92, 10);
	ui_model_axis(&w, buf); /* a label that would not fit is left out */
	ck_assert_str_eq(buf, "          ");
	w = win(1, 999999999, 30); /* long labels: further apart */
	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, " 1000000000                   ");
	w = win(1, 999999979, 31);
	ui_model_axis(&w, buf);
	ck_assert_str_eq(buf, " 999999980           1000000000");
}
END_TEST

START_TEST(queue_order)
{
	setup_with(false, false, 5);
	char buf[64];
	int q[] = { 1, 2, 0, 4, 3 };

	ui_queue_format(&m, q, 3, 20, buf, sizeof buf);
	ck_assert_str_eq(buf, "P2 P3 P1");
	ui_queue_format(&m, q, 5, 14, buf, sizeof buf);
	ck_assert_str_eq(buf, "P2 P3 P1 P5 P4");
	ui_queue_format(&m, q, 5, 13, buf, sizeof buf);
	ck_assert_str_eq(buf, "P2 P3 P1 +2");
	ui_queue_format(&m, q, 5, 8, buf, sizeof buf);
	ck_assert_str_eq(buf, "P2 P3 +3");
	ui_queue_format(&m, q, 5, 2, buf, sizeof buf);
	ck_assert_str_eq(buf, "+5");
	ui_queue_format(&m, q, 0, 20, buf, sizeof buf);
	ck_assert_str_eq(buf, "(empty)");
	teardown();
}
END_TEST

START_TEST(event_log)
{
	setup_with(false, false, 2);
	io_run();
	char buf[128];
	const ui_log_entry *e;

	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     9  all threads finished");
	ck_assert(ui_model_log(&m, 2, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     7  P1 runs: only one ready");
	ck_assert(ui_model_log(&m, 3, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     6  context switch to P1 (1)");
	ck_assert(ui_model_log(&m, 4, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     6  P1 back from I/O");
	ck_assert(ui_model_log(&m, 8, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     2  P1 waits for I/O (4 ticks)");
	ck_assert(ui_model_log(&m, 11, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     0  P1 arrives");
	ck_assert(!ui_model_log(&m, 12, &e));
	ev(9, SIM_EV_SWITCH, 1, 0, ""); /* free switches are not logged */
	ck_assert_uint_eq(m.nlog, 12);
	ck_assert_uint_eq(m.tot.events, 13);

	/* waits other than I/O: the reason says for what */
	ev(9, SIM_EV_BLOCK, 1, 0, "waits for mutex A held by P1");
	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     9  P2 blocks: waits for mutex A held by P1");
	ev(9, SIM_EV_WAKE, 1, 0, "got mutex A from P1");
	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     9  P2 ready again: got mutex A from P1");

	ev(9, SIM_EV_PRIO, 1, 3, "aged after 5 ticks");
	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     9  P2 priority now 3: aged after 5 ticks");
	ui_log_format(&m, e, buf, 12);
	ck_assert_str_eq(buf, "     9  P2 ");

	/* the ring keeps the latest UI_LOG_KEEP entries, reasons copied */
	char reason[200];
	memset(reason, 'x', sizeof reason - 1);
	reason[sizeof reason - 1] = '\0';
	for (int i = 0; i < 300; i++)
		ev(10 + i, SIM_EV_PRIO, 0, i, reason);
	ck_assert(ui_model_log(&m, UI_LOG_KEEP - 1, &e));
	ck_assert_int_eq(e->time, 10 + 300 - UI_LOG_KEEP);
	ck_assert(!ui_model_log(&m, UI_LOG_KEEP, &e));
	ck_assert_uint_eq(strlen(e->reason), UI_REASON_MAX - 1);
	teardown();
}
END_TEST

START_TEST(rows_clamp)
{
	setup_with(false, false, 5);
	ui_model_rows(&m, 3, 1);
	ck_assert_uint_eq(m.top, 1);
	ui_model_rows(&m, 3, 10);
	ck_assert_uint_eq(m.top, 2);
	ui_model_rows(&m, 3, -10);
	ck_assert_uint_eq(m.top, 0);
	ui_model_rows(&m, 10, 4);
	ck_assert_uint_eq(m.top, 0);
	teardown();
}
END_TEST

START_TEST(speed_table)
{
	ck_assert_int_eq(ui_nspeeds, 12);
	ck_assert_str_eq(ui_speeds[0].label, "1/4 ev/s");
	ck_assert_str_eq(ui_speeds[UI_SPEED_DEFAULT].label, "5 ev/s");
	ck_assert_int_eq(ui_speeds[UI_SPEED_DEFAULT].period_ns, 200000000);
	ck_assert_str_eq(ui_speeds[ui_nspeeds - 1].label, "max");
	ck_assert_int_eq(ui_speeds[ui_nspeeds - 1].period_ns, 0);
	for (int i = 1; i < ui_nspeeds; i++)
		ck_assert_int_lt(ui_speeds[i].period_ns, ui_speeds[i - 1].period_ns);
}
END_TEST

START_TEST(switches_as_reports_count)
{
	/* the same thread again after it blocked, idle between: no switch */
	setup_with(false, false, 2);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "");
	ev(2, SIM_EV_BLOCK, 0, 3, "");
	ev(2, SIM_EV_IDLE, -1, 0, "");
	ev(5, SIM_EV_WAKE, 0, 0, "");
	ev(5, SIM_EV_DISPATCH, 0, 0, "");
	ck_assert_uint_eq(m.tot.switches, 0);
	ev(6, SIM_EV_ARRIVE, 1, 0, "");
	ev(6, SIM_EV_PREEMPT, 0, 0, "");
	ev(6, SIM_EV_SWITCH, 1, 0, "");
	ev(6, SIM_EV_DISPATCH, 1, 0, "");
	ck_assert_uint_eq(m.tot.switches, 1);
	ev(7, SIM_EV_PREEMPT, 1, 0, "");
	ui_window w = win(1, 0, 8);
	ck_assert_str_eq(row(&w, -1), "AA---AB ");
	ck_assert_int_eq(ui_model_busy(&m), 4);
	teardown();
}
END_TEST

START_TEST(io_and_other_waits)
{
	/* blocked on a mutex for 3 ticks, then 3 ticks of I/O */
	setup_with(false, false, 1);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "");
	ev(1, SIM_EV_BLOCK, 0, 0, "waits for mutex A held by P2");
	ev(1, SIM_EV_IDLE, -1, 0, "");
	ev(4, SIM_EV_WAKE, 0, 0, "got mutex A from P2");
	ev(4, SIM_EV_DISPATCH, 0, 0, "");
	ck_assert(!m.t[0].in_io);
	ev(6, SIM_EV_BLOCK, 0, 3, "");
	ck_assert(m.t[0].in_io);
	ev(6, SIM_EV_IDLE, -1, 0, "");
	ev(9, SIM_EV_WAKE, 0, 0, "");
	ev(9, SIM_EV_DISPATCH, 0, 0, "");
	ev(10, SIM_EV_EXIT, 0, 0, "");
	ev(10, SIM_EV_END, -1, 0, "");
	ui_window w = win(1, 0, 11);
	char buf[96];
	const ui_log_entry *e;
	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "    10  all threads finished");
	ck_assert_str_eq(row(&w, 0), "A___AA~~~A ");
	ck_assert_str_eq(row(&w, -1), "A---AA---A ");
	w = win(2, 0, 6);
	ck_assert_str_eq(row(&w, 0), "A_A~A ");
	ck_assert_uint_eq(m.t[0].io.n, 1);
	ck_assert_uint_eq(m.t[0].wait.n, 1);
	ck_assert_int_eq(m.tot.waiting, 0); /* 10 - 4 cpu - 3 I/O - 3 blocked */
	teardown();

	setup_with(true, false, 1);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_BLOCK, 0, 0, "");
	ev(2, SIM_EV_WAKE, 0, 0, "");
	ev(2, SIM_EV_BLOCK, 0, 2, "");
	ev(4, SIM_EV_WAKE, 0, 0, "");
	w = win(1, 0, 5);
	ck_assert_str_eq(row(&w, 0), "__░░ ");
	ev(4, SIM_EV_BLOCK, 0, 0, "waits for semaphore S");
	ev(4, SIM_EV_END, -1, 0, ""); /* left blocked: a deadlock */
	ck_assert(ui_model_log(&m, 0, &e));
	ui_log_format(&m, e, buf, sizeof buf);
	ck_assert_str_eq(buf, "     4  the run ends, 1 thread unfinished");
	teardown();
}
END_TEST

START_TEST(state_from_events)
{
	/* round robin, quantum 2: P1 0-2, P2 2-4, P1 4-5 exits, P3 blocks */
	setup_with(false, false, 3);
	ev(0, SIM_EV_ARRIVE, 0, 0, "");
	ev(0, SIM_EV_ARRIVE, 1, 0, "");
	ev(0, SIM_EV_DISPATCH, 0, 0, "");
	ev(1, SIM_EV_ARRIVE, 2, 0, "");
	ev(2, SIM_EV_PREEMPT, 0, 0, "quantum of 2 expired");
	ev(2, SIM_EV_SWITCH, 1, 1, "");
	ck_assert_int_eq(ui_model_running(&m), -1);
	ck_assert_int_eq(ui_model_switching(&m), 1);
	int q[8];
	ck_assert_uint_eq(ui_model_ready(&m, q, 8), 3);
	ck_assert_int_eq(q[0], 1);
	ck_assert_int_eq(q[1], 2);
	ck_assert_int_eq(q[2], 0); /* the preempted thread joins the tail */
	ev(3, SIM_EV_DISPATCH, 1, 0, "");
	ck_assert_int_eq(ui_model_running(&m), 1);
	ck_assert_int_eq(ui_model_switching(&m), -1);
	ck_assert_uint_eq(ui_model_ready(&m, q, 1), 2); /* count, even past max */
	ck_assert_int_eq(q[0], 2);
	ev(4, SIM_EV_PRIO, 2, 7, "aged");
	ev(5, SIM_EV_PREEMPT, 1, 0, "");
	ev(5, SIM_EV_DISPATCH, 2, 0, "");
	ev(6, SIM_EV_BLOCK, 2, 3, "");
	ev(6, SIM_EV_DISPATCH, 0, 0, "");
	ev(7, SIM_EV_EXIT, 0, 0, "");

	sim_thread_info ti;
	ui_model_thread(&m, 0, &ti);
	ck_assert_str_eq(ti.name, "P1");
	ck_assert_int_eq(ti.state, SIM_T_DONE);
	ck_assert_int_eq(ti.cpu, 3);
	ck_assert_int_eq(ti.waiting, 4); /* 7 - 0 - 3 */
	ck_assert_int_eq(ti.response, 0);
	ck_assert_int_eq(ti.finish, 7);
	ck_assert_int_eq(ti.priority, UI_PRIO_UNKNOWN);
	ui_model_thread(&m, 2, &ti);
	ck_assert_int_eq(ti.state, SIM_T_BLOCKED);
	ck_assert_int_eq(ti.cpu, 1);
	ck_assert_int_eq(ti.io, 1); /* 6 to now, 7 */
	ck_assert_int_eq(ti.waiting, 4); /* arrived 1: 6 - 1 - 1 */
	ck_assert_int_eq(ti.response, 4);
	ck_assert_int_eq(ti.finish, -1);
	ck_assert_int_eq(ti.priority, 7);
	ck_assert_int_eq(ti.waits_on, -1);
	ui_model_thread(&m, 1, &ti);
	ck_assert_int_eq(ti.state, SIM_T_READY);
	ck_assert_uint_eq(ui_model_ready(&m, q, 8), 1);
	ck_assert_int_eq(q[0], 1);
	ui_model_thread(&m, 9, &ti);
	ck_assert_str_eq(ti.name, "?");
	ck_assert_int_eq(ti.arrival, -1);
	teardown();
}
END_TEST

START_TEST(crowded_cpu_column)
{
	/* 100 one-tick turns of P1 and P2, then P3 for 60 ticks: a column of
	 * 200 ticks is judged by its first 32 segments, P1 and P2 16 each */
	setup_with(false, false, 3);
	for (int i = 0; i < 3; i++)
		ev(0, SIM_EV_ARRIVE, i, 0, "");
	for (int t = 0; t < 100; t++) {
		ev(t, SIM_EV_DISPATCH, t % 2, 0, "");
		ev(t + 1, SIM_EV_PREEMPT, t % 2, 0, "");
	}
	ev(100, SIM_EV_DISPATCH, 2, 0, "");
	ev(160, SIM_EV_EXIT, 2, 0, "");
	ev(160, SIM_EV_IDLE, -1, 0, "");
	ev(200, SIM_EV_END, -1, 0, "");
	ui_window w = win(200, 0, 1);
	ck_assert_str_eq(row(&w, -1), "A");
	ck_assert_str_eq(row(&w, 2), "C");
	w = win(100, 0, 2); /* [100,200): C 60 ticks, idle 40 */
	ck_assert_str_eq(row(&w, -1), "AC");
	teardown();
}
END_TEST

START_TEST(gallop_finds_what_bisection_finds)
{
	ui_segs s = { NULL, 0, 0 };
	ui_seg v[300];
	int64_t t = 0;

	srand(7);
	for (int i = 0; i < 300; i++) {
		t += 1 + rand() % 5;
		v[i] = (ui_seg){ t, t + 1, 0, 0 };
		t += 1;
	}
	s.v = v;
	for (size_t n = 0; n <= 300; n += 37) {
		s.n = n;
		for (int64_t x = 0; x < t + 3; x++) {
			size_t want = 0;
			while (want < n && v[want].start < x)
				want++;
			for (size_t from = 0; from <= want; from += 1 + want / 7)
				ck_assert_uint_eq(ui_segs_find(&s, x, from), want);
			ck_assert_uint_eq(ui_segs_find(&s, x, want), want);
		}
	}
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("ui");
	TCase *tc = tcase_create("model");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, zoom_steps);
	tcase_add_test(tc, fcfs_rows_ascii);
	tcase_add_test(tc, fcfs_rows_color_utf8);
	tcase_add_test(tc, io_idle_switch);
	tcase_add_test(tc, zoomed_cells);
	tcase_add_test(tc, scroll_and_follow);
	tcase_add_test(tc, follow_present_while_running);
	tcase_add_test(tc, history_is_compact);
	tcase_add_test(tc, restart_forgets);
	tcase_add_test(tc, glyphs_distinct);
	tcase_add_test(tc, axis_labels);
	tcase_add_test(tc, queue_order);
	tcase_add_test(tc, event_log);
	tcase_add_test(tc, rows_clamp);
	tcase_add_test(tc, speed_table);
	tcase_add_test(tc, switches_as_reports_count);
	tcase_add_test(tc, io_and_other_waits);
	tcase_add_test(tc, state_from_events);
	tcase_add_test(tc, crowded_cpu_column);
	tcase_add_test(tc, gallop_finds_what_bisection_finds);
	suite_add_tcase(s, tc);
	return s;
}
