"""`rapport audit`: an account's history, read from the platform's own export, linted post by post.

The flow, one module per concern:
    containers.py   a folder, a .zip, a .tar.gz or a single file -> the files inside it
    readers/        one reader per export format -> Post objects (posts.py), in the order written
    jsonstream.py   the items of a JSON array read one at a time, with positions for errors
    aggregate.py    the posts linted and counted in bounded memory -> AuditReport
    render_text.py, render_json.py, html_report.py (+ charts.py, templates/)   the report
    progress.py     a progress bar on stderr while the export is read
"""
