package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"time"
)

// faultCost measures what one page fault costs on this machine: it maps size bytes of fresh
// anonymous memory and writes one byte per page, timing the CPU this thread spends (the fault
// and the zeroing of the page are the kernel's, charged to the toucher). Machines of our kind
// differ by 10x here while their arithmetic does not (../shared/NOTES.md), and every judged
// test pays for the faults of its fork: readers compare machines by this number.
func faultCost(size int) (perPage time.Duration, err error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	page := os.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return 0, fmt.Errorf("page-fault cost: mmap %d bytes: %w", size, err)
	}
	defer syscall.Munmap(mem)
	before, err := threadCPU()
	if err != nil {
		return 0, err
	}
	for i := 0; i < size; i += page {
		mem[i] = 1
	}
	after, err := threadCPU()
	if err != nil {
		return 0, err
	}
	return (after - before) / time.Duration(size/page), nil
}

// threadCPU is the calling thread's CPU time (user and system).
func threadCPU() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0, fmt.Errorf("getrusage: %w", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// faultCostMedian is faultCost's median over runs.
func faultCostMedian(size, runs int) (time.Duration, error) {
	var ds []time.Duration
	for range runs {
		d, err := faultCost(size)
		if err != nil {
			return 0, err
		}
		ds = append(ds, d)
	}
	slices.Sort(ds)
	return ds[len(ds)/2], nil
}
