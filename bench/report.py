"""The printed table and the PNG chart of one run."""
from __future__ import annotations

from pathlib import Path
from typing import Any

TARGETS = {
    "start-up": "`rapport lint` on one draft <= 8x `python -c pass`",
    "in-process": ">= 1.5x write-good's drafts/s",
    "HTTP": ">= 3,000 req/s at 4 connections, p99 < 5 ms",
    "service CPU": "<= 2x the lint's per request",
    "rules scaling": "100x the rules: <= 100x the time, loaded in <= 2 s",
    "long drafts": "64 KiB in <= 50 ms",
    "memory": "< 5 MiB growth over the lints",
}


def http_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """wrk's rows (by connections), or the Python client's (by threads) when wrk was not installed."""
    return results["http"] or [{"connections": row["threads"], "service_cpu_ms": None, **row}
                               for row in results["http_python_client"]]


def table(results: dict[str, Any]) -> str:
    """Markdown tables of a run's results (the same text is printed and pasted into docs)."""
    lines = [f"Corpus: {results['corpus']}", ""]
    start = results["start_up"]
    lines += ["| start-up (best of %d) | wall (ms) | CPU (ms) |" % start["runs"], "|---|---:|---:|",
              f"| `python -c pass` | {start['python_ms']:.0f} | {start['python_cpu_ms']:.0f} |",
              f"| `rapport lint` one draft | {start['lint_ms']:.0f} | {start['lint_cpu_ms']:.0f} |", ""]
    inproc, long = results["in_process"], results["long_drafts"]
    lines += ["| measurement | drafts/s | p50 (ms) | p99 (ms) |", "|---|---:|---:|---:|",
              f"| Rapport in-process, 1 thread | {inproc['per_second']:,.0f} | {inproc['p50_ms']:.3f} | "
              f"{inproc['p99_ms']:.3f} |",
              f"| 64 KiB drafts ({long['count']}) | {long['per_second']:,.1f} | {long['p50_ms']:.1f} | "
              f"{long['p99_ms']:.1f} |"]
    generator = "wrk" if results["http"] else "Python client threads (wrk not installed)"
    lines += ["", f"HTTP, one worker, load from {generator}:", "",
              "| connections | requests/s | p50 (ms) | p99 (ms) | service CPU per request (ms) |",
              "|---:|---:|---:|---:|---:|"]
    for row in http_rows(results):
        cpu = f"{row['service_cpu_ms']:.3f}" if row["service_cpu_ms"] is not None else ""
        lines.append(f"| {row['connections']} | {row['per_second']:,.0f} | {row['p50_ms']:.3f} | "
                     f"{row['p99_ms']:.3f} | {cpu} |")
    if "paced_lint_cpu_ms" in results:
        lines += ["", f"The lint alone, in-process, each draft followed by the idle time of one connection's p50 "
                      f"round trip (less the service's CPU): {results['paced_lint_cpu_ms']:.3f} ms CPU per draft."]
    lines += ["", "| rules | factor | load (s) | drafts/s | p50 (ms) | p99 (ms) | time per draft vs 1x |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    base = min(results["scaling"], key=lambda row: row["factor"])
    for row in results["scaling"]:
        cost = base["per_second"] / row["per_second"] if row["per_second"] else float("inf")
        lines.append(f"| {row['rules']} | {row['factor']}x | {row['load_seconds']:.2f} | {row['per_second']:,.0f} | "
                     f"{row['p50_ms']:.3f} | {row['p99_ms']:.3f} | {cost:.1f}x |")
    memory = results["memory"]
    lines += ["", "| lints | RSS before (MiB) | RSS after (MiB) | growth (MiB) |", "|---:|---:|---:|---:|",
              f"| {memory['lints']:,} | {memory['before_mib']:.1f} | {memory['after_mib']:.1f} | "
              f"{memory['growth_mib']:+.2f} |"]
    own = results["peers_rapport"]
    lines += ["", f"Peers, on the same {results['peers_sample']:,} drafts (a fixed sample of the corpus), one thread each:",
              "", "| linter | drafts/s | p50 (ms) | p99 (ms) | Rapport's speed / peer's |", "|---|---:|---:|---:|---:|",
              f"| Rapport (in-process) | {own['per_second']:,.0f} | {own['p50_ms']:.3f} | {own['p99_ms']:.3f} | 1.0x |"]
    for name, row in results["peers"].items():
        if isinstance(row, str):
            lines.append(f"| {name} | {row} | | | |")
        else:
            lines.append(f"| {name} | {row['per_second']:,.0f} | {row['p50_ms']:.3f} | {row['p99_ms']:.3f} | "
                         f"{_ratio(own, row):.2f}x |")
    lines += ["", "| target | measured | met |", "|---|---|:---:|"]
    lines += [f"| {name}: {TARGETS[name]} | {value} | {_MET[met]} |" for name, value, met in verdicts(results)]
    return "\n".join(lines)


_MET = {True: "yes", False: "NO", None: "not measured"}


def _ratio(own: dict[str, Any], peer: dict[str, Any]) -> float:
    return own["per_second"] / peer["per_second"] if peer["per_second"] else float("inf")


def verdicts(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """Each target of issue 13 against this run; None where this run could not tell (a peer missing)."""
    start, own, memory, long = results["start_up"], results["peers_rapport"], results["memory"], results["long_drafts"]
    write_good = results["peers"].get("write-good")
    by_factor = {row["factor"]: row for row in results["scaling"]}
    base, top = by_factor[min(by_factor)], by_factor[max(by_factor)]
    rule_ratio = top["rules"] / base["rules"]
    time_ratio = base["per_second"] / top["per_second"] if top["per_second"] else float("inf")
    rows = {row["connections"]: row for row in http_rows(results)}
    at_four = rows.get(4)
    lint_ms = 1000 / results["in_process"]["per_second"] if results["in_process"]["per_second"] else float("inf")
    cpu = [row["service_cpu_ms"] for row in results["http"]]
    paced = f"; paced as one connection's requests, the lint {results['paced_lint_cpu_ms']:.3f} ms" \
        if "paced_lint_cpu_ms" in results else ""
    verdicts: list[tuple[str, str, bool | None]] = [
        ("start-up", f"{start['lint_ms']:.0f} ms = {start['ratio']:.1f}x {start['python_ms']:.0f} ms",
         start["ratio"] <= 8),
        ("in-process", f"{_ratio(own, write_good):.2f}x write-good" if isinstance(write_good, dict)
         else "write-good not measured", _ratio(own, write_good) >= 1.5 if isinstance(write_good, dict) else None),
        ("HTTP", f"{at_four['per_second']:,.0f} req/s, p99 {at_four['p99_ms']:.2f} ms" if at_four else "not measured",
         bool(at_four) and at_four["per_second"] >= 3000 and at_four["p99_ms"] < 5),
        ("service CPU", f"{max(cpu):.3f} ms per request at most, the lint {lint_ms:.3f} ms ({max(cpu) / lint_ms:.1f}x)"
         f"{paced}" if cpu else "not measured (no wrk)", max(cpu) <= 2 * lint_ms if cpu else None),
        ("rules scaling", f"{rule_ratio:.0f}x rules -> {time_ratio:.1f}x time per draft, loaded in "
         f"{top['load_seconds']:.2f} s", time_ratio <= rule_ratio and top["load_seconds"] <= 2),
        ("long drafts", f"p99 {long['p99_ms']:.1f} ms", long["p99_ms"] <= 50),
        ("memory", f"{memory['growth_mib']:+.2f} MiB / {memory['lints']:,} lints", memory["growth_mib"] < 5),
    ]
    return verdicts


def chart(results: dict[str, Any], path: Path) -> Path:
    """Three panels: throughput of Rapport and peers, HTTP latency, time per draft against rules."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (speed, latency, scaling) = plt.subplots(1, 3, figsize=(15, 4.6))
    inproc = results["peers_rapport"]
    names = ["Rapport"] + [n for n, r in results["peers"].items() if not isinstance(r, str)]
    rates = [inproc["per_second"]] + [r["per_second"] for r in results["peers"].values() if not isinstance(r, str)]
    bars = speed.bar(names, rates, color=["#2a7"] + ["#888"] * (len(names) - 1))
    speed.bar_label(bars, labels=[f"{r:,.0f}" for r in rates], fontsize=8)
    speed.set_yscale("log")
    speed.tick_params(axis="x", labelrotation=30)  # six names side by side overlap when level
    speed.set_ylabel("drafts per second (log scale, 1 thread)")
    speed.set_title(f"Throughput on the same {results['peers_sample']:,} drafts")

    rows = http_rows(results)
    connections = [str(row["connections"]) for row in rows]
    latency.bar([c + " p50" for c in connections], [row["p50_ms"] for row in rows], color="#49c")
    latency.bar([c + " p99" for c in connections], [row["p99_ms"] for row in rows], color="#c54")
    latency.axhline(5, color="black", linestyle="--", linewidth=1, label="p99 target 5 ms (4 connections)")
    latency.set_xlabel("connections, percentile")
    latency.set_ylabel("round trip (ms)")
    latency.set_title("HTTP on loopback")
    latency.legend(fontsize=8)

    scaled = sorted(results["scaling"], key=lambda row: row["rules"])
    rules = [row["rules"] for row in scaled]
    micros = [1e6 / row["per_second"] for row in scaled]
    scaling.plot(rules, micros, marker="o", color="#2a7", label="measured")
    scaling.plot(rules, [micros[0] * n / rules[0] for n in rules], linestyle="--", color="#aaa",
                 label="linear from the default pack")
    scaling.set_xlabel("rules in the pack")
    scaling.set_ylabel("µs per draft (mean)")
    scaling.set_title("Cost against rule count")
    scaling.legend(fontsize=8)

    figure.suptitle(f"Rapport benchmark — {results['machine']['cpu']}, {results['machine']['nproc']} CPUs, "
                    f"Python {results['machine']['python']}", fontsize=10)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
