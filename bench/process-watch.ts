import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Watched<T> {
  result: T;
  ms: number;
  /** This thread's worst event-loop block, and its 99th percentile, in ms. */
  blockMs: number;
  blockP99Ms: number;
  /** This process's resident memory just before, and at its highest during, `work` (MiB). */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  /**
   * CPU time this process (all its threads) spent during `work`, in ms. On a machine other
   * work keeps busy, `ms` stretches with the wait for a core; this does much less, so it
   * tells what the work costs, and 1/cost what it could reach with a core to itself.
   */
  cpuMs: number;
}

const mebibytes = (bytes: number) => bytes / 2 ** 20;

/**
 * Runs `work` and reports how it treated this thread's event loop and the process's
 * memory. The peak is the kernel's own high-water mark (VmHWM), reset first through
 * /proc/self/clear_refs, so no short peak between two samples goes unseen and earlier
 * work in this process does not count; where /proc offers neither, rss sampled every
 * 10 ms stands in for it.
 */
export async function watched<T>(work: () => Promise<T>): Promise<Watched<T>> {
  const rssBefore = process.memoryUsage.rss();
  const kernelPeak = resetPeak();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())), 10);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const begin = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    const result = await work();
    const ms = performance.now() - begin;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      result,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      blockMs: lag.max / 1e6,
      blockP99Ms: lag.percentile(99) / 1e6,
      rssBeforeMiB: mebibytes(rssBefore),
      rssPeakMiB: mebibytes(Math.max(sampledPeak, kernelPeak ? peakResident() : 0)),
    };
  } finally {
    lag.disable();
    clearInterval(sampler);
  }
}

/** Resets the kernel's peak-RSS mark to the current RSS (Linux ≥ 4.0); false where it cannot. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** VmHWM from /proc/self/status, in bytes. */
function peakResident(): number {
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Number(kib ?? 0) * 1024;
}

/**
 * CPU time another process (all its threads) has used so far, in ms, from /proc/<pid>/stat
 * (utime and stime, in USER_HZ ticks, which the kernel's ABI fixes at 100 a second);
 * undefined where /proc does not tell.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The fields after the command name, which may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
