# tests/: checks of the whole tree (the README's commands, valgrind over every suite).
TESTS += tests/readme.sh tests/layout.sh
EXTRA_DIST += tests/readme.sh tests/layout.sh tests/valgrind.sh build-aux/readme-command
# CI's run of the README's test command in a fresh Debian (.ci/run).
EXTRA_DIST += build-aux/fresh-debian
# Promises every run keeps, on every sample workload under every policy:
# replay = run, re-run = trace, figures add up (tests/oracle.awk).
TESTS += tests/oracle.sh
EXTRA_DIST += tests/oracle.sh tests/oracle.awk
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

# A policy option that exists only in a test, through every reader of the
# options' tables: listing, --help, parsing, traces, reports, the view.
check_PROGRAMS += tests/polopt_test
TESTS += tests/polopt_test
tests_polopt_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_polopt_test_LDADD = libcli.a libui.a $(TRACE_LIBS) $(REPORT_LIBS) $(NCURSESW_LIBS) \
	$(CHECK_SUITE_LIBS)
