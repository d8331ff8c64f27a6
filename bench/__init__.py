"""Rapport's benchmark: speed, latency, scaling, memory and peers, measured on one corpus.

`python -m bench setup` installs the peer linters; `python -m bench [--corpus PATH] [--quick]`
measures and writes a table and a chart. See docs/benchmarks.md.
"""
