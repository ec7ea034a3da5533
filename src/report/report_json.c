/* report_json.c: the report as one JSON object, keys in a fixed order. */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one
 * (overlong forms, surrogates and values above U+10FFFF included). */
static size_t utf8_len(const unsigned char *s)
{
	size_t n;
	uint32_t c;

	if (s[0] < 0x80)
		return 1;
	else if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return n;
}

/* A JSON string: escapes what JSON requires, and invalid UTF-8 becomes
 * U+FFFD so the output always parses. */
static void json_str(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	putc('"', out);
	while (*s) {
		size_t n = utf8_len(s);

		if (*s == '"' || *s == '\\') {
			fprintf(out, "\\%c", *s);
		} else if (*s == '\n') {
			fputs("\\n", out);
		} else if (*s == '\t') {
			fputs("\\t", out);
		} else if (*s < 0x20 || *s == 0x7f) {
			fprintf(out, "\\u%04x", *s);
		} else if (n == 0) {
			fputs("\\ufffd", out);
			n = 1;
		} else {
			fwrite(s, 1, n, out);
		}
		s += n ? n : 1;
	}
	putc('"', out);
}

static void json_int_or_null(FILE *out, const char *key, bool known, int64_t v)
{
	if (known)
		fprintf(out, ", \"%s\": %" PRId64, key, v);
	else
		fprintf(out, ", \"%s\": null", key);
}

/* "quantum": 4, "priority_order": "low-first", "levels": [2, 4]: the
 * option's name with '_' for '-', its value in JSON's own kind. */
static void json_opt(FILE *out, const opt_def *d, const opt_val *v, const char *sep)
{
	char text[OPT_INTS_MAX * 24];

	fprintf(out, "%s\"", sep);
	for (const char *c = d->name; *c; c++)
		putc(*c == '-' ? '_' : *c, out);
	opt_text(d, v, text, sizeof text);
	if (d->kind == OPT_WORD)
		fprintf(out, "\": \"%s\"", text);
	else if (d->kind == OPT_INTS)
		fprintf(out, "\": [%s]", text);
	else
		fprintf(out, "\": %s", text);
}

static void json_options(const report *r, FILE *out)
{
	size_t n;
	const opt_def *defs = sim_options_defs(&r->opt, &n);
	const char *sep = "";
	opt_val tmp, v;

	fputs(" \"options\": {", out);
	for (size_t i = 0; i < n; i++) {
		json_opt(out, &defs[i], opt_get(&r->opt.pol, defs, i, &tmp), sep);
		sep = ", ";
	}
	for (size_t i = 0; i < SIM_NOPTS; i++) {
		if (!sim_engine_recorded(&r->opt, i, &v))
			continue;
		json_opt(out, &sim_engine_opts[i], &v, sep);
		sep = ", ";
	}
	fputs("},\n", out);
}

static void json_threads(const report *r, FILE *out)
{
	fputs(" \"threads\": [", out);
	for (size_t i = 0; i < r->n; i++) {
		const report_thr *t = &r->t[i];
		report_fig f;
		bool done = report_figures(r, i, &f);

		int64_t waiting;
		bool known = report_waiting(r, i, &waiting);

		fputs(i ? ",\n  {\"name\": " : "\n  {\"name\": ", out);
		json_str(out, t->name);
		if (t->measured)
			fprintf(out, ", \"tid\": %d", t->m.tid);
		fprintf(out, ", \"arrival\": %" PRId64 ", \"cpu\": %" PRId64
		        ", \"io\": %" PRId64, t->arrival, t->cpu, t->io);
		if (r->any_blocked)
			fprintf(out, ", \"blocked\": %" PRId64, t->blocked);
		json_int_or_null(out, "finish", done, t->finish);
		json_int_or_null(out, "turnaround", done, f.turnaround);
		json_int_or_null(out, "waiting", known, waiting);
		json_int_or_null(out, "response", t->first >= 0, t->first - t->arrival);
		if (t->measured)
			fprintf(out, ", \"dispatches\": %" PRId64 ", \"preemptions\": %" PRId64
			        ", \"voluntary\": %" PRId64, t->m.dispatches, t->m.preemptions,
			        t->m.voluntary);
		putc('}', out);
	}
	fputs(r->n ? "\n ],\n" : "],\n", out);
}

static void json_averages(const report *r, FILE *out)
{
	report_sums s;
	char ta[32], wa[32], re[32];

	report_sum(r, &s);
	report_decimal(ta, sizeof ta, s.turnaround, s.finished, 2, false);
	report_decimal(wa, sizeof wa, s.waiting, s.finished, 2, false);
	report_decimal(re, sizeof re, s.response, s.finished, 2, false);
	/* Over the threads that finished: null when none did, as a thread's
	 * own unknown figures are. */
	if (!s.finished)
		strcpy(ta, "null"), strcpy(wa, "null"), strcpy(re, "null");
	fprintf(out, " \"averages\": {\"turnaround\": %s, \"waiting\": %s, "
	        "\"response\": %s},\n", ta, wa, re);
}

/* v's digits ending at end; returns where they start.  Timelines have
 * hundreds of thousands of numbers: no printf. */
static char *digits_before(char *end, int64_t v)
{
	/* Two digits a step: half the divisions. */
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324"
		"25262728293031323334353637383940414243444546474849"
		"50515253545556575859606162636465666768697071727374"
		"75767778798081828384858687888990919293949596979899";
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	for (; u >= 100; u /= 100) {
		const char *d = &pairs[2 * (u % 100)];

		*--end = d[1];
		*--end = d[0];
	}
	if (u >= 10) {
		*--end = pairs[2 * u + 1];
		*--end = pairs[2 * u];
	} else {
		*--end = (char)('0' + u);
	}
	if (v < 0)
		*--end = '-';
	return end;
}

static size_t put_i64(char *p, int64_t v)
{
	char tmp[24], *d = digits_before(tmp + sizeof tmp, v);
	size_t n = (size_t)(tmp + sizeof tmp - d);

	memcpy(p, d, n);
	return n;
}

/* Each thread's name as a JSON string, escaped once rather than once per
 * stretch; NULL entries (out of memory) are escaped each time instead. */
static char **quoted_names(const report *r)
{
	char **q = calloc(r->n ? r->n : 1, sizeof *q);

	for (size_t i = 0; q && i < r->n; i++) {
		size_t len;
		FILE *f = open_memstream(&q[i], &len);

		if (!f)
			continue;
		json_str(f, r->t[i].name);
		if (fclose(f) != 0) {
			free(q[i]);
			q[i] = NULL;
		}
	}
	return q;
}

/* The timeline is composed in blocks of this size and written a block at
 * a time: a trace's has hundreds of thousands of stretches, and a write
 * each (or a syscall per stdio buffer of 4 KiB) would cost more than the
 * composing. */
#define TIMELINE_BLOCK (1 << 16)
#define STRETCH_MAX 160   /* one stretch, its name at most 64 bytes */

static void json_timeline(const report *r, FILE *out)
{
	char **names = quoted_names(r);
	char *block = malloc(TIMELINE_BLOCK), small[STRETCH_MAX];
	char *buf = block ? block : small;
	size_t cap = block ? TIMELINE_BLOCK : sizeof small, n = 0;

	fputs(" \"timeline\": [", out);
	for (size_t i = 0; i < r->timeline.n; i++) {
		const report_seg *g = &r->timeline.v[i];
		const char *name = g->thread < 0 ? "null" : names ? names[g->thread] : NULL;
		size_t len = name ? strlen(name) : 0;
		static const char lead[] = ",\n  {\"thread\": ";
		const char *l = i ? lead : lead + 1;

		if (cap - n < STRETCH_MAX) {
			fwrite(buf, 1, n, out);
			n = 0;
		}
		if (!name || len > 64) {
			/* An odd name (or none, out of memory): escaped here. */
			fwrite(buf, 1, n, out);
			n = 0;
			fputs(l, out);
			json_str(out, r->t[g->thread].name);
		} else {
			memcpy(buf + n, l, strlen(l));
			n += strlen(l);
			memcpy(buf + n, name, len);
			n += len;
		}
		memcpy(buf + n, ", \"start\": ", 11);
		n += 11;
		n += put_i64(buf + n, g->start);
		memcpy(buf + n, ", \"end\": ", 9);
		n += 9;
		n += put_i64(buf + n, g->end);
		if (g->sw) {
			memcpy(buf + n, ", \"switch\": true", 16);
			n += 16;
		}
		buf[n++] = '}';
	}
	fwrite(buf, 1, n, out);
	free(block);
	fputs(r->timeline.n ? "\n ]" : "]", out);
	for (size_t i = 0; names && i < r->n; i++)
		free(names[i]);
	free(names);
}

int report_json(report *r, FILE *out)
{
	char util[32];

	if (r->oom)
		return -1;
	fputs("{\"policy\": ", out);
	json_str(out, r->policy);
	fputs(",\n", out);
	if (r->form) {
		fputs(" \"trace\": {\"form\": ", out);
		json_str(out, r->form);
		fprintf(out, ", \"cpu\": %d, \"cpu_chosen\": \"%s\", \"unit\": \"us\"},\n",
		        r->cpu, r->busiest ? "busiest" : "given");
	}
	json_options(r, out);
	json_threads(r, out);
	json_averages(r, out);
	report_decimal(util, sizeof util, (uint64_t)r->busy, (uint64_t)r->end, 4, true);
	fprintf(out, " \"makespan\": %" PRId64 ",\n \"cpu_utilization\": %s,\n"
	        " \"context_switches\": %" PRId64 ",\n", r->end, util, r->switches);
	json_timeline(r, out);
	for (size_t i = 0; i < r->nnotes; i++) {
		fputs(",\n ", out);
		json_str(out, r->notes[i].key);
		fputs(": ", out);
		json_str(out, r->notes[i].value);
	}
	fputs("}\n", out);
	return ferror(out) ? -1 : 0;
}

void report_json_string(FILE *out, const char *s)
{
	json_str(out, s);
}

void report_json_int(FILE *out, int64_t v)
{
	char tmp[24], *d = digits_before(tmp + sizeof tmp, v);

	fwrite(d, 1, (size_t)(tmp + sizeof tmp - d), out);
}
