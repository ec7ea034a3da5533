# Deadlock: two threads take the same two locks in opposite order.
# Under round robin with a quantum of 1, P1 takes A and P2 takes B before
# either asks for the other's lock:
#   P1 0-1 (holds A), P2 1-2 (holds B), P1 2-3 (asks for B: waits),
#   P2 3-4 (asks for A: waits).
# Expected: the run stops with exit status 1 and
#   deadlock at time 4: P1 holds A and waits for B; P2 holds B and waits for A
# Taking the locks in the same order in both threads is the cure.
#: --policy rr --quantum 1
name  arrival  burst
P1    0        lock:A,2,lock:B,1,unlock:B,unlock:A
P2    1        lock:B,2,lock:A,1,unlock:A,unlock:B
