# src/lib/: small helpers owned by no module (liblib.a), each header with
# its own prefix: num_ (decimal numbers), tmpf_ (scratch files), ofile_
# (the files schedsim is told to write), heap_ (the binary heap), hash_
# (the table every name lookup uses), opt_ (option tables), grow_ (doubling
# arrays); and their
# Check suite.  Included before the modules that link it.
noinst_LIBRARIES += liblib.a
liblib_a_SOURCES = src/lib/num.h src/lib/num.c src/lib/tmpf.h src/lib/tmpf.c \
	src/lib/ofile.h src/lib/ofile.c src/lib/heap.h src/lib/heap.c \
	src/lib/hash.h src/lib/hash.c src/lib/opt.h src/lib/opt.c \
	src/lib/grow.h src/lib/grow.c
LIB_LIBS = liblib.a

check_PROGRAMS += tests/lib_test
TESTS += tests/lib_test
tests_lib_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_lib_test_LDADD = $(LIB_LIBS) $(CHECK_SUITE_LIBS)

# make bench: every parser, and the engine's setup, at 10,000 and 100,000
# of each kind of name, looked up in the hash table.
BENCH_BINS += bench/names_bench
bench_names_bench_SOURCES = bench/names_bench.c bench/bench.c bench/bench.h
bench_names_bench_LDADD = $(TRACE_LIBS)
