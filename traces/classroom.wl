# The classroom demo (`schedsim demo` runs this workload): five threads on
# one CPU under round robin with a quantum of 3.
#   editor, shell   interactive: a tick or two of CPU, then a wait for I/O
#   player          medium: 3 ticks of CPU between short I/O waits
#   compiler, backup  CPU-bound: long bursts, never block
# Priorities are given too (lower is higher), so the same file shows
# `--policy prio` and `--policy prio --preemptive` side by side.
# Expected under rr --quantum 3: the CPU never idles, makespan 50; editor
# finishes at 32, player at 38, shell at 39, and the CPU-bound backup and
# compiler last, at 47 and 50.  Average waiting 22.6, turnaround 37.8,
# response 2.8.
#: --policy rr --quantum 3
name      arrival  priority  burst
editor    0        1         2,io:6,2,io:6,2
compiler  0        3         18
player    2        2         3,io:4,3,io:4,3
backup    5        4         14
shell     10       1         1,io:3,1,io:3,1
