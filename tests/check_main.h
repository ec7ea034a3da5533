/* check_main.h: what a Check suite (tests/NAME_test.c) gives the one main()
 * they all share (check_main.c). */
#ifndef SCHEDSIM_CHECK_MAIN_H
#define SCHEDSIM_CHECK_MAIN_H

#include <check.h>

/* The suite this test program runs, built afresh. */
Suite *check_suite(void);

/* Whether the suite runs under valgrind (tests/valgrind.sh sets
 * SCHEDSIM_VALGRIND): tests of scale then use smaller sizes. */
int check_under_valgrind(void);

#endif
