# tests/: suites shared by several modules (command line, valgrind).
