/* Placeholder until the live view lands: callers fall back to text. */
#include <config.h>

#include <stdio.h>

#include "ui.h"

int ui_live(const ui_source *src, const ui_config *cfg)
{
	(void)src;
	(void)cfg;
	fputs("schedsim: the live view is not built yet; use --no-tui\n", stderr);
	return 2;
}
