# tests/: checks of the whole tree (the README's commands, valgrind over every suite).
TESTS += tests/readme.sh
EXTRA_DIST += tests/readme.sh tests/valgrind.sh
# The golden outputs the shell tests compare with, as a directory.
EXTRA_DIST += tests/golden tests/fuzz/repro
if !ASAN
# valgrind cannot run sanitized binaries; the ASan build is its own check.
TESTS += tests/valgrind.sh
endif

# The one main() of every Check suite (tests/check_main.h: what a suite
# gives it).  Suites link CHECK_SUITE_LIBS, which ends with Check itself.
check_LIBRARIES = tests/libcheck_main.a
tests_libcheck_main_a_SOURCES = tests/check_main.c tests/check_main.h
tests_libcheck_main_a_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
CHECK_SUITE_LIBS = tests/libcheck_main.a $(CHECK_LIBS)
