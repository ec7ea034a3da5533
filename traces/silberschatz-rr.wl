# Silberschatz, Operating System Concepts: round robin with a quantum of 4.
#   P1 0-4, P2 4-7, P3 7-10, P1 10-30.
# Expected: waiting P1 6, P2 4, P3 7, average 5.67; turnaround P1 30,
# P2 7, P3 10, average 15.67.
#: --policy rr --quantum 4
name  arrival  burst
P1    0        24
P2    0        3
P3    0        3
