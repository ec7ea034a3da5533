# src/lib/hash.mk: the hash table every name lookup uses (libhash.a), and
# its Check suite.  (src/lib/ holds small helpers owned by no module.)
noinst_LIBRARIES += libhash.a
libhash_a_SOURCES = src/lib/hash.c src/lib/hash.h
HASH_LIBS = libhash.a

check_PROGRAMS += tests/hash_test
TESTS += tests/hash_test
tests_hash_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_hash_test_LDADD = $(HASH_LIBS) $(CHECK_LIBS)
