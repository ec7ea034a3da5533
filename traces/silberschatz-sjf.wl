# Silberschatz, Operating System Concepts: shortest job first.
# All arrive at tick 0; the shortest burst runs first:
#   P4 0-3, P1 3-9, P3 9-16, P2 16-24.
# Expected: waiting P1 3, P2 16, P3 9, P4 0, average 7; average turnaround 13.
#: --policy sjf
name  arrival  burst
P1    0        6
P2    0        8
P3    0        7
P4    0        3
