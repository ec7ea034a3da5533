#!/bin/sh
# oracle.sh: promises that hold for every run, checked on every sample
# workload of traces/ under every policy, as recorded and with a switch
# cost.  For each workload, one TAP line per promise (the failing runs are
# named below it):
#   - replaying a run's trace gives the run's JSON and text reports;
#   - a re-run without new options (run --from-trace) reproduces the
#     trace byte for byte;
#   - no figure in a report is negative;
#   - the figures add up (tests/oracle.awk): per thread, totals, averages,
#     timeline, utilisation, and the text report says what the JSON says.
set -u
prog=${SCHEDSIM:-./schedsim}
srcdir=${top_srcdir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/schedsim-oracle.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
. "$srcdir/tests/tap.sh"

policies=$("$prog" policies | awk '{ print $1 }')
[ -n "$policies" ] || { echo "1..0 # SKIP: '$prog policies' names no policy"; exit 0; }
set -- "$srcdir"/traces/*.wl
echo "1..$(($# * 4))"

# fails FILE WHAT: note WHAT as a failing run of the current check.
fails() { echo "# $2" >>"$1"; }

for w in "$@"; do
	b=$(basename "$w")
	for f in same rerun negative sums; do : >"$tmp/$f"; done
	for p in $policies; do
		for cost in "" "--switch-cost 1"; do
			what="$b --policy $p${cost:+ $cost}"
			# shellcheck disable=SC2086 # $cost is two words or none
			"$prog" run "$w" --policy "$p" $cost --json --trace-out "$tmp/t" \
				>"$tmp/run.json" 2>/dev/null
			st=$?
			# shellcheck disable=SC2086
			"$prog" run "$w" --policy "$p" $cost --no-tui >"$tmp/run.txt" 2>/dev/null
			st2=$?
			if [ $st -gt 1 ] || [ $st2 -ne $st ]; then
				fails "$tmp/same" "$what: run exits $st, then $st2"
				continue
			fi
			"$prog" replay "$tmp/t" --json >"$tmp/replay.json" 2>"$tmp/err"
			"$prog" replay "$tmp/t" --no-tui >"$tmp/replay.txt" 2>>"$tmp/err"
			if ! cmp -s "$tmp/run.json" "$tmp/replay.json" ||
			   ! cmp -s "$tmp/run.txt" "$tmp/replay.txt"; then
				fails "$tmp/same" "$what: the replay reports differ"
				diff "$tmp/run.json" "$tmp/replay.json" | head -n 4 | sed 's/^/#   /' >>"$tmp/same"
				diff "$tmp/run.txt" "$tmp/replay.txt" | head -n 4 | sed 's/^/#   /' >>"$tmp/same"
			fi
			"$prog" run --from-trace "$tmp/t" --quiet --trace-out "$tmp/t2" 2>"$tmp/err"
			if ! cmp -s "$tmp/t" "$tmp/t2"; then
				fails "$tmp/rerun" "$what: the re-run's trace differs"
				{ head -n 2 "$tmp/err"; diff "$tmp/t" "$tmp/t2" | head -n 6; } |
					sed 's/^/#   /' >>"$tmp/rerun"
			fi
			if grep -n '[ :[]-[0-9]' "$tmp/run.json" >"$tmp/neg" ||
			   grep -n ' -[0-9]' "$tmp/run.txt" >>"$tmp/neg"; then
				fails "$tmp/negative" "$what: a negative figure"
				head -n 3 "$tmp/neg" | sed 's/^/#   /' >>"$tmp/negative"
			fi
			awk -f "$srcdir/tests/oracle.awk" "$tmp/run.json" "$tmp/run.txt" >"$tmp/why"
			if [ -s "$tmp/why" ]; then
				fails "$tmp/sums" "$what: the figures do not add up"
				head -n 5 "$tmp/why" | sed 's/^/#   /' >>"$tmp/sums"
			fi
		done
	done
	for f in same rerun negative sums; do
		case $f in
		same) desc="replaying its traces gives the runs' reports" ;;
		rerun) desc="a re-run without new options reproduces its traces" ;;
		negative) desc="no figure in its reports is negative" ;;
		sums) desc="its reports' figures add up" ;;
		esac
		if [ -s "$tmp/$f" ]; then
			not_ok "$b, every policy: $desc"
			cat "$tmp/$f"
		else
			ok "$b, every policy: $desc"
		fi
	done
done
