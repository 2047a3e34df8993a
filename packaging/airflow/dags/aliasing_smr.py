"""Promote the smr and smr-employee generations written by the smr ETL (Airflow >= 2.6).

One DAG, two BashOperator tasks, run one after the other: smr, then smr-employee. Both data sources share
the index_base smr-1_3_0; each plugin claims only its own indices, so neither task ever touches the other's.

The exit-code contract of `aliasing run` (see `aliasing help`):
  0   promoted                         -> success
  99  abort_run was set in the job      -> the task is SKIPPED (skip_on_exit_code), and so is everything after it
  6   a step failed, the cluster is safe and a rerun resumes
                                        -> rerun inside the same task attempt, RERUNS_ON_EXIT_6 times
  2, 3, 4, 5, 7 (and anything else)     -> the task FAILS at once, no retry: a person has to look
Airflow's own `retries` cannot tell exit codes apart, so the task has retries=0 and the one retryable
code (6) is retried by the command itself.

Where things come from:
  ALIASING_ENVIRONMENT   environment variable of the Airflow deployment: dev, ppte or prod (read at parse
                         time; an unknown value is an import error, so a DAG never promotes in the wrong place).
  aliasing_es_<env>      Airflow connection: Host = the cluster URL(s), comma-separated for several nodes;
                         Password = the Elasticsearch API key. Passed to aliasing as ALIASING_ES_URL and
                         ALIASING_ES_API_KEY, never written into the job file (Airflow masks the password
                         in task logs and rendered templates).
  job files              built below from one template per data source plus the per-environment settings,
                         written to a temporary file for the run and printed in the task log.
  abort_run              the DAG param `abort_run` (trigger with {"abort_run": true} to skip both promotions).
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.models.param import Param
from airflow.operators.bash import BashOperator

ENVIRONMENTS = {
    # alias names end in the environment; replicas and retained generations grow towards prod.
    "dev": {"new_replicas": 0, "keep_generations": 0},
    "ppte": {"new_replicas": 1, "keep_generations": 1},
    "prod": {"new_replicas": 1, "keep_generations": 1},
}
ENVIRONMENT = os.environ.get("ALIASING_ENVIRONMENT", "dev")
if ENVIRONMENT not in ENVIRONMENTS:
    raise ValueError(
        f"ALIASING_ENVIRONMENT is [{ENVIRONMENT}]; expected one of {sorted(ENVIRONMENTS)}: "
        "set it in the Airflow deployment's environment"
    )

CONNECTION_ID = f"aliasing_es_{ENVIRONMENT}"
INDEX_BASE = "smr-1_3_0"  # shared by smr and smr-employee (SPEC §4)
SKIP_EXIT_CODE = 99  # abort_run
RERUNS_ON_EXIT_6 = 2
RERUN_DELAY_SECONDS = 300

# Runs in bash on the worker. ALIASING_JOB holds the rendered job (no secrets); the cluster URL and API key
# arrive as environment variables. Exit code: aliasing's own, so skip_on_exit_code and failure work unchanged.
# (No Jinja in here: Airflow renders bash_command, and the job's only template lives in ALIASING_JOB.)
PROMOTE_COMMAND = r"""
set -u
[ -n "${ALIASING_ES_API_KEY:-}" ] || unset ALIASING_ES_API_KEY
job="$(mktemp -t aliasing-job.XXXXXX)" || exit 2
trap 'rm -f "$job"' EXIT
printf '%s\n' "$ALIASING_JOB" > "$job"
echo "aliasing job for alias $ALIASING_ALIAS (environment $ALIASING_ENVIRONMENT):"
cat "$job"
rerun=0
while true; do
    "${ALIASING_BIN:-aliasing}" run "$job"
    code=$?
    if [ "$code" -ne 6 ] || [ "$rerun" -ge "$ALIASING_RERUNS" ]; then
        echo "aliasing exited $code"
        exit "$code"
    fi
    rerun=$((rerun + 1))
    echo "aliasing exited 6: a step failed and the cluster is safe; rerun $rerun of $ALIASING_RERUNS in ${ALIASING_RERUN_DELAY}s resumes it"
    sleep "$ALIASING_RERUN_DELAY"
done
"""


def job(data_source: str, environment: str) -> dict:
    """The job file of one data source in one environment (SPEC §3): no cluster URL, no credentials."""
    settings = ENVIRONMENTS[environment]
    return {
        "abort_run": "{{ params.abort_run }}",  # rendered by Airflow at run time: "True" or "False"
        "alias_name": f"{data_source}-{environment}",
        "data_source": data_source,
        "delete_old": "True",
        "forcemerge_new": "True",
        "index_base": INDEX_BASE,
        "new_replicas": str(settings["new_replicas"]),
        "keep_generations": str(settings["keep_generations"]),
    }


def promote_task(data_source: str) -> BashOperator:
    """One promotion: `aliasing run` on the rendered job, cluster from the environment's connection."""
    alias = f"{data_source}-{ENVIRONMENT}"
    return BashOperator(
        task_id=f"promote_{data_source.replace('-', '_')}",
        bash_command=PROMOTE_COMMAND,
        env={
            "ALIASING_ES_URL": "{{ conn.%s.host }}" % CONNECTION_ID,
            "ALIASING_ES_API_KEY": "{{ conn.%s.password }}" % CONNECTION_ID,
            "ALIASING_JOB": json.dumps(job(data_source, ENVIRONMENT), indent=4),
            "ALIASING_ALIAS": alias,
            "ALIASING_ENVIRONMENT": ENVIRONMENT,
            "ALIASING_RERUNS": str(RERUNS_ON_EXIT_6),
            "ALIASING_RERUN_DELAY": str(RERUN_DELAY_SECONDS),
        },
        append_env=True,  # keep the worker's PATH (where aliasing is installed)
        skip_on_exit_code=SKIP_EXIT_CODE,
        retries=0,  # exit 6 is rerun by the command; every other failure needs a person
        execution_timeout=timedelta(hours=4),  # force-merges of a large generation take a while
    )


with DAG(
    dag_id="aliasing_smr",
    description=f"Promote smr and smr-employee ({INDEX_BASE}) to live in {ENVIRONMENT}",
    schedule="30 2 * * *",  # after the nightly smr ETL; or trigger it from the ETL DAG
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,  # aliasing always promotes the newest complete generation: old dates mean nothing
    max_active_runs=1,  # never two promotions of the same alias at once
    params={"abort_run": Param(False, type="boolean", description="skip both promotions (exit 99)")},
    tags=["aliasing", "elasticsearch", ENVIRONMENT],
) as dag:
    promote_smr = promote_task("smr")
    promote_smr_employee = promote_task("smr-employee")
    # Sequential: if smr is refused or fails, smr-employee stays on its current generation too, so the two
    # aliases never point at different ETL runs because of one failure; and one force-merge at a time.
    promote_smr >> promote_smr_employee
