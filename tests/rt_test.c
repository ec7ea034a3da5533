#include <config.h>
#include <check.h>
#include <stdlib.h>
#include "rt.h"
int main(void)
{
	return 0;
}
