# src/: the schedsim program itself (command line and subcommands), and
# libreport.a: reports, the trace writer and option parsing.
noinst_LIBRARIES += libreport.a
libreport_a_SOURCES = \
	src/opts.c src/opts.h \
	src/report.c src/report.h src/report_impl.h \
	src/report_text.c src/report_json.c src/report_sim.c \
	src/trace_out.c src/trace_out.h src/trace_out_sim.c

bin_PROGRAMS += schedsim
schedsim_SOURCES = src/main.c src/cli.h
schedsim_CPPFLAGS = $(AM_CPPFLAGS)
schedsim_LDADD = libui.a $(NCURSESW_LIBS)

check_PROGRAMS += tests/report_test tests/opts_test
TESTS += tests/report_test tests/opts_test
tests_report_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_report_test_LDADD = libreport.a $(CHECK_LIBS)
tests_opts_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_opts_test_LDADD = libreport.a $(CHECK_LIBS)
