# src/demo/: the demos: C code on the engine's API, and the sample
# workloads of traces/ compiled in as strings (libdemo.a).
noinst_LIBRARIES += libdemo.a
libdemo_a_SOURCES = src/demo/demo.h src/demo/demo_int.h src/demo/demo.c \
	src/demo/demo_average.c \
	src/demo/classroom.c src/demo/convoy.c src/demo/io_vs_cpu.c src/demo/starvation.c \
	src/demo/race.c src/demo/mutex.c src/demo/semaphore.c src/demo/sleep.c \
	src/demo/priority_inversion.c src/demo/deadlock.c
nodist_libdemo_a_SOURCES = src/demo/demo_wl.c
DEMO_LIBS = libdemo.a $(REPORT_LIBS)

DEMO_WL = $(top_srcdir)/traces/classroom.wl $(top_srcdir)/traces/convoy.wl \
	$(top_srcdir)/traces/io-vs-cpu.wl $(top_srcdir)/traces/starvation.wl
src/demo/demo_wl.c: $(DEMO_WL) $(top_srcdir)/src/demo/demo_embed.sh
	$(AM_V_GEN)$(MKDIR_P) src/demo && \
	$(SHELL) $(top_srcdir)/src/demo/demo_embed.sh $(DEMO_WL) >$@-t && mv $@-t $@
CLEANFILES += src/demo/demo_wl.c
EXTRA_DIST += src/demo/demo_embed.sh
