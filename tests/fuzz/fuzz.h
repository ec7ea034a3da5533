/* fuzz.h: what the libFuzzer targets share (tests/fuzz/, `make fuzz`).
 *
 * Each target is a C file defining LLVMFuzzerTestOneInput() over one way
 * in: the workload parser, the trace reader with the reports and exports
 * it feeds, the Linux trace import, and `run --from-trace`.  A crash, a
 * sanitizer report, a leak, a hang (libFuzzer's -timeout) or a broken
 * promise checked here (fuzz_fail) is a finding. */
#ifndef SCHEDSIM_FUZZ_H
#define SCHEDSIM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "sim/event.h"
#include "wl/workload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a file the commands can open by name (a memfd behind
 * /proc/self/fd: nothing to clean up after a crash).  The same name for
 * every input of the process. */
const char *fuzz_file(const uint8_t *data, size_t size);

/* What a command printed: its stdout and stderr, NUL-terminated. */
typedef struct fuzz_output {
	int status;
	const char *out, *err;
	size_t out_len, err_len;
} fuzz_output;

/* A schedsim subcommand, as main() calls it: argv[0] is its name, the
 * list ends with NULL.  Its exit status must be 0, 1 or 2, and its stderr
 * must hold no control bytes.  The output is valid until the next call;
 * nothing reaches the real stdout or stderr. */
const fuzz_output *fuzz_command(const char *const *argv);

/* Human-readable output (a text report, CSV, a message) holds no control
 * byte but newline and tab: an ESC or BEL from a name in a trace would
 * reach the terminal.  what names the output in the finding. */
void fuzz_check_text(const char *what, const char *s, size_t len);

/* A JSON report (`run --json`, `replay --json`): text as above, no
 * negative number anywhere, and each average between the smallest and the
 * largest of the finished threads' figures it averages (an overflowed sum
 * is not; with no thread finished, there is no average). */
void fuzz_check_report_json(const char *s, size_t len);

/* A command given only valid options and a file: an input error (status
 * 2) is the file's, and its message must name path. */
void fuzz_check_blames(const fuzz_output *o, const char *path);

/* An input error must be a complete message naming where it is:
 * "NAME:LINE:COL: text", or "NAME: text" for the whole input.  It may
 * quote the input raw: what prints it makes it safe (fuzz_command checks
 * the commands' stderr). */
void fuzz_check_message(const char *err, const char *name);

/* Whether running wl under o is cheap enough for one input: the events it
 * can make (dispatches at each quantum, steps, aging between its
 * priorities) are bounded, so a run that takes long is a hang, not a big
 * input. */
int fuzz_bounded(const workload *wl, const sim_options *o);

/* A broken promise: print why and abort, which libFuzzer reports as a
 * crash with the input that caused it. */
_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
