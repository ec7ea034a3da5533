/* opt.c: reading, writing and naming the values of option tables. */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "num.h"
#include "opt.h"

const opt_def *opt_find(const opt_def *defs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(defs[i].name, name))
			return &defs[i];
	return NULL;
}

void opt_defaults(opt_vals *r, const opt_def *defs, size_t n)
{
	memset(r, 0, sizeof *r);
	r->defs = defs;
	r->n = n < OPT_MAX ? n : OPT_MAX;
	for (size_t i = 0; i < r->n; i++)
		r->v[i].i = defs[i].kind == OPT_INTS ? 0 : defs[i].def;
}

const opt_val *opt_get(const opt_vals *r, const opt_def *defs, size_t i, opt_val *tmp)
{
	if (r && r->defs == defs && i < r->n)
		return &r->v[i];
	memset(tmp, 0, sizeof *tmp);
	tmp->i = defs[i].kind == OPT_INTS ? 0 : defs[i].def;
	return tmp;
}

/* A whole number in [min, max]: digits only, nothing around them. */
static bool whole(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out)
{
	return num_u64(s, len, min, max, out) == NUM_OK;
}

static void expected(const opt_def *d, bool recorded, char *buf, size_t len);

void opt_expected(const opt_def *d, char *buf, size_t len)
{
	expected(d, false, buf, len);
}

/* Recorded, a default below the range ("off") is taken too. */
static void expected(const opt_def *d, bool recorded, char *buf, size_t len)
{
	size_t at = 0;

	switch (d->kind) {
	case OPT_FLAG:
		snprintf(buf, len, "false or true");
		return;
	case OPT_INT:
		snprintf(buf, len, "a whole number from %" PRId64 " to %" PRId64,
		         recorded && d->def >= 0 && d->def < d->min ? d->def : d->min, d->max);
		return;
	case OPT_UINT:
		snprintf(buf, len, "a whole number from 0 to %" PRIu64, UINT64_MAX);
		return;
	case OPT_INTS:
		snprintf(buf, len, "1 to %d whole numbers from %" PRId64 " to %" PRId64
		         ", by commas", OPT_INTS_MAX, d->min, d->max);
		return;
	case OPT_WORD:
		if (len)
			buf[0] = '\0';
		for (size_t i = 0; d->words[i] && at < len; i++) {
			int n = snprintf(buf + at, len - at, "%s%s",
			                 !i ? "" : d->words[i + 1] ? ", " : " or ", d->words[i]);

			if (n < 0)
				break;
			at += (size_t)n;
		}
		return;
	case OPT_NAMED:
		snprintf(buf, len, "NAME=COUNT");
		return;
	}
}

int opt_parse(const opt_def *d, const char *text, bool recorded, opt_val *out,
              char *err, size_t errlen)
{
	uint64_t u;
	uint64_t lo = d->min < 0 ? 0 : (uint64_t)d->min, hi = d->max < 0 ? 0 : (uint64_t)d->max;

	memset(out, 0, sizeof *out);
	switch (d->kind) {
	case OPT_FLAG:
		if (!strcmp(text, "true") || !strcmp(text, "false")) {
			out->i = !strcmp(text, "true");
			return 0;
		}
		break;
	case OPT_INT:
		if (recorded && d->def >= 0 && whole(text, strlen(text), (uint64_t)d->def,
		                                     (uint64_t)d->def, &u)) {
			out->i = d->def;
			return 0;
		}
		if (whole(text, strlen(text), lo, hi, &u)) {
			out->i = (int64_t)u;
			return 0;
		}
		break;
	case OPT_UINT:
		if (whole(text, strlen(text), 0, UINT64_MAX, &u)) {
			out->i = (int64_t)u;
			return 0;
		}
		break;
	case OPT_INTS:
		for (const char *p = text;; ) {
			const char *comma = strchr(p, ',');
			size_t n = comma ? (size_t)(comma - p) : strlen(p);

			if (out->i == OPT_INTS_MAX || !whole(p, n, lo, hi, &u))
				goto bad;
			out->v[out->i++] = (int64_t)u;
			if (!comma)
				return 0;
			p = comma + 1;
		}
	case OPT_WORD:
		for (size_t i = 0; d->words[i]; i++)
			if (!strcmp(text, d->words[i])) {
				out->i = (int64_t)i;
				return 0;
			}
		break;
	case OPT_NAMED:
		break;
	}
bad:
	expected(d, recorded, err, errlen);
	return -1;
}

void opt_text(const opt_def *d, const opt_val *v, char *buf, size_t len)
{
	size_t at = 0;

	switch (d->kind) {
	case OPT_FLAG:
		snprintf(buf, len, "%s", v->i ? "true" : "false");
		return;
	case OPT_INT:
		snprintf(buf, len, "%" PRId64, v->i);
		return;
	case OPT_UINT:
		snprintf(buf, len, "%" PRIu64, (uint64_t)v->i);
		return;
	case OPT_INTS:
		if (len)
			buf[0] = '\0';
		for (int64_t i = 0; i < v->i && at < len; i++) {
			int n = snprintf(buf + at, len - at, "%s%" PRId64, i ? "," : "", v->v[i]);

			if (n < 0)
				break;
			at += (size_t)n;
		}
		return;
	case OPT_WORD:
		snprintf(buf, len, "%s", d->words[v->i]);
		return;
	case OPT_NAMED:
		snprintf(buf, len, "?");
		return;
	}
}

bool opt_on(const opt_def *d, const opt_val *v)
{
	return d->kind != OPT_NAMED && v->i != 0;
}

void opt_append(char *buf, size_t len, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(*at < len ? buf + *at : NULL, *at < len ? len - *at : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		*at += (size_t)n;
}

void opt_shown(const opt_def *d, const opt_val *v, char *buf, size_t len, size_t *at)
{
	char text[OPT_INTS_MAX * 24];

	opt_text(d, v, text, sizeof text);
	if (d->kind == OPT_FLAG)
		opt_append(buf, len, at, "%s", d->shown ? d->shown : d->name);
	else if (d->kind == OPT_WORD)
		opt_append(buf, len, at, "%s", text);
	else
		opt_append(buf, len, at, "%s %s", d->shown ? d->shown : d->name, text);
}

void opt_synopsis(const opt_def *d, bool list_words, char *buf, size_t len)
{
	int n;

	if (d->kind == OPT_FLAG) {
		snprintf(buf, len, "--%s%s", d->def ? "no-" : "", d->name);
		return;
	}
	n = snprintf(buf, len, "--%s ", d->name);
	if (n < 0 || (size_t)n >= len)
		return;
	if (d->kind != OPT_WORD || !list_words) {
		snprintf(buf + n, len - (size_t)n, "%s", d->arg ? d->arg : "X");
		return;
	}
	for (size_t i = 0; d->words[i] && (size_t)n < len; i++) {
		int k = snprintf(buf + n, len - (size_t)n, "%s%s", i ? "|" : "", d->words[i]);

		if (k < 0)
			return;
		n += k;
	}
}
