# a deadlock where no thread finishes: averages of 0, not none (issue 10 item 8)
#: --policy rr --quantum 1
name  arrival  burst
P1    0        lock:A,2,lock:B,1,unlock:B,unlock:A
P2    1        lock:B,2,lock:A,1,unlock:A,unlock:B
