#!/bin/sh
# cli.sh: the schedsim program seen from outside (TAP).  Exit statuses,
# exact messages, golden reports for every sample workload, the textbook
# averages, traces, demos and policies.
#
# The golden files in tests/golden/ were made by the program once and then
# checked by hand against Silberschatz and the expectations written in each
# workload's comments.  A new sample in traces/ needs its golden files.
set -u
S=${SCHEDSIM:?SCHEDSIM must name the built program}
src=${top_srcdir:?top_srcdir must be set}
builddir=${top_builddir:-.}
golden=$src/tests/golden
traces=$src/traces
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$src/tests/tap.sh"


# has DESC TEXT: the last run succeeded and its stdout holds the line TEXT.
has() {
	if [ "$rc" -eq 0 ] && grep -qxF -- "$2" "$tmp/out"; then
		ok "$1"
	else
		not_ok "$1 (status $rc)" "$tmp/out" "$tmp/err"
	fi
}

# ---- the program --------------------------------------------------------

version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$builddir/config.h")
context=$(sed -n 's/^#define SCHEDSIM_CONTEXT "\(.*\)"$/\1/p' "$builddir/config.h")
run "$S" --version
expect "--version" 0 "schedsim $version (context switch: $context)$nl" ""
run "$S" -V
expect "-V" 0 "schedsim $version (context switch: $context)$nl" ""
run "$S" --help
if [ "$rc" -eq 0 ] && grep -q '^  run  ' "$tmp/out" && grep -q '^  demo  ' "$tmp/out" &&
   grep -q '^  policies  ' "$tmp/out" && [ ! -s "$tmp/err" ]; then
	ok "--help lists run, demo and policies"
else
	not_ok "--help lists run, demo and policies" "$tmp/out"
fi
usage "no command" "missing command" "$S"
usage "unknown command" "unknown command 'frobnicate'" "$S" frobnicate
usage "unknown option" "unknown option '--frobnicate'" "$S" --frobnicate

# ---- run: usage errors ----------------------------------------------------

rr=$traces/silberschatz-rr.wl
usage "run without a file" "run: missing workload FILE" "$S" run
usage "run: unknown option" "unknown option '--bogus'" "$S" run "$rr" --bogus
usage "run: unknown option with a value" "unknown option '--bogus'" "$S" run --bogus=3 "$rr"
usage "run: demo's --list is not run's" "unknown option '--list'" "$S" run "$rr" --list
usage "run: two files" "unexpected argument 'b.wl'" "$S" run a.wl b.wl
usage "run: missing argument" "option '--quantum' requires an argument" "$S" run "$rr" --quantum
usage "run: flag with a value" "option '--json' doesn't allow an argument" \
	"$S" run "$rr" --json=1
usage "run: bad number" \
	"invalid value '0' for --quantum: expected a whole number from 1 to 1000000000000" \
	"$S" run "$rr" --quantum=0
usage "run: bad priority order" \
	"invalid value 'up' for --priority-order: expected low-first or high-first" \
	"$S" run "$rr" --priority-order up
usage "run: --json with --quiet" "--json and --quiet cannot be used together" \
	"$S" run "$rr" --json -q
usage "run: unknown policy" "unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)" \
	"$S" run "$rr" --policy lottery
# An option the policy that runs does not take is a mistake, not ignored.
usage "run: an option fifo does not take" "fifo takes no --quantum (its options: none)" \
	"$S" run "$traces/silberschatz-fcfs.wl" --quantum 3
usage "run: an option rr does not take" "rr takes no --preemptive (its options: --quantum)" \
	"$S" run "$rr" --preemptive
usage "run: nor its --no- form" "rr takes no --preemptive (its options: --quantum)" \
	"$S" run "$rr" --no-preemptive
usage "run: the command line's policy, the command line's option" \
	"sjf takes no --quantum (its options: --preemptive)" \
	"$S" run "$rr" --policy sjf --quantum 2
run "$S" run "$traces/classroom.wl" --policy fifo --quiet
expect "run: the workload's options for its own policy are left out under another" 0 "" ""
run "$S" run --help
if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -qx 'Usage: schedsim run FILE \[OPTION\]...' &&
   grep -q -- '--trace-out FILE' "$tmp/out" && grep -q -- '--priority-order ORDER' "$tmp/out"; then
	ok "run --help"
else
	not_ok "run --help" "$tmp/out"
fi

# ---- run: input errors, located ------------------------------------------

printf 'name burst\nA 1x\n' >"$tmp/bad-step.wl"
run "$S" run "$tmp/bad-step.wl"
expect "a workload error is FILE:LINE:COL, exit 2" 2 "" \
	"$tmp/bad-step.wl:2:3: bad cpu step '1x': not a decimal number$nl"
printf '# options\n#: --policy rr --quantum=x\nname burst\nA 1\n' >"$tmp/bad-opt.wl"
run "$S" run "$tmp/bad-opt.wl"
expect "a bad #: option is FILE:LINE:COL" 2 "" \
	"$tmp/bad-opt.wl:2:26: invalid value 'x' for --quantum: expected a whole number from 1 to 1000000000000$nl"
printf '#: --json\nname burst\nA 1\n' >"$tmp/out-opt.wl"
run "$S" run "$tmp/out-opt.wl"
expect "an output option in #: is refused" 2 "" \
	"$tmp/out-opt.wl:1:4: option '--json' cannot be given in a workload; give it on the command line$nl"
printf '#:   --policy   lottery\nname burst\nA 1\n' >"$tmp/bad-policy.wl"
run "$S" run "$tmp/bad-policy.wl"
expect "an unknown policy in #: is located" 2 "" \
	"$tmp/bad-policy.wl:1:17: unknown policy 'lottery' (known: fifo, rr, prio, sjf, srtf)$nl"
printf '#: --policy fifo --quantum 2\nname burst\nA 1\n' >"$tmp/untaken.wl"
run "$S" run "$tmp/untaken.wl"
expect "an option the workload's policy does not take is located" 2 "" \
	"$tmp/untaken.wl:1:18: fifo takes no --quantum (its options: none)$nl"
printf '#: --aging 3\nname burst\nA 1\n' >"$tmp/untaken.wl"
run "$S" run "$tmp/untaken.wl"
expect "... when the workload names no policy, against the one that runs (fifo)" 2 "" \
	"$tmp/untaken.wl:1:4: fifo takes no --aging (its options: none)$nl"
run "$S" run "$tmp/untaken.wl" --policy rr
expect "... or the command line's" 2 "" \
	"$tmp/untaken.wl:1:4: rr takes no --aging (its options: --quantum)$nl"
run "$S" run "$tmp/untaken.wl" --policy prio --quiet
expect "... which may take them" 0 "" ""
printf '#: --policy rr --quantum 2\nname burst\nA 1\n' >"$tmp/own.wl"
run "$S" run "$tmp/own.wl" --policy fifo --quiet
expect "a workload's options for its own policy stay out when another runs" 0 "" ""
run "$S" run "$tmp/bad-policy.wl" --policy rr --quiet
expect "the command line's policy replaces the file's" 0 "" ""
run "$S" run "$tmp/no-such.wl"
expect "a missing file" 2 "" "$tmp/no-such.wl: No such file or directory$nl"
run "$S" run "$tmp"
expect "a directory" 2 "" "$tmp: Is a directory$nl"

# ---- run: golden reports for every sample ----------------------------------

# failed DESC FILE STDERR: the last run's status is 1, stdout is FILE
# exactly and stderr is STDERR (a deadlock: the report, then the failure).
failed() {
	printf '%s' "$3" >"$tmp/want.err"
	if [ "$rc" -eq 1 ] && cmp -s "$2" "$tmp/out" && cmp -s "$tmp/want.err" "$tmp/err"; then
		ok "$1"
	else
		{ echo "# status $rc"; diff "$2" "$tmp/out"; diff "$tmp/want.err" "$tmp/err"; } \
			>"$tmp/why"
		not_ok "$1" "$tmp/why"
	fi
}

dl="deadlock at time 4: P1 holds A and waits for B; P2 holds B and waits for A"
for w in "$traces"/*.wl; do
	b=$(basename "$w" .wl)
	run "$S" run "$w" --no-tui
	case $b in
	deadlock) failed "run $b: text report, exit 1" "$golden/$b.txt" "schedsim: $dl$nl" ;;
	*) same "run $b: text report" "$golden/$b.txt" ;;
	esac
	run "$S" run "$w" --json
	case $b in
	deadlock) failed "run $b: JSON, exit 1" "$golden/$b.json" "schedsim: $dl$nl" ;;
	*) same "run $b: JSON" "$golden/$b.json" ;;
	esac
done
"$S" run - --json <"$rr" >"$tmp/out" 2>"$tmp/err"
rc=$?
same "run - reads standard input" "$golden/silberschatz-rr.json"

# ---- synchronization ---------------------------------------------------------

run "$S" run "$traces/inversion.wl" --no-tui --inherit
same "run inversion.wl --inherit: high is blocked 3 ticks, not 9" \
	"$golden/inversion-inherit.txt"
run "$S" run "$traces/deadlock.wl" --quiet
expect "run deadlock.wl --quiet: only the failure" 1 "" "schedsim: $dl$nl"
run "$S" run "$traces/semaphore.wl" --json --sem printers=1
has "--sem on the command line overrides the workload's count" \
	'  {"name": "j4", "arrival": 0, "cpu": 4, "io": 0, "blocked": 10, "finish": 18, "turnaround": 18, "waiting": 4, "response": 4},'
run "$S" run "$traces/semaphore.wl" --sem scanners=1
expect "--sem naming no semaphore of the run" 1 "" \
	"schedsim: --sem scanners=1: this run has no semaphore 'scanners'$nl"
usage "--sem without a count" "invalid value 'printers' for --sem: expected NAME=COUNT, as in 'S=2', with a count from 0 to 1000000000000" \
	"$S" run "$traces/semaphore.wl" --sem printers

# misuse a file shows is the author's mistake: FILE:LINE:COL, exit 2
printf 'name burst\nP1 2,unlock:A\n' >"$tmp/unlock.wl"
run "$S" run "$tmp/unlock.wl"
expect "unlocking a mutex the script does not hold" 2 "" \
	"$tmp/unlock.wl:2:13: thread 'P1' unlocks mutex 'A', which it does not hold$nl"
printf 'name burst\nP1 wait:S,1,post:S\n' >"$tmp/sem.wl"
run "$S" run "$tmp/sem.wl"
expect "an undeclared semaphore" 2 "" \
	"$tmp/sem.wl:2:9: undeclared semaphore 'S' (declare it with a line '#: --sem S=COUNT')$nl"
printf 'name burst\nP1 1,join:P3\nP2 1\n' >"$tmp/join.wl"
run "$S" run "$tmp/join.wl"
expect "joining an unknown thread" 2 "" "$tmp/join.wl:2:11: join of unknown thread 'P3'$nl"
printf '#: --sem S=x\nname burst\nP1 wait:S\n' >"$tmp/decl.wl"
run "$S" run "$tmp/decl.wl"
expect "a bad declaration" 2 "" \
	"$tmp/decl.wl:1:10: invalid value 'S=x' for --sem: expected NAME=COUNT, as in 'S=2'$nl"

# A count too large is said as such, not as a wrong shape (issue 10, item 8).
usage "--sem with a count too large" "invalid value 'S=9223372036854775807' for --sem: \
the count is larger than 1000000000000" "$S" run "$traces/semaphore.wl" --sem S=9223372036854775807
printf '#: --sem S=1000000000001\nname burst\nP1 wait:S\n' >"$tmp/decl.wl"
run "$S" run "$tmp/decl.wl"
expect "a declaration's count too large" 2 "" \
	"$tmp/decl.wl:1:10: invalid value 'S=1000000000001' for --sem: the count is larger than \
1000000000000$nl"

# A UTF-8 byte-order mark before the first line is skipped, as editors
# that write one expect (item 8); the trace keeps the file's bytes.
tail -c +4 "$src/tests/fuzz/repro/item8-bom.wl" >"$tmp/nobom.wl"
"$S" run "$tmp/nobom.wl" --json >"$tmp/nobom.json"
run "$S" run "$src/tests/fuzz/repro/item8-bom.wl" --json --trace-out "$tmp/bom.trace"
same "a workload that begins with a byte-order mark" "$tmp/nobom.json"
run "$S" run --from-trace "$tmp/bom.trace" --json
same "... and its trace re-runs" "$tmp/nobom.json"

# ---- the textbook's averages, exactly ------------------------------------

averages() {
	desc=$1 want=$2
	shift 2
	run "$S" run "$@" --json
	has "$desc" " \"averages\": {$want},"
}
averages "FCFS: average waiting 17" '"turnaround": 27, "waiting": 17, "response": 17' \
	"$traces/silberschatz-fcfs.wl"
averages "SJF: average waiting 7" '"turnaround": 13, "waiting": 7, "response": 7' \
	"$traces/silberschatz-sjf.wl"
averages "SRTF: average waiting 6.5" '"turnaround": 13, "waiting": 6.5, "response": 4.25' \
	"$traces/silberschatz-srtf.wl"
averages "non-preemptive SJF on the SRTF example: 7.75" \
	'"turnaround": 14.25, "waiting": 7.75, "response": 7.75' \
	"$traces/silberschatz-srtf.wl" --policy sjf
averages "priority: average waiting 8.2" '"turnaround": 12, "waiting": 8.2, "response": 8.2' \
	"$traces/silberschatz-priority.wl"
averages "RR q=4: average waiting 5.67, turnaround 15.67" \
	'"turnaround": 15.67, "waiting": 5.67, "response": 3.67' "$rr"
averages "priority + RR q=2: waiting 13.8, turnaround 19.2" \
	'"turnaround": 19.2, "waiting": 13.8, "response": 11.6' \
	"$traces/silberschatz-prio-rr.wl"
averages "FCFS in the order P2, P3, P1: average waiting 3" \
	'"turnaround": 13, "waiting": 3, "response": 3' - <<EOF
name burst
P2   3
P3   3
P1   24
EOF

# ---- output modes ---------------------------------------------------------

run "$S" run "$rr" --quiet
expect "--quiet prints nothing" 0 "" ""
run "$S" run "$rr" -q --trace-out "$tmp/q.trace"
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && [ -s "$tmp/q.trace" ]; then
	ok "--quiet still writes the trace"
else
	not_ok "--quiet still writes the trace" "$tmp/err"
fi
if [ -w /dev/full ]; then
	"$S" run "$rr" --no-tui >/dev/full 2>"$tmp/err"
	rc=$?
	: >"$tmp/out"
	expect "a report that cannot be written fails with status 1" 1 "" \
		"schedsim: cannot write the report: No space left on device$nl"
fi
run "$S" run "$rr" -q --trace-out "$tmp/no/such/dir/t"
expect "a trace that cannot be written fails with status 1" 1 "" \
	"schedsim: cannot write trace '$tmp/no/such/dir/t': No such file or directory$nl"

# ---- traces ---------------------------------------------------------------

for w in "$traces"/*.wl; do
	b=$(basename "$w" .wl)
	"$S" run "$w" -q --switch-cost 1 --trace-out "$tmp/$b.1" 2>/dev/null
	r1=$?
	"$S" run "$w" -q --switch-cost 1 --trace-out "$tmp/$b.2" 2>/dev/null
	r2=$?
	want=0
	[ "$b" = deadlock ] && want=1
	if [ $r1 -eq $want ] && [ $r2 -eq $want ] && cmp -s "$tmp/$b.1" "$tmp/$b.2"; then
		ok "trace of $b: two runs, identical bytes"
	else
		not_ok "trace of $b: two runs, identical bytes"
	fi
done
"$S" run "$rr" -q --trace-out "$tmp/rr.trace"
cat >"$tmp/rr.want" <<EOF
schedsim-trace 1
schedsim $version
policy rr
quantum 4
switch-cost 0
seed 0
workload "$rr" $(wc -l <"$rr" | tr -d ' ') $(wc -c <"$rr" | tr -d ' ')
$(sed 's/^/| /' "$rr")
thread 0 P1 0 0
thread 1 P2 0 0
thread 2 P3 0 0
events
EOF
sed -n '1,/^events$/p' "$tmp/rr.trace" >"$tmp/rr.head"
if cmp -s "$tmp/rr.want" "$tmp/rr.head"; then
	ok "trace header: version, options, the workload verbatim, threads"
else
	diff "$tmp/rr.want" "$tmp/rr.head" >"$tmp/why"
	not_ok "trace header: version, options, the workload verbatim, threads" "$tmp/why"
fi
sed '1,/^events$/d' "$tmp/rr.trace" >"$tmp/rr.events"
cat >"$tmp/rr.events.want" <<'EOF'
0 arrive P1 0 ""
0 arrive P2 0 ""
0 arrive P3 0 ""
0 dispatch P1 0 "next in the round-robin queue (arrived at 0)"
4 preempt P1 0 "quantum of 4 expired"
4 switch P2 0 ""
4 dispatch P2 0 "next in the round-robin queue (arrived at 0)"
7 exit P2 0 ""
7 switch P3 0 ""
7 dispatch P3 0 "next in the round-robin queue (arrived at 0)"
10 exit P3 0 ""
10 switch P1 0 ""
10 dispatch P1 0 "next in the round-robin queue (ready since 4)"
30 exit P1 0 ""
30 end - 0 ""
EOF
if cmp -s "$tmp/rr.events.want" "$tmp/rr.events"; then
	ok "trace events: time, kind, thread, argument, quoted reason"
else
	diff "$tmp/rr.events.want" "$tmp/rr.events" >"$tmp/why"
	not_ok "trace events: time, kind, thread, argument, quoted reason" "$tmp/why"
fi

# A run killed by SIGTERM leaves whole lines, ending where it was cut.
awk 'BEGIN { print "name burst"; for (i = 0; i < 2000; i++) print "T" i, 1000000 }' \
	>"$tmp/long.wl"
"$S" run "$tmp/long.wl" -q --policy rr --quantum 1 --trace-out "$tmp/long.trace" &
pid=$!
i=0
# The trace grows beside its name (long.trace.tmp-XXXXXX) until the end.
size() { cat "$1" "$1".tmp-* 2>/dev/null | wc -c; }
while [ "$(size "$tmp/long.trace")" -lt 200000 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM $pid
wait $pid 2>/dev/null
rc=$?
last=$(tail -c 1 "$tmp/long.trace" | od -An -c | tr -d ' ')
if [ $rc -eq 143 ] && [ "$last" = '\n' ] && head -n 1 "$tmp/long.trace" | grep -qx 'schedsim-trace 1' &&
   sed '1,/^events$/d' "$tmp/long.trace" |
   awk '!/^[0-9]+ [a-z]+ [^ ]+ -?[0-9]+ "[^"]*"$/ { bad = 1 } END { exit bad }'; then
	ok "SIGTERM: the trace ends with a whole line (status 143)"
else
	echo "# status $rc, last byte '$last'" >"$tmp/why"
	tail -n 2 "$tmp/long.trace" >>"$tmp/why"
	not_ok "SIGTERM: the trace ends with a whole line (status 143)" "$tmp/why"
fi

# ---- output files -----------------------------------------------------------
# Every file schedsim writes (export -o, --trace-out): a regular file or a
# new name is written beside itself and renamed into place; a device, a FIFO
# or a link's target is written where it is, and modes are the umask's or
# the old file's.  The device written to is a node made here: the real
# /dev/null is only looked at.

o=$tmp/o   # a directory of its own, to see what is left in it
mkdir "$o"
"$S" export "$tmp/rr.trace" --format csv >"$tmp/rr.csv" 2>/dev/null
"$S" run "$rr" -q --trace-out "$tmp/rr2.trace" 2>/dev/null
# No temporary file left behind.
clean() { ! ls -a "$o" | grep -q '\.tmp-'; }

if mknod "$o/null" c 1 3 2>/dev/null; then
	run "$S" export "$tmp/rr.trace" --format chrome -o "$o/null"
	r1=$rc
	run "$S" run "$rr" -q --trace-out "$o/null"
	if [ "$r1" -eq 0 ] && [ "$rc" -eq 0 ] && [ -c "$o/null" ] &&
	   [ "$(stat -c %t:%T "$o/null")" = 1:3 ] && clean && [ -c /dev/null ]; then
		ok "export -o and --trace-out write a device in place (it stays one)"
	else
		ls -l "$o" >"$tmp/why"
		not_ok "export -o and --trace-out write a device in place (it stays one)" \
			"$tmp/why" "$tmp/err"
	fi
	rm -f "$o/null"
else
	skip "export -o and --trace-out write a device in place (it stays one)" \
		"mknod cannot make a device node here"
fi

# fifo_read NAME CMD...: CMD writes into the FIFO NAME while a reader takes
# what comes into $tmp/fifo.out; the reader is stopped if NAME is no
# longer a FIFO.
fifo_read() {
	f=$1
	shift
	timeout 20 cat "$f" >"$tmp/fifo.out" &
	reader=$!
	run timeout 20 "$@"
	[ -p "$f" ] || kill "$reader" 2>/dev/null
	wait "$reader"
}
mkfifo "$o/fifo"
fifo_read "$o/fifo" "$S" export "$tmp/rr.trace" --format csv -o "$o/fifo"
r1=$rc
cmp -s "$tmp/fifo.out" "$tmp/rr.csv"
c1=$?
fifo_read "$o/fifo" "$S" run "$rr" -q --trace-out "$o/fifo"
if [ "$r1" -eq 0 ] && [ "$c1" -eq 0 ] && [ "$rc" -eq 0 ] &&
   cmp -s "$tmp/fifo.out" "$tmp/rr2.trace" && [ -p "$o/fifo" ] && clean; then
	ok "export -o and --trace-out write a FIFO in place (a reader gets it all)"
else
	ls -l "$o" >"$tmp/why"
	not_ok "export -o and --trace-out write a FIFO in place (a reader gets it all)" \
		"$tmp/why" "$tmp/err"
fi
rm -f "$o/fifo"

printf 'old\n' >"$o/target.csv"
ln -s target.csv "$o/link.csv"
ln -s sub/made.trace "$o/link.trace"
mkdir "$o/sub"
run "$S" export "$tmp/rr.trace" --format csv -o "$o/link.csv"
r1=$rc
run "$S" run "$rr" -q --trace-out "$o/link.trace"
if [ "$r1" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$(readlink "$o/link.csv")" = target.csv ] &&
   cmp -s "$o/target.csv" "$tmp/rr.csv" && [ "$(readlink "$o/link.trace")" = sub/made.trace ] &&
   cmp -s "$o/sub/made.trace" "$tmp/rr2.trace" && clean && ! ls -a "$o/sub" | grep -q '\.tmp-'; then
	ok "-o and --trace-out through a symlink write its target and keep the link"
else
	ls -lR "$o" >"$tmp/why"
	not_ok "-o and --trace-out through a symlink write its target and keep the link" \
		"$tmp/why" "$tmp/err"
fi
rm -rf "$o/sub" "$o"/*.csv "$o"/*.trace

(umask 022 && "$S" export "$tmp/rr.trace" --format csv -o "$o/a.csv" &&
	"$S" run "$rr" -q --trace-out "$o/a.trace" && umask 027 &&
	"$S" export "$tmp/rr.trace" --format csv -o "$o/b.csv" &&
	"$S" run "$rr" -q --trace-out "$o/b.trace") 2>"$tmp/err"
modes=$(stat -c %a "$o/a.csv" "$o/a.trace" "$o/b.csv" "$o/b.trace" 2>&1 | tr '\n' ' ')
if [ "$modes" = "644 644 640 640 " ] && clean; then
	ok "a new output file's mode is the umask's (022: 0644, 027: 0640)"
else
	echo "# modes $modes" >"$tmp/why"
	not_ok "a new output file's mode is the umask's (022: 0644, 027: 0640)" "$tmp/why" "$tmp/err"
fi
rm -f "$o"/*

printf 'old\n' >"$o/kept.csv"
printf 'old\n' >"$o/kept.trace"
chmod 640 "$o/kept.csv" "$o/kept.trace"
(umask 022 && "$S" export "$tmp/rr.trace" --format csv -o "$o/kept.csv" &&
	"$S" run "$rr" -q --trace-out "$o/kept.trace") 2>"$tmp/err"
modes=$(stat -c %a "$o/kept.csv" "$o/kept.trace" | tr '\n' ' ')
if [ "$modes" = "640 640 " ] && cmp -s "$o/kept.csv" "$tmp/rr.csv" &&
   cmp -s "$o/kept.trace" "$tmp/rr2.trace" && clean; then
	ok "an output file replaced keeps its mode (0640 under umask 022)"
else
	echo "# modes $modes" >"$tmp/why"
	not_ok "an output file replaced keeps its mode (0640 under umask 022)" "$tmp/why" "$tmp/err"
fi
rm -f "$o"/*

# Plainly, and through a link into a missing directory.
ln -s no/such/dir/x.csv "$o/lost"
run "$S" export "$tmp/rr.trace" --format csv -o "$o/no/such/dir/x.csv"
r1=$rc
e1=$(cat "$tmp/err")
run "$S" export "$tmp/rr.trace" --format csv -o "$o/lost"
r2=$rc
e2=$(cat "$tmp/err")
run "$S" run "$rr" -q --trace-out "$o/lost"
if [ "$r1" -eq 1 ] && [ "$r2" -eq 1 ] && [ "$rc" -eq 1 ] &&
   [ "$e1" = "schedsim: cannot write '$o/no/such/dir/x.csv': No such file or directory" ] &&
   [ "$e2" = "schedsim: cannot write '$o/lost': No such file or directory" ] &&
   [ "$(cat "$tmp/err")" = "schedsim: cannot write trace '$o/lost': No such file or directory" ] &&
   [ "$(readlink "$o/lost")" = no/such/dir/x.csv ] && [ "$(ls -A "$o")" = lost ]; then
	ok "-o and --trace-out into a missing directory: status 1, the message, a link unharmed"
else
	{ echo "# $r1 $e1"; echo "# $r2 $e2"; ls -l "$o"; } >"$tmp/why"
	not_ok "-o and --trace-out into a missing directory: status 1, the message, a link unharmed" \
		"$tmp/why" "$tmp/err"
fi
rm -f "$o"/*

# A trace that cannot be written whole (a file size limit, with SIGXFSZ
# ignored so writes fail with EFBIG) leaves the old trace as it was.
awk 'BEGIN { print "name burst"; for (i = 0; i < 200; i++) print "T" i, 50 }' >"$tmp/big.wl"
cp "$tmp/rr2.trace" "$o/old.trace"
(trap '' XFSZ; ulimit -f 16; exec "$S" run "$tmp/big.wl" -q --policy rr --quantum 1 \
	--trace-out "$o/old.trace") >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(cat "$tmp/err")" = \
   "schedsim: cannot write trace '$o/old.trace': File too large" ] &&
   cmp -s "$o/old.trace" "$tmp/rr2.trace" && [ "$(ls -A "$o")" = old.trace ]; then
	ok "a trace that fails to be written leaves the old file untouched, nothing beside it"
else
	ls -l "$o" >"$tmp/why"
	not_ok "a trace that fails to be written leaves the old file untouched, nothing beside it" \
		"$tmp/why" "$tmp/err"
fi

# ---- demo ---------------------------------------------------------------

run "$S" demo --list
expect "demo --list" 0 "\
classroom          five threads, interactive and CPU-bound, under round robin (the default)
convoy             one long job ahead of four short ones under FIFO: the convoy effect
io-vs-cpu          I/O-bound threads get the CPU back quickly under round robin
starvation         a low-priority thread waits while high-priority ones keep coming
aging              the starvation workload cured by aging (--aging 5)
race               four threads add to a counter unlocked: updates are lost
mutex              the race with a mutex: nothing lost, at a cost in switches
semaphore          four threads share two seats: never more than two inside
sleep              threads sleep in virtual time and wake in order
priority-inversion high waits on low's lock while medium runs; try --inherit
deadlock           two threads lock A and B in opposite order: a deadlock
" ""
"$S" demo 2>"$tmp/err" | cat >"$tmp/out"
rc=$?
same "demo into a pipe prints the classroom text report" "$golden/classroom.txt"
# A workload demo is its file's run, with the demo's result after it.
run "$S" demo convoy --json
sed '$d' "$golden/convoy.json" >"$tmp/want"
printf '%s\n' ' ],' \
	' "result": "the short jobs waited 41.25 ticks on average, LONG 0 (try --policy srtf)"}' \
	>>"$tmp/want"
same "demo convoy --json is run traces/convoy.wl --json, and the result" "$tmp/want"
run "$S" demo convoy --no-tui --policy srtf
has "demo convoy --policy srtf: short jobs first" \
	"Result: the short jobs waited 2.25 ticks on average, LONG 8"
run "$S" demo io-vs-cpu --no-tui
has "demo io-vs-cpu: interactive threads answered within ticks" \
	"Result: I/O-bound threads: response 6, finish 37.5 on average; CPU-bound: finish 69"
run "$S" demo io-vs-cpu --no-tui --policy fifo
has "demo io-vs-cpu --policy fifo: they queue behind whole bursts" \
	"Result: I/O-bound threads: response 45, finish 75.5 on average; CPU-bound: finish 45.5"
run "$S" demo starvation --no-tui
has "demo starvation: batch waits 40 ticks" \
	"Result: batch (priority 5) waited 40 ticks and finished at 43"
run "$S" demo aging --no-tui
has "demo aging: batch waits 20 ticks" \
	"Result: batch (priority 5) waited 20 ticks and finished at 23"
run "$S" demo aging --json
has "demo aging: batch waits 20 ticks, not 40" \
	'  {"name": "batch", "arrival": 0, "cpu": 3, "io": 0, "finish": 23, "turnaround": 23, "waiting": 20, "response": 20},'
run "$S" demo starvation --aging 5 --json
has "demo options work like run's" \
	'  {"name": "batch", "arrival": 0, "cpu": 3, "io": 0, "finish": 23, "turnaround": 23, "waiting": 20, "response": 20},'
usage "demo: unknown name" "unknown demo 'race-car' (see 'schedsim demo --list')" \
	"$S" demo race-car

# The C-code demos: each one's result, exactly, under its own options.
run "$S" demo race --no-tui
has "demo race: updates lost under rr, quantum 1" \
	"Result: final count 13, expected 40: 27 updates lost"
run "$S" demo race --json
has "demo race --json: the result member" \
	' "result": "final count 13, expected 40: 27 updates lost"}'
run "$S" demo mutex --no-tui
has "demo mutex: nothing lost, and what the lock cost" \
	"Result: final count 40, expected 40: no update lost; waiting for the lock took 108 ticks in all, and 42 context switches"
run "$S" demo semaphore --no-tui
has "demo semaphore: never more than two inside" \
	"Result: at most 2 of 4 threads inside at once (2 seats), 12 visits in all"
run "$S" demo semaphore --no-tui --sem seats=3
has "demo semaphore --sem seats=3: three inside" \
	"Result: at most 3 of 4 threads inside at once (3 seats), 12 visits in all"
run "$S" demo sleep --no-tui
has "demo sleep: woken in the order of their sleeps" \
	"Result: woke in order: nap1 at 1, nap3 at 3, nap6 at 6, nap9 at 9, nap12 at 12"
run "$S" demo priority-inversion --no-tui
has "demo priority-inversion: high waits 9 ticks" \
	"Result: high waited 9 ticks for lock M (from 1 to 10): medium ran while low held M; try --inherit"
run "$S" demo priority-inversion --no-tui --inherit
has "demo priority-inversion --inherit: high waits 3 ticks" \
	"Result: high waited 3 ticks for lock M (from 1 to 4): low inherited its priority, so medium could not get in between"
run "$S" demo deadlock --no-tui
if [ "$rc" -eq 1 ] && grep -qxF "Deadlock at time 4: P1 holds A and waits for B; P2 holds B and waits for A" "$tmp/out" &&
   [ "$(cat "$tmp/err")" = "schedsim: $dl" ]; then
	ok "demo deadlock: the cycle named, exit 1"
else
	not_ok "demo deadlock: the cycle named, exit 1 (status $rc)" "$tmp/out" "$tmp/err"
fi
run "$S" demo deadlock --json
if [ "$rc" -eq 1 ] && grep -qxF " \"deadlock\": \"$dl\"}" "$tmp/out"; then
	ok "demo deadlock --json: the deadlock member"
else
	not_ok "demo deadlock --json: the deadlock member (status $rc)" "$tmp/out" "$tmp/err"
fi

# ---- compare ----------------------------------------------------------------

# The published averages side by side (the golden files name the workload
# as given, so these run from the source directory).
incmp() { (cd "$src" && "$S" compare "$@") >"$tmp/out" 2>"$tmp/err"; rc=$?; }
incmp traces/silberschatz-fcfs.wl --policies fifo,rr --quantum 4
same "compare FCFS example: fifo waits 17, rr (quantum 4) 5.67 (turnaround 15.67)" \
	"$golden/compare-fcfs.txt"
incmp traces/silberschatz-sjf.wl --policies fifo,sjf
same "compare SJF example: sjf waits 7" "$golden/compare-sjf.txt"
incmp traces/silberschatz-srtf.wl --policies sjf,srtf
same "compare SRTF example: srtf 6.5 against non-preemptive sjf 7.75" \
	"$golden/compare-srtf.txt"
incmp traces/silberschatz-priority.wl --policies fifo,prio
same "compare priority example: prio waits 8.2" "$golden/compare-priority.txt"
incmp traces/silberschatz-prio-rr.wl --policies prio,rr
same "compare priority + RR example: 13.8 and 19.2" "$golden/compare-prio-rr.txt"
incmp traces/silberschatz-sjf.wl --policies fifo,sjf --json
same "compare --json: an array of the run --json objects" "$golden/compare-sjf.json"
run "$S" compare "$traces/silberschatz-sjf.wl" --json
if [ "$rc" -eq 0 ] && [ "$(grep -c '^\[\?{"policy": ' "$tmp/out")" -eq 5 ]; then
	ok "compare without --policies runs every policy"
else
	not_ok "compare without --policies runs every policy" "$tmp/out" "$tmp/err"
fi
incmp traces/deadlock.wl --policies fifo,rr
if [ "$rc" -eq 1 ] && grep -qxF "rr (quantum 1) (deadlock)           -          -           -           3           100% *" "$tmp/out" &&
   [ "$(cat "$tmp/err")" = "schedsim: rr (quantum 1): $dl" ]; then
	ok "compare: a run that deadlocks is marked, exit 1"
else
	not_ok "compare: a run that deadlocks is marked, exit 1 (status $rc)" "$tmp/out" "$tmp/err"
fi
incmp traces/silberschatz-rr.wl --policies fifo,rr,prio --switch-cost 1 --aging 2
if [ "$rc" -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "Compare: traces/silberschatz-rr.wl (switch cost 1)" ] &&
   grep -q '^fifo  ' "$tmp/out" && grep -q '^rr (quantum 4)  ' "$tmp/out" &&
   grep -q '^prio (quantum 4, aging 2)  ' "$tmp/out"; then
	ok "compare: the labels show which policy took which option, the title the engine's"
else
	not_ok "compare: the labels show which policy took which option, the title the engine's" \
		"$tmp/out" "$tmp/err"
fi
usage "compare: a shared option that none of the policies takes" \
	"none of fifo, sjf takes --quantum" \
	"$S" compare "$traces/silberschatz-sjf.wl" --policies fifo,sjf --quantum 2
usage "compare: an unknown policy" "unknown policy 'bogus' (known: fifo, rr, prio, sjf, srtf)" \
	"$S" compare "$traces/silberschatz-sjf.wl" --policies fifo,bogus
usage "compare: an empty policy name" "--policies: an empty name in 'fifo,,rr'" \
	"$S" compare "$traces/silberschatz-sjf.wl" --policies fifo,,rr
usage "compare: no FILE" "compare: missing workload FILE" "$S" compare
usage "compare: --policy is run's" \
	"compare: give the policies with --policies LIST, not --policy" \
	"$S" compare "$traces/silberschatz-sjf.wl" --policy rr
usage "compare: --quiet makes no sense" "compare: --quiet cannot be used here" \
	"$S" compare "$traces/silberschatz-sjf.wl" --quiet
usage "compare: --policies is compare's own" "unknown option '--policies'" \
	"$S" run "$traces/silberschatz-sjf.wl" --policies fifo

# ---- policies -------------------------------------------------------------

run "$S" policies
if [ "$rc" -eq 0 ] && [ "$(cut -d' ' -f1 "$tmp/out" | tr '\n' ' ')" = "fifo rr prio sjf srtf " ] &&
   grep -q '^fifo  aka fcfs ' "$tmp/out" && grep -q '^rr    aka round-robin ' "$tmp/out" &&
   grep -q '^rr .*; options: --quantum N' "$tmp/out"; then
	ok "policies: one line each, with aliases and options"
else
	not_ok "policies: one line each, with aliases and options" "$tmp/out" "$tmp/err"
fi
usage "policies takes no argument" "unexpected argument 'x'" "$S" policies x

echo "1..$n"
