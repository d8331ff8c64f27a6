"""Rapport's local lint service: the rule engine served over JSON to the browser extension.

    app.py           the Flask app factory (blueprints, config, security, errors)
    api.py           the views of /v1 and /healthz
    contract.py      every JSON shape the service (and `rapport lint --format json`) gives, UTF-16 offsets
    live_rules.py    the rule set being served, hot-reloaded when its files change
    security.py      who may call the service: Host, Origin, fetch metadata, token
    errors.py        every error as JSON
    serving.py       granian worker processes
    rsgi_bridge.py   the Flask app behind granian's RSGI interface: requests reach it with their whole body
    child_process.py the service run as a child process (tests, benchmarks, soak)
"""
