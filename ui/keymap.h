/* keymap.h: the live view's keys, in one table.
 *
 * Each row says which keys do what, where (a live run or a recording; in
 * which run states; in the view or in front of it: the time prompt, the
 * help, the too-small screen), the words the help overlay shows, the hint
 * the status line shows, and the note for the key where it does not apply.
 * keys.c acts on what the table finds; the help overlay and the status
 * line print what it says; tests/ui_keymap_test.c checks the table and that
 * doc/live-view.md names the same keys.  Plain C: the key codes are curses'
 * own (its macros), but nothing here draws.
 */
#ifndef SCHEDSIM_UI_KEYMAP_H
#define SCHEDSIM_UI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

/* How the run shown stands, as the status line names it.  The status
 * words and colours are indexed by it. */
typedef enum ui_run {
	UI_RUN_RUNNING,
	UI_RUN_PAUSED,
	UI_RUN_FINISHED,
	UI_RUN_FAILED,    /* a run-time failure, or a malformed recording */
	UI_RUN_DEADLOCK,  /* finished, in a deadlock */
	UI_RUNS
} ui_run;

/* What has the keys: the view, or something in front of it. */
typedef enum ui_ctx {
	UI_CTX_VIEW,
	UI_CTX_PROMPT,  /* typing a time to jump to */
	UI_CTX_HELP,    /* the help overlay is open */
	UI_CTX_SMALL,   /* the terminal is too small */
	UI_CTXS
} ui_ctx;

typedef struct ui_keymode {
	ui_ctx ctx;
	bool replay;    /* a recording, not a live run */
	ui_run run;
} ui_keymode;

typedef enum ui_action {
	UI_ACT_QUIT,
	UI_ACT_PAUSE,       /* pause, or run again */
	UI_ACT_STEP,        /* one event, pausing first */
	UI_ACT_FASTER,
	UI_ACT_SLOWER,
	UI_ACT_PAN_BACK,    /* scroll the timeline back in time */
	UI_ACT_PAN_ON,      /* ... on in time */
	UI_ACT_PAN_ON_STEP, /* ... on, or one event when at the present */
	UI_ACT_FOLLOW,
	UI_ACT_ZOOM_IN,
	UI_ACT_ZOOM_OUT,
	UI_ACT_ROW_UP,      /* thread rows, or the final report */
	UI_ACT_ROW_DOWN,
	UI_ACT_PAGE_UP,
	UI_ACT_PAGE_DOWN,
	UI_ACT_PANE,        /* final report / thread table and event log */
	UI_ACT_RESTART,
	UI_ACT_NEXT_POLICY,
	UI_ACT_BACK,        /* a recording: one event back */
	UI_ACT_START,       /* ... to before the first event */
	UI_ACT_END,         /* ... to the end */
	UI_ACT_TIME,        /* ... open the time prompt */
	UI_ACT_HELP,
	UI_ACT_REDRAW,
	UI_ACT_DIGIT,       /* the time prompt: a digit, */
	UI_ACT_ERASE,       /* erase the last one, */
	UI_ACT_JUMP,        /* jump there, */
	UI_ACT_CANCEL,      /* or close it */
	UI_ACT_CLOSE_HELP,
	UI_ACTIONS
} ui_action;

/* Key codes the table uses beyond curses' KEY_ macros: control
 * characters, and two that stand for several keys (above KEY_MAX). */
enum {
	UI_KEY_CTRL_H = 8,     /* Backspace on some terminals */
	UI_KEY_TAB = '\t',
	UI_KEY_LF = '\n',
	UI_KEY_CTRL_L = 12,
	UI_KEY_CR = '\r',      /* Enter, under nonl() */
	UI_KEY_ESC = 27,
	UI_KEY_DEL = 127,      /* Backspace on most terminals */
	UI_KEY_DIGIT = 0x10000, /* any of 0-9 */
	UI_KEY_ANY              /* any key at all */
};

/* Where a row applies: sources, and run states as UI_RUN_BIT()s. */
enum { UI_SRC_LIVE = 1, UI_SRC_REPLAY = 2, UI_SRC_ANY = 3 };
#define UI_RUN_BIT(r) (1u << (r))
#define UI_RUNS_ANY (UI_RUN_BIT(UI_RUNS) - 1)

#define UI_BIND_KEYS 4

typedef struct ui_binding {
	int keys[UI_BIND_KEYS]; /* 0 ends the list early */
	ui_action act;
	ui_ctx ctx;
	unsigned src;          /* UI_SRC_ bits */
	unsigned runs;         /* UI_RUN_BIT()s */
	/* The help overlay's words; NULL: the row shares the help line of the
	 * row before it that has words (its keys after a " / "). */
	const char *words;
	/* The status line's hint (NULL: none) and its place there, lower
	 * first; hint_utf8 for a UTF-8 terminal (NULL: the same). */
	const char *hint, *hint_utf8;
	int rank;
	/* The note for these keys where the row does not apply (in the same
	 * context); NULL: say nothing. */
	const char *refused;
} ui_binding;

extern const ui_binding ui_keymap[];
extern const size_t ui_keymap_len;

/* The most columns one hint takes (the help's own, its last line, is the
 * longest); the most help lines in any mode, and the widest: the overlay
 * (those, 3 more lines and a box around) leaves the title and the status
 * line of an 80x24 terminal in view. */
enum { UI_HINT_COLS = 25, UI_HELP_ROWS = 16, UI_HELP_COLS = 72 };

bool ui_binding_applies(const ui_binding *b, const ui_keymode *m);
bool ui_binding_has(const ui_binding *b, int key);

/* The row for key in mode m, or NULL; then *refused (if not NULL) is the
 * note of a row with that key in the same context that does not apply
 * here, or NULL. */
const ui_binding *ui_keymap_find(const ui_keymode *m, int key, const char **refused);

/* "q", "space", "Ctrl-L", "Left" (or "←" in UTF-8); NULL if unnamed. */
const char *ui_key_name(int key, bool utf8);
/* The name of the first key that does act in the view: for notes that
 * name a key ("f follows"). */
const char *ui_keymap_key(ui_action act, bool utf8);

/* The help overlay's lines for mode m, in table order: the keys, padded
 * to the widest, then the words.  Returns how many there are and writes
 * at most max of them. */
#define UI_HELP_LINE 128
size_t ui_keymap_help(const ui_keymode *m, bool utf8, char (*lines)[UI_HELP_LINE],
                      size_t max);

/* The hints for mode m by rank, two spaces apart, as many whole ones as
 * fit in width columns. */
void ui_keymap_hints(const ui_keymode *m, bool utf8, int width, char *buf, size_t len);

/* Columns of UTF-8 text whose characters are one column each (all the
 * table's text is). */
int ui_keymap_cols(const char *s);

#endif
