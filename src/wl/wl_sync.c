/* wl_sync.c: what a workload's lock, unlock, wait, post and join steps
 * name, settled once the whole file is read: "#:" lines and threads may
 * come in any order.  Each thread's script runs straight through, so its
 * use of its own mutexes is checked here, before anything runs: a mistake
 * a teacher makes in a file is a FILE:LINE:COL error, not a puzzle at run
 * time. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/num.h"
#include "wl_names.h"
#include "wl_step.h"

int wl_sem_decl(const char *word, char *name, int64_t *count)
{
	const char *eq = strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : 0;
	uint64_t v;
	num_err e;

	if (!eq || !len || len > WL_NAME_MAX || strcspn(word, ",: \t") < len)
		return -1;
	e = num_u64(eq + 1, strlen(eq + 1), 0, (uint64_t)WL_TICKS_MAX, &v);
	if (e != NUM_OK)
		return e == NUM_RANGE ? -2 : -1; /* too large, but a count */
	memcpy(name, word, len);
	name[len] = '\0';
	*count = (int64_t)v;
	return 0;
}

/* One resolution: the objects by name as they come into being. */
typedef struct resolver {
	const wl_ctx *c;
	workload *wl;
	const hash_table *threads;	/* every thread, by name */
	hash_table objs;
	size_t cap_objs;
} resolver;

static int find_obj(const resolver *r, const char *name)
{
	size_t i = wl_names_obj(&r->objs, r->wl, name);

	return i == HASH_NONE ? -1 : (int)i;
}

static int add_obj(resolver *r, const char *name, wl_obj_kind kind,
                   int64_t count, int line, int col)
{
	workload *wl = r->wl;
	wl_obj *v = wl->objs;

	if (wl->nobjs == r->cap_objs) {
		size_t cap = r->cap_objs ? 2 * r->cap_objs : 16;

		if (!(v = realloc(wl->objs, cap * sizeof *v)))
			return wl_nomem(r->c);
		wl->objs = v;
		r->cap_objs = cap;
	}
	v = &v[wl->nobjs];
	if (!(v->name = strdup(name)))
		return wl_nomem(r->c);
	v->kind = kind;
	v->count = count;
	v->line = line;
	v->col = col;
	/* Counted first, so its name is freed whatever happens next. */
	wl->nobjs++;
	if (wl_names_add_obj(&r->objs, wl, wl->nobjs - 1) < 0)
		return wl_nomem(r->c);
	return (int)wl->nobjs - 1;
}

/* "#: --sem S=2" and "#: --sem=S=2": the option parser reads the same
 * words for the counts; the names are needed here first. */
static int declarations(resolver *r)
{
	static const char sem_eq[] = "--sem=";
	const workload *wl = r->wl;

	for (size_t i = 0; i < wl->nargs; i++) {
		const wl_arg *a = &wl->args[i];
		char name[WL_NAME_MAX + 1];
		int64_t count;
		int off = 0, prev;

		if (!strncmp(a->text, sem_eq, sizeof sem_eq - 1)) {
			off = (int)sizeof sem_eq - 1;
		} else if (!strcmp(a->text, "--sem") && i + 1 < wl->nargs) {
			a = &wl->args[++i];
		} else {
			continue;
		}
		int rc = wl_sem_decl(a->text + off, name, &count);
		if (rc == -2)
			return wl_error(r->c, a->line, a->col + off, "invalid value '%s' for --sem: "
			                WL_SEM_COUNT_HELP, a->text + off, WL_TICKS_MAX);
		if (rc < 0)
			return wl_error(r->c, a->line, a->col + off,
			                "invalid value '%s' for --sem: " WL_SEM_DECL_HELP,
			                a->text + off);
		if ((prev = find_obj(r, name)) >= 0)
			return wl_error(r->c, a->line, a->col + off,
			                "semaphore '%s' declared twice (first at line %d)",
			                name, wl->objs[prev].line);
		if (add_obj(r, name, WL_OBJ_SEM, count, a->line, a->col + off) < 0)
			return -1;
	}
	return 0;
}

static const char *const kind_name[] = { "mutex", "semaphore" };

/* A lock or wait step's object: mutexes come into being by use,
 * semaphores must be declared. */
static int resolve_obj(resolver *r, wl_step *st)
{
	const workload *wl = r->wl;
	wl_obj_kind want = wl_step_takes(st->kind) == WL_ARG_MUTEX ? WL_OBJ_MUTEX
	                                                           : WL_OBJ_SEM;
	int i = find_obj(r, st->name);
	int col = wl_step_arg_col(st);

	if (i < 0 && want == WL_OBJ_SEM)
		return wl_error(r->c, st->line, col, "undeclared semaphore '%s' (declare it "
		                "with a line '#: --sem %s=COUNT')", st->name, st->name);
	if (i < 0)
		i = add_obj(r, st->name, WL_OBJ_MUTEX, 0, st->line, col);
	if (i < 0)
		return -1;
	if (wl->objs[i].kind != want)
		return wl_error(r->c, st->line, col, "'%s' is a %s (line %d), not a %s: "
		                "%s", st->name, kind_name[wl->objs[i].kind],
		                wl->objs[i].line, kind_name[want], want == WL_OBJ_MUTEX ?
		                "use wait and post" : "use lock and unlock");
	st->n = i;
	return 0;
}

static int resolve_join(const resolver *r, size_t self, wl_step *st)
{
	size_t i = wl_names_thread(r->threads, r->wl, st->name);
	int col = wl_step_arg_col(st);

	if (i == HASH_NONE)
		return wl_error(r->c, st->line, col, "join of unknown thread '%s'",
		                st->name);
	if (i == self)
		return wl_error(r->c, st->line, col, "thread '%s' cannot join itself",
		                st->name);
	st->n = (int64_t)i;
	return 0;
}

/* The thread's script in order: it holds what it has locked and not yet
 * unlocked.  held[k] is the lock step holding object k, or NULL; all are
 * NULL again when the thread passes, so one array serves every thread
 * without being cleared (a clearing per thread would cost threads times
 * objects). */
static int check_locks(const wl_ctx *c, const wl_thread *t, const wl_step **held)
{
	const wl_step *first = NULL;

	for (size_t k = 0; k < t->nsteps; k++) {
		const wl_step *st = &t->steps[k];
		int col = wl_step_arg_col(st);

		if (st->kind == WL_STEP_LOCK) {
			if (held[st->n])
				return wl_error(c, st->line, col, "thread '%s' locks mutex '%s' "
				                "again (it holds it since column %d): it would "
				                "wait for itself forever", t->name, st->name,
				                held[st->n]->col);
			held[st->n] = st;
		} else if (st->kind == WL_STEP_UNLOCK) {
			if (!held[st->n])
				return wl_error(c, st->line, col, "thread '%s' unlocks mutex "
				                "'%s', which it does not hold", t->name, st->name);
			held[st->n] = NULL;
		}
	}
	/* Of the mutexes still held, the first in the workload's order. */
	for (size_t k = 0; k < t->nsteps; k++) {
		const wl_step *st = &t->steps[k];

		if (st->kind == WL_STEP_LOCK && held[st->n] == st &&
		    (!first || st->n < first->n))
			first = st;
	}
	if (first)
		return wl_error(c, first->line, wl_step_arg_col(first), "thread '%s' "
		                "never unlocks mutex '%s'", t->name, first->name);
	return 0;
}

int wl_sync_resolve(const wl_ctx *c, workload *wl, const hash_table *threads)
{
	resolver r = { .c = c, .wl = wl, .threads = threads };
	int rc = declarations(&r);

	for (size_t i = 0; i < wl->nthreads && rc == 0; i++) {
		wl_thread *t = &wl->threads[i];

		for (size_t k = 0; k < t->nsteps && rc == 0; k++) {
			wl_step *st = &t->steps[k];

			switch (wl_step_takes(st->kind)) {
			case WL_ARG_MUTEX:
			case WL_ARG_SEM:
				rc = resolve_obj(&r, st);
				break;
			case WL_ARG_THREAD:
				rc = resolve_join(&r, i, st);
				break;
			case WL_ARG_TICKS:
				break;
			}
		}
	}
	if (rc == 0 && wl->nobjs) {
		const wl_step **held = calloc(wl->nobjs, sizeof *held);

		if (!held)
			rc = wl_nomem(c);
		for (size_t i = 0; i < wl->nthreads && rc == 0; i++)
			rc = check_locks(c, &wl->threads[i], held);
		free(held);
	}
	hash_free(&r.objs);
	return rc < 0 ? -1 : 0;
}
