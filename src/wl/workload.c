/* workload.c: a workload's text, line by line.  This file walks the lines
 * and owns the result; wl_column.c reads header and thread lines,
 * wl_step.c the bursts, wl_lex.c fields and numbers. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workload.h"
#include "wl_column.h"
#include "wl_lex.h"
#include "wl_names.h"
#include "wl_step.h"
#include "lib/grow.h"

/* A line of WL_LINE_MAX bytes holds at most this many blank-separated
 * fields. */
#define MAX_FIELDS (WL_LINE_MAX / 2 + 1)

typedef struct parser {
	wl_ctx c;
	workload *wl;
	wl_field *f;
	wl_header h;
	int have_header;
	hash_table names;	/* the threads so far, by name */
	size_t cap_threads, cap_args;
} parser;

/* Text files only: a control byte is binary data or a corrupt file, and
 * would garble messages and reports.  Tab separates fields; a CR before
 * the newline has already been cut. */
static int check_bytes(const parser *p, int line, const char *s, size_t n)
{
	size_t lim = n < WL_LINE_MAX ? n : WL_LINE_MAX;

	for (size_t i = 0; i < lim; i++) {
		unsigned char ch = (unsigned char)s[i];

		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			return wl_error(&p->c, line, (int)i + 1,
			                "control byte 0x%02x (is this a binary file?)",
			                ch);
	}
	if (n > WL_LINE_MAX)
		return wl_error(&p->c, line, WL_LINE_MAX + 1,
		                "line longer than %d bytes", WL_LINE_MAX);
	return 0;
}

/* "#: --policy rr --quantum 4": words for the command line to parse. */
static int add_args(parser *p, int line, const char *s, size_t n, int col0)
{
	workload *wl = p->wl;
	size_t nf = wl_split(s, n, p->f, MAX_FIELDS);

	for (size_t i = 0; i < nf; i++) {
		if (grow_room(&wl->args, &p->cap_args, wl->nargs, sizeof *wl->args) < 0)
			return wl_nomem(&p->c);

		wl_arg *a = &wl->args[wl->nargs];

		a->text = strndup(p->f[i].s, p->f[i].len);
		if (!a->text)
			return wl_nomem(&p->c);
		a->line = line;
		a->col = col0 + p->f[i].col;
		wl->nargs++;
	}
	return 0;
}

static int add_thread(parser *p, int line, size_t nf)
{
	workload *wl = p->wl;
	int name_col = 0;

	if (grow_room(&wl->threads, &p->cap_threads, wl->nthreads, sizeof *wl->threads) < 0)
		return wl_nomem(&p->c);

	wl_thread *t = &wl->threads[wl->nthreads];

	memset(t, 0, sizeof(*t));
	/* Counted before parsing, so a half-built thread is freed too. */
	wl->nthreads++;
	if (wl_row_parse(&p->c, &p->h, line, p->f, nf, t, &name_col) < 0)
		return -1;

	size_t first = wl_names_thread(&p->names, wl, t->name);

	if (first != HASH_NONE)
		return wl_error(&p->c, line, name_col,
		                "duplicate thread name '%s' (first at line %d)",
		                t->name, wl->threads[first].line);
	if (wl_names_add_thread(&p->names, wl, wl->nthreads - 1) < 0)
		return wl_nomem(&p->c);
	return 0;
}

static int parse_line(parser *p, int line, const char *s, size_t n)
{
	size_t i = 0;

	if (check_bytes(p, line, s, n) < 0)
		return -1;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (n - i >= 2 && s[i] == '#' && s[i + 1] == ':') {
		const char *rest = s + i + 2;
		const char *hash = memchr(rest, '#', n - i - 2);
		size_t len = hash ? (size_t)(hash - rest) : n - i - 2;

		return add_args(p, line, rest, len, (int)i + 2);
	}

	const char *hash = memchr(s, '#', n);

	if (hash)
		n = (size_t)(hash - s);
	size_t nf = wl_split(s, n, p->f, MAX_FIELDS);

	if (nf == 0)
		return 0;
	if (!p->have_header) {
		p->have_header = 1;
		return wl_header_parse(&p->c, line, p->f, nf, &p->h);
	}
	return add_thread(p, line, nf);
}

/* Where an editor's cursor stands after the last byte. */
static void end_of_file(const char *text, size_t len, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
	}
}

static int parse_text(parser *p, const char *text, size_t len)
{
	size_t pos = 0;
	int line = 0, eline, ecol;

	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		pos += n + (nl != NULL);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (parse_line(p, ++line, s, n) < 0)
			return -1;
	}
	if (p->have_header && p->wl->nthreads > 0)
		return wl_sync_resolve(&p->c, p->wl, &p->names);
	end_of_file(text, len, &eline, &ecol);
	if (!p->have_header)
		return wl_error(&p->c, eline, ecol,
		                "empty workload: no header and no threads");
	return wl_error(&p->c, eline, ecol,
	                "empty workload: no threads after the header at line %d",
	                p->h.line);
}

int wl_parse(workload *wl, const char *name, const char *text, size_t len,
             char *err, size_t errlen)
{
	parser p = { .c = { name, err, errlen }, .wl = wl };
	int rc = -1;

	memset(wl, 0, sizeof(*wl));
	if (err && errlen)
		err[0] = '\0';
	if (len > WL_FILE_MAX) {
		if (err && errlen)
			snprintf(err, errlen, "%s: larger than %zu bytes", name,
			         WL_FILE_MAX);
		return -1;
	}
	wl->path = strdup(name);
	wl->source = malloc(len + 1);
	p.f = malloc(MAX_FIELDS * sizeof(*p.f));
	if (!wl->path || !wl->source || !p.f) {
		wl_nomem(&p.c);
		goto out;
	}
	memcpy(wl->source, text, len);
	wl->source[len] = '\0';
	wl->source_len = len;
	/* A UTF-8 byte-order mark, which some editors put first, is no part
	 * of the header's first column name (the source keeps it). */
	size_t bom = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0;
	rc = parse_text(&p, text + bom, len - bom);
out:
	free(p.f);
	hash_free(&p.names);
	if (rc < 0)
		wl_free(wl);
	return rc;
}

void wl_free(workload *wl)
{
	for (size_t i = 0; i < wl->nthreads; i++) {
		for (size_t k = 0; k < wl->threads[i].nsteps; k++)
			free(wl->threads[i].steps[k].name);
		free(wl->threads[i].name);
		free(wl->threads[i].steps);
	}
	for (size_t i = 0; i < wl->nobjs; i++)
		free(wl->objs[i].name);
	free(wl->objs);
	for (size_t i = 0; i < wl->nargs; i++)
		free(wl->args[i].text);
	free(wl->threads);
	free(wl->args);
	free(wl->path);
	free(wl->source);
	memset(wl, 0, sizeof(*wl));
}

static int64_t total(const wl_thread *t, wl_step_kind k)
{
	int64_t sum = 0;

	for (size_t i = 0; i < t->nsteps; i++)
		if (t->steps[i].kind == k)
			sum += t->steps[i].n;
	return sum;
}

int64_t wl_cpu_total(const wl_thread *t)
{
	return total(t, WL_STEP_CPU);
}

int64_t wl_io_total(const wl_thread *t)
{
	return total(t, WL_STEP_IO);
}
