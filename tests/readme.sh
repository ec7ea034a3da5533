#!/bin/sh
# The README's two commands are what newcomers and CI run: keep CI honest by
# checking that .ci/run runs the README's test command exactly as written
# (build-aux/readme-command reads them, as build-aux/fresh-debian does).
srcdir=${top_srcdir:-.}
echo "1..3"
demo=$("$srcdir/build-aux/readme-command" 1)
test=$("$srcdir/build-aux/readme-command" 2)
case $demo in
	*"schedsim demo"*) echo "ok 1 - the README's first command runs the demo" ;;
	*) echo "not ok 1 - the README's first command runs the demo: '$demo'" ;;
esac
case $test in
	*"make -j2 check"*) echo "ok 2 - the README's second command runs the suite" ;;
	*) echo "not ok 2 - the README's second command runs the suite: '$test'" ;;
esac
if [ -f "$srcdir/.ci/run" ]; then
	if grep -qxF "$test" "$srcdir/.ci/run"; then
		echo "ok 3 - .ci/run runs the README's test command as written"
	else
		echo "not ok 3 - .ci/run runs the README's test command as written"
	fi
else
	echo "not ok 3 - .ci/run is missing (it is in EXTRA_DIST)"
fi
