# Silberschatz, Operating System Concepts: priority scheduling with round
# robin (quantum 2) among threads of equal priority; lower is higher.
# All arrive at tick 0:
#   P4 0-7, P2 7-9, P3 9-11, P2 11-13, P3 13-15, P2 15-16, P3 16-20,
#   P1 20-22, P5 22-24, P1 24-26, P5 26-27.
# Expected: waiting P1 22, P2 11, P3 12, P4 0, P5 24, average 13.8;
# turnaround P1 26, P2 16, P3 20, P4 7, P5 27, average 19.2.
#: --policy prio --quantum 2
name  burst  priority
P1    4      3
P2    5      2
P3    8      2
P4    7      1
P5    3      3
