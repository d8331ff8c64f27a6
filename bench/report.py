"""The printed table and the PNG chart of one run."""
from __future__ import annotations

from pathlib import Path
from typing import Any

TARGETS = {
    "in-process drafts/s (1 thread, default pack)": ">= 5,000",
    "HTTP p99 round trip": "< 10 ms",
    "RSS growth over the lints": "< 5 MiB",
    "cost per rule": "no worse than linear",
}


def table(results: dict[str, Any]) -> str:
    """Markdown tables of a run's results (the same text is printed and pasted into docs)."""
    lines = [f"Corpus: {results['corpus']}", ""]
    inproc = results["in_process"]
    lines += ["| measurement | drafts/s | p50 (ms) | p99 (ms) |", "|---|---:|---:|---:|",
              f"| Rapport in-process, 1 thread | {inproc['per_second']:,.0f} | {inproc['p50_ms']:.3f} | "
              f"{inproc['p99_ms']:.3f} |"]
    for row in results["http"]:
        lines.append(f"| Rapport HTTP, {row['threads']} client thread(s) | {row['per_second']:,.0f} | "
                     f"{row['p50_ms']:.3f} | {row['p99_ms']:.3f} |")
    lines += ["", "| rules | factor | drafts/s | p50 (ms) | p99 (ms) | µs per draft per rule |",
              "|---:|---:|---:|---:|---:|---:|"]
    for row in results["scaling"]:
        per_rule = 1e6 / row["per_second"] / row["rules"] if row["per_second"] else 0.0
        lines.append(f"| {row['rules']} | {row['factor']}x | {row['per_second']:,.0f} | {row['p50_ms']:.3f} | "
                     f"{row['p99_ms']:.3f} | {per_rule:.2f} |")
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
            ratio = own["per_second"] / row["per_second"] if row["per_second"] else float("inf")
            lines.append(f"| {name} | {row['per_second']:,.0f} | {row['p50_ms']:.3f} | {row['p99_ms']:.3f} | "
                         f"{ratio:.1f}x |")
    lines += ["", "| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {name} ({TARGETS[name]}) | {value} | {'yes' if met else 'NO'} |"
              for name, value, met in verdicts(results)]
    return "\n".join(lines)


def verdicts(results: dict[str, Any]) -> list[tuple[str, str, bool]]:
    inproc = results["in_process"]
    worst_http = max(results["http"], key=lambda row: row["p99_ms"])
    memory = results["memory"]
    scaling = sorted(results["scaling"], key=lambda row: row["rules"])
    base, top = scaling[0], scaling[-1]
    # Linear or better: the time per draft grows by no more than the number of rules does.
    time_ratio = base["per_second"] / top["per_second"] if top["per_second"] else float("inf")
    rule_ratio = top["rules"] / base["rules"]
    return [
        ("in-process drafts/s (1 thread, default pack)", f"{inproc['per_second']:,.0f}", inproc["per_second"] >= 5000),
        ("HTTP p99 round trip", f"{worst_http['p99_ms']:.2f} ms ({worst_http['threads']} threads)",
         worst_http["p99_ms"] < 10),
        ("RSS growth over the lints", f"{memory['growth_mib']:+.2f} MiB / {memory['lints']:,} lints",
         memory["growth_mib"] < 5),
        ("cost per rule", f"{rule_ratio:.0f}x rules -> {time_ratio:.1f}x time per draft", time_ratio <= rule_ratio),
    ]


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
    speed.set_ylabel("drafts per second (log scale, 1 thread)")
    speed.set_title(f"Throughput on the same {results['peers_sample']:,} drafts")

    threads = [str(row["threads"]) for row in results["http"]]
    latency.bar([t + " p50" for t in threads], [row["p50_ms"] for row in results["http"]], color="#49c")
    latency.bar([t + " p99" for t in threads], [row["p99_ms"] for row in results["http"]], color="#c54")
    latency.axhline(10, color="black", linestyle="--", linewidth=1, label="p99 target 10 ms")
    latency.set_xlabel("client threads, percentile")
    latency.set_ylabel("round trip (ms)")
    latency.set_title("HTTP on loopback")
    latency.legend(fontsize=8)

    rows = sorted(results["scaling"], key=lambda row: row["rules"])
    rules = [row["rules"] for row in rows]
    micros = [1e6 / row["per_second"] for row in rows]
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
