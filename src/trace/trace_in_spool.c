/* trace_in_spool.c: a trace of either kind, checked whole and kept as
 * compact records in an unlinked temporary file, so that a viewer can
 * play it again from the start as often as it seeks back, in the memory
 * of its thread table.  The file's bytes: per event, a fixed record and
 * the reason's bytes. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/tmpf.h"
#include "trace_in.h"

typedef struct record {
	int64_t time, arg;
	int32_t thread;
	uint16_t kind;
	uint16_t reason_len;      /* reasons are cut at 65535 bytes */
} record;

struct trace_in_spool {
	FILE *f;
	bool failed;              /* a write failed or memory ran out */
	int err;
	/* The header, copied out of the player's. */
	trace_in_info info;
	sim_options opt;
	trace_in_task *threads;
	sim_sem_init *sems;
	char *end;                /* the end event's reason, NULL before it */
	char *reason;             /* the last event's, for next() */
	size_t reason_cap;
};

static char *dup_or_fail(trace_in_spool *sp, const char *s)
{
	char *d = s ? strdup(s) : NULL;

	if (s && !d)
		sp->failed = true;
	return d;
}

static int start(void *ctx, const trace_in_info *info)
{
	trace_in_spool *sp = ctx;

	sp->info = *info;
	sp->info.trace = NULL;  /* gone once the play ends */
	sp->info.path = dup_or_fail(sp, info->path);
	sp->info.policy = dup_or_fail(sp, info->policy);
	sp->info.form = dup_or_fail(sp, info->form);
	sp->opt = *info->opt;
	sp->opt.policy = sp->info.policy;
	sp->info.opt = &sp->opt;
	if (sp->opt.nsems) {
		if (!(sp->sems = calloc(sp->opt.nsems, sizeof *sp->sems)))
			return -1;
		for (size_t i = 0; i < sp->opt.nsems; i++) {
			sp->sems[i] = info->opt->sems[i];
			sp->sems[i].name = dup_or_fail(sp, info->opt->sems[i].name);
		}
		sp->opt.sems = sp->sems;
	}
	sp->threads = calloc(info->nthreads ? info->nthreads : 1, sizeof *sp->threads);
	if (!sp->threads)
		return -1;
	for (size_t i = 0; i < info->nthreads; i++) {
		sp->threads[i] = info->threads[i];
		sp->threads[i].name = dup_or_fail(sp, info->threads[i].name);
	}
	sp->info.threads = sp->threads;
	return sp->failed ? -1 : 0;
}

static void event(void *ctx, const sim_event *ev)
{
	trace_in_spool *sp = ctx;
	size_t len = strlen(ev->reason);
	record r = { ev->time, ev->arg, ev->thread, (uint16_t)ev->kind,
	             (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len) };

	if (sp->failed)
		return;
	if (ev->kind == SIM_EV_END && !sp->end && !(sp->end = strdup(ev->reason)))
		sp->failed = true;
	if (fwrite(&r, sizeof r, 1, sp->f) != 1 ||
	    fwrite(ev->reason, 1, r.reason_len, sp->f) != r.reason_len) {
		sp->failed = true;
		sp->err = errno ? errno : EIO;
	}
}

trace_in_spool *trace_in_spool_new(const char *path, int cpu, trace_in_result *res,
                                   char *err, size_t errlen)
{
	trace_in_spool *sp = calloc(1, sizeof *sp);
	trace_in_player p = { start, event, sp };

	memset(res, 0, sizeof *res);
	if (!sp || !(sp->f = tmpf_open("replay"))) {
		res->io_error = true;
		snprintf(err, errlen, "cannot spool the trace in %s: %s", tmpf_dir(),
		         strerror(sp ? errno : ENOMEM));
		free(sp);
		return NULL;
	}
	if (trace_in_play(path, cpu, &p, res, err, errlen) < 0) {
		trace_in_spool_free(sp);
		return NULL;
	}
	if (sp->failed || fflush(sp->f) == EOF) {
		res->io_error = true;
		snprintf(err, errlen, "cannot spool the trace: %s",
		         strerror(sp->err ? sp->err : errno ? errno : ENOMEM));
		trace_in_spool_free(sp);
		return NULL;
	}
	rewind(sp->f);
	return sp;
}

const trace_in_info *trace_in_spool_info(const trace_in_spool *sp)
{
	return &sp->info;
}

const char *trace_in_spool_end(const trace_in_spool *sp)
{
	return sp->end;
}

int trace_in_spool_rewind(trace_in_spool *sp, char *err, size_t errlen)
{
	if (fseeko(sp->f, 0, SEEK_SET) < 0) {
		snprintf(err, errlen, "cannot read the spooled trace: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int trace_in_spool_next(trace_in_spool *sp, sim_event *ev, char *err, size_t errlen)
{
	record r;

	if (fread(&r, sizeof r, 1, sp->f) != 1) {
		if (ferror(sp->f)) {
			snprintf(err, errlen, "cannot read the spooled trace: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((size_t)r.reason_len + 1 > sp->reason_cap) {
		char *p = realloc(sp->reason, (size_t)r.reason_len + 1);

		if (!p) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		sp->reason = p;
		sp->reason_cap = (size_t)r.reason_len + 1;
	}
	if (fread(sp->reason, 1, r.reason_len, sp->f) != r.reason_len) {
		snprintf(err, errlen, "cannot read the spooled trace: %s",
		         ferror(sp->f) ? strerror(errno) : "it is shorter than written");
		return -1;
	}
	sp->reason[r.reason_len] = '\0';
	*ev = (sim_event){ r.time, (sim_ev_kind)r.kind, r.thread, r.arg, sp->reason };
	return 1;
}

void trace_in_spool_free(trace_in_spool *sp)
{
	if (!sp)
		return;
	if (sp->f)
		fclose(sp->f);
	free((char *)sp->info.path);
	free((char *)sp->info.policy);
	free((char *)sp->info.form);
	for (size_t i = 0; sp->threads && i < sp->info.nthreads; i++)
		free((char *)sp->threads[i].name);
	free(sp->threads);
	for (size_t i = 0; sp->sems && i < sp->opt.nsems; i++)
		free((char *)sp->sems[i].name);
	free(sp->sems);
	free(sp->reason);
	free(sp->end);
	free(sp);
}
