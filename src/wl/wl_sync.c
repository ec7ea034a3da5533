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

static int find_obj(const workload *wl, const char *name)
{
	for (size_t i = 0; i < wl->nobjs; i++)
		if (!strcmp(wl->objs[i].name, name))
			return (int)i;
	return -1;
}

static int add_obj(const wl_ctx *c, workload *wl, const char *name, wl_obj_kind kind,
                   int64_t count, int line, int col)
{
	wl_obj *v = realloc(wl->objs, (wl->nobjs + 1) * sizeof *v);

	if (!v)
		return wl_nomem(c);
	wl->objs = v;
	v = &v[wl->nobjs];
	if (!(v->name = strdup(name)))
		return wl_nomem(c);
	v->kind = kind;
	v->count = count;
	v->line = line;
	v->col = col;
	return (int)wl->nobjs++;
}

/* "#: --sem S=2" and "#: --sem=S=2": the option parser reads the same
 * words for the counts; the names are needed here first. */
static int declarations(const wl_ctx *c, workload *wl)
{
	for (size_t i = 0; i < wl->nargs; i++) {
		const wl_arg *a = &wl->args[i];
		char name[WL_NAME_MAX + 1];
		int64_t count;
		int off = 0, prev;

		if (!strncmp(a->text, "--sem=", 6)) {
			off = 6;
		} else if (!strcmp(a->text, "--sem") && i + 1 < wl->nargs) {
			a = &wl->args[++i];
		} else {
			continue;
		}
		int rc = wl_sem_decl(a->text + off, name, &count);
		if (rc == -2)
			return wl_error(c, a->line, a->col + off, "invalid value '%s' for --sem: "
			                WL_SEM_COUNT_HELP, a->text + off, WL_TICKS_MAX);
		if (rc < 0)
			return wl_error(c, a->line, a->col + off,
			                "invalid value '%s' for --sem: " WL_SEM_DECL_HELP,
			                a->text + off);
		if ((prev = find_obj(wl, name)) >= 0)
			return wl_error(c, a->line, a->col + off,
			                "semaphore '%s' declared twice (first at line %d)",
			                name, wl->objs[prev].line);
		if (add_obj(c, wl, name, WL_OBJ_SEM, count, a->line, a->col + off) < 0)
			return -1;
	}
	return 0;
}

static const char *const kind_name[] = { "mutex", "semaphore" };

/* A lock or wait step's object: mutexes come into being by use,
 * semaphores must be declared. */
static int resolve_obj(const wl_ctx *c, workload *wl, wl_step *st)
{
	wl_obj_kind want = st->kind <= WL_STEP_UNLOCK ? WL_OBJ_MUTEX : WL_OBJ_SEM;
	int i = find_obj(wl, st->name);
	int col = st->col + (int)strlen(wl_step_name(st->kind)) + 1;

	if (i < 0 && want == WL_OBJ_SEM)
		return wl_error(c, st->line, col, "undeclared semaphore '%s' (declare it "
		                "with a line '#: --sem %s=COUNT')", st->name, st->name);
	if (i < 0)
		i = add_obj(c, wl, st->name, WL_OBJ_MUTEX, 0, st->line, col);
	if (i < 0)
		return -1;
	if (wl->objs[i].kind != want)
		return wl_error(c, st->line, col, "'%s' is a %s (line %d), not a %s: "
		                "%s", st->name, kind_name[wl->objs[i].kind],
		                wl->objs[i].line, kind_name[want], want == WL_OBJ_MUTEX ?
		                "use wait and post" : "use lock and unlock");
	st->n = i;
	return 0;
}

static int resolve_join(const wl_ctx *c, const workload *wl, size_t self, wl_step *st)
{
	int col = st->col + 5;

	for (size_t i = 0; i < wl->nthreads; i++) {
		if (strcmp(wl->threads[i].name, st->name))
			continue;
		if (i == self)
			return wl_error(c, st->line, col, "thread '%s' cannot join itself",
			                st->name);
		st->n = (int64_t)i;
		return 0;
	}
	return wl_error(c, st->line, col, "join of unknown thread '%s'", st->name);
}

/* The thread's script in order: it holds what it has locked and not yet
 * unlocked.  held[k] is the lock step holding object k, or NULL. */
static int check_locks(const wl_ctx *c, const workload *wl, const wl_thread *t,
                       const wl_step **held)
{
	for (size_t k = 0; k < t->nsteps; k++) {
		const wl_step *st = &t->steps[k];
		int col = st->col + (int)strlen(wl_step_name(st->kind)) + 1;

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
	for (size_t i = 0; i < wl->nobjs; i++)
		if (held[i])
			return wl_error(c, held[i]->line, held[i]->col + 5, "thread '%s' "
			                "never unlocks mutex '%s'", t->name, held[i]->name);
	return 0;
}

int wl_sync_resolve(const wl_ctx *c, workload *wl)
{
	const wl_step **held;
	int rc = 0;

	if (declarations(c, wl) < 0)
		return -1;
	for (size_t i = 0; i < wl->nthreads; i++) {
		wl_thread *t = &wl->threads[i];

		for (size_t k = 0; k < t->nsteps; k++) {
			wl_step *st = &t->steps[k];

			if (st->kind >= WL_STEP_LOCK && st->kind <= WL_STEP_POST)
				rc = resolve_obj(c, wl, st);
			else if (st->kind == WL_STEP_JOIN)
				rc = resolve_join(c, wl, i, st);
			if (rc < 0)
				return -1;
		}
	}
	if (!wl->nobjs)
		return 0;
	if (!(held = malloc(wl->nobjs * sizeof *held)))
		return wl_nomem(c);
	for (size_t i = 0; i < wl->nthreads && rc == 0; i++) {
		memset(held, 0, wl->nobjs * sizeof *held);
		rc = check_locks(c, wl, &wl->threads[i], held);
	}
	free(held);
	return rc;
}
