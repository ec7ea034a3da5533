/* report_text.c: the report for people: a Gantt chart that fits 80 columns,
 * the textbook table, and the run's totals. */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lib/num.h"
#include "report_int.h"

#define WIDTH 80
#define LABEL_MAX 16        /* widest thread name shown in the chart */
#define TIMELINE_WORDS 40   /* longer timelines are only counted */

/* Glyphs, in the order that wins a tie within one column. */
enum { G_RUN, G_SWITCH, G_IO, G_BLOCKED, G_READY, G_IDLE, G_NONE, G_KINDS };
static const char glyph[G_KINDS] = { '#', '=', '~', '_', '.', '-', ' ' };

/* Simulations count ticks; Linux traces, microseconds. */
static const char *unit(const report *r, int64_t n)
{
	if (r->form)
		return "us";
	return n == 1 ? "tick" : "ticks";
}

/* Columns that span ticks (span > 0) take at tpc ticks a column, without
 * the overflow of (span + tpc - 1) / tpc. */
static int64_t columns(int64_t span, int64_t tpc)
{
	return (span - 1) / tpc + 1;
}

/* Ticks per column: 1, 2, 5, 10, 20, 50, ... so the axis reads easily
 * (5 * 10^18 at the most: as far as int64_t goes). */
static int64_t nice_scale(int64_t span, int avail)
{
	static const int steps[] = { 1, 2, 5 };

	for (int64_t mag = 1;; mag *= 10)
		for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
			int64_t tpc = steps[i] * mag;

			if (columns(span, tpc) <= avail || mag > INT64_MAX / 50)
				return tpc;
		}
}

typedef struct chart {
	int64_t end, tpc;
	int ncols, labelw;
	int64_t (*acc)[G_KINDS]; /* ticks of each glyph in each column */
} chart;

/* Add ticks [a, b) of glyph g to the columns they fall in. */
static void chart_add(chart *c, int64_t a, int64_t b, int g)
{
	if (b > c->end)
		b = c->end;
	while (a < b) {
		int64_t col = a / c->tpc;
		int64_t stop = (col + 1) * c->tpc < b ? (col + 1) * c->tpc : b;

		c->acc[col][g] += stop - a;
		a = stop;
	}
}

/* Columns a name takes: one per UTF-8 character (names are valid UTF-8). */
static int width(const char *s)
{
	int w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

/* The bytes of s's first w characters. */
static int prefix(const char *s, int w)
{
	int n = 0;

	for (int chars = 0; s[n]; n++)
		if (((unsigned char)s[n] & 0xc0) != 0x80 && chars++ == w)
			break;
	return n;
}

/* s left-aligned in w columns. */
static void put_padded(FILE *out, const char *s, int w)
{
	fprintf(out, "%s%*s", s, w > width(s) ? w - width(s) : 0, "");
}

static void chart_row(chart *c, FILE *out, const char *label)
{
	int len = width(label);
	char line[WIDTH + 4 * LABEL_MAX + 8];
	int n;

	if (len > c->labelw)
		n = snprintf(line, sizeof line, "%.*s~ ", prefix(label, c->labelw - 1), label);
	else
		n = snprintf(line, sizeof line, "%s%*s", label, c->labelw - len + 1, "");
	for (int col = 0; col < c->ncols; col++) {
		int best = G_NONE;

		for (int g = 0; g < G_NONE; g++)
			if (c->acc[col][g] > (best == G_NONE ? 0 : c->acc[col][best]))
				best = g;
		line[n++] = glyph[best];
	}
	while (n > 0 && line[n - 1] == ' ')
		n--;
	line[n] = '\0';
	fprintf(out, "%s\n", line);
	memset(c->acc, 0, (size_t)c->ncols * sizeof *c->acc);
}

/* Time labels every `step` columns (wide enough for the widest label),
 * and at the end unless that would crowd the one before. */
static void chart_axis(const chart *c, FILE *out)
{
	char lab[2 * WIDTH], rule[WIDTH + 2];
	int step = 10, lastcol = 0, n = 0;

	while (num_digits(c->ncols * c->tpc) + 1 > step)
		step += 10;
	memset(lab, ' ', sizeof lab);
	for (int col = 0; col <= c->ncols; col += step) {
		n = col + sprintf(lab + col, "%" PRId64, col * c->tpc);
		lab[n] = ' ';
		lastcol = col;
	}
	if (lastcol != c->ncols && c->ncols - n >= 1)
		n = c->ncols + sprintf(lab + c->ncols, "%" PRId64, c->ncols * c->tpc);
	lab[n] = '\0';
	for (int col = 0; col <= c->ncols; col++)
		rule[col] = col % step == 0 || col == c->ncols ? '+' : '-';
	rule[c->ncols + 1] = '\0';
	fprintf(out, "%*s%s\n%*s%s\n", c->labelw + 1, "", lab, c->labelw + 1, "", rule);
}

static void thread_row(const report *r, chart *c, size_t i, FILE *out)
{
	const report_thr *t = &r->t[i];
	int64_t gone = t->finish >= 0 ? t->finish : r->end;

	for (size_t k = 0; k < t->spans.n; k++) {
		const report_seg *s = &t->spans.v[k];
		int g = s->sw ? G_SWITCH : s->thread == REPORT_IO ? G_IO :
		        s->thread == REPORT_BLOCKED ? G_BLOCKED : G_RUN;

		chart_add(c, s->start, s->end, g);
	}
	/* Ready is what is left of its time in the system. */
	for (int col = 0; col < c->ncols; col++) {
		int64_t a = col * c->tpc, b = a + c->tpc;
		int64_t lo = a > t->arrival ? a : t->arrival;
		int64_t hi = b < gone ? b : gone;
		int64_t used = c->acc[col][G_RUN] + c->acc[col][G_SWITCH] + c->acc[col][G_IO] +
		               c->acc[col][G_BLOCKED];

		if (hi > lo && hi - lo > used)
			c->acc[col][G_READY] = hi - lo - used;
	}
	chart_row(c, out, report_label(r, i));
}

static int gantt(const report *r, FILE *out)
{
	chart c = { .end = r->end };
	int longest = 3; /* "CPU" */

	for (size_t i = 0; i < r->n; i++) {
		int len = width(report_label(r, i));

		if (len > longest)
			longest = len;
	}
	c.labelw = longest < LABEL_MAX ? longest : LABEL_MAX;
	if (c.end <= 0) {
		fputs("Gantt chart: nothing ran\n", out);
		return 0;
	}
	/* The last axis label sits after the last column: leave room for it. */
	int room = WIDTH - (c.labelw + 1);
	c.tpc = nice_scale(c.end, room - num_digits(c.end) - 1);
	c.ncols = (int)columns(c.end, c.tpc);
	while (c.ncols > 1 && c.ncols + num_digits(c.ncols * c.tpc) + 1 > room) {
		c.tpc = nice_scale(c.end, c.ncols - 1);
		c.ncols = (int)columns(c.end, c.tpc);
	}
	c.acc = calloc((size_t)c.ncols, sizeof *c.acc);
	if (!c.acc)
		return -1;

	if (c.tpc == 1)
		fprintf(out, "Gantt chart (1 column = 1 %s)\n", unit(r, 1));
	else
		fprintf(out, "Gantt chart (1 column = %" PRId64 " %s)\n", c.tpc, unit(r, 2));
	chart_axis(&c, out);
	for (size_t i = 0; i < r->n; i++)
		thread_row(r, &c, i, out);
	for (size_t k = 0; k < r->timeline.n; k++) {
		const report_seg *s = &r->timeline.v[k];

		chart_add(&c, s->start, s->end,
		          s->sw ? G_SWITCH : s->thread >= 0 ? G_RUN : G_IDLE);
	}
	chart_row(&c, out, "CPU");
	fprintf(out, "# running  . ready  ~ I/O%s  = switching in  - idle\n",
	        r->any_blocked ? "  _ blocked" : "");
	free(c.acc);
	return 0;
}

/* The textbook's Gantt chart in words, wrapped: "P1 0-4, P2 4-7, ...". */
static void timeline_words(const report *r, FILE *out)
{
	const char *lead = "Timeline: ";
	int col = fprintf(out, "%s", lead);

	if (r->timeline.n > TIMELINE_WORDS) {
		fprintf(out, "%zu stretches (--json lists them all)\n", r->timeline.n);
		return;
	}
	for (size_t k = 0; k < r->timeline.n; k++) {
		const report_seg *s = &r->timeline.v[k];
		const char *who = s->sw ? "switch" : s->thread >= 0 ?
		                  report_label(r, (size_t)s->thread) : "idle";
		char span[64];
		int len = snprintf(span, sizeof span, " %" PRId64 "-%" PRId64 "%s", s->start,
		                   s->end, k + 1 < r->timeline.n ? "," : "") + width(who);

		if (k > 0 && col + 1 + len > WIDTH)
			col = fprintf(out, "\n%*s", (int)strlen(lead), "") - 1;
		else if (k > 0)
			col += fprintf(out, " ");
		fprintf(out, "%s%s", who, span);
		col += len;
	}
	putc('\n', out);
}

enum { C_NAME, C_ARRIVAL, C_CPU, C_IO, C_BLOCKED, C_FINISH, C_TURN, C_WAIT, C_RESP, C_COLS };
static const char *const heads[C_COLS] = {
	"Thread", "Arrival", "CPU", "I/O", "Blocked", "Finish", "Turnaround", "Waiting",
	"Response"
};

/* The Blocked column only in runs that had such waits. */
static bool shown(const report *r, int k)
{
	return k != C_BLOCKED || r->any_blocked;
}

/* One table row as strings; "-" for what an unfinished thread lacks. */
static void row_cells(const report *r, size_t i, char cell[C_COLS][32])
{
	const report_thr *t = &r->t[i];
	report_fig f;
	bool done = report_figures(r, i, &f);
	int64_t waiting = 0;
	bool wknown = report_waiting(r, i, &waiting);
	int64_t v[C_COLS] = { 0, t->arrival, t->cpu, t->io, t->blocked, t->finish,
	                      f.turnaround, waiting, t->first - t->arrival };

	for (int k = C_ARRIVAL; k < C_COLS; k++) {
		bool known = k < C_FINISH || (k == C_RESP ? t->first >= 0 :
		                              k == C_WAIT ? wknown : done);

		if (known)
			snprintf(cell[k], 32, "%" PRId64, v[k]);
		else
			strcpy(cell[k], "-");
	}
}

static void table(const report *r, FILE *out)
{
	char cell[C_COLS][32], avg[C_COLS][32];
	int w[C_COLS];
	report_sums s;

	report_sum(r, &s);
	for (int k = 0; k < C_COLS; k++) {
		w[k] = (int)strlen(heads[k]);
		strcpy(avg[k], "");
	}
	strcpy(avg[C_NAME], "Average");
	/* Averages over the threads that finished: "-" when none did. */
	report_decimal(avg[C_TURN], 32, s.turnaround, s.finished, 2, false);
	report_decimal(avg[C_WAIT], 32, s.waiting, s.finished, 2, false);
	report_decimal(avg[C_RESP], 32, s.response, s.finished, 2, false);
	if (!s.finished)
		strcpy(avg[C_TURN], "-"), strcpy(avg[C_WAIT], "-"), strcpy(avg[C_RESP], "-");
	for (int k = 0; k < C_COLS; k++)
		if ((int)strlen(avg[k]) > w[k])
			w[k] = (int)strlen(avg[k]);
	for (size_t i = 0; i < r->n; i++) {
		int len = width(report_label(r, i));

		if (len > w[C_NAME])
			w[C_NAME] = len;
		row_cells(r, i, cell);
		for (int k = C_ARRIVAL; k < C_COLS; k++)
			if ((int)strlen(cell[k]) > w[k])
				w[k] = (int)strlen(cell[k]);
	}

	put_padded(out, heads[C_NAME], w[C_NAME]);
	for (int k = C_ARRIVAL; k < C_COLS; k++)
		if (shown(r, k))
			fprintf(out, "  %*s", w[k], heads[k]);
	putc('\n', out);
	for (size_t i = 0; i < r->n; i++) {
		row_cells(r, i, cell);
		put_padded(out, report_label(r, i), w[C_NAME]);
		for (int k = C_ARRIVAL; k < C_COLS; k++)
			if (shown(r, k))
				fprintf(out, "  %*s", w[k], cell[k]);
		putc('\n', out);
	}
	put_padded(out, avg[C_NAME], w[C_NAME]);
	for (int k = C_ARRIVAL; k < C_COLS; k++)
		if (shown(r, k))
			fprintf(out, "  %*s", w[k], avg[k]);
	putc('\n', out);
}

/* What a Linux trace measured beyond the textbook's figures. */
static void switch_table(const report *r, FILE *out)
{
	int wname = (int)strlen("Thread"), wtid = (int)strlen("Tid");

	for (size_t i = 0; i < r->n; i++) {
		if (width(report_label(r, i)) > wname)
			wname = width(report_label(r, i));
		if (r->t[i].measured && num_digits(r->t[i].m.tid) > wtid)
			wtid = num_digits(r->t[i].m.tid);
	}
	put_padded(out, "Thread", wname);
	fprintf(out, "  %*s  Dispatches  Preemptions  Voluntary\n", wtid, "Tid");
	for (size_t i = 0; i < r->n; i++) {
		const report_measured *m = &r->t[i].m;

		if (!r->t[i].measured)
			continue;
		put_padded(out, report_label(r, i), wname);
		fprintf(out, "  %*d  %10" PRId64 "  %11" PRId64 "  %9" PRId64 "\n",
		        wtid, m->tid, m->dispatches, m->preemptions, m->voluntary);
	}
}

/* Throughput counts the threads that finished (Silberschatz: processes
 * completed per time unit): those still blocked in a deadlock, or a Linux
 * task still alive at the trace's end, did not. */
static void totals(const report *r, FILE *out)
{
	report_sums sums;

	report_sum(r, &sums);

	uint64_t busy = (uint64_t)r->busy, end = (uint64_t)r->end, n = sums.finished;
	uint64_t per = 1;
	char pct[32], thr[32];

	if (busy < UINT64_MAX / 100)
		report_decimal(pct, sizeof pct, busy * 100, end, 2, false);
	else
		report_decimal(pct, sizeof pct, busy, end / 100, 2, false);
	/* Throughput in a unit that keeps it readable: per tick, per 1000, ... */
	while (n && per < UINT64_MAX / 1000 / n / 100 && n * per * 100 < end)
		per *= 1000;
	report_decimal(thr, sizeof thr, n * per, end, 2, false);

	fprintf(out, "Makespan          %" PRId64 " %s\n", r->end, unit(r, 2));
	fprintf(out, "CPU utilization   %s%% (%" PRId64 " of %" PRId64 " %s running threads)\n",
	        pct, r->busy, r->end, unit(r, 2));
	fprintf(out, "Context switches  %" PRId64 "\n", r->switches);
	const char *threads = strcmp(thr, "1") ? "threads" : "thread";
	if (per == 1)
		fprintf(out, "Throughput        %s %s per %s\n", thr, threads, unit(r, 1));
	else
		fprintf(out, "Throughput        %s %s per %" PRIu64 " %s\n", thr, threads, per,
		        unit(r, 2));
}

static void title(const report *r, FILE *out)
{
	char effect[512];

	if (r->form) {
		fprintf(out, "Linux trace (%s), CPU %d%s; times in microseconds\n\n", r->form,
		        r->cpu, r->busiest ? ", the busiest" : "");
		return;
	}
	sim_options_effect(&r->opt, SIM_EFFECT_ALL, effect, sizeof effect);
	fprintf(out, effect[0] ? "Policy: %s (%s)\n\n" : "Policy: %s%s\n\n", r->policy, effect);
}

int report_text(report *r, FILE *out)
{
	if (r->oom)
		return -1;
	title(r, out);
	if (gantt(r, out) < 0)
		return -1;
	timeline_words(r, out);
	putc('\n', out);
	table(r, out);
	putc('\n', out);
	if (r->form) {
		switch_table(r, out);
		putc('\n', out);
	}
	totals(r, out);
	if (r->nnotes)
		putc('\n', out);
	char *buf = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < r->nnotes; i++) {
		const char *line = report_safe(r->notes[i].line, &buf, &cap);

		if (!line) {
			free(buf);
			return -1;
		}
		fprintf(out, "%s\n", line);
	}
	free(buf);
	return ferror(out) ? -1 : 0;
}
