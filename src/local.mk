# src/: the schedsim program itself (command line and subcommands).
bin_PROGRAMS += schedsim
schedsim_SOURCES = src/main.c src/cli.h
schedsim_CPPFLAGS = $(AM_CPPFLAGS)
schedsim_LDADD = libui.a $(NCURSESW_LIBS)
