/* export_csv.c: the slices as CSV (RFC 4180), one per line in the order
 * they end.  The CPU's idle stretches have no thread; a switch names the
 * thread it brings in. */
#include <config.h>

#include <string.h>

#include "export_int.h"
#include "report/report.h"

/* Quoted only when it must be: a comma, a quote, a line break, or spaces
 * at either end that a spreadsheet would trim.  Control bytes are written
 * as "\xHH" (report_safe): a CSV is read on terminals too. */
static void field(export *x, const char *s)
{
	FILE *out = x->out;

	if (!(s = report_safe(s, &x->safe, &x->safe_cap))) {
		x->oom = true;
		return;
	}
	size_t n = strlen(s);

	if (!s[strcspn(s, ",\"\r\n")] && (!n || (s[0] != ' ' && s[n - 1] != ' '))) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

static void begin(export *x, const trace_in_info *info)
{
	(void)info;
	fputs("start,end,thread,tid,state,reason\n", x->out);
}

static void slice(export *x, const export_slice *s)
{
	FILE *out = x->out;
	int who = s->to >= 0 ? s->to : s->thread;

	report_json_int(out, s->start);
	putc(',', out);
	report_json_int(out, s->end);
	putc(',', out);
	if (who >= 0)
		field(x, x->t[who].name);
	putc(',', out);
	if (who >= 0 && x->t[who].tid >= 0)
		fprintf(out, "%d", x->t[who].tid);
	putc(',', out);
	fputs(s->state, out);
	putc(',', out);
	field(x, s->reason);
	putc('\n', out);
}

static void end(export *x)
{
	(void)x;
}

const export_writer export_csv = { begin, slice, end };
