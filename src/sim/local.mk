# src/sim/: the simulation engine (libsim.a, with the policies from
# sched/local.mk) and its Check suite.
noinst_LIBRARIES += libsim.a
libsim_a_SOURCES = src/sim/event.h src/sim/event.c src/sim/sim.h src/sim/sim_int.h \
	src/sim/sim_core.c src/sim/sim_sched.c src/sim/sim_thread.c src/sim/sim_query.c \
	src/sim/sim_sync.c src/sim/sim_deadlock.c
SIM_LIBS = libsim.a $(WL_LIBS) $(LIB_LIBS) $(RT_LIBS)

check_PROGRAMS += tests/sim_test
TESTS += tests/sim_test
tests_sim_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_sim_test_LDADD = $(SIM_LIBS) $(CHECK_SUITE_LIBS)
# The suite makes the engine's realloc() fail on purpose (out of memory).
tests_sim_test_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=realloc

BENCH_BINS += bench/engine_bench
bench_engine_bench_SOURCES = bench/engine_bench.c bench/bench.c bench/bench.h
bench_engine_bench_LDADD = $(SIM_LIBS)

check_PROGRAMS += tests/sync_test
TESTS += tests/sync_test
tests_sync_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_sync_test_LDADD = $(SIM_LIBS) $(CHECK_SUITE_LIBS)
