/* wl_column.h: the table of columns a workload's header may name. */
#ifndef SCHEDSIM_WL_COLUMN_H
#define SCHEDSIM_WL_COLUMN_H

#include "wl_lex.h"

/* More than the table holds: a longer header has a duplicate or an
 * unknown column and is refused before this bound matters. */
#define WL_COLUMNS_MAX 16

/* A parsed header: which column each field of a row fills. */
typedef struct wl_header {
	int col[WL_COLUMNS_MAX];	/* index into the column table */
	size_t n;
	int line;
} wl_header;

/* Parses the header line's N fields. */
int wl_header_parse(const wl_ctx *c, int line, const wl_field *f, size_t n,
                    wl_header *h);

/* Parses one thread's line of N fields into T (zeroed by the caller);
 * columns the header leaves out take their defaults.  *NAME_COL is where
 * the name was written, for the caller's duplicate check. */
int wl_row_parse(const wl_ctx *c, const wl_header *h, int line,
                 const wl_field *f, size_t n, wl_thread *t, int *name_col);

#endif
