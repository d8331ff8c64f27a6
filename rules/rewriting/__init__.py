"""Rewrites: findings grouped into hints, suggestions filled from the draft, applied to it."""
