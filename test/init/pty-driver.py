"""Drives a command in a real pseudo-terminal, as a person at a keyboard would.

    python3 pty-driver.py SCRIPT.json

SCRIPT.json: {"argv": [...], "cwd": "...", "env": {...}, "timeout": seconds,
              "steps": [["regex on the screen text", "keys to type"], ...]}

Each step waits (bounded by the timeout) until its pattern appears in the screen text written
after the previous step's match, then types its keys. When the steps are done it reads until the
command exits. Prints one JSON object: {"code", "screen", "raw", "waiting"}; "screen" is the
output as a terminal would show it (a small emulator applies the cursor movements and erasures
the prompts use), "waiting" names the step that timed out, if one did.
"""
import codecs
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

CSI = re.compile(r"\x1b\[([?0-9;]*)([A-Za-z])")
OSC = re.compile(r"\x1b\][^\x07]*\x07")


class Screen:
    """Enough of a terminal for prompt output: text, CR/LF, cursor up/down/column, erase."""

    def __init__(self):
        self.lines = [""]
        self.row = 0
        self.col = 0
        # An escape sequence cut in two by a read waits here for its end.
        self.pending = ""

    def _put(self, ch):
        line = self.lines[self.row]
        if len(line) < self.col:
            line += " " * (self.col - len(line))
        self.lines[self.row] = line[: self.col] + ch + line[self.col + 1 :]
        self.col += 1

    def feed(self, text):
        text = self.pending + text
        self.pending = ""
        cut = text.rfind("\x1b")
        if cut >= 0 and not (CSI.match(text, cut) or OSC.match(text, cut)):
            # An unfinished sequence at the end: keep it for the next read (unless it can never finish).
            if len(text) - cut < 64:
                self.pending = text[cut:]
                text = text[:cut]
        self.feed_now(text)

    def feed_now(self, text):
        text = OSC.sub("", text)
        i = 0
        while i < len(text):
            m = CSI.match(text, i)
            if m:
                self._csi(m.group(1), m.group(2))
                i = m.end()
                continue
            ch = text[i]
            i += 1
            if ch == "\x1b":
                continue
            if ch == "\r":
                self.col = 0
            elif ch == "\n":
                self.row += 1
                self.col = 0
                while len(self.lines) <= self.row:
                    self.lines.append("")
            elif ch == "\b":
                self.col = max(0, self.col - 1)
            elif ch >= " ":
                self._put(ch)

    def flush(self):
        """At the end of the output: whatever was held back is text after all."""
        text, self.pending = self.pending, ""
        if text:
            self.feed_now(text)

    def _csi(self, params, final):
        nums = [int(p) for p in params.replace("?", "").split(";") if p.isdigit()]
        n = nums[0] if nums else None
        if final == "A":
            self.row = max(0, self.row - (n or 1))
        elif final == "B":
            self.row += n or 1
            while len(self.lines) <= self.row:
                self.lines.append("")
        elif final == "C":
            self.col += n or 1
        elif final == "D":
            self.col = max(0, self.col - (n or 1))
        elif final == "G":
            self.col = (n or 1) - 1
        elif final == "K":
            line = self.lines[self.row]
            if n in (None, 0):
                self.lines[self.row] = line[: self.col]
            elif n == 2:
                self.lines[self.row] = ""
        elif final == "J":
            if n in (None, 0):
                self.lines[self.row] = self.lines[self.row][: self.col]
                del self.lines[self.row + 1 :]

    def text(self):
        return "\n".join(l.rstrip() for l in self.lines).rstrip() + "\n"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        script = json.load(f)
    deadline = time.monotonic() + float(script.get("timeout", 60))
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(script["cwd"])
        os.execvpe(script["argv"][0], script["argv"], script["env"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    raw = ""
    steps = list(script["steps"])
    searched_from = 0
    waiting = None
    screen = Screen()
    # A read may end inside a multi-byte character (✔ is three bytes): decode incrementally.
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    eof = False
    while not eof:
        if time.monotonic() > deadline:
            waiting = steps[0][0] if steps else "(the command to exit)"
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if data == b"":
                eof = True
            chunk = decoder.decode(data, final=eof)
            raw += chunk
            screen.feed(chunk)
        if steps:
            plain = CSI.sub("", raw[searched_from:])
            m = re.search(steps[0][0], plain)
            if m:
                searched_from = len(raw)
                # Let the prompt finish drawing before typing, as a person would.
                time.sleep(0.08)
                os.write(fd, steps[0][1].encode("utf-8"))
                steps.pop(0)
    screen.flush()
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"code": code, "screen": screen.text(), "raw": raw, "waiting": waiting}))


if __name__ == "__main__":
    main()
