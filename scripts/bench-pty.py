#!/usr/bin/env python3
"""Drives a full-screen program through a pseudo-terminal for scripts/bench.

  bench-pty.py first-frame MARKER RUNS -- cmd…   median ms from spawn until MARKER is drawn
  bench-pty.py keys MARKER KEYS -- cmd…          CPU µs and bytes to the terminal per key
  bench-pty.py idle MARKER SECONDS -- cmd…       CPU ms used while nothing is typed
  bench-pty.py rss MARKER -- cmd…                resident memory (KiB) after the first frame

CPU is the sum of the program's threads' on-CPU nanoseconds (/proc/PID/task/*/schedstat).
Output is one number on stdout.
"""
import os, pty, select, signal, statistics, sys, time

COLS, ROWS = 80, 24


def spawn(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   COLUMNS=str(COLS), LINES=str(ROWS))
        try:
            os.execvpe(cmd[0], cmd, env)
        finally:
            os._exit(127)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def read_until(fd, marker, timeout=30.0):
    """Reads until `marker` appears; returns the bytes read."""
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"timeout waiting for {marker!r}; got {data[-300:]!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise SystemExit(f"program ended before {marker!r}; got {data[-300:]!r}")
            if not chunk:
                raise SystemExit("program ended")
            data += chunk
    return data


def drain(fd, quiet):
    """Reads until nothing arrives for `quiet` seconds; returns the byte count."""
    n = 0
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return n
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return n
        if not chunk:
            return n
        n += len(chunk)


def cpu_ns(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total


def stop(pid, fd):
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def main():
    args = sys.argv[1:]
    split = args.index("--")
    mode, rest, cmd = args[0], args[1:split], args[split + 1:]
    marker = rest[0].encode()
    if mode == "first-frame":
        times = []
        for _ in range(int(rest[1])):
            start = time.monotonic()
            pid, fd = spawn(cmd)
            read_until(fd, marker)
            times.append((time.monotonic() - start) * 1000)
            stop(pid, fd)
        print(f"{statistics.median(times):.1f}")
    elif mode == "keys":
        keys = rest[1]
        pid, fd = spawn(cmd)
        read_until(fd, marker)
        drain(fd, 0.3)
        before = cpu_ns(pid)
        total = 0
        for k in keys:
            os.write(fd, k.encode())
            total += drain(fd, 0.03)
        used = cpu_ns(pid) - before
        stop(pid, fd)
        print(f"{used / 1000 / len(keys):.1f} {total / len(keys):.1f}")
    elif mode == "idle":
        pid, fd = spawn(cmd)
        read_until(fd, marker)
        drain(fd, 0.5)
        before = cpu_ns(pid)
        end = time.monotonic() + float(rest[1])
        while (left := end - time.monotonic()) > 0:
            r, _, _ = select.select([fd], [], [], left)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
        used = cpu_ns(pid) - before
        stop(pid, fd)
        print(f"{used / 1e6:.2f}")
    elif mode == "rss":
        pid, fd = spawn(cmd)
        read_until(fd, marker)
        drain(fd, 0.5)
        with open(f"/proc/{pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        stop(pid, fd)
        print(rss)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
