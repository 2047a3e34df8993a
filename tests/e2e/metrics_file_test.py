#!/usr/bin/python3
"""`aliasing run --metrics-file` (SPEC §13) read back by a real parser of the Prometheus text format: Debian's
python3-prometheus-client. A promotion against aliasing-sim, then a failed run (cluster unreachable) that must keep
the last success timestamp of the first. Exit code 77 = the parser is not installed."""

import argparse
import os
import subprocess
import sys
import tempfile

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError:  # pragma: no cover - environment without the Debian package
    print("python3-prometheus-client is not installed: skipped (scripts/install-deps.sh installs it)")
    sys.exit(77)


def parse(path):
    with open(path) as handle:
        text = handle.read()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = dict(sample.labels)
            key = (sample.name, labels.pop("step", None))
            assert labels == {"alias": "customer-prod", "data_source": "customer"}, (sample, labels)
            samples[key] = sample.value
    return samples


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print("  ok  " + what)


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--aliasing", required=True)
    arguments.add_argument("--sim", required=True)
    arguments.add_argument("--demo", required=True)
    arguments.add_argument("--job", required=True)
    options = arguments.parse_args()

    sim = subprocess.Popen([options.sim, "--port", "0", "--quiet", "--state", options.demo],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = sim.stdout.readline().strip()
    try:
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "aliasing-customer.prom")
            first = subprocess.run([options.aliasing, "run", options.job, "--es-url", url, "--metrics-file", path],
                                   capture_output=True, text=True)
            expect(first.returncode == 0, "the promotion exits 0 (%d: %s)" % (first.returncode, first.stderr[-800:]))
            expect(not os.path.exists(path + ".tmp"), "no temporary file is left behind")
            promoted = parse(path)
            expect(promoted[("aliasing_last_run_exit_code", None)] == 0, "exit code 0")
            expect(promoted[("aliasing_last_success_timestamp_seconds", None)] ==
                   promoted[("aliasing_last_run_timestamp_seconds", None)], "the last success is this run")
            expect(promoted[("aliasing_documents_promoted", None)] > 0, "documents promoted")
            expect(promoted[("aliasing_bytes_promoted", None)] > 0, "bytes promoted")
            expect(promoted[("aliasing_indices_deleted", None)] > 0, "indices deleted (delete_old)")
            for step in ("preflight", "discover", "gates", "swap"):
                expect(("aliasing_step_duration_seconds", step) in promoted, "a duration for step " + step)

            failed = subprocess.run([options.aliasing, "run", options.job, "--es-url", "http://127.0.0.1:1",
                                     "--metrics-file", path], capture_output=True, text=True)
            expect(failed.returncode == 5, "a run against no cluster exits 5 (%d)" % failed.returncode)
            after = parse(path)
            expect(after[("aliasing_last_run_exit_code", None)] == 5, "exit code 5 is recorded")
            expect(after[("aliasing_last_success_timestamp_seconds", None)] ==
                   promoted[("aliasing_last_success_timestamp_seconds", None)], "the last success is kept")
            expect(after[("aliasing_last_run_timestamp_seconds", None)] >=
                   promoted[("aliasing_last_run_timestamp_seconds", None)], "the last run moved on")
    finally:
        sim.terminate()
        sim.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
