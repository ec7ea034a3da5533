# src/engine.mk: the simulation engine (libsim.a, with the policies from
# sched/local.mk) and its Check suite.
noinst_LIBRARIES += libsim.a
libsim_a_SOURCES = src/sim.h src/sim_int.h src/sim_heap.h src/sim_heap.c \
	src/sim_core.c src/sim_sched.c src/sim_thread.c src/sim_query.c \
	src/sim_sync.c src/sim_deadlock.c

check_PROGRAMS += tests/sim_test
TESTS += tests/sim_test
tests_sim_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_sim_test_LDADD = libsim.a libworkload.a libruntime.a $(CHECK_LIBS)

BENCH_BINS += bench/engine_bench
bench_engine_bench_SOURCES = bench/engine_bench.c bench/bench.c bench/bench.h
bench_engine_bench_LDADD = libsim.a libworkload.a libruntime.a

check_PROGRAMS += tests/sync_test
TESTS += tests/sync_test
tests_sync_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_sync_test_LDADD = libsim.a libworkload.a libruntime.a $(CHECK_LIBS)
