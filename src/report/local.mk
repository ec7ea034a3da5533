# src/report/: the text and JSON reports of a run (libreport.a), and their
# Check suite.
noinst_LIBRARIES += libreport.a
libreport_a_SOURCES = src/report/report.h src/report/report_int.h \
	src/report/report.c src/report/report_text.c src/report/report_json.c \
	src/report/report_sim.c src/report/report_safe.c
REPORT_LIBS = libreport.a $(SIM_LIBS)

check_PROGRAMS += tests/report_test
TESTS += tests/report_test
tests_report_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_report_test_LDADD = $(REPORT_LIBS) $(CHECK_SUITE_LIBS)

# make bench: what the text, JSON and trace outputs cost on top of a run.
BENCH_SH += bench/report.sh
EXTRA_DIST += bench/report.sh
