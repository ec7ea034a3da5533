# src/trace/: schedsim's own trace, written during a run and read back for
# replay, export and re-simulation (libtrace.a), and its Check suite.
noinst_LIBRARIES += libtrace.a
libtrace_a_SOURCES = src/trace/trace_out.h src/trace/trace_out.c \
	src/trace/trace_out_sim.c \
	src/trace/trace_in.h src/trace/trace_in_int.h src/trace/trace_in.c \
	src/trace/trace_in_field.c src/trace/trace_in_line.c src/trace/trace_in_check.c \
	src/trace/trace_in_play.c \
	src/trace/trace_in_spool.c
TRACE_LIBS = libtrace.a $(LTRACE_LIBS) $(SIM_LIBS)
# The reader speaks the event vocabulary (sim/event.h) and never runs the
# engine: its suite links no runtime, so a dependency on it fails here.
TRACE_READ_LIBS = libtrace.a $(LTRACE_LIBS) libsim.a $(WL_LIBS) $(LIB_LIBS)

check_PROGRAMS += tests/trace_in_test
TESTS += tests/trace_in_test
tests_trace_in_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_trace_in_test_LDADD = $(TRACE_READ_LIBS) $(CHECK_SUITE_LIBS)

dist_doc_DATA += doc/trace-format.md
