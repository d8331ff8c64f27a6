"""The pre-commit hook (.pre-commit-hooks.yaml) as a team's repository uses it, through `pre-commit try-repo`,
with every Python process (pre-commit's, rapport's, a pip it might start) cut off from the network."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent
SPAM = "RT to win a voucher!"
FRIENDLY = "Thanks Jo, what time suits you?"
GUARD = ("import socket\n"
         "def refuse(*args, **kwargs):\n"
         "    raise SystemExit('network used: ' + repr(args))\n"
         "socket.socket.connect = refuse\nsocket.create_connection = refuse\n")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Rapport tests", "-c", "user.email=tests@rapport.invalid", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def offline_env(tmp_path) -> dict[str, str]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(guard),
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}


@pytest.fixture
def hook_repo(tmp_path) -> Path:
    """A repository holding this project's hook definition, as pre-commit clones it."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", repo)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "hooks")
    return repo


def _team_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    _git(path, "init", "-q")
    for name, content in files.items():
        (path / name).write_text(content, encoding="utf-8")
    _git(path, "add", ".")
    return path


def _try_repo(team: Path, hooks: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "pre-commit"), "try-repo", str(hooks), "rapport", "--all-files"],
                          cwd=team, env=env, capture_output=True, text=True, timeout=300)


def test_the_guard_refuses_connections(offline_env):
    done = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                          env=offline_env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "network used" in done.stderr


def test_hook_lints_post_files_and_fails_the_commit_on_spam(tmp_path, hook_repo, offline_env):
    team = _team_repo(tmp_path / "team", {
        "posts.txt": f"{FRIENDLY}\n{SPAM}\n",
        "launch.md": f"# Launch\n\n{SPAM}\n",
        "posts.csv": f'id,text\n1,"{SPAM}"\n',
        "posts.jsonl": json.dumps({"text": SPAM}) + "\n",
        "notes.py": f"# {SPAM}\n",
        "notes.rst": f"{SPAM}\n",
    })
    done = _try_repo(team, hook_repo, offline_env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "network used" not in done.stdout + done.stderr
    assert "rapport lint" in done.stdout and "Failed" in done.stdout
    for where in ("posts.txt:2:1: error [reward-for-sharing]", "launch.md:3:1: error", "posts.csv:2:4: error",
                  'posts.jsonl:1:11: error'):
        assert where in done.stdout
    assert "notes." not in done.stdout


def test_hook_passes_friendly_posts(tmp_path, hook_repo, offline_env):
    team = _team_repo(tmp_path / "team", {"posts.txt": f"{FRIENDLY}\n", "notes.py": f"# {SPAM}\n"})
    done = _try_repo(team, hook_repo, offline_env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rapport lint" in done.stdout and "Passed" in done.stdout
