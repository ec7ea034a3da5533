# src/workload.mk: workload files (libworkload.a), their Check suite, and
# the sample workloads in traces/.
noinst_LIBRARIES += libworkload.a
libworkload_a_SOURCES = src/workload.c src/workload.h \
	src/wl_read.c \
	src/wl_lex.c src/wl_lex.h \
	src/wl_column.c src/wl_column.h \
	src/wl_step.c src/wl_step.h src/wl_sync.c \
	src/wl_names.c src/wl_names.h

check_PROGRAMS += tests/workload_test
TESTS += tests/workload_test
tests_workload_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_workload_test_LDADD = libworkload.a $(CHECK_LIBS)

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
