# a workload saved with a byte-order mark
name burst
A 1
B 2
