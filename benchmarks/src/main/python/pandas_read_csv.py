"""The peer of CsvReadBenchmark: pd.read_csv on the same files, as the original GLAMI-1M loader does.

Usage (Debian's python3-pandas):
    /usr/bin/python3 benchmarks/src/main/python/pandas_read_csv.py FILE.csv [REPEATS]
Prints the median, min and max seconds of REPEATS full reads (after one untimed warm-up read),
rows per second at the median, and the process's peak resident memory.
"""
import resource
import statistics
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows = len(pd.read_csv(path))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        times.append(time.perf_counter() - start)
        del frame
    median = statistics.median(times)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas {pd.__version__} read_csv {path}: {rows} rows; median {median:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}, {repeats} reads); "
          f"{rows / median:,.0f} rows/s; peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
