# Silberschatz, Operating System Concepts: shortest remaining time first
# (preemptive SJF).  A new arrival preempts when its burst is strictly
# shorter than what the running thread has left:
#   P1 0-1, P2 1-5, P4 5-10, P1 10-17, P3 17-26.
# Expected: waiting P1 9, P2 0, P3 15, P4 2, average 6.5; average
# turnaround 13.  Non-preemptive (--policy sjf) the average waiting is 7.75.
#: --policy srtf
name  arrival  burst
P1    0        8
P2    1        4
P3    2        9
P4    3        5
