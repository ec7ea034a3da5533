# Two printers for four jobs: a semaphore of 2 lets at most two jobs print
# at once; the others wait in line (first come, first served) and get a
# printer the moment one is given back.  Each job prepares its document
# for 1 tick, prints for 3, then sleeps 2 ticks (not I/O: just waiting).
# The spooler joins the last job before it sums up for 1 tick.
# Round robin, quantum 2:
#   j1 0-2 and j2 2-4 take the printers; j3 4-5 and j4 5-6 find none and
#   wait; j1 finishes printing at 8 and hands its printer to j3, j2 at 10
#   to j4; j3 prints 10-12 and 14-15, j4 12-14 and 15-16.
# Expected: never more than two jobs hold a printer; j3 is blocked 5
# ticks (3 for a printer, 2 asleep), j4 6; the CPU idles 16-18 while
# everyone sleeps, and the spooler finishes last, at 19.
#: --policy rr --quantum 2 --sem printers=2
name     arrival  burst
j1       0        1,wait:printers,3,post:printers,sleep:2
j2       0        1,wait:printers,3,post:printers,sleep:2
j3       0        1,wait:printers,3,post:printers,sleep:2
j4       0        1,wait:printers,3,post:printers,sleep:2
spooler  0        join:j4,1
