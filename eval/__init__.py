"""How the default pack separates broadcast-style posts from conversation, on labelled data.

`python -m eval DIR` where DIR holds the CSV files described in ../shared/eval/README.md.
"""
