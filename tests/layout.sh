#!/bin/sh
# layout.sh: the shape of the code the architecture promises, checked.
#   - src/ holds module folders only, each with its local.mk, each included
#     from Makefile.am;
#   - a private header (*_int.h) is included only from its own folder;
#   - no folder includes a header of another folder that (through others)
#     includes one of its own: the folders form no cycle.  The run's
#     vocabulary (src/sim/event.h) counts apart from the engine it sits
#     beside, as it includes nothing of it (nor of the runtime).
# Tests (tests/) are white-box and may include private headers.
srcdir=${top_srcdir:-.}
cd "$srcdir" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. tests/tap.sh

echo "1..5"

loose=$(find src -mindepth 1 -maxdepth 1 ! -type d ! -name '*.mk' | sort)
if [ -z "$loose" ]; then
	ok "src/ holds module folders only"
else
	echo "$loose" >"$tmp/why"
	not_ok "src/ holds module folders only" "$tmp/why"
fi

: >"$tmp/why"
for d in src/*/; do
	d=${d%/}
	[ -f "$d/local.mk" ] || echo "$d has no local.mk" >>"$tmp/why"
	grep -qx "include $d/local.mk" Makefile.am ||
		echo "Makefile.am does not include $d/local.mk" >>"$tmp/why"
done
if [ -s "$tmp/why" ]; then
	not_ok "each module folder has its local.mk, included by Makefile.am" "$tmp/why"
else
	ok "each module folder has its local.mk, included by Makefile.am"
fi

# Every quoted include of library code as "FILE: TARGET", TARGET the
# header's path from the top ("src/sim/sim.h", "sched/policy.h").
for f in $(find src sched ui -name '*.[ch]' | sort); do
	dir=${f%/*}
	sed -n 's/^#[ 	]*include[ 	]*"\([^"]*\)".*/\1/p' "$f" | while read -r h; do
		case $h in
			*/*) if [ -f "src/$h" ]; then echo "$f src/$h";
			     elif [ -f "$h" ]; then echo "$f $h"; fi ;;
			*) [ -f "$dir/$h" ] && echo "$f $dir/$h" ;;
		esac
	done
done >"$tmp/inc"

awk '{ n = split($1, a, "/"); from = substr($1, 1, length($1) - length(a[n]) - 1)
       n = split($2, b, "/"); to = substr($2, 1, length($2) - length(b[n]) - 1)
       if (b[n] ~ /_int\.h$/ && from != to) print $1 " includes " $2 }' \
	"$tmp/inc" >"$tmp/why"
if [ -s "$tmp/why" ]; then
	not_ok "private headers are included only from their own folder" "$tmp/why"
else
	ok "private headers are included only from their own folder"
fi

# The graph of folders: a node per folder, src/sim/event.[ch] its own.
node() {
	case $1 in
		src/sim/event.*) echo "src/sim/event" ;;
		*) echo "${1%/*}" ;;
	esac
}
while read -r f h; do
	a=$(node "$f") b=$(node "$h")
	[ "$a" = "$b" ] || echo "$a $b"
done <"$tmp/inc" | sort -u >"$tmp/edges"
grep -E '^src/sim/event (src/sim|src/rt)$' "$tmp/edges" >"$tmp/why"
if [ -s "$tmp/why" ]; then
	not_ok "the run's vocabulary (sim/event.h) needs neither the engine nor the runtime" "$tmp/why"
else
	ok "the run's vocabulary (sim/event.h) needs neither the engine nor the runtime"
fi

# Cycles: repeatedly drop the edges into a folder that includes nothing
# left and out of a folder that nothing left includes; what remains are
# the cycles.
cp "$tmp/edges" "$tmp/left"
while :; do
	awk 'NR == FNR { out[$1] = 1; in_[$2] = 1; next } ($2 in out) && ($1 in in_)' \
		"$tmp/left" "$tmp/left" >"$tmp/next"
	cmp -s "$tmp/next" "$tmp/left" && break
	mv "$tmp/next" "$tmp/left"
done
if [ -s "$tmp/left" ]; then
	sed 's/ / includes /' "$tmp/left" >"$tmp/why"
	not_ok "the folders include each other in no cycle" "$tmp/why"
else
	ok "the folders include each other in no cycle"
fi
