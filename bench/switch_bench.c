#include <config.h>
#include "rt.h"
int main(void)
{
	return 0;
}
