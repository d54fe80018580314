# Kernel settings through /proc and /sys: read-only or refused. It cannot make itself immune to
# the OOM killer either (lowering oom_score_adj needs a capability).
bad = []
for path, data in (("/proc/sys/kernel/core_pattern", "|/tmp/x"), ("/proc/sys/vm/drop_caches", "3"),
                   ("/proc/sys/kernel/hostname", "owned"), ("/proc/sysrq-trigger", "b"),
                   ("/proc/self/oom_score_adj", "-1000"), ("/proc/1/oom_score_adj", "1000"),
                   ("/sys/kernel/mm/transparent_hugepage/enabled", "never"),
                   ("/proc/sys/kernel/pid_max", "1000000")):
    try:
        with open(path, "w") as f:
            f.write(data)
        bad.append(f"wrote {path}")
    except OSError:
        pass
input()
print(" ".join(bad) or "ok")
