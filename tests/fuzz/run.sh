#!/bin/sh
# run.sh TARGET...: `make fuzz`.  For each libFuzzer target: first every
# reproducer of tests/fuzz/repro/ it reads once (a finding that came back:
# workloads *.wl, schedsim traces *.trace, Linux traces *.txt), then
# FUZZ_SECONDS (60) of fuzzing from a seed corpus made from traces/ and
# tests/golden, and the reproducers.  The corpus, new inputs and findings
# go to a scratch directory in $TMPDIR, never into the source tree; it is
# removed when every target passed, kept (and named) when one did not.
# Any finding fails: a crash, a sanitizer's report, a leak, a hang (10 s
# on one input) or a broken promise (tests/fuzz/fuzz.h).
set -u
srcdir=${top_srcdir:-.}
prog=${SCHEDSIM:-./schedsim}
secs=${FUZZ_SECONDS:-60}
[ $# -gt 0 ] || { echo "usage: $0 TARGET..." >&2; exit 2; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/schedsim-fuzz.XXXXXX") || exit 1
trap 'exit 130' INT
trap 'exit 143' TERM

# The commands print into memory (fuzz_command): what is printed here is
# libFuzzer's and the sanitizers' reports.
flags="-timeout=10 -rss_limit_mb=2048 -print_final_stats=1"

# ---- seeds --------------------------------------------------------------
seeds=$scratch/seeds
mkdir -p "$seeds/wl" "$seeds/trace" "$seeds/linux"
cp "$srcdir"/traces/*.wl "$seeds/wl/"
cp "$srcdir"/traces/linux-*.txt "$seeds/linux/"
cp "$srcdir"/tests/golden/*.trace "$seeds/trace/"
# The sample workloads and the built-in demos recorded under each policy:
# every event kind, semaphores, mutexes, joins, deadlocks, C-code demos.
for pol in fifo rr prio srtf; do
	for w in "$srcdir"/traces/*.wl; do
		b=$(basename "$w" .wl)
		"$prog" run "$w" --policy "$pol" --quiet \
			--trace-out "$seeds/trace/$b-$pol.trace" 2>/dev/null
	done
	for d in $("$prog" demo --list | awk '{ print $1 }'); do
		"$prog" demo "$d" --policy "$pol" --quiet \
			--trace-out "$seeds/trace/demo-$d-$pol.trace" 2>/dev/null
	done
done
[ -n "$(ls "$seeds/trace")" ] || { echo "fuzz: no traces recorded by $prog" >&2; exit 1; }

# why BIN INPUT: the first words of a finding, from a run of it alone.
why() {
	"./$1" "$2" 2>&1 | grep -a -m 3 -e '^fuzz: ' -e '^==[0-9]*==ERROR' \
		-e 'runtime error' -e '^SUMMARY' | sed 's/^/fuzz:     /'
}

status=0
for bin in "$@"; do
	name=$(basename "$bin")
	name=${name#fuzz_}
	# Its seeds, the reproducers it reads (by their ending), and the
	# words of the format it reads.
	case $name in
	workload) from="wl" ends="wl" dict=workload ;;
	trace) from="trace linux" ends="trace txt" dict=trace ;;
	ltrace) from="linux" ends="txt" dict=ltrace ;;
	rerun) from="trace" ends="trace" dict=trace ;;
	*) echo "fuzz: no seeds for '$bin'" >&2; exit 2 ;;
	esac
	corpus=$scratch/corpus-$name
	mkdir -p "$corpus"
	for s in $from; do cp "$seeds/$s"/* "$corpus/"; done

	# Each reproducer once, on its own: the file names the finding.
	for e in $ends; do
		for r in "$srcdir/tests/fuzz/repro"/*."$e"; do
			[ -f "$r" ] || continue
			cp "$r" "$corpus/"
			# shellcheck disable=SC2086
			if "./$bin" $flags "$r" >"$scratch/repro.log" 2>&1; then
				echo "fuzz: $name: ok   $(basename "$r")"
			else
				echo "fuzz: $name: FAIL $(basename "$r")"
				why "$bin" "$r"
				status=1
			fi
		done
	done

	# Inputs up to 16 KiB: larger reproducers are run whole above.
	# shellcheck disable=SC2086 # $flags is words
	"./$bin" $flags -dict="$srcdir/tests/fuzz/$dict.dict" -max_len=16384 \
		-max_total_time="$secs" -artifact_prefix="$scratch/$name-" "$corpus" \
		>"$scratch/$name.log" 2>&1
	st=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$name.log")
	cov=$(grep -o 'cov: [0-9]*' "$scratch/$name.log" | tail -n 1)
	if [ $st -eq 0 ]; then
		echo "fuzz: $name: ok   ${runs:-?} inputs in $secs s, $cov"
	else
		echo "fuzz: $name: FAIL (status $st) after ${runs:-?} inputs; log $scratch/$name.log"
		for a in "$scratch/$name"-*; do
			[ -f "$a" ] || continue
			echo "fuzz:     input: $a"
			why "$bin" "$a"
		done
		grep -m 1 -e 'ALARM' -e 'out-of-memory' -e 'leak' "$scratch/$name.log" |
			sed 's/^/fuzz:     /'
		status=1
	fi
done

if [ $status -eq 0 ]; then
	rm -rf "$scratch"
else
	echo "fuzz: findings and logs kept in $scratch"
fi
exit $status
