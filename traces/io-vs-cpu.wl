# I/O-bound against CPU-bound threads under round robin (quantum 4).
# "editor" and "shell" compute for a tick or two, then wait for I/O; the
# two "crunch" threads never block.  Round robin hands the CPU back to an
# interactive thread within a few ticks of its I/O completing, while the
# crunchers soak up the rest, so the CPU never idles.
# Expected under rr --quantum 4: the interactive threads finish early
# (shell at 33, editor at 42; response 8 and 4), the crunchers last
# (crunch1 at 68, crunch2 at 70); average waiting 29.75, makespan 70,
# CPU utilisation 100%.
# Compare `--policy fifo`: the interactive threads queue behind whole
# 30-tick bursts (response 30 and 60), finish at 76 and 75, and the CPU
# idles 6 ticks while both wait for I/O: makespan 76, utilisation 92%.
#: --policy rr --quantum 4
name     arrival  burst
crunch1  0        30
editor   0        1,io:5,1,io:5,1,io:5,1
crunch2  0        30
shell    1        2,io:4,2,io:4,2
