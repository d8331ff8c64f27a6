"""Soak test: many clients against the real service while its rules file is rewritten under it.

    python -m bench.soak [--quick] [--clients 32] [--seconds 60] [--reload-every 3] [--json]

Starts `rapport serve` on a free 127.0.0.1 port with a temporary copy of the rules
file, runs `--clients` threads (one keep-alive connection each) posting drafts for `--seconds`,
and every `--reload-every` seconds rewrites the rules file with only its `version` changed
(alternating "soak-a"/"soak-b", alternately by rename and in place), so the watcher really
reloads while requests are in flight. Every answer is compared with a single-threaded,
in-process lint of the same draft by the same rules: the findings' rule ids, offsets and
lengths must be identical, and the ruleset version must be one of the two written.

Reports errors (exceptions and non-200 answers), wrong answers, p50/p99 latency, reloads seen
at GET /v1/rules/status, and the service's RSS before and after. Only loopback traffic; every
loop is bounded by a deadline and a request cap. `--quick` is 4 clients for 5 seconds.
Exit status 0 only with no errors, no wrong answers and at least one reload seen.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rules import DEFAULT_PACK, Linter, RulePack, load_pack
from server import contract
from server.child_process import child_pids, service

from .timing import Latency

ORIGIN = "chrome-extension://soaksoaksoaksoaksoaksoaksoaksoak"
VERSIONS = ("soak-a", "soak-b")
MARKER = "quokka-soak-5513"  # a draft word that must never appear in the service's log
QUICK = {"clients": 4, "seconds": 5.0}
MAX_REQUESTS_PER_CLIENT = 2_000_000  # a cap besides the deadline, so no loop is unbounded
_VERSION_LINE = re.compile(r'^version:.*$', re.MULTILINE)


@dataclass
class Result:
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    wrong: int = 0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    per_second: float = 0.0
    rewrites: int = 0
    reloads_seen: int = 0
    versions_answered: dict[str, int] = field(default_factory=dict)
    rules_errors_seen: int = 0
    rss_before_mib: float = 0.0
    rss_after_mib: float = 0.0
    marker_in_log: bool = False
    samples: list[str] = field(default_factory=list)  # first few problems, without draft text

    @property
    def ok(self) -> bool:
        return not self.errors and not self.wrong and self.reloads_seen >= 1 and not self.marker_in_log


def drafts(pack: RulePack) -> list[tuple[str, str]]:
    """(text, platform) pairs: every rule's examples plus drafts that stress offsets and size."""
    found = [(example.text, example.platform) for rule in pack.rules
             for example in (*rule.flag_examples, *rule.pass_examples)]
    found += [
        (f"RT to win a {MARKER} voucher! 🎉👩‍👩‍👧‍👦 Tag 3 friends!!!", "x"),
        ("Thanks, Sam — we're sorry about the wait. What would help most? 🙏", "generic"),
        ("\u202eDo not reply\u202c to this 😀 message. e\u0301 \ud800 #deal #sale #offer #now", "threads"),
        ("WE ARE THE AWARD-WINNING LEADER. SHOP NOW, TODAY ONLY! https://example.com " * 20, "linkedin"),
        ("Our new menu is out. https://example.com", "bluesky"),
        ("a" * 2000 + " RT to win", "generic"),
        ("", "generic"),
    ]
    return found


def _answer_key(findings: list[dict]) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["offset"], f["length"]) for f in findings]


def reference(pack: RulePack, corpus: list[tuple[str, str]]) -> list[list[tuple[str, int, int]]]:
    """The single-threaded, in-process answer for every draft."""
    linter = Linter(pack)
    try:
        return [_answer_key(contract.lint_result(linter.lint(text, platform))["findings"]) for text, platform in corpus]
    finally:
        linter.close()


def _rss_mib(pid: int) -> float:
    """RSS of the service: its supervising process and the worker process(es) that lint."""
    try:
        import psutil
    except ImportError:
        return sum(_proc_rss_mib(each) for each in (pid, *child_pids(pid)))
    service = psutil.Process(pid)
    return sum(each.memory_info().rss for each in (service, *service.children(recursive=True))) / 2**20


def _proc_rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _get(port: int, path: str) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Origin": ORIGIN})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def _write_rules(path: Path, template: str, version: str, by_rename: bool) -> None:
    text = _VERSION_LINE.sub(f'version: "{version}"', template, count=1)
    if by_rename:  # how most editors save
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


def run(clients: int = 32, seconds: float = 60.0, reload_every: float = 3.0, rules: Path = DEFAULT_PACK,
        log=print) -> Result:
    result = Result(clients=clients, seconds=seconds)
    template = Path(rules).read_text(encoding="utf-8")
    if not _VERSION_LINE.search(template):
        raise ValueError(f"{rules} has no top-level version line to vary")
    with tempfile.TemporaryDirectory(prefix="rapport-soak-") as workdir:
        work = Path(workdir)
        # Other files next to the rules (packs it extends) come along, so relative `extends` still resolve.
        for sibling in Path(rules).resolve().parent.glob("*.yaml"):
            shutil.copy(sibling, work / sibling.name)
        path = work / Path(rules).name
        packs = {}
        for version in reversed(VERSIONS):  # the last one written, VERSIONS[0], is what the service starts on
            _write_rules(path, template, version, by_rename=True)
            packs[version] = load_pack(path)
        variants = {pack.version: version for version, pack in packs.items()}
        corpus = drafts(packs[VERSIONS[0]])
        expected = reference(packs[VERSIONS[0]], corpus)  # the same rules for both versions: only `version` differs
        log(f"soak: {len(corpus)} drafts, {clients} clients, {seconds:g} s, rewrite every {reload_every:g} s")

        service_log = (work / "service.log").open("w+b")
        try:
            with service(path, log=service_log) as running:
                result.rss_before_mib = _rss_mib(running.pid)
                _soak(running.port, path, template, corpus, expected, variants, clients, seconds, reload_every, result)
                result.rss_after_mib = _rss_mib(running.pid)
        finally:
            service_log.seek(0)
            result.marker_in_log = MARKER.encode() in service_log.read()
            service_log.close()
    return result


def _soak(port, path, template, corpus, expected, variants, clients, seconds, reload_every, result) -> None:
    lock = threading.Lock()
    durations: list[list[float]] = [[] for _ in range(clients)]
    stop = threading.Event()
    start_barrier = threading.Barrier(clients + 1)

    def problem(text: str) -> None:
        with lock:
            if len(result.samples) < 10:
                result.samples.append(text)

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Origin": ORIGIN, "Content-Type": "application/json"}
        versions: dict[str, int] = {}
        errors = wrong = 0
        try:
            start_barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            return
        clock = time.perf_counter
        for n in range(MAX_REQUESTS_PER_CLIENT):
            if stop.is_set():
                break
            draft = (index * 7919 + n) % len(corpus)
            text, platform = corpus[draft]
            body = json.dumps({"text": text, "platform": platform})
            before = clock()
            try:
                connection.request("POST", "/v1/lint", body=body, headers=headers)
                response = connection.getresponse()
                raw = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                durations[index].append(clock() - before)
                errors += 1
                problem(f"client {index}, draft #{draft}: {type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            durations[index].append(clock() - before)
            if status != 200:
                errors += 1
                problem(f"client {index}, draft #{draft}: HTTP {status} {raw[:200]!r}")
                continue
            answer = json.loads(raw)
            version = answer["ruleset"]["version"]
            versions[version] = versions.get(version, 0) + 1
            if version not in variants or _answer_key(answer["findings"]) != expected[draft]:
                wrong += 1
                problem(f"client {index}, draft #{draft}: version {version}, got {_answer_key(answer['findings'])}, "
                        f"expected {expected[draft]}")
        connection.close()
        with lock:
            result.errors += errors
            result.wrong += wrong
            for version, count in versions.items():
                name = variants.get(version, version)
                result.versions_answered[name] = result.versions_answered.get(name, 0) + count

    def monitor() -> None:
        """Counts reloads as changes of loaded_at at /v1/rules/status."""
        last = None
        while not stop.wait(0.2):
            try:
                status, body = _get(port, "/v1/rules/status")
            except OSError as error:
                problem(f"status: {type(error).__name__}: {error}")
                continue
            if status != 200:
                problem(f"status: HTTP {status}")
                continue
            if body.get("error"):
                result.rules_errors_seen += 1
            if last is not None and body["loaded_at"] != last:
                result.reloads_seen += 1
            last = body["loaded_at"]

    workers = [threading.Thread(target=client, args=(i,), name=f"soak-client-{i}", daemon=True)
               for i in range(clients)]
    watcher = threading.Thread(target=monitor, name="soak-status", daemon=True)
    for worker in workers:
        worker.start()
    watcher.start()
    start_barrier.wait(timeout=60)
    started = time.monotonic()
    deadline = started + seconds
    rewrite = 0
    next_rewrite = started + reload_every
    while (now := time.monotonic()) < deadline:
        if now >= next_rewrite:
            rewrite += 1
            _write_rules(path, template, VERSIONS[rewrite % 2], by_rename=rewrite % 4 != 2)
            next_rewrite = now + reload_every
        time.sleep(min(0.05, max(0.0, deadline - now)))
    result.rewrites = rewrite
    # Let the last rewrite's reload land before the clients stop, so it is counted.
    time.sleep(min(1.5, reload_every))
    stop.set()
    for worker in workers:
        worker.join(timeout=60)
    watcher.join(timeout=10)
    elapsed = time.monotonic() - started
    every = [d for per_client in durations for d in per_client]
    latency = Latency.of(every, elapsed)
    result.requests = latency.count
    result.per_second = round(latency.per_second, 1)
    result.p50_ms = round(latency.p50_ms, 2)
    result.p99_ms = round(latency.p99_ms, 2)
    result.max_ms = round(1000 * max(every, default=0.0), 2)


def report(result: Result) -> str:
    lines = [
        f"requests       {result.requests} in {result.seconds:g} s from {result.clients} clients "
        f"({result.per_second}/s)",
        f"errors         {result.errors}",
        f"wrong answers  {result.wrong}",
        f"latency        p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, max {result.max_ms} ms",
        f"rules          {result.rewrites} rewrites, {result.reloads_seen} reloads seen at /v1/rules/status, "
        f"answers by version {result.versions_answered}, rules errors seen {result.rules_errors_seen}",
        f"service RSS    {result.rss_before_mib:.1f} MiB before, {result.rss_after_mib:.1f} MiB after",
        f"draft in log   {'YES' if result.marker_in_log else 'no'}",
    ]
    lines += [f"  {sample}" for sample in result.samples]
    lines.append("OK" if result.ok else "FAILED")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="4 clients for 5 seconds")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--reload-every", type=float, default=3.0, help="seconds between rewrites of the rules")
    parser.add_argument("--rules", type=Path, default=DEFAULT_PACK, help="rules file to copy (default: rules.yaml)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.clients, args.seconds = QUICK["clients"], QUICK["seconds"]
    if args.clients < 1 or args.seconds <= 0 or args.reload_every <= 0:
        parser.error("--clients, --seconds and --reload-every must be positive")
    result = run(args.clients, args.seconds, args.reload_every, args.rules,
                 log=(lambda *a: print(*a, file=sys.stderr)) if args.json else print)
    print(json.dumps(asdict(result) | {"ok": result.ok}, indent=2) if args.json else report(result))
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
