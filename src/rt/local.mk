# src/rt/: the green-thread runtime (librt.a), its Check suite and its
# switch benchmark.
noinst_LIBRARIES += librt.a
librt_a_SOURCES = src/rt/rt.h src/rt/rt_int.h src/rt/rt.c src/rt/rt_info.c \
	src/rt/rt_pool.c src/rt/rt_ctx.h src/rt/rt_ctx.c src/rt/rt_stack.h \
	src/rt/rt_stack.c src/rt/rt_guard.c
# What a program that uses the runtime links, dependents first.
RT_LIBS = librt.a

check_PROGRAMS += tests/rt_test
TESTS += tests/rt_test
tests_rt_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_rt_test_LDADD = $(RT_LIBS) $(CHECK_SUITE_LIBS)

BENCH_BINS += bench/switch_bench
bench_switch_bench_SOURCES = bench/switch_bench.c bench/bench.c bench/bench.h
bench_switch_bench_LDADD = $(RT_LIBS) -lpthread
