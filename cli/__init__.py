"""The `rapport` command line: one module per command, sharing the options in options.py.

    main.py         the parser and the exit codes
    lint.py         rapport lint: files of drafts -> findings
    check_rules.py  rapport check-rules: a rules file validated and its examples run
    explain.py      rapport explain: rule by rule, whether it fires on a draft and why
    serve.py        rapport serve: the local service (and the team server)
    audit.py        rapport audit: an account's export -> a report (the audit/ package does the work)
    drafts.py       reading drafts from text, .jsonl and .csv files
    junit.py        JUnit XML for check-rules
"""
