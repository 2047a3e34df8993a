"""Tests of packaging/airflow/dags/aliasing_smr.py without Airflow installed.

A few stand-in classes take the place of airflow's DAG, BashOperator and Param and record what the DAG
asks for; the promotion command itself runs in bash against a fake `aliasing`, and the job files it would
write are checked with the real `aliasing plan`.

Environment: ALIASING_BIN (the built aliasing), ALIASING_SOURCE_DIR (the source tree).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import types
import unittest
from pathlib import Path

SOURCE_DIR = Path(os.environ["ALIASING_SOURCE_DIR"])
ALIASING_BIN = os.environ["ALIASING_BIN"]
DAG_FILE = SOURCE_DIR / "packaging/airflow/dags/aliasing_smr.py"
JOB_KEYS = {"alias_name", "data_source", "index_base", "abort_run", "delete_old", "forcemerge_new",
            "new_replicas", "max_segment_size_bytes", "entities", "keep_generations"}


class FakeDag:
    current = None

    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []

    def __enter__(self):
        FakeDag.current = self
        return self

    def __exit__(self, *exc):
        FakeDag.current = None
        return False


class FakeBashOperator:
    def __init__(self, task_id, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        self.downstream = []
        FakeDag.current.tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other)
        return other


class FakeParam:
    def __init__(self, default, **kwargs):
        self.default = default
        self.kwargs = kwargs


def install_fake_airflow():
    modules = {name: types.ModuleType(name) for name in
               ("airflow", "airflow.models", "airflow.models.param", "airflow.operators", "airflow.operators.bash")}
    modules["airflow"].DAG = FakeDag
    modules["airflow.models.param"].Param = FakeParam
    modules["airflow.operators.bash"].BashOperator = FakeBashOperator
    sys.modules.update(modules)


def load_dag(environment):
    """Imports the DAG file as Airflow's parser would, with ALIASING_ENVIRONMENT set."""
    install_fake_airflow()
    os.environ["ALIASING_ENVIRONMENT"] = environment
    try:
        spec = importlib.util.spec_from_file_location(f"aliasing_smr_{environment}", DAG_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        del os.environ["ALIASING_ENVIRONMENT"]


def render(text, abort_run=False):
    """What Airflow's Jinja does to the templates this DAG uses."""
    return (text.replace("{{ params.abort_run }}", str(abort_run))
                .replace("{{ conn.aliasing_es_ppte.host }}", "http://127.0.0.1:9")
                .replace("{{ conn.aliasing_es_ppte.password }}", "test-api-key"))


def task(module, task_id):
    return next(t for t in module.dag.tasks if t.task_id == task_id)


class DagShapeTest(unittest.TestCase):
    def setUp(self):
        self.module = load_dag("ppte")

    def test_has_one_promotion_task_per_data_source(self):
        self.assertEqual([t.task_id for t in self.module.dag.tasks], ["promote_smr", "promote_smr_employee"])

    def test_smr_employee_runs_after_smr(self):
        self.assertEqual(task(self.module, "promote_smr").downstream, [task(self.module, "promote_smr_employee")])

    def test_exit_99_skips_the_task(self):
        for t in self.module.dag.tasks:
            self.assertEqual(t.kwargs["skip_on_exit_code"], 99, t.task_id)

    def test_airflow_never_retries_a_task(self):
        for t in self.module.dag.tasks:
            self.assertEqual(t.kwargs["retries"], 0, t.task_id)

    def test_worker_environment_is_kept_for_path(self):
        for t in self.module.dag.tasks:
            self.assertTrue(t.kwargs["append_env"], t.task_id)

    def test_cluster_url_and_api_key_come_from_the_environments_connection(self):
        for t in self.module.dag.tasks:
            env = t.kwargs["env"]
            self.assertEqual(env["ALIASING_ES_URL"], "{{ conn.aliasing_es_ppte.host }}", t.task_id)
            self.assertEqual(env["ALIASING_ES_API_KEY"], "{{ conn.aliasing_es_ppte.password }}", t.task_id)

    def test_overlapping_dag_runs_are_prevented(self):
        self.assertEqual(self.module.dag.kwargs["max_active_runs"], 1)


class JobFileTest(unittest.TestCase):
    def test_job_files_use_only_job_file_keys(self):
        for t in load_dag("prod").dag.tasks:
            self.assertLessEqual(set(json.loads(t.kwargs["env"]["ALIASING_JOB"])), JOB_KEYS, t.task_id)

    def test_job_files_hold_no_cluster_url_or_credentials(self):
        for t in load_dag("prod").dag.tasks:
            text = t.kwargs["env"]["ALIASING_JOB"]
            for secret_hint in ("conn.", "http", "password", "api_key", "ALIASING_ES"):
                self.assertNotIn(secret_hint, text, t.task_id)

    def test_smr_and_smr_employee_share_the_index_base(self):
        jobs = [json.loads(t.kwargs["env"]["ALIASING_JOB"]) for t in load_dag("dev").dag.tasks]
        self.assertEqual({j["index_base"] for j in jobs}, {"smr-1_3_0"})

    def test_alias_names_carry_the_environment(self):
        for environment in ("dev", "ppte", "prod"):
            jobs = [json.loads(t.kwargs["env"]["ALIASING_JOB"]) for t in load_dag(environment).dag.tasks]
            self.assertEqual([j["alias_name"] for j in jobs], [f"smr-{environment}", f"smr-employee-{environment}"])

    def test_unknown_environment_is_an_import_error(self):
        with self.assertRaisesRegex(ValueError, "ALIASING_ENVIRONMENT"):
            load_dag("production")

    def test_rendered_job_files_are_valid_for_aliasing_in_every_environment(self):
        for environment in ("dev", "ppte", "prod"):
            for t in load_dag(environment).dag.tasks:
                code, output = self.plan(render(t.kwargs["env"]["ALIASING_JOB"]))
                self.assertNotEqual(code, 2, f"{environment} {t.task_id}: {output}")

    def test_abort_run_param_makes_aliasing_exit_99(self):
        job = task(load_dag("prod"), "promote_smr").kwargs["env"]["ALIASING_JOB"]
        code, output = self.plan(render(job, abort_run=True))
        self.assertEqual(code, 99, output)

    @staticmethod
    def plan(job_text):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as job:
            job.write(job_text)
            job.flush()
            catalogs = SOURCE_DIR / "examples/catalogs"
            result = subprocess.run(
                [ALIASING_BIN, "plan", job.name, "--catalog", str(catalogs / "smr.json"),
                 "--aliases", str(catalogs / "smr-aliases.json"), "--now", "20261124t020000"],
                capture_output=True, text=True, timeout=60)
            return result.returncode, result.stdout + result.stderr


class PromoteCommandTest(unittest.TestCase):
    """The bash command around `aliasing run`, with a fake aliasing that exits with scripted codes."""

    def run_command(self, codes):
        module = load_dag("ppte")
        t = task(module, "promote_smr")
        with tempfile.TemporaryDirectory() as scratch:
            fake = Path(scratch) / "aliasing"
            calls = Path(scratch) / "calls"
            fake.write_text(
                "#!/bin/bash\n"
                f"echo \"$1 $(basename \"$2\") url=$ALIASING_ES_URL\" >> {calls}\n"
                f"codes=({' '.join(str(c) for c in codes)})\n"
                f"n=$(wc -l < {calls})\n"
                "exit ${codes[$((n - 1))]}\n")
            fake.chmod(0o755)
            env = {key: render(value) for key, value in t.kwargs["env"].items()}
            env.update(PATH=os.environ["PATH"], ALIASING_BIN=str(fake), ALIASING_RERUN_DELAY="0")
            result = subprocess.run(["bash", "-c", t.kwargs["bash_command"]], env=env,
                                    capture_output=True, text=True, timeout=60)
            lines = calls.read_text().splitlines() if calls.exists() else []
            return result.returncode, lines, result.stdout

    def test_exit_6_is_rerun_until_it_succeeds(self):
        code, calls, _ = self.run_command([6, 6, 0])
        self.assertEqual((code, len(calls)), (0, 3))

    def test_exit_6_is_rerun_at_most_twice_and_then_fails_with_6(self):
        code, calls, _ = self.run_command([6, 6, 6, 0])
        self.assertEqual((code, len(calls)), (6, 3))

    def test_other_exit_codes_pass_through_without_rerun(self):
        for expected in (0, 2, 3, 4, 5, 7, 99):
            code, calls, _ = self.run_command([expected, 0])
            self.assertEqual((code, len(calls)), (expected, 1), f"exit {expected}")

    def test_runs_aliasing_run_on_the_job_with_the_connection_url(self):
        _, calls, _ = self.run_command([0])
        self.assertRegex(calls[0], r"^run aliasing-job\.\w+ url=http://127\.0\.0\.1:9$")

    def test_prints_the_job_in_the_task_log(self):
        _, _, stdout = self.run_command([0])
        self.assertIn('"alias_name": "smr-ppte"', stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
