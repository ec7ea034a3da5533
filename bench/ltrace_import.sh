#!/bin/sh
# bench/ltrace_import.sh: `schedsim replay` of a 1,000,000-line ftrace file
# against `grep -c sched_switch` on the same file, wall time, best of 3.
# bench/ltrace_bench measures the import library itself; this measures the
# command once it exists.
set -eu
: "${SCHEDSIM:?SCHEDSIM must name the built program}"
top=$(dirname "$SCHEDSIM")
if ! "$SCHEDSIM" replay --help >/dev/null 2>&1; then
	echo "schedsim replay is not there yet: see bench/ltrace_bench for the import"
	exit 0
fi
f=$(mktemp "${TMPDIR:-/tmp}/ltrace-import-XXXXXX")
trap 'rm -f "$f"' EXIT INT TERM
"$top/bench/ltrace_bench" --generate "$f"

# Best wall time of three runs of "$@", in milliseconds.
best() {
	b=
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		"$@" >/dev/null
		t1=$(date +%s%N)
		t=$(( (t1 - t0) / 1000000 ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}

grep -c sched_switch "$f" >/dev/null   # into the page cache
g=$(best grep -c sched_switch "$f")
r=$(best "$SCHEDSIM" replay "$f" --json)
echo "grep -c sched_switch: $g ms; schedsim replay --json: $r ms (best of 3, wall)"
awk -v r="$r" -v g="$g" 'BEGIN { printf "replay_vs_grep: %.2f (target <= 3)\n", r / (g > 0 ? g : 1) }'
