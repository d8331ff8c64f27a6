"""Helpers for the extension's browser tests: fixture site, services, browsers, page queries."""
