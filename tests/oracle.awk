# oracle.awk: the figures of one run's reports agree with each other.
#   awk -f oracle.awk REPORT.json REPORT.txt
# prints one line per broken promise, nothing when the run is consistent.
# Reads the layout report_json and report_text print (one thread, one
# timeline segment per line); a layout it cannot read is a broken promise
# too.  POSIX awk (mawk, in a minimal Debian).
#
# Per finished thread: turnaround = finish - arrival = cpu + io + blocked
# + waiting; response <= turnaround.  Averages are the mean over finished
# threads (none finished: no average at all), to 2 decimals.  The timeline
# is contiguous up to the makespan; each thread's segments add up to its
# CPU time, the switches' to context_switches x switch_cost; utilisation
# is CPU time over the makespan.  The text report's table, averages and
# totals are the JSON's.

function bad(msg) { print msg; nbad++ }
# The value of "key": in line, as text ("null" when absent or null).
function field(line, key,    s) {
	if (!match(line, "\"" key "\": (-?[0-9][0-9.e+-]*|null|true|false|\"[^\"]*\")"))
		return "null"
	s = substr(line, RSTART, RLENGTH)
	sub(/^"[^"]*": /, "", s)
	gsub(/"/, "", s)
	return s
}
function near(a, b, tol) { return a - b <= tol && b - a <= tol }
function isnum(s) { return s ~ /^-?[0-9]/ }

FNR == 1 { file++ }

# ---- the JSON report ---------------------------------------------------------
file == 1 && /^ "options": / { cost = field($0, "switch_cost") + 0 }
file == 1 && /^  \{"name": / {
	n++
	name[n] = field($0, "name")
	row[name[n]] = n
	for (k = 1; k <= nk; k++)
		v[n, key[k]] = field($0, key[k])
	if (v[n, "blocked"] == "null")
		v[n, "blocked"] = 0
	cpu_sum += v[n, "cpu"]
	if (isnum(v[n, "finish"])) {
		done++
		t = v[n, "turnaround"]
		if (t + 0 != v[n, "finish"] - v[n, "arrival"])
			bad(name[n] ": turnaround " t " is not finish " v[n, "finish"] " - arrival " v[n, "arrival"])
		s = v[n, "cpu"] + v[n, "io"] + v[n, "blocked"] + v[n, "waiting"]
		if (s != t + 0)
			bad(name[n] ": cpu + io + blocked + waiting = " s ", turnaround " t)
		if (v[n, "response"] + 0 > t + 0)
			bad(name[n] ": response " v[n, "response"] " beyond turnaround " t)
		for (a = 1; a <= 3; a++)
			sum[avg[a]] += v[n, avg[a]]
	} else if (v[n, "turnaround"] != "null" || v[n, "waiting"] != "null") {
		bad(name[n] ": unfinished, with a turnaround or waiting time")
	}
}
file == 1 && /^ "averages": / {
	for (a = 1; a <= 3; a++) {
		got = field($0, avg[a])
		javg[avg[a]] = got
		if (!done && isnum(got))
			bad("average " avg[a] " " got " of no finished thread")
		else if (done && !near(got, sum[avg[a]] / done, 0.005))
			bad("average " avg[a] " " got ", the threads' give " sum[avg[a]] / done)
	}
}
file == 1 && /^ "makespan": / { makespan = field($0, "makespan") + 0 }
file == 1 && /^ "cpu_utilization": / { util = field($0, "cpu_utilization") }
file == 1 && /^ "context_switches": / { switches = field($0, "context_switches") + 0 }
file == 1 && /^  \{"thread": / {
	segs++
	th = field($0, "thread")
	st = field($0, "start") + 0
	en = field($0, "end") + 0
	if (segs > 1 && st != last_end)
		bad("timeline: a segment starts at " st " after one ended at " last_end)
	if (en <= st)
		bad("timeline: an empty segment " st "-" en)
	last_end = en
	if (field($0, "switch") == "true")
		switch_sum += en - st
	else if (th != "null")
		seg_cpu[th] += en - st
}

# ---- the text report -----------------------------------------------------------
file == 2 && /^Thread / {
	ncol = NF
	for (c = 1; c <= NF; c++)
		col[c] = tolower($c)
	col[3] = "cpu"; col[4] = "io"
	table = 1
	next
}
file == 2 && table && /^Average/ {
	table = 0
	for (a = 1; a <= 3; a++) {
		got = $(NF - 3 + a)
		if (got == "-" ? isnum(javg[avg[a]]) : !near(got, javg[avg[a]], 0.0001))
			bad("text: average " avg[a] " " got ", JSON " javg[avg[a]])
	}
	next
}
file == 2 && table && NF == ncol {
	i = row[$1]
	if (!i) {
		bad("text: a row for '" $1 "', not in the JSON")
		next
	}
	trows++
	for (c = 2; c <= NF; c++) {
		want = v[i, col[c]]
		if (($c == "-" && want != "null") || ($c != "-" && $c + 0 != want + 0))
			bad("text: " $1 " " col[c] " " $c ", JSON " want)
	}
}
file == 2 && /^Makespan / && $2 + 0 != makespan { bad("text: makespan " $2 ", JSON " makespan) }
file == 2 && /^Context switches / && $3 + 0 != switches { bad("text: context switches " $3 ", JSON " switches) }
file == 2 && /^CPU utilization / {
	text_util = 1
	line = $0
	sub(/^CPU utilization */, "", line)
	split(line, u, /[%( ]+/)
	if (u[2] + 0 != cpu_sum || u[4] + 0 != makespan)
		bad("text: utilisation of " u[2] " of " u[4] " ticks; the threads ran " cpu_sum " of " makespan)
	if (makespan > 0 && !near(u[1], 100 * cpu_sum / makespan, 0.005))
		bad("text: utilisation " u[1] "%, " cpu_sum " of " makespan " ticks")
}
file == 2 && /^Throughput / && makespan > 0 && $3 == "threads" {
	if (!near($2, done / makespan, 0.005))
		bad("text: throughput " $2 ", " done + 0 " threads finished in " makespan " ticks")
}

BEGIN {
	nk = split("arrival cpu io blocked finish turnaround waiting response", key, " ")
	split("turnaround waiting response", avg, " ")
}
END {
	if (file != 2 || !n)
		bad("no JSON report with threads, or no text report")
	if (!trows || trows != n)
		bad("text: " trows + 0 " rows in the table, " n " threads in the JSON")
	if (!text_util)
		bad("text: no CPU utilization line")
	for (i = 1; i <= n; i++)
		if (seg_cpu[name[i]] + 0 != v[i, "cpu"])
			bad("timeline: " name[i] " runs " seg_cpu[name[i]] + 0 " ticks, cpu " v[i, "cpu"])
	if (segs && last_end != makespan)
		bad("timeline: ends at " last_end ", the makespan is " makespan)
	if (switch_sum != switches * cost)
		bad("timeline: switching " switch_sum + 0 " ticks, " switches " switches of " cost)
	if (makespan > 0 && !near(util, cpu_sum / makespan, 0.00005))
		bad("utilisation " util ", " cpu_sum " of " makespan " ticks")
}
