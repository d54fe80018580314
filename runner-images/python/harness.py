"""judge harness: runs one submission's tests inside the sandbox container.

Started as `python3 -I -B -c "... import harness; sys.exit(harness.main())"` from /opt/judge, whose
bytecode the image holds (uid 65534, as PID 1, read-only root, small noexec /tmp, no network, a
memory cgroup limit). It speaks docs/harness-protocol.md over
stdin/stdout: 4-byte big-endian length-prefixed frames, JSON reports, raw output frames.

Each test runs in a child forked from this warm process, so the interpreter start-up, the
compilation and the argument parsing are paid once (or outside the timed part). A stdio test
gets a fresh process of its own: its own limits, its own stdio pipes, its own exit. Function
mode runs a run of tests in one process, as LeetCode does, until one of them fails or starts a
thread or a process (docs/harness-protocol.md, "Function mode: tests share a process").

The harness only measures and classifies; verdicts are decided by the judge outside the sandbox.
It must never hand the submission anything it could use to forge a report: the frame channel
lives on private fds that every child closes, and this process is non-dumpable.

Python 3.11 standard library only.
"""

import ast
import atexit
import base64
import builtins
import collections
import ctypes
import errno
import fcntl
import gc
import io
import json
import linecache
import math
import operator
import os
import platform
import resource
import select
import shutil
import signal
import struct
import stat
import sys
import tempfile
import time
import traceback
import types
import typing

HARNESS_VERSION = 1

# What a plain `python3 solution.py` starts with; the submission must see exactly these.
RECURSION_LIMIT = 1000
INT_MAX_STR_DIGITS = sys.get_int_max_str_digits()

MAX_LIST_NODES = 10**7
# The returned value's JSON may be a little over output_bytes before we call it an output
# overflow (the judge reads output frames up to output_bytes + 64 KiB).
RESULT_SLACK = 32 << 10
ERROR_MESSAGE_CAP = 4096
READ_CHUNK = 1 << 16
# Fixed fd of the child's result pipe (0/1/2 are its stdio).
RESULT_FD = 3
# The child's private mark pipe and its acknowledgement, closed before untrusted code runs.
MARK_FD = 4
ACK_FD = 5
# Child exit code when the harness's own code failed inside the child, before the submission ran.
CHILD_SETUP_FAILED = 125

# Function mode: how many tests one process runs at most, and how much of their input (bytes of
# JSON) it builds into arguments up front, before its mark. A test with more input than that
# runs in a process of its own: its work dwarfs a fork, and its arguments are big to hold.
RUN_TESTS = 64
RUN_INPUT_BYTES = 1 << 20
# A run of a validator program's tests goes on until the parent ends it: its mark's test count.
RUN_UNTIL_TOLD = 0xFFFFFFFF

# Memory (docs/harness-protocol.md, "Memory"; SECURITY.md says why). A test's memory is what its
# processes hold above what the test's process held when the submission started. A process may
# map MEMORY_ROOM_MB of data beyond the limit (RLIMIT_DATA), so a program that grows step by step
# is seen over the limit before an allocation is refused; the watchdog stops the test as soon as
# the sum of its processes is over the limit. MEMORY_SLACK_MB is the documented bound on how far
# a reported peak can be over the limit.
MEMORY_ROOM_MB = 16
MEMORY_SLACK_MB = 48
# The watchdog looks again sooner the closer the test is to its limit: as soon as memory growing
# at MEMORY_GROWTH_KB_S could reach it, within these bounds (seconds). 4 GiB/s is more than a
# core faults in here (about 1.2 GiB/s measured), so a look every few ms near the limit.
MEMORY_GROWTH_KB_S = 4 << 20
MEMORY_CHECK_MIN, MEMORY_CHECK_MAX = 0.001, 0.05
# Memory grows only while the test runs, so the watchdog paces its looks by the share of a CPU
# the test's processes had since the last look, down to a tenth of the pace. On a starved
# machine (beside two busy loops and a dozen other containers) the container got ~14% of a
# CPU, and looks every 1-3 ms took most of it: the test runs at nice 19 beside the watchdog, so
# it got ~2% and a memory case hit its wall limit (TLE, 0.3 s of CPU in 16 s) instead of MLE.
MEMORY_PACE_FLOOR = 0.1

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
# Inode of the initial PID namespace (PROC_PID_INIT_INO): seen from a host, never from a container.
INITIAL_PID_NS = "pid:[4026531836]"

HARNESS_SIGNALS = [
    signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGPIPE, signal.SIGUSR1,
    signal.SIGUSR2, signal.SIGQUIT, signal.SIGALRM, signal.SIGVTALRM, signal.SIGPROF,
    signal.SIGXFSZ, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU, signal.SIGPOLL,
]


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return f"ListNode({self.val!r})"


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return f"TreeNode({self.val!r})"


INJECTED = {
    "List": typing.List, "Dict": typing.Dict, "Optional": typing.Optional,
    "Tuple": typing.Tuple, "Set": typing.Set, "Any": typing.Any,
    "ListNode": ListNode, "TreeNode": TreeNode,
}


class BadReturn(Exception):
    """The returned value cannot be turned into the expected JSON."""


class BadInput(Exception):
    """A test input the harness cannot use: the judge's fault, not the submission's."""


# ---------------------------------------------------------------------------------------------
# Process set-up


class Harness:
    """State of the running harness: its private frame channel and what the children inherit."""

    def __init__(self):
        # The stdio settings python3 would give a program here, copied before we touch fds.
        self.stdio = {
            name: (stream.encoding, stream.errors, stream.line_buffering, stream.write_through)
            for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr))
        }
        # python3 itself sets SIGINT -> KeyboardInterrupt, SIGPIPE/SIGXFSZ ignored: remember the
        # dispositions we change so each child restores what a fresh interpreter has.
        self.child_signals = {sig: signal.getsignal(sig) for sig in HARNESS_SIGNALS}
        # Private copies of the frame channel; then 0/1 point at /dev/null so a stray print or a
        # library writing to fd 1 can never corrupt the frame stream.
        self.frames_in = os.dup(0)
        self.frames_out = os.dup(1)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.close(devnull)
        self.reader = io.FileIO(self.frames_in, "rb", closefd=False)

        self.libc = None
        try:
            self.libc = ctypes.CDLL(None, use_errno=True)
            # Non-dumpable: /proc/<harness>/fd and ptrace are closed to the submission (same uid).
            self.prctl(PR_SET_DUMPABLE, 0)
            # Orphaned descendants (a daemonised child) are re-parented to us, so we can find,
            # kill and reap them after each test even where kill(-1) is not safe to use.
            self.prctl(PR_SET_CHILD_SUBREAPER, 1)
        except OSError as e:
            log(f"prctl: {e}")
        for sig in HARNESS_SIGNALS:
            try:
                signal.signal(sig, signal.SIG_IGN)
            except (OSError, ValueError):
                pass
        self.sandboxed = in_sandbox()
        if self.sandboxed and os.getpid() != 1:
            # An init process (docker-init) of our uid is dumpable and holds the same stdin and
            # stdout: a submission could write frames through /proc/1/fd/1. Run us as PID 1.
            log("warning: not PID 1; PID 1 shares the frame channel (run the container without --init)")
        self.pidfd_ok = hasattr(os, "pidfd_open")

    def prctl(self, option, value):
        if self.libc is None:
            raise OSError("no libc")
        if self.libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))

    # -- frames

    def read_frame(self):
        head = self._read_exact(4)
        if head is None:
            return None
        (size,) = struct.unpack(">I", head)
        body = self._read_exact(size)
        if body is None:
            raise EOFError("stream ended inside a frame")
        return body

    def _read_exact(self, n):
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = self.reader.readinto(view[got:])
            if not k:
                if got == 0 and n == 4:
                    return None
                raise EOFError("stream ended inside a frame")
            got += k
        return bytes(buf)

    def frame_ready(self):
        """Whether the judge has written more of its request already (read ahead without
        waiting)."""
        try:
            return bool(select.select([self.frames_in], [], [], 0)[0])
        except (OSError, ValueError):
            return False

    def write_frames(self, *payloads):
        """Writes the frames in one system call where the pipe takes them whole: each write
        crosses the engine's attach stream (the shim, then dockerd, copy it), so a test's
        report and output, and the next test's start, go together."""
        bufs = []
        for p in payloads:
            bufs += [struct.pack(">I", len(p)), p]
        writev_all(self.frames_out, bufs)

    def send(self, obj):
        self.write_frames(json.dumps(obj).encode())


def in_sandbox():
    """True only inside the runner container, where kill(-1) reaches the sandbox user's processes
    and nothing else. Decided once at start; never true for root or in the host's PID namespace
    (on a developer's machine kill(-1) would kill their whole session)."""
    if os.geteuid() == 0:
        return False
    try:
        if os.readlink("/proc/self/ns/pid") == INITIAL_PID_NS:
            return False
    except OSError:
        return False
    return os.getpid() == 1 or os.getppid() in (0, 1)


def log(msg):
    try:
        os.write(2, f"harness: {msg}\n".encode(errors="replace"))
    except OSError:
        pass


def write_all(fd, data):
    writev_all(fd, [data])


IOV_MAX = os.sysconf("SC_IOV_MAX") if "SC_IOV_MAX" in os.sysconf_names else 16


def writev_all(fd, bufs):
    """os.writev until every buffer is written (a pipe may take part of them)."""
    views = [memoryview(b) for b in bufs if len(b)]
    while views:
        n = os.writev(fd, views[:IOV_MAX])
        while n and n >= len(views[0]):
            n -= len(views.pop(0))
        if n:
            views[0] = views[0][n:]


# ---------------------------------------------------------------------------------------------
# Compilation and the forbidden-construct check


def compile_submission(source, filename):
    """Returns (code, tree, source without its BOM) or raises CompileFailure."""
    if source.startswith("\ufeff"):
        source = source[1:]  # python3 accepts a UTF-8 BOM in a file
    try:
        tree = compile(source, filename, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        code = compile(tree, filename, "exec", dont_inherit=True)
    except SyntaxError as e:  # includes IndentationError, TabError (and null bytes since 3.11.4)
        line = e.lineno or null_byte_line(source)
        where = f" (line {line})" if line else ""
        raise CompileFailure("syntax", line, f"{type(e).__name__}: {e.msg}{where}")
    except ValueError as e:  # null bytes, up to 3.11.3
        line = null_byte_line(source)
        where = f" (line {line})" if line else ""
        raise CompileFailure("syntax", line, f"ValueError: {e}{where}")
    except (RecursionError, MemoryError) as e:
        raise CompileFailure("syntax", 0, f"{type(e).__name__}: {e or 'while compiling'}")
    return code, tree, source


pyflakes_checker = None  # (module, version), set by preload when pyflakes is installed

LINT_MAX = 100  # findings reported at most: a lint list is read by a person


def lint(tree, filename, mode):
    """pyflakes' findings on the submission's syntax tree, or None when pyflakes is missing.

    Advisory: never part of the verdict. It only reads the tree (nothing of the submission
    runs), in the harness, before any test. Names the harness gives function-mode submissions
    (List, ListNode, ...) are builtins here, so using them unimported is no finding."""
    if pyflakes_checker is None:
        return None
    checker_mod, version = pyflakes_checker
    out = {"tool": f"pyflakes {version}", "findings": []}
    try:
        builtins_ = set(INJECTED) if mode == "function" else None
        w = checker_mod.Checker(tree, filename=filename, builtins=builtins_)
        msgs = sorted(w.messages, key=lambda m: (m.lineno, getattr(m, "col", 0) or 0))
    except Exception as e:  # pyflakes' own failure (RecursionError on deep nesting, ...) is no finding
        out["error"] = f"{type(e).__name__}: {e}"[:200]
        return out
    for m in msgs[:LINT_MAX]:
        try:
            text = m.message % m.message_args
        except (TypeError, ValueError):
            text = m.message
        out["findings"].append({"line": int(m.lineno or 0), "col": int(getattr(m, "col", 0) or 0) + 1,
                                "kind": type(m).__name__, "message": text})
    out["total"] = len(msgs)
    return out


def null_byte_line(source):
    at = source.find("\0")
    return source.count("\n", 0, at) + 1 if at >= 0 else 0


class CompileFailure(Exception):
    def __init__(self, kind, line, message):
        super().__init__(message)
        self.kind, self.line, self.message = kind, line, message


def find_forbidden(tree, forbidden):
    """First forbidden construct in source order, as (line, message), or None.

    A static check: it catches the constructs as written (names, attributes, imports, syntax),
    plus the obvious spellings that go through strings (getattr(x, "sort"), __import__("re"))."""
    calls = set(forbidden.get("calls") or [])
    methods = set(forbidden.get("methods") or [])
    modules = set(forbidden.get("modules") or [])
    syntax = set(forbidden.get("syntax") or [])
    unknown = syntax - {"slice", "in"}
    if unknown:
        log(f"unknown forbidden syntax ignored: {sorted(unknown)}")
    if not (calls or methods or modules or syntax):
        return None

    def banned_module(name):
        return any(name == m or name.startswith(m + ".") for m in modules)

    found = []

    def hit(node, message, end=False):
        if end:
            pos = (node.end_lineno or node.lineno, node.end_col_offset or 0)
        else:
            pos = (node.lineno, node.col_offset)
        found.append((pos, f"forbidden: {message} at line {pos[0]}"))

    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in calls:
            hit(node, f"{node.id}()")
        elif isinstance(node, ast.Attribute):
            if node.attr in methods:
                hit(node, f".{node.attr}()", end=True)
            elif node.attr in calls:  # builtins.sorted
                hit(node, f"{node.attr}()", end=True)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if banned_module(alias.name):
                    hit(node, f"import {alias.name}")
                    break
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level == 0 and banned_module(mod):
                hit(node, f"import {mod}")
            else:
                for alias in node.names:
                    if alias.name in calls and (node.level > 0 or mod == "builtins"):
                        hit(node, f"{alias.name}()")
                        break
                    if node.level == 0 and banned_module(f"{mod}.{alias.name}"):
                        hit(node, f"import {mod}.{alias.name}")
                        break
        elif isinstance(node, ast.Slice) and "slice" in syntax:
            hit(node, "slice syntax")
        elif isinstance(node, ast.Compare) and "in" in syntax:
            for op in node.ops:
                if isinstance(op, (ast.In, ast.NotIn)):
                    hit(node, "'in' operator" if isinstance(op, ast.In) else "'not in' operator")
                    break
        if isinstance(node, ast.Call) and node.args:
            fn = node.func
            fname = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            first = node.args[0] if fname in ("__import__", "import_module") else (
                node.args[1] if fname in ("getattr", "hasattr") and len(node.args) > 1 else None)
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if fname in ("__import__", "import_module") and banned_module(first.value):
                    hit(node, f"import {first.value}")
                elif fname in ("getattr", "hasattr") and first.value in methods:
                    hit(node, f".{first.value}()")
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    (line, _), message = found[0]
    return line, message


# ---------------------------------------------------------------------------------------------
# Function-mode adapters


def build_list(values):
    if not isinstance(values, list):
        raise BadInput(f"ListNode argument must be a JSON array, got {type(values).__name__}")
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def build_tree(values):
    if not isinstance(values, list):
        raise BadInput(f"TreeNode argument must be a JSON array, got {type(values).__name__}")
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue = collections.deque([root])
    i, n = 1, len(values)
    while queue and i < n:
        node = queue.popleft()
        if values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < n and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root


ARG_ADAPTERS = {"json": lambda v: v, "ListNode": build_list, "TreeNode": build_tree}


def build_args(data, params):
    """Parses a function test's .in (a JSON array of positional arguments). It runs in the test's
    child before the submission's clock starts (mark_start): the child owns the objects it walks,
    so the candidate pays for no copy-on-write of the parent's pages, and the parsing is not
    counted as the submission's time or memory."""
    try:
        # Test data may hold ints longer than the str-conversion guard allows; the guard is
        # restored in every child before the submission runs.
        sys.set_int_max_str_digits(0)
        try:
            values = json.loads(data)
        finally:
            sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
    except (ValueError, RecursionError) as e:
        raise BadInput(f"test input is not valid JSON: {e}")
    if not isinstance(values, list):
        raise BadInput("test input must be a JSON array of arguments")
    if len(values) != len(params):
        raise BadInput(f"test input has {len(values)} arguments, the function takes {len(params)}")
    return [ARG_ADAPTERS[p](v) for p, v in zip(params, values)]


def list_to_json(head):
    if head is None:
        return []
    out = []
    node = slow = head
    steps = 0
    # Floyd's cycle check in O(1) memory: slow moves every other step; if it is ever met again
    # the list loops.
    while node is not None:
        try:
            out.append(node.val)
            node = node.next
        except AttributeError:
            raise BadReturn(f"expected a ListNode, got {type(node).__name__}")
        steps += 1
        if steps > MAX_LIST_NODES:
            raise BadReturn(f"returned list is longer than {MAX_LIST_NODES} nodes")
        if steps % 2 == 0:
            slow = slow.next
        if node is slow and node is not None:
            raise BadReturn("returned list has a cycle")
    return out


def tree_to_json(root):
    out = []
    queue = collections.deque([root])
    seen = set()
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        if id(node) in seen:
            raise BadReturn("returned tree has a cycle or a shared node")
        seen.add(id(node))
        try:
            out.append(node.val)
            queue.append(node.left)
            queue.append(node.right)
        except AttributeError:
            raise BadReturn(f"expected a TreeNode, got {type(node).__name__}")
    while out and out[-1] is None:
        out.pop()
    return out


def value_to_json(value, kind):
    if kind == "ListNode":
        value = list_to_json(value)
    elif kind == "TreeNode":
        value = tree_to_json(value)
    # Returned ints may be arbitrarily long: the judge compares them exactly.
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(value, allow_nan=False, separators=(",", ":")).encode()
    except RecursionError:
        raise BadReturn("returned value is nested too deeply")
    except (TypeError, ValueError) as e:
        raise BadReturn(str(e))


# ---------------------------------------------------------------------------------------------
# The child: runs the submission as `python3 solution.py` would


def describe(exc):
    try:
        message = str(exc)
    except BaseException:
        message = "<unprintable>"
    return {
        "type": type(exc).__name__,
        "mro": [c.__name__ for c in type(exc).__mro__],
        "message": message[:ERROR_MESSAGE_CAP],
    }


# The tag of the result this child sent for its current test (a run of function tests goes on
# after a returned value only).
sent_tag = None


def send_result(tag, payload=b""):
    global sent_tag
    sent_tag = tag
    try:
        write_all(RESULT_FD, tag + payload)
    except OSError:
        pass


def print_exception(exc, tb):
    """Prints a traceback like python3's, without the harness's own frames."""
    exc.__traceback__ = tb
    try:
        if sys.excepthook is sys.__excepthook__:
            # The C printer reads source lines from disk, where the submission is not; the
            # traceback module reads them from linecache, where child_run put the source.
            traceback.print_exception(type(exc), exc, tb, file=sys.stderr)
        else:
            sys.excepthook(type(exc), exc, tb)
    except BaseException:
        try:
            sys.__excepthook__(type(exc), exc, tb)
        except BaseException:
            pass


def system_exit_code(exc):
    """The exit status python3 gives an uncaught SystemExit (and its stderr message)."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f"{code}\n")
    except BaseException:
        pass
    return 1


def run_exit_handlers(mod=None):
    """The atexit handlers, once; then mod (a program's __main__) cleared, so that the files it
    left open are flushed and closed by their finalizers, as at python3's exit."""
    atexit._run_exitfuncs()
    atexit._clear()
    if mod is not None:
        mod.__dict__.clear()
        gc.collect()


def finish(status, mod=None):
    """What interpreter shutdown does that a program can observe: wait for its threads, run its
    atexit handlers, clear the module mod (a program's __main__: the files it left open are
    flushed by their finalizers), flush stdout (a failed flush exits 120, as python3 does). Then leave with
    os._exit so none of the parent's cleanup runs in the child."""
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        run_exit_handlers(mod)
    except BaseException:
        pass
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BaseException as e:
        status = 120
        try:
            sys.stderr.write(f"Exception ignored on flushing sys.stdout:\n{type(e).__name__}: {e}\n")
        except BaseException:
            pass
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except BaseException:
        pass
    os._exit(status)


# The submission runs some frames deep in the harness's stack. The real limit is the submission's
# view plus that offset; sys.{get,set}recursionlimit are replaced in the child so that the
# submission reads and sets its own view, exactly the numbers `python3 solution.py` has.
real_setrecursionlimit = sys.setrecursionlimit
real_getrecursionlimit = sys.getrecursionlimit
depth_offset = 0


def shift_recursion_limit(offset):
    """Keeps the submission's view of the limit (possibly set by itself) at a new depth."""
    global depth_offset
    view = real_getrecursionlimit() - depth_offset
    depth_offset = offset
    real_setrecursionlimit(view + offset)


def setrecursionlimit(limit, /):
    n = operator.index(limit)
    if n < 1:
        real_setrecursionlimit(n)  # raises python3's own error
    real_setrecursionlimit(n + depth_offset)


def getrecursionlimit():
    return real_getrecursionlimit() - depth_offset


for _f, _real in ((setrecursionlimit, real_setrecursionlimit), (getrecursionlimit, real_getrecursionlimit)):
    _f.__doc__, _f.__module__ = _real.__doc__, "sys"


def room_to_report():
    """After the submission's code: enough depth to describe what happened."""
    real_setrecursionlimit(max(real_getrecursionlimit(), stack_depth() + 100))


def stack_depth():
    """Frames below the caller, the caller included."""
    depth = 0
    frame = sys._getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def fresh_stdio(h):
    streams = []
    for fd, name, mode in ((0, "stdin", "rb"), (1, "stdout", "wb"), (2, "stderr", "wb")):
        encoding, errors, line_buffering, write_through = h.stdio[name]
        buf = io.open(fd, mode, buffering=-1, closefd=False)
        buf.raw.name = f"<{name}>"
        streams.append(io.TextIOWrapper(buf, encoding=encoding, errors=errors, newline="\n",
                                        line_buffering=line_buffering, write_through=write_through))
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams


def child_setup(h, lim, stdin_r, stdout_w, stderr_w, result_w, mark):
    """Runs in the forked child before any untrusted code: isolate, limit, rewire fds. mark is
    (mark_w, ack_r) for a submission (mark_start sets its CPU and memory limits later), None for
    a validator (limited here)."""
    os.setpgid(0, 0)
    # Lowest priority inside the container (the container's CPU share among others is set
    # from outside and does not change): however many processes the test starts, the harness
    # still gets the CPU to time and stop it. Only there: outside a container (the harness's
    # own tests) nice 19 is measured against the whole host, and two busy loops beside it
    # starved a 0.3 s test past a 6 s wall limit.
    if h.sandboxed:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, 19)
        except OSError:
            pass
    # Make the OOM killer pick this child, never the harness. /proc/self files of a non-dumpable
    # process belong to root, so become dumpable just long enough to write our own score.
    try:
        h.prctl(PR_SET_DUMPABLE, 1)
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
    except OSError:
        pass
    finally:
        try:
            h.prctl(PR_SET_DUMPABLE, 0)
        except OSError:
            pass
    if mark is None:
        cpu = math.ceil(lim["time_ms"] / 1000) + 1
        set_limit(resource.RLIMIT_CPU, cpu, cpu + 1)
    else:
        # The set-up before mark_start (arguments of a big test) is bounded by the wall clock;
        # the soft limit only stops a runaway, mark_start sets the real one.
        set_limit(resource.RLIMIT_CPU, math.ceil(lim["wall_ms"] / 1000) + 1, resource.RLIM_INFINITY)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    fsize = max(lim["output_bytes"], 1)
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    # Each source moves above the targets first, so no dup2 can overwrite a source not yet moved.
    moves = [(stdin_r, 0), (stdout_w, 1), (stderr_w, 2)]
    if result_w is not None:
        moves.append((result_w, RESULT_FD))
    if mark is not None:
        moves += [(mark[0], MARK_FD), (mark[1], ACK_FD)]
    high = [fcntl.fcntl(src, fcntl.F_DUPFD, 16) for src, _ in moves]
    for src, (_, target) in zip(high, moves):
        os.dup2(src, target, inheritable=target < 3)
    os.closerange(max(t for _, t in moves) + 1, 1 << 20)
    default_signals(h)


def default_signals(h):
    """The signal dispositions python3 gives a program (the harness's own are not its)."""
    for sig, handler in h.child_signals.items():
        try:
            signal.signal(sig, handler)
        except (OSError, ValueError, TypeError):
            pass


def set_limit(which, soft, hard):
    """setrlimit within the hard limit we already have (a non-root process cannot raise it)."""
    _, cur = resource.getrlimit(which)
    if cur != resource.RLIM_INFINITY:
        hard = cur if hard == resource.RLIM_INFINITY else min(hard, cur)
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))


def status_kb(field):
    """A kB figure of the child's own /proc/self/status (VmData, ...), or None. By path: a child
    holds no descriptor but those it is given."""
    key = field.encode() + b":"
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def mark_start(h, lim, tests=1):
    """The child's last trusted step: set the limits that count from here, then tell the parent
    on the private mark pipe that untrusted code is about to run, and wait until it has read our
    CPU time and memory so far (the submission is charged from there; docs/harness-protocol.md).
    A child of one test closes the pipe before we return: nothing the submission does can mark
    again. A child that runs several tests (function mode) says how many and keeps the pipe to
    say where each ends (next_test); the parent then trusts nothing it says but that."""
    test_limits(h, lim, hard=tests == 1)
    write_all(MARK_FD, b"M" if tests == 1 else b"M" + struct.pack(">I", tests))
    ack = os.read(ACK_FD, 1)
    if tests == 1:
        os.close(MARK_FD)
        os.close(ACK_FD)
    if ack != b"A":
        os._exit(CHILD_SETUP_FAILED)


def test_limits(h, lim, hard, data_kb=None):
    """Sets the limits of a test that starts now. hard: as hard limits too, for a process of one
    test; a process that runs more keeps room to set the next test's (its limits then only stop
    a runaway fast: the parent's watchdog is what enforces them). data_kb: the process's data
    size, when the parent has just read it (say_test_ended); else read here."""
    used = time.process_time()
    cpu = math.ceil(used + lim["time_ms"] / 1000) + 1
    set_limit(resource.RLIMIT_CPU, cpu, cpu + 1 if hard else resource.RLIM_INFINITY)
    # Data (heap, anonymous mmaps, thread stacks) may grow to the limit plus some room: one huge
    # allocation fails at once with MemoryError instead of driving the cgroup into reclaim.
    if data_kb is None:
        data_kb = status_kb("VmData")
    if data_kb is not None:
        room = (data_kb << 10) + ((lim["memory_mb"] + MEMORY_ROOM_MB) << 20)
        set_limit(resource.RLIMIT_DATA, room, room if hard else resource.RLIM_INFINITY)
    # Peak RSS counts from here (clear_refs 5 resets the high-water mark): what the set-up
    # touched is not the submission's. /proc/self files of a non-dumpable process belong to root.
    try:
        h.prctl(PR_SET_DUMPABLE, 1)
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass  # then the peak may include the set-up's: never less than the submission's own
    finally:
        try:
            h.prctl(PR_SET_DUMPABLE, 0)
        except OSError:
            pass


def child_run(h, job, datas):
    """A function-mode submission's process, after child_setup: the tests of datas, in order.
    Never returns."""
    built = []
    for data in datas:
        try:
            built.append(build_args(data, job.function.get("params") or []))
        except BadInput as e:
            if built:
                break  # the tests before it run here; it runs in a process of its own
            # Before the mark the result pipe is still the harness's own: the parent believes
            # an "I" result only from a child that never marked.
            send_result(b"I", str(e).encode(errors="replace"))
            os._exit(CHILD_SETUP_FAILED)
    mod = as_python3(h, [job.filename], job.source, "solution")
    mod.__dict__.update(INJECTED)
    mark_start(h, job.limits, tests=max(1, len(built)))
    status = run_module(job.code, mod)
    for i, args in enumerate(built if status is None else []):
        status = call_function(job, mod, args)
        if i + 1 == len(built) or not next_test(h, job, status):
            break
        built[i] = None
    finish(status or 0)


def next_test(h, job, status):
    """Between two tests of a process that runs several: whether the next may run here. Only
    after a test that returned a value (a test that failed ends its process, as a test that
    left a thread running does); then the end of this test is said on the mark pipe, and once
    the parent has read it the next test's limits and standard streams are set."""
    global sent_tag
    if status != 0 or sent_tag != b"V":
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    try:
        flush_stdio()
    except BaseException:
        return False
    if say_test_ended(h, job) is None:
        return False
    sent_tag = None
    try:
        fresh_stdio(h)
    except BaseException as e:
        log(f"next test: {e}")
        os._exit(CHILD_SETUP_FAILED)
    return True


def flush_stdio():
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def say_test_ended(h, job, status=b""):
    """A test of a run has ended (next_test, next_program_test): says so on the mark pipe (E, and
    the exit status a program's test said), waits for the parent's word (A, a 4-byte length, our
    data size in kB as the parent read it (8 bytes; 0: unknown), then a body: the next test's
    spec, empty for a function) and sets the next test's limits. Returns the body; None if the
    pipe is gone (the submission closed it: the parent takes our exit as the test's end)."""
    try:
        write_all(MARK_FD, b"E" + status)
        head = read_exact(ACK_FD, 13)
    except (OSError, EOFError):
        return None
    if head[:1] != b"A":
        os._exit(CHILD_SETUP_FAILED)
    try:
        size, data_kb = struct.unpack(">IQ", head[1:])
        body = read_exact(ACK_FD, size)
        test_limits(h, job.limits, hard=False, data_kb=data_kb or None)
    except BaseException as e:
        log(f"next test: {e}")
        os._exit(CHILD_SETUP_FAILED)
    return body


def as_python3(h, argv, source, name):
    """What `python3 argv[0]` gives a program before its first line, in this forked child:
    python3's standard streams, argv, recursion limit (read and set through the program's own
    view of it), int digits limit, no atexit handlers, its source where tracebacks look, and a
    fresh module `name` for its code. Returns the module."""
    global depth_offset
    fresh_stdio(h)
    sys.argv = argv
    depth_offset = 0  # (a run's earlier test left its own)
    real_setrecursionlimit(RECURSION_LIMIT)
    sys.setrecursionlimit, sys.getrecursionlimit = setrecursionlimit, getrecursionlimit
    sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
    atexit._clear()
    linecache.cache[argv[0]] = (len(source), None, source.splitlines(True), argv[0])
    mod = types.ModuleType(name)
    mod.__file__ = argv[0]
    mod.__builtins__ = builtins
    mod.__cached__ = None
    sys.modules[name] = mod
    return mod


def run_module(code, mod, report=True):
    """Executes the module body. Returns None on success, else the exit status. report: an
    uncaught exception is described on the result pipe too (a submission's; a validator has
    none, and the fd may be one of its own files)."""
    # A plain `python3 solution.py` runs the module body one level deep; make the frames under
    # us invisible to the recursion limit (+1: the exec() call below also counts as a level).
    shift_recursion_limit(stack_depth() + 1)
    try:
        exec(code, mod.__dict__)
    except SystemExit as e:
        return system_exit_code(e)
    except BaseException as e:
        room_to_report()
        if report:
            send_result(b"X", json.dumps(describe(e)).encode())
        print_exception(e, e.__traceback__.tb_next)
        return 1
    return None


def call_function(job, mod, args):
    name = job.function["name"]
    fn = mod.__dict__.get(name)
    try:
        if not callable(fn):
            cls = mod.__dict__.get("Solution")
            if cls is None or not callable(getattr(cls, name, None)):
                send_result(b"N", f"no function {name}() and no class Solution with a method {name}()".encode())
                return 1
            fn = getattr(cls(), name)
    except SystemExit as e:
        return system_exit_code(e)
    except BaseException as e:
        send_result(b"X", json.dumps(describe(e)).encode())
        print_exception(e, e.__traceback__.tb_next)
        return 1
    # The call below runs one frame deeper than this one; `python3 solution.py` calling the
    # function from module level has the module frame under it.
    shift_recursion_limit(stack_depth() - 1)
    try:
        value = fn(*args)
    except SystemExit as e:
        return system_exit_code(e)
    except BaseException as e:
        room_to_report()
        send_result(b"E", json.dumps(describe(e)).encode())
        print_exception(e, e.__traceback__.tb_next)
        return 0
    room_to_report()
    try:
        data = value_to_json(value, job.function.get("returns", "json"))
    except BadReturn as e:
        send_result(b"B", str(e).encode(errors="replace"))
        return 0
    except BaseException as e:  # a __repr__/__iter__ of the submission's own object blew up
        send_result(b"B", f"{type(e).__name__}: {e}".encode(errors="replace"))
        return 0
    send_result(b"V", data)
    return 0


class Program:
    """A Python program that a child runs from its first line for each test (child_program): a
    stdio submission, or a validator program. goes_on: the exit statuses after which the next
    test may run in the same process (a submission's 0, a validator's 42 and 43)."""

    def __init__(self, argv0, source, code, goes_on, submission, folder=None):
        self.argv0, self.source, self.code = argv0, source, code
        self.goes_on, self.submission, self.folder = goes_on, submission, folder


def submission_program(job):
    return Program(job.filename, job.source, job.code, (0,), submission=True)


def validator_program(job):
    entry = job.validator_entry
    return Program(entry, job.validator["files"][job.validator["entry"]], job.validator_code,
                   (42, 43), submission=False, folder=os.path.dirname(entry))


def child_program(h, job, prog, spec, runs):
    """A Python program's child, after child_setup: runs prog's code in this fork of the harness
    as `python3 argv0 args...` would (as_python3; a validator's folder first on sys.path), without
    starting an interpreter for every test: that start cost more than most programs' own work.
    spec: the test's arguments, folder and standard input (validation_spec, stdio_spec). runs:
    the tests that follow run here too, each from the program's first line as in a process of
    its own (next_program_test), until one ends otherwise than by an exit status of
    prog.goes_on. A submission is charged from its mark, a validator of one test from the fork.
    Never returns."""
    try:
        if prog.folder is not None:
            sys.path.insert(0, prog.folder)
            sys.dont_write_bytecode = True
        base = Baseline(h)
    except BaseException as e:
        log(f"program child: {e}")
        os._exit(CHILD_SETUP_FAILED)
    marked = not runs and not prog.submission
    while True:
        try:
            enter_test(spec)
            mod = as_python3(h, [prog.argv0] + spec["args"], prog.source, "__main__")
        except BaseException as e:
            log(f"program child: {e}")
            os._exit(CHILD_SETUP_FAILED)
        if not marked:
            mark_start(h, job.limits, tests=RUN_UNTIL_TOLD if runs else 1)
            marked = True
        status = run_module(prog.code, mod, report=prog.submission) or 0
        spec = next_program_test(h, job, prog, status, mod, base) if runs else None
        if spec is None:
            finish(status, mod)


def enter_test(spec):
    """A program child's test (validation_spec, stdio_spec): its folder as cwd, its standard
    input from the test's file (none: the child keeps the one spawn gave it: a pipe, or an
    interactive test's link). A stdio test's file is unlinked once open (spec "unlink"), so the
    program finds its scratch as empty as a process of its own would."""
    try:
        here = os.getcwd() == spec["cwd"]
    except OSError:
        here = False
    if not here:  # (a chdir walks from /: see held)
        os.chdir(spec["cwd"])
    if spec["stdin"] is not None:
        fd = os.open(spec["stdin"], os.O_RDONLY)
        if spec.get("unlink"):
            os.unlink(spec["stdin"])
        os.dup2(fd, 0)
        os.close(fd)


class Baseline:
    """What a program's process holds before its first test and gives every test of its run
    again, where a program of its own would see it fresh (child_program): the module search
    path, the modules already imported (the harness's and its preloads; a test's own are
    dropped at its end), builtins, the environment, the umask, the collector's settings, the
    hooks of sys, the thread switch interval, decimal's context; and which pipes its standard
    output, error and the harness's own fds are, so a test that replaced one ends its run."""

    HOOKS = ("excepthook", "displayhook", "breakpointhook", "unraisablehook")
    FDS = (1, 2, RESULT_FD, MARK_FD, ACK_FD)

    def __init__(self, h):
        self.path = list(sys.path)
        self.meta_path, self.path_hooks = list(sys.meta_path), list(sys.path_hooks)
        self.known = set(sys.modules)
        self.builtins = dict(builtins.__dict__)
        decimal = sys.modules.get("decimal")
        self.decimal = (decimal.setcontext, decimal.Context) if decimal is not None else None
        self.environ = (os.environ, dict(os.environ))
        self.umask = os.umask(0o022)
        os.umask(self.umask)
        self.gc = (gc.isenabled(), gc.get_threshold())
        self.switch = sys.getswitchinterval()
        self.hooks = {name: getattr(sys, name) for name in self.HOOKS}
        self.fds = self.identities()

    def identities(self):
        ids = {}
        for fd in self.FDS:
            try:
                st = os.fstat(fd)
                ids[fd] = (st.st_dev, st.st_ino)
            except OSError:
                ids[fd] = None
        return ids

    def intact(self):
        """Whether the standard output, error and the harness's fds are still the run's own."""
        return self.identities() == self.fds

    def drop_modules(self):
        for name in [n for n in sys.modules if n not in self.known]:
            del sys.modules[name]

    def restore(self):
        """At a test's end, before the next is said to start (by the harness's own references:
        a test may have replaced what a module holds)."""
        sys.path[:] = self.path
        sys.meta_path[:], sys.path_hooks[:] = self.meta_path, self.path_hooks
        now = builtins.__dict__
        if len(now) != len(self.builtins) or any(now.get(k, now) is not v for k, v in self.builtins.items()):
            now.clear()
            now.update(self.builtins)
        environ, saved = self.environ
        if dict(environ) != saved:
            environ.clear()
            environ.update(saved)
        os.umask(self.umask)
        enabled, threshold = self.gc
        (gc.enable if enabled else gc.disable)()
        gc.set_threshold(*threshold)
        sys.setswitchinterval(self.switch)
        for name, hook in self.hooks.items():
            setattr(sys, name, hook)
        if self.decimal is not None:
            setcontext, context = self.decimal
            setcontext(context())


def next_program_test(h, job, prog, status, mod, base):
    """Between two tests of a program's run: if the test exited with a status of prog.goes_on,
    left no thread running and kept its standard streams, what python3 would do at its exit
    (atexit handlers run, unclosed files flushed by their finalizers, streams flushed), then the
    end of the test is said on the mark pipe with that status, and the parent's word brings the
    next test's spec. The modules the test imported are dropped, so the next test imports its
    own. None: the run ends here (the caller exits with status)."""
    if status not in prog.goes_on:
        return None
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return None
    try:
        run_exit_handlers(mod)
        flush_stdio()
    except BaseException:
        return None
    sys.settrace(None)
    sys.setprofile(None)
    try:
        if not base.intact():
            return None
        base.drop_modules()
        base.restore()
        signal.setitimer(signal.ITIMER_REAL, 0)
        default_signals(h)
    except BaseException:
        return None
    body = say_test_ended(h, job, bytes([status]))
    return None if body is None else json.loads(body)


def read_exact(fd, n):
    """n bytes from a blocking fd, or EOFError."""
    data = b""
    while len(data) < n:
        chunk = os.read(fd, n - len(data))
        if not chunk:
            raise EOFError("the pipe ended")
        data += chunk
    return data


def child_exec(h, lim, argv, spec):
    """Compiled validator (or compiler) child: exec its binary (already set up by child_setup)
    in the spec's place (enter_test)."""
    try:
        enter_test(spec)
        os.execv(argv[0], argv)
    except BaseException as e:
        log(f"exec {argv[0]}: {e}")
    os._exit(CHILD_SETUP_FAILED)


# ---------------------------------------------------------------------------------------------
# The parent: supervise one child


class Run:
    """What the parent saw of one child."""

    def __init__(self):
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.result = bytearray()
        self.total = 0  # stdout + stderr bytes, all of them, for the output limit
        self.killed = None  # "ole" | "wall" | "cpu" | "result" | "memory"
        self.status = 0
        self.rusage = None
        self.wall = 0.0
        self.oom = False
        self.tree_cpu_ms = 0.0  # CPU of the test and of every process it started
        # Set when the child marks (mark_start): from then on its code is untrusted.
        self.marked = False
        self.setup_cpu_ms = 0.0  # the child's CPU before the mark, read by us from schedstat
        self.setup_delay_ms = 0.0  # its run-queue wait before the mark, likewise
        self.base_rss = 0  # kB: peak RSS counts above this
        self.base_anon = 0  # kB: the watchdog counts anonymous memory above this, per process
        self.peak_kb = 0  # the watchdog's largest sum over the test's processes
        self.last_look = None  # (when, CPU ms of the test's processes) at the watchdog's last look
        self.blocked_s = 0.0  # how long the watchdog saw the test waiting on the kernel's I/O (D)
        self.threads_at = None  # (when, {tid: CPU ms}) of the test's threads at the wall deadline
        self.ended = 0.0  # when the parent saw the child exit (CLOCK_MONOTONIC, the host's)
        # A process that runs several tests (function mode): how many more it will run after
        # this one, and what says whether this test started a thread or a process (forks).
        self.tests_left = 0
        self.forks = None
        # This test ended (said so on the mark pipe) but left something running, so the parent
        # killed its process: its end is the end of the test, not a crash, with the exit status
        # it said (a validator's; a function's 0).
        self.retired = False
        self.said = 0
        self.started = 0.0  # when its untrusted code started (CLOCK_MONOTONIC)
        # Of a test after the first in a run: what goes with our word that it may start (the
        # length-prefixed body on_end gave: a validator test's spec, empty for a function's);
        # idle: no test, the run ended between two (on_end said so).
        self.ack = b""
        self.idle = False
        self.run_anon = 0  # base_anon of the run's first test: what a later test keeps is above it


class Usage:
    """The two figures of an rusage that classify reads, for a test that ended without its
    process ending (a run of function tests)."""

    def __init__(self, cpu_ms, maxrss_kb):
        self.ru_utime, self.ru_stime, self.ru_maxrss = cpu_ms / 1000, 0.0, maxrss_kb


def oom_kills():
    """The memory cgroup's oom_kill counter (v2, then v1), or None where there is none."""
    for rel in ("memory.events", "memory/memory.oom_control"):
        try:
            for line in read_at("/sys/fs/cgroup", rel).splitlines():
                if line.startswith(b"oom_kill "):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return None


def spawn(h, lim, stdin_data, target, with_result, link=None, link_side=None, on_end=None, runs=False, follows=None):
    """Forks a child that runs target() after child_setup; supervises it to its end. A
    submission's child (with_result) marks when its untrusted code starts; a validator is
    charged from the fork. link, for an interactive test, opens the child's standard input and
    output on the other side's pipes (link_opener) instead of the harness's; link_side is
    (job, test, side) for the harness's holds on them (link_holds). A child that runs several
    tests (function mode; a Python validator program's, runs) hands each but the last to
    on_end(run) as it ends, which returns what goes with the word to start the next (None: end
    the run there); the last one, which ends with the child, is returned (idle when on_end ended
    the run)."""
    marks = with_result or runs
    stdin_r, stdin_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    res_r, res_w = os.pipe() if with_result else (None, None)
    mark_r, mark_w = os.pipe() if marks else (None, None)
    ack_r, ack_w = os.pipe() if marks else (None, None)
    holds = link_holds(*link_side, time.monotonic() + lim["wall_ms"] / 1000) if link_side else []
    oom_before = oom_kills()
    run = Run()
    # A submission's child replaces these at its mark.
    # (A validator has no mark: the harness's own anonymous memory is its base.)
    own = proc_status("self")
    run.base_rss = run.base_anon = own[1] if own is not None else 0
    cpu_before = reaped_cpu_ms()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            if link is not None:
                stdin_r, out_w = link()
            child_setup(h, lim, stdin_r, out_w, err_w, res_w,
                        (mark_w, ack_r) if marks else None)
        except BaseException as e:
            log(f"child setup: {e}")
            os._exit(CHILD_SETUP_FAILED)
        try:
            target()
        finally:
            os._exit(CHILD_SETUP_FAILED)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    for fd in (stdin_r, out_w, err_w, res_w, mark_w, ack_r):
        if fd is not None:
            os.close(fd)
    mark = Mark(mark_r, ack_w) if marks else None
    try:
        run = supervise(h, lim, pid, start, run, stdin_w, stdin_data, out_r, err_r, res_r, mark, on_end, follows)
    finally:
        for fd in holds:
            os.close(fd)
        for fd in (stdin_w, out_r, err_r, res_r):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        if mark is not None:
            mark.close()
    after = oom_kills()
    run.oom = oom_before is not None and after is not None and after > oom_before
    # Every process of the test has been reaped by now (the test by wait4, what it left behind by
    # sweep): their CPU time has all landed in our children's usage.
    run.tree_cpu_ms = reaped_cpu_ms() - cpu_before
    return run


class Mark:
    """Our ends of a child's mark pipe and of its acknowledgement."""

    def __init__(self, mark_r, ack_w):
        self.mark_r, self.ack_w = mark_r, ack_w

    def close(self):
        for fd in (self.mark_r, self.ack_w):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.mark_r = self.ack_w = None


# Inside the sandbox the root file system is the storage driver's, and on hosts whose driver is
# fuse-overlayfs every path looked up from / leaves the root through that driver's daemon: a
# round trip per walk (measured 2026-12-08 in the runner container, AMD EPYC: /proc/self/status
# opened by its path 92 us, from a descriptor of /proc 14 us; a file made and removed in /tmp by
# its path 168 us, from a descriptor of /tmp 16 us). A test's boundary walked about fifteen such
# paths on the parent's side. So the parent walks from descriptors of the directories it works in
# (held), opened once; a child never uses them (child_setup closes them before any test's code,
# and what a child reads itself it reads by path).
_held = {}


def held(path):
    """A descriptor of the directory path, opened on first use and kept (None where there is no
    such directory: asked once). For the harness's parent side only."""
    try:
        return _held[path]
    except KeyError:
        pass
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        fd = None
    _held[path] = fd
    return fd


def read_at(top, rel):
    """The bytes of the file rel under the directory top, walked from its held descriptor."""
    fd = held(top)
    fd = os.open(rel if fd is not None else os.path.join(top, rel), os.O_RDONLY | os.O_CLOEXEC, dir_fd=fd)
    try:
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


def list_at(top, rel=""):
    """The names in the directory rel under top (top itself when rel is empty), walked from
    top's held descriptor. Listed through a descriptor of its own: a held one is shared with
    the processes forked since it was opened (a session's job process), and so is its offset."""
    fd = held(top)
    if fd is None:
        return os.listdir(os.path.join(top, rel))
    sub = os.open(rel or ".", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC, dir_fd=fd)
    try:
        return os.listdir(sub)
    finally:
        os.close(sub)


def reaped_cpu_ms():
    """User + system CPU of every child this process has reaped, and of their reaped children."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (ru.ru_utime + ru.ru_stime) * 1000


CPU_CHECK_EVERY = 0.05  # seconds


def cpu_ms_of(pid):
    """CPU time a running process has had, all its threads' (the ended ones too), in ms: its
    process CPU clock (CPUCLOCK_SCHED of pid, nanoseconds; the same clock as wait4's rusage).
    Where that clock cannot be read, its first thread's from /proc/<pid>/schedstat. 0 if it is
    gone."""
    try:
        return time.clock_gettime(((~pid) << 3) | 2) * 1000
    except (OSError, OverflowError):
        pass
    try:
        return int(read_at("/proc", f"{pid}/schedstat").split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


def run_delay_ms(pid):
    """Time a process has spent runnable but waiting for a CPU, in ms: the run-queue delay of
    /proc/<pid>/schedstat. 0 if it is gone."""
    try:
        return int(read_at("/proc", f"{pid}/schedstat").split()[1]) / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


def test_run_delay_ms(h, pid, setup_delay_ms):
    """How long the test has been held back by the machine since the mark, in ms: the longest
    run-queue delay of any of its processes (its first one counted from the mark; a process it
    forked starts at 0). The longest, not the sum: processes wait side by side, so the longest
    wait is what the test surely lost, and a test of four starved children (each allocating,
    the parent blocked in a read) loses as much as one starved process would."""
    waited = run_delay_ms(pid) - setup_delay_ms
    for p in test_pids(h, pid):
        if p != pid:
            waited = max(waited, run_delay_ms(p))
    return waited


# The wall limit catches a test that sleeps or blocks, not one the machine starves: time the
# test's processes waited for a CPU, and time the watchdog saw one of them wait for the kernel's
# I/O (state D: a file read or page fault through this engine's fuse-overlayfs, whose daemon on
# the host is starved too; beside two busy loops a test that reads the whole file system went
# past a 17 s wall limit), does not count against it, up to this many wall limits more.
# Beside two busy loops on 2 cores a test burning CPU got so little of a core that the 3T+2 s
# wall limit fired before its CPU limit (a TLE for the wrong reason, and RE cases became TLE).
# 2 was too few in a make test beside two busy loops (load average 18): every container together
# gets one top-level share of the CPU, a memory case got ~3 % of a core, and 0.4 s of CPU took
# 13-16 s, past 5 s + 2 x 5 s.
WALL_STARVED_MAX = 5


def wall_deadline(start, wall_s, waited_s):
    """When the wall limit of a test that started at start runs out, given that its process has
    waited waited_s for a CPU so far."""
    return start + wall_s + min(max(waited_s, 0.0), WALL_STARVED_MAX * wall_s)


# Past its wall deadline a test is still held back by the machine, not by itself, while one of
# its threads waits for the kernel's I/O (D) or is runnable (R) but got less than this share of a
# CPU over the last look: a run-queue wait still going on is in no schedstat yet (the kernel adds
# it when the thread next runs), and the thread that would wake the others (a child allocating, a
# queue's feeder thread) need not be a process's first. Looks are this far apart.
HELD_BACK_SHARE = 0.5
HELD_BACK_LOOK = 0.1  # seconds


def thread_states(h, pid):
    """{tid: (state letter, CPU ms)} of every thread of the test's processes."""
    got = {}
    for p in test_pids(h, pid):
        try:
            tids = list_at("/proc", f"{p}/task")
        except OSError:
            continue
        for t in tids:
            try:
                state = read_at("/proc", f"{p}/task/{t}/stat").rsplit(b")", 1)[1].split()[0][:1]
                cpu = int(read_at("/proc", f"{p}/task/{t}/schedstat").split()[0]) / 1e6
            except (OSError, ValueError, IndexError):
                continue
            got[int(t)] = (state, cpu)
    return got


def held_back(run, now, threads):
    """Whether the test is held back by the machine at now (HELD_BACK_SHARE), given its threads
    now and those run saw at its last look; it notes this look for the next. A thread in D is
    held back at once; a runnable one only once a look shows it got less than its share (the
    first look past the deadline cannot tell, so it says yes when a thread is runnable)."""
    last, run.threads_at = run.threads_at, (now, {t: cpu for t, (_, cpu) in threads.items()})
    for t, (state, cpu) in threads.items():
        if state == b"D":
            return True
        if state != b"R":
            continue
        if last is None or t not in last[1] or now <= last[0]:
            return True
        if cpu - last[1][t] < HELD_BACK_SHARE * (now - last[0]) * 1000:
            return True
    return False


def proc_status(pid):
    """A process's resident and its private + shared anonymous resident kB (shared anonymous
    memory, mmap.mmap(-1, n) or a file of /dev/shm mapped, is RssShmem), its state letter (b"R",
    b"S", b"D", ...), its peak RSS (VmHWM, kB) and its data size (VmData, kB, or None), from
    /proc/<pid>/status; None if it is gone."""
    got = {}
    state = b"?"
    try:
        for line in read_at("/proc", f"{pid}/status").splitlines():
            if line.startswith((b"VmRSS:", b"RssAnon:", b"RssShmem:", b"VmHWM:", b"VmData:")):
                got[line[:line.index(b":")]] = int(line.split()[1])
            elif line.startswith(b"State:"):
                state = line.split()[1][:1]
    except (OSError, ValueError, IndexError):
        return None
    if b"VmRSS" not in got:
        return None  # a zombie has no memory left
    return (got[b"VmRSS"], got.get(b"RssAnon", 0) + got.get(b"RssShmem", 0), state, got.get(b"VmHWM", 0),
            got.get(b"VmData"))


def test_pids(h, pid):
    """Every process of the running test. In the sandbox that is every process but us (each test
    leaves nothing behind); elsewhere the descendants of its first process."""
    me = os.getpid()
    if h.sandboxed:
        try:
            return [int(n) for n in list_at("/proc") if n.isdigit() and int(n) != me]
        except OSError:
            return [pid]
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in list_at("/proc", f"{p}/task"):
                todo.extend(int(c) for c in read_at("/proc", f"{p}/task/{task}/children").split())
        except (OSError, ValueError):
            pass
    return found


def test_usage(h, pid, base_anon):
    """The watchdog's figures, in one pass over the test's live processes: their anonymous
    (private and shared) resident memory in kB, each above the base its first process had at the
    mark (a process forked by the test shares those pages; pages it shares copy-on-write with its
    parent count for both: an overestimate, never less), the CPU ms they have had, and whether
    one of them is in uninterruptible sleep (D: waiting for the kernel to read a file or fault a
    page in, never for the test's own sleep or pipe)."""
    total, cpu, blocked = 0, 0.0, False
    for p in test_pids(h, pid):
        got = proc_status(p)
        if got is not None:
            total += max(0, got[1] - base_anon)
            cpu += cpu_ms_of(p)
            blocked = blocked or got[2] == b"D"
    return total, cpu, blocked


def memory_pace(run, now, cpu_ms):
    """The share of a CPU the test's processes had since the watchdog's last look (1 for the
    first look), between MEMORY_PACE_FLOOR and 1; it notes this look for the next."""
    last, run.last_look = run.last_look, (now, cpu_ms)
    if last is None or now <= last[0]:
        return 1.0
    share = (cpu_ms - last[1]) / ((now - last[0]) * 1000)
    return min(1.0, max(MEMORY_PACE_FLOOR, share))


def kill_child(pid):
    for kill in (os.kill, os.killpg):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


def kill_test(h, pid):
    """Kills every process of the test at once (the memory they hold is the point)."""
    kill_child(pid)
    for p in test_pids(h, pid):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def supervise(h, lim, pid, start, run, stdin_w, stdin_data, out_r, err_r, res_r, mark, on_end=None, follows=None):
    """Watches the child to its end; returns the Run of its last test (spawn)."""
    output_cap = lim["output_bytes"]
    stderr_cap = lim["stderr_bytes"]
    result_cap = output_cap + RESULT_SLACK
    memory_cap = lim["memory_mb"] << 10
    pidfd = None
    if h.pidfd_ok:
        try:
            pidfd = os.pidfd_open(pid)
        except OSError:
            h.pidfd_ok = False  # e.g. a seccomp profile without pidfd_open: poll for the exit
    poller = select.poll()
    readers = {out_r: "stdout", err_r: "stderr"}
    if res_r is not None:
        readers[res_r] = "result"
    for fd in readers:
        poller.register(fd, select.POLLIN)
    pending = memoryview(stdin_data) if stdin_data else None
    if pending is not None:
        os.set_blocking(stdin_w, False)
        poller.register(stdin_w, select.POLLOUT)
    else:
        os.close(stdin_w)
        stdin_w = None
    if pidfd is not None:
        poller.register(pidfd, select.POLLIN)
    if mark is not None:
        poller.register(mark.mark_r, select.POLLIN)

    exited = False
    status = rusage = None
    # Until the mark only the wall clock (from the fork) bounds the child's set-up. From the
    # mark (a validator: from the fork) the wall clock restarts, and the CPU and memory checks
    # run. RLIMIT_CPU only has whole seconds: once the child could have used its CPU time, look
    # at its clock now and then and stop it soon after the limit instead of up to ~2 s later.
    deadline = start + lim["wall_ms"] / 1000
    never = float("inf")
    if mark is None:
        cpu_check, memory_check = start + lim["time_ms"] / 1000, start
    else:
        cpu_check = memory_check = never
    while not exited:
        now = time.monotonic()
        if run.killed is None and now >= deadline:
            waited = test_run_delay_ms(h, pid, run.setup_delay_ms) / 1000 + run.blocked_s
            deadline = wall_deadline(start, lim["wall_ms"] / 1000, waited)
            cap = wall_deadline(start, lim["wall_ms"] / 1000, float("inf"))
            if now >= deadline and now < cap and held_back(run, now, thread_states(h, pid)):
                deadline = min(cap, now + HELD_BACK_LOOK)
        if run.killed is None:
            if now >= deadline:
                run.killed = "wall"
                kill_child(pid)
            else:
                if now >= cpu_check:
                    if cpu_ms_of(pid) - run.setup_cpu_ms > lim["time_ms"]:
                        run.killed = "cpu"
                        kill_child(pid)
                    cpu_check = now + CPU_CHECK_EVERY
                if run.killed is None and now >= memory_check:
                    used, cpu, blocked = test_usage(h, pid, run.base_anon)
                    if blocked and run.last_look is not None:
                        # Sampled: the time since the last look, in the state seen now.
                        run.blocked_s += now - run.last_look[0]
                    run.peak_kb = max(run.peak_kb, used)
                    if used > memory_cap:
                        run.killed = "memory"
                        kill_test(h, pid)
                    wait = (memory_cap - used) / MEMORY_GROWTH_KB_S / memory_pace(run, now, cpu)
                    memory_check = now + min(MEMORY_CHECK_MAX, max(MEMORY_CHECK_MIN, wait))
        if run.killed is None:
            timeout = max(0, (min(deadline, cpu_check, memory_check) - now) * 1000)
        else:
            timeout = 100
        if pidfd is None:
            timeout = min(timeout, 5)
        for fd, ev in poller.poll(timeout):
            if fd == pidfd:
                exited = True
            elif mark is not None and fd == mark.mark_r:
                # The mark is the first write on the pipe (with how many tests the child runs,
                # when more than one). A child of one test closes its end before untrusted code
                # runs, and so do we. A child of several keeps it to say where each test ends;
                # any other byte there closes it.
                try:
                    got = os.read(mark.mark_r, 5 if not run.marked else 2)
                except OSError:
                    got = b""
                began = False  # a test's untrusted code starts once we acknowledge
                if got[:1] == b"M" and len(got) in (1, 5) and not run.marked:
                    run.marked = True
                    run.started = time.monotonic()
                    if len(got) == 5:
                        run.tests_left = struct.unpack(">I", got[1:])[0] - 1
                    test_begins(h, pid, run)
                    run.run_anon = run.base_anon
                    began = True
                elif got[:1] == b"E" and run.marked and run.tests_left > 0 and run.killed is None and not run.retired:
                    caps = (output_cap, stderr_cap, result_cap)
                    nxt = end_of_test(h, pid, run, readers, poller, caps, memory_cap, on_end, follows, got[1:])
                    if nxt is not None:
                        run, began = nxt, not nxt.idle
                if began:
                    start = run.started
                    deadline = start + lim["wall_ms"] / 1000
                    cpu_check = start + lim["time_ms"] / 1000
                    memory_check = start
                    try:
                        write_all(mark.ack_w, b"A" + run.ack)
                    except OSError:
                        pass
                if not (began and run.tests_left > 0):
                    poller.unregister(mark.mark_r)
                    mark.close()
            elif fd == stdin_w:
                try:
                    n = os.write(stdin_w, pending[:READ_CHUNK])
                    pending = pending[n:]
                    done = not pending
                except BlockingIOError:
                    done = False
                except OSError:  # EPIPE: the program stopped reading its input; that is fine
                    done = True
                if done:
                    poller.unregister(stdin_w)
                    os.close(stdin_w)
                    stdin_w = None
            elif fd in readers:  # (end_of_test may have read one to its end in this round)
                if not read_into(run, readers, poller, fd, output_cap, stderr_cap, result_cap):
                    continue
                if run.killed is None and run.total > output_cap:
                    run.killed = "ole"
                    kill_child(pid)
                elif run.killed is None and len(run.result) > result_cap:
                    run.killed = "result"
                    kill_child(pid)
        if pidfd is None:
            wpid, status, rusage = os.wait4(pid, os.WNOHANG)
            exited = wpid == pid
    run.ended = time.monotonic()
    run.wall = run.ended - start
    if pidfd is not None:
        os.close(pidfd)
        _, status, rusage = os.wait4(pid, 0)
    if stdin_w is not None:
        os.close(stdin_w)
    run.status, run.rusage = status, rusage
    # The child is gone; anything it left behind dies now, so the pipes reach EOF and nothing
    # outlives its test.
    sweep(h)
    drain_deadline = time.monotonic() + 1.0
    while readers and time.monotonic() < drain_deadline:
        events = poller.poll(100)
        for fd, _ in events:
            if fd in readers:
                read_into(run, readers, poller, fd, output_cap, stderr_cap, result_cap)
        if not events:
            sweep(h)
    return run


def test_begins(h, pid, run, cpu_ms=None, seen=None, status=None):
    """What the parent reads of the child as a test's untrusted code starts (at its mark, or at
    the end of the test before it in the same process): its CPU and run-queue wait so far, its
    memory, and what would show that the test started a thread or a process (forks). cpu_ms,
    seen and status (proc_status): those, when the caller has just read them (the child waits
    meanwhile)."""
    run.setup_cpu_ms = cpu_ms_of(pid) if cpu_ms is None else cpu_ms
    run.setup_delay_ms = run_delay_ms(pid)
    base = proc_status(pid) if status is None else status
    if base is not None:
        run.base_rss, run.base_anon = base[:2]
    if run.tests_left > 0:
        run.forks = forks(h, pid) if seen is None else seen


def forks(h, pid):
    """What changes when the test's process starts a thread or a process (None: unreadable,
    which ends the run). In the sandbox, the last PID its PID namespace gave out: a thread takes
    one too, and nothing else starts there while a test runs. Elsewhere other programs take
    PIDs, so: the faults and CPU of the process's reaped children, its live threads, and the
    test's other processes."""
    try:
        if h.sandboxed:
            return int(read_at("/proc", "sys/kernel/ns_last_pid"))
        stat = read_at("/proc", f"{pid}/stat")
        fields = stat[stat.rindex(b")") + 2:].split()
        reaped = tuple(int(fields[k]) for k in (8, 10, 13, 14))  # cminflt cmajflt cutime cstime
        threads = len(list_at("/proc", f"{pid}/task"))
    except (OSError, ValueError, IndexError):
        return None
    return reaped, threads, sorted(p for p in test_pids(h, pid) if p != pid)


def end_of_test(h, pid, run, readers, poller, caps, memory_cap, on_end, follows, code):
    """A test of a process that runs several said it ended (next_test, next_program_test), with
    code: nothing for a function's test, whose result is on the result pipe, the exit status for
    a program's. Everything it wrote is in the pipes by now: the child wrote it before the end
    and waits for our word. If the test ended as one that may be followed (follows(run, code): a
    function's returned a value, a program's exited with a status of its kind), left nothing
    running and keeps at most a quarter of memory_cap, hands it to on_end and returns the next
    test's Run (the child goes on once acknowledged; an idle Run
    if on_end ended the run, and the child is killed). Else kills the child (retired: the test
    still ends here, its CPU time then comes from the child's end) and returns None. Whatever
    the child says, it is charged all its CPU time: each test from where the one before it
    ended."""
    drained = True
    while drained:
        drained = False
        for fd, _ in poller.poll(0):
            if fd in readers:
                drained = read_into(run, readers, poller, fd, *caps) or drained
    output_cap, _, result_cap = caps
    if run.total > output_cap:
        run.killed = "ole"
    elif len(run.result) > result_cap:
        run.killed = "result"
    now = time.monotonic()
    seen = forks(h, pid)
    status = proc_status(pid)
    followed = follows(run, code)
    # What a test leaves in its process is not counted as the next test's memory, but the
    # container's limit counts it: a test that keeps over a quarter of the limit ends its run.
    kept = status is None or status[1] - run.run_anon > memory_cap // 4
    if run.killed is not None or seen is None or seen != run.forks or not followed or kept:
        if run.killed is None and (followed or code == b""):
            run.retired, run.said = True, code[0] if code else 0
        kill_test(h, pid)
        return None
    cpu = cpu_ms_of(pid)
    run.ended = now
    run.wall = now - run.started
    run.status, run.rusage = (code[0] << 8 if code else 0), Usage(cpu, status[3])
    ack = on_end(run)
    nxt = Run()
    nxt.marked = True
    if ack is None:
        nxt.idle = True
        kill_test(h, pid)
        return nxt
    # The child's data size goes with the word, so it sets the next test's RLIMIT_DATA without
    # reading its own /proc/self/status (a walk from /: see held). 0: it reads it.
    nxt.ack = struct.pack(">IQ", len(ack), status[4] or 0) + ack
    nxt.tests_left = run.tests_left - 1
    nxt.run_anon = run.run_anon
    test_begins(h, pid, nxt, cpu, seen, status)
    nxt.started = time.monotonic()  # its wall time starts at our word, after the report
    return nxt


def read_into(run, readers, poller, fd, output_cap, stderr_cap, result_cap):
    try:
        data = os.read(fd, READ_CHUNK)
    except OSError:
        data = b""
    if not data:
        poller.unregister(fd)
        del readers[fd]
        return False
    which = readers[fd]
    if which == "result":
        if len(run.result) <= result_cap:
            run.result += data
        return True
    run.total += len(data)
    buf, cap = (run.stdout, output_cap) if which == "stdout" else (run.stderr, stderr_cap)
    if len(buf) < cap:
        buf += data[: cap - len(buf)]
    return True


def sweep(h):
    """Kills and reaps every process the test left behind (a daemonised grandchild included), so
    nothing of test i can touch test i+1."""
    while True:
        if h.sandboxed:
            try:
                os.kill(-1, signal.SIGKILL)  # every process of the sandbox user but us and PID 1
            except OSError:
                pass
        else:
            for pid in children():
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue


# The sandbox's writable places (tmpfs mounts, the POSIX message queues, the validator image's
# /exec). Files left there would be seen by the next test and would still count against the
# container's memory limit.
SCRATCH_DIRS = ("/tmp", "/dev/shm", "/dev/mqueue", "/exec")


def empty_scratch():
    """Removes everything a test left in the scratch directories (from their held descriptors).
    Only inside the sandbox (on a developer's machine /tmp is theirs), after sweep: nothing of
    the test is running."""
    for top in SCRATCH_DIRS:
        fd = held(top)
        if fd is None:
            continue
        try:
            names = list_at(top)
        except OSError:
            continue
        for name in names:
            remove_tree(fd, name)


def remove_tree(dir_fd, name):
    """Removes name, in the directory dir_fd, and all below it, never following a link."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if not stat.S_ISDIR(st.st_mode):
            os.unlink(name, dir_fd=dir_fd)
            return
        # The test may have taken its own permissions away; it ran as our uid, so give them back.
        os.chmod(name, 0o700, dir_fd=dir_fd)
        sub = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
        try:
            for child in os.listdir(sub):
                remove_tree(sub, child)
        finally:
            os.close(sub)
        os.rmdir(name, dir_fd=dir_fd)
    except (OSError, RecursionError):
        pass


def children():
    me = os.getpid()
    try:
        return [int(p) for p in read_at("/proc", f"{me}/task/{me}/children").split()]
    except OSError:
        pass
    kids = []
    for name in list_at("/proc"):
        if name.isdigit():
            try:
                stat = read_at("/proc", f"{name}/stat")
                if int(stat[stat.rindex(b")") + 2:].split()[1]) == me:
                    kids.append(int(name))
            except (OSError, ValueError):
                pass
    return kids


# ---------------------------------------------------------------------------------------------
# Classification


SIGNAL_NAMES = {s.value: s.name for s in signal.Signals}


def result_report(**fields):
    """A test's result report: every field the judge reads, fields over the defaults."""
    report = {"type": "result", "status": "ok", "cpu_ms": 0.0, "wall_ms": 0.0, "memory_kb": 0,
              "exit_code": None, "signal": None, "error": None, "detail": "", "stderr": "", "_ended": 0.0}
    report.update(fields)
    return report


def classify(job, lim, run):
    """Turns what happened into the result report (without the output frame)."""
    ru = run.rusage
    cpu_ms = (ru.ru_utime + ru.ru_stime) * 1000 if ru else 0.0
    # Work done in a child the test never waited for is the test's work too; the set-up before
    # the mark is the harness's.
    cpu_ms = max(0.0, max(cpu_ms, run.tree_cpu_ms) - run.setup_cpu_ms)
    memory_kb = max(0, (ru.ru_maxrss if ru else 0) - run.base_rss, run.peak_kb)
    exit_code = os.WEXITSTATUS(run.status) if os.WIFEXITED(run.status) else None
    sig = os.WTERMSIG(run.status) if os.WIFSIGNALED(run.status) else None
    if run.retired:
        exit_code, sig = run.said, None  # it ended; then the harness killed what it left running
    report = result_report(cpu_ms=round(cpu_ms, 3), wall_ms=round(run.wall * 1000, 3), memory_kb=memory_kb,
                           exit_code=exit_code, signal=sig, stderr=run.stderr.decode("utf-8", "replace"),
                           _ended=run.ended)
    tag, payload = (bytes(run.result[:1]), bytes(run.result[1:])) if run.result else (b"", b"")
    error = None
    if tag in (b"X", b"E"):
        try:
            error = json.loads(payload)
        except ValueError:
            error = None
    report["error"] = error

    def set_(status, detail):
        report["status"], report["detail"] = status, detail

    time_ms, memory_mb = lim["time_ms"], lim["memory_mb"]
    mro = (error or {}).get("mro") or []
    if job.mode not in ("validate", "compile") and not run.marked:
        # The child never reached the submission's code: whatever happened (a test input the
        # adapters refuse, a set-up that ran out of wall time) is the harness's. Its "I" result
        # is believed only here, before the mark.
        why = bytes(run.result[1:]).decode("utf-8", "replace") if tag == b"I" else ""
        set_("internal", why or "the harness failed to start the test")
    elif run.killed == "ole":
        set_("ole", f"output over the {lim['output_bytes']} byte limit")
    elif run.killed == "result":
        set_("ole", f"returned value over the {lim['output_bytes']} byte output limit")
    elif run.killed == "cpu":
        set_("tle", f"CPU time over the {lim['time_ms']} ms limit")
    elif run.killed == "wall":
        set_("tle", f"wall time over the {lim['wall_ms']} ms limit")
    elif run.killed == "memory":
        set_("mle", f"memory {memory_kb / 1024:.1f} MiB over the {memory_mb} MiB limit: the test's processes were stopped")
    elif sig == signal.SIGKILL and run.oom:
        set_("mle", f"memory limit: killed by the kernel's OOM killer ({memory_mb} MiB limit)")
    elif sig == signal.SIGXCPU or cpu_ms > time_ms:
        set_("tle", f"CPU time {cpu_ms:.0f} ms over the {time_ms} ms limit")
    elif memory_kb > memory_mb * 1024:
        set_("mle", f"peak memory {memory_kb / 1024:.1f} MiB over the {memory_mb} MiB limit")
    elif error is not None and error.get("type") == "MemoryError":
        set_("mle", f"memory limit: MemoryError, an allocation over the {memory_mb} MiB limit was refused")
    elif "OSError" in mro and str(error.get("message", "")).startswith(f"[Errno {errno.ENOMEM}]"):
        # mmap (and the like) report a refused allocation as OSError(ENOMEM), not MemoryError.
        set_("mle", f"memory limit: {error['type']}: {error['message']} ({memory_mb} MiB limit)")
    elif sig is not None:
        set_("re", f"killed by signal {sig} ({SIGNAL_NAMES.get(sig, '?')})")
    elif job.mode == "validate":
        if exit_code not in (42, 43):
            set_("re", f"output validator exited with code {exit_code}")
    elif job.mode == "compile":
        if exit_code != 0:
            set_("re", f"the compiler exited with code {exit_code}")
    elif exit_code != 0:
        detail = f"exit code {exit_code}"
        if error is not None:
            detail = f"{error['type']}: {error['message']}"
        elif tag == b"N":
            detail = payload.decode("utf-8", "replace")
        set_("re", detail)
    elif job.mode == "function":
        if tag == b"V":
            pass
        elif tag == b"E":
            set_("raised", f"{error['type']}: {error['message']}" if error else "raised")
        elif tag == b"B":
            set_("bad_return", payload.decode("utf-8", "replace"))
        elif not tag:
            set_("re", "the program exited before the function returned")
        else:
            set_("re", "the submission wrote over the harness's result channel")
    return report


# ---------------------------------------------------------------------------------------------
# Jobs


class Job:
    def __init__(self, header):
        self.mode = header.get("mode", "stdio")
        if self.mode not in ("stdio", "function", "validate", "compile"):
            raise ValueError(f"unknown mode {self.mode!r}")
        self.filename = header.get("filename") or "solution.py"
        self.source = header.get("source") or ""
        self.function = header.get("function") or {}
        self.forbidden = header.get("forbidden") or {}
        self.validator = header.get("validator") or {}
        self.validator_fn = None  # a validator function, once loaded (load_validator_function)
        self.tests = int(header.get("tests") or 0)
        # Interactive problems: the folder both sandboxes mount, where each test's two pipes
        # join the submission's standard input and output with the validator's (link_opener).
        self.link = header.get("link") or ""
        # Validate mode: each test brings the feedback folder's files from its previous pass (a
        # fourth frame, JSON) and its result returns them (score.txt, nextpass.in, state a
        # multi-pass validator keeps).
        self.feedback = bool(header.get("feedback"))
        if self.feedback and self.mode != "validate":
            raise ValueError("feedback files go with validate mode only")
        # A validator session: this container serves this job and more of the same validator,
        # each in a process of its own (serve_session_job).
        self.session = bool(header.get("session"))
        # Function mode: every test in a process of its own instead of runs of tests.
        self.isolate = bool(header.get("isolate"))
        if self.session and (self.mode != "validate" or header.get("link")):
            raise ValueError("a session serves validate jobs without a link only")
        if self.link and self.mode not in ("stdio", "validate"):
            raise ValueError(f"a link (interactive problem) needs mode stdio or validate, not {self.mode!r}")
        lim = header.get("limits") or {}
        self.limits = {
            "time_ms": int(lim.get("time_ms") or 1000),
            "wall_ms": int(lim.get("wall_ms") or 3 * int(lim.get("time_ms") or 1000)),
            "memory_mb": int(lim.get("memory_mb") or 256),
            "output_bytes": int(lim.get("output_bytes") or 8 << 20),
            "stderr_bytes": int(lim.get("stderr_bytes") or 64 << 10),
        }
        self.code = None
        if self.mode == "function":
            params = self.function.get("params") or []
            for p in list(params) + [self.function.get("returns", "json")]:
                if p not in ARG_ADAPTERS:
                    raise ValueError(f"unknown adapter {p!r}")
            if not self.function.get("name"):
                raise ValueError("function mode without a function name")


def preload():
    """Imports what submissions commonly import, once, so forked tests start warm, and collects
    the garbage of start-up. It runs before hello: a pooled container is ready once it has done
    this (a judging that takes it never shares the CPU with its own warm-up), and a cold one
    could not read its request before the end of it anyway."""
    for name in ("bisect", "heapq", "itertools", "functools", "re", "string", "random",
                 "fractions", "decimal", "dataclasses", "copy", "operator", "array"):
        try:
            __import__(name)
        except ImportError:
            pass
    global pyflakes_checker
    try:
        import pyflakes
        import pyflakes.checker
        pyflakes_checker = (pyflakes.checker, pyflakes.__version__)
    except ImportError:
        pyflakes_checker = None
    gc.collect()
    gc.freeze()


def freeze():
    """Moves every object (the compiled submission too) into the GC's permanent generation, so
    children don't copy the pages that collections would otherwise touch. Cheap: the full
    collection ran in preload."""
    gc.freeze()


def run_tests(h, job):
    """Runs the job's tests in order. `tests` is how many at most: a request that ends where a
    test's first frame would start ends the job there, and the harness says end (the judge
    feeds a validator each output as its test ends, and stops when the submission's run has).
    Returns False when the request ended inside a test's frames."""
    if job.mode == "function":
        return run_function_tests(h, job)
    if runs_validations(job):
        return run_validator_tests(h, job)
    if job.mode == "stdio" and not job.link:
        return run_stdio_tests(h, job)
    for i in range(job.tests):
        h.send({"type": "start", "test": i})
        if job.mode == "compile":
            report, output = run_compiler(h, job)
        elif job.mode == "validate":
            frames = read_validation(h, job)
            if not frames:
                return frames is None
            report, output = run_validator(h, job, frames, i)
        else:
            first = h.read_frame()
            if first is None:
                return True
            report, output = run_submission(h, job, first, i)
        send_report(h, job, i, report, output)
    return True


def send_report(h, job, i, report, output, *more):
    """Sends test i's report and its output frame, and the frames of more (written together)."""
    report["test"] = i
    if job.link:
        report["ended_ns"] = int(report.pop("_ended") * 1e9)
    else:
        report.pop("_ended", None)
    h.write_frames(json.dumps(report).encode(), output, *more)


def run_function_tests(h, job):
    """Function mode: runs of tests, each run in one process (child_run), as many tests as the
    judge has already written (read ahead, up to RUN_TESTS and RUN_INPUT_BYTES of input). A run
    ends early at a test that fails or leaves a thread or process behind: the tests after it
    start a new one."""
    ahead = []
    ended = False  # the request ended where a test's frame would start
    i = 0
    while i < job.tests:
        if not ahead and ended:
            return True
        h.send({"type": "start", "test": i})
        if not ahead:
            first = h.read_frame()
            if first is None:
                return True
            ahead.append(first)
        most = 1 if job.isolate else RUN_TESTS
        while (not ended and i + len(ahead) < job.tests and len(ahead) < most
               and h.frame_ready()):
            data = h.read_frame()
            if data is None:
                ended = True
                break
            ahead.append(data)
        run, size = [], 0
        for data in ahead:
            size += len(data)
            if run and (size > RUN_INPUT_BYTES or len(run) == most):
                break
            run.append(data)
        done = run_function_run(h, job, run, i)
        del ahead[:done]
        i += done
    return True


def run_function_run(h, job, datas, first):
    """Runs datas (the inputs of tests first, first+1, ...) in one process until one fails;
    sends their reports, and says start for each but the first (the caller did). Returns how
    many ran."""
    lim = job.limits
    done = 0

    def on_end(run):
        nonlocal done
        start = json.dumps({"type": "start", "test": first + done + 1}).encode()
        send_report(h, job, first + done, *function_report(job, lim, run), start)
        done += 1
        return b""

    run = spawn(h, lim, b"", lambda: child_run(h, job, datas), with_result=True, on_end=on_end,
                follows=returned)
    if h.sandboxed:
        empty_scratch()
    send_report(h, job, first + done, *function_report(job, lim, run))
    return done + 1


def returned(run, code):
    """Whether a function's test may be followed in its process (end_of_test): it returned."""
    return code == b"" and bytes(run.result[:1]) == b"V"


def exited_with(statuses):
    """Whether a program's test may be followed in its process (end_of_test): it said it exited
    with one of statuses, and wrote nothing on the result pipe."""
    return lambda run, code: len(code) == 1 and code[0] in statuses and not run.result


def function_report(job, lim, run):
    report = classify(job, lim, run)
    # The function's prints are not its answer, but they help the candidate debug.
    report["stdout"] = run.stdout[: lim["stderr_bytes"]].decode("utf-8", "replace")
    output = bytes(run.result[1:]) if report["status"] == "ok" else b""
    return report, output


# How often a submission's test looks for its pipes before the validator's harness has made them.
LINK_WAIT = 0.005


def link_paths(job, test):
    """The two pipes of an interactive test: what the submission reads, what it writes."""
    return (os.path.join(job.link, f"{test}.to-submission"),
            os.path.join(job.link, f"{test}.from-submission"))


def make_links(job):
    """The validator's harness makes every test's pipes before it says compiled: the submission's
    sandbox mounts the folder read-only, so it can neither make nor replace them."""
    for test in range(job.tests):
        to_sub, from_sub = link_paths(job, test)
        os.mkfifo(to_sub, 0o600)
        os.mkfifo(from_sub, 0o600)


def link_opener(job, test, side):
    """Returns the function that, in the test's child before its set-up, opens its standard input
    and output on the test's pipes. Both sides open the pipe to the submission first and the one
    from it second, so neither waits for the other in the wrong order; each open returns once
    the other side has opened the same pipe, so no read sees an end of file before the other
    side has even started. The submission's wait is bounded by its wall limit (before the mark,
    from the fork); a validator that never comes leaves it unmarked: an internal failure."""
    to_sub, from_sub = link_paths(job, test)

    def submission():
        while not os.path.exists(from_sub):
            time.sleep(LINK_WAIT)
        stdin = os.open(to_sub, os.O_RDONLY)
        stdout = os.open(from_sub, os.O_WRONLY)
        return stdin, stdout

    def validator():
        stdout = os.open(to_sub, os.O_WRONLY)
        stdin = os.open(from_sub, os.O_RDONLY)
        return stdin, stdout

    return submission if side == "submission" else validator


def link_holds(job, test, side, deadline):
    """The harness's own hold on the test's pipes toward the other side, opened before its child
    starts and closed only once the child's end has been stamped (spawn): the submission's
    harness holds the read side of to-submission and the write side of from-submission, the
    validator's the mirror. So neither side can meet the other's end (an end of file, a broken
    pipe) before the harness of the side that ended has recorded when: which side ended first
    is then causal, not a matter of which harness woke first. The harness never reads or
    writes them. The write side needs the other side's read hold: it is retried until then
    (each side takes its read hold first, so neither waits for the other for ever), or until the
    deadline, when the test goes on without it."""
    to_sub, from_sub = link_paths(job, test)
    mine, theirs = (to_sub, from_sub) if side == "submission" else (from_sub, to_sub)
    while not os.path.exists(theirs) and time.monotonic() < deadline:
        time.sleep(LINK_WAIT)
    holds = []
    try:
        holds.append(os.open(mine, os.O_RDONLY | os.O_NONBLOCK))
    except OSError:
        return holds
    while True:
        try:
            holds.append(os.open(theirs, os.O_WRONLY | os.O_NONBLOCK))
            return holds
        except OSError as e:
            if e.errno != errno.ENXIO or time.monotonic() >= deadline:
                return holds
        time.sleep(LINK_WAIT)


def run_stdio_tests(h, job):
    """Stdio mode, without a link: runs of tests (run_program_tests); with job.isolate, a run of
    one test each. Each test reads its input from a regular file, as on Kattis, written into the
    emptied scratch once the test before it has ended and been reported (stdio_input) and
    unlinked by the child before the program's first line; from a pipe only when the file cannot
    be written (a full scratch). A test joins the run before it unless its input is over
    RUN_INPUT_BYTES (its work dwarfs a fork)."""
    lim = job.limits

    def report(run):
        return classify(job, lim, run), bytes(run.stdout)

    def prepare(data):
        if h.sandboxed:
            empty_scratch()
        try:
            path, remove = stdio_input(data)
        except OSError as e:
            log(f"a test's input file: {e}")
            return Prepared(stdio_spec(None), report, piped=data)
        return Prepared(stdio_spec(path), report, remove=remove)

    return run_program_tests(h, job, submission_program(job), h.read_frame, prepare,
                             joins=lambda data: not job.isolate and len(data) <= RUN_INPUT_BYTES)


class Prepared:
    """A test of a program's run, its files written by the parent (run_program_tests): the spec
    the child enters it by (enter_test), how it is reported (report(run) -> report, output), what
    removes its files, and piped: its input, when it goes through spawn's pipe instead of a file
    (such a test starts a run of its own)."""

    def __init__(self, spec, report, remove=None, piped=b""):
        self.spec, self.report, self.piped = spec, report, piped
        self.remove = remove or (lambda: None)


def run_program_tests(h, job, prog, read, prepare, joins):
    """Runs of a program's tests, a stdio submission's or a Python validator's: one child
    (child_program) runs test after test while each exits with a status of prog.goes_on and
    leaves nothing running. Each test is prepared (prepare(frames) -> Prepared: its files
    written) only once the test before it has ended and been reported, and joins that test's
    run if joins(frames) and it needs no pipe. read(): the next test's frames; None where the
    request ended at a test's start, False inside a test's frames. Returns False in that last
    case (run_tests)."""
    i = 0
    test = None  # test i, prepared

    def report_and_read(run):
        """Reports test i and reads test i+1's frames (said start with the report)."""
        nonlocal i, test
        report, output = test.report(run)
        test.remove()
        test = None
        i += 1
        more = [json.dumps({"type": "start", "test": i}).encode()] if i < job.tests else []
        send_report(h, job, i - 1, report, output, *more)
        return read() if more else None

    def on_end(run):
        nonlocal frames, test
        frames = report_and_read(run)
        if frames is None or frames is False or not joins(frames):
            return None
        test = prepare(frames)
        return None if test.piped else json.dumps(test.spec).encode()

    h.send({"type": "start", "test": 0})
    frames = read()
    while frames is not None and frames is not False:
        if test is None:  # (else on_end prepared it, and it starts a run: it needs a pipe)
            test = prepare(frames)
        target = lambda: child_program(h, job, prog, test.spec, runs=True)
        try:
            run = spawn(h, job.limits, test.piped, target, with_result=prog.submission, on_end=on_end,
                        runs=True, follows=exited_with(prog.goes_on))
        except BaseException:
            if test is not None:
                test.remove()
            raise
        if not run.idle:  # the run ended at test i, with the child
            frames = report_and_read(run)
    return frames is not False


def stdio_spec(stdin):
    """A stdio test's spec (enter_test): the harness's folder, standard input from the file
    stdin (None: the pipe spawn gave it; its name alone when it is in that folder, so the child
    does not walk to it from /), unlinked once open, no arguments."""
    cwd = os.getcwd()
    if stdin is not None and os.path.dirname(stdin) == cwd:
        stdin = os.path.basename(stdin)
    return {"args": [], "cwd": cwd, "stdin": stdin, "unlink": True}


def stdio_input(data):
    """Writes a test's input to a file of its own in the scratch, readable by this uid only.
    Returns its path, and what removes it if the child has not (it unlinks the file once open)."""
    top, top_fd = scratch()
    name, fd = new_in_scratch(top_fd, "judge-input-", lambda name: os.open(
        name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600, dir_fd=top_fd))

    def remove():
        try:
            os.unlink(name, dir_fd=top_fd)
        except OSError:
            pass

    try:
        write_all(fd, data)
    except BaseException:
        remove()
        raise
    finally:
        os.close(fd)
    return os.path.join(top, name), remove


def scratch():
    """The scratch (tempfile's folder: a session job's own) and its held descriptor."""
    top = tempfile.gettempdir()
    fd = held(top)
    if fd is None:
        raise FileNotFoundError(errno.ENOENT, "no scratch folder", top)
    return top, fd


def new_in_scratch(top_fd, prefix, make):
    """A new name in the scratch and what make(name) returned, make creating it exclusively (as
    tempfile does, without its walks from /)."""
    for _ in range(100):
        name = prefix + os.urandom(6).hex()
        try:
            return name, make(name)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name in the scratch", prefix)


def run_submission(h, job, data, test):
    """An interactive stdio test, in a process of its own: its standard streams are its link."""
    lim = job.limits
    link, side = link_opener(job, test, "submission"), (job, test, "submission")
    target = lambda: child_program(h, job, submission_program(job), stdio_spec(None), runs=False)
    run = spawn(h, lim, b"", target, with_result=True, link=link, link_side=side)
    if h.sandboxed:
        empty_scratch()
    return classify(job, lim, run), bytes(run.stdout)


# Compiled validators run from here: the validator image mounts an exec-allowed tmpfs at this
# path, while /tmp stays noexec (docs/harness-protocol.md, "compile").
EXEC_DIR = "/exec"

# Compilers of C and C++ validators, as Kattis's problemtools calls them (C++17 / C11, -O2).
COMPILERS = {
    "c": ["/usr/bin/gcc", "-O2", "-std=gnu11", "-pipe"],
    "cpp": ["/usr/bin/g++", "-O2", "-std=gnu++17", "-pipe"],
}


def setup_validator(job):
    """Writes the validator's files once into a private directory under /tmp; a compiled
    validator's binary goes to the exec-allowed scratch instead."""
    lang = job.validator.get("lang") or "python"
    if job.mode == "validate" and lang != "python":
        binary = base64.b64decode(job.validator.get("binary") or "")
        if not binary or not os.path.isdir(EXEC_DIR):
            raise CompileFailure("syntax", 0, "a compiled validator needs its binary and the validator image's exec scratch")
        root = tempfile.mkdtemp(prefix="judge-validator-", dir=EXEC_DIR)
        job.validator_dir = root
        job.validator_entry = os.path.join(root, "validator")
        fd = os.open(job.validator_entry, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o700)
        with os.fdopen(fd, "wb") as f:
            f.write(binary)
        return
    files = job.validator.get("files") or {}
    entry = job.validator.get("entry") or ""
    if entry not in files:
        raise CompileFailure("syntax", 0, f"validator entry {entry!r} is not among its files")
    if job.mode == "compile" and lang not in COMPILERS:
        raise CompileFailure("syntax", 0, f"no compiler for language {lang!r}")
    root = tempfile.mkdtemp(prefix="judge-validator-")
    try:
        for name, text in files.items():
            norm = os.path.normpath(name)
            if os.path.isabs(norm) or norm.startswith(".."):
                raise CompileFailure("syntax", 0, f"bad validator file name {name!r}")
            if name.endswith(".py") and lang == "python":
                code = compile_submission(text, os.path.join(root, norm))[0]
                if name == entry:
                    job.validator_code = code
            path = os.path.join(root, norm)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        job.validator_dir = root
        job.validator_entry = os.path.join(root, os.path.normpath(entry))
        if job.mode == "validate" and job.validator.get("function"):
            load_validator_function(job)
    except BaseException:
        # main() only removes the folder of a validator that compiled.
        shutil.rmtree(root, ignore_errors=True)
        raise


class ValidatorTimeout(BaseException):
    """Raised in a validator function that ran past its time."""


def load_validator_function(job):
    """A validator function (problem.yaml's validator_function): its module is run once, here,
    as `import entry` would from the validator's folder, and the function is called per test in
    this process (call_validator_function): no program per test. The module's own errors are
    the package's, reported as the validator failing to compile."""
    name = job.validator["function"]
    mod = types.ModuleType(os.path.splitext(os.path.basename(job.validator_entry))[0])
    mod.__file__ = job.validator_entry
    sys.modules[mod.__name__] = mod
    sys.path.insert(0, job.validator_dir)
    sys.dont_write_bytecode = True
    cwd = os.getcwd()
    os.chdir(job.validator_dir)
    try:
        with time_bound(job.limits["wall_ms"] / 1000):
            exec(job.validator_code, mod.__dict__)
    except BaseException as e:
        text = "".join(traceback.format_exception_only(type(e), e)).strip()
        raise CompileFailure("syntax", 0, f"the validator's module failed when loaded: {text}")
    finally:
        os.chdir(cwd)
    fn = mod.__dict__.get(name)
    if not callable(fn):
        raise CompileFailure("syntax", 0, f"the validator's module defines no function {name}()")
    job.validator_fn = fn


class time_bound:
    """Raises ValidatorTimeout in the code run inside it after seconds of wall time."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        def expired(signum, frame):
            raise ValidatorTimeout()
        self.old = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.old)
        return False


def call_validator_function(job, frames):
    """One test of a validator function: fn(input, answer, output), texts, returns True
    (accepted), False or a str (wrong answer; the str is the judge's message). Reported as the
    Kattis exit codes a validator program would give (42, 43), so the judge reads both alike;
    an exception, a time-out or another return value is the validator failing."""
    lim = job.limits
    texts = [f.decode("utf-8", "replace") for f in frames[:3]]
    report = result_report()
    message = b""
    cpu, start = time.process_time(), time.monotonic()
    try:
        with time_bound(lim["wall_ms"] / 1000):
            verdict = job.validator_fn(*texts)
    except ValidatorTimeout:
        report["status"], report["detail"] = "tle", f"the validator function ran over {lim['wall_ms']} ms"
    except BaseException as e:
        report["status"] = "re"
        report["detail"] = f"the validator function raised {type(e).__name__}"
        report["stderr"] = "".join(traceback.format_exception(type(e), e, e.__traceback__.tb_next))[-lim["stderr_bytes"]:]
    else:
        if verdict is True:
            report["exit_code"] = 42
        elif verdict is False or isinstance(verdict, str):
            report["exit_code"] = 43
            message = verdict.encode("utf-8", "replace") if isinstance(verdict, str) else b""
        else:
            report["status"] = "re"
            report["detail"] = f"the validator function returned {type(verdict).__name__}, not True, False or a message (str)"
    report["cpu_ms"] = round((time.process_time() - cpu) * 1000, 3)
    report["_ended"] = time.monotonic()
    report["wall_ms"] = round((report["_ended"] - start) * 1000, 3)
    return report, message[: lim["output_bytes"]]


def run_validator(h, job, frames, test):
    """Kattis protocol: python3 entry input answer feedback_dir [flags] < team_output; for an
    interactive problem (job.link) the team output is the submission itself, through the
    test's pipes, and the validator's standard output goes to the submission. A validator
    function is called instead (call_validator_function). One test in a process of its own: a
    Python program's tests without a link run in runs instead (run_validator_tests)."""
    if job.validator_fn is not None:
        return call_validator_function(job, frames)
    lim = job.limits
    folder, spec = validation_spec(job, frames)
    try:
        if (job.validator.get("lang") or "python") == "python":
            target = lambda: child_program(h, job, validator_program(job), spec, runs=False)
        else:
            target = lambda: child_exec(h, lim, [job.validator_entry] + spec["args"], spec)
        link = side = None
        if job.link:
            link, side = link_opener(job, test, "validator"), (job, test, "validator")
        run = spawn(h, lim, b"", target, with_result=False, link=link, link_side=side)
        return validator_report(job, run, folder)
    finally:
        folder.remove()


def runs_validations(job):
    """Whether a validate job's tests run in runs: a Python validator program's, without a link."""
    return (job.mode == "validate" and job.validator_fn is None and not job.link
            and (job.validator.get("lang") or "python") == "python")


def run_validator_tests(h, job):
    """Validate mode, a Python validator program without a link: runs of tests
    (run_program_tests), each test in a folder of its own (validation_spec). A test starts as
    soon as its frames are here, and every test may join the run before it."""

    def prepare(frames):
        folder, spec = validation_spec(job, frames)
        return Prepared(spec, lambda run: validator_report(job, run, folder), remove=folder.remove)

    return run_program_tests(h, job, validator_program(job), lambda: read_validation(h, job),
                             prepare, joins=lambda frames: True)


def read_validation(h, job):
    """The frames of a validate job's next test: input, answer, output (and the feedback files
    of the previous pass). None: the request ended where a test would start; False: inside one."""
    first = h.read_frame()
    if first is None:
        return None
    frames = [first] + [h.read_frame() for _ in range(3 if job.feedback else 2)]
    return False if any(f is None for f in frames) else frames


class TestFolder:
    """A validator test's folder in the scratch (tempfile's folder), made, worked in and removed
    from held descriptors (see held): its path is what the validator is given."""

    def __init__(self, prefix):
        top, self.top_fd = scratch()
        self.name, _ = new_in_scratch(self.top_fd, prefix, lambda name: os.mkdir(name, 0o700, dir_fd=self.top_fd))
        self.path = os.path.join(top, self.name)
        try:
            self.fd = os.open(self.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.top_fd)
        except BaseException:
            os.rmdir(self.name, dir_fd=self.top_fd)
            raise

    def write(self, name, data):
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666, dir_fd=self.fd)
        try:
            write_all(fd, data)
        finally:
            os.close(fd)

    def read(self, name, cap):
        """At most cap bytes of the regular file name (a link is not followed), or b""."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.fd)
        except OSError:
            return b""
        with os.fdopen(fd, "rb") as f:
            try:
                return f.read(cap)
            except OSError:
                return b""

    def remove(self):
        os.close(self.fd)
        shutil.rmtree(self.name, ignore_errors=True, dir_fd=self.top_fd)


def validation_spec(job, frames):
    """Writes one test's files into a folder of its own: input, answer, the team's output (the
    validator's standard input, but an interactive one's: that is its link) and the feedback
    folder (a previous pass's files restored). Returns the TestFolder and the spec a validator
    child runs the test by (child_program, child_exec)."""
    input_data, answer, team_output = frames[:3]
    folder = TestFolder("judge-test-")
    work = folder.path
    feedback = os.path.join(work, "feedback")
    try:
        os.mkdir("feedback", dir_fd=folder.fd)
        if job.feedback and frames[3]:
            restore_feedback(feedback, json.loads(frames[3]))
        for name, data in (("input", input_data), ("answer", answer), ("team_output", team_output)):
            folder.write(name, data)
    except BaseException:
        folder.remove()
        raise
    args = [os.path.join(work, "input"), os.path.join(work, "answer"), feedback + "/"]
    args += [str(f) for f in job.validator.get("flags") or []]
    # The team's output by its name alone: the child opens it once in the folder (enter_test).
    return folder, {"args": args, "cwd": work, "stdin": None if job.link else "team_output"}


def validator_report(job, run, folder):
    """A validator test's report and output: its judge message (feedback/judgemessage.txt) then
    what it printed, and the feedback folder's files when the job keeps them."""
    lim = job.limits
    report = classify(job, lim, run)
    message = folder.read("feedback/judgemessage.txt", lim["output_bytes"])
    if message and run.stdout and not message.endswith(b"\n"):
        message += b"\n"
    output = (message + bytes(run.stdout))[: lim["output_bytes"]]
    if job.feedback:
        files, why = collect_feedback(os.path.join(folder.path, "feedback"))
        report["feedback"] = files
        if why and report["status"] == "ok":
            report["status"], report["detail"] = "re", why
    return report, output


# What a validator may leave in its feedback folder for the judge (score.txt, nextpass.in) and
# for its own next pass: regular files only, at most this much in all.
FEEDBACK_CAP = 2 << 20


def collect_feedback(folder):
    """The feedback folder's regular files (relative names, base64), or why they are refused."""
    files, total = {}, 0
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(dirs)
        for name in sorted(names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder)
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                continue  # a symlink, a pipe: not the validator's output
            with os.fdopen(fd, "rb") as f:
                if not stat_is_regular(f.fileno()):
                    continue
                data = f.read(FEEDBACK_CAP + 1)
            total += len(data)
            if total > FEEDBACK_CAP:
                return {}, f"the validator's feedback folder holds over {FEEDBACK_CAP} bytes"
            files[rel] = base64.b64encode(data).decode()
    return files, ""


def stat_is_regular(fd):
    return stat.S_ISREG(os.fstat(fd).st_mode)


def restore_feedback(folder, files):
    """Writes a previous pass's feedback files back (names checked: no way out of the folder)."""
    for rel, data in sorted(files.items()):
        norm = os.path.normpath(rel)
        if os.path.isabs(norm) or norm.startswith("..") or norm in ("judgemessage.txt", "nextpass.in"):
            continue
        path = os.path.join(folder, norm)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def run_compiler(h, job):
    """Compile job: the validator's C or C++ sources into one binary, which is the output."""
    lim = job.limits
    lang = job.validator.get("lang")
    sources = sorted(n for n in job.validator.get("files") or {}
                     if os.path.splitext(n)[1] in (".c", ".cc", ".cpp", ".cxx", ".c++"))
    out = os.path.join(job.validator_dir, "validator.bin")
    argv = COMPILERS[lang] + ["-o", out] + sources + ["-lm"]
    run = spawn(h, lim, b"", lambda: child_exec(h, lim, argv, {"cwd": job.validator_dir, "stdin": None}), with_result=False)
    report = classify(job, lim, run)
    output = b""
    if report["status"] == "ok":
        try:
            with open(out, "rb") as f:
                output = f.read(lim["output_bytes"] + 1)
        except OSError as e:
            report["status"], report["detail"] = "re", f"the compiler wrote no binary: {e}"
        if len(output) > lim["output_bytes"]:
            report["status"], report["detail"], output = "ole", "the binary is over the output limit", b""
    report["stderr"] = (bytes(run.stderr) + bytes(run.stdout))[: lim["stderr_bytes"]].decode("utf-8", "replace")
    return report, output


# ---------------------------------------------------------------------------------------------
# Validator sessions (docs/harness-protocol.md, "Validator sessions")

# A frame length that is no frame: the end of a session job's tests.
END_OF_JOB = 0xFFFFFFFF
IPC_RMID = 0


class JobProcess:
    """A session's job process, forked before its job's header is read (fork_job_process): the
    fork, and the copy-on-write faults of its first steps, then happen while the session waits
    between jobs instead of on the job's way. Its pipe brings the header, then the job's frames."""

    def __init__(self, pid, w, scratch):
        self.pid, self.w, self.scratch = pid, w, scratch

    def end(self, h):
        """Ends its pipe (a process still waiting for its header then exits: no job came), waits
        for it and leaves the container as the next job must find it (end_session_job)."""
        os.close(self.w)
        end_session_job(h, self.pid)
        shutil.rmtree(self.scratch, ignore_errors=True)


def fork_job_process(h):
    """Forks the process of the session's next job. It closes the judge's stream at once (no job
    process ever reads the nonces), waits for its header on its pipe, runs the job as a one-job
    harness would and exits."""
    # The job's files go in a folder of its own, removed after it even where the scratch is not
    # emptied (outside the sandbox) and when the job process died before its clean-up.
    scratch = tempfile.mkdtemp(prefix="judge-session-")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(w)
            os.close(h.frames_in)
            h.frames_in, h.reader = r, io.FileIO(r, "rb", closefd=False)
            h.prctl(PR_SET_CHILD_SUBREAPER, 1)
            tempfile.tempdir = scratch
            header = h.read_frame()
            code = 0 if header is None else run_job(h, Job(json.loads(header)))
        except BaseException as e:
            log(f"session job: {type(e).__name__}: {e}")
        finally:
            os._exit(code or 0)
    os.close(r)
    return JobProcess(pid, w, scratch)


def serve_session_job(h, job, header, proc):
    """Serves one validate job of a session (its header, read and checked) in a job process, proc
    (forked ahead) or a new one, which never runs the validator nor reads an output. The job
    process reads the header and its frames from a pipe this process fills up to the end marker,
    and writes its reports on the frame channel as a one-job harness would. Once it has ended,
    every other process of the container is killed and the scratch is emptied; only then is the
    judge's nonce for the job read (after the end marker) and echoed in done: the nonce never
    was in a job process's memory, so no job can forge the frame after which the judge trusts
    the next job's reports. False: the judge's stream ended."""
    proc = proc or fork_job_process(h)
    try:
        whole = relay_job(h, proc.w, header)
    finally:
        proc.end(h)
    nonce = h.read_frame() if whole else None
    if nonce is None:
        return False
    h.send({"type": "done", "session": nonce.decode("ascii", "replace")})
    return True


def relay_job(h, w, header):
    """Copies the header, then the judge's frames of one session job, to the job process's pipe,
    up to the end marker. Frames for a job process that has ended are read and dropped. False:
    the judge's stream ended first."""
    open_ = True

    def pass_on(data):
        nonlocal open_
        if open_:
            try:
                write_all(w, data)
            except OSError:  # EPIPE: the job process has ended
                open_ = False

    pass_on(struct.pack(">I", len(header)) + header)
    while True:
        head = h._read_exact(4)
        if head is None:
            return False
        (size,) = struct.unpack(">I", head)
        if size == END_OF_JOB:
            return True
        pass_on(head)
        while size:
            chunk = h.reader.read(min(size, 1 << 20))
            if not chunk:
                return False
            size -= len(chunk)
            pass_on(chunk)


def end_session_job(h, pid):
    """Waits for the job process, then leaves the container as the next job must find it: no
    process but this one, empty scratch directories, no SysV IPC object."""
    while True:
        try:
            os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            break
    sweep(h)
    if h.sandboxed:
        empty_scratch()
        remove_ipc(h)


def remove_ipc(h):
    """Removes the SysV IPC objects in the container's IPC namespace (a job may have made some;
    the namespace outlives it)."""
    if h.libc is None:
        return
    for kind, ctl in (("shm", h.libc.shmctl), ("msg", h.libc.msgctl), ("sem", h.libc.semctl)):
        try:
            rows = read_at("/proc", f"sysvipc/{kind}").decode().splitlines()[1:]
        except (OSError, UnicodeDecodeError):
            continue
        for row in rows:
            try:
                ident = int(row.split()[1])
            except (IndexError, ValueError):
                continue
            if kind == "sem":
                ctl(ident, 0, IPC_RMID)
            else:
                ctl(ident, IPC_RMID, None)


def main():
    h = Harness()
    preload()
    h.send({"type": "hello", "harness": HARNESS_VERSION, "python": platform.python_version()})
    # A session's jobs follow one another until the judge's stream ends; after each, the next
    # one's process is forked ahead (so there is one once a session has begun).
    ahead = None
    try:
        while True:
            try:
                frame = h.read_frame()
                if frame is None:
                    return 0
                job = Job(json.loads(frame))
                if ahead is not None and not job.session:
                    raise ValueError("a session's next job must be a session job")
            except (ValueError, EOFError, TypeError) as e:
                log(f"bad request header: {e}")
                return 2
            if not job.session:
                return run_job(h, job)
            proc, ahead = ahead, None
            if not serve_session_job(h, job, frame, proc):
                return 0
            ahead = fork_job_process(h)
    finally:
        if ahead is not None:
            ahead.end(h)


def run_job(h, job):
    """Runs one job whose header has been read: compiles, runs its tests, says end."""
    findings = None
    try:
        if job.mode in ("validate", "compile"):
            setup_validator(job)
            if job.link:
                make_links(job)
        else:
            job.code, tree, job.source = compile_submission(job.source, job.filename)
            hit = find_forbidden(tree, job.forbidden)
            if hit:
                raise CompileFailure("forbidden", hit[0], hit[1])
            findings = lint(tree, job.filename, job.mode)
            del tree
    except CompileFailure as e:
        h.send({"type": "compile_error", "kind": e.kind, "line": e.line, "message": e.message})
        h.send({"type": "end"})
        return 0
    compiled = {"type": "compiled"}
    if job.mode != "validate" and findings is not None:
        compiled["lint"] = findings
    h.send(compiled)
    freeze()
    try:
        if run_tests(h, job):
            h.send({"type": "end"})
    except EOFError:
        pass
    finally:
        if job.mode in ("validate", "compile"):
            shutil.rmtree(job.validator_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
