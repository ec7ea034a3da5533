# src/wl/: workload files (libwl.a), their Check suite, and
# the sample workloads in traces/.
noinst_LIBRARIES += libwl.a
libwl_a_SOURCES = src/wl/workload.c src/wl/workload.h \
	src/wl/wl_read.c \
	src/wl/wl_lex.c src/wl/wl_lex.h \
	src/wl/wl_column.c src/wl/wl_column.h \
	src/wl/wl_step.c src/wl/wl_step.h src/wl/wl_sync.c \
	src/wl/wl_names.c src/wl/wl_names.h
WL_LIBS = libwl.a $(LIB_LIBS)

check_PROGRAMS += tests/workload_test
TESTS += tests/workload_test
tests_workload_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_workload_test_LDADD = $(WL_LIBS) $(CHECK_SUITE_LIBS)

dist_doc_DATA += doc/workload.md
EXTRA_DIST += \
	traces/classroom.wl \
	traces/convoy.wl \
	traces/deadlock.wl \
	traces/inversion.wl \
	traces/io-vs-cpu.wl \
	traces/semaphore.wl \
	traces/silberschatz-fcfs.wl \
	traces/silberschatz-prio-rr.wl \
	traces/silberschatz-priority.wl \
	traces/silberschatz-rr.wl \
	traces/silberschatz-sjf.wl \
	traces/silberschatz-srtf.wl \
	traces/starvation.wl
