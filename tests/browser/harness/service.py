"""The real Rapport service in a subprocess, plus stand-ins for a down or scripted service."""
import json
import socket
import subprocess
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rules import DEFAULT_PACK, Linter, Problem, load_pack
from server import contract
from server.child_process import free_port, start_service, stop_service, wait_healthy
from tests.http_calls import post_json


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The service's offsets count UTF-16 code units, as JavaScript strings do."""
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


class RapportService:
    """`rapport serve` on a free port, as users run it."""

    def __init__(self, port: int | None = None):
        port = port or free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.process = start_service("--host", "127.0.0.1", "--port", str(port), stderr=subprocess.PIPE)
        wait_healthy(port, self.process, timeout=30)

    def lint(self, text: str, platform: str = "generic", disabled_rules=()) -> list[dict]:
        """The hints (one per problem) the extension should show for `text`, each with the `matched` text it covers."""
        body = {"text": text, "platform": platform, "disabled_rules": list(disabled_rules)}
        findings = post_json(f"{self.url}/v1/lint", body)["hints"]
        for finding in findings:
            finding["matched"] = utf16_slice(text, finding["offset"], finding["length"])
        return findings

    def rewrite(self, text: str) -> str:
        """The whole-post rewrite the service offers for `text`."""
        return post_json(f"{self.url}/v1/lint", {"text": text})["rewrite"]["after"]

    def close(self) -> None:
        stop_service(self.process)


class RefusingService:
    """A port that accepts connections and drops them at once: a service that is down. Counts attempts."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.listener.close()


class StubService:
    """Answers like the service, in the service's own JSON shapes (server/contract.py), for a set of
    rules that lints nothing and has `problems`; records each request, to check what the extension sends."""

    def __init__(self, problems: list[Problem] = ()):
        self.requests: list[dict] = []
        stub = self
        linter = Linter(load_pack(DEFAULT_PACK))
        health = contract.health(linter.pack, list(problems))
        answer = contract.lint_answer(replace(linter.lint(""), findings=()), linter.pack)
        linter.close()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._reply(health)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                stub.requests.append({"path": self.path, "headers": dict(self.headers), "json": json.loads(self.rfile.read(length))})
                self._reply(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
