"""`python -m bench.audit [--posts 200000]`: `rapport audit` on a synthetic X archive of that many items.

The archive is a .zip shaped like X's (data/tweets.js, data/account.js; tests/exports.py writes each
tweet), five years of an account: posts, replies, threads, retweets and photos, their words drawn
from bench/corpus.py's generated drafts (heavy on broadcast habits) or from `--corpus` (CSV texts,
as `python -m bench` takes them). Measured, each in a fresh process so that peak memory is the audit's own:
- in-process: the audit loop alone (read, lint, count), its time, items/s and posts linted/s;
- lint alone: Linter.lint over the same posts' texts in another process, the baseline that shows what
  reading and counting add (this shared machine's speed moves by tens of percent from run to run);
- the command: `rapport audit ARCHIVE --html REPORT` wall time, start-up and report included;
and peak RSS, also for an archive a tenth the size, to show memory does not grow with it.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from server.child_process import RAPPORT
from tests.exports import Item, at, tweet, x_js

from . import corpus

KINDS = (("post", 0.50), ("reply", 0.25), ("self-reply", 0.05), ("repost", 0.15), ("media", 0.05))


def items(count: int, texts: list[str], seed: int = 11) -> Iterator[Item]:
    """`count` items, five years of them oldest first, their words taken from `texts` in turn."""
    rng = random.Random(seed)
    kinds, weights = zip(*KINDS, strict=True)
    for number in range(count):
        month = number * 60 // count
        when = at(2020 + month // 12, month % 12 + 1, rng.randint(1, 28))
        kind = rng.choices(kinds, weights)[0]
        yield Item("" if kind == "media" else texts[number % len(texts)], when, kind)  # a photo and no words


def write_archive(path: Path, count: int, texts: list[str]) -> Path:
    """The .zip, tweets.js written a piece at a time (the archive never sits whole in memory)."""
    from tests.exports import ACCOUNT_ID
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/account.js", "".join(x_js("account.part0", [{"account": {
            "username": "bakery", "accountId": ACCOUNT_ID, "accountDisplayName": "The Bakery"}}])))
        with archive.open("data/tweets.js", "w", force_zip64=True) as member:
            tweets = (tweet(number, item) for number, item in enumerate(items(count, texts)))
            for piece in x_js("tweets.part0", tweets):
                member.write(piece.encode("utf-8"))
    return path


def measure_in_process(archive: Path) -> dict[str, Any]:
    """Run in a child process: the audit loop timed, and this process's peak RSS."""
    from audit.aggregate import Audit
    from audit.pipeline import audit_paths
    from audit.progress import Progress
    from audit.render_json import report_json
    from rules import DEFAULT_PACK, Linter, load_pack, warm_up

    warm_up()
    linter = Linter(load_pack(DEFAULT_PACK))
    before = _peak_mib()
    audit = Audit(linter)
    started, cpu_started = time.perf_counter(), time.process_time()
    with Progress(enabled=False) as progress:
        audit_paths([archive], audit, progress)
    document = report_json(audit.report())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    items_read = sum(source["items"] for source in document["sources"])
    return {"items": items_read, "posts": document["posts"], "reposts": document["reposts"],
            **_rates(document["posts"], seconds, cpu), "items_per_second": round(items_read / seconds),
            "peak_rss_mib_before_audit": round(before, 1), "peak_rss_mib": round(_peak_mib(), 1)}


def measure_lint_alone(archive: Path) -> dict[str, Any]:
    """Run in a child process: the posts' texts read into a list, then linted in a timed loop."""
    from audit.pipeline import read_posts
    from audit.posts import WRITTEN
    from audit.progress import Progress
    from rules import DEFAULT_PACK, Linter, load_pack, warm_up

    warm_up()
    linter = Linter(load_pack(DEFAULT_PACK))
    with Progress(enabled=False) as progress:
        posts = [(post.text, post.platform) for post in read_posts([archive], progress, []) if post.kind in WRITTEN]
    started, cpu_started = time.perf_counter(), time.process_time()
    for text, platform in posts:
        linter.lint(text, platform)
    return {"posts": len(posts), **_rates(len(posts), time.perf_counter() - started, time.process_time() - cpu_started)}


def _rates(posts: int, seconds: float, cpu: float) -> dict[str, Any]:
    """Per wall-clock second, and per second of this process's CPU time (what other processes on a
    busy machine do not take away)."""
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "posts_per_second": round(posts / seconds),
            "posts_per_cpu_second": round(posts / cpu)}


def measure_command(archive: Path, report: Path) -> dict[str, Any]:
    started = time.perf_counter()
    child = subprocess.Popen([*RAPPORT, "audit", str(archive), "--html", str(report)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode:
        raise SystemExit(f"rapport audit failed: {child.stderr.read().decode()}")
    return {"seconds": round(seconds, 2), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
            "report_kib": round(report.stat().st_size / 1024)}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KiB


def _in_child(archive: Path, what: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.audit", "--measure", what, str(archive)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def run(posts: int, corpus_path: Path | None, folder: Path) -> dict[str, Any]:
    texts, described = corpus.load(corpus_path, generated=20_000)
    results: dict[str, Any] = {"items_requested": posts, "texts": described}
    for label, count in (("tenth", posts // 10), ("full", posts)):
        print(f"bench.audit: writing a {count:,}-item archive ...", file=sys.stderr, flush=True)
        archive = write_archive(folder / f"twitter-{count}.zip", count, texts)
        print("bench.audit: auditing in-process ...", file=sys.stderr, flush=True)
        results[label] = {"archive_mib": round(archive.stat().st_size / 2**20, 1),
                          "tweets_js_mib": round(zipfile.ZipFile(archive).getinfo("data/tweets.js").file_size / 2**20, 1),
                          "in_process": _in_child(archive, "audit")}
        if label == "full":
            print("bench.audit: linting the same posts alone ...", file=sys.stderr, flush=True)
            results[label]["lint_alone"] = _in_child(archive, "lint")
            print("bench.audit: running the command ...", file=sys.stderr, flush=True)
            results[label]["command"] = measure_command(archive, folder / "report.html")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit", description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=200_000, help="items in the archive (default: %(default)s)")
    parser.add_argument("--corpus", type=Path, help="a CSV file or folder of CSVs with a `text` column for the posts' "
                        "words (default: drafts generated by bench/corpus.py)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--measure", nargs=2, metavar=("WHAT", "ARCHIVE"), help=argparse.SUPPRESS)  # a child's part
    args = parser.parse_args(argv)
    if args.measure:
        what, archive = args.measure
        measure = {"audit": measure_in_process, "lint": measure_lint_alone}[what]
        print(json.dumps(measure(Path(archive))))
        return 0
    with tempfile.TemporaryDirectory(prefix="rapport-bench-audit-") as folder:
        results = run(args.posts, args.corpus, Path(folder))
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
