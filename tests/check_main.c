/* check_main.c: the main() of every Check suite.  How it runs comes from
 * the environment (CK_ENV, and Check reads the rest itself): CK_FORK=no
 * for gdb and valgrind, CK_TAP_LOG_FILE_NAME=- for the TAP that
 * `make check` reads, CK_RUN_SUITE and CK_RUN_CASE to pick tests. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"

int check_under_valgrind(void)
{
	const char *v = getenv("SCHEDSIM_VALGRIND");

	return v && *v && strcmp(v, "0") != 0;
}

int main(void)
{
	SRunner *sr = srunner_create(check_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
