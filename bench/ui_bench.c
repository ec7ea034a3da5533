/* ui_bench: a frame of the live view costs what is on screen, not history.
 *
 * The layout model is fed 200 threads under round robin with a quantum of
 * 1 tick (one run segment per tick: the worst case for history), then every
 * cell of a 200x200 timeline is computed, following the present at the
 * automatic zoom and, scrolled back, at 1 tick per column.  The baseline is
 * the same frame over 1,000 ticks of history, measured in the same run.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "ui/model.h"

#define THREADS 200
#define COLS 200
#define FRAMES 50

static const char *name_of(void *ctx, int i)
{
	(void)ctx;
	(void)i;
	return "T";
}

static void feed(ui_model *m, int64_t ticks)
{
	ui_model_init(m, true, true);
	ui_model_reset(m, THREADS, name_of, NULL);
	for (int i = 0; i < THREADS; i++) {
		sim_event e = { 0, SIM_EV_ARRIVE, i, 0, "" };
		ui_model_event(m, &e);
	}
	for (int64_t t = 0; t < ticks; t++) {
		int who = (int)(t % THREADS);
		sim_event d = { t, SIM_EV_DISPATCH, who, 0, "next in the round-robin queue" };
		sim_event p = { t + 1, SIM_EV_PREEMPT, who, 0, "quantum of 1 expired" };
		ui_model_event(m, &d);
		ui_model_event(m, &p);
	}
}

/* Seconds per frame, the best of FRAMES (the machine may be busy with
 * other work); sink keeps the work from being optimised away. */
static double frame(ui_model *m, unsigned long *sink)
{
	double best = 1e9;

	for (int f = 0; f < FRAMES; f++) {
		double t0 = bench_wall_s();
		ui_window w;
		ui_cell c;
		ui_cursor cur = { 0 };
		ui_model_window(m, COLS, &w);
		for (int col = 0; col < COLS; col++) { /* row by row, as drawn */
			ui_model_cpu_cell(m, &w, col, &c, &cur);
			*sink += (unsigned long)c.kind;
		}
		for (int r = 0; r < THREADS; r++) {
			cur = (ui_cursor){ 0 };
			for (int col = 0; col < COLS; col++) {
				ui_model_cell(m, &w, r, col, &c, &cur);
				*sink += (unsigned long)c.kind;
			}
		}
		double t = bench_wall_s() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

static void measure(int64_t ticks, double *fit, double *scrolled, size_t *bytes,
                    unsigned long *sink)
{
	ui_model m;

	feed(&m, ticks);
	*fit = frame(&m, sink);
	ui_model_zoom_in(&m, COLS);
	while (ui_model_zoom_in(&m, COLS))
		continue;
	ui_model_scroll(&m, COLS, -(ticks / 2)); /* into the middle of history */
	*scrolled = frame(&m, sink);
	*bytes = m.cpu.cap * sizeof(ui_seg);
	for (size_t i = 0; i < m.nthreads; i++)
		*bytes += (m.t[i].run.cap + m.t[i].io.cap + m.t[i].wait.cap) * sizeof(ui_seg);
	ui_model_free(&m);
}

int main(void)
{
	double fit_small, fit_big, scr_small, scr_big;
	size_t bytes_small, bytes_big;
	unsigned long sink = 0;
	const int64_t small = 1000, big = 100000;

	measure(small, &fit_small, &scr_small, &bytes_small, &sink);
	measure(big, &fit_big, &scr_big, &bytes_big, &sink);

	printf("frame_us_%lld_ticks_fit: %.0f\n", (long long)small, fit_small * 1e6);
	printf("frame_us_%lld_ticks_fit: %.0f\n", (long long)big, fit_big * 1e6);
	printf("frame_fit_vs_baseline: %.2f (target <= 2)\n", fit_big / fit_small);
	printf("frame_us_%lld_ticks_1_per_column: %.0f\n", (long long)small, scr_small * 1e6);
	printf("frame_us_%lld_ticks_1_per_column: %.0f\n", (long long)big, scr_big * 1e6);
	printf("frame_scrolled_vs_baseline: %.2f (target <= 2)\n", scr_big / scr_small);
	printf("history_bytes_per_run_segment: %.1f (%zu bytes for %lld ticks, %d threads)\n",
	       (double)bytes_big / (2.0 * (double)big), bytes_big, (long long)big, THREADS);
	printf("cells_per_frame: %d (sink %lu)\n", COLS * (THREADS + 1), sink % 10);
	return 0;
}
