"""The contributor workflows keep their security properties (read as data: nothing runs here)."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmark import paths

WORKFLOWS = paths.REPO_ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_pull_request_check_is_read_only_and_runs_only_base_code():
    wf = load("leaderboard-pr.yml")
    assert set(wf["on"]) == {"pull_request"}  # never pull_request_target
    assert wf["on"]["pull_request"]["paths"] == ["leaderboard/submissions/**"]
    assert wf["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in wf["jobs"].values())
    checkouts = [s for s in steps(wf) if s.get("uses", "").startswith("actions/checkout")]
    assert checkouts[0]["with"]["ref"] == "${{ github.event.pull_request.base.sha }}" and "path" not in checkouts[0]["with"]
    assert checkouts[1]["with"]["path"] == "pr" and checkouts[1]["with"]["sparse-checkout"] == "leaderboard"
    assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    copy = next(s["run"] for s in steps(wf) if "cp -RP pr/leaderboard leaderboard" in s.get("run", ""))
    assert "rm -rf pr" in copy
    runs = " ".join(s.get("run", "") for s in steps(wf))
    assert "pr/" not in runs.replace("cp -RP pr/leaderboard leaderboard", "").replace("rm -rf pr", "")
    assert "${{ secrets." not in (WORKFLOWS / "leaderboard-pr.yml").read_text()


def test_the_comment_job_never_checks_out_or_runs_pull_request_code():
    wf = load("leaderboard-comment.yml")
    assert set(wf["on"]) == {"workflow_run"} and wf["on"]["workflow_run"]["workflows"] == ["Leaderboard submission check"]
    assert load("leaderboard-pr.yml")["name"] == "Leaderboard submission check"
    uses = [s.get("uses", "") for s in steps(wf)]
    assert not any(u.startswith(("actions/checkout", "actions/setup-python")) for u in uses)
    runs = " ".join(s.get("run", "") for s in steps(wf))
    for forbidden in ("pip ", "python", "dateline leaderboard", "bash comment", "sh comment", "source ", "git "):
        assert forbidden not in runs
    assert "*[!0-9]*" in runs and "head.sha" in runs  # the number is checked, and matched to the run's commit
    assert wf["permissions"] == {"actions": "read", "pull-requests": "write"}


def test_a_push_to_main_rebuilds_checks_and_publishes():
    wf = load("leaderboard-publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    runs = [s.get("run", "") for s in steps(wf)]
    assert "dateline leaderboard build --output-dir site" in runs and "dateline leaderboard build --check" in runs
    uses = [s.get("uses", "") for s in steps(wf)]
    assert "actions/upload-pages-artifact@v3" in uses and "actions/deploy-pages@v4" in uses
    assert wf["permissions"] == {"contents": "read"} and wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_installs_chromium_and_checks_the_committed_board():
    script = (paths.REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = script.splitlines()
    pytest_line = next(i for i, line in enumerate(lines) if "pytest" in line)
    chromium_line = next(i for i, line in enumerate(lines) if "install -y -qq chromium" in line)
    assert chromium_line < pytest_line and "/usr/bin/chromium" in lines[chromium_line]
    assert any("dateline leaderboard build --check" in line for line in lines)
    assert Path(WORKFLOWS).is_dir()
