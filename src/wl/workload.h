/* workload.h: the workload file, parsed.
 *
 * A workload is plain text a teacher writes in a minute:
 *
 *     # Silberschatz, SRTF example
 *     #: --policy srtf
 *     name  arrival  burst      priority
 *     P1    0        8          2
 *     P2    1        4,io:2,3   1
 *
 * '#' starts a comment anywhere on a line.  A line starting with "#:" carries
 * default command-line options, spelled exactly as on the command line; the
 * command line overrides them.  The first other line is the header naming the
 * columns; every later line is one thread.  The format is documented in
 * doc/workload.md and schedsim(1).
 *
 * Every error is reported as "FILE:LINE:COL: message".
 */
#ifndef SCHEDSIM_WORKLOAD_H
#define SCHEDSIM_WORKLOAD_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest tick count or arrival time a file may give: sums of a whole
 * workload stay far from overflow. */
#define WL_TICKS_MAX ((int64_t)1000000000000) /* 10^12 */
#define WL_LINE_MAX 4096                       /* bytes, without the newline */
#define WL_NAME_MAX 32                         /* bytes of a thread name */
#define WL_PRIORITY_MAX 1000000                /* priorities lie in -MAX..MAX */
/* Largest file: bounds the read of an endless input (a pipe, /dev/zero),
 * and keeps the sum of every number a file can hold below INT64_MAX. */
#define WL_FILE_MAX ((size_t)64 << 20)         /* 64 MiB */

typedef enum wl_step_kind {
	WL_STEP_CPU,    /* "N": N ticks on the CPU */
	WL_STEP_IO,     /* "io:N": blocked for N ticks of I/O */
	WL_STEP_LOCK,   /* "lock:M": take mutex M, waiting while another holds it */
	WL_STEP_UNLOCK, /* "unlock:M" */
	WL_STEP_WAIT,   /* "wait:S": semaphore S down, waiting while it is 0 */
	WL_STEP_POST,   /* "post:S": semaphore S up */
	WL_STEP_SLEEP,  /* "sleep:N": blocked for N ticks, not I/O */
	WL_STEP_JOIN,   /* "join:NAME": wait until thread NAME has finished */
	WL_STEP_KINDS
} wl_step_kind;

/* What a step kind's argument, after "KIND:", names. */
typedef enum wl_step_arg {
	WL_ARG_TICKS,
	WL_ARG_MUTEX,
	WL_ARG_SEM,
	WL_ARG_THREAD
} wl_step_arg;

typedef struct wl_step {
	wl_step_kind kind;
	int64_t n;       /* ticks, or the index of the mutex or semaphore in
	                    objs, or of the thread, that the argument names */
	char *name;      /* a named argument as written; NULL for ticks */
	int line, col;   /* where it was written, for run-time messages */
} wl_step;

/* The mutexes and semaphores a workload uses: semaphores as declared by
 * "#: --sem NAME=COUNT" (in order), then mutexes in order of first use. */
typedef enum wl_obj_kind { WL_OBJ_MUTEX, WL_OBJ_SEM } wl_obj_kind;

typedef struct wl_obj {
	char *name;
	wl_obj_kind kind;
	int64_t count;   /* semaphore: its initial count */
	int line, col;   /* its declaration, or a mutex's first use */
} wl_obj;

typedef struct wl_thread {
	char *name;
	int64_t arrival;
	int priority;
	wl_step *steps;
	size_t nsteps;
	int line;        /* line of the file that declared it */
} wl_thread;

/* One word of a "#:" options line. */
typedef struct wl_arg {
	char *text;
	int line, col;
} wl_arg;

typedef struct workload {
	char *path;        /* as shown in messages: the file name, or "<stdin>" */
	char *source;      /* the whole text as read, NUL-terminated */
	size_t source_len;
	wl_thread *threads; /* in file order */
	size_t nthreads;
	wl_arg *args;      /* default options from "#:" lines, in order */
	size_t nargs;
	wl_obj *objs;      /* mutexes and semaphores */
	size_t nobjs;
} workload;

/* Read and parse PATH ("-" for standard input).  0 on success; otherwise -1
 * with a complete "FILE:LINE:COL: message" (or "FILE: message" for a file
 * that cannot be read) in err.  *wl is zeroed first and needs wl_free()
 * only on success. */
int wl_load(workload *wl, const char *path, char *err, size_t errlen);

/* Parse text already in memory; name is used in messages. */
int wl_parse(workload *wl, const char *name, const char *text, size_t len,
             char *err, size_t errlen);

void wl_free(workload *wl);

/* Sum of a thread's CPU steps, and of its I/O steps. */
int64_t wl_cpu_total(const wl_thread *t);
int64_t wl_io_total(const wl_thread *t);

/* The properties of a step kind, each read from the one table of kinds
 * (wl_step.c): its spelling ("cpu", "io", "lock", ...), what its argument
 * names, and whether it is instant: it takes no virtual time, so a burst
 * (what SJF counts) goes on across it. */
const char *wl_step_name(wl_step_kind k);
wl_step_arg wl_step_takes(wl_step_kind k);
bool wl_step_instant(wl_step_kind k);

/* The column of a step's argument, just after its "KIND:". */
int wl_step_arg_col(const wl_step *st);

/* A semaphore declaration's value, "NAME=COUNT" (the argument of --sem):
 * NAME of 1 to WL_NAME_MAX bytes without '=', ',', ':' or blanks, COUNT
 * from 0 to WL_TICKS_MAX.  name needs WL_NAME_MAX + 1 bytes.  0; -1 when
 * the word is not of that shape (WL_SEM_DECL_HELP); -2 when it is but
 * COUNT is larger than WL_TICKS_MAX (WL_SEM_COUNT_HELP). */
int wl_sem_decl(const char *word, char *name, int64_t *count);
#define WL_SEM_DECL_HELP "expected NAME=COUNT, as in 'S=2'"
#define WL_SEM_COUNT_HELP "the count is larger than %" PRId64


#endif
