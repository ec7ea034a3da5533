# src/runtime.mk: the green-thread runtime (libruntime.a), its Check suite
# and its switch benchmark.
noinst_LIBRARIES += libruntime.a
libruntime_a_SOURCES = src/rt.h src/rt_impl.h src/rt.c src/rt_info.c \
	src/rt_pool.c src/rt_ctx.h src/rt_ctx.c src/rt_stack.h src/rt_stack.c \
	src/rt_guard.c

check_PROGRAMS += tests/rt_test
TESTS += tests/rt_test
tests_rt_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_rt_test_LDADD = libruntime.a $(CHECK_LIBS)

BENCH_BINS += bench/switch_bench
bench_switch_bench_SOURCES = bench/switch_bench.c bench/bench.c bench/bench.h
bench_switch_bench_LDADD = libruntime.a -lpthread
