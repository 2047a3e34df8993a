#!/usr/bin/env python3
"""Prints SPEC §12's table from aliasing_planning_benchmark's JSON output (--benchmark_out_format=json).

Usage: bench_table.py RESULTS.json
Columns: N, the time of each case, plan/floor, naive/plan and plan's nanoseconds per index; then the targets
(plan within 2.5x of the floor at 100k and 1M; plan ns/index within +-30% of the 10k value up to 1M).
"""
import json
import sys

CASES = ["floor", "naive", "catalog_parse", "plan"]
SCALE_TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def load(path):
    with open(path) as f:
        data = json.load(f)
    times = {}
    for run in data["benchmarks"]:
        if run.get("error_occurred") or run.get("run_type", "iteration") != "iteration":
            continue
        case, n = run["name"].split("/")[:2]  # e.g. plan/1000000/iterations:5
        times[(case, int(n))] = run["cpu_time"] * SCALE_TO_MS[run["time_unit"]]
    return data.get("context", {}), times


def fmt_ms(value):
    if value is None:
        return "-"
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    context, times = load(sys.argv[1])
    sizes = sorted({n for (_, n) in times})
    header = ["N", "floor", "naive", "catalog_parse", "plan", "plan/floor", "naive/plan", "plan ns/index"]
    rows = []
    ns_per_index = {}
    plan_over_floor = {}
    for n in sizes:
        t = {case: times.get((case, n)) for case in CASES}
        pf = t["plan"] / t["floor"] if t["plan"] and t["floor"] else None
        np_ = t["naive"] / t["plan"] if t["naive"] and t["plan"] else None
        per = t["plan"] * 1e6 / n if t["plan"] else None
        ns_per_index[n], plan_over_floor[n] = per, pf
        rows.append([f"{n:,}"] + [fmt_ms(t[c]) for c in CASES] +
                    [f"{pf:.2f}x" if pf else "-", f"{np_:.1f}x" if np_ else "-", f"{per:.0f}" if per else "-"])
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for r in rows:
        print(line(r))
    if context:
        print(f"\n{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz, "
              f"build {context.get('library_build_type', '?')} benchmark library")
    print("\ntargets:")
    for n in (100_000, 1_000_000):
        pf = plan_over_floor.get(n)
        verdict = "not run" if pf is None else ("ok" if pf <= 2.5 else "MISSED")
        print(f"  plan within 2.5x of the floor at {n:,}: " + (f"{pf:.2f}x " if pf else "") + verdict)
    base = ns_per_index.get(10_000)
    for n in (100_000, 1_000_000):
        per = ns_per_index.get(n)
        if base is None or per is None:
            print(f"  plan ns/index at {n:,} within 30% of 10k: not run")
            continue
        change = per / base - 1
        print(f"  plan ns/index at {n:,} within 30% of 10k ({base:.0f} ns): {per:.0f} ns ({change:+.0%}) "
              + ("ok" if abs(change) <= 0.30 else "MISSED"))


if __name__ == "__main__":
    main()
