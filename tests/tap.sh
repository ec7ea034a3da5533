# tap.sh: what the shell tests share (sourced): TAP lines, running the
# program with its outputs captured, and exact expectations.  The sourcing
# script sets tmp (a scratch directory) first.

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for f in "$@"; do
		[ -f "$f" ] && sed 's/^/# /' "$f" | head -n 30
	done
}

# skip DESC REASON: a case that cannot run here, said so.
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# run CMD...: stdout, stderr and status into $tmp/out, $tmp/err, $rc.
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# expect DESC STATUS STDOUT STDERR: the last run, exactly ("" for empty).
expect() {
	printf '%s' "$3" >"$tmp/want.out"
	printf '%s' "$4" >"$tmp/want.err"
	if [ "$rc" -eq "$2" ] && cmp -s "$tmp/out" "$tmp/want.out" &&
	   cmp -s "$tmp/err" "$tmp/want.err"; then
		ok "$1"
	else
		echo "# status $rc, wanted $2" >"$tmp/why"
		diff "$tmp/want.out" "$tmp/out" >>"$tmp/why"
		diff "$tmp/want.err" "$tmp/err" >>"$tmp/why"
		not_ok "$1" "$tmp/why"
	fi
}

# same DESC FILE [STDERR]: status 0, stdout is FILE exactly, stderr STDERR.
same() {
	printf '%s' "${3:-}" >"$tmp/want.err"
	if [ "$rc" -eq 0 ] && cmp -s "$2" "$tmp/out" && cmp -s "$tmp/want.err" "$tmp/err"; then
		ok "$1"
	else
		{ echo "# status $rc"; diff "$2" "$tmp/out"; diff "$tmp/want.err" "$tmp/err"; } \
			>"$tmp/why"
		not_ok "$1" "$tmp/why"
	fi
}

nl='
'
try="Try 'schedsim --help' for more information.$nl"

# usage DESC MESSAGE CMD...: exit 2, nothing on stdout, the usage error.
usage() {
	desc=$1 msg=$2
	shift 2
	run "$@"
	expect "$desc" 2 "" "schedsim: $msg$nl$try"
}
