# tests/fuzz/: libFuzzer targets (./configure CC=clang --enable-fuzz), run
# by `make fuzz` for FUZZ_SECONDS each over seeds from traces/ and
# tests/golden and the reproducers of tests/fuzz/repro/ (tests/fuzz/run.sh).
#
# The targets call the program's commands in-process: libfuzzcli.a is the
# program's own sources with main() renamed, so libFuzzer's main runs.
FUZZ_TARGETS = tests/fuzz/fuzz_workload tests/fuzz/fuzz_trace \
	tests/fuzz/fuzz_ltrace tests/fuzz/fuzz_rerun
FUZZ_SRC = tests/fuzz/fuzz.h tests/fuzz/fuzz.c
EXTRA_DIST += tests/fuzz/fuzz_main.h
FUZZ_LIBS = libfuzzcli.a $(schedsim_LDADD)
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/trace.dict \
	tests/fuzz/workload.dict tests/fuzz/ltrace.dict

if FUZZ
noinst_LIBRARIES += libfuzzcli.a
libfuzzcli_a_SOURCES = $(schedsim_SOURCES)
libfuzzcli_a_CPPFLAGS = $(AM_CPPFLAGS) -Dmain=schedsim_main \
	-include $(top_srcdir)/tests/fuzz/fuzz_main.h
noinst_PROGRAMS = $(FUZZ_TARGETS)
endif
tests_fuzz_fuzz_workload_SOURCES = tests/fuzz/fuzz_workload.c $(FUZZ_SRC)
tests_fuzz_fuzz_workload_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_workload_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_trace_SOURCES = tests/fuzz/fuzz_trace.c $(FUZZ_SRC)
tests_fuzz_fuzz_trace_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_trace_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_ltrace_SOURCES = tests/fuzz/fuzz_ltrace.c $(FUZZ_SRC)
tests_fuzz_fuzz_ltrace_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_ltrace_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_rerun_SOURCES = tests/fuzz/fuzz_rerun.c $(FUZZ_SRC)
tests_fuzz_fuzz_rerun_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_rerun_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)

if FUZZ
fuzz: $(FUZZ_TARGETS) schedsim$(EXEEXT)
	top_srcdir=$(abs_top_srcdir) FUZZ_SECONDS='$(FUZZ_SECONDS)' SCHEDSIM=$(abs_top_builddir)/schedsim$(EXEEXT) \
	  $(SHELL) $(top_srcdir)/tests/fuzz/run.sh $(FUZZ_TARGETS)
else
fuzz:
	@echo "make fuzz: configure with clang and --enable-fuzz first:" \
	  "./configure CC=clang --enable-fuzz" >&2; exit 2
endif
.PHONY: fuzz
