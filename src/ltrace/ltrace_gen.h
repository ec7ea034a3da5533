/* ltrace_gen.h: a synthetic raw ftrace trace, line by line, for the import
 * benchmark and the large-input test.
 *
 * Line i is at 10*i microseconds.  Lines come in fours: a sched_switch on
 * CPU 0 that preempts task j%T for task (j+1)%T (j = i/4, T =
 * LTRACE_GEN_TASKS, task k being "worker k", pid 1000+k), a wake-up on
 * CPU 1, an irq event on CPU 0, and a switch on CPU 1 between its idle task
 * and "sshd" (pid 2000).  CPU 0 is always busy, CPU 1 half the time.
 *
 * It is in libltrace.a so that the test and the benchmark share it without
 * one compiling the other's files; schedsim never calls it, so never links
 * it.
 */
#ifndef SCHEDSIM_LTRACE_GEN_H
#define SCHEDSIM_LTRACE_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LTRACE_GEN_TASKS 8
#define LTRACE_GEN_STEP 10  /* microseconds between lines */

/* Writes line i with its newline into buf (at least 256 bytes); returns
 * its length. */
size_t ltrace_gen_line(char *buf, uint64_t i);

/* A read-only stream of lines [0, n) generated on the fly; it can be
 * rewound (fseeko to 0), so reading it twice needs no spool. */
FILE *ltrace_gen_open(uint64_t n);

#endif
