package cluster

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTick is the kernel's USER_HZ, the unit of CPU times in /proc/<pid>/stat: 100 on
// every Linux this runs on.
const clockTick = 100

// cpuTime is the CPU a process used, user and system, with its children that ended
// (PostgreSQL's backends), and that of its children still running.
func cpuTime(pid int) time.Duration {
	total, _ := statTimes(pid)
	for _, child := range children(pid) {
		t, _ := statTimes(child)
		total += t
	}
	return total
}

// children are the running processes whose parent is pid.
func children(pid int) []int {
	var out []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil || child == pid {
			continue
		}
		if _, parent := statTimes(child); parent == pid {
			out = append(out, child)
		}
	}
	return out
}

// statTimes reads utime+stime+cutime+cstime and the parent's pid from /proc/pid/stat.
func statTimes(pid int) (time.Duration, int) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, 0
	}
	// The command name is in parentheses and may hold spaces: fields follow its ")".
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 15 {
		return 0, 0
	}
	ppid, _ := strconv.Atoi(f[1])
	var ticks int64
	for _, i := range []int{11, 12, 13, 14} {
		n, _ := strconv.ParseInt(f[i], 10, 64)
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTick, ppid
}

// anonMemory is the private (anonymous) resident memory of a process and its children,
// in MB: PostgreSQL's backends share its buffers, which a sum of RSS would count again
// for each.
func anonMemory(pid int) float64 {
	total := statusField(pid, "RssAnon")
	for _, child := range children(pid) {
		total += statusField(child, "RssAnon")
	}
	return total / 1024
}

// statusField is a kB field of /proc/pid/status.
func statusField(pid int, name string) float64 {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if k, v, _ := strings.Cut(line, ":"); k == name {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb
		}
	}
	return 0
}

// peakMemory is a process's largest resident set so far, in MB.
func peakMemory(pid int) float64 { return statusField(pid, "VmHWM") / 1024 }
