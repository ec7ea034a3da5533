#!/bin/sh
# Every Check suite, and the program on the sample workloads, under valgrind:
# no memory errors, no leaks, and no "client switching stacks?" warnings
# (the runtime registers its stacks).  TAP, one line per program.
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-.}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed"
	exit 0
fi

suites=""
for p in ${SCHEDSIM_SUITES-}; do
	case $p in tests/*_test) suites="$suites $p" ;; esac
done
samples="silberschatz-rr.wl io-vs-cpu.wl"

set -- $suites
if [ $# -eq 0 ]; then
	# Run outside `make check`, or the suites' list went missing: a pass
	# here would say nothing.
	echo "1..1"
	echo "not ok 1 - no Check suites named in SCHEDSIM_SUITES"
	exit 0
fi
n=$(( $# + $(echo $samples | wc -w) ))
echo "1..$n"
i=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "$@" >"$log" 2>&1
	rc=$?
	if grep -q 'switching stacks' "$log"; then
		rc=98
	fi
	return $rc
}

report() {
	i=$((i + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $i - $2"
	else
		echo "not ok $i - $2 (status $1)"
		sed 's/^/# /' "$log" | tail -n 40
	fi
}

for s in $suites; do
	CK_FORK=no SCHEDSIM_VALGRIND=1 CK_TAP_LOG_FILE_NAME=/dev/null vg "$builddir/$s"
	report $? "valgrind $s"
done
for w in $samples; do
	vg "$builddir/schedsim" run --no-tui "$srcdir/traces/$w"
	report $? "valgrind schedsim run traces/$w"
done
