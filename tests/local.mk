# tests/: checks of the whole tree (the README's commands, valgrind over every suite).
TESTS += tests/readme.sh
EXTRA_DIST += tests/readme.sh tests/valgrind.sh
# The golden outputs the shell tests compare with, as a directory.
EXTRA_DIST += tests/golden
if !ASAN
# valgrind cannot run sanitized binaries; the ASan build is its own check.
TESTS += tests/valgrind.sh
endif
