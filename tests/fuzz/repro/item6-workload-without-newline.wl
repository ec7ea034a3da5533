name arrival burst
P1 0 3