# ui/: the live terminal view.  The layout model (history, cells, text) is
# plain C; the curses code draws what it decides.
noinst_LIBRARIES += libui.a
libui_a_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
libui_a_SOURCES = ui/ui.h ui/view.h ui/live.c ui/source.c ui/keys.c \
	ui/keymap.h ui/keymap.c \
	ui/tty.h ui/tty.c \
	ui/draw.h ui/draw.c ui/draw_panes.c \
	ui/model.h ui/history.c ui/cells.c ui/text.c

check_PROGRAMS += tests/ui_model_test
TESTS += tests/ui_model_test
tests_ui_model_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_ui_model_test_LDADD = libui.a $(LIB_LIBS) $(CHECK_SUITE_LIBS)

# The key table, and the docs that name its keys.
check_PROGRAMS += tests/ui_keymap_test
TESTS += tests/ui_keymap_test
tests_ui_keymap_test_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
tests_ui_keymap_test_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_ui_keymap_test_LDADD = libui.a $(CHECK_SUITE_LIBS)

# The tmux test drives schedsim, ui_drive (a stack overflow, a run-time
# failure) and ui_replay_drive (a recording played back).
UI_DRIVE_LIBS = libui.a $(REPORT_LIBS) \
	$(NCURSESW_LIBS)
check_PROGRAMS += tests/ui_drive tests/ui_replay_drive
tests_ui_drive_LDADD = $(UI_DRIVE_LIBS)
tests_ui_replay_drive_LDADD = $(UI_DRIVE_LIBS)
TESTS += tests/tui.sh
EXTRA_DIST += tests/tui.sh

BENCH_BINS += bench/ui_bench
bench_ui_bench_SOURCES = bench/ui_bench.c bench/bench.c bench/bench.h
bench_ui_bench_LDADD = libui.a $(LIB_LIBS)

dist_doc_DATA += doc/live-view.md
