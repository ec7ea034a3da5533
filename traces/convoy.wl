# The convoy effect: one long CPU-bound job at the head of a FIFO queue
# holds up every short job that arrives just after it.
#   fifo: LONG 0-40, A 40-42, B 42-44, C 44-46, D 46-48.
# Expected under fifo: waiting LONG 0, A 39, B 41, C 42, D 43, average 33.
# Compare `schedsim run traces/convoy.wl --policy srtf`: the short jobs
# run first (A 1-3, B 3-5, C 5-7, D 7-9, LONG 9-48) and the average
# waiting drops to 3.4, while LONG finishes only 8 ticks later.
#: --policy fifo
name  arrival  burst
LONG  0        40
A     1        2
B     1        2
C     2        2
D     3        2
