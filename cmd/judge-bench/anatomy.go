package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/docker/docker/api/types/container"

	"github.com/judge-dev/judge/judge/docker"
)

// The lifecycle section: where one bare container lifecycle's CPU goes on this machine (the
// engine's daemon, containerd, the container's own processes, everything else: shims, runc,
// fuse-overlayfs, the kernel), and what each part of the sandbox's settings costs, one taken
// away at a time (lifecycleVariants).

// cpuSnapshot is the machine's CPU so far, in seconds, by whom. A process's "children" are
// the processes it has reaped (their CPU lands in its cutime and cstime when they exit):
// dockerd's are the fuse-overlayfs and other helpers it runs; PID 1 reaps the orphans, among
// them every container's shim with the runc processes the shim ran and reaped, and the
// fuse-overlayfs daemons that serve the containers' root file systems.
type cpuSnapshot struct {
	total, dockerd, dockerdKids, containerd, orphans, containers, self float64
	cgroup                                                             bool // the containers' cgroup was found
}

// cpuSplit is a stretch's CPU per lifecycle, in ms.
type cpuSplit struct {
	total, dockerd, dockerdKids, containerd, orphans, containers, rest float64
	cgroup                                                             bool
}

func (a cpuSnapshot) per(b cpuSnapshot, n int) cpuSplit {
	f := 1000 / float64(n)
	s := cpuSplit{total: (b.total - a.total) * f, dockerd: (b.dockerd - a.dockerd) * f, dockerdKids: (b.dockerdKids - a.dockerdKids) * f,
		containerd: (b.containerd - a.containerd) * f, orphans: (b.orphans - a.orphans) * f,
		containers: (b.containers - a.containers) * f, cgroup: a.cgroup && b.cgroup}
	// A container's processes are reaped by its shim, so the orphans' CPU holds theirs too.
	s.rest = s.total - s.dockerd - s.dockerdKids - s.containerd - s.orphans - (b.self-a.self)*f
	if s.cgroup {
		s.orphans -= s.containers
	}
	return s
}

var clockTick = 100.0 // USER_HZ: the unit of /proc/<pid>/stat's times on Linux

func snapshot() (cpuSnapshot, error) {
	var s cpuSnapshot
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return s, err
	}
	// cpu  user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
	f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
	for i, v := range f[1:] {
		if i == 3 || i == 4 {
			continue
		}
		x, _ := strconv.ParseFloat(v, 64)
		s.total += x / clockTick
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		st := string(b)
		open, close := strings.IndexByte(st, '('), strings.LastIndexByte(st, ')')
		if open < 0 || close < open {
			continue
		}
		comm, rest := st[open+1:close], strings.Fields(st[close+1:])
		pid := filepath.Base(filepath.Dir(p))
		if len(rest) < 15 || (comm != "dockerd" && comm != "containerd" && pid != "1") {
			continue
		}
		var t [4]float64 // utime stime cutime cstime
		for i := range t {
			t[i], _ = strconv.ParseFloat(rest[11+i], 64)
			t[i] /= clockTick
		}
		switch {
		case comm == "dockerd":
			s.dockerd += t[0] + t[1]
			s.dockerdKids += t[2] + t[3]
		case comm == "containerd":
			s.containerd += t[0] + t[1] + t[2] + t[3]
		default: // PID 1
			s.orphans += t[2] + t[3]
		}
	}
	s.containers, s.cgroup = containersCPU()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		s.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	return s, nil
}

// containersCPU is the CPU of every container's processes so far, from the cgroup Docker puts
// them under (cgroupfs driver: cgroup v1's cpuacct/docker, v2's docker/cpu.stat).
func containersCPU() (float64, bool) {
	if b, err := os.ReadFile("/sys/fs/cgroup/cpuacct/docker/cpuacct.usage"); err == nil {
		ns, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
		return ns / 1e9, err == nil
	}
	f, err := os.Open("/sys/fs/cgroup/docker/cpu.stat")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), " "); ok && k == "usage_usec" {
			us, err := strconv.ParseFloat(v, 64)
			return us / 1e6, err == nil
		}
	}
	return 0, false
}

// lifecycleVariant changes a bare lifecycle's container: one part of the sandbox's settings
// taken away (or, for the network, the host's namespace instead of a new empty one).
type lifecycleVariant struct {
	name, what string
	change     func(*container.Config, *container.HostConfig)
}

var lifecycleVariants = []lifecycleVariant{
	{name: "judged", what: "python3 -c pass, the sandbox's settings (the ceiling row's container)"},
	{name: "true", what: "/bin/true instead of python3 -c pass: the container without Python",
		change: func(c *container.Config, _ *container.HostConfig) { c.Cmd = []string{"/bin/true"} }},
	{name: "no-tmpfs", what: "no tmpfs mount at /tmp (the sandbox's one mount of its own)",
		change: func(c *container.Config, h *container.HostConfig) { h.Tmpfs, c.WorkingDir = nil, "/" }},
	{name: "no-limits", what: "no memory, pids or CPU limits, no ulimits",
		change: func(_ *container.Config, h *container.HostConfig) { h.Resources = container.Resources{} }},
	{name: "host-net", what: "the host's network namespace instead of a new one (never for a submission)",
		change: func(c *container.Config, h *container.HostConfig) { c.NetworkDisabled, h.NetworkMode = false, "host" }},
	{name: "rw-root", what: "a writable root file system instead of a read-only one",
		change: func(_ *container.Config, h *container.HostConfig) { h.ReadonlyRootfs = false }},
}

type anatomyRow struct {
	name, what string
	lat        result
	cpu        cpuSplit
}

// minLifecycles is how many lifecycles a variant takes at least, whatever the budget.
const minLifecycles = 4

// anatomy runs at most n lifecycles, one at a time, of each variant (the first as judged); under
// a budget, each variant takes its share of the time until until.
func anatomy(ctx context.Context, log io.Writer, sb *docker.Sandbox, n int, until time.Time) ([]anatomyRow, error) {
	fmt.Fprintf(log, "  lifecycle: %s one at a time for each of %d variants\n", upTo(n, until), len(lifecycleVariants))
	var rows []anatomyRow
	for k, v := range lifecycleVariants {
		mine := shareOf(until, len(lifecycleVariants)-k)
		if err := sb.LifecycleWith(ctx, v.change); err != nil { // unmeasured: the first may pay for caches
			return nil, fmt.Errorf("lifecycle %s: %w", v.name, err)
		}
		row := anatomyRow{name: v.name, what: v.what}
		// The last container's shim and file-system daemons end a little after its removal:
		// let them, so the CPU they still spend is not counted as this variant's.
		if err := sleep(ctx, time.Second); err != nil {
			return nil, err
		}
		a, err := snapshot()
		if err != nil {
			return nil, err
		}
		for i := 0; more(i, n, minLifecycles, mine); i++ {
			start := time.Now()
			if err := sb.LifecycleWith(ctx, v.change); err != nil {
				return nil, fmt.Errorf("lifecycle %s: %w", row.name, err)
			}
			row.lat.latencies = append(row.lat.latencies, time.Since(start))
		}
		if err := sleep(ctx, time.Second); err != nil {
			return nil, err
		}
		b, err := snapshot()
		if err != nil {
			return nil, err
		}
		row.cpu = a.per(b, len(row.lat.latencies))
		rows = append(rows, row)
	}
	return rows, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

func printAnatomy(out io.Writer, rows []anatomyRow) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(out, "\none container lifecycle (create+start+wait+remove, one at a time): its latency, and where its CPU went, ms per lifecycle\n")
	fmt.Fprintf(out, "  %-10s %7s %7s %8s %8s %10s %8s %10s %6s  %s\n", "variant", "p50 ms", "cpu ms", "dockerd", "helpers", "containerd", "orphans", "containers", "rest", "what")
	for _, r := range rows {
		cont := fmt.Sprintf("%.1f", r.cpu.containers)
		if !r.cpu.cgroup {
			cont = "n/a" // no cgroupfs cgroup found: counted in the orphans
		}
		fmt.Fprintf(out, "  %-10s %7.1f %7.1f %8.1f %8.1f %10.1f %8.1f %10s %6.1f  %s\n", r.name, ms(r.lat.p(0.5)), r.cpu.total, r.cpu.dockerd,
			r.cpu.dockerdKids, r.cpu.containerd, r.cpu.orphans, cont, r.cpu.rest, r.what)
	}
	fmt.Fprintf(out, "  (helpers: what dockerd ran and reaped, the fuse-overlayfs mounts and the like; containerd: its own and what it reaped; orphans: what PID 1\n"+
		"  reaped less the containers, the shims with their runc runs and the fuse-overlayfs daemons; containers: the containers' own processes, by their cgroup;\n"+
		"  rest: the kernel's threads and interrupts, and what had not ended yet, less this bench's own CPU)\n")
}
