#!/bin/sh
# replay.sh: replay, export and run --from-trace seen from outside (TAP).
# Round trips for every sample workload and demo (run, trace, replay: the
# same report byte for byte), golden traces and exports, a trace cut short,
# malformed traces with their exact messages and statuses, and each Linux
# sample with the figures worked out by hand in doc/linux-traces.md.
#
# The golden files tests/golden/replay-* and trace-* were made by the
# program once and checked by hand: the Linux figures against the tables
# in doc/linux-traces.md, the traces and exports against the reports.
set -u
S=${SCHEDSIM:?SCHEDSIM must name the built program}
src=${top_srcdir:?top_srcdir must be set}
golden=$src/tests/golden
traces=$src/traces
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$src/tests/tap.sh"


# ---- round trips: run, trace, replay ----------------------------------------

for w in "$traces"/*.wl; do
	b=$(basename "$w" .wl)
	"$S" run "$w" --json --trace-out "$tmp/$b.trace" >"$tmp/$b.json" 2>/dev/null
	"$S" run "$w" --no-tui >"$tmp/$b.txt" 2>/dev/null
	run "$S" replay "$tmp/$b.trace" --json
	same "replay --json of $b equals run --json" "$tmp/$b.json"
	run "$S" replay "$tmp/$b.trace" --no-tui
	same "replay of $b prints run's text report" "$tmp/$b.txt"
	run "$S" run --from-trace "$tmp/$b.trace" --json
	if [ "$rc" -le 1 ] && cmp -s "$tmp/$b.json" "$tmp/out"; then
		ok "run --from-trace of $b runs it again the same"
	else
		not_ok "run --from-trace of $b runs it again the same" "$tmp/err"
	fi
done

for d in $("$S" demo --list | awk '{ print $1 }'); do
	"$S" demo "$d" --json --trace-out "$tmp/d-$d.trace" >"$tmp/d-$d.json" 2>/dev/null
	run "$S" replay "$tmp/d-$d.trace" --json
	same "replay --json of demo $d equals demo --json" "$tmp/d-$d.json"
done

run "$S" replay "$tmp/deadlock.trace" --no-tui
same "a deadlocked run replays with its deadlock, status 0" "$tmp/deadlock.txt"

# A switch cost, and a run through standard input.
"$S" run "$traces/io-vs-cpu.wl" --switch-cost 1 --json --trace-out "$tmp/sw.trace" \
	>"$tmp/sw.json"
run sh -c "cat '$tmp/sw.trace' | '$S' replay - --json"
same "replay - reads standard input (switch cost 1)" "$tmp/sw.json"

# ---- golden traces ------------------------------------------------------------

# The workload's name is recorded as given: run from traces/ for a golden
# trace that does not depend on where the tree is.
run sh -c "cd '$traces' && '$S' run silberschatz-rr.wl -q --trace-out '$tmp/rr.trace'"
cp "$tmp/rr.trace" "$tmp/out"
same "the trace of silberschatz-rr is the golden one" "$golden/trace-silberschatz-rr.trace"
run sh -c "cd '$traces' && '$S' run io-vs-cpu.wl -q --switch-cost 2 --trace-out '$tmp/io.trace'"
cp "$tmp/io.trace" "$tmp/out"
same "the trace of io-vs-cpu with --switch-cost 2 is the golden one" \
	"$golden/trace-io-vs-cpu.trace"
run "$S" replay "$golden/trace-io-vs-cpu.trace" --json
same "the golden trace replays to its run's report" "$golden/replay-io-vs-cpu.json"
run "$S" run "$traces/io-vs-cpu.wl" --switch-cost 2 --json
same "... which is run's" "$golden/replay-io-vs-cpu.json"

# Traces written before the policies owned their options recorded every
# policy's (rr's had preemptive, aging, priority-order lines): they read
# as before, the options rr does not take left out.
run "$S" replay "$golden/trace-v1-io-vs-cpu.trace" --json
same "an older trace replays as it did" "$golden/replay-io-vs-cpu.json"
run "$S" replay "$golden/trace-v1-silberschatz-rr.trace" --no-tui
same "... and its text report too" "$golden/silberschatz-rr.txt"
run sh -c "cd '$traces' && '$S' run --from-trace '$golden/trace-v1-silberschatz-rr.trace' -q \
	--trace-out '$tmp/rr-anew.trace'"
cp "$tmp/rr-anew.trace" "$tmp/out"
same "... and a re-run records it anew, as the run does today" \
	"$golden/trace-silberschatz-rr.trace"

# ---- re-simulation ------------------------------------------------------------

"$S" run "$traces/silberschatz-fcfs.wl" -q --trace-out "$tmp/fcfs.trace"
"$S" run "$traces/silberschatz-fcfs.wl" --policy srtf --json >"$tmp/fcfs-srtf.json"
run "$S" run --from-trace "$tmp/fcfs.trace" --policy srtf --json
same "run --from-trace --policy srtf: what SRTF would have done" "$tmp/fcfs-srtf.json"
"$S" run "$traces/silberschatz-rr.wl" --quantum 1 --json >"$tmp/rr-q1.json"
run "$S" run --from-trace "$tmp/rr.trace" --quantum 1 --json
same "run --from-trace: the command line overrides the recorded options" "$tmp/rr-q1.json"
run "$S" run --from-trace "$tmp/rr.trace" --json --trace-out "$tmp/rr2.trace"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/rr.trace" "$tmp/rr2.trace"; then
	ok "run --from-trace --trace-out records the same trace again"
else
	not_ok "run --from-trace --trace-out records the same trace again" "$tmp/err"
fi
# Re-runs of re-runs: the semaphores the workload declares are recorded
# once, not once more by each re-run (issue 10, item 2); two semaphores,
# one also given on the command line (tests/fuzz/repro/item2-two-sems.wl).
rerun_twice() {
	w=$1 b=$(basename "$1" .wl)
	shift
	"$S" run "$w" -q --trace-out "$tmp/rs-$b.0" "$@"
	"$S" run --from-trace "$tmp/rs-$b.0" -q --trace-out "$tmp/rs-$b.1"
	run "$S" run --from-trace "$tmp/rs-$b.1" -q --trace-out "$tmp/rs-$b.2"
	if [ "$rc" -eq 0 ] && cmp -s "$tmp/rs-$b.0" "$tmp/rs-$b.1" &&
	   cmp -s "$tmp/rs-$b.0" "$tmp/rs-$b.2"; then
		ok "run --from-trace twice of $b's trace records it again byte for byte"
	else
		diff "$tmp/rs-$b.0" "$tmp/rs-$b.2" >"$tmp/why"
		not_ok "run --from-trace twice of $b's trace records it again byte for byte" \
			"$tmp/err" "$tmp/why"
	fi
}
rerun_twice "$traces/semaphore.wl"
rerun_twice "$src/tests/fuzz/repro/item2-two-sems.wl" --sem B=3
usage "--from-trace and a FILE" "run: give a workload FILE or --from-trace TRACE, not both" \
	"$S" run "$traces/silberschatz-rr.wl" --from-trace "$tmp/rr.trace"
run "$S" run --from-trace "$traces/linux-perf.txt"
expect "--from-trace of a Linux trace" 2 "" "$traces/linux-perf.txt:1:1: --from-trace needs \
a schedsim trace; this is a Linux trace, which records no workload$nl"
repro=$src/tests/fuzz/repro/rerun-recorded-workload-bad-option.trace
run "$S" run --from-trace "$repro"
expect "--from-trace: a bad option in the recorded workload names the trace" 2 "" \
	"schedsim: $repro: the recorded workload: bad.wl:1:4: unknown option '--bogus'$nl"
printf '#: --aging 3\nname burst\nA 1\n' >"$tmp/aging.wl"
"$S" run "$tmp/aging.wl" --policy prio -q --trace-out "$tmp/aging.trace"
sed -e 's/^policy prio$/policy rr/' -e 's/^quantum 0$/quantum 4/' "$tmp/aging.trace" >"$tmp/aging-rr.trace"
run "$S" run --from-trace "$tmp/aging-rr.trace"
expect "--from-trace: the recorded workload's option the policy refuses names the trace" 2 "" \
	"schedsim: $tmp/aging-rr.trace: the recorded workload: $tmp/aging.wl:1:4: rr takes no \
--aging (its options: --quantum)$nl"

# ---- a trace cut short --------------------------------------------------------

# The first 33 lines of the rr trace: its events stop at time 10, when P1
# has just been dispatched again.
head -n 33 "$tmp/rr.trace" >"$tmp/cut.trace"
run "$S" replay "$tmp/cut.trace" --json
same "a trace cut short replays up to its last line" "$golden/replay-cut.json" \
	"schedsim: $tmp/cut.trace: trace ends early at time 10 (no 'end' event: the run was \
interrupted)$nl"
printf '30 exit P1 0 "' >>"$tmp/cut.trace"
run "$S" replay "$tmp/cut.trace" --json
same "... a torn last line is not read" "$golden/replay-cut.json" \
	"schedsim: $tmp/cut.trace: trace ends early at time 10 (no 'end' event: the run was \
interrupted)$nl"
run "$S" export "$tmp/cut.trace" --format csv
same "... and exports, its open stretches ending there" "$golden/export-cut.csv" \
	"schedsim: $tmp/cut.trace: trace ends early at time 10 (no 'end' event: the run was \
interrupted)$nl"

# A run interrupted for real: SIGTERM leaves whole lines, replayable.
printf 'name burst\nA 1000000000\nB 1000000000\n' >"$tmp/long.wl"
"$S" run "$tmp/long.wl" --policy rr --quantum 1 -q --trace-out "$tmp/long.trace" &
pid=$!
i=0
# The trace grows beside its name (long.trace.tmp-XXXXXX) until the end.
size() { cat "$1" "$1".tmp-* 2>/dev/null | wc -c; }
while [ "$i" -lt 100 ] && [ "$(size "$tmp/long.trace")" -lt 200000 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -TERM "$pid"
wait "$pid" 2>/dev/null
run "$S" replay "$tmp/long.trace" --json
last=$(tail -n 1 "$tmp/long.trace" | cut -d' ' -f1)
if [ "$rc" -eq 0 ] && grep -qx " \"makespan\": $last," "$tmp/out" &&
   grep -qx "schedsim: $tmp/long.trace: trace ends early at time $last (no 'end' event: the \
run was interrupted)" "$tmp/err"; then
	ok "a run killed by SIGTERM leaves a trace that replays to its last event ($last)"
else
	not_ok "a run killed by SIGTERM leaves a trace that replays to its last event" "$tmp/err"
fi

# ---- malformed traces -----------------------------------------------------------

sed '1s/.*/schedsim-trace 2/' "$tmp/rr.trace" >"$tmp/v2.trace"
run "$S" replay "$tmp/v2.trace"
expect "a newer format version is refused by name" 2 "" \
	"$tmp/v2.trace:1:16: trace format version 2 is newer than this schedsim supports (1)$nl"
sed 's/^4 switch P2 /4 switch P9 /' "$tmp/rr.trace" >"$tmp/bad.trace"
run "$S" replay "$tmp/bad.trace" --json
expect "an unknown thread" 2 "" "$tmp/bad.trace:26:10: unknown thread 'P9'$nl"
sed 's/^7 exit P2 /3 exit P2 /' "$tmp/rr.trace" >"$tmp/bad.trace"
run "$S" replay "$tmp/bad.trace"
expect "time going backwards" 2 "" "$tmp/bad.trace:28:1: time goes backwards: 3 after 4$nl"
sed 's/^0 arrive P1 /0 leave P1 /' "$tmp/rr.trace" >"$tmp/bad.trace"
run "$S" export "$tmp/bad.trace" --format chrome -o "$tmp/bad.json"
if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/bad.json" ] &&
   [ "$(cat "$tmp/err")" = "$tmp/bad.trace:21:3: unknown event kind 'leave'" ] &&
   [ -z "$(ls "$tmp" | grep 'bad.json.tmp')" ]; then
	ok "export of a malformed trace: the message, exit 2, no file left behind"
else
	not_ok "export of a malformed trace: the message, exit 2, no file left behind" "$tmp/err"
fi
sed 's/^quantum 4$/quantum four/' "$tmp/rr.trace" >"$tmp/bad.trace"
run "$S" run --from-trace "$tmp/bad.trace"
expect "--from-trace of a malformed header" 2 "" "$tmp/bad.trace:4:9: bad quantum 'four': \
expected a whole number from 1 to 1000000000000$nl"
printf 'hello\n' >"$tmp/hello.txt"
run "$S" replay "$tmp/hello.txt"
expect "neither kind of trace" 2 "" "$tmp/hello.txt:1:1: not a schedsim or Linux scheduling \
trace$nl"
run "$S" replay "$tmp/missing.trace"
expect "a missing file" 2 "" "$tmp/missing.trace: No such file or directory$nl"
run "$S" replay "$tmp"
expect "a directory" 2 "" "$tmp: Is a directory$nl"
: >"$tmp/empty.trace"
run "$S" replay "$tmp/empty.trace"
expect "an empty file" 2 "" "$tmp/empty.trace:1:1: not a schedsim or Linux scheduling \
trace$nl"

# ---- extremes: times, sums, events against the thread table ------------------

# Reproducers of issue 10's findings (tests/fuzz/repro/): each trace was
# accepted and crashed, looped or gave negative or wrapped figures.
repro=$src/tests/fuzz/repro
malformed() {
	run "$S" replay "$repro/$1" --no-tui
	expect "$2" 2 "" "$repro/$1:$3$nl"
}
malformed item3-int64max.trace "a time near INT64_MAX (the Gantt chart crashed)" \
	"11:1: time 9223372036854775000 is past the latest a trace may name (5000000000000000000)"
malformed item3-switch-sum.trace "a switch whose end overflows" \
	"9:30: the switch at 4999999999999999999 for 1000000000000 ticks ends past the latest \
time a trace may name (5000000000000000000)"
malformed item4-before-arrival.trace "a thread that runs before its arrival" \
	"7:12: 'A' cannot be dispatched at 0: it has not arrived (its arrival is 5)"
malformed item8-negative-block.trace "a negative argument of a block" \
	"9:11: bad argument '-5' of 'block': expected ticks from 0 to 5000000000000000000"

# Names and reasons with ESC, BEL and a C1 control (CSI, U+009B): the text
# report, the CSV and the messages show them as \xHH, never raw (item 7).
run "$S" replay "$repro/item7-esc-names.trace" --no-tui
same "control bytes in the text report are escaped" "$golden/replay-item7-esc.txt"
run "$S" export "$repro/item7-esc-names.trace" --format csv
same "control bytes in the CSV are escaped" "$golden/export-item7-esc.csv"
sed 's/^3 exit "\\x1b\[2J/3 exit "\\x1b[2K/' "$repro/item7-esc-names.trace" >"$tmp/esc.trace"
run "$S" replay "$tmp/esc.trace"
expect "control bytes in a message are escaped" 2 "" \
	"$tmp/esc.trace:14:8: unknown thread '\\x1b[2K\\xc2\\x9b'$nl"
run "$S" run --from-trace "$repro/item7-esc-sem.trace"
expect "a semaphore name with control bytes" 2 "" \
	"$repro/item7-esc-sem.trace:4:5: bad semaphore name '\\x1b[31m'$nl"
malformed item7-nul-name.trace "a NUL byte in a quoted name" \
	"5:11: '\\x00' in a quoted field: text holds no NUL byte"

# Smaller findings (item 8): an unknown policy is the reader's error, with
# its place, for every command; a Linux line well formed but out of range
# says what is wrong with it, even as the first line.
for c in replay "export --format csv" "run --from-trace"; do
	run "$S" $c "$repro/item8-unknown-policy.trace"
	expect "$c of a trace naming an unknown policy" 2 "" "$repro/item8-unknown-policy.trace:3:8: \
unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)$nl"
done
malformed item8-linux-cpu99999.txt "a Linux trace's first line with CPU 99999" \
	"1:27: CPU number out of range (0 to 8191)"
malformed item8-linux-bad-pid.txt "a Linux trace's first line with a pid out of range" \
	"1:90: sched_switch: bad prev_pid '99999999999'"
printf 'error [12345] disk full\n' >"$tmp/log.txt"
run "$S" replay "$tmp/log.txt"
expect "... but a number in brackets alone is no trace" 2 "" \
	"$tmp/log.txt:1:1: not a schedsim or Linux scheduling trace$nl"

# 6,074 threads of 10^12 ticks: the turnaround adds up past UINT64_MAX.
awk 'BEGIN { print "name burst"; for (i = 0; i < 6074; i++) print "T" i, "1000000000000" }' \
	>"$tmp/wide.wl"
run "$S" run "$tmp/wide.wl" --json --trace-out "$tmp/wide.trace"
if [ "$rc" -eq 0 ] && grep -qx ' "averages": {"turnaround": 3037500000000000, "waiting": 3036500000000000, "response": 3036500000000000},' "$tmp/out"; then
	ok "averages that no sum of 64 bits holds"
else
	not_ok "averages that no sum of 64 bits holds" "$tmp/err"
fi
cp "$tmp/out" "$tmp/wide.json"
run "$S" replay "$tmp/wide.trace" --json
same "... and replayed" "$tmp/wide.json"

# ---- bounded memory ---------------------------------------------------------------

# Inputs without a newline: every reader stops one byte past its longest
# line instead of reading the whole input into memory (issue 10, item 6).
# Under a limit of 200 MB of address space a reader that grows its buffer
# to the 300 MB given fails for lack of memory instead of eating the
# machine (a sanitized build needs more address space: there the limit
# goes, and only the messages are checked).
limit=200000
(ulimit -v "$limit" && "$S" --version) >/dev/null 2>&1 || limit=unlimited
bounded() {
	desc=$1 gen=$2 want=$3
	shift 3
	sh -c "ulimit -v $limit; $gen | \"\$@\"" sh "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	expect "$desc" 2 "" "$want$nl"
}
zeros='head -c 300000000 /dev/zero'
bounded "replay of /dev/zero's bytes" "$zeros" \
	"<stdin>:1:4097: line longer than 4096 bytes" "$S" replay -
bounded "export of /dev/zero's bytes" "$zeros" \
	"<stdin>:1:4097: line longer than 4096 bytes" "$S" export - --format csv
bounded "run --from-trace of /dev/zero's bytes" "$zeros" \
	"<stdin>:1:1: not a schedsim trace" "$S" run --from-trace -
bounded "a schedsim trace's first line without a newline" \
	"{ printf 'schedsim-trace '; $zeros | tr '\\0' x; }" \
	"<stdin>:1:65537: line longer than 65536 bytes" "$S" replay -
bounded "a schedsim trace's endless second line" \
	"{ echo schedsim-trace 1; $zeros | tr '\\0' x; }" \
	"<stdin>:2:65537: line longer than 65536 bytes" "$S" replay -
bounded "a schedsim trace's endless NUL bytes" "{ echo schedsim-trace 1; $zeros; }" \
	"<stdin>:2:1: a NUL byte in the line" "$S" replay -
bounded "a Linux trace's endless second line" \
	"{ head -n 1 '$traces/linux-ftrace.txt'; $zeros | tr '\\0' x; }" \
	"<stdin>:2:4097: line longer than 4096 bytes" "$S" replay -
bounded "a recorded workload larger than any workload" \
	"{ printf 'schedsim-trace 1\\npolicy fifo\\nworkload w 9 99999999999\\n'; }" \
	"<stdin>:3:14: a workload of 99999999999 bytes: workloads hold at most 67108864" \
	"$S" replay -
bounded "a recorded workload's lines past its bytes" \
	"{ printf 'schedsim-trace 1\\npolicy fifo\\nworkload w 99999 99999\\n'; yes '| x'; }" \
	"<stdin>:50004:1: line 50001 of 99999 of the workload goes past its 99999 bytes" \
	"$S" replay -
run "$S" replay "$src/tests/fuzz/repro/item6-workload-past-bytes.trace"
expect "a recorded workload's line past its bytes" 2 "" \
	"$src/tests/fuzz/repro/item6-workload-past-bytes.trace:7:1: line 3 of 3 of the workload \
goes past its 16 bytes$nl"

# ---- usage --------------------------------------------------------------------

usage "replay without a trace" "replay: missing TRACE" "$S" replay
usage "replay --trace-out" "unknown option '--trace-out'" \
	"$S" replay "$tmp/rr.trace" --trace-out "$tmp/x"
usage "replay --json --quiet" "--json and --quiet cannot be used together" \
	"$S" replay "$tmp/rr.trace" --json --quiet
usage "replay --cpu x" "invalid value 'x' for --cpu: expected a whole number from 0 to \
8191" "$S" replay "$tmp/rr.trace" --cpu x
usage "replay --cpu -1: the largest CPU is 8191" "invalid value '-1' for --cpu: expected a \
whole number from 0 to 8191" "$S" replay "$traces/linux-ftrace.txt" --cpu -1
usage "export without --format" "export: missing --format (chrome or csv)" \
	"$S" export "$tmp/rr.trace"
usage "export --format svg" "invalid value 'svg' for --format: expected chrome or csv" \
	"$S" export "$tmp/rr.trace" --format svg
usage "export without a trace" "export: missing TRACE" "$S" export --format csv
run "$S" replay "$tmp/rr.trace" --cpu 1
expect "--cpu on a schedsim trace" 2 "" "$tmp/rr.trace: --cpu applies to Linux traces \
only; this is a schedsim trace$nl"
run "$S" replay --help
if [ "$rc" -eq 0 ] && grep -q -- '--cpu N' "$tmp/out" && grep -q '^Usage: schedsim replay' \
   "$tmp/out"; then ok "replay --help"; else not_ok "replay --help" "$tmp/out"; fi
run "$S" export --help
if [ "$rc" -eq 0 ] && grep -q -- '--format FORMAT' "$tmp/out" && grep -q -- '-o, --output' \
   "$tmp/out"; then ok "export --help"; else not_ok "export --help" "$tmp/out"; fi

# ---- Linux traces ---------------------------------------------------------------

for f in ftrace trace-cmd perf perf-recorded; do
	run "$S" replay "$traces/linux-$f.txt" --json
	same "replay --json of linux-$f.txt: the figures worked out by hand" \
		"$golden/replay-linux-$f.json"
done
for f in trace-cmd perf; do
	sed '/"trace": /d' "$golden/replay-linux-$f.json" >"$tmp/a"
	sed '/"trace": /d' "$golden/replay-linux-ftrace.json" >"$tmp/b"
	if cmp -s "$tmp/a" "$tmp/b"; then
		ok "linux-$f.txt reads as linux-ftrace.txt does, but for its form"
	else
		not_ok "linux-$f.txt reads as linux-ftrace.txt does, but for its form"
	fi
done
run "$S" replay "$traces/linux-trace-cmd.txt" --cpu 1 --json
same "replay --cpu 1" "$golden/replay-linux-cpu1.json"
run "$S" replay "$traces/linux-ftrace.txt"
same "replay of a Linux trace, text" "$golden/replay-linux-ftrace.txt"
run sh -c "cat '$traces/linux-perf.txt' | '$S' replay - --json"
same "a Linux trace through standard input" "$golden/replay-linux-perf.json"
run "$S" replay "$traces/linux-ftrace.txt" --cpu 5
expect "--cpu without switches" 2 "" "$traces/linux-ftrace.txt: no sched_switch events on \
CPU 5 (CPUs with some: 0, 1)$nl"

# ---- export -----------------------------------------------------------------------

# The source is named as given: run from where the file is.
run sh -c "cd '$golden' && '$S' export trace-silberschatz-rr.trace --format chrome"
same "export --format chrome of the rr trace" "$golden/export-rr.json"
run "$S" export "$tmp/rr.trace" --format csv -o "$tmp/rr.csv"
cp "$tmp/rr.csv" "$tmp/out"
same "export --format csv -o FILE" "$golden/export-rr.csv"
run sh -c "cd '$traces' && '$S' export linux-ftrace.txt --format chrome"
same "export --format chrome of a Linux trace" "$golden/export-linux-ftrace.json"
run sh -c "cat '$traces/linux-perf.txt' | '$S' export - --format csv"
same "export --format csv of a Linux trace from standard input" "$golden/export-linux-ftrace.csv"

# ---- the live view ------------------------------------------------------------

# On a terminal, replay plays the trace in the view: End goes to its end and
# shows the report, b steps back, q quits with status 0 and the terminal
# restored.  Skipped where tmux is missing.
if command -v tmux >/dev/null 2>&1; then
	unset TMUX
	sock=$tmp/tmux.sock
	printf 'set -s exit-empty off\n' >"$tmp/tmux.conf"
	tm() { tmux -S "$sock" "$@"; }
	# wait_for TEXT: poll the screen for TEXT, at most 10 s.
	wait_for() {
		i=0
		while [ "$i" -lt 100 ]; do
			tm capture-pane -p >"$tmp/screen" 2>/dev/null
			grep -qF -- "$1" "$tmp/screen" && return 0
			sleep 0.1
			i=$((i + 1))
		done
		return 1
	}
	tm -f "$tmp/tmux.conf" new-session -d -x 100 -y 32 \
		"sh -c '\"$S\" replay \"$tmp/rr.trace\"; echo \"[exit \$?]\"; exec sleep 600'"
	if wait_for "policy rr (recorded)" && tm send-keys End && wait_for "Final report" &&
	   wait_for "Makespan          30 ticks"; then
		ok "replay on a terminal: the view plays the trace to its report"
	else
		not_ok "replay on a terminal: the view plays the trace to its report" "$tmp/screen"
	fi
	if tm send-keys b && wait_for "Clock 30  event 14 " && tm send-keys q && wait_for "[exit 0]" &&
	   [ "$(tm display -p '#{alternate_on}')" = 0 ]; then
		ok "... b steps back, q quits with status 0, the terminal restored"
	else
		not_ok "... b steps back, q quits with status 0, the terminal restored" "$tmp/screen"
	fi
	tm kill-server 2>/dev/null
else
	n=$((n + 1)); echo "ok $n # SKIP tmux is not installed"
	n=$((n + 1)); echo "ok $n # SKIP tmux is not installed"
fi

echo "1..$n"
