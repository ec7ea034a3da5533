/* cells.c: what each column of the timeline shows, and where the window is. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/num.h"
#include "model.h"

/* ---- glyphs ------------------------------------------------------------ */

/* ASCII: letters, digits, then every other sign except the state glyphs
 * (. ~ _ - =). */
static const char ascii_glyphs[][2] = {
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
	"N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "!", "\"", "#",
	"$", "%", "&", "'", "(", ")", "*", "+", ",", "/", ":", ";", "<",
	">", "?", "@", "[", "\\", "]", "^", "`", "{", "|", "}",
};

/* UTF-8 adds letters that look like no Latin one before the signs. */
static const char *const utf8_glyphs[] = {
	"α", "β", "γ", "δ", "ε", "ζ", "η", "θ", "ι", "κ", "λ", "μ",
	"ν", "ξ", "ο", "π", "ρ", "σ", "τ", "υ", "φ", "χ", "ψ", "ω",
	"Γ", "Δ", "Θ", "Λ", "Ξ", "Π", "Σ", "Φ", "Ψ", "Ω", "Б", "Г",
	"Д", "Ж", "З", "И", "Й", "Л", "П", "Ф", "Ц", "Ч", "Ш", "Щ",
	"Ъ", "Ы", "Ь", "Э", "Ю", "Я",
};

#define NASCII ((int)(sizeof ascii_glyphs / sizeof ascii_glyphs[0]))
#define NUTF8 ((int)(sizeof utf8_glyphs / sizeof utf8_glyphs[0]))
#define NALNUM 62

const char *ui_thread_glyph(int thread, bool utf8)
{
	if (thread < 0)
		return "?";
	if (!utf8)
		return ascii_glyphs[thread % NASCII];
	thread %= NASCII + NUTF8;
	if (thread < NALNUM)
		return ascii_glyphs[thread];
	if (thread < NALNUM + NUTF8)
		return utf8_glyphs[thread - NALNUM];
	return ascii_glyphs[thread - NUTF8];
}

const char *ui_state_glyph(ui_cell_kind kind, bool utf8)
{
	switch (kind) {
	case UI_CELL_READY:
		return utf8 ? "·" : ".";
	case UI_CELL_IO:
		return utf8 ? "░" : "~";
	case UI_CELL_BLOCKED:
		return "_";
	case UI_CELL_IDLE:
		return utf8 ? "─" : "-";
	case UI_CELL_SWITCH:
		return utf8 ? "╳" : "=";
	case UI_CELL_NONE:
	case UI_CELL_RUN:
	case UI_CELL_DONE:
	case UI_CELL_KINDS:
		break;
	}
	return " ";
}

/* In colour the run is a bar of the thread's colour with its glyph where
 * each run begins; without colour every cell needs the glyph. */
static void set_glyph(const ui_model *m, ui_cell *c)
{
	if (c->kind != UI_CELL_RUN)
		c->glyph = ui_state_glyph(c->kind, m->utf8);
	else if (m->color && !c->start)
		c->glyph = " ";
	else
		c->glyph = ui_thread_glyph(c->thread, m->utf8);
}

/* ---- zoom and window ------------------------------------------------------ */

#define ZOOM_MAX ((int64_t)1000000000000000000)

int64_t ui_zoom_out(int64_t zoom)
{
	int64_t z = 1;

	while (z <= zoom && z < ZOOM_MAX) {
		int64_t d = z;
		while (d >= 10)
			d /= 10;
		z = d == 2 ? z / 2 * 5 : z * 2; /* 1 -> 2 -> 5 -> 10 */
	}
	return z;
}

int64_t ui_zoom_in(int64_t zoom)
{
	int64_t z = 1;

	for (int64_t next = ui_zoom_out(z); next < zoom; next = ui_zoom_out(z))
		z = next;
	return z;
}

/* The smallest zoom that puts the present within cols columns. */
static int64_t fit_zoom(int64_t now, int cols)
{
	int64_t z = 1;

	while (now / z >= cols && z < ZOOM_MAX)
		z = ui_zoom_out(z);
	return z;
}

static int64_t follow_first(int64_t now, int64_t zoom, int cols)
{
	int64_t first = now / zoom - cols + 1;
	return first > 0 ? first : 0;
}

void ui_model_window(const ui_model *m, int cols, ui_window *w)
{
	if (cols < 1)
		cols = 1;
	int64_t z = m->zoom ? m->zoom : fit_zoom(m->now, cols);
	int64_t first = follow_first(m->now, z, cols);

	if (!m->follow && m->left / z < first)
		first = m->left / z;
	w->zoom = z;
	w->t0 = first * z;
	w->cols = cols;
	int64_t nc = m->now / z - first;
	w->now_col = nc < cols ? (int)nc : -1;
}

bool ui_model_scroll(ui_model *m, int cols, int64_t columns)
{
	ui_window w;

	ui_model_window(m, cols, &w);
	int64_t last = follow_first(m->now, w.zoom, w.cols);
	int64_t first = w.t0 / w.zoom;
	int64_t to = first + columns;

	if (to < 0)
		to = 0;
	if (to > last)
		to = last;
	if (to == first)
		return false;
	m->follow = to == last;
	m->left = to * w.zoom;
	return true;
}

void ui_model_follow(ui_model *m)
{
	m->follow = true;
}

bool ui_model_zoom_in(ui_model *m, int cols)
{
	ui_window w;

	ui_model_window(m, cols, &w);
	if (w.zoom == 1)
		return false;
	m->left = w.t0;
	m->zoom = ui_zoom_in(w.zoom);
	return true;
}

bool ui_model_zoom_out(ui_model *m, int cols)
{
	ui_window w;

	if (!m->zoom)
		return false;
	ui_model_window(m, cols, &w);
	m->left = w.t0;
	m->zoom = ui_zoom_out(w.zoom);
	if (m->zoom >= fit_zoom(m->now, cols)) {
		m->zoom = 0;
		m->follow = true;
	}
	return true;
}

void ui_model_rows(ui_model *m, size_t rows, long delta)
{
	size_t max = m->nthreads > rows ? m->nthreads - rows : 0;
	long top = (long)m->top + delta;

	if (top < 0)
		top = 0;
	m->top = (size_t)top > max ? max : (size_t)top;
}

/* ---- cells ---------------------------------------------------------------- */

/* Ticks of s within [lo, hi), lo <= hi; *at is a lower bound on where lo
 * is found, and is left where hi is (the next column starts at or after
 * hi), so walking a row gallops from one column to the next. */
static int64_t ticks_in(const ui_model *m, const ui_segs *s, int64_t lo, int64_t hi,
			size_t *at)
{
	size_t ilo = ui_segs_find(s, lo, *at);
	size_t ihi = ui_segs_find(s, hi, ilo);

	*at = ihi;
	return ui_segs_before_at(s, hi, m->now, ihi) - ui_segs_before_at(s, lo, m->now, ilo);
}

static void cell_clear(ui_cell *c, ui_cell_kind kind)
{
	c->kind = kind;
	c->thread = -1;
	c->start = false;
}

void ui_model_cell(const ui_model *m, const ui_window *w, int thread, int col,
                   ui_cell *out, ui_cursor *cur)
{
	ui_cursor fresh = { 0 };
	int64_t a = w->t0 + col * w->zoom, b = a + w->zoom;
	int64_t hi = b < m->now ? b : m->now;

	cell_clear(out, UI_CELL_NONE);
	if (thread < 0 || (size_t)thread >= m->nthreads || a >= hi) {
		set_glyph(m, out);
		return;
	}
	const ui_track *t = &m->t[thread];
	int64_t lo = a > t->arrival ? a : t->arrival;

	if (t->finish >= 0 && t->finish < hi)
		hi = t->finish;
	if (t->arrival < 0 || t->arrival >= b || t->arrival >= m->now) {
		/* not there yet */
	} else if (lo >= hi) {
		out->kind = UI_CELL_DONE;
	} else {
		/* a <= lo < hi <= b, and the next column starts at b. */
		if (!cur)
			cur = &fresh;
		const ui_segs *run = &t->run;
		size_t ra = ui_segs_find(run, a, cur->run); /* runs from a on */
		size_t at = ra;
		int64_t ran = ticks_in(m, run, lo, hi, &at);
		cur->run = at;
		if (ran > 0) {
			out->kind = UI_CELL_RUN;
			out->thread = thread;
			out->start = ra < run->n && run->v[ra].start < hi;
		} else {
			/* the most of ready, I/O and other waits; ties in
			 * that order */
			int64_t io = ticks_in(m, &t->io, lo, hi, &cur->io);
			int64_t wait = ticks_in(m, &t->wait, lo, hi, &cur->wait);
			int64_t ready = hi - lo - io - wait;
			out->kind = ready >= io && ready >= wait ? UI_CELL_READY
				  : io >= wait ? UI_CELL_IO : UI_CELL_BLOCKED;
		}
	}
	set_glyph(m, out);
}

/* The CPU row shows whoever held the CPU longest within the column (the
 * earliest on a tie).  A crowded column of a zoomed-out timeline is judged
 * by its first CPU_LOOK segments, so no column costs more than that. */
#define CPU_LOOK 32

void ui_model_cpu_cell(const ui_model *m, const ui_window *w, int col,
                       ui_cell *out, ui_cursor *cur)
{
	int64_t a = w->t0 + col * w->zoom, b = a + w->zoom;
	int64_t hi = b < m->now ? b : m->now;
	struct holder { int who; int64_t ticks; bool start; } seen[CPU_LOOK + 1];
	int nseen = 0;
	int64_t covered = 0, reach;

	cell_clear(out, UI_CELL_NONE);
	if (a >= hi) {
		set_glyph(m, out);
		return;
	}
	const ui_segs *s = &m->cpu;
	size_t i = ui_segs_find(s, a, cur ? cur->cpu : 0);
	if (cur)
		cur->cpu = i;
	if (i > 0)
		i--; /* the segment before may reach into the column */
	reach = hi;
	for (int looked = 0; i < s->n && s->v[i].start < hi; i++, looked++) {
		const ui_seg *g = &s->v[i];
		int64_t end = g->end == UI_OPEN ? m->now : g->end;
		int64_t from = g->start > a ? g->start : a;
		int64_t to = end < hi ? end : hi;
		if (looked == CPU_LOOK) {
			reach = from;
			break;
		}
		if (to <= from)
			continue;
		int k = 0;
		while (k < nseen && seen[k].who != g->who)
			k++;
		if (k == nseen)
			seen[nseen++] = (struct holder){ g->who, 0, false };
		seen[k].ticks += to - from;
		seen[k].start |= g->start >= a;
		covered += to - from;
	}
	if (covered < reach - a) { /* nobody held it: idle */
		int k = 0;
		while (k < nseen && seen[k].who != UI_WHO_IDLE)
			k++;
		if (k == nseen)
			seen[nseen++] = (struct holder){ UI_WHO_IDLE, 0, false };
		seen[k].ticks += reach - a - covered;
	}
	int best = 0;
	for (int k = 1; k < nseen; k++)
		if (seen[k].ticks > seen[best].ticks)
			best = k;
	if (seen[best].who >= 0) {
		out->kind = UI_CELL_RUN;
		out->thread = seen[best].who;
		out->start = seen[best].start;
	} else {
		out->kind = seen[best].who == UI_WHO_SWITCH ? UI_CELL_SWITCH
		                                            : UI_CELL_IDLE;
	}
	set_glyph(m, out);
}

/* ---- axis ----------------------------------------------------------------- */

void ui_model_axis(const ui_window *w, char *buf)
{
	int64_t step = 10; /* columns between labels */

	memset(buf, ' ', (size_t)w->cols);
	buf[w->cols] = '\0';
	while (num_digits(w->t0 + (int64_t)w->cols * w->zoom) + 1 > step)
		step *= 2;
	int64_t every = step * w->zoom;
	for (int c = 0; c < w->cols; c++) {
		int64_t t = w->t0 + c * w->zoom;
		if (t % every)
			continue;
		char label[24];
		int n = snprintf(label, sizeof label, "%lld", (long long)t);
		if (c + n > w->cols)
			break;
		memcpy(buf + c, label, (size_t)n);
	}
}
