/* ui_keymap_test: the live view's key table, and the docs that name its keys. */
#include <config.h>

#include <check.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "ui/keymap.h"

/* Every mode the view can be in. */
#define FOR_MODES(m)                                                         \
	for (ui_keymode m = { 0, false, 0 }; m.ctx < UI_CTXS;                \
	     m.run = (ui_run)((m.run + 1) % UI_RUNS),                         \
	     m.replay = m.run ? m.replay : !m.replay,                         \
	     m.ctx = (ui_ctx)(m.ctx + (!m.run && !m.replay)))

static int nmodes(void)
{
	int n = 0;

	FOR_MODES(m)
		n++;
	return n;
}

/* A key a row answers to (its pseudo-keys by a key they stand for). */
static int sample_key(const ui_binding *b)
{
	return b->keys[0] == UI_KEY_DIGIT ? '5' : b->keys[0] == UI_KEY_ANY ? 'x' : b->keys[0];
}

START_TEST(modes_enumerated)
{
	ck_assert_int_eq(nmodes(), UI_CTXS * 2 * UI_RUNS);
}
END_TEST

START_TEST(no_key_bound_twice_in_a_mode)
{
	FOR_MODES(m) {
		for (size_t i = 0; i < ui_keymap_len; i++) {
			const ui_binding *b = &ui_keymap[i];
			if (!ui_binding_applies(b, &m))
				continue;
			for (int k = 0; k < UI_BIND_KEYS && b->keys[k]; k++) {
				int key = b->keys[k] == UI_KEY_DIGIT ? '0' : b->keys[k];
				for (size_t j = i + 1; j < ui_keymap_len; j++)
					ck_assert_msg(!ui_binding_applies(&ui_keymap[j], &m) ||
						      !ui_binding_has(&ui_keymap[j], key),
						      "rows %zu and %zu both take %s (ctx %d, %s, run %d)",
						      i, j, ui_key_name(key, false), m.ctx,
						      m.replay ? "replay" : "live", m.run);
			}
		}
	}
}
END_TEST

/* Each action has a row, and some mode where pressing its key finds it. */
START_TEST(every_action_reachable)
{
	for (int a = 0; a < UI_ACTIONS; a++) {
		bool reached = false;
		for (size_t i = 0; i < ui_keymap_len; i++) {
			const ui_binding *b = &ui_keymap[i];
			if (b->act != (ui_action)a)
				continue;
			FOR_MODES(m)
				reached |= ui_keymap_find(&m, sample_key(b), NULL) == b;
		}
		ck_assert_msg(reached, "action %d: no key reaches it", a);
	}
}
END_TEST

/* A key of the view either acts or says why not, in every mode of the view. */
START_TEST(view_keys_act_or_say_why_not)
{
	FOR_MODES(m) {
		if (m.ctx != UI_CTX_VIEW)
			continue;
		for (size_t i = 0; i < ui_keymap_len; i++) {
			const ui_binding *b = &ui_keymap[i];
			if (b->ctx != UI_CTX_VIEW)
				continue;
			for (int k = 0; k < UI_BIND_KEYS && b->keys[k]; k++) {
				const char *why = NULL;
				const ui_binding *f = ui_keymap_find(&m, b->keys[k], &why);
				ck_assert_msg(f || why, "%s does nothing, silently (%s, run %d)",
					      ui_key_name(b->keys[k], false),
					      m.replay ? "replay" : "live", m.run);
			}
		}
	}
}
END_TEST

START_TEST(find_by_mode)
{
	ui_keymode paused = { UI_CTX_VIEW, false, UI_RUN_PAUSED };
	ui_keymode running = { UI_CTX_VIEW, false, UI_RUN_RUNNING };
	ui_keymode over = { UI_CTX_VIEW, true, UI_RUN_FINISHED };
	ui_keymode replay = { UI_CTX_VIEW, true, UI_RUN_PAUSED };
	ui_keymode prompt = { UI_CTX_PROMPT, true, UI_RUN_PAUSED };
	ui_keymode help = { UI_CTX_HELP, false, UI_RUN_RUNNING };
	ui_keymode small = { UI_CTX_SMALL, false, UI_RUN_RUNNING };
	const char *why;

	ck_assert_int_eq(ui_keymap_find(&paused, KEY_RIGHT, NULL)->act, UI_ACT_PAN_ON_STEP);
	ck_assert_int_eq(ui_keymap_find(&paused, 'l', NULL)->act, UI_ACT_PAN_ON);
	ck_assert_int_eq(ui_keymap_find(&running, KEY_RIGHT, NULL)->act, UI_ACT_PAN_ON);
	ck_assert_int_eq(ui_keymap_find(&running, '=', NULL)->act, UI_ACT_FASTER);
	ck_assert_int_eq(ui_keymap_find(&over, KEY_HOME, NULL)->act, UI_ACT_START);
	ck_assert_ptr_null(ui_keymap_find(&over, ' ', &why));
	ck_assert_str_eq(why, "the run is over: r restarts, q quits");
	ck_assert_ptr_null(ui_keymap_find(&replay, 'p', &why));
	ck_assert_str_eq(why, "a recording has the one policy it was run under");
	ck_assert_ptr_null(ui_keymap_find(&paused, 'b', &why));
	ck_assert_str_eq(why, "seeking is for replays; r restarts");
	ck_assert_ptr_null(ui_keymap_find(&running, UI_KEY_TAB, &why));
	ck_assert_str_eq(why, "the final report comes when the run ends");
	ck_assert_ptr_null(ui_keymap_find(&running, 'x', &why));
	ck_assert_ptr_null(why);
	ck_assert_int_eq(ui_keymap_find(&prompt, '7', NULL)->act, UI_ACT_DIGIT);
	ck_assert_int_eq(ui_keymap_find(&prompt, UI_KEY_DEL, NULL)->act, UI_ACT_ERASE);
	ck_assert_int_eq(ui_keymap_find(&prompt, UI_KEY_CR, NULL)->act, UI_ACT_JUMP);
	ck_assert_ptr_null(ui_keymap_find(&prompt, 'q', &why));
	ck_assert_ptr_null(why);
	ck_assert_int_eq(ui_keymap_find(&help, 'q', NULL)->act, UI_ACT_CLOSE_HELP);
	ck_assert_int_eq(ui_keymap_find(&small, 'Q', NULL)->act, UI_ACT_QUIT);
	ck_assert_ptr_null(ui_keymap_find(&small, ' ', NULL));
}
END_TEST

START_TEST(every_key_named)
{
	for (size_t i = 0; i < ui_keymap_len; i++)
		for (int k = 0; k < UI_BIND_KEYS && ui_keymap[i].keys[k]; k++) {
			ck_assert_ptr_nonnull(ui_key_name(ui_keymap[i].keys[k], false));
			ck_assert_ptr_nonnull(ui_key_name(ui_keymap[i].keys[k], true));
		}
	ck_assert_str_eq(ui_key_name('q', false), "q");
	ck_assert_str_eq(ui_key_name('~', false), "~");
	ck_assert_str_eq(ui_key_name(KEY_LEFT, true), "←");
	ck_assert_str_eq(ui_keymap_key(UI_ACT_FOLLOW, false), "f");
}
END_TEST

/* Every row says what it does in the help; a row that shares the help line
 * of the row above applies only where that one does, so it is never shown
 * without it. */
START_TEST(help_words_and_shared_lines)
{
	const ui_binding *starter = NULL;

	for (size_t i = 0; i < ui_keymap_len; i++) {
		const ui_binding *b = &ui_keymap[i];
		if (b->words) {
			ck_assert_msg(*b->words, "row %zu: empty words", i);
			starter = b;
			continue;
		}
		ck_assert_msg(starter && starter->ctx == b->ctx &&
			      (b->src & ~starter->src) == 0 && (b->runs & ~starter->runs) == 0,
			      "row %zu shares a help line it can be shown without", i);
	}
}
END_TEST

/* The help of every mode fits the overlay, which fits 80x24. */
START_TEST(help_fits)
{
	char lines[UI_HELP_ROWS + 1][UI_HELP_LINE];

	FOR_MODES(m) {
		for (int u = 0; u < 2; u++) {
			size_t n = ui_keymap_help(&m, u, lines, UI_HELP_ROWS + 1);
			ck_assert_uint_le(n, UI_HELP_ROWS);
			for (size_t i = 0; i < n; i++)
				ck_assert_msg(ui_keymap_cols(lines[i]) <= UI_HELP_COLS,
					      "'%s' is too wide", lines[i]);
		}
	}
	/* with a blank row, the glyphs, how to close it, and a border */
	ck_assert_int_le(UI_HELP_ROWS + 3 + 2, 24 - 2);
	ck_assert_int_le(UI_HELP_COLS + 4, 80);
}
END_TEST

START_TEST(help_lines)
{
	char lines[UI_HELP_ROWS][UI_HELP_LINE];
	ui_keymode over = { UI_CTX_VIEW, true, UI_RUN_FINISHED };
	static const char *const want[] = {
		"Left h / Right l  scroll the timeline",
		"f                 follow the present again",
		"z / Z             zoom in / out",
		"Up k / Down j     scroll threads or report",
		"PgUp / PgDn       a page of threads or report",
		"Tab               final report / threads and events",
		"r                 restart",
		"b                 one event back",
		"Home g / End G    the start / the end",
		"t                 jump to a time",
		"? F1              this help",
		"Ctrl-L            redraw",
		"q Q               quit",
	};
	size_t n = ui_keymap_help(&over, false, lines, UI_HELP_ROWS);

	ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(lines[i], want[i]);
	/* Enter is three keys, Backspace three: each named once. */
	ui_keymode prompt = { UI_CTX_PROMPT, true, UI_RUN_PAUSED };
	ck_assert_uint_eq(ui_keymap_help(&prompt, false, lines, UI_HELP_ROWS), 4);
	ck_assert_str_eq(lines[1], "Backspace  erase a digit");
	ck_assert_str_eq(lines[2], "Enter      to the first event at or after it");
}
END_TEST

/* Whole hints only, by rank; the help and quit hints come first and fit
 * at 80 columns after the longest status words, speed and policy. */
START_TEST(hints_fit)
{
	char buf[256];
	/* " DEADLOCK " " 10000 ev/s  " and a policy name of 12 and 2 blanks */
	int width = 80 - 10 - 13 - 14;

	for (size_t i = 0; i < ui_keymap_len; i++) {
		const ui_binding *b = &ui_keymap[i];
		if (b->hint)
			ck_assert_int_le(ui_keymap_cols(b->hint), UI_HINT_COLS);
		if (b->hint_utf8)
			ck_assert_int_le(ui_keymap_cols(b->hint_utf8), UI_HINT_COLS);
	}
	FOR_MODES(m) {
		if (m.ctx != UI_CTX_VIEW)
			continue;
		ui_keymap_hints(&m, true, width, buf, sizeof buf);
		ck_assert_msg(!strncmp(buf, "? help  q quit", 14), "hints: '%s'", buf);
		ck_assert_int_le(ui_keymap_cols(buf), width);
	}
}
END_TEST

/* A hint begins with the name of one of its row's keys: it cannot name a
 * key the row does not bind. */
START_TEST(hints_name_their_keys)
{
	for (size_t i = 0; i < ui_keymap_len; i++) {
		const ui_binding *b = &ui_keymap[i];
		for (int u = 0; u < 2; u++) {
			const char *hint = u && b->hint_utf8 ? b->hint_utf8 : b->hint;
			bool named = !hint;
			for (int k = 0; k < UI_BIND_KEYS && b->keys[k] && !named; k++) {
				const char *name = ui_key_name(b->keys[k], u);
				size_t n = strlen(name);
				named = !strncmp(hint, name, n) && (hint[n] == ' ' || hint[n] == '/');
			}
			ck_assert_msg(named, "row %zu: '%s' names none of its keys", i, hint);
		}
	}
}
END_TEST

START_TEST(hints_exact)
{
	char buf[256];
	ui_keymode live = { UI_CTX_VIEW, false, UI_RUN_RUNNING };
	ui_keymode over = { UI_CTX_VIEW, false, UI_RUN_FINISHED };
	ui_keymode prompt = { UI_CTX_PROMPT, true, UI_RUN_PAUSED };
	ui_keymode small = { UI_CTX_SMALL, true, UI_RUN_PAUSED };

	ui_keymap_hints(&live, false, 1000, buf, sizeof buf);
	ck_assert_str_eq(buf, "? help  q quit  space pause  s step  +/- speed  h/l scroll"
			      "  z/Z zoom  r restart  p next policy");
	ui_keymap_hints(&live, true, 58, buf, sizeof buf);
	ck_assert_str_eq(buf, "? help  q quit  space pause  s step  +/- speed  ←/→ scroll");
	ui_keymap_hints(&live, true, 57, buf, sizeof buf);
	ck_assert_str_eq(buf, "? help  q quit  space pause  s step  +/- speed");
	ui_keymap_hints(&over, false, 1000, buf, sizeof buf);
	ck_assert_str_eq(buf, "? help  q quit  Tab report/live  h/l scroll  z/Z zoom"
			      "  r restart  p next policy");
	ui_keymap_hints(&prompt, false, 1000, buf, sizeof buf);
	ck_assert_str_eq(buf, "Enter jumps  Esc cancels");
	ui_keymap_hints(&small, false, 1000, buf, sizeof buf);
	ck_assert_str_eq(buf, "q quits");
	ui_keymap_hints(&small, false, 6, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* ---- the docs name the keys of the table ----------------------------------- */

static const char *srcdir(void)
{
	const char *d = getenv("top_srcdir");

	return d && *d ? d : SCHEDSIM_SRCDIR;
}

static char *slurp(const char *name)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", srcdir(), name);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (int c; (c = getc(f)) != EOF;) {
		if (len + 2 > cap) {
			cap = cap ? 2 * cap : 4096;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
		buf[len++] = (char)c;
	}
	fclose(f);
	ck_assert_ptr_nonnull(buf);
	buf[len] = '\0';
	return buf;
}

/* Add name to the list " a b " in buf unless it is there. */
static void add_name(char *buf, size_t len, const char *name)
{
	char word[64];

	snprintf(word, sizeof word, " %s ", name);
	if (!strstr(buf, word))
		snprintf(buf + strlen(buf), len - strlen(buf), "%s ", word + 1);
}

/* The names of the keys the table binds in the view and the time prompt
 * (the help's "any key" is not a key), each once, " q Q space ... ". */
static void table_names(char *buf, size_t len)
{
	snprintf(buf, len, " ");
	for (size_t i = 0; i < ui_keymap_len; i++) {
		const ui_binding *b = &ui_keymap[i];
		if (b->ctx == UI_CTX_HELP)
			continue;
		for (int k = 0; k < UI_BIND_KEYS && b->keys[k]; k++)
			add_name(buf, len, ui_key_name(b->keys[k], false));
	}
}

/* The key names in the first column of doc/live-view.md's key tables
 * (those under "## Keys" and "## Replay"), in the same form. */
static void doc_names(char *buf, size_t len)
{
	char *doc = slurp("doc/live-view.md");
	bool in_keys = false;

	snprintf(buf, len, " ");
	for (char *line = strtok(doc, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "## ", 3))
			in_keys = !strcmp(line, "## Keys") || !strcmp(line, "## Replay");
		if (!in_keys || line[0] != '|' || !strncmp(line, "| key ", 6) ||
		    !strncmp(line, "|---", 4))
			continue;
		char cell[256];
		const char *end = strchr(line + 1, '|');
		size_t n = end ? (size_t)(end - line - 1) : 0;
		ck_assert_uint_lt(n, sizeof cell);
		memcpy(cell, line + 1, n);
		cell[n] = '\0';
		char *save;
		for (char *w = strtok_r(cell, " ,`", &save); w; w = strtok_r(NULL, " ,`", &save)) {
			if (strcmp(w, "/"))
				add_name(buf, len, w);
		}
	}
	free(doc);
}

/* Each name of one list that the other lacks, as " a b ". */
static void missing(const char *from, const char *in, char *out, size_t len)
{
	char word[64];

	out[0] = '\0';
	for (const char *p = from + 1; *p; p = strchr(p, ' ') + 1) {
		size_t n = (size_t)(strchr(p, ' ') - p);
		snprintf(word, sizeof word, " %.*s ", (int)n, p);
		if (!strstr(in, word))
			snprintf(out + strlen(out), len - strlen(out), "%s", word);
	}
}

START_TEST(doc_lists_the_table_keys)
{
	char table[1024], doc[1024], lack[1024], extra[1024];

	table_names(table, sizeof table);
	doc_names(doc, sizeof doc);
	missing(table, doc, lack, sizeof lack);
	missing(doc, table, extra, sizeof extra);
	ck_assert_msg(!lack[0], "doc/live-view.md's key tables lack:%s", lack);
	ck_assert_msg(!extra[0], "doc/live-view.md's key tables name keys not bound:%s", extra);
}
END_TEST

/* The README's sentence on the live view names only keys that are bound. */
START_TEST(readme_names_bound_keys)
{
	char *readme = slurp("README.md");
	char table[1024];
	const char *p = strstr(readme, "In the live view:");
	int named = 0;

	table_names(table, sizeof table);
	ck_assert_ptr_nonnull(p);
	const char *end = strstr(p, "\n\n");
	ck_assert_ptr_nonnull(end);
	while ((p = strchr(p, '`')) && p < end) {
		const char *q = strchr(p + 1, '`');
		char word[64];
		snprintf(word, sizeof word, " %.*s ", (int)(q - p - 1), p + 1);
		ck_assert_msg(strstr(table, word) != NULL, "README names%sbut it is not bound", word);
		named++;
		p = q + 1;
	}
	ck_assert_int_ge(named, 8);
	free(readme);
}
END_TEST

Suite *check_suite(void)
{
	Suite *s = suite_create("ui_keymap");
	TCase *tc = tcase_create("keymap");

	tcase_add_test(tc, modes_enumerated);
	tcase_add_test(tc, no_key_bound_twice_in_a_mode);
	tcase_add_test(tc, every_action_reachable);
	tcase_add_test(tc, view_keys_act_or_say_why_not);
	tcase_add_test(tc, find_by_mode);
	tcase_add_test(tc, every_key_named);
	tcase_add_test(tc, help_words_and_shared_lines);
	tcase_add_test(tc, help_fits);
	tcase_add_test(tc, help_lines);
	tcase_add_test(tc, hints_fit);
	tcase_add_test(tc, hints_name_their_keys);
	tcase_add_test(tc, hints_exact);
	tcase_add_test(tc, doc_lists_the_table_keys);
	tcase_add_test(tc, readme_names_bound_keys);
	suite_add_tcase(s, tc);
	return s;
}
