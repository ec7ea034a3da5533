# src/export/: a trace as CSV or Chrome JSON (libexport.a), and its Check
# suite.
noinst_LIBRARIES += libexport.a
libexport_a_SOURCES = src/export/export.h src/export/export_int.h \
	src/export/export.c src/export/export_chrome.c src/export/export_csv.c
EXPORT_LIBS = libexport.a $(TRACE_LIBS) $(REPORT_LIBS)

check_PROGRAMS += tests/export_test
TESTS += tests/export_test
tests_export_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_export_test_LDADD = $(EXPORT_LIBS) $(CHECK_SUITE_LIBS)
