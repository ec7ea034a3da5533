#!/bin/sh
# The README's two commands are what newcomers and CI run: keep CI honest by
# checking that .ci/run runs the README's test command exactly as written.
srcdir=${top_srcdir:-.}
echo "1..3"
cmds=$(sed -n '/^```sh$/,/^```$/p' "$srcdir/README.md" | grep -v '^```' | head -n 2)
demo=$(echo "$cmds" | sed -n 1p)
test=$(echo "$cmds" | sed -n 2p)
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
