# src/rt/: the green-thread runtime (librt.a), its Check suite and its
# switch benchmark.
noinst_LIBRARIES += librt.a
librt_a_SOURCES = src/rt/rt.h src/rt/rt_int.h src/rt/rt.c src/rt/rt_info.c \
	src/rt/rt_pool.c src/rt/rt_ctx.h src/rt/rt_ctx.c src/rt/rt_stack.h \
	src/rt/rt_stack.c src/rt/rt_guard.c
# The switch backend (configure --with-context): one of these pairs.
if CTX_ASM_X86_64
librt_a_SOURCES += src/rt/rt_ctx_asm.c src/rt/rt_ctx_x86_64_int.h \
	src/rt/rt_ctx_x86_64.S
else
librt_a_SOURCES += src/rt/rt_ctx_uc.c
endif
EXTRA_librt_a_SOURCES = src/rt/rt_ctx_uc.c src/rt/rt_ctx_asm.c src/rt/rt_ctx_x86_64_int.h \
	src/rt/rt_ctx_x86_64.S
# What a program that uses the runtime links, dependents first.
RT_LIBS = librt.a

check_PROGRAMS += tests/rt_test
TESTS += tests/rt_test
tests_rt_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_rt_test_LDADD = $(RT_LIBS) $(CHECK_SUITE_LIBS) -lm

BENCH_BINS += bench/switch_bench
bench_switch_bench_SOURCES = bench/switch_bench.c bench/bench.c bench/bench.h
bench_switch_bench_LDADD = $(RT_LIBS) -lpthread
