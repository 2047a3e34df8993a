#!/usr/bin/env python3
"""Conformance of aliasing-sim with the official Elasticsearch Python client (Debian's python3-elasticsearch 7.17).

Starts aliasing-sim on --port 0 (once as 8.x, once as 7.17.x), then drives it with the unmodified official client:
product check, create indices, swap an alias atomically, force-merge, change replicas, wait for green, delete.
Every step checks its result. Exit 0 = conformant, 1 = a check failed, 77 = the client is not installed (skip).

    /usr/bin/python3 tests/conformance/official_client_test.py --sim build/bin/aliasing-sim
"""
import argparse
import json
import subprocess
import sys
import time
import urllib.request
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)  # 7.17 prefers keyword bodies; both are valid

try:
    import elasticsearch
    from elasticsearch import Elasticsearch
except ImportError:  # pragma: no cover - environment without the Debian package
    print("SKIP: the official client is missing (apt-get install python3-elasticsearch; use /usr/bin/python3)")
    sys.exit(77)


class Sim:
    """One aliasing-sim process on a free port, stopped with SIGTERM at the end."""

    def __init__(self, binary, version, extra=()):
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--version", version, "--replica-delay-ms", "300",
             "--forcemerge-ms-per-gib", "200", "--quiet"] + list(extra),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.process.kill()
            raise RuntimeError("aliasing-sim did not print its URL first: %r %s" % (self.url, self.process.stderr.read()))

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def stop(self):
        self.process.terminate()
        code = self.process.wait(timeout=10)
        if code != 0:
            raise AssertionError("aliasing-sim exited with %d after SIGTERM (want 0)" % code)


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print("  ok  " + what)


def expect_error(status, call, what):
    try:
        call()
    except elasticsearch.TransportError as error:
        expect(error.status_code == status, "%s -> %d (got %s: %s)" % (what, status, error.status_code, error.info))
        return error
    raise AssertionError(what + " did not fail")


def run(sim, version):
    es = Elasticsearch(sim.url)
    info = es.info()  # the client's product check runs before the first request
    expect(info["version"]["number"].startswith(version.split(".x")[0].rstrip(".")), "info reports " + version)
    expect(es.ping(), "ping")

    sim_settings = {"index.sim.store_bytes": 3 * 1024 ** 3, "index.sim.docs": 1000, "index.sim.segments_per_shard": 25}
    created = es.indices.create(index="conf-1", body={"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                                                      "aliases": {"conf-live": {}}})
    expect(created == {"acknowledged": True, "shards_acknowledged": True, "index": "conf-1"}, "create conf-1 with alias")
    es.indices.create(index="conf-2", body={"settings": dict(sim_settings, number_of_shards=2, number_of_replicas=0)})
    expect(es.indices.exists(index="conf-2"), "conf-2 exists")
    expect_error(400, lambda: es.indices.create(index="conf-2"), "creating conf-2 again")

    rows = es.cat.indices(index="conf-*", format="json", bytes="b", h="index,pri,rep,pri.store.size,pri.segments.count", s="index")
    expect(rows == [{"index": "conf-1", "pri": "1", "rep": "0", "pri.store.size": "225", "pri.segments.count": "0"},
                    {"index": "conf-2", "pri": "2", "rep": "0", "pri.store.size": str(3 * 1024 ** 3),
                     "pri.segments.count": "50"}], "cat indices lists both as strings: %s" % rows)

    swapped = es.indices.update_aliases(body={"actions": [
        {"remove": {"index": "conf-1", "alias": "conf-live"}},
        {"add": {"index": "conf-2", "alias": "conf-live"}}]})
    expect(swapped["acknowledged"] is True, "alias swap acknowledged: %s" % swapped)
    expect(es.indices.get_alias(name="conf-live") == {"conf-2": {"aliases": {"conf-live": {}}}}, "alias moved to conf-2")
    expect(es.indices.exists_alias(name="conf-live"), "exists_alias true")
    expect(not es.indices.exists_alias(name="conf-none"), "exists_alias false")
    expect_error(404, lambda: es.indices.get_alias(name="conf-none"), "get missing alias")
    expect_error(404, lambda: es.indices.update_aliases(body={"actions": [
        {"remove": {"index": "conf-1", "alias": "conf-live", "must_exist": True}},
        {"add": {"index": "conf-1", "alias": "conf-other"}}]}), "must_exist on a missing alias")
    expect("conf-other" not in es.indices.get_alias(index="conf-1")["conf-1"]["aliases"], "failed swap applied nothing")

    merged = es.indices.forcemerge(index="conf-2", max_num_segments=1)
    expect(merged["_shards"]["failed"] == 0, "synchronous force-merge: %s" % merged)
    segments = es.cat.indices(index="conf-2", format="json", h="pri.segments.count")[0]["pri.segments.count"]
    expect(segments == "2", "one segment per primary after the merge (%s)" % segments)

    if not version.startswith("7"):
        es.indices.put_settings(index="conf-2", body={"index.sim.segments_per_shard": 9})
        task = es.indices.forcemerge(index="conf-2", max_num_segments=1, params={"wait_for_completion": "false"})["task"]
        expect(":" in task, "asynchronous force-merge returns a task id: " + task)
        status = es.tasks.get(task_id=task)
        expect(status["completed"] is False, "task still running right after it started")
        deadline = time.time() + 10
        while not status["completed"] and time.time() < deadline:
            time.sleep(0.1)
            status = es.tasks.get(task_id=task)
        expect(status["completed"] is True and status["response"]["_shards"]["failed"] == 0, "task completed")
    else:
        expect_error(400, lambda: es.indices.forcemerge(index="conf-2", params={"wait_for_completion": "false"}),
                     "wait_for_completion is an unrecognized parameter in 7.17")

    acked = es.indices.put_settings(index="conf-2", body={"index": {"number_of_replicas": 1}})
    expect(acked == {"acknowledged": True}, "replicas raised to 1")
    health = es.cluster.health(index="conf-2")
    expect(health["status"] == "yellow", "yellow while replicas allocate: %s" % health["status"])
    health = es.cluster.health(index="conf-2", wait_for_status="green", timeout="10s")
    expect(health["status"] == "green" and health["timed_out"] is False, "waited for green")
    settings = es.indices.get_settings(index="conf-2", name="index.number_of_replicas", flat_settings=True)
    expect(settings == {"conf-2": {"settings": {"index.number_of_replicas": "1"}}}, "settings read back as strings")

    if not version.startswith("7"):
        expect_error(400, lambda: es.indices.delete(index="conf-*"), "wildcard delete refused by default in 8.x")
    expect_error(400, lambda: es.indices.delete(index="conf-live"), "delete through an alias refused")
    expect(es.indices.delete(index="conf-1,conf-2") == {"acknowledged": True}, "delete both")
    expect(not es.indices.exists(index="conf-1"), "conf-1 gone")
    expect(es.cat.indices(index="conf-*", format="json") == [], "no conf-* index left")
    expect_error(404, lambda: es.indices.delete(index="conf-1"), "deleting a missing index")

    log = sim.control("GET", "/_sim/requests")
    expect(log["count"] > 10 and all(entry["status"] > 0 for entry in log["requests"]), "request log complete")
    es.transport.close()
    connections = sim.control("GET", "/_sim/connections")
    expect(connections["total"] >= 1, "connections counted: %s" % connections)


def check_demo(sim):
    """The demo cluster: four data sources, the live aliases on the middle generation, all green."""
    es = Elasticsearch(sim.url)
    rows = es.cat.indices(format="json", h="index,health")
    expect(len(rows) == 33 and all(row["health"] == "green" for row in rows), "demo serves 33 green indices")
    live = es.indices.get_alias(name="*-prod")
    expect(sorted({alias for entry in live.values() for alias in entry["aliases"]}) ==
           ["customer-prod", "smr-employee-prod", "smr-prod", "transaction-prod"], "the four production aliases")
    expect(all(name.endswith("20261121t020000123") for name in live), "aliases on the 20261121t020000123 generation")
    newest = es.cat.indices(index="smr-1_3_0-*-20261123t020000", format="json", h="index")
    expect([row["index"] for row in newest] == ["smr-1_3_0-policy-20261123t020000"], "newest smr generation lacks claim")
    es.transport.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sim", required=True, help="path to the aliasing-sim executable")
    parser.add_argument("--demo", help="also serve this state file (examples/demo-cluster.json) and check it")
    arguments = parser.parse_args()
    print("official client %s" % elasticsearch.__versionstr__)
    for version in ("8.15.0", "7.17.9"):
        print("against aliasing-sim --version %s" % version)
        sim = Sim(arguments.sim, version)
        try:
            run(sim, version)
        finally:
            sim.stop()
    if arguments.demo:
        print("against aliasing-sim --state %s" % arguments.demo)
        sim = Sim(arguments.sim, "8.15.0", ["--state", arguments.demo])
        try:
            check_demo(sim)
        finally:
            sim.stop()
    print("PASS")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as failure:
        print("FAIL: %s" % failure)
        sys.exit(1)
