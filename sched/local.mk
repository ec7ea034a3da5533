# sched/local.mk: the scheduling policies, built into libsim.a.
libsim_a_SOURCES += sched/policy.h sched/queue.c sched/registry.c \
	sched/fifo.c sched/rr.c sched/prio.c sched/sjf.c
