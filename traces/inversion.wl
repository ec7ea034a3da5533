# Priority inversion, as on Mars Pathfinder: low takes a lock, high needs
# it, and medium (which needs no lock) keeps low from running, so high
# waits for medium.  Preemptive priority (lower number is higher).
#   low 0-1 takes M; high arrives at 1 and waits for M; low 1-2;
#   medium arrives at 2 and runs 2-8; low 8-10 unlocks M; high 10-11.
# Expected: high is blocked 9 ticks and finishes at 11, after medium.
# With --inherit, low runs at high's priority while high waits for M:
#   low 1-4 unlocks M at 4; high 4-5; medium 5-11; low 11-12.
# Then high is blocked 3 ticks and finishes at 5.
#: --policy prio --preemptive
name    arrival  burst                 priority
low     0        lock:M,4,unlock:M,1   3
high    1        lock:M,1,unlock:M     1
medium  2        6                     2
