/* tty.c: curses set-up, signals, and restoring the terminal whatever happens. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "rt/rt.h"
#include "tty.h"

static SCREEN *screen;
static FILE *tty_in, *tty_out;  /* opened on /dev/tty, else NULL */
static int in_fd = -1, out_fd = -1;
static bool color;

/* What a signal handler writes to get the terminal back: the terminal's own
 * strings for leaving the alternate screen, showing the cursor, resetting
 * attributes and leaving keypad mode, copied while curses could be asked. */
static char restore_seq[256];
static size_t restore_len;
static struct termios saved_tios;
static bool have_tios;
static volatile sig_atomic_t active;

static const int stop_sigs[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
#define NSTOP (sizeof stop_sigs / sizeof stop_sigs[0])
#define NCRASH (sizeof crash_sigs / sizeof crash_sigs[0])
static struct sigaction old_stop[NSTOP], old_crash[NCRASH];
static bool stop_set[NSTOP], crash_set[NCRASH];
static volatile sig_atomic_t got_signal;
static int wake_pipe[2] = { -1, -1 };

/* Async-signal-safe: write(2) and tcsetattr(3) only. */
static void restore_raw(void)
{
	if (!active)
		return;
	active = 0;
	if (restore_len) {
		ssize_t n = write(out_fd, restore_seq, restore_len);
		(void)n;
	}
	if (have_tios)
		tcsetattr(out_fd, TCSANOW, &saved_tios);
}

static void add_cap(const char *cap)
{
	char *s = tigetstr(cap);

	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void on_stop(int sig)
{
	int saved = errno;

	got_signal = sig;
	if (wake_pipe[1] >= 0) {
		ssize_t n = write(wake_pipe[1], "", 1);
		(void)n;
	}
	errno = saved;
}

static void on_crash(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	restore_raw();
	for (size_t i = 0; i < NCRASH; i++)
		if (crash_sigs[i] == sig)
			sigaction(sig, &old_crash[i], NULL);
	/* A fault happens again under the old disposition when we return;
	 * a signal someone sent is sent again. */
	if (si->si_code <= 0 || sig == SIGABRT)
		raise(sig);
}

static void at_exit(void)
{
	if (active && screen) {
		endwin();
		active = 0;
	}
	restore_raw();
}

/* The dispositions from before curses, which installs SIGINT and SIGTERM
 * handlers of its own that exit(1): those are what gets restored. */
static void save_signals(void)
{
	for (size_t i = 0; i < NSTOP; i++)
		stop_set[i] = sigaction(stop_sigs[i], NULL, &old_stop[i]) == 0;
	for (size_t i = 0; i < NCRASH; i++)
		crash_set[i] = sigaction(crash_sigs[i], NULL, &old_crash[i]) == 0;
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < NSTOP; i++)
		/* An ignored signal (nohup) stays ignored. */
		if (stop_set[i] && old_stop[i].sa_handler != SIG_IGN)
			sigaction(stop_sigs[i], &sa, NULL);
	sa.sa_handler = NULL;
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
	for (size_t i = 0; i < NCRASH; i++)
		if (crash_set[i])
			sigaction(crash_sigs[i], &sa, NULL);
}

static void uninstall_signals(void)
{
	for (size_t i = 0; i < NSTOP; i++)
		if (stop_set[i])
			sigaction(stop_sigs[i], &old_stop[i], NULL);
	for (size_t i = 0; i < NCRASH; i++)
		if (crash_set[i])
			sigaction(crash_sigs[i], &old_crash[i], NULL);
	memset(stop_set, 0, sizeof stop_set);
	memset(crash_set, 0, sizeof crash_set);
}

static FILE *open_tty(const char *mode, char *err, size_t errlen)
{
	FILE *f = fopen("/dev/tty", mode);

	if (!f)
		snprintf(err, errlen, "no terminal for the live view: /dev/tty: %s",
			 strerror(errno));
	return f;
}

int ui_tty_open(bool color_wanted, char *err, size_t errlen)
{
	FILE *in = stdin, *out = stdout;
	const char *term = getenv("TERM");

	got_signal = 0;
	if (!term || !*term) {
		snprintf(err, errlen, "no terminal for the live view: TERM is not set");
		return -1;
	}
	if (!isatty(STDIN_FILENO) && !(in = tty_in = open_tty("r", err, errlen)))
		return -1;
	if (!isatty(STDOUT_FILENO) && !(out = tty_out = open_tty("w", err, errlen))) {
		ui_tty_close();
		return -1;
	}
	in_fd = fileno(in);
	out_fd = fileno(out);
	have_tios = tcgetattr(out_fd, &saved_tios) == 0;
	save_signals();

	screen = newterm(term, out, in);
	if (!screen) {
		snprintf(err, errlen, "no terminal for the live view: cannot use TERM=%s",
			 term);
		ui_tty_close();
		return -1;
	}
	set_term(screen);
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		snprintf(err, errlen, "no terminal for the live view: TERM=%s cannot "
			 "move the cursor", term);
		ui_tty_close();
		return -1;
	}
	if (!getenv("ESCDELAY"))
		set_escdelay(25); /* not a second's wait after Esc */
	if (pipe(wake_pipe) == 0) {
		fcntl(wake_pipe[0], F_SETFL, O_NONBLOCK);
		fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
		fcntl(wake_pipe[0], F_SETFD, FD_CLOEXEC);
		fcntl(wake_pipe[1], F_SETFD, FD_CLOEXEC);
	}

	restore_len = 0;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
	active = 1;
	static bool registered;
	if (!registered)
		registered = atexit(at_exit) == 0;
	install_signals();
	rt_on_fatal(restore_raw);

	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	mousemask(0, NULL);

	const char *no_color = getenv("NO_COLOR");
	color = color_wanted && !(no_color && *no_color) && has_colors();
	if (color) {
		start_color();
		use_default_colors();
	}
	return 0;
}

bool ui_tty_color(void)
{
	return color;
}

void ui_tty_wait(int timeout_ms)
{
	struct pollfd p[2] = {
		{ .fd = in_fd, .events = POLLIN },
		{ .fd = wake_pipe[0], .events = POLLIN },
	};
	char buf[16];

	if (got_signal)
		return;
	/* EINTR is an answer too: a resize or a stop signal. */
	if (poll(p, wake_pipe[0] >= 0 ? 2 : 1, timeout_ms) > 0 && (p[1].revents & POLLIN))
		while (read(wake_pipe[0], buf, sizeof buf) > 0)
			continue;
}

int ui_tty_signal(void)
{
	return got_signal;
}

void ui_tty_close(void)
{
	rt_on_fatal(NULL);
	if (screen) {
		curs_set(1);
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	active = 0;
	uninstall_signals();
	for (int i = 0; i < 2; i++)
		if (wake_pipe[i] >= 0) {
			close(wake_pipe[i]);
			wake_pipe[i] = -1;
		}
	if (tty_in)
		fclose(tty_in);
	if (tty_out)
		fclose(tty_out);
	tty_in = tty_out = NULL;
	in_fd = out_fd = -1;
}
