# Starvation under preemptive priority scheduling (lower is higher).
# "batch" (priority 5) arrives at tick 0, but a new priority-1 job arrives
# every 4 ticks, each 4 ticks long, so the CPU is never free for it:
#   h0 0-4, h1 4-8, ..., h9 36-40, batch 40-46.
# Expected: batch waits 40 ticks and finishes last, at 46.
# The cure is aging: `schedsim run traces/starvation.wl --aging 5` raises
# a waiting thread one priority step every 5 ticks it waits, so batch
# reaches priority 1 after 20 ticks, wins the tie by its earlier arrival
# and runs around tick 20 instead of tick 40.
#: --policy prio --preemptive
name   arrival  burst  priority
batch  0        6      5
h0     0        4      1
h1     4        4      1
h2     8        4      1
h3     12       4      1
h4     16       4      1
h5     20       4      1
h6     24       4      1
h7     28       4      1
h8     32       4      1
h9     36       4      1
