# Silberschatz, Operating System Concepts: first-come, first-served.
# All three arrive at tick 0, P1 first, so the two short jobs wait behind
# the long one:  P1 0-24, P2 24-27, P3 27-30.
# Expected: waiting P1 0, P2 24, P3 27, average 17; average turnaround 27.
# (In the order P2, P3, P1 the average waiting would be 3.)
#: --policy fcfs
name  arrival  burst
P1    0        24
P2    0        3
P3    0        3
