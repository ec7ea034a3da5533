# src/: the schedsim program itself (command line and subcommands), and
# libreport.a: reports, the trace writer and option parsing.
noinst_LIBRARIES += libreport.a
libreport_a_SOURCES = \
	src/opts.c src/opts.h \
	src/report.c src/report.h src/report_impl.h \
	src/report_text.c src/report_json.c src/report_sim.c \
	src/trace_out.c src/trace_out.h src/trace_out_sim.c \
	src/trace_in.h src/trace_in_int.h src/trace_in.c src/trace_in_field.c \
	src/trace_in_play.c src/trace_in_spool.c \
	src/export.h src/export_int.h src/export.c src/export_chrome.c src/export_csv.c

bin_PROGRAMS += schedsim
schedsim_SOURCES = src/main.c src/cli.h \
	src/cmd_run.c src/cmd_demo.c src/cmd_policies.c src/cmd_compare.c \
	src/cmd_replay.c src/cmd_export.c src/cmd_rerun.c \
	src/demo.c src/demo.h src/demo_race.c src/demo_sem.c src/demo_lock.c \
	src/demo_result.c
nodist_schedsim_SOURCES = src/demo_wl.c
schedsim_CPPFLAGS = $(AM_CPPFLAGS)
schedsim_LDADD = libui.a libreport.a libltrace.a libsim.a libworkload.a libruntime.a \
	$(NCURSESW_LIBS)

# The demos' workloads are the files in traces/, compiled in as strings.
DEMO_WL = $(top_srcdir)/traces/classroom.wl $(top_srcdir)/traces/convoy.wl \
	$(top_srcdir)/traces/io-vs-cpu.wl $(top_srcdir)/traces/starvation.wl
src/demo_wl.c: $(DEMO_WL) $(top_srcdir)/src/demo_embed.sh
	$(AM_V_GEN)$(MKDIR_P) src && \
	$(SHELL) $(top_srcdir)/src/demo_embed.sh $(DEMO_WL) >$@-t && mv $@-t $@
CLEANFILES += src/demo_wl.c
EXTRA_DIST += src/demo_embed.sh

check_PROGRAMS += tests/report_test tests/opts_test tests/trace_in_test \
	tests/export_test
TESTS += tests/report_test tests/opts_test tests/trace_in_test \
	tests/export_test
tests_report_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_report_test_LDADD = libreport.a $(CHECK_LIBS)
tests_trace_in_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_trace_in_test_LDADD = libreport.a libltrace.a libsim.a libworkload.a libruntime.a \
	$(CHECK_LIBS)
tests_export_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_export_test_LDADD = $(tests_trace_in_test_LDADD)
tests_opts_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_opts_test_LDADD = libreport.a libworkload.a $(CHECK_LIBS)

# The program from outside: exit statuses, messages, golden reports.
TESTS += tests/cli.sh
EXTRA_DIST += tests/cli.sh \
	tests/golden/classroom.json \
	tests/golden/classroom.txt \
	tests/golden/compare-fcfs.txt \
	tests/golden/compare-prio-rr.txt \
	tests/golden/compare-priority.txt \
	tests/golden/compare-sjf.json \
	tests/golden/compare-sjf.txt \
	tests/golden/compare-srtf.txt \
	tests/golden/convoy.json \
	tests/golden/convoy.txt \
	tests/golden/deadlock.json \
	tests/golden/deadlock.txt \
	tests/golden/inversion-inherit.txt \
	tests/golden/inversion.json \
	tests/golden/inversion.txt \
	tests/golden/io-vs-cpu.json \
	tests/golden/io-vs-cpu.txt \
	tests/golden/semaphore.json \
	tests/golden/semaphore.txt \
	tests/golden/silberschatz-fcfs.json \
	tests/golden/silberschatz-fcfs.txt \
	tests/golden/silberschatz-prio-rr.json \
	tests/golden/silberschatz-prio-rr.txt \
	tests/golden/silberschatz-priority.json \
	tests/golden/silberschatz-priority.txt \
	tests/golden/silberschatz-rr.json \
	tests/golden/silberschatz-rr.txt \
	tests/golden/silberschatz-sjf.json \
	tests/golden/silberschatz-sjf.txt \
	tests/golden/silberschatz-srtf.json \
	tests/golden/silberschatz-srtf.txt \
	tests/golden/starvation.json \
	tests/golden/starvation.txt

dist_man_MANS += doc/schedsim.1
dist_doc_DATA += doc/trace-format.md

# make bench: what the text, JSON and trace outputs cost on top of a run.
BENCH_SH += bench/report.sh
EXTRA_DIST += bench/report.sh

# Replay, export and re-simulation from outside: round trips, golden
# traces and exports, Linux samples (tests/replay.sh).
TESTS += tests/replay.sh
EXTRA_DIST += tests/replay.sh tests/tap.sh \
	tests/golden/export-cut.csv \
	tests/golden/export-linux-ftrace.csv \
	tests/golden/export-linux-ftrace.json \
	tests/golden/export-rr.csv \
	tests/golden/export-rr.json \
	tests/golden/replay-cut.json \
	tests/golden/replay-io-vs-cpu.json \
	tests/golden/replay-linux-cpu1.json \
	tests/golden/replay-linux-ftrace.json \
	tests/golden/replay-linux-ftrace.txt \
	tests/golden/replay-linux-perf-recorded.json \
	tests/golden/replay-linux-perf.json \
	tests/golden/replay-linux-trace-cmd.json \
	tests/golden/trace-io-vs-cpu.trace \
	tests/golden/trace-silberschatz-rr.trace
