"""Tests for harness.py, driven through the real framed protocol as a subprocess on the host.

Run: python3 -m unittest discover -s runner-images/python -p 'test_*.py'

The host has no memory cgroup limit, so the cgroup OOM test skips here (the Go integration tests
cover OOM inside Docker); everything else runs for real.
"""

import json
import os
import platform
import resource
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "harness.py")
NOBODY = 65534

# harness.MEMORY_SLACK_MB: how far a reported peak may be over the limit (docs/harness-protocol.md).
MEMORY_SLACK_MB = 48

LIMITS = {"time_ms": 2000, "wall_ms": 6000, "memory_mb": 256, "output_bytes": 1 << 20,
          "stderr_bytes": 1 << 14}


# As root, the isolation tests run the harness as nobody, from a copy nobody can read (the
# checkout may sit under a directory closed to other users).
nobody_copy = None


def setUpModule():
    global nobody_copy
    if os.geteuid() == 0:
        d = tempfile.mkdtemp(prefix="judge-harness-test-")
        os.chmod(d, 0o755)
        nobody_copy = os.path.join(d, "harness.py")
        shutil.copyfile(HARNESS, nobody_copy)
        os.chmod(nobody_copy, 0o644)


def tearDownModule():
    if nobody_copy:
        shutil.rmtree(os.path.dirname(nobody_copy), ignore_errors=True)


def frame(b):
    return struct.pack(">I", len(b)) + b


class Outcome:
    """What the harness said: hello, compile report, results with their output frames."""

    def __init__(self, messages, stderr, returncode):
        self.hello = messages[0][0]
        self.compiled = messages[1][0]
        self.results = [(m, out) for m, out in messages[2:] if m["type"] == "result"]
        self.starts = [m for m, _ in messages[2:] if m["type"] == "start"]
        self.ended = messages[-1][0]["type"] == "end"
        self.stderr = stderr
        self.returncode = returncode

    def result(self, i=0):
        return self.results[i][0]

    def output(self, i=0):
        return self.results[i][1]


def parse(stream):
    """Splits the harness's stdout into (report, output-or-None); fails on any malformed frame."""
    frames, i = [], 0
    while i < len(stream):
        if i + 4 > len(stream):
            raise AssertionError(f"truncated frame header at byte {i}")
        (n,) = struct.unpack(">I", stream[i:i + 4])
        if i + 4 + n > len(stream):
            raise AssertionError(f"truncated frame at byte {i}")
        frames.append(stream[i + 4:i + 4 + n])
        i += 4 + n
    messages, k = [], 0
    while k < len(frames):
        m = json.loads(frames[k])
        if m["type"] == "result":
            messages.append((m, frames[k + 1]))
            k += 2
        else:
            messages.append((m, None))
            k += 1
    return messages


def interpreter_for(uid):
    """A python3 the given uid can run (pyenv under /root is not readable by nobody)."""
    for exe in (sys.executable, "/usr/bin/python3"):
        try:
            r = subprocess.run([exe, "-c", "import sys; print(sys.version_info[:2])"],
                               user=uid, group=uid, extra_groups=[], capture_output=True,
                               timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        if r.returncode == 0 and r.stdout.strip() == b"(3, 11)":
            return exe
    return None


def harness(mode="stdio", source="", tests=(), function=None, forbidden=None, limits=None,
            validator=None, as_nobody=False, filename="solution.py", exe=None, link=None,
            declared_tests=None, isolate=False, preexec=None, cwd="/", scratch=None):
    header = {"version": 1, "mode": mode, "filename": filename, "source": source,
              "limits": dict(LIMITS, **(limits or {})),
              "tests": len(tests) if declared_tests is None else declared_tests,
              "forbidden": forbidden or {"calls": [], "methods": [], "modules": [], "syntax": []}}
    if link:
        header["link"] = link
    if isolate:
        header["isolate"] = True
    if function:
        header["function"] = function
    if validator:
        header["validator"] = validator
    data = frame(json.dumps(header).encode())
    for t in tests:
        for f in (t if isinstance(t, (list, tuple)) else [t]):
            data += frame(f if isinstance(f, bytes) else f.encode())
    kw = {} if preexec is None else {"preexec_fn": preexec}
    if scratch is not None:  # the harness's tempfile folder (its scratch)
        kw["env"] = dict(os.environ, TMPDIR=scratch)
    exe, path = exe or sys.executable, HARNESS
    if as_nobody and os.geteuid() == 0:
        # As root a child could open /proc/<harness>/fd regardless of dumpability; the sandbox
        # runs the harness as nobody, so do the same.
        exe = interpreter_for(NOBODY)
        if exe is None:
            raise unittest.SkipTest("no python3.11 runnable as nobody")
        kw.update(user=NOBODY, group=NOBODY, extra_groups=[])
        path = nobody_copy
    p = subprocess.run([exe, "-I", "-B", path], input=data, capture_output=True, timeout=120,
                       cwd=cwd, **kw)
    return Outcome(parse(p.stdout), p.stderr, p.returncode)


def src(text):
    return textwrap.dedent(text).lstrip("\n")


def fn(name, params, returns="json"):
    return {"name": name, "params": params, "returns": returns}


class ProtocolTest(unittest.TestCase):
    def test_hello_and_end(self):
        o = harness(source="print(1)\n", tests=["", ""])
        self.assertEqual(o.hello, {"type": "hello", "harness": 1, "python": platform.python_version()})
        self.assertEqual(o.compiled, {"type": "compiled"})
        self.assertEqual([s["test"] for s in o.starts], [0, 1])
        self.assertEqual([r["test"] for r, _ in o.results], [0, 1])
        self.assertTrue(o.ended)
        self.assertEqual(o.returncode, 0)

    def test_no_tests(self):
        o = harness(source="print(1)\n", tests=[])
        self.assertEqual(o.results, [])
        self.assertTrue(o.ended)


class WarmAtHelloTest(unittest.TestCase):
    def test_hello_comes_after_the_usual_imports(self):
        # A pool's container is ready at its hello: a judging that takes it must not share the
        # CPU with its imports. decimal's C module is one of them (preload).
        p = subprocess.Popen([sys.executable, "-I", "-B", HARNESS], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd="/")
        try:
            (size,) = struct.unpack(">I", p.stdout.read(4))
            self.assertEqual(json.loads(p.stdout.read(size))["type"], "hello")
            with open(f"/proc/{p.pid}/maps") as f:
                self.assertIn("_decimal", f.read(), "hello before the imports")
        finally:
            p.kill()
            p.wait()
            p.stdin.close()
            p.stdout.close()


class StdioTest(unittest.TestCase):
    def test_accepted_output_from_stdin(self):
        s = src("""
            import sys
            n = int(input())
            nums = list(map(int, sys.stdin.read().split()))
            print(n, sum(nums))
        """)
        o = harness(source=s, tests=["3\n1 2 3\n", "1\n41\n"])
        self.assertEqual(o.result(0)["status"], "ok")
        self.assertEqual(o.output(0), b"3 6\n")
        self.assertEqual(o.output(1), b"1 41\n")
        self.assertEqual(o.result(0)["exit_code"], 0)
        self.assertIsNone(o.result(0)["signal"])

    def test_large_input_through_the_pipe(self):
        data = "x" * (3 << 20)
        o = harness(source="import sys\nprint(len(sys.stdin.read()))\n", tests=[data])
        self.assertEqual(o.output(), b"%d\n" % len(data))

    def test_program_that_ignores_its_input(self):
        o = harness(source="print('hi')\n", tests=["y" * (1 << 20)])
        self.assertEqual(o.result()["status"], "ok")
        self.assertEqual(o.output(), b"hi\n")

    def test_name_file_and_argv(self):
        s = "import sys\nprint(__name__, __file__, sys.argv, sys.modules['__main__'] is sys.modules[__name__])\n"
        o = harness(source=s, tests=[""])
        self.assertEqual(o.output(), b"__main__ solution.py ['solution.py'] True\n")

    def test_stdio_like_python3(self):
        s = src("""
            import sys
            print(sys.stdin.encoding, sys.stdout.encoding, sys.stdout.line_buffering,
                  sys.stderr.line_buffering, repr(input()))
            sys.stdout.write("no newline, no flush")
        """)
        o = harness(source=s, tests=["caf\u00e9\r\n"])
        plain = subprocess.run([sys.executable, "-I", "-c", s], input="caf\u00e9\r\n".encode(),
                               capture_output=True)
        self.assertEqual(o.output(), plain.stdout)

    def test_runtime_error_reports_the_exception(self):
        s = "x = 1\nraise ValueError('bad value')\n"
        o = harness(source=s, tests=[""])
        r = o.result()
        self.assertEqual(r["status"], "re")
        self.assertEqual(r["exit_code"], 1)
        self.assertEqual(r["error"]["type"], "ValueError")
        self.assertEqual(r["error"]["message"], "bad value")
        self.assertIn("Exception", r["error"]["mro"])
        self.assertIn('File "solution.py", line 2, in <module>', r["stderr"])
        self.assertIn("raise ValueError('bad value')", r["stderr"])
        self.assertNotIn("harness", r["stderr"])
        self.assertTrue(r["stderr"].endswith("ValueError: bad value\n"))

    def test_sys_exit_codes(self):
        cases = [("import sys\nsys.exit(0)\n", "ok", 0, ""),
                 ("import sys\nsys.exit()\n", "ok", 0, ""),
                 ("import sys\nsys.exit(3)\n", "re", 3, ""),
                 ("import sys\nsys.exit('goodbye')\n", "re", 1, "goodbye\n"),
                 ("raise SystemExit(256 + 7)\n", "re", 7, ""),
                 ("import os\nos._exit(5)\n", "re", 5, "")]
        for s, status, code, stderr in cases:
            with self.subTest(source=s):
                r = harness(source=s, tests=[""]).result()
                self.assertEqual((r["status"], r["exit_code"], r["stderr"]), (status, code, stderr))

    def test_output_is_flushed_at_exit(self):
        s = "import sys, atexit\natexit.register(lambda: print('bye'))\nsys.stdout.write('a' * 100000)\nsys.exit(0)\n"
        o = harness(source=s, tests=[""])
        self.assertEqual(o.output(), b"a" * 100000 + b"bye\n")

    def test_killed_by_signal(self):
        o = harness(source="import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", tests=[""])
        r = o.result()
        self.assertEqual((r["status"], r["signal"], r["exit_code"]), ("re", 11, None))

    def test_memory_error_is_mle(self):
        r = harness(source="raise MemoryError\n", tests=[""]).result()
        self.assertEqual(r["status"], "mle")


class LimitTest(unittest.TestCase):
    def test_cpu_time_limit(self):
        o = harness(source="while True:\n    pass\n", tests=[""],
                    limits={"time_ms": 300, "wall_ms": 10000})
        r = o.result()
        self.assertEqual(r["status"], "tle")
        self.assertGreater(r["cpu_ms"], 300)
        self.assertIn("CPU", r["detail"])

    def test_cpu_limit_even_when_sigxcpu_is_ignored(self):
        s = "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass\n"
        r = harness(source=s, tests=[""], limits={"time_ms": 200, "wall_ms": 10000}).result()
        self.assertEqual(r["status"], "tle")

    def test_wall_time_limit(self):
        o = harness(source="import time\ntime.sleep(30)\n", tests=["", ""],
                    limits={"time_ms": 1000, "wall_ms": 400})
        for i in range(2):
            r = o.result(i)
            self.assertEqual(r["status"], "tle")
            self.assertIn("wall", r["detail"])
            self.assertEqual(r["signal"], 9)

    def test_output_limit(self):
        s = "import sys\nwhile True:\n    sys.stdout.write('x' * 4096)\n"
        o = harness(source=s, tests=[""], limits={"output_bytes": 100000})
        self.assertEqual(o.result()["status"], "ole")
        self.assertEqual(len(o.output()), 100000)

    def test_stdout_and_stderr_share_the_output_limit(self):
        s = "import sys\nprint('x' * 60000)\nsys.stderr.write('y' * 60000)\nsys.stderr.flush()\nimport time\ntime.sleep(5)\n"
        o = harness(source=s, tests=[""], limits={"output_bytes": 100000, "stderr_bytes": 10})
        r = o.result()
        self.assertEqual(r["status"], "ole")
        self.assertEqual(r["stderr"], "y" * 10)

    def test_stderr_is_capped_not_fatal(self):
        s = "import sys\nsys.stderr.write('e' * 5000)\nprint('done')\n"
        o = harness(source=s, tests=[""], limits={"stderr_bytes": 100})
        r = o.result()
        self.assertEqual(r["status"], "ok")
        self.assertEqual(r["stderr"], "e" * 100)
        self.assertEqual(o.output(), b"done\n")

    def test_one_allocation_over_the_limit_is_refused_at_once(self):
        s = "x = bytearray(120 * 1024 * 1024)\nprint('done')\n"
        r = harness(source=s, tests=[""], limits={"memory_mb": 64}).result()
        self.assertEqual(r["status"], "mle")
        self.assertIn("MemoryError", r["detail"])
        self.assertLess(r["memory_kb"], 64 * 1024, "refused before it was touched")

    def test_growing_memory_is_mle_within_the_slack(self):
        s = "x = []\nwhile True:\n    x.append(bytearray(1 << 20))\n"
        r = harness(source=s, tests=[""], limits={"memory_mb": 64}).result()
        self.assertEqual(r["status"], "mle")
        self.assertGreater(r["memory_kb"], 64 * 1024)
        self.assertLessEqual(r["memory_kb"], (64 + MEMORY_SLACK_MB) * 1024)

    def test_caught_memoryerror_after_growing_is_still_mle(self):
        s = src("""
            x = []
            try:
                while True:
                    x.append(bytearray(8 << 20))
            except MemoryError:
                x.clear()
            print("ok")
        """)
        # The watchdog stops it over the limit, or it catches MemoryError and its peak decides.
        r = harness(source=s, tests=[""], limits={"memory_mb": 64}).result()
        self.assertEqual(r["status"], "mle")
        self.assertGreater(r["memory_kb"], 64 * 1024)

    def test_private_anonymous_mmap_over_the_limit_is_refused(self):
        s = "import mmap\nm = mmap.mmap(-1, 1 << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)\n"
        r = harness(source=s, tests=[""], limits={"memory_mb": 64}).result()
        self.assertEqual(r["status"], "mle")
        self.assertIn("Errno 12", r["detail"])

    def test_shared_anonymous_mmap_touched_over_the_limit_is_mle(self):
        # mmap.mmap(-1, n) is MAP_SHARED: shared memory, which RLIMIT_DATA does not limit; the
        # watchdog counts it.
        s = "import mmap\nm = mmap.mmap(-1, 1 << 30)\nfor i in range(0, 1 << 30, 4096):\n    m[i] = 1\n"
        r = harness(source=s, tests=[""], limits={"memory_mb": 64, "wall_ms": 60000}).result()
        self.assertEqual(r["status"], "mle", r)
        self.assertIn("processes were stopped", r["detail"])
        self.assertLessEqual(r["memory_kb"], (64 + MEMORY_SLACK_MB) * 1024)

    def test_memory_of_several_processes_adds_up(self):
        # Three processes with 40 MiB each: none is over 64 MiB, together they are. Each holds
        # its memory until killed (the parent never writes to the pipe they wait on).
        s = src("""
            import os
            go_r, go_w = os.pipe()
            ready_r, ready_w = os.pipe()
            for _ in range(3):
                if os.fork() == 0:
                    data = bytearray(40 << 20)
                    os.write(ready_w, b"1")
                    os.read(go_r, 1)
                    os._exit(0)
            for _ in range(3):
                os.read(ready_r, 1)
            print("all holding")
            os.read(go_r, 1)
        """)
        o = harness(source=s, tests=[""], limits={"memory_mb": 64, "wall_ms": 60000})
        r = o.result()
        self.assertEqual(r["status"], "mle", r)
        self.assertIn("processes were stopped", r["detail"])
        self.assertGreater(r["memory_kb"], 64 * 1024)
        self.assertLessEqual(r["memory_kb"], (64 + MEMORY_SLACK_MB) * 1024)

    def test_ninety_percent_of_the_limit_is_accepted(self):
        s = "x = bytearray(int(64 * 0.9 * (1 << 20)))\nprint(len(x) > 0)\n"
        o = harness(source=s, tests=[""], limits={"memory_mb": 64})
        self.assertEqual((o.result()["status"], o.output()), ("ok", b"True\n"))

    def test_memory_is_measured(self):
        s = "x = bytearray(40 * 1024 * 1024)\nfor i in range(0, len(x), 4096):\n    x[i] = 1\n"
        r = harness(source=s, tests=[""]).result()
        self.assertEqual(r["status"], "ok")
        self.assertGreater(r["memory_kb"], 35 * 1024)

    def test_oom_kill_in_memory_cgroup(self):
        limited = False
        for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
            try:
                with open(path) as f:
                    value = f.read().strip()
            except OSError:
                continue
            limited = value != "max" and int(value) < (1 << 40)
        if not limited:
            self.skipTest("no memory cgroup limit on this host; the Go integration tests cover OOM in Docker")
        s = "x = []\nwhile True:\n    x.append(bytearray(1 << 20))\n"
        r = harness(source=s, tests=[""], limits={"memory_mb": 1 << 20}).result()
        self.assertEqual(r["status"], "mle")


class AccountingTest(unittest.TestCase):
    """The test is charged from the mark its harness code sends before untrusted code runs."""

    def test_argument_building_is_not_charged(self):
        # process_time() in the child counts from the fork: building 2*10^6 arguments first is
        # the bulk of it, and none of it may be in the report.
        s = "import time\ndef f(xs):\n    return time.process_time() * 1000\n"
        data = json.dumps([list(range(2 * 10**6))])
        o = harness("function", s, [data], function=fn("f", ["json"]))
        r = o.result()
        self.assertEqual(r["status"], "ok", r)
        since_fork_ms = json.loads(o.output())
        self.assertLess(r["cpu_ms"], since_fork_ms)

    def test_a_mark_written_later_changes_nothing(self):
        # The submission burns CPU, then writes the mark byte to every fd it might guess: the
        # mark pipe is closed by then, so its CPU is still all charged.
        s = src("""
            import os, time
            t0 = time.process_time()
            while time.process_time() - t0 < 0.3:
                pass
            burned = (time.process_time() - t0) * 1000
            for fd in range(3, 256):
                try:
                    os.write(fd, b"M")
                except OSError:
                    pass
            print(f"{burned:.3f}")
        """)
        o = harness(source=s, tests=[""], as_nobody=True)
        r = o.result()
        self.assertEqual(r["status"], "ok", r)
        self.assertGreaterEqual(r["cpu_ms"], float(o.output()))

    def test_submission_cannot_claim_an_internal_error(self):
        # The harness's own "I" result and exit code are believed only before the mark.
        s = "import os\nos.write(3, b'Ithe judge broke')\nos._exit(125)\n"
        r = harness(source=s, tests=[""]).result()
        self.assertEqual((r["status"], r["exit_code"]), ("re", 125))

    def test_cpu_limit_counts_from_the_mark(self):
        # A big argument costs the child CPU before the mark; the limit still stops only the
        # submission's own busy loop, and the report is over the limit.
        s = "def f(xs):\n    while True:\n        pass\n"
        data = json.dumps([list(range(10**6))])
        r = harness("function", s, [data], function=fn("f", ["json"]),
                    limits={"time_ms": 300, "wall_ms": 10000}).result()
        self.assertEqual(r["status"], "tle")
        self.assertGreater(r["cpu_ms"], 300)


def harness_module():
    """harness.py imported as a module, for its pure functions."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("judge_harness", HARNESS)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class WallTest(unittest.TestCase):
    def test_waiting_for_a_cpu_does_not_count_against_the_wall_limit(self):
        h = harness_module()
        self.assertEqual(h.wall_deadline(100.0, 5.0, 0.0), 105.0, "not starved: the plain limit")
        self.assertEqual(h.wall_deadline(100.0, 5.0, 3.5), 108.5, "starved 3.5 s: 3.5 s more")
        self.assertEqual(h.wall_deadline(100.0, 5.0, 60.0), 100.0 + 5.0 * (1 + h.WALL_STARVED_MAX),
                         "bounded, so a judge on a hopelessly overloaded machine still ends")
        self.assertEqual(h.wall_deadline(100.0, 5.0, -1.0), 105.0)

    def test_the_longest_wait_of_any_process_of_the_test_counts(self):
        h = harness_module()
        delays = {10: 500.0, 11: 2000.0, 12: 300.0}
        h.run_delay_ms = lambda p: delays.get(p, 0.0)
        h.test_pids = lambda _h, pid: [pid, 11, 12]
        self.assertEqual(h.test_run_delay_ms(None, 10, 400.0), 2000.0,
                         "a starved child (the parent blocked in a read) holds the test back")
        h.test_pids = lambda _h, pid: [pid]
        self.assertEqual(h.test_run_delay_ms(None, 10, 400.0), 100.0,
                         "the first process counts from the mark")
        delays[11] = 50.0
        h.test_pids = lambda _h, pid: [pid, 11]
        self.assertEqual(h.test_run_delay_ms(None, 10, 400.0), 100.0, "the longest, not the sum")

    def test_a_test_the_machine_holds_back_past_its_deadline_is_not_killed_yet(self):
        h = harness_module()
        run = h.Run()
        sleeping = {10: (b"S", 400.0), 11: (b"S", 100.0)}
        self.assertFalse(h.held_back(run, 10.0, sleeping), "asleep (sleep(), a blocked read): its own doing")
        run = h.Run()
        self.assertTrue(h.held_back(run, 10.0, {10: (b"S", 400.0), 11: (b"D", 100.0)}),
                        "a thread waiting for the kernel's I/O is held back")
        run = h.Run()
        self.assertTrue(h.held_back(run, 10.0, {10: (b"S", 400.0), 12: (b"R", 100.0)}),
                        "runnable at the first look: cannot tell yet")
        self.assertTrue(h.held_back(run, 10.1, {10: (b"S", 400.0), 12: (b"R", 110.0)}),
                        "10 ms of CPU in 100 ms: starved (a feeder thread, a child allocating)")
        self.assertFalse(h.held_back(run, 10.2, {10: (b"S", 400.0), 12: (b"R", 200.0)}),
                         "90 ms of CPU in 100 ms: it runs, it is not held back (a busy thread)")
        self.assertTrue(h.held_back(run, 10.3, {10: (b"S", 400.0), 13: (b"R", 5.0)}),
                        "a thread not seen at the last look: cannot tell yet")

    def test_held_back_reads_every_thread_of_every_process(self):
        h = harness_module()
        h.test_pids = lambda _h, pid: [os.getpid()]
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        try:
            # Until the new thread is blocked in wait(): just started, on a busy machine it is
            # still runnable (R) for a while (seen in a make test beside other work).
            deadline = time.monotonic() + 10
            while True:
                got = h.thread_states(None, os.getpid())
                if got.get(t.native_id, (b"?",))[0] == b"S" or time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        finally:
            stop.set()
            t.join()
        self.assertIn(threading.get_native_id(), got)
        self.assertIn(t.native_id, got, "a second thread is seen, not only the process's first")
        self.assertEqual(got[t.native_id][0], b"S")

    def test_the_watchdog_looks_at_the_pace_the_test_runs(self):
        h = harness_module()
        run = h.Run()
        self.assertEqual(h.memory_pace(run, 10.0, 500.0), 1.0, "the first look: full pace")
        self.assertAlmostEqual(h.memory_pace(run, 10.1, 550.0), 0.5, msg="50 ms of CPU in 100 ms")
        self.assertEqual(h.memory_pace(run, 10.2, 551.0), h.MEMORY_PACE_FLOOR,
                         "a starved test: looks a tenth as often, not less")
        self.assertEqual(h.memory_pace(run, 10.3, 751.0), 1.0, "two busy processes: still full pace")
        self.assertEqual(h.memory_pace(run, 10.3, 760.0), 1.0, "no time between two looks")

    def test_the_watchdog_sees_a_process_waiting_on_the_kernel(self):
        h = harness_module()
        states = {10: (5000, 3000, b"S"), 11: (9000, 7000, b"D"), 12: None}
        h.test_pids = lambda _h, pid: [pid, 11, 12]
        h.proc_status = lambda p: states[p]
        h.cpu_ms_of = lambda p: {10: 5.0, 11: 20.0}.get(p, 0.0)
        self.assertEqual(h.test_usage(None, 10, 1000), (2000 + 6000, 25.0, True),
                         "memory above the base, CPU summed, one in D; a gone one counts nothing")
        states[11] = (9000, 7000, b"R")
        self.assertFalse(h.test_usage(None, 10, 1000)[2], "running or sleeping: not held up")

    def test_a_sleeping_test_still_runs_out_of_wall_time(self):
        o = harness(source="import time\ntime.sleep(60)\n", tests=[""],
                    limits={"time_ms": 200, "wall_ms": 600})
        r = o.result()
        self.assertEqual(r["status"], "tle", r)
        self.assertIn("wall time", r["detail"])


class RecursionTest(unittest.TestCase):
    """The submission sees exactly the recursion limit `python3 solution.py` gives it."""

    PROBE_STDIO = src("""
        def f(n):
            try:
                return f(n + 1)
            except RecursionError:
                return n
        print(f(1))
    """)
    PROBE_CLASS = src("""
        class Solution:
            def probe(self, n):
                try:
                    return self.probe(n + 1)
                except RecursionError:
                    return n
    """)

    def plain(self, source):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "solution.py")
            with open(path, "w") as f:
                f.write(source)
            return subprocess.run([sys.executable, "-I", path], capture_output=True, cwd=d)

    def test_same_depth_as_python3(self):
        want = self.plain(self.PROBE_STDIO).stdout
        self.assertEqual(harness(source=self.PROBE_STDIO, tests=[""]).output(), want)
        plain_call = self.plain(self.PROBE_CLASS + "print(Solution().probe(1))\n").stdout
        o = harness("function", self.PROBE_CLASS, ["[1]"], function=fn("probe", ["json"]))
        self.assertEqual(o.output() + b"\n", plain_call)

    def test_depth_990_works_1000_fails(self):
        s = "import sys\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(int(input())))\n"
        o = harness(source=s, tests=["990", "1000"])
        self.assertEqual((o.result(0)["status"], o.output(0)), ("ok", b"990\n"))
        r = o.result(1)
        self.assertEqual(r["status"], "re")
        self.assertEqual(r["error"]["type"], "RecursionError")
        plain = self.plain(s.replace("int(input())", "1000"))
        self.assertEqual(plain.returncode, 1)
        self.assertEqual(r["stderr"].splitlines()[-1], plain.stderr.decode().splitlines()[-1])

    def test_limit_reads_like_python3(self):
        s = "import sys\nprint(sys.getrecursionlimit())\nsys.setrecursionlimit(1500)\nprint(sys.getrecursionlimit())\n"
        self.assertEqual(harness(source=s, tests=[""]).output(), b"1000\n1500\n")
        o = harness("function", "import sys\ndef f():\n    return sys.getrecursionlimit()\n", ["[]"],
                    function=fn("f", []))
        self.assertEqual(o.output(), b"1000")

    def test_raised_limit_at_module_level_holds_in_the_call(self):
        s = "import sys\nsys.setrecursionlimit(10**5)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n"
        o = harness("function", s, ["[20000]"], function=fn("f", ["json"]))
        self.assertEqual((o.result()["status"], o.output()), ("ok", b"20000"))

    def test_function_depth(self):
        s = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n"
        o = harness("function", s, ["[990]", "[1000]"], function=fn("f", ["json"]))
        self.assertEqual((o.result(0)["status"], o.output(0)), ("ok", b"990"))
        self.assertEqual(o.result(1)["status"], "raised")
        self.assertEqual(o.result(1)["error"]["type"], "RecursionError")


class FunctionTest(unittest.TestCase):
    def test_module_function(self):
        s = "def two_sum(nums: List[int], target: int) -> List[int]:\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n"
        o = harness("function", s, ["[[2, 7, 11, 15], 9]", "[[3, 2, 4], 6]"],
                    function=fn("two_sum", ["json", "json"]))
        self.assertEqual([o.output(0), o.output(1)], [b"[0,1]", b"[1,2]"])
        self.assertEqual(o.result()["status"], "ok")

    def test_class_solution(self):
        s = "class Solution:\n    def add(self, a, b):\n        return (a + b, __name__)\n"
        o = harness("function", s, ["[1, 2]"], function=fn("add", ["json", "json"]))
        self.assertEqual(o.output(), b'[3,"solution"]')

    def test_main_guard_does_not_run(self):
        s = "def f():\n    return 1\nif __name__ == '__main__':\n    raise SystemExit(9)\n"
        o = harness("function", s, ["[]"], function=fn("f", []))
        self.assertEqual((o.result()["status"], o.output()), ("ok", b"1"))

    def test_big_ints_round_trip(self):
        big = "1" + "0" * 5000
        s = "def f(x):\n    return x * 10\n"
        o = harness("function", s, [f"[{big}]"], function=fn("f", ["json"]))
        self.assertEqual(o.output(), (big + "0").encode())

    def test_prints_go_to_stdout_field(self):
        s = "def f():\n    print('debug')\n    return None\n"
        o = harness("function", s, ["[]"], function=fn("f", []))
        self.assertEqual(o.output(), b"null")
        self.assertEqual(o.result()["stdout"], "debug\n")

    def test_missing_function(self):
        o = harness("function", "def g():\n    pass\n", ["[]"], function=fn("f", []))
        self.assertEqual(o.result()["status"], "re")
        self.assertIn("no function f()", o.result()["detail"])

    def test_expected_exception(self):
        s = "class Solution:\n    def f(self, x):\n        if x < 0:\n            raise KeyError('negative')\n        return x\n"
        o = harness("function", s, ["[-1]", "[2]"], function=fn("f", ["json"]))
        r = o.result(0)
        self.assertEqual(r["status"], "raised")
        self.assertEqual(r["error"]["type"], "KeyError")
        self.assertEqual(r["error"]["mro"], ["KeyError", "LookupError", "Exception", "BaseException", "object"])
        self.assertEqual(o.output(0), b"")
        self.assertEqual(o.output(1), b"2")

    def test_error_at_module_level_is_re(self):
        o = harness("function", "import nonexistent_module_xyz\n", ["[]"], function=fn("f", []))
        r = o.result()
        self.assertEqual(r["status"], "re")
        self.assertEqual(r["error"]["type"], "ModuleNotFoundError")

    def test_sys_exit_in_function_is_re(self):
        o = harness("function", "import sys\ndef f():\n    sys.exit(0)\n", ["[]"], function=fn("f", []))
        self.assertEqual(o.result()["status"], "re")

    def test_bad_returns(self):
        cases = [("return {1, 2}", "set"), ("return float('nan')", "Out of range"),
                 ("x = []\n    x.append(x)\n    return x", "Circular"),
                 ("return object()", "object")]
        for body, detail in cases:
            with self.subTest(body=body):
                o = harness("function", f"def f():\n    {body}\n", ["[]"], function=fn("f", []))
                self.assertEqual(o.result()["status"], "bad_return")
                self.assertIn(detail, o.result()["detail"])

    def test_tuples_are_arrays(self):
        o = harness("function", "def f():\n    return (1, (2, 'a'), [None, True])\n", ["[]"],
                    function=fn("f", []))
        self.assertEqual(o.output(), b'[1,[2,"a"],[null,true]]')

    def test_malformed_input_is_internal(self):
        o = harness("function", "def f(a):\n    return a\n", ["[1, 2", "{}", "[1, 2]", "[3]"],
                    function=fn("f", ["json"]))
        for i in range(3):
            self.assertEqual(o.result(i)["status"], "internal")
            self.assertNotEqual(o.result(i)["detail"], "")
        self.assertEqual((o.result(3)["status"], o.output(3)), ("ok", b"3"))

    def test_injected_names(self):
        s = "def f() -> Optional[Dict[str, Any]]:\n    return [n.__name__ if hasattr(n, '__name__') else str(n) for n in (ListNode, TreeNode)] + [str(List[int])]\n"
        o = harness("function", s, ["[]"], function=fn("f", []))
        self.assertEqual(json.loads(o.output()), ["ListNode", "TreeNode", "typing.List[int]"])


class AdapterTest(unittest.TestCase):
    def test_list_node_round_trip(self):
        s = src("""
            class Solution:
                def reverse(self, head: Optional[ListNode]) -> Optional[ListNode]:
                    prev = None
                    while head:
                        head.next, prev, head = prev, head, head.next
                    return prev
        """)
        o = harness("function", s, ["[[1, 2, 3]]", "[[]]", "[[7]]"],
                    function=fn("reverse", ["ListNode"], "ListNode"))
        self.assertEqual([o.output(i) for i in range(3)], [b"[3,2,1]", b"[]", b"[7]"])

    def test_cyclic_list_is_bad_return(self):
        s = "def f(head):\n    head.next.next.next = head.next\n    return head\n"
        o = harness("function", s, ["[[1, 2, 3]]"], function=fn("f", ["ListNode"], "ListNode"))
        self.assertEqual(o.result()["status"], "bad_return")
        self.assertIn("cycle", o.result()["detail"])

    def test_self_loop_is_bad_return(self):
        s = "def f(head):\n    head.next = head\n    return head\n"
        o = harness("function", s, ["[[1]]"], function=fn("f", ["ListNode"], "ListNode"))
        self.assertEqual(o.result()["status"], "bad_return")

    def test_tree_node_round_trip(self):
        s = src("""
            def invert(root):
                if root:
                    root.left, root.right = invert(root.right), invert(root.left)
                return root
        """)
        o = harness("function", s, ["[[4, 2, 7, 1, 3, 6, 9]]", "[[]]", "[[1, null, 2, 3]]"],
                    function=fn("invert", ["TreeNode"], "TreeNode"))
        self.assertEqual(o.output(0), b"[4,7,2,9,6,3,1]")
        self.assertEqual(o.output(1), b"[]")
        self.assertEqual(o.output(2), b"[1,2,null,null,3]")

    def test_tree_argument_shape(self):
        s = "def f(root):\n    return [root.val, root.left, root.right.val, root.right.left.val]\n"
        o = harness("function", s, ["[[1, null, 2, 3]]"], function=fn("f", ["TreeNode"]))
        self.assertEqual(o.output(), b"[1,null,2,3]")

    def test_cyclic_tree_is_bad_return(self):
        s = "def f(root):\n    root.left.left = root\n    return root\n"
        o = harness("function", s, ["[[1, 2]]"], function=fn("f", ["TreeNode"], "TreeNode"))
        self.assertEqual(o.result()["status"], "bad_return")


class CompileTest(unittest.TestCase):
    def test_syntax_error(self):
        o = harness(source="x = 1\ny = 2\nif x\n    pass\n", tests=[""])
        self.assertEqual(o.compiled["type"], "compile_error")
        self.assertEqual(o.compiled["kind"], "syntax")
        self.assertEqual(o.compiled["line"], 3)
        self.assertEqual(o.compiled["message"], "SyntaxError: expected ':' (line 3)")
        self.assertEqual(o.results, [])
        self.assertTrue(o.ended)

    def test_indentation_error(self):
        o = harness(source="def f():\nreturn 1\n", tests=[""])
        self.assertEqual((o.compiled["kind"], o.compiled["line"]), ("syntax", 2))
        self.assertTrue(o.compiled["message"].startswith("IndentationError: "))

    def test_compile_stage_error(self):
        o = harness(source="x = 1\nreturn x\n", tests=[""])
        self.assertEqual(o.compiled["message"], "SyntaxError: 'return' outside function (line 2)")

    def test_null_byte(self):
        o = harness(source="print(1)\nx = 2\0\n", tests=[""])
        self.assertEqual(o.compiled["type"], "compile_error")
        self.assertEqual(o.compiled["line"], 2)
        self.assertIn("null bytes", o.compiled["message"])

    def test_forbidden(self):
        cases = [
            ({"calls": ["sorted"]}, "a = [3, 1]\nb = 0\nc = sorted(a)\n", 3, "forbidden: sorted() at line 3"),
            ({"calls": ["sorted"]}, "key = sorted\n", 1, "forbidden: sorted() at line 1"),
            ({"modules": ["re"]}, "import re\n", 1, "forbidden: import re at line 1"),
            ({"modules": ["collections"]}, "x = 1\nfrom collections import deque\n", 2,
             "forbidden: import collections at line 2"),
            ({"modules": ["os"]}, "import os.path\n", 1, "forbidden: import os.path at line 1"),
            ({"modules": ["heapq"]}, "h = __import__('heapq')\n", 1, "forbidden: import heapq at line 1"),
            ({"methods": ["find"]}, "s = 'abc'\n\n\n\ni = s.find('b')\n", 5, "forbidden: .find() at line 5"),
            ({"methods": ["sort"]}, "a = []\ngetattr(a, 'sort')()\n", 2, "forbidden: .sort() at line 2"),
            ({"syntax": ["slice"]}, "a = [1, 2]\nb = a[1:]\n", 2, "forbidden: slice syntax at line 2"),
            ({"syntax": ["in"]}, "a = [1]\nfor x in a:\n    pass\nprint(1 in a)\n", 4,
             "forbidden: 'in' operator at line 4"),
            ({"syntax": ["in"]}, "print(1 not in [])\n", 1, "forbidden: 'not in' operator at line 1"),
        ]
        for forbidden, source, line, message in cases:
            with self.subTest(source=source):
                o = harness(source=source, tests=[""], forbidden=forbidden)
                self.assertEqual(o.compiled, {"type": "compile_error", "kind": "forbidden",
                                              "line": line, "message": message})
                self.assertEqual(o.results, [])

    def test_first_forbidden_in_source_order(self):
        forbidden = {"calls": ["sorted"], "methods": ["sort"], "modules": ["re"], "syntax": ["slice", "in"]}
        s = "a = [2, 1]\nb = a[0:1]\nimport re\nc = sorted(a)\na.sort()\n"
        o = harness(source=s, tests=[""], forbidden=forbidden)
        self.assertEqual(o.compiled["message"], "forbidden: slice syntax at line 2")

    def test_allowed_program_passes_the_check(self):
        forbidden = {"calls": ["sorted"], "methods": ["sort"], "modules": ["re"], "syntax": ["slice", "in"]}
        s = "a = [2, 1]\nfor x in a:\n    print(x)\n"
        o = harness(source=s, tests=[""], forbidden=forbidden)
        self.assertEqual(o.compiled["type"], "compiled")
        self.assertEqual(o.output(), b"2\n1\n")


def pyflakes_interpreter():
    """A python3.11 that can import pyflakes, as the runner image's (Debian's python3-pyflakes)."""
    for exe in (sys.executable, "/usr/bin/python3"):
        try:
            r = subprocess.run([exe, "-I", "-c", "import sys, pyflakes; print(sys.version_info[:2])"],
                               capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            continue
        if r.returncode == 0 and r.stdout.strip() == b"(3, 11)":
            return exe
    return None


class LintTest(unittest.TestCase):
    """pyflakes on the submission, reported with `compiled`: advisory, the tests run as ever."""

    def setUp(self):
        self.exe = pyflakes_interpreter()
        if self.exe is None:
            self.fail("no python3.11 here can import pyflakes: apt-get install python3-pyflakes "
                      "(make harness-test does; the runner image has it)")

    def test_findings_with_lines(self):
        s = src("""
            import os
            import sys

            def f():
                unused = 1
                return missing

            def f():
                return 2
            print(f(), sys.maxsize > 0)
        """)
        o = harness(source=s, tests=[""], exe=self.exe)
        self.assertEqual(o.compiled["type"], "compiled")
        lint = o.compiled["lint"]
        self.assertTrue(lint["tool"].startswith("pyflakes "), lint)
        got = [(f["line"], f["kind"]) for f in lint["findings"]]
        self.assertEqual(got, [(1, "UnusedImport"), (5, "UnusedVariable"), (6, "UndefinedName"),
                               (8, "RedefinedWhileUnused")])
        self.assertEqual(lint["total"], 4)
        self.assertIn("'os' imported but unused", lint["findings"][0]["message"])
        self.assertEqual(o.result()["status"], "ok", "lint findings do not stop the tests")
        self.assertEqual(o.output(), b"2 True\n")

    def test_function_mode_names_are_builtins(self):
        s = "def rev(head: Optional[ListNode]) -> List[int]:\n    return []\n"
        o = harness(mode="function", source=s, tests=["[[]]"], function=fn("rev", ["json"]), exe=self.exe)
        self.assertEqual(o.compiled["lint"]["findings"], [])
        o = harness(source=s, tests=[""], exe=self.exe)
        kinds = {f["kind"] for f in o.compiled["lint"]["findings"]}
        self.assertEqual(kinds, {"UndefinedName"}, "in stdio mode nothing is provided")

    def test_capped(self):
        s = "".join(f"import m{i}\n" for i in range(150))
        o = harness(source=s, tests=[], exe=self.exe)
        self.assertEqual(len(o.compiled["lint"]["findings"]), 100)
        self.assertEqual(o.compiled["lint"]["total"], 150)

    def test_no_lint_on_compile_error(self):
        o = harness(source="import os\nif x\n", tests=[""], exe=self.exe)
        self.assertEqual(o.compiled["type"], "compile_error")
        self.assertNotIn("lint", o.compiled)


class IsolationTest(unittest.TestCase):
    def test_child_cannot_reach_the_frame_channel(self):
        s = src("""
            import os
            opened = []
            for fd in range(3, 21):
                try:
                    os.write(fd, b"\\x00\\x00\\x00\\x05EVIL!")
                    opened.append(fd)
                except OSError:
                    pass
            for path in ("/proc/%d/fd/1" % os.getppid(), "/proc/%d/fd/0" % os.getppid()):
                try:
                    with open(path, "wb") as f:
                        f.write(b"\\x00\\x00\\x00\\x05EVIL!")
                    opened.append(path)
                except OSError:
                    pass
            print(opened)
        """)
        for isolate, reached in ((True, b"[3, 4]\n"), (False, b"[3, 4]\n")):
            o = harness(source=s, tests=["", ""], as_nobody=True, isolate=isolate)  # parse() rejects a corrupt stream
            self.assertTrue(o.ended)
            self.assertEqual([r["status"] for r, _ in o.results], ["ok", "ok"])
            # fd 3 is the test's own result pipe (that only reports about itself), fd 4 its mark
            # pipe, where the parent believes only a test's end (anything else closes it, and the
            # run ends with the test; an isolated test is a run of one); nothing else.
            self.assertEqual(o.output(0), reached)
            self.assertEqual(o.output(1), reached)

    def test_daemonised_child_is_gone_before_the_next_test(self):
        with tempfile.TemporaryDirectory() as d:
            os.chmod(d, 0o777)
            pidfile = os.path.join(d, "pid")
            s = src(f"""
                import os, sys, time
                what = input()
                if what == "spawn":
                    if os.fork() == 0:
                        os.setsid()
                        if os.fork() == 0:
                            for fd in (0, 1, 2):
                                os.close(fd)
                            # Written whole, then renamed: the test below waits for the
                            # name, and on a slow machine the sweep after it could otherwise
                            # kill us between creating the file and writing the pid.
                            with open({pidfile!r} + ".new", "w") as f:
                                f.write(str(os.getpid()))
                            os.rename({pidfile!r} + ".new", {pidfile!r})
                            time.sleep(60)
                        os._exit(0)
                    while not os.path.exists({pidfile!r}):
                        time.sleep(0.01)
                    print("spawned")
                else:
                    pid = int(open({pidfile!r}).read())
                    try:
                        with open("/proc/%d/stat" % pid) as f:
                            state = f.read().rsplit(")", 1)[1].split()[0]
                        print("alive" if state != "Z" else "zombie")
                    except FileNotFoundError:
                        print("gone")
            """)
            o = harness(source=s, tests=["spawn", "check"], as_nobody=True)
            self.assertEqual(o.output(0), b"spawned\n")
            self.assertEqual(o.output(1), b"gone\n")

    def test_child_sees_default_signals(self):
        s = "import signal\nprint(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
        o = harness(source=s, tests=[""])
        plain = subprocess.run([sys.executable, "-I", "-c", s], capture_output=True)
        self.assertEqual(o.output(), plain.stdout)
        # python3 keeps SIGINT ignored when it was started so (a background job of a shell
        # without job control): then plain's answer, checked above, is the only right one.
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self.assertTrue(o.output().endswith(b" True\n"))

    def test_tests_do_not_share_state(self):
        s = "import sys\nsys.modules.setdefault('counter', []).append(1)\nprint(len(sys.modules['counter']))\n"
        o = harness(source=s, tests=["", "", ""])
        self.assertEqual([o.output(i) for i in range(3)], [b"1\n"] * 3)


class WritevTest(unittest.TestCase):
    def test_every_buffer_is_written_whole_and_in_order_when_writes_are_partial(self):
        # A blocking pipe takes a writev whole; a signal can still cut one short. A writev that
        # takes at most 1000 bytes a call, beside the real one, must give the same bytes.
        h = harness_module()
        bufs = [b"a" * 7000, b"", b"b" * 3, bytearray(b"c" * 20000), b"d"] + [b"e%d" % i for i in range(3000)]
        real, calls = os.writev, []

        def short(fd, views):
            calls.append(len(views))
            left, cut = 1000, []
            for v in views:
                if left == 0:
                    break
                cut.append(v[:left])
                left -= len(cut[-1])
            return real(fd, cut)

        for writev in (real, short):
            r, w = os.pipe()
            got = bytearray()
            reader = threading.Thread(target=lambda: [got.extend(c) for c in iter(lambda: os.read(r, 4096), b"")])
            reader.start()
            h.os.writev = writev
            try:
                h.writev_all(w, bufs)
            finally:
                h.os.writev = real
                os.close(w)
            reader.join()
            os.close(r)
            self.assertEqual(bytes(got), b"".join(bytes(b) for b in bufs), writev.__name__)
        self.assertGreater(len(calls), 30, "the short writes did happen")


class ScratchTest(unittest.TestCase):
    """The parent works in the scratch from descriptors it holds (harness.held), never by paths
    from /: what it removes there, and the files it makes."""

    def setUp(self):
        self.h = harness_module()
        self.root = tempfile.mkdtemp(prefix="judge-scratch-test-")
        self.addCleanup(shutil.rmtree, self.root, True)
        tempdir, self.h.tempfile.tempdir = self.h.tempfile.tempdir, self.root
        self.addCleanup(setattr, self.h.tempfile, "tempdir", tempdir)

    def put(self, *parts, text="x"):
        path = os.path.join(self.root, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_emptying_removes_everything_below_and_follows_no_link(self):
        top = os.path.join(self.root, "top")
        keep = self.put("outside", "keep")
        self.put("top", "a", "b", "file")
        self.put("top", "locked", "inner", "file")
        os.chmod(os.path.join(top, "locked", "inner"), 0)
        os.chmod(os.path.join(top, "locked"), 0)
        os.symlink(os.path.dirname(keep), os.path.join(top, "dirlink"))
        os.symlink(keep, os.path.join(top, "filelink"))
        self.h.SCRATCH_DIRS = (os.path.join(self.root, "missing"), top)
        self.h.empty_scratch()
        self.assertEqual(os.listdir(top), [])
        self.assertEqual(os.listdir(os.path.dirname(keep)), ["keep"])

    def test_a_validator_test_folder(self):
        secret = self.put("secret", text="not the validator's")
        folder = self.h.TestFolder("judge-test-")
        self.assertEqual(os.path.dirname(folder.path), self.root)
        folder.write("answer", b"3\n")
        os.mkdir(os.path.join(folder.path, "feedback"))
        os.symlink(secret, os.path.join(folder.path, "feedback", "judgemessage.txt"))
        self.assertEqual(folder.read("answer", 100), b"3\n")
        self.assertEqual(folder.read("answer", 1), b"3")
        self.assertEqual(folder.read("feedback/judgemessage.txt", 100), b"", "a link is not followed")
        self.assertEqual(folder.read("missing", 100), b"")
        folder.remove()
        self.assertEqual(os.listdir(self.root), ["secret"])

    def test_a_stdio_input_file(self):
        path, remove = self.h.stdio_input(b"1 2\n")
        self.assertEqual(os.path.dirname(path), self.root)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), b"1 2\n")
        other, remove_other = self.h.stdio_input(b"")
        self.assertNotEqual(other, path)
        remove()
        remove()  # the child may have unlinked it first
        remove_other()
        self.assertEqual(os.listdir(self.root), [])


class SharedProcessTest(unittest.TestCase):
    """Function mode runs its tests in one process until one fails or leaves a thread or a
    process behind (docs/harness-protocol.md, "Function mode: tests share a process")."""

    COUNTER = "calls = []\ndef f(x):\n    calls.append(x)\n    %s\n    return len(calls)\n"

    def run_counter(self, body, n=4, limits=None):
        s = self.COUNTER % body
        o = harness("function", s, ["[%d]" % i for i in range(n)], function=fn("f", ["json"]), limits=limits)
        return o, [r["status"] for r, _ in o.results], [out for _, out in o.results]

    def test_module_state_and_memos_carry_over(self):
        o, statuses, outs = self.run_counter("pass")
        self.assertEqual(statuses, ["ok"] * 4)
        self.assertEqual(outs, [b"1", b"2", b"3", b"4"])
        self.assertEqual([r["stdout"] for r, _ in o.results], [""] * 4)

    def test_a_class_solution_is_made_afresh_for_each_test(self):
        s = "class Solution:\n    seen = 0\n    def __init__(self):\n        self.n = 0\n" \
            "    def f(self, x):\n        self.n += 1\n        Solution.seen += 1\n        return [self.n, Solution.seen]\n"
        o = harness("function", s, ["[0]"] * 3, function=fn("f", ["json"]))
        self.assertEqual([out for _, out in o.results], [b"[1,1]", b"[1,2]", b"[1,3]"])

    def test_each_test_has_its_own_prints(self):
        o, _, _ = self.run_counter("print('test', x)", n=3)
        self.assertEqual([r["stdout"] for r, _ in o.results], ["test 0\n", "test 1\n", "test 2\n"])

    def test_a_failed_test_ends_the_process(self):
        o, statuses, outs = self.run_counter("if x == 1: raise ValueError('one')")
        self.assertEqual(statuses, ["ok", "raised", "ok", "ok"])
        self.assertEqual([outs[0], outs[2], outs[3]], [b"1", b"1", b"2"])

    def test_an_exit_in_a_later_test_is_re_and_ends_the_process(self):
        o, statuses, outs = self.run_counter("if x == 1: raise SystemExit(0)")
        self.assertEqual(statuses, ["ok", "re", "ok", "ok"])
        self.assertIn("exited before the function returned", o.result(1)["detail"])
        self.assertEqual([outs[2], outs[3]], [b"1", b"2"])

    def test_a_thread_left_running_ends_the_process(self):
        o, statuses, outs = self.run_counter(
            "import threading, time\n    if x == 1: threading.Thread(target=time.sleep, args=(30,), daemon=True).start()")
        self.assertEqual(statuses, ["ok"] * 4)
        self.assertEqual(outs, [b"1", b"2", b"1", b"2"])
        self.assertLess(sum(r["wall_ms"] for r, _ in o.results), 5000)

    def test_a_process_started_by_a_test_is_charged_and_ends_the_run(self):
        burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
        o, statuses, outs = self.run_counter(
            "import subprocess, sys\n    if x == 1: subprocess.run([sys.executable, '-c', %r])" % burn)
        self.assertEqual(statuses, ["ok"] * 4)
        self.assertEqual(outs, [b"1", b"2", b"1", b"2"])
        self.assertGreaterEqual(o.result(1)["cpu_ms"], 300)

    def test_a_later_test_over_its_cpu_limit_is_stopped_and_the_next_starts_afresh(self):
        o, statuses, outs = self.run_counter("while x == 1: pass", limits={"time_ms": 300, "wall_ms": 5000})
        self.assertEqual(statuses, ["ok", "tle", "ok", "ok"])
        self.assertGreater(o.result(1)["cpu_ms"], 300)
        self.assertEqual([outs[2], outs[3]], [b"1", b"2"])

    def test_each_test_is_charged_its_own_cpu_and_memory(self):
        s = src("""
            import time
            held = []
            def f(x):
                t = time.process_time()
                while time.process_time() - t < x / 1000:
                    pass
                if x == 0:
                    held.append(bytearray(64 << 20))
                return x
        """)
        # The last test of a run is also charged the process's exit (its 128 MiB torn down, slow
        # where page faults are): test 3 is not the last.
        o = harness("function", s, ["[0]", "[200]", "[0]", "[1]", "[1]"], function=fn("f", ["json"]))
        cpu = [r["cpu_ms"] for r, _ in o.results]
        mem = [r["memory_kb"] for r, _ in o.results]
        self.assertEqual([r["status"] for r, _ in o.results], ["ok"] * 5)
        self.assertGreaterEqual(cpu[1], 200)
        self.assertLess(cpu[3], 100)
        self.assertGreater(mem[0], 60 << 10)
        self.assertLess(mem[1], 16 << 10, "memory an earlier test keeps is not charged to the next")
        self.assertGreater(mem[2], 60 << 10)

    def test_each_later_test_has_room_for_the_limit_and_no_more(self):
        # Each test's RLIMIT_DATA is set at its start from the data size the parent read at the
        # end of the test before (say_test_ended): the limit and 16 MiB of room. A mapping of 76
        # MiB left untouched fits under 64 + 16 (any less room refuses it), 120 MiB are refused.
        s = "import mmap\ndef f(mb, touch):\n    return len(bytearray(mb << 20) if touch else mmap.mmap(-1, mb << 20, flags=mmap.MAP_PRIVATE))\n"
        o = harness("function", s, ["[1, true]", "[76, false]", "[120, true]"], function=fn("f", ["json", "json"]),
                    limits={"memory_mb": 64})
        self.assertEqual([r["status"] for r, _ in o.results], ["ok", "ok", "mle"], o.results)
        self.assertIn("MemoryError", o.result(2)["detail"])
        self.assertLess(o.result(2)["memory_kb"], 64 << 10, "refused before it was touched")

    def test_later_tests_arguments_are_built_before_the_mark(self):
        s = "import time\ndef f(xs):\n    return time.process_time() * 1000\n"
        data = json.dumps([list(range(10**6))])
        o = harness("function", s, [data, data, "[[]]"], function=fn("f", ["json"]))
        self.assertEqual([r["status"] for r, _ in o.results], ["ok", "ok", "ok"])
        self.assertLess(o.result(1)["cpu_ms"], json.loads(o.output(1)) / 4)

    def test_an_end_said_by_the_submission_does_not_hide_its_cpu(self):
        # The submission says its test ended on every fd it might guess, then burns CPU: the
        # test ends there for the harness, without a value, and the process is stopped; the
        # tests after it run in a fresh process.
        s = src("""
            import os, time
            calls = []
            def f(x):
                calls.append(x)
                if x == 1:
                    for fd in range(3, 64):
                        try:
                            os.write(fd, b"E")
                        except OSError:
                            pass
                    t = time.process_time()
                    while time.process_time() - t < 0.3:
                        pass
                return len(calls)
        """)
        o = harness("function", s, ["[0]", "[1]", "[2]"], function=fn("f", ["json"]), as_nobody=True)
        self.assertEqual(o.result(0)["status"], "ok")
        self.assertNotEqual(o.result(1)["status"], "ok")
        self.assertEqual((o.result(2)["status"], o.output(2)), ("ok", b"1"))

    def test_an_isolated_job_runs_each_test_in_a_process_of_its_own(self):
        s = self.COUNTER % "pass"
        o = harness("function", s, ["[0]", "[1]", "[2]"], function=fn("f", ["json"]), isolate=True)
        self.assertEqual([out for _, out in o.results], [b"1", b"1", b"1"])

    def test_big_inputs_run_in_processes_of_their_own(self):
        big = json.dumps([list(range(300000))])  # over RUN_INPUT_BYTES
        self.assertGreater(len(big), harness_module().RUN_INPUT_BYTES)
        s = "calls = []\ndef f(xs):\n    calls.append(1)\n    return len(calls)\n"
        o = harness("function", s, ["[[1]]", big, "[[2]]", "[[3]]"], function=fn("f", ["json"]))
        self.assertEqual([out for _, out in o.results], [b"1", b"1", b"1", b"2"])


class ValidateTest(unittest.TestCase):
    VALIDATOR = src("""
        import sys
        inp, ans, feedback = sys.argv[1:4]
        flags = sys.argv[4:]
        team = sys.stdin.read().split()
        want = open(ans).read().split()
        with open(feedback + "judgemessage.txt", "w") as f:
            f.write("flags=%s input=%s" % (flags, open(inp).read().strip()))
        print("checked")
        sys.exit(42 if team == want else 43)
    """)

    def test_accept_and_wrong_answer(self):
        v = {"files": {"validate.py": self.VALIDATOR}, "entry": "validate.py", "flags": ["case_sensitive"]}
        o = harness("validate", "", [["1 2\n", "3\n", "3\n"], ["5 5\n", "10\n", "11\n"]], validator=v)
        self.assertEqual(o.compiled, {"type": "compiled"})
        self.assertEqual((o.result(0)["status"], o.result(0)["exit_code"]), ("ok", 42))
        self.assertEqual((o.result(1)["status"], o.result(1)["exit_code"]), ("ok", 43))
        self.assertEqual(o.output(0), b"flags=['case_sensitive'] input=1 2\nchecked\n")

    def test_validator_crash_is_re(self):
        v = {"files": {"validate.py": "raise RuntimeError('boom')\n"}, "entry": "validate.py", "flags": []}
        o = harness("validate", "", [["", "", ""]], validator=v)
        r = o.result()
        self.assertEqual((r["status"], r["exit_code"]), ("re", 1))
        self.assertIn("RuntimeError: boom", r["stderr"])

    def test_validator_runs_as_python3_would(self):
        # The validator runs in a fork of the harness, not a fresh python3: what a script can
        # observe is python3's (its folder first on the path, __main__, its own file in
        # tracebacks, python3's recursion limit, atexit and buffered output at its exit), and
        # each test starts from the validator's first line, whatever the previous one changed.
        v = {"files": {"validate.py": src("""
                 import atexit, os, sys
                 import helper
                 sys.modules.setdefault("counter", []).append(1)
                 def deep(n):
                     return 0 if n == 0 else 1 + deep(n - 1)
                 atexit.register(lambda: print("atexit ran"))
                 print(__name__, os.path.basename(__file__), os.path.basename(sys.argv[0]),
                       sys.argv[4:], helper.TWO, deep(950), len(sys.modules["counter"]), sys.getrecursionlimit())
                 if sys.stdin.read() == "crash\\n":
                     helper.crash()
                 sys.exit(42)
             """), "helper.py": "TWO = 2\ndef crash():\n    raise ValueError('from the helper')\n"},
             "entry": "validate.py", "flags": ["x"]}
        o = harness("validate", "", [["", "", "ok\n"], ["", "", "crash\n"]], validator=v)
        self.assertEqual(o.compiled, {"type": "compiled"}, o.stderr)
        self.assertEqual((o.result(0)["status"], o.result(0)["exit_code"]), ("ok", 42), o.result(0))
        self.assertEqual(o.output(0), b"__main__ validate.py validate.py ['x'] 2 950 1 1000\natexit ran\n")
        self.assertTrue(o.output(1).startswith(b"__main__ validate.py validate.py ['x'] 2 950 1 1000\n"), o.output(1))
        r = o.result(1)
        self.assertEqual((r["status"], r["exit_code"]), ("re", 1))
        self.assertIn('validate.py", line 10, in <module>\n    helper.crash()', r["stderr"])
        self.assertIn("ValueError: from the helper", r["stderr"])
        self.assertNotIn("harness.py", r["stderr"])

    def test_validator_recursion_limit_is_python3s(self):
        v = {"files": {"validate.py": "def f(n):\n    return f(n + 1)\nf(0)\n"}, "entry": "validate.py", "flags": []}
        r = harness("validate", "", [["", "", ""]], validator=v).result()
        self.assertEqual((r["status"], r["exit_code"]), ("re", 1))
        self.assertIn("RecursionError", r["stderr"])

    def test_a_request_may_end_at_a_test_boundary(self):
        # tests is an upper bound: the judge feeds a validator outputs as they come and may stop
        # between two tests; inside a test's frames the same end is the judge's failure.
        v = {"files": {"validate.py": "import sys\nsys.exit(42)\n"}, "entry": "validate.py", "flags": []}
        o = harness("validate", "", [["1\n", "1\n", "1\n"]], validator=v, declared_tests=5)
        self.assertEqual(len(o.results), 1)
        self.assertTrue(o.ended)
        self.assertEqual(o.returncode, 0)
        o = harness("validate", "", [["1\n", "1\n", "1\n"], ["2\n"]], validator=v, declared_tests=5)
        self.assertEqual(len(o.results), 1)
        self.assertFalse(o.ended, "ended inside a test's frames")

    def test_validator_syntax_error(self):
        v = {"files": {"validate.py": "def (\n"}, "entry": "validate.py", "flags": []}
        o = harness("validate", "", [["", "", ""]], validator=v)
        self.assertEqual((o.compiled["type"], o.compiled["kind"]), ("compile_error", "syntax"))

    def test_validator_files_are_cleaned(self):
        v = {"files": {"validate.py": "import os, sys\nprint(os.getcwd())\nsys.exit(42)\n"},
             "entry": "validate.py", "flags": []}
        o = harness("validate", "", [["", "", ""]], validator=v)
        workdir = o.output().decode().strip()
        self.assertTrue(workdir.startswith(tempfile.gettempdir()))
        self.assertFalse(os.path.exists(workdir))


def run_lengths(pids):
    """How many tests in a row each process ran, from the process ids the tests printed."""
    runs = []
    for i, pid in enumerate(pids):
        if i == 0 or pid != pids[i - 1]:
            runs.append(0)
        runs[-1] += 1
    return runs


class RunCases:
    """Cases every kind of run of a program's tests holds to (a mixin of ValidatorRunTest and
    StdioRunTest). Each class has a PROGRAM that prints its process id, then does what its test
    says ("loop", "burn" 0.2 s of CPU, "alarm" in 1 s, "sleep" 1.5 s; PLAIN: nothing), and
    statuses(tests, limits) -> (outcome, each test's status, each test's printed process id)."""

    def test_a_test_over_its_cpu_limit_is_stopped_and_the_next_starts_afresh(self):
        plain = self.PLAIN
        _, statuses, pids = self.statuses([plain, "loop", plain, plain], limits={"time_ms": 300, "wall_ms": 5000})
        self.assertEqual(statuses, ["ok", "tle", "ok", "ok"])
        self.assertEqual(pids[2], pids[3])
        self.assertNotEqual(pids[0], pids[2])

    def test_each_test_is_charged_its_own_cpu(self):
        o, statuses, pids = self.statuses(["burn", self.PLAIN, self.PLAIN])
        self.assertEqual(statuses, ["ok"] * 3)
        self.assertEqual(run_lengths(pids), [3])
        cpu = [r["cpu_ms"] for r, _ in o.results]
        self.assertGreaterEqual(cpu[0], 200)
        self.assertLess(cpu[1], 100, cpu)

    def test_an_alarm_a_test_set_does_not_reach_the_next(self):
        _, statuses, pids = self.statuses(["alarm", "sleep"])
        self.assertEqual(statuses, ["ok", "ok"])
        self.assertEqual(run_lengths(pids), [2])


class ValidatorRunTest(RunCases, unittest.TestCase):
    """A Python validator program's tests run in one process until one ends otherwise than by
    exiting 42 or 43, each as a program of its own would (docs/harness-protocol.md, "Validator
    programs: tests share a process")."""

    # Prints its process id, then does what its team output says (exit 42, 43, ...).
    PROGRAM = src("""
        import os, sys, time
        what = sys.stdin.read().strip() or "42"
        print(os.getpid(), flush=True)
        if what == "thread":
            import threading
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
            sys.exit(43)
        if what == "child":
            if os.fork() == 0:
                time.sleep(30)
                os._exit(0)
            sys.exit(42)
        if what == "loop":
            while True:
                pass
        if what == "burn":
            t = time.process_time()
            while time.process_time() - t < 0.2:
                pass
            sys.exit(42)
        if what == "os_exit":
            os._exit(42)
        if what == "raise":
            raise ValueError("the validator's bug")
        if what == "alarm":
            import signal
            signal.alarm(1)
            sys.exit(42)
        if what == "sleep":
            time.sleep(1.5)
            sys.exit(42)
        sys.exit(int(what))
    """)

    def run_outputs(self, outputs, limits=None, program=None, files=None):
        v = {"files": dict({"validate.py": program or self.PROGRAM}, **(files or {})),
             "entry": "validate.py", "flags": []}
        o = harness("validate", "", [["in\n", "ans\n", out + "\n"] for out in outputs], validator=v, limits=limits)
        self.assertTrue(o.ended, o.stderr)
        verdicts = [(r["status"], r["exit_code"]) for r, _ in o.results]
        pids = [int(out.split()[0]) if out[:1].isdigit() else None for _, out in o.results]
        return o, verdicts, pids

    PLAIN = "42"

    def statuses(self, outputs, limits=None):
        o, verdicts, pids = self.run_outputs(outputs, limits=limits)
        return o, [v[0] for v in verdicts], pids

    def test_tests_that_exit_42_or_43_share_a_process(self):
        o, verdicts, pids = self.run_outputs(["42", "43", "42", "43"])
        self.assertEqual(verdicts, [("ok", 42), ("ok", 43), ("ok", 42), ("ok", 43)])
        self.assertEqual(len(set(pids)), 1, pids)

    def test_each_test_starts_from_the_first_line_with_its_own_modules(self):
        program = src("""
            import sys, helper
            helper.seen.append(sys.argv[1])
            counter = globals().setdefault("counter", 0) + 1
            print(len(helper.seen), counter, sys.stdin.read().strip(), open(sys.argv[2]).read().strip())
            sys.exit(42)
        """)
        o, verdicts, _ = self.run_outputs(["a", "b", "c"], program=program, files={"helper.py": "seen = []\n"})
        self.assertEqual(verdicts, [("ok", 42)] * 3)
        self.assertEqual([out for _, out in o.results], [b"1 1 a ans\n", b"1 1 b ans\n", b"1 1 c ans\n"])

    def test_another_exit_ends_the_run_and_the_next_test_starts_afresh(self):
        o, verdicts, pids = self.run_outputs(["42", "raise", "42", "42"])
        self.assertEqual(verdicts, [("ok", 42), ("re", 1), ("ok", 42), ("ok", 42)])
        self.assertIn("ValueError: the validator's bug", o.result(1)["stderr"])
        self.assertEqual(run_lengths(pids), [2, 2])

    def test_os_exit_is_the_tests_verdict_and_ends_the_run(self):
        _, verdicts, pids = self.run_outputs(["43", "os_exit", "43"])
        self.assertEqual(verdicts, [("ok", 43), ("ok", 42), ("ok", 43)])
        self.assertEqual(run_lengths(pids), [2, 1])

    def test_a_thread_or_a_process_left_running_keeps_the_verdict_and_ends_the_run(self):
        o, verdicts, pids = self.run_outputs(["42", "thread", "42", "child", "42"])
        self.assertEqual(verdicts, [("ok", 42), ("ok", 43), ("ok", 42), ("ok", 42), ("ok", 42)])
        self.assertEqual(run_lengths(pids), [2, 2, 1])
        self.assertLess(sum(r["wall_ms"] for r, _ in o.results), 5000, "nothing waited for what they left")

    def test_an_unclosed_judge_message_is_flushed_as_at_a_programs_exit(self):
        program = src("""
            import sys
            message = open(sys.argv[3] + "judgemessage.txt", "w")
            message.write("wrong on " + sys.stdin.read())
            sys.exit(43)
        """)
        o, verdicts, _ = self.run_outputs(["a", "b"], program=program)
        self.assertEqual(verdicts, [("ok", 43)] * 2)
        self.assertEqual([out for _, out in o.results], [b"wrong on a\n", b"wrong on b\n"])


class StdioRunTest(RunCases, unittest.TestCase):
    """A stdio program's tests run in one process until one ends otherwise than by exiting 0,
    each from the program's first line, with what a process of its own would give it
    (docs/harness-protocol.md, "Stdio programs: tests share a process")."""

    # Prints its process id and what it read, then does what its input says.
    PROGRAM = src("""
        import os, sys, time
        what = sys.stdin.read().strip()
        print(os.getpid(), what)
        if what == "thread":
            import threading
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        elif what == "child":
            if os.fork() == 0:
                time.sleep(30)
                os._exit(0)
        elif what == "raise":
            raise ValueError("the candidate's bug")
        elif what == "exit0":
            sys.exit(0)
        elif what == "exit3":
            sys.exit(3)
        elif what == "os_exit":
            sys.stdout.flush()
            os._exit(0)
        elif what == "burn":
            t = time.process_time()
            while time.process_time() - t < 0.2:
                pass
        elif what == "loop":
            while True:
                pass
        elif what == "devnull":
            sys.stdout.flush()
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        elif what == "keep":
            import heapq
            heapq.kept = bytearray(100 << 20)
        elif what == "alarm":
            import signal
            signal.alarm(1)
        elif what == "sleep":
            time.sleep(1.5)
    """)

    def run_inputs(self, inputs, limits=None, source=None, isolate=False):
        o = harness(source=source or self.PROGRAM, tests=[i + "\n" for i in inputs], limits=limits, isolate=isolate)
        self.assertTrue(o.ended, o.stderr)
        verdicts = [r["status"] for r, _ in o.results]
        pids = [int(out.split()[0]) if out[:1].isdigit() else None for _, out in o.results]
        return o, verdicts, pids

    PLAIN = "a"

    def statuses(self, inputs, limits=None):
        return self.run_inputs(inputs, limits=limits)

    def test_tests_that_exit_0_share_a_process_and_each_reads_its_own_input(self):
        o, verdicts, pids = self.run_inputs(["a", "b", "exit0", "c"])
        self.assertEqual(verdicts, ["ok"] * 4)
        self.assertEqual(len(set(pids)), 1, pids)
        self.assertEqual([out.split()[1] for _, out in o.results], [b"a", b"b", b"exit0", b"c"])

    def test_isolated_every_test_has_a_process(self):
        _, verdicts, pids = self.run_inputs(["a", "b", "c"], isolate=True)
        self.assertEqual(verdicts, ["ok"] * 3)
        self.assertEqual(len(set(pids)), 3, pids)

    def test_each_test_starts_from_the_first_line_with_python3s_state(self):
        # Each test reads what a fresh python3 has, then changes all of it.
        source = src("""
            import sys, os, gc, decimal, builtins, statistics
            print(globals().get("seen"), hasattr(statistics, "seen"), sys.getrecursionlimit(),
                  sys.get_int_max_str_digits(), decimal.getcontext().prec, hasattr(builtins, "seen"),
                  os.environ.get("SEEN"), gc.isenabled(), os.umask(0o077), sys.gettrace(),
                  sys.excepthook is sys.__excepthook__, len(sys.argv), sys.stdin.read().strip())
            seen = statistics.seen = builtins.seen = True
            sys.setrecursionlimit(5000)
            sys.set_int_max_str_digits(0)
            decimal.getcontext().prec = 50
            os.environ["SEEN"] = "yes"
            gc.disable()
            sys.excepthook = print
            sys.settrace(lambda *a: None)
            sys.argv.append("more")
        """)
        o, verdicts, _ = self.run_inputs(["a", "b", "c"], source=source)
        self.assertEqual(verdicts, ["ok"] * 3)
        plain = subprocess.run([sys.executable, "-I", "-c", source], input=b"a\n", capture_output=True)
        umask = plain.stdout.split()[8]
        self.assertEqual(o.output(0), plain.stdout)
        self.assertEqual([out for _, out in o.results],
                         [b"None False 1000 4300 28 False None True %s None True 1 %s\n" % (umask, x) for x in (b"a", b"b", b"c")])

    def test_another_exit_ends_the_run_and_the_next_test_starts_afresh(self):
        o, verdicts, pids = self.run_inputs(["a", "raise", "b", "exit3", "c", "os_exit", "d"])
        self.assertEqual(verdicts, ["ok", "re", "ok", "re", "ok", "ok", "ok"])
        self.assertIn("ValueError: the candidate's bug", o.result(1)["stderr"])
        self.assertEqual(o.result(3)["exit_code"], 3)
        self.assertEqual(run_lengths(pids), [2, 2, 2, 1])

    def test_a_thread_or_a_process_left_running_keeps_the_verdict_and_ends_the_run(self):
        o, verdicts, pids = self.run_inputs(["a", "thread", "b", "child", "c"])
        self.assertEqual(verdicts, ["ok"] * 5)
        self.assertEqual(run_lengths(pids), [2, 2, 1])
        self.assertLess(sum(r["wall_ms"] for r, _ in o.results), 5000, "nothing waited for what they left")

    def test_a_test_that_replaced_its_standard_output_ends_the_run(self):
        o, verdicts, pids = self.run_inputs(["a", "devnull", "b"])
        self.assertEqual(verdicts, ["ok"] * 3)
        self.assertEqual(run_lengths(pids), [2, 1])
        self.assertEqual(o.output(2).split()[1], b"b")

    def test_a_test_that_keeps_a_quarter_of_the_memory_limit_ends_the_run(self):
        o, verdicts, pids = self.run_inputs(["a", "keep", "b", "c"])
        self.assertEqual(verdicts, ["ok"] * 4)
        self.assertEqual(run_lengths(pids), [2, 2])
        self.assertLess(o.result(2)["memory_kb"], 50 << 10)

    def test_each_later_test_has_room_for_the_limit_and_no_more(self):
        # As in function runs (SharedProcessTest): an untouched mapping of 76 MiB fits under 64 +
        # 16 in the run's second test, 120 MiB are refused at once in its third.
        s = src("""
            import mmap, os
            mb, touch = input().split()
            x = bytearray(int(mb) << 20) if touch == "touch" else mmap.mmap(-1, int(mb) << 20, flags=mmap.MAP_PRIVATE)
            print(os.getpid(), len(x))
        """)
        o, verdicts, pids = self.run_inputs(["1 touch", "76 map", "120 touch"], limits={"memory_mb": 64}, source=s)
        self.assertEqual(verdicts, ["ok", "ok", "mle"])
        self.assertEqual(pids[0], pids[1])
        self.assertIn("MemoryError", o.result(2)["detail"])
        self.assertLess(o.result(2)["memory_kb"], 64 << 10, "refused before it was touched")

    def test_an_input_file_in_the_harness_folder_is_opened_by_its_name_wherever_a_test_went(self):
        # In the sandbox the harness's folder is its scratch: a test's input file is given to
        # the child by its name alone (stdio_spec), and the child goes back to that folder only
        # when a test before it in the run went elsewhere (enter_test).
        d = tempfile.mkdtemp(prefix="judge-stdio-cwd-test-")
        self.addCleanup(shutil.rmtree, d, True)
        s = "import os\nprint(os.getpid(), os.getcwd(), input())\nos.chdir('/')\n"
        o = harness(source=s, tests=["a\n", "b\n", "c\n"], cwd=d, scratch=d)
        self.assertTrue(o.ended, o.stderr)
        self.assertEqual([r["status"] for r, _ in o.results], ["ok"] * 3, o.results)
        outs = [out.split() for _, out in o.results]
        self.assertEqual([out[1:] for out in outs], [[d.encode(), w] for w in (b"a", b"b", b"c")])
        self.assertEqual(run_lengths([out[0] for out in outs]), [3])
        self.assertEqual(os.listdir(d), [], "every input file is removed")

    def test_a_big_input_starts_a_process_of_its_own(self):
        big = "x" * (harness_module().RUN_INPUT_BYTES + 1)
        o, verdicts, pids = self.run_inputs(["a", big, "b"], limits={"output_bytes": 4 << 20})
        self.assertEqual(verdicts, ["ok"] * 3)
        self.assertEqual(run_lengths(pids), [1, 2])
        self.assertEqual(len(o.output(1).split()[1]), len(big))

    def test_empty_inputs_are_tests_of_the_run_too(self):
        source = "import os, sys\nprint(os.getpid(), len(sys.stdin.read()))\n"
        o = harness(source=source, tests=["", "", "abc", ""])
        self.assertTrue(o.ended, o.stderr)
        outs = [out.split() for _, out in o.results]
        self.assertEqual([int(n) for _, n in outs], [0, 0, 3, 0])
        self.assertEqual(run_lengths([pid for pid, _ in outs]), [4])

    def test_input_that_a_test_left_unread_does_not_reach_the_next(self):
        source = "print(input())\n"
        o = harness(source=source, tests=["a\nrest\n" * 20000, "b\n"])
        self.assertEqual([out for _, out in o.results], [b"a\n", b"b\n"])

    def test_standard_input_is_a_regular_file_that_is_not_in_the_scratch(self):
        # Each test reads its input from a file under /tmp, as on Kattis (a program may stat or
        # map it), unlinked before the program's first line: neither its name nor its path is
        # there to be found.
        source = src("""
            import os
            size = os.fstat(0).st_size
            print([n for n in os.listdir("/tmp") if n.startswith("judge-input-")],
                  os.path.exists(os.readlink("/proc/self/fd/0").split(" (")[0]), size, input())
        """)
        for isolate in (False, True):
            o = harness(source=source, tests=["a\n", "bb\n", "ccc\n"], isolate=isolate)
            self.assertEqual([out for _, out in o.results], [b"[] False 2 a\n", b"[] False 3 bb\n", b"[] False 4 ccc\n"])

    def test_without_room_for_the_input_file_a_test_reads_a_pipe_in_a_process_of_its_own(self):
        source = "import os\nprint(os.getpid(), os.fstat(0).st_size, input())\n"
        # A harness that may write no file of over one byte (a full scratch, as far as it goes).
        o = harness(source=source, tests=["a\n", "b\n"],
                    preexec=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.RLIM_INFINITY)))
        self.assertEqual([r["status"] for r, _ in o.results], ["ok", "ok"], o.stderr)
        outs = [out.split() for _, out in o.results]
        self.assertEqual([o[1:] for o in outs], [[b"0", b"a"], [b"0", b"b"]])
        self.assertNotEqual(outs[0][0], outs[1][0])
        self.assertIn(b"a test's input file", o.stderr)

    def test_an_unclosed_file_on_standard_output_is_flushed_as_at_exit(self):
        source = "import sys\nf = open(1, 'w', closefd=False)\nf.write(sys.stdin.read())\n"
        o = harness(source=source, tests=["a\n", "b\n"])
        self.assertEqual([out for _, out in o.results], [b"a\n", b"b\n"])


class ValidatorFunctionTest(unittest.TestCase):
    """problem.yaml's validator_function: the module is loaded once, the function called per test
    in the harness's process, its answer reported as a validator program's exit code would be."""

    @staticmethod
    def run_fn(body, tests, files=None, limits=None):
        v = {"files": {"check.py": src(body), **(files or {})}, "entry": "check.py", "flags": [], "function": "check"}
        return harness("validate", "", tests, validator=v, limits=limits)

    def test_accept_reject_and_message(self):
        o = self.run_fn("""
            import helper
            LOADS = []
            LOADS.append(1)
            def check(input, answer, output):
                if output.split() == answer.split():
                    return True
                if output.strip() == "silent":
                    return False
                return f"{helper.WHY}: {output.strip()} for {input.strip()}, loaded {len(LOADS)} time(s)"
        """, [["1 2\n", "3\n", "3\n"], ["5 5\n", "10\n", "11\n"], ["", "1\n", "silent\n"], ["1 2\n", "3\n", "3\n"]],
            files={"helper.py": "WHY = 'wrong sum'\n"})
        self.assertEqual(o.compiled, {"type": "compiled"}, o.stderr)
        self.assertEqual([(o.result(i)["status"], o.result(i)["exit_code"]) for i in range(4)],
                         [("ok", 42), ("ok", 43), ("ok", 43), ("ok", 42)])
        self.assertEqual(o.output(1), b"wrong sum: 11 for 5 5, loaded 1 time(s)")
        self.assertEqual(o.output(2), b"")
        self.assertTrue(o.ended)

    def test_an_exception_or_another_value_is_the_validators_failure(self):
        o = self.run_fn("""
            def check(input, answer, output):
                if output == "none\\n":
                    return None
                if output == "raise\\n":
                    raise KeyError("boom")
                return True
        """, [["", "", "none\n"], ["", "", "raise\n"], ["", "", "fine\n"]])
        r0, r1 = o.result(0), o.result(1)
        self.assertEqual((r0["status"], r0["exit_code"]), ("re", None))
        self.assertIn("returned NoneType, not True, False or a message", r0["detail"])
        self.assertEqual(r1["status"], "re")
        self.assertIn("KeyError: 'boom'", r1["stderr"])
        self.assertNotIn("harness.py", r1["stderr"])
        self.assertEqual((o.result(2)["status"], o.result(2)["exit_code"]), ("ok", 42), "the next test is judged as usual")

    def test_a_function_that_runs_over_its_time_is_stopped(self):
        o = self.run_fn("""
            def check(input, answer, output):
                if output == "loop\\n":
                    while True:
                        pass
                return True
        """, [["", "", "loop\n"], ["", "", "ok\n"]], limits={"time_ms": 500, "wall_ms": 1000})
        self.assertEqual(o.result(0)["status"], "tle")
        self.assertEqual((o.result(1)["status"], o.result(1)["exit_code"]), ("ok", 42))

    def test_a_module_that_fails_or_lacks_the_function_does_not_compile(self):
        left = lambda: sorted(n for n in os.listdir(tempfile.gettempdir()) if n.startswith("judge-validator-"))
        before = left()
        for body, want in (("raise ImportError('no numpy here')\n", "ImportError: no numpy here"),
                           ("def other(a, b, c):\n    return True\n", "defines no function check()"),
                           ("check = 3\n", "defines no function check()")):
            o = self.run_fn(body, [["", "", ""]])
            self.assertEqual((o.compiled["type"], o.compiled["kind"]), ("compile_error", "syntax"), body)
            self.assertIn(want, o.compiled["message"])
        self.assertEqual(left(), before, "a validator that did not load leaves no folder behind")

    def test_no_process_per_test(self):
        o = self.run_fn("""
            import os
            def check(input, answer, output):
                return str(os.getpid())
        """, [["", "", ""], ["", "", ""]])
        self.assertEqual(o.output(0), o.output(1), "one process calls the function on every test")


END_OF_JOB = struct.pack(">I", 0xFFFFFFFF)


class SessionTest(unittest.TestCase):
    """A validator session: one harness serves several validate jobs, each in a job process of
    its own, each closed by the end marker and the judge's nonce, which the harness echoes in
    done once the job's processes are gone."""

    @staticmethod
    def session(jobs, validator):
        """jobs: (tests, nonce) pairs; each test is (input, answer, output). Returns the reports
        as (message, output) pairs, after hello, and stderr."""
        data = b""
        for tests, nonce in jobs:
            header = {"version": 1, "mode": "validate", "limits": LIMITS, "tests": 3,
                      "validator": validator, "session": True}
            data += frame(json.dumps(header).encode())
            for t in tests:
                data += b"".join(frame(f.encode()) for f in t)
            data += END_OF_JOB + frame(nonce.encode())
        p = subprocess.run([sys.executable, "-I", "-B", HARNESS], input=data, capture_output=True,
                           timeout=120, cwd="/")
        messages = parse(p.stdout)
        return messages[1:], p.stderr, p.returncode

    def kinds(self, messages):
        return [m["type"] + (f" {m['session']}" if m["type"] == "done" else "") for m, _ in messages]

    def test_jobs_one_after_another_each_with_a_fresh_validator(self):
        v = {"files": {"check.py": src("""
            CALLS = []
            def check(input, answer, output):
                CALLS.append(1)
                return True if output == answer else f"call {len(CALLS)}"
        """)}, "entry": "check.py", "flags": [], "function": "check"}
        msgs, err, code = self.session([([("1", "2", "2"), ("1", "2", "3")], "n-1"), ([("1", "2", "9")], "n-2")], v)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.kinds(msgs), ["compiled", "start", "result", "start", "result", "start", "end", "done n-1",
                                            "compiled", "start", "result", "start", "end", "done n-2"], err)
        outs = [(m["exit_code"], out) for m, out in msgs if m["type"] == "result"]
        self.assertEqual(outs, [(42, b""), (43, b"call 2"), (43, b"call 1")],
                         "the second job's validator starts afresh: its module is loaded again")

    def test_the_next_jobs_process_is_forked_while_the_session_waits(self):
        # After done, the next job's process is already there, waiting for its header; it runs
        # that job, and if none comes it ends with the session, its folder gone with it.
        left = lambda: sorted(n for n in os.listdir(tempfile.gettempdir()) if n.startswith("judge-session-"))
        before = left()
        v = {"files": {"check.py": "import os\ndef check(i, a, o):\n    return str(os.getpid())\n"},
             "entry": "check.py", "flags": [], "function": "check"}
        header = frame(json.dumps({"version": 1, "mode": "validate", "limits": LIMITS, "tests": 1,
                                   "validator": v, "session": True}).encode())
        job = lambda nonce: header + frame(b"") + frame(b"") + frame(b"x") + END_OF_JOB + frame(nonce)
        p = subprocess.Popen([sys.executable, "-I", "-B", HARNESS], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd="/")

        def children():
            pids = []
            for t in os.listdir(f"/proc/{p.pid}/task"):
                with open(f"/proc/{p.pid}/task/{t}/children") as f:
                    pids += [int(c) for c in f.read().split()]
            return pids
        try:
            def until_done():
                outs = []
                while True:
                    (size,) = struct.unpack(">I", p.stdout.read(4))
                    m = json.loads(p.stdout.read(size))
                    if m["type"] == "result":
                        (size,) = struct.unpack(">I", p.stdout.read(4))
                        outs.append(int(p.stdout.read(size)))
                    if m["type"] == "done":
                        return outs
            p.stdout.read(struct.unpack(">I", p.stdout.read(4))[0])  # hello
            p.stdin.write(job(b"one"))
            p.stdin.flush()
            first = until_done()
            deadline = time.monotonic() + 10
            while not children() and time.monotonic() < deadline:
                time.sleep(0.01)
            ahead = children()
            self.assertEqual(len(ahead), 1, "one job process waits for the next job")
            self.assertNotIn(ahead[0], first)
            p.stdin.write(job(b"two"))
            p.stdin.flush()
            self.assertEqual(until_done(), ahead, "the next job ran in the process forked ahead")
            p.stdin.close()
            self.assertEqual(p.wait(timeout=30), 0)
        finally:
            p.kill()
            p.wait()
            p.stdout.close()
            p.stderr.close()
        self.assertEqual(left(), before, "the process forked for a job that never came left no folder")

    def test_a_job_process_that_dies_ends_its_job_only(self):
        left = lambda: sorted(n for n in os.listdir(tempfile.gettempdir()) if n.startswith(("judge-validator-", "judge-session-")))
        before = left()
        self._dies()
        self.assertEqual(left(), before, "the dead job's validator folder is gone with it")

    def _dies(self):
        v = {"files": {"check.py": src("""
            import os
            def check(input, answer, output):
                if output == "die":
                    os._exit(3)
                return True
        """)}, "entry": "check.py", "flags": [], "function": "check"}
        msgs, err, code = self.session([([("", "", "die"), ("", "", "ok")], "first"), ([("", "", "ok")], "second")], v)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.kinds(msgs), ["compiled", "start", "done first",
                                            "compiled", "start", "result", "start", "end", "done second"], err)

    def test_a_program_validators_leftovers_are_gone_before_done(self):
        # The first job's validator leaves a process behind; done comes only once it is gone.
        v = {"files": {"check.py": src("""
            import os, sys, time
            if open(sys.argv[2]).read() == "linger":
                if os.fork() == 0:
                    os.setsid()
                    time.sleep(60)
                    os._exit(0)
            sys.exit(42)
        """)}, "entry": "check.py", "flags": []}
        start = time.monotonic()
        msgs, err, code = self.session([([("", "linger", "")], "a"), ([("", "", "")], "b")], v)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.kinds(msgs), ["compiled", "start", "result", "start", "end", "done a",
                                            "compiled", "start", "result", "start", "end", "done b"], err)
        self.assertLess(time.monotonic() - start, 30, "the lingering process was killed, not waited for")

    def test_only_validate_jobs_without_a_link_make_a_session(self):
        for header in ({"mode": "stdio", "session": True}, {"mode": "validate", "link": "/link", "session": True}):
            data = frame(json.dumps(dict({"version": 1, "tests": 0}, **header)).encode())
            p = subprocess.run([sys.executable, "-I", "-B", HARNESS], input=data, capture_output=True, timeout=60)
            self.assertEqual(p.returncode, 2, header)
            self.assertIn(b"a session serves validate jobs without a link only", p.stderr)


GUESS_VALIDATOR = textwrap.dedent("""
    import os, sys
    n, secret = map(int, open(sys.argv[1]).read().split())
    allowed = int(open(sys.argv[2]).read())
    def done(code, msg):
        open(os.path.join(sys.argv[3], "judgemessage.txt"), "w").write(msg)
        sys.exit(code)
    print(n, flush=True)
    for k in range(1, allowed + 1):
        line = sys.stdin.readline()
        if not line:
            done(43, "ended after %d guesses" % (k - 1))
        g = int(line)
        if g == secret:
            print("correct", flush=True)
            done(42, "found in %d" % k)
        print("lower" if secret < g else "higher", flush=True)
    done(43, "out of guesses")
""")

BINARY_SEARCH = textwrap.dedent("""
    n = int(input())
    lo, hi = 1, n
    while True:
        g = (lo + hi) // 2
        print(g, flush=True)
        w = input()
        if w == "correct":
            break
        if w == "lower":
            hi = g - 1
        else:
            lo = g + 1
""")


class InteractiveTest(unittest.TestCase):
    """An interactive problem: two harnesses (the validator's and the submission's) join each
    test's standard streams through named pipes in a shared folder, as two sandboxes do."""

    def interact(self, source, cases):
        link = tempfile.mkdtemp(prefix="judge-link-test-")
        self.addCleanup(shutil.rmtree, link, True)
        validator = {"files": {"v.py": GUESS_VALIDATOR}, "entry": "v.py", "flags": []}
        got = {}

        def run_validator():
            # As the judge does: the validator's wall clock outlasts the submission's.
            got["val"] = harness("validate", validator=validator, link=link, limits={"wall_ms": 30000},
                                 tests=[(inp, ans, b"") for inp, ans in cases])

        t = threading.Thread(target=run_validator)
        t.start()
        # The submission's harness never gets the input: its frames are empty.
        sub = harness("stdio", source=source, link=link, tests=[b""] * len(cases))
        t.join(60)
        self.assertFalse(t.is_alive())
        return sub, got["val"]

    def test_a_right_search_is_accepted(self):
        sub, val = self.interact(BINARY_SEARCH, [(b"1000 777", b"11"), (b"1 1", b"1")])
        self.assertTrue(sub.ended and val.ended, (sub.stderr, val.stderr))
        for i in range(2):
            self.assertEqual(sub.result(i)["status"], "ok", sub.result(i))
            self.assertEqual(sub.output(i), b"", "the submission's output went to the validator")
            self.assertEqual(val.result(i)["status"], "ok")
            self.assertEqual(val.result(i)["exit_code"], 42, val.output(i))
            self.assertIn("ended_ns", sub.result(i))
            self.assertIn("ended_ns", val.result(i))
        self.assertIn(b"found in", val.output(0))

    def test_the_side_that_ends_first_ends_first(self):
        crash = "n = int(input())\nprint(n // 0, flush=True)\n"
        sub, val = self.interact(crash, [(b"1000 3", b"11")])
        self.assertEqual(sub.result()["status"], "re")
        self.assertEqual(val.result()["exit_code"], 43)
        self.assertLess(sub.result()["ended_ns"], val.result()["ended_ns"])

        # Too many guesses: the validator rejects and ends; the submission then reads the end
        # of its input (EOFError), after it.
        linear = "n = int(input())\nfor g in range(1, n + 1):\n    print(g, flush=True)\n    if input() == 'correct':\n        break\n"
        sub, val = self.interact(linear, [(b"1000 900", b"11")])
        self.assertEqual(val.result()["exit_code"], 43)
        self.assertEqual(sub.result()["status"], "re")
        self.assertEqual(sub.result()["error"]["type"], "EOFError")
        self.assertLess(val.result()["ended_ns"], sub.result()["ended_ns"])

    def test_a_submission_that_does_not_flush_is_stopped_at_its_wall_limit(self):
        # input() flushes stdout first; sys.stdin.readline() does not.
        no_flush = BINARY_SEARCH.replace(", flush=True", "").replace("input()", "__import__('sys').stdin.readline().strip()")
        sub, val = self.interact(no_flush, [(b"1000 777", b"11")])
        self.assertEqual(sub.result()["status"], "tle", sub.result())
        self.assertIn("wall", sub.result()["detail"])
        self.assertEqual(val.result()["exit_code"], 43)
        self.assertLess(sub.result()["ended_ns"], val.result()["ended_ns"])


if __name__ == "__main__":
    unittest.main()
