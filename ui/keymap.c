/* keymap.c: the table of the live view's keys, and the help lines and
 * status hints made from it.  Keys people know from less, htop and top. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keymap.h"

#define RUN(r) UI_RUN_BIT(UI_RUN_##r)
#define PLAYING (RUN(RUNNING) | RUN(PAUSED))
#define ENDED (RUN(FINISHED) | RUN(DEADLOCK)) /* a final report to show */

static const char over[] = "the run is over: r restarts, q quits";
static const char for_replays[] = "seeking is for replays; r restarts";

const ui_binding ui_keymap[] = {
	/* The view.  In the order of the help overlay. */
	{ { ' ' }, UI_ACT_PAUSE, UI_CTX_VIEW, UI_SRC_ANY, RUN(RUNNING),
	  "pause", "space pause", NULL, 3, over },
	{ { ' ' }, UI_ACT_PAUSE, UI_CTX_VIEW, UI_SRC_ANY, RUN(PAUSED),
	  "run again", "space run", NULL, 3, over },
	{ { 's' }, UI_ACT_STEP, UI_CTX_VIEW, UI_SRC_ANY, PLAYING,
	  "one event, then paused", "s step", NULL, 4, over },
	{ { '+', '=' }, UI_ACT_FASTER, UI_CTX_VIEW, UI_SRC_ANY, PLAYING,
	  "faster / slower", "+/- speed", NULL, 8, over },
	{ { '-', '_' }, UI_ACT_SLOWER, UI_CTX_VIEW, UI_SRC_ANY, PLAYING,
	  NULL, NULL, NULL, 0, over },
	/* Right at the present of a paused run steps; l only scrolls. */
	{ { KEY_LEFT, 'h' }, UI_ACT_PAN_BACK, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "scroll the timeline", "h/l scroll", "←/→ scroll", 9, NULL },
	{ { KEY_RIGHT, 'l' }, UI_ACT_PAN_ON, UI_CTX_VIEW, UI_SRC_ANY,
	  UI_RUNS_ANY & ~RUN(PAUSED), NULL, NULL, NULL, 0, NULL },
	{ { 'l' }, UI_ACT_PAN_ON, UI_CTX_VIEW, UI_SRC_ANY, RUN(PAUSED),
	  NULL, NULL, NULL, 0, NULL },
	{ { KEY_RIGHT }, UI_ACT_PAN_ON_STEP, UI_CTX_VIEW, UI_SRC_ANY, RUN(PAUSED),
	  "scroll; at the present, one event", NULL, NULL, 0, NULL },
	{ { 'f' }, UI_ACT_FOLLOW, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "follow the present again", NULL, NULL, 0, NULL },
	{ { 'z' }, UI_ACT_ZOOM_IN, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "zoom in / out", "z/Z zoom", NULL, 10, NULL },
	{ { 'Z' }, UI_ACT_ZOOM_OUT, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  NULL, NULL, NULL, 0, NULL },
	{ { KEY_UP, 'k' }, UI_ACT_ROW_UP, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "scroll threads or report", NULL, NULL, 0, NULL },
	{ { KEY_DOWN, 'j' }, UI_ACT_ROW_DOWN, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  NULL, NULL, NULL, 0, NULL },
	{ { KEY_PPAGE }, UI_ACT_PAGE_UP, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "a page of threads or report", NULL, NULL, 0, NULL },
	{ { KEY_NPAGE }, UI_ACT_PAGE_DOWN, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  NULL, NULL, NULL, 0, NULL },
	{ { UI_KEY_TAB }, UI_ACT_PANE, UI_CTX_VIEW, UI_SRC_ANY, ENDED,
	  "final report / threads and events", "Tab report/live", NULL, 5,
	  "the final report comes when the run ends" },
	{ { 'r' }, UI_ACT_RESTART, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "restart", "r restart", NULL, 11, NULL },
	{ { 'p' }, UI_ACT_NEXT_POLICY, UI_CTX_VIEW, UI_SRC_LIVE, UI_RUNS_ANY,
	  "restart under the next policy", "p next policy", NULL, 12,
	  "a recording has the one policy it was run under" },
	{ { 'b' }, UI_ACT_BACK, UI_CTX_VIEW, UI_SRC_REPLAY, UI_RUNS_ANY,
	  "one event back", "b back", NULL, 6, for_replays },
	{ { KEY_HOME, 'g' }, UI_ACT_START, UI_CTX_VIEW, UI_SRC_REPLAY, UI_RUNS_ANY,
	  "the start / the end", "g/G start/end", NULL, 13, for_replays },
	{ { KEY_END, 'G' }, UI_ACT_END, UI_CTX_VIEW, UI_SRC_REPLAY, UI_RUNS_ANY,
	  NULL, NULL, NULL, 0, for_replays },
	{ { 't' }, UI_ACT_TIME, UI_CTX_VIEW, UI_SRC_REPLAY, UI_RUNS_ANY,
	  "jump to a time", "t time", NULL, 7, for_replays },
	{ { '?', KEY_F(1) }, UI_ACT_HELP, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "this help", "? help", NULL, 1, NULL },
	{ { UI_KEY_CTRL_L }, UI_ACT_REDRAW, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "redraw", NULL, NULL, 0, NULL },
	{ { 'q', 'Q' }, UI_ACT_QUIT, UI_CTX_VIEW, UI_SRC_ANY, UI_RUNS_ANY,
	  "quit", "q quit", NULL, 2, NULL },

	/* Typing a time to jump to (t, in a recording); other keys do nothing. */
	{ { UI_KEY_DIGIT }, UI_ACT_DIGIT, UI_CTX_PROMPT, UI_SRC_REPLAY, UI_RUNS_ANY,
	  "the time", NULL, NULL, 0, NULL },
	{ { KEY_BACKSPACE, UI_KEY_DEL, UI_KEY_CTRL_H }, UI_ACT_ERASE, UI_CTX_PROMPT,
	  UI_SRC_REPLAY, UI_RUNS_ANY, "erase a digit", NULL, NULL, 0, NULL },
	{ { UI_KEY_CR, UI_KEY_LF, KEY_ENTER }, UI_ACT_JUMP, UI_CTX_PROMPT,
	  UI_SRC_REPLAY, UI_RUNS_ANY, "to the first event at or after it",
	  "Enter jumps", NULL, 1, NULL },
	{ { UI_KEY_ESC }, UI_ACT_CANCEL, UI_CTX_PROMPT, UI_SRC_REPLAY, UI_RUNS_ANY,
	  "cancel", "Esc cancels", NULL, 2, NULL },

	/* The help overlay: its hint is its last line. */
	{ { UI_KEY_ANY }, UI_ACT_CLOSE_HELP, UI_CTX_HELP, UI_SRC_ANY, UI_RUNS_ANY,
	  "close the help", "Any key closes this help.", NULL, 1, NULL },

	/* Too small a terminal: only quitting; the hint is on its screen. */
	{ { 'q', 'Q' }, UI_ACT_QUIT, UI_CTX_SMALL, UI_SRC_ANY, UI_RUNS_ANY,
	  "quit", "q quits", NULL, 1, NULL },
};

const size_t ui_keymap_len = sizeof ui_keymap / sizeof ui_keymap[0];

bool ui_binding_applies(const ui_binding *b, const ui_keymode *m)
{
	unsigned src = m->replay ? UI_SRC_REPLAY : UI_SRC_LIVE;

	return b->ctx == m->ctx && (b->src & src) && (b->runs & UI_RUN_BIT(m->run));
}

bool ui_binding_has(const ui_binding *b, int key)
{
	for (int i = 0; i < UI_BIND_KEYS && b->keys[i]; i++) {
		int k = b->keys[i];
		if (k == key || k == UI_KEY_ANY ||
		    (k == UI_KEY_DIGIT && key >= '0' && key <= '9'))
			return true;
	}
	return false;
}

const ui_binding *ui_keymap_find(const ui_keymode *m, int key, const char **refused)
{
	const char *why = NULL;

	for (size_t i = 0; i < ui_keymap_len; i++) {
		const ui_binding *b = &ui_keymap[i];
		if (b->ctx != m->ctx || !ui_binding_has(b, key))
			continue;
		if (ui_binding_applies(b, m))
			return b;
		if (!why)
			why = b->refused;
	}
	if (refused)
		*refused = why;
	return NULL;
}

const char *ui_key_name(int key, bool utf8)
{
	/* A printable ASCII key is named by itself. */
	static const char printable[] =
		"!\0\"\0#\0$\0%\0&\0'\0(\0)\0*\0+\0,\0-\0.\0/\0"
		"0\0" "1\0" "2\0" "3\0" "4\0" "5\0" "6\0" "7\0" "8\0" "9\0"
		":\0;\0<\0=\0>\0?\0@\0"
		"A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z\0"
		"[\0\\\0]\0^\0_\0`\0"
		"a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0u\0v\0w\0x\0y\0z\0"
		"{\0|\0}\0~";

	if (key > ' ' && key < UI_KEY_DEL)
		return printable + 2 * (key - '!');
	switch (key) {
	case ' ':
		return "space";
	case UI_KEY_TAB:
		return "Tab";
	case UI_KEY_CR:
	case UI_KEY_LF:
	case KEY_ENTER:
		return "Enter";
	case UI_KEY_ESC:
		return "Esc";
	case UI_KEY_DEL:
	case UI_KEY_CTRL_H:
	case KEY_BACKSPACE:
		return "Backspace";
	case UI_KEY_CTRL_L:
		return "Ctrl-L";
	case KEY_LEFT:
		return utf8 ? "←" : "Left";
	case KEY_RIGHT:
		return utf8 ? "→" : "Right";
	case KEY_UP:
		return utf8 ? "↑" : "Up";
	case KEY_DOWN:
		return utf8 ? "↓" : "Down";
	case KEY_PPAGE:
		return "PgUp";
	case KEY_NPAGE:
		return "PgDn";
	case KEY_HOME:
		return "Home";
	case KEY_END:
		return "End";
	case KEY_F(1):
		return "F1";
	case UI_KEY_DIGIT:
		return "0-9";
	case UI_KEY_ANY:
		return "Any key";
	default:
		return NULL;
	}
}

const char *ui_keymap_key(ui_action act, bool utf8)
{
	for (size_t i = 0; i < ui_keymap_len; i++)
		if (ui_keymap[i].act == act && ui_keymap[i].ctx == UI_CTX_VIEW)
			return ui_key_name(ui_keymap[i].keys[0], utf8);
	return "?";
}

int ui_keymap_cols(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80; /* not a continuation byte */
	return n;
}

static void append(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);

	if (n < len)
		snprintf(buf + n, len - n, "%s", s);
}

/* A row's keys, each name once ("Enter" is three keys): "Left h". */
static void key_names(const ui_binding *b, bool utf8, char *buf, size_t len)
{
	for (int i = 0; i < UI_BIND_KEYS && b->keys[i]; i++) {
		const char *name = ui_key_name(b->keys[i], utf8);
		bool seen = false;
		for (int j = 0; j < i; j++)
			seen |= !strcmp(name, ui_key_name(b->keys[j], utf8));
		if (seen)
			continue;
		if (i)
			append(buf, len, " ");
		append(buf, len, name);
	}
}

/* The help line that starts at or after row *i: its keys into keys, its
 * words returned (NULL after the last); *i moves past its rows. */
static const char *help_line(const ui_keymode *m, bool utf8, size_t *i,
			     char *keys, size_t len)
{
	const char *words = NULL;

	keys[0] = '\0';
	for (; *i < ui_keymap_len; ++*i) {
		const ui_binding *b = &ui_keymap[*i];
		if (!ui_binding_applies(b, m))
			continue;
		if (b->words && words)
			break;
		if (!b->words && !words)
			continue; /* a continuation whose line is not shown */
		if (!b->words)
			append(keys, len, " / ");
		else
			words = b->words;
		key_names(b, utf8, keys, len);
	}
	return words;
}

size_t ui_keymap_help(const ui_keymode *m, bool utf8, char (*lines)[UI_HELP_LINE],
		      size_t max)
{
	char keys[UI_HELP_LINE];
	const char *words;
	int width = 0;
	size_t n = 0;

	for (size_t i = 0; help_line(m, utf8, &i, keys, sizeof keys);)
		if (ui_keymap_cols(keys) > width)
			width = ui_keymap_cols(keys);
	for (size_t i = 0; (words = help_line(m, utf8, &i, keys, sizeof keys)); n++)
		if (n < max) {
			lines[n][0] = '\0';
			append(lines[n], UI_HELP_LINE, keys);
			for (int c = ui_keymap_cols(keys); c < width + 2; c++)
				append(lines[n], UI_HELP_LINE, " ");
			append(lines[n], UI_HELP_LINE, words);
		}
	return n;
}

void ui_keymap_hints(const ui_keymode *m, bool utf8, int width, char *buf, size_t len)
{
	int used = 0;
	size_t last = ui_keymap_len; /* the hint placed last, by (rank, row) */

	if (len)
		buf[0] = '\0';
	for (;;) {
		size_t next = ui_keymap_len;
		for (size_t i = 0; i < ui_keymap_len; i++) {
			const ui_binding *b = &ui_keymap[i];
			if (!b->hint || !ui_binding_applies(b, m))
				continue;
			bool after = last == ui_keymap_len || b->rank > ui_keymap[last].rank ||
				     (b->rank == ui_keymap[last].rank && i > last);
			bool before = next == ui_keymap_len || b->rank < ui_keymap[next].rank;
			if (after && before)
				next = i;
		}
		if (next == ui_keymap_len)
			return;
		const ui_binding *b = &ui_keymap[next];
		const char *hint = utf8 && b->hint_utf8 ? b->hint_utf8 : b->hint;
		int cols = ui_keymap_cols(hint) + (used ? 2 : 0);
		if (used + cols > width)
			return;
		if (used)
			append(buf, len, "  ");
		append(buf, len, hint);
		used += cols;
		last = next;
	}
}
