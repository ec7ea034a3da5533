# sched/local.mk: the scheduling policies, built into libsim.a.
libsim_a_SOURCES += sched/policy.h sched/queue.c sched/registry.c \
	sched/fifo.c sched/rr.c sched/prio.c sched/sjf.c

check_PROGRAMS += tests/sched_test
TESTS += tests/sched_test
tests_sched_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_sched_test_LDADD = $(SIM_LIBS) $(CHECK_SUITE_LIBS)
