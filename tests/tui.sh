#!/bin/sh
# tui.sh: the live view in a real terminal.  Each case runs `schedsim demo`
# in a detached tmux session of fixed size on a private socket, types with
# send-keys and reads the screen with capture-pane.  Every wait polls the
# screen against a deadline.  TAP.
set -u
prog=${SCHEDSIM:-./schedsim}
srcdir=${top_srcdir:-.}

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/schedsim-tui.XXXXXX") || exit 1
sock=$dir/sock
unset TMUX
tm() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The classroom demo's first two threads, from the file it is built from.
names=$(sed 's/#.*//' "$srcdir/traces/classroom.wl" | awk 'NF { print $1 }' | sed -n '2,3p')
first=$(echo "$names" | sed -n 1p)
second=$(echo "$names" | sed -n 2p)

echo "1..34"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	echo "# screen of $2:"
	screen "$2" 2>/dev/null | sed 's/^/#   /'
}
# result DESCRIPTION SESSION STATUS: one TAP line for the case just run.
result() { if [ "$3" -eq 0 ]; then ok "$1"; else not_ok "$1" "$2"; fi; }

screen() { tm capture-pane -p -t "$1"; }
now() { date +%s; }

# wait_for SESSION REGEX [SECONDS]: the screen shows REGEX before the deadline.
wait_for() {
	_end=$(( $(now) + ${3:-10} ))
	while ! screen "$1" 2>/dev/null | grep -Eq -- "$2"; do
		[ "$(now)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}
# wait_gone SESSION REGEX [SECONDS]: the screen stops showing REGEX.
wait_gone() {
	_end=$(( $(now) + ${3:-10} ))
	while screen "$1" 2>/dev/null | grep -Eq -- "$2"; do
		[ "$(now)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}
flag() { tm display -p -t "$1" "#{$2}"; }
# children PID: the processes whose parent PID is, from /proc (what
# `ps -o pid= --ppid PID` says: a minimal system has no ps).
children() {
	for _s in /proc/[0-9]*/stat; do
		read -r _l 2>/dev/null <"$_s" || continue
		# After the command name in parentheses: state, then parent.
		set -- "$1" ${_l##*) }
		[ "$3" = "$1" ] && { _s=${_s#/proc/}; echo "${_s%/stat}"; }
	done
}
restored() { # SESSION: alternate screen left, cursor shown
	[ "$(flag "$1" alternate_on)" = 0 ] && [ "$(flag "$1" cursor_flag)" = 1 ]
}

# start SESSION SHELL-COMMAND: a 100x30 window whose shell says how the
# command ended, then stays for capture-pane.  The shell outlives a Ctrl-C
# (its trap is reset to the default in the command).
start() {
	tm new-session -d -s "$1" -x 100 -y 30 \
		"trap : INT; $2; echo \"[exit \$?]\"; exec sleep 600" \; \
		set -s exit-empty off
}
run_demo() { # SESSION ENV...
	s=$1
	shift
	start "$s" "env $* '$prog' demo"
}

# Event counter shown on the info line ("event N").
events() { screen "$1" | sed -n 's/.*  event \([0-9]*\) .*/\1/p' | head -n 1; }

# ---- the main session: keys, help, resize, quit -------------------------
run_demo main LC_ALL=C.UTF-8
wait_for main "RUNNING" && wait_for main "$first" && wait_for main "$second"
result "demo shows the thread names and RUNNING" main $?

tm send-keys -t main space
wait_for main "PAUSED"
result "space pauses" main $?

before=$(events main)
tm send-keys -t main s
want=$(( ${before:-0} + 1 ))
wait_for main "  event $want " && [ "$(events main)" = "$want" ]
result "s steps exactly one event ($before to $want)" main $?

before=$want
tm send-keys -t main Right
want=$((before + 1))
wait_for main "  event $want " && [ "$(events main)" = "$want" ]
result "Right at the present steps one event too ($before to $want)" main $?

tm send-keys -t main r
wait_for main "restarted" && wait_for main "  event 0 " && wait_for main "PAUSED"
result "r restarts (paused, no events yet)" main $?

tm send-keys -t main p
wait_for main "restarted under [a-z]+"
pol=$(screen main | sed -n 's/.*restarted under \([a-z]*\).*/\1/p' | head -n 1)
[ -n "$pol" ] && [ "$pol" != rr ] && screen main | grep -q "policy $pol"
result "p restarts under the next policy (${pol:-none})" main $?

tm send-keys -t main '?'
wait_for main "Any key closes this help" && tm send-keys -t main x &&
   wait_gone main "Any key closes this help" && wait_for main "PAUSED"
result "? opens the help and a key closes it" main $?

tm resize-window -t main -x 60 -y 15
wait_for main "PAUSED" && wait_for main "^ Timeline" &&
   [ "$(screen main | wc -L)" -le 60 ]
result "60x15 still shows the view" main $?
tm resize-window -t main -x 30 -y 8
wait_for main "Terminal too small"
result "30x8 shows the terminal-too-small screen" main $?
tm resize-window -t main -x 100 -y 30
wait_for main "PAUSED" && wait_for main "$first" && wait_gone main "too small"
result "back to 100x30 the view returns" main $?

tm send-keys -t main q
wait_for main '^\[exit 0\]'
result "q exits 0" main $?
restored main
result "q leaves the alternate screen and shows the cursor" main $?

# ---- a storm of keys and resizes ------------------------------------------------
run_demo storm LC_ALL=C.UTF-8
wait_for storm "RUNNING"
set -- space s Right Left h l f z Z + - Up Down NPage PPage Tab r p '?' F1 C-l \
	j k = _ x Escape Home End BSpace Enter 0 9
i=0
while [ $i -lt 300 ]; do
	i=$((i + 1))
	eval "k=\${$(( i * 7919 % $# + 1 ))}"
	tm send-keys -t storm "$k"
	[ $((i % 40)) -eq 0 ] &&
		tm resize-window -t storm -x $((30 + i % 90)) -y $((8 + i % 30))
done
tm resize-window -t storm -x 100 -y 30
tm send-keys -t storm x # closes the help if the storm left it open
wait_for storm "(RUNNING|PAUSED|FINISHED)" && tm send-keys -t storm q &&
	wait_for storm '^\[exit 0\]' && restored storm
result "a storm of 300 keys and resizes: still alive, q exits 0" storm $?

# ---- SIGTERM restores the terminal ---------------------------------------
run_demo term LC_ALL=C.UTF-8
wait_for term "RUNNING" &&
	kill -TERM $(children "$(flag term pane_pid)") &&
	wait_for term '^\[exit 143\]' && restored term
result "SIGTERM ends it (status 143) with the terminal restored" term $?

# ---- Ctrl-C, and a crash -----------------------------------------------------
run_demo intr LC_ALL=C.UTF-8
wait_for intr "RUNNING" && tm send-keys -t intr C-c &&
	wait_for intr '^\[exit 130\]' && restored intr
result "Ctrl-C ends it (status 130) with the terminal restored" intr $?

run_demo crash LC_ALL=C.UTF-8
wait_for crash "RUNNING" &&
	kill -SEGV $(children "$(flag crash pane_pid)") &&
	wait_for crash '^\[exit [1-9][0-9]*\]' && restored crash
result "a crash (SIGSEGV) still restores the terminal" crash $?

# ---- a simulated thread overflows its stack: its message stays readable ------
start overflow "'${top_builddir:-.}/tests/ui_drive'"
wait_for overflow '^\[exit 1\]' && wait_for overflow "thread 'deep' overflowed its" &&
	restored overflow
result "a thread's stack overflow restores the terminal, message readable" overflow $?

start fail "'${top_builddir:-.}/tests/ui_drive' fail"
wait_for fail "FAILED .*negative tick count" && tm send-keys -t fail q &&
	wait_for fail '^\[exit 1\]' && wait_for fail "^schedsim: .*negative tick count" &&
	restored fail
result "a run-time failure shows FAILED, then q exits 1 with the message" fail $?

# ---- locks: who holds what, who waits; a deadlock ends it with status 1 -------
cat >"$dir/deadlock.wl" <<'EOF'
# two threads take two locks in opposite order
name arrival burst
P1 0 1,lock:A,2,lock:B,1,unlock:B,unlock:A
P2 0 1,lock:B,2,lock:A,1,unlock:A,unlock:B
EOF
start deadlock "'$prog' run '$dir/deadlock.wl' --policy rr --quantum 1"
wait_for deadlock "RUNNING" && tm send-keys -t deadlock + + + + + + + + + + + &&
	wait_for deadlock "DEADLOCK" &&
	wait_for deadlock "Sync  mutex A held by P1 \\(waiting: P2\\)  mutex B held by P2 \\(waiting: P1\\)" &&
	tm send-keys -t deadlock Tab && wait_for deadlock "mutex B \\(P2\\)" &&
	tm send-keys -t deadlock q && wait_for deadlock '^\[exit 1\]' &&
	wait_for deadlock "^schedsim: deadlock at time 6: P1 holds A and waits for B; P2 holds B and waits for A" &&
	restored deadlock
result "a deadlock: holders and waiters shown, DEADLOCK, q exits 1 naming it" deadlock $?

# ---- a recording played back: stepping both ways, seeking ----------------------
start replay "'${top_builddir:-.}/tests/ui_replay_drive'"
wait_for replay "replay recording" && wait_for replay "^ Timeline 1 ms/column" &&
	tm send-keys -t replay space g &&
	wait_for replay "PAUSED" && wait_for replay "  event 0 " &&
	tm send-keys -t replay s s s && wait_for replay "  event 3 " &&
	tm send-keys -t replay b && wait_for replay "  event 2 " &&
	[ "$(events replay)" = 2 ] &&
	tm send-keys -t replay t 1 2 && wait_for replay "Jump to time: 12_" &&
	tm send-keys -t replay Enter && wait_for replay "^ Clock 13 " &&
	tm send-keys -t replay G && wait_for replay "FINISHED" &&
	wait_for replay "Final report" && tm send-keys -t replay p &&
	wait_for replay "a recording has the one policy" &&
	tm send-keys -t replay q && wait_for replay '^\[exit 0\]' && restored replay
result "replay: its unit, s and b step both ways, t jumps to a time, g and G, p refused" replay $?

start badrec "'${top_builddir:-.}/tests/ui_replay_drive' bad"
wait_for badrec "FAILED .*recording:11:7: unknown event kind 'dispatc'" &&
	tm send-keys -t badrec q && wait_for badrec '^\[exit 1\]' &&
	wait_for badrec "^schedsim: recording:11:7: unknown event kind 'dispatc'" &&
	restored badrec
result "replay of a malformed recording: FAILED, q exits 1 with the message" badrec $?

# ---- the keys' hints and help, exact, at 80x24 ---------------------------------
# Both are made from the key table (ui/keymap.c); tests/golden/help-*.txt
# are the help a live run (UTF-8) and a replay (ASCII) show, running and
# paused.

# status_is SESSION TEXT: the status line (the last row) reads TEXT.
status_is() {
	_end=$(( $(now) + 10 ))
	while [ "$(screen "$1" | tail -n 1)" != "$2" ]; do
		if [ "$(now)" -ge "$_end" ]; then
			echo "# status line: '$(screen "$1" | tail -n 1)'"
			return 1
		fi
		sleep 0.05
	done
}
# help_is SESSION FILE: the help box holds FILE's lines: the box is centred
# on the 80x24 screen, a border and a blank column around the text.
help_is() {
	_h=$(( $(wc -l <"$2") + 2 ))
	_w=$(( $(LC_ALL=C.UTF-8 wc -L <"$2") + 4 ))
	_y=$(( (24 - _h) / 2 ))
	_x=$(( (80 - _w) / 2 ))
	_end=$(( $(now) + 10 ))
	while :; do
		screen "$1" | sed -n "$((_y + 2)),$((_y + _h - 1))p" |
			LC_ALL=C.UTF-8 sed "s/^.\{$((_x + 2))\}\(.\{$((_w - 4))\}\).*/\1/; s/ *\$//" \
			>"$dir/box"
		cmp -s "$dir/box" "$2" && return 0
		if [ "$(now)" -ge "$_end" ]; then
			diff "$2" "$dir/box" | sed 's/^/# /'
			return 1
		fi
		sleep 0.05
	done
}
start80() { # SESSION SHELL-COMMAND
	tm new-session -d -s "$1" -x 80 -y 24 \
		"trap : INT; $2; echo \"[exit \$?]\"; exec sleep 600" \; \
		set -s exit-empty off
}

# The slowest pace keeps the run going while the test reads it.
start80 keys "LC_ALL=C.UTF-8 '$prog' demo"
wait_for keys "RUNNING" && tm send-keys -t keys - - - - &&
	status_is keys " RUNNING  1/4 ev/s  rr  ? help  q quit  space pause  s step  +/- speed" &&
	tm send-keys -t keys '?' && help_is keys "$srcdir/tests/golden/help-live-running.txt" &&
	status_is keys " RUNNING  1/4 ev/s  rr  ? help  q quit  space pause  s step  +/- speed"
result "80x24, a live run running: its hints and its help, exactly" keys $?
tm send-keys -t keys x space
status_is keys " PAUSED  1/4 ev/s  rr  ? help  q quit  space run  s step  +/- speed  ←/→ scroll" &&
	tm send-keys -t keys '?' && help_is keys "$srcdir/tests/golden/help-live-paused.txt" &&
	tm send-keys -t keys x q && wait_for keys '^\[exit 0\]'
result "80x24, a live run paused: its hints and its help, exactly" keys $?

start80 rkeys "LC_ALL=C '${top_builddir:-.}/tests/ui_replay_drive'"
wait_for rkeys "RUNNING" && tm send-keys -t rkeys - - - - &&
	status_is rkeys " RUNNING  1/4 ev/s  rr  ? help  q quit  space pause  s step  b back  t time" &&
	tm send-keys -t rkeys '?' && help_is rkeys "$srcdir/tests/golden/help-replay-running.txt"
result "80x24, a replay running: its hints and its help, exactly" rkeys $?
tm send-keys -t rkeys x space
status_is rkeys " PAUSED  1/4 ev/s  rr  ? help  q quit  space run  s step  b back  t time" &&
	tm send-keys -t rkeys '?' && help_is rkeys "$srcdir/tests/golden/help-replay-paused.txt" &&
	tm send-keys -t rkeys x t 4 &&
	status_is rkeys " PAUSED  1/4 ev/s  rr  Jump to time: 4_   Enter jumps  Esc cancels" &&
	tm send-keys -t rkeys Escape p &&
	status_is rkeys " PAUSED  1/4 ev/s  rr  a recording has the one policy it was run under" &&
	tm send-keys -t rkeys q && wait_for rkeys '^\[exit 0\]'
result "80x24, a replay paused: its hints, its help, the time prompt's, p refused" rkeys $?

# ---- colour, NO_COLOR, and glyphs by locale ---------------------------------
colour_sgr='\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]'
run_demo colour LC_ALL=C.UTF-8
run_demo plain LC_ALL=C NO_COLOR=1
wait_for colour "RUNNING" && wait_for plain "RUNNING" &&
   tm capture-pane -p -e -t colour | grep -Eq "$colour_sgr" &&
   ! tm capture-pane -p -e -t plain | grep -Eq "$colour_sgr"
result "NO_COLOR: no colour escapes (and colour without it)" plain $?
start nocolor "'$prog' demo --no-color"
start vt100 "TERM=vt100 '$prog' demo"
wait_for nocolor "RUNNING" && wait_for vt100 "RUNNING" &&
   ! tm capture-pane -p -e -t nocolor | grep -Eq "$colour_sgr" &&
   ! tm capture-pane -p -e -t vt100 | grep -Eq "$colour_sgr"
result "--no-color, and a terminal without colour: no colour escapes" vt100 $?
wait_for colour "· ready" && wait_for plain "\. ready" &&
   ! screen plain | grep -q "·"
result "UTF-8 glyphs in a UTF-8 locale, ASCII in the C locale" plain $?

# ---- at full speed to the end; then asleep ----------------------------------
tm send-keys -t plain + + + + + + + + + + + +
wait_for plain "FINISHED" 20 && wait_for plain "Final report"
result "at full speed the run ends with the final report" plain $?
pid=$(children "$(flag plain pane_pid)")
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
c0=$(cpu)
sleep 1 # a measuring window, not a wait for the screen
c1=$(cpu)
[ $((c1 - c0)) -le 2 ]
result "finished, it sleeps without spinning (CPU ticks in 1 s: $((c1 - c0)))" plain $?

# ---- stdin not a terminal: keys come from /dev/tty ---------------------------
start notty "'$prog' demo </dev/null"
wait_for notty "RUNNING" && tm send-keys -t notty q &&
   wait_for notty '^\[exit 0\]' && restored notty
result "stdin not a terminal: the view reads keys from /dev/tty" notty $?
start ttyonly "'$prog' demo --tui </dev/null >/dev/null"
wait_for ttyonly "RUNNING" && tm send-keys -t ttyonly q &&
   wait_for ttyonly '^\[exit 0\]' && restored ttyonly
result "--tui with neither stdin nor stdout a terminal: all on /dev/tty" ttyonly $?

# ---- a terminal that cannot be used: a message and status 2 ------------------
start dumb "TERM=dumb '$prog' demo --tui"
wait_for dumb '^\[exit 2\]' && wait_for dumb "^schedsim: .*TERM=dumb cannot move the cursor"
result "TERM=dumb: a message and status 2" dumb $?

# ---- stdout a pipe: the text report -----------------------------------------
out=$("$prog" demo </dev/null | cat)
echo "$out" | grep -q "Gantt chart" && echo "$out" | grep -q "$first" &&
   ! printf '%s' "$out" | grep -q "$(printf '\033')"
st=$?
[ $st -eq 0 ] || echo "$out" | sed 's/^/#   /'
result "stdout a pipe: the text report, no escapes" none $st
