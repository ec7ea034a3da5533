/* draw.h: what the drawing files share: colours, clipped text, the layout. */
#ifndef SCHEDSIM_UI_DRAW_H
#define SCHEDSIM_UI_DRAW_H

#include <curses.h>

#include "view.h"

/* Rows of one frame, top to bottom. */
typedef struct ui_layout {
	int lines, cols;
	int title, tl_head, axis, cpu, threads, info, last, sync, pane, stats, status;
	int tl_rows;    /* thread rows */
	int pane_rows;  /* rows below the pane's header; 0: no pane */
	int label;      /* columns of the row labels, separator included */
} ui_layout;

/* Attributes. */
attr_t ui_attr_bar(int thread);   /* a running thread's cells */
attr_t ui_attr_text(int thread);  /* text in the thread's colour */
attr_t ui_attr_state(ui_run run); /* the status word */
attr_t ui_attr_dim(void);
attr_t ui_attr_switch(void);

/* Write s from (y, x), at most w columns (UTF-8 aware); returns the columns
 * used.  Fill with blanks to w when pad is set. */
int ui_put(int y, int x, int w, const char *s, bool pad);

/* The table's width: the row's label (UI_TABLE_LABEL: a blank, the name, a
 * blank, the glyph), its fixed columns (" state prio cpu waiting resp
 * finish  ": 46), then 20 for what a blocked thread waits for. */
#define UI_TABLE_LABEL(namew) ((namew) + 3)
#define UI_TABLE_WIDTH(namew) (UI_TABLE_LABEL(namew) + 46 + 20)

/* A pane: its header row at y, then h - 1 rows of body, w columns from x. */
typedef struct ui_rect {
	int y, x, h, w;
} ui_rect;

void ui_draw_table(ui_view *v, const ui_rect *r);
void ui_draw_log(const ui_view *v, const ui_rect *r);
void ui_draw_report(ui_view *v, const ui_rect *r);
void ui_draw_help(const ui_view *v, const ui_layout *l);

#endif
