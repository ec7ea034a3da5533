# ui/: the live terminal view.
noinst_LIBRARIES += libui.a
libui_a_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
libui_a_SOURCES = ui/ui.h ui/live.c
