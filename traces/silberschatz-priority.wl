# Silberschatz, Operating System Concepts: non-preemptive priority
# scheduling; a lower number is a higher priority.  All arrive at tick 0:
#   P2 0-1, P5 1-6, P1 6-16, P3 16-18, P4 18-19.
# Expected: waiting P1 6, P2 0, P3 16, P4 18, P5 1, average 8.2; average
# turnaround 12.
#: --policy prio
name  burst  priority
P1    10     3
P2    1      1
P3    2      4
P4    1      5
P5    5      2
