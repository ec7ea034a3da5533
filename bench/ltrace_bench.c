/* ltrace_bench.c: importing a 1,000,000-line ftrace file, against
 * `grep -c sched_switch` on the same file, measured in the same run.
 *
 * Both read the file from the page cache (grep runs once first to warm
 * it).  They run in pairs, back to back, five times: each pair's ratio is
 * taken under the same load, and the median of the five is the figure.
 * The ratio is of CPU time (user + system), which a busy machine inflates
 * less than wall time; the wall-time median and the best times are shown
 * beside it.  The import is the whole thing a user waits for: every CPU
 * followed, the busiest chosen, its events played to a listener.
 * LTRACE_BENCH_VERBOSE=1 shows each pair. */
#include <config.h>

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "ltrace/ltrace.h"
#include "ltrace/ltrace_gen.h"

#define RUNS 5

struct took {
	double wall, cpu;
};

static double tv(const struct timeval *t)
{
	return (double)t->tv_sec + (double)t->tv_usec / 1e6;
}

static double self_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return tv(&ru.ru_utime) + tv(&ru.ru_stime);
}

static void keep_best(struct took *best, struct took t)
{
	if (t.cpu < best->cpu)
		best->cpu = t.cpu;
	if (t.wall < best->wall)
		best->wall = t.wall;
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

/* `grep -c sched_switch path`, its count in *count; -1 on failure. */
static int grep_count(const char *path, long *count, struct took *took)
{
	int fd[2];
	char buf[64];
	double t0 = bench_wall_s();
	struct rusage ru;
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
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || n <= 0)
		return -1;
	took->wall = bench_wall_s() - t0;
	took->cpu = tv(&ru.ru_utime) + tv(&ru.ru_stime);
	buf[n] = '\0';
	*count = strtol(buf, NULL, 10);
	return 0;
}

static void count_event(void *ctx, const sim_event *ev)
{
	(void)ev;
	++*(long *)ctx;
}

static int import(const char *path, long *events, size_t *mem, int *cpu,
                  struct took *took)
{
	ltrace *lt = ltrace_new(-1);
	char err[512];
	double t0 = bench_wall_s(), c0 = self_cpu();

	*events = 0;
	ltrace_listen(lt, count_event, events);
	if (ltrace_load(lt, path, NULL, err, sizeof err)) {
		fprintf(stderr, "ltrace_bench: %s\n", err);
		ltrace_free(lt);
		return -1;
	}
	took->wall = bench_wall_s() - t0;
	took->cpu = self_cpu() - c0;
	*mem = ltrace_memory(lt);
	*cpu = ltrace_cpu(lt);
	ltrace_free(lt);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	uint64_t n = 1000000;
	char path[4096];
	long bytes, count = 0, events = 0;
	struct took g = { 1e9, 1e9 }, im = { 1e9, 1e9 }, t, u;
	double cpu_ratio[RUNS], wall_ratio[RUNS];
	size_t mem = 0;
	int fd, cpu = -1;

	/* bench/ltrace_import.sh borrows the trace: --generate FILE. */
	if (argc == 3 && !strcmp(argv[1], "--generate")) {
		if (!generate(argv[2], n, &bytes))
			return 0;
		fprintf(stderr, "ltrace_bench: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	snprintf(path, sizeof path, "%s/ltrace-bench-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0 || close(fd) || generate(path, n, &bytes)) {
		fprintf(stderr, "ltrace_bench: %s: %s\n", path, strerror(errno));
		return 1;
	}
	bench_pin();
	if (grep_count(path, &count, &t))
		goto fail;
	for (int r = 0; r < RUNS; r++) {
		if (grep_count(path, &count, &t) ||
		    import(path, &events, &mem, &cpu, &u))
			goto fail;
		keep_best(&g, t);
		keep_best(&im, u);
		cpu_ratio[r] = u.cpu / t.cpu;
		wall_ratio[r] = u.wall / t.wall;
		if (getenv("LTRACE_BENCH_VERBOSE"))
			fprintf(stderr, "pair %d: grep %.1f ms CPU, %.1f ms wall; "
				"import %.1f ms CPU, %.1f ms wall\n", r,
				t.cpu * 1e3, t.wall * 1e3, u.cpu * 1e3, u.wall * 1e3);
	}
	unlink(path);
	printf("trace: %llu lines, %.1f MB of raw ftrace\n",
	       (unsigned long long)n, (double)bytes / 1e6);
	printf("grep -c sched_switch: %ld lines, %.1f ms CPU, %.1f ms wall (best of %d)\n",
	       count, g.cpu * 1e3, g.wall * 1e3, RUNS);
	printf("import: CPU %d chosen, %ld events, %.1f ms CPU, %.1f ms wall "
	       "(best of %d), %zu bytes held\n",
	       cpu, events, im.cpu * 1e3, im.wall * 1e3, RUNS, mem);
	printf("import_vs_grep: %.2f (target <= 3; median of %d pairs, "
	       "CPU time; wall %.2f)\n",
	       bench_median(cpu_ratio, RUNS), RUNS, bench_median(wall_ratio, RUNS));
	return 0;
fail:
	unlink(path);
	fprintf(stderr, "ltrace_bench: grep or the import failed\n");
	return 1;
}
