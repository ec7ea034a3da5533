# src/cli/: the schedsim program: main, the options of a run, and the
# commands.  The options parser is a library of its own (libcli.a) for its
# Check suite.
noinst_LIBRARIES += libcli.a
libcli_a_SOURCES = src/cli/opts.h src/cli/opts.c

bin_PROGRAMS += schedsim
schedsim_SOURCES = src/cli/main.c src/cli/cli.h \
	src/cli/cmd_run.c src/cli/cmd_demo.c src/cli/cmd_policies.c \
	src/cli/cmd_compare.c src/cli/cmd_replay.c src/cli/cmd_export.c \
	src/cli/cmd_rerun.c src/cli/job.c
schedsim_LDADD = libcli.a libui.a libdemo.a $(EXPORT_LIBS) $(NCURSESW_LIBS)

check_PROGRAMS += tests/opts_test
TESTS += tests/opts_test
tests_opts_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_opts_test_LDADD = libcli.a libsim.a $(LIB_LIBS) $(WL_LIBS) $(CHECK_SUITE_LIBS)

# The program from outside: exit statuses, messages, golden reports.
TESTS += tests/cli.sh
EXTRA_DIST += tests/cli.sh

dist_man_MANS += doc/schedsim.1

# Replay, export and re-simulation from outside: round trips, golden
# traces and exports, Linux samples (tests/replay.sh).
TESTS += tests/replay.sh
EXTRA_DIST += tests/replay.sh tests/tap.sh
