# I/O-bound against CPU-bound threads under round robin (quantum 4).
# "editor" and "shell" compute for a tick or two, then wait for I/O; the
# two "crunch" threads never block.  Round robin hands the CPU back to an
# interactive thread within one round (at most 3 quanta) each time its I/O
# completes, so its response stays short while the crunchers soak up the
# rest, and the CPU never idles: utilisation is 100%.
# Compare `--policy fifo`: the interactive threads queue behind whole
# 30-tick bursts each time they wake.
#: --policy rr --quantum 4
name     arrival  burst
crunch1  0        30
editor   0        1,io:5,1,io:5,1,io:5,1
crunch2  0        30
shell    1        2,io:4,2,io:4,2
