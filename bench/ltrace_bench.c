/* ltrace_bench.c: importing a 1,000,000-line ftrace file, against
 * `grep -c sched_switch` on the same file, measured in the same run.
 *
 * Both read the file from the page cache (grep runs once first to warm
 * it); each is timed three times and the best run counts.  The import is
 * the whole thing a user waits for: choosing the busiest CPU (a first
 * pass) and importing it (a second), with a listener taking every event. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ltrace.h"
#include "ltrace_gen.h"

#define RUNS 3

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int generate(const char *path, uint64_t n, long *bytes)
{
	FILE *f = fopen(path, "w");
	char line[256];

	if (!f)
		return -1;
	*bytes = 0;
	for (uint64_t i = 0; i < n; i++) {
		size_t k = ltrace_gen_line(line, i);

		fwrite(line, 1, k, f);
		*bytes += (long)k;
	}
	return fclose(f);
}

/* `grep -c sched_switch path`: its wall time, its count in *count. */
static double grep_count(const char *path, long *count)
{
	int fd[2];
	char buf[64];
	double t0 = now();
	pid_t pid;
	ssize_t n;
	int status;

	if (pipe(fd))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp("grep", "grep", "-c", "sched_switch", path, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	n = read(fd[0], buf, sizeof buf - 1);
	close(fd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || n <= 0)
		return -1;
	buf[n] = '\0';
	*count = strtol(buf, NULL, 10);
	return now() - t0;
}

static void count_event(void *ctx, const sim_event *ev)
{
	(void)ev;
	++*(long *)ctx;
}

static double import(const char *path, long *events, size_t *mem, int *cpu)
{
	ltrace *lt = ltrace_new(-1);
	char err[512];
	double t0 = now(), t;

	*events = 0;
	ltrace_listen(lt, count_event, events);
	if (ltrace_load(lt, path, NULL, err, sizeof err)) {
		fprintf(stderr, "ltrace_bench: %s\n", err);
		ltrace_free(lt);
		return -1;
	}
	t = now() - t0;
	*mem = ltrace_memory(lt);
	*cpu = ltrace_cpu(lt);
	ltrace_free(lt);
	return t;
}

int main(void)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	uint64_t n = 1000000;
	char path[4096];
	long bytes, count = 0, events = 0;
	double g = 1e9, im = 1e9;
	size_t mem = 0;
	int fd, cpu = -1;

	snprintf(path, sizeof path, "%s/ltrace-bench-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0 || close(fd) || generate(path, n, &bytes)) {
		fprintf(stderr, "ltrace_bench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (grep_count(path, &count) < 0)
		goto fail;
	for (int r = 0; r < RUNS; r++) {
		double a = grep_count(path, &count), b = import(path, &events, &mem, &cpu);

		if (a < 0 || b < 0)
			goto fail;
		g = a < g ? a : g;
		im = b < im ? b : im;
	}
	unlink(path);
	printf("trace: %llu lines, %.1f MB of raw ftrace\n",
	       (unsigned long long)n, (double)bytes / 1e6);
	printf("grep -c sched_switch: %ld lines in %.1f ms (best of %d)\n",
	       count, g * 1e3, RUNS);
	printf("import: CPU %d, %ld events in %.1f ms (best of %d), %zu bytes held\n",
	       cpu, events, im * 1e3, RUNS, mem);
	printf("import_vs_grep: %.2f (target <= 3)\n", im / g);
	return 0;
fail:
	unlink(path);
	fprintf(stderr, "ltrace_bench: grep or the import failed\n");
	return 1;
}
