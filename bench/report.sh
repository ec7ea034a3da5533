#!/bin/sh
# bench/report.sh: what the outputs of `schedsim run` cost on top of the
# run itself.  1,000 threads of 1,000 ticks under rr --quantum 1 (1,000,000
# dispatches): --quiet (the run alone) against the text report, the JSON
# report and --trace-out (about 4,000,000 lines), wall time, best of 3.
set -eu
: "${SCHEDSIM:?SCHEDSIM must name the built program}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/report-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
awk 'BEGIN { print "name burst"; for (i = 0; i < 1000; i++) print "T" i, 1000 }' \
	>"$dir/w.wl"

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

run="$SCHEDSIM run $dir/w.wl --policy rr --quantum 1"
q=$(best $run --quiet)
t=$(best $run --no-tui)
j=$(best $run --json)
o=$(best $run --quiet --trace-out "$dir/t")
echo "run_quiet_ms: $q"
echo "run_text_ms: $t"
echo "run_json_ms: $j"
echo "run_trace_ms: $o ($(wc -l <"$dir/t" | tr -d ' ') lines)"
awk -v q="$q" -v t="$t" -v j="$j" -v o="$o" 'BEGIN {
	q = q > 0 ? q : 1
	printf "text_vs_quiet: %.2f\njson_vs_quiet: %.2f\ntrace_vs_quiet: %.2f\n", t / q, j / q, o / q
}'
