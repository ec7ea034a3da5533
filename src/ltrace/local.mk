# src/ltrace/: importing real Linux scheduling traces (ftrace, trace-cmd, perf).
noinst_LIBRARIES += libltrace.a
libltrace_a_SOURCES = src/ltrace/ltrace.h src/ltrace/ltrace_int.h src/ltrace/ltrace.c \
	src/ltrace/ltrace_input.c src/ltrace/ltrace_line.c src/ltrace/ltrace_cpu.c \
	src/ltrace/ltrace_spool.c \
	src/ltrace/ltrace_gen.h src/ltrace/ltrace_gen.c
LTRACE_LIBS = libltrace.a $(LIB_LIBS)

check_PROGRAMS += tests/ltrace_test
TESTS += tests/ltrace_test
tests_ltrace_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_ltrace_test_LDADD = $(LTRACE_LIBS) $(CHECK_SUITE_LIBS)

BENCH_BINS += bench/ltrace_bench
bench_ltrace_bench_SOURCES = bench/ltrace_bench.c bench/bench.c bench/bench.h
bench_ltrace_bench_LDADD = $(LTRACE_LIBS)
BENCH_SH += bench/ltrace_import.sh
EXTRA_DIST += bench/ltrace_import.sh

EXTRA_DIST += traces/linux-ftrace.txt traces/linux-trace-cmd.txt traces/linux-perf.txt \
	traces/linux-perf-recorded.txt
dist_doc_DATA += doc/linux-traces.md
