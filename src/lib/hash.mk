# src/lib/hash.mk: the hash table every name lookup uses (libhash.a), and
# its Check suite.  (src/lib/ holds small helpers owned by no module.)
noinst_LIBRARIES += libhash.a
libhash_a_SOURCES = src/lib/hash.c src/lib/hash.h
HASH_LIBS = libhash.a

check_PROGRAMS += tests/hash_test
TESTS += tests/hash_test
tests_hash_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_hash_test_LDADD = $(HASH_LIBS) $(CHECK_SUITE_LIBS)

# make bench: every parser at 10,000 and 100,000 of each kind of name.
BENCH_BINS += bench/names_bench
bench_names_bench_SOURCES = bench/names_bench.c bench/bench.c bench/bench.h
bench_names_bench_LDADD = $(TRACE_LIBS)
