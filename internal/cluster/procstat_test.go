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
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil || child == pid {
			continue
		}
		if t, parent := statTimes(child); parent == pid {
			total += t
		}
	}
	return total
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

// memory is a process's resident set now and at its peak, in MB.
func memory(pid int) (rss, peak float64) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, 0
	}
	for line := range strings.Lines(string(b)) {
		k, v, _ := strings.Cut(line, ":")
		kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
		switch k {
		case "VmRSS":
			rss = kb / 1024
		case "VmHWM":
			peak = kb / 1024
		}
	}
	return rss, peak
}
