/* export_test.c: the "export" suite.  Chrome Trace Event JSON and CSV from
 * a synthetic event stream, exactly; then every sample trace (each
 * workload in traces/ run with --trace-out, and the Linux samples)
 * exported, parsed back with the small JSON and CSV readers below, and its
 * running slices summed against each thread's CPU time in the report. */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "export/export.h"
#include "report/report.h"
#include "report/report_int.h"

/* ---- a synthetic run ------------------------------------------------------- */

#define EV(t, k, th, a, why) { (t), SIM_EV_##k, (th), (a), (why) }

static const sim_event small_ev[] = {
	EV(0, ARRIVE, 0, 0, ""),
	EV(0, DISPATCH, 0, 0, "first, \"quoted\""),
	EV(1, ARRIVE, 1, 0, ""),
	EV(2, BLOCK, 0, 3, ""),
	EV(2, SWITCH, 1, 1, ""),
	EV(3, DISPATCH, 1, 0, "next"),
	EV(4, EXIT, 1, 0, ""),
	EV(4, IDLE, -1, 0, ""),
	EV(5, WAKE, 0, 0, ""),
	EV(5, SWITCH, 0, 0, ""),
	EV(5, DISPATCH, 0, 0, "back"),
	EV(7, EXIT, 0, 0, ""),
	EV(7, END, -1, 0, ""),
};

static const trace_in_task small_tasks[] = {
	{ "A", 0, 0, -1, -1, -1, -1, -1 },
	{ "B,1", 1, 0, -1, -1, -1, -1, -1 },
};

/* Long texts: where they first differ, not all of both (Check's messages
 * are limited). */
static void same(const char *got, const char *want)
{
	size_t i = 0;

	while (got[i] && got[i] == want[i])
		i++;
	ck_assert_msg(got[i] == want[i], "differ at byte %zu: got '%.80s', wanted '%.80s'",
	              i, got + i, want + i);
}

static char *export_small(export_format fmt, const trace_in_info *info, size_t nev)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	export *x = export_new(fmt, out);
	trace_in_player p = export_player(x);

	ck_assert_int_eq(p.start(p.ctx, info), 0);
	for (size_t i = 0; i < nev; i++)
		p.event(p.ctx, &small_ev[i]);
	ck_assert_int_eq(export_finish(x, small_ev[nev - 1].time), 0);
	export_free(x);
	fclose(out);
	return buf;
}

/* rr with its default quantum: the export reads no option. */
static const sim_options small_opt = { .policy = "rr", .switch_cost = 1 };

static const trace_in_info small_info = {
	.path = "s.trace", .policy = "rr", .opt = &small_opt, .nthreads = 2,
	.threads = small_tasks, .cpu = -1,
};

START_TEST(csv_exact)
{
	char *got = export_small(EXPORT_CSV, &small_info, sizeof small_ev / sizeof *small_ev);

	same(got,
	                 "start,end,thread,tid,state,reason\n"
	                 "0,2,A,,running,\"first, \"\"quoted\"\"\"\n"
	                 "2,3,\"B,1\",,switch,\n"
	                 "1,3,\"B,1\",,ready,\n"
	                 "3,4,\"B,1\",,running,next\n"
	                 "2,5,A,,blocked,\n"
	                 "4,5,,,idle,\n"
	                 "5,7,A,,running,back\n");
	free(got);
}
END_TEST

START_TEST(chrome_exact)
{
	char *got = export_small(EXPORT_CHROME, &small_info, sizeof small_ev / sizeof *small_ev);

	same(got,
	                 "{\"displayTimeUnit\": \"ms\",\n"
	                 "\"otherData\": {\"source\": \"s.trace\", \"policy\": \"rr\", "
	                 "\"unit\": \"1 tick = 1 us\"},\n"
	                 "\"traceEvents\": [\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"name\": \"process_name\", "
	                 "\"args\": {\"name\": \"schedsim, policy rr\"}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 0, \"name\": \"thread_name\", "
	                 "\"args\": {\"name\": \"CPU\"}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 0, \"name\": \"thread_sort_index\", "
	                 "\"args\": {\"sort_index\": 0}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 1, \"name\": \"thread_name\", "
	                 "\"args\": {\"name\": \"A\"}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 1, \"name\": \"thread_sort_index\", "
	                 "\"args\": {\"sort_index\": 1}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 2, \"name\": \"thread_name\", "
	                 "\"args\": {\"name\": \"B,1\"}},\n"
	                 "{\"ph\": \"M\", \"pid\": 1, \"tid\": 2, \"name\": \"thread_sort_index\", "
	                 "\"args\": {\"sort_index\": 2}},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"name\": \"running\", "
	                 "\"cname\": \"thread_state_running\", \"ts\": 0, \"dur\": 2, "
	                 "\"args\": {\"reason\": \"first, \\\"quoted\\\"\"}},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 0, \"name\": \"switch\", "
	                 "\"cname\": \"thread_state_uninterruptible\", \"ts\": 2, \"dur\": 1, "
	                 "\"args\": {\"to\": \"B,1\"}},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 2, \"name\": \"ready\", "
	                 "\"cname\": \"thread_state_runnable\", \"ts\": 1, \"dur\": 2},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 2, \"name\": \"running\", "
	                 "\"cname\": \"thread_state_running\", \"ts\": 3, \"dur\": 1, "
	                 "\"args\": {\"reason\": \"next\"}},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"name\": \"blocked\", "
	                 "\"cname\": \"thread_state_iowait\", \"ts\": 2, \"dur\": 3},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 0, \"name\": \"idle\", "
	                 "\"cname\": \"thread_state_sleeping\", \"ts\": 4, \"dur\": 1},\n"
	                 "{\"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"name\": \"running\", "
	                 "\"cname\": \"thread_state_running\", \"ts\": 5, \"dur\": 2, "
	                 "\"args\": {\"reason\": \"back\"}}\n"
	                 "]}\n");
	free(got);
}
END_TEST

START_TEST(cut_short_closes_at_last_time)
{
	/* Without END, export_finish closes what is open at the time given. */
	char *got = export_small(EXPORT_CSV, &small_info, 6);

	same(got,
	                 "start,end,thread,tid,state,reason\n"
	                 "0,2,A,,running,\"first, \"\"quoted\"\"\"\n"
	                 "2,3,\"B,1\",,switch,\n"
	                 "1,3,\"B,1\",,ready,\n"
	                 "2,3,A,,blocked,\n");
	free(got);
}
END_TEST

START_TEST(format_names)
{
	ck_assert_int_eq(export_format_find("chrome"), EXPORT_CHROME);
	ck_assert_int_eq(export_format_find("csv"), EXPORT_CSV);
	ck_assert_int_eq(export_format_find("perfetto"), -1);
	ck_assert_int_eq(export_format_find(""), -1);
}
END_TEST

/* ---- reading exports back ------------------------------------------------ */

#define MAXT 64

/* Per track (tid), what the slices add up to. */
typedef struct sums {
	int64_t running[MAXT], ready[MAXT], blocked[MAXT];
	int64_t idle, sw;
	size_t slices, named;
} sums;

static void add(sums *s, int track, const char *state, int64_t dur)
{
	ck_assert_int_ge(track, 0);
	ck_assert_int_lt(track, MAXT);
	ck_assert_int_gt(dur, 0);
	s->slices++;
	if (!strcmp(state, "running"))
		s->running[track] += dur;
	else if (!strcmp(state, "ready"))
		s->ready[track] += dur;
	else if (!strcmp(state, "blocked"))
		s->blocked[track] += dur;
	else if (!strcmp(state, "idle") && track == 0)
		s->idle += dur;
	else if (!strcmp(state, "switch") && track == 0)
		s->sw += dur;
	else
		ck_abort_msg("slice '%s' on track %d", state, track);
}

/* A strict little JSON reader: every value is checked, and each object
 * directly inside an array has its top-level members collected. */
typedef struct jp {
	const char *p;
	sums *s;
} jp;

typedef struct jobj {
	char ph[8], name[64];
	int64_t tid, dur;
	bool has_tid, has_dur;
} jobj;

static void ws(jp *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')
		j->p++;
}

static void jstring(jp *j, char *out, size_t len)
{
	size_t n = 0;

	ck_assert_int_eq(*j->p, '"');
	j->p++;
	while (*j->p != '"') {
		char c = *j->p++;

		ck_assert_msg((unsigned char)c >= 0x20, "control byte in a JSON string");
		if (c == '\\') {
			c = *j->p++;
			ck_assert_msg(strchr("\"\\/bfnrtu", c) != NULL, "bad escape \\%c", c);
			if (c == 'u') {
				for (int i = 0; i < 4; i++, j->p++)
					ck_assert(strchr("0123456789abcdefABCDEF", *j->p) != NULL);
				c = '?';
			}
		}
		if (out && n + 1 < len)
			out[n++] = c;
	}
	j->p++;
	if (out)
		out[n] = '\0';
}

static int64_t jnumber(jp *j)
{
	char *end;
	long long v = strtoll(j->p, &end, 10);

	ck_assert_msg(end != j->p, "expected a number at '%.20s'", j->p);
	if (*end == '.') /* fractions are valid JSON; exports have none */
		ck_abort_msg("fraction at '%.20s'", j->p);
	j->p = end;
	return v;
}

static void jvalue(jp *j, bool in_array);

static void jobject(jp *j, bool in_array)
{
	jobj o = { "", "", 0, 0, false, false };

	j->p++;
	ws(j);
	if (*j->p != '}') {
		for (;;) {
			char key[32];

			ws(j);
			jstring(j, key, sizeof key);
			ws(j);
			ck_assert_int_eq(*j->p++, ':');
			ws(j);
			if (!strcmp(key, "ph"))
				jstring(j, o.ph, sizeof o.ph);
			else if (!strcmp(key, "name") && *j->p == '"')
				jstring(j, o.name, sizeof o.name);
			else if (!strcmp(key, "tid"))
				o.tid = jnumber(j), o.has_tid = true;
			else if (!strcmp(key, "dur"))
				o.dur = jnumber(j), o.has_dur = true;
			else
				jvalue(j, false);
			ws(j);
			if (*j->p == '}')
				break;
			ck_assert_int_eq(*j->p++, ',');
		}
	}
	j->p++;
	if (!in_array)
		return;
	if (!strcmp(o.ph, "X")) {
		ck_assert(o.has_tid && o.has_dur);
		add(j->s, (int)o.tid, o.name, o.dur);
	} else {
		ck_assert_str_eq(o.ph, "M");
		j->s->named += !strcmp(o.name, "thread_name");
	}
}

static void jvalue(jp *j, bool in_array)
{
	ws(j);
	if (*j->p == '{') {
		jobject(j, in_array);
	} else if (*j->p == '[') {
		j->p++;
		ws(j);
		if (*j->p != ']') {
			for (;;) {
				jvalue(j, true);
				ws(j);
				if (*j->p == ']')
					break;
				ck_assert_int_eq(*j->p++, ',');
			}
		}
		j->p++;
	} else if (*j->p == '"') {
		jstring(j, NULL, 0);
	} else if (!strncmp(j->p, "true", 4) || !strncmp(j->p, "null", 4)) {
		j->p += 4;
	} else if (!strncmp(j->p, "false", 5)) {
		j->p += 5;
	} else {
		jnumber(j);
	}
}

static void read_chrome(const char *text, sums *s)
{
	jp j = { text, s };

	memset(s, 0, sizeof *s);
	jvalue(&j, false);
	ws(&j);
	ck_assert_msg(*j.p == '\0', "text after the JSON value: '%.20s'", j.p);
}

/* CSV: a quoted field may hold commas, doubled quotes and line breaks. */
static const char *csv_field(const char *p, char *out, size_t len)
{
	size_t n = 0;

	if (*p == '"') {
		for (p++;; p++) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				break;
			ck_assert(*p);
			if (n + 1 < len)
				out[n++] = *p;
		}
		p++;
	} else {
		while (*p && *p != ',' && *p != '\n')
			if (n + 1 < len)
				out[n++] = *p++;
			else
				p++;
	}
	out[n] = '\0';
	ck_assert(*p == ',' || *p == '\n');
	return p;
}

/* Tracks are found by thread name (names are unique in a schedsim trace,
 * and a Linux trace's tid tells the rest apart): track 0 is the CPU. */
static void read_csv(const char *text, const report *r, sums *s)
{
	const char *p = strchr(text, '\n');

	memset(s, 0, sizeof *s);
	ck_assert(!strncmp(text, "start,end,thread,tid,state,reason\n", 34));
	for (p++; *p; p++) {
		char f[6][256];

		for (int k = 0; k < 6; k++) {
			p = csv_field(p, f[k], sizeof f[k]);
			ck_assert_int_eq(*p, k < 5 ? ',' : '\n');
			if (k < 5)
				p++;
		}
		int track = 0;
		if (f[2][0] && strcmp(f[4], "switch")) {
			track = -1;
			for (size_t i = 0; i < r->n && track < 0; i++)
				if (!strcmp(r->t[i].name, f[2]) &&
				    (!r->t[i].measured || r->t[i].m.tid == atoi(f[3])))
					track = (int)i + 1;
		}
		add(s, track, f[4], atoll(f[1]) - atoll(f[0]));
	}
}

/* ---- every sample ----------------------------------------------------------- */

static int rep_start(void *ctx, const trace_in_info *info)
{
	report **rp = ctx;

	*rp = report_new(info->policy, info->opt);
	ck_assert_ptr_nonnull(*rp);
	for (size_t i = 0; i < info->nthreads; i++) {
		ck_assert_int_eq(report_add_thread(*rp, info->threads[i].name,
		                                   info->threads[i].arrival), 0);
		if (info->form)
			report_measure(*rp, i, &(report_measured){ info->threads[i].tid, 0, 0, 0, 0 });
	}
	return 0;
}

static void rep_event(void *ctx, const sim_event *ev)
{
	report_event(*(report **)ctx, ev);
}

static char *export_file(const char *path, export_format fmt)
{
	char *buf = NULL, err[512];
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	export *x = export_new(fmt, out);
	trace_in_player p = export_player(x);
	trace_in_result res;

	ck_assert_msg(trace_in_play(path, -1, &p, &res, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(export_finish(x, res.last_time), 0);
	export_free(x);
	fclose(out);
	return buf;
}

/* The exports of one trace agree with its report: running slices sum to
 * each thread's CPU, blocked ones to its I/O (a schedsim trace), and the
 * CPU track plus the running time covers the whole makespan. */
static void check_trace(const char *path)
{
	trace_in_player p = { rep_start, rep_event, NULL };
	report *r = NULL;
	trace_in_result res;
	char err[512];
	sums c, v;

	p.ctx = &r;
	ck_assert_msg(trace_in_play(path, -1, &p, &res, err, sizeof err) == 0, "%s", err);
	ck_assert_uint_le(r->n, MAXT - 1);

	char *chrome = export_file(path, EXPORT_CHROME);
	char *csv = export_file(path, EXPORT_CSV);

	read_chrome(chrome, &c);
	read_csv(csv, r, &v);
	ck_assert_uint_eq(c.named, r->n + 1);
	ck_assert_uint_eq(c.slices, v.slices);
	ck_assert_int_eq(c.idle, v.idle);
	ck_assert_int_eq(c.sw, v.sw);
	int64_t busy = 0;
	for (size_t i = 0; i < r->n; i++) {
		ck_assert_msg(c.running[i + 1] == r->t[i].cpu, "%s: %s ran %lld, cpu %lld",
		              path, r->t[i].name, (long long)c.running[i + 1],
		              (long long)r->t[i].cpu);
		ck_assert_int_eq(v.running[i + 1], r->t[i].cpu);
		ck_assert_int_eq(c.ready[i + 1], v.ready[i + 1]);
		ck_assert_int_eq(c.blocked[i + 1], v.blocked[i + 1]);
		if (!r->t[i].measured)
			ck_assert_int_eq(c.blocked[i + 1], r->t[i].io + r->t[i].blocked);
		busy += r->t[i].cpu;
	}
	ck_assert_int_eq(busy, r->busy);
	if (!r->t[0].measured)
		ck_assert_int_le(busy + c.idle + c.sw, r->end);
	free(chrome);
	free(csv);
	report_free(r);
}

START_TEST(every_workload)
{
	const char *schedsim = getenv("SCHEDSIM");
	DIR *d = opendir(SCHEDSIM_SRCDIR "/traces");
	struct dirent *e;
	char dir[] = "/tmp/export_test-XXXXXX";
	int n = 0;

	ck_assert_msg(schedsim != NULL, "SCHEDSIM must name the built program");
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char cmd[2048], trace[512];

		if (len < 4 || strcmp(e->d_name + len - 3, ".wl"))
			continue;
		snprintf(trace, sizeof trace, "%s/%s.trace", dir, e->d_name);
		/* Switches cost a tick, so the CPU track has some. */
		snprintf(cmd, sizeof cmd, "'%s' run '%s/traces/%s' -q --switch-cost 1 "
		         "--trace-out '%s' 2>/dev/null", schedsim, SCHEDSIM_SRCDIR, e->d_name, trace);
		/* 1: a workload that ends in a deadlock, still traced. */
		int rc = system(cmd);
		ck_assert_msg(rc == 0 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 1), "%s", cmd);
		check_trace(trace);
		unlink(trace);
		n++;
	}
	closedir(d);
	rmdir(dir);
	ck_assert_int_ge(n, 10);
}
END_TEST

START_TEST(linux_samples)
{
	static const char *const samples[] = {
		"linux-ftrace.txt", "linux-trace-cmd.txt", "linux-perf.txt",
		"linux-perf-recorded.txt",
	};

	for (size_t i = 0; i < 4; i++) {
		char path[512];

		snprintf(path, sizeof path, "%s/traces/%s", SCHEDSIM_SRCDIR, samples[i]);
		check_trace(path);
	}
}
END_TEST

START_TEST(linux_exact_csv)
{
	char *csv = export_file(SCHEDSIM_SRCDIR "/traces/linux-trace-cmd.txt", EXPORT_CSV);

	same(csv,
	                 "start,end,thread,tid,state,reason\n"
	                 "0,100,make,1300,running,\n"
	                 "50,100,Web Content,1201,ready,sched_wakeup\n"
	                 "100,300,Web Content,1201,running,\n"
	                 "200,300,cc1,1310,ready,sched_wakeup_new\n"
	                 "100,350,make,1300,ready,prev_state=R+\n"
	                 "300,420,cc1,1310,running,\n"
	                 "420,520,,,idle,\n"
	                 "500,520,kworker/0:1,11,ready,sched_wakeup\n"
	                 "300,560,Web Content,1201,blocked,prev_state=S\n"
	                 "520,580,kworker/0:1,11,running,\n"
	                 "560,580,Web Content,1201,ready,sched_wakeup\n"
	                 "580,650,kworker/0:1,11,blocked,prev_state=W\n"
	                 "580,700,Web Content,1201,running,\n"
	                 "650,700,kworker/0:1,11,ready,sched_wakeup\n"
	                 "700,730,kworker/0:1,11,running,\n"
	                 "700,730,Web Content,1201,ready,prev_state=R\n"
	                 "730,800,Web Content,1201,running,\n"
	                 "730,800,kworker/0:1,11,blocked,prev_state=D\n"
	                 "350,1000,make,1300,blocked,migrated to CPU 1\n"
	                 "800,1000,Web Content,1201,blocked,prev_state=D\n"
	                 "800,1000,kworker/0:1,11,running,\n");
	free(csv);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("exact");

	tcase_add_test(tc, csv_exact);
	tcase_add_test(tc, chrome_exact);
	tcase_add_test(tc, cut_short_closes_at_last_time);
	tcase_add_test(tc, format_names);
	tcase_add_test(tc, linux_exact_csv);
	suite_add_tcase(s, tc);

	tc = tcase_create("parsed back");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_workload);
	tcase_add_test(tc, linux_samples);
	suite_add_tcase(s, tc);
	return s;
}
