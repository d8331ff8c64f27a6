"""Rewrites: suggestion templates filled from the draft (templates.py, slots.py), findings merged into
one hint per problem (hints.py), and replacements fitted and applied (applying.py). The public names
are in rules/__init__.py."""
