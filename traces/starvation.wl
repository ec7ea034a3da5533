# Starvation under preemptive priority scheduling (lower is higher).
# "batch" (priority 5) arrives at tick 0, but a priority-1 job of 4 ticks
# arrives every 4 ticks, so the CPU is never free for it:
#   h0 0-4, h1 4-8, ..., h9 36-40, batch 40-43.
# Expected: batch waits 40 ticks and finishes last, at 43; a longer stream
# would starve it for ever.
# The cure is aging: `schedsim run traces/starvation.wl --aging 5` moves a
# waiting thread one priority step toward the best every 5 ticks it waits.
# batch reaches priority 1 at tick 20, wins the tie with h5 by its earlier
# arrival, and runs 20-23: it waits 20 ticks instead of 40.
#: --policy prio --preemptive
name   arrival  burst  priority
batch  0        3      5
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
