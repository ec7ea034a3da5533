#!/bin/sh
# bench/ltrace_import.sh: `schedsim replay --json` of a 1,000,000-line
# ftrace file against `grep -c sched_switch` on the same file, measured in
# the same run.  They run in pairs, back to back, five times: each pair's
# ratio is taken under the same load, and the median is the figure (wall
# time; a busy machine moves single runs a lot).  bench/ltrace_bench
# measures the import library itself, as CPU time.
set -eu
: "${SCHEDSIM:?SCHEDSIM must name the built program}"
top=$(dirname "$SCHEDSIM")
f=$(mktemp "${TMPDIR:-/tmp}/ltrace-import-XXXXXX")
out=$(mktemp "${TMPDIR:-/tmp}/ltrace-import-out-XXXXXX")
trap 'rm -f "$f" "$out"' EXIT INT TERM
"$top/bench/ltrace_bench" --generate "$f"

# Wall time of "$@" in microseconds.  Its output goes to a file, not
# /dev/null: GNU grep stops at the first match when writing there.
took() {
	t0=$(date +%s%N)
	"$@" >"$out"
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 ))
}

grep -c sched_switch "$f" >"$out"   # into the page cache
"$SCHEDSIM" replay "$f" --json >"$out"
nl='
'
pairs=
for _ in 1 2 3 4 5; do
	g=$(took grep -c sched_switch "$f")
	r=$(took "$SCHEDSIM" replay "$f" --json)
	pairs="$pairs$g $r$nl"
done
printf '%s' "$pairs" | awk '
	{ g[NR] = $1; r[NR] = $2; q[NR] = $2 / ($1 > 0 ? $1 : 1) }
	END {
		n = NR
		for (i = 1; i <= n; i++)           # sort the ratios (n is 5)
			for (j = i + 1; j <= n; j++)
				if (q[j] < q[i]) { t = q[i]; q[i] = q[j]; q[j] = t }
		bg = g[1]; br = r[1]
		for (i = 2; i <= n; i++) { if (g[i] < bg) bg = g[i]; if (r[i] < br) br = r[i] }
		printf "grep -c sched_switch: %.1f ms; schedsim replay --json: %.1f ms " \
		       "(best of %d, wall)\n", bg / 1000, br / 1000, n
		printf "replay_vs_grep: %.2f (target <= 3; median of %d pairs, wall)\n", q[int((n + 1) / 2)], n
	}'
