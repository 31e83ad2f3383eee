"""A stand-in for a language model: an OpenAI-compatible chat endpoint on loopback that plays a script.

Used by the tests and the benchmark to drive `assistant.agent` without a model. Each
request to `/v1/chat/completions` takes the next step of `script`:

    {"call": "lookup_facts", "arguments": {"item": "项目支出"}}      one tool call (arguments: dict or raw text)
    {"calls": [{"call": …, "arguments": …}, …]}                       several tool calls in one reply
    {"text": "项目支出4,023万元[F1]。"}                              a final answer
    {"status": 500}                                                   an HTTP error
    {"body": "这不是 JSON"}                                           a 200 reply that is not JSON
    any step may add {"sleep": seconds} before it is answered

With the script used up, the "model" says it found nothing. `policy`, when set, is
called with each request's JSON body and returns the step instead. Every request
(headers and body) is kept in `requests`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

NOTHING = {"text": "公开文件中没有找到相关内容。"}
Step = dict[str, Any]


class ScriptedModel(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[Step] = []
        self.policy: Callable[[dict[str, Any]], Step] | None = None
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def play(self, *steps: Step) -> None:
        """Replace the script (and forget earlier requests)."""
        with self.lock:
            self.script = list(steps)
            self.requests = []

    def next_step(self, body: dict[str, Any]) -> Step:
        with self.lock:
            if self.policy is not None:
                return self.policy(body)
            return self.script.pop(0) if self.script else NOTHING


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedModel

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the tests read `requests` instead
        pass

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._send(
                200,
                {
                    "object": "list",
                    "data": [{"id": "scripted-qwen", "object": "model", "created": 0, "owned_by": "test"}],
                },
            )
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        with self.server.lock:
            self.server.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
        step = self.server.next_step(body)
        if step.get("sleep"):
            time.sleep(float(step["sleep"]))
        if "status" in step:
            self._send(int(step["status"]), {"error": {"message": "scripted failure", "type": "server_error"}})
            return
        if "body" in step:
            raw = str(step["body"]).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
            return
        self._send(200, _completion(step, body))

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        raw = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        try:
            self.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout): nothing to do
            pass


def _completion(step: Step, body: dict[str, Any]) -> dict[str, Any]:
    calls = step.get("calls") or ([step] if "call" in step else [])
    message: dict[str, Any] = {"role": "assistant", "content": step.get("text")}
    if calls:
        message["tool_calls"] = [
            {
                "id": f"call_{n}",
                "type": "function",
                "function": {
                    "name": c["call"],
                    "arguments": c["arguments"] if isinstance(c.get("arguments"), str)
                    else json.dumps(c.get("arguments") or {}, ensure_ascii=False),
                },
            }
            for n, c in enumerate(calls)
        ]  # fmt: skip
    prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
    completion = len(json.dumps(message, ensure_ascii=False))
    return {
        "id": "chatcmpl-scripted", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }  # fmt: skip


@contextmanager
def scripted_model() -> Iterator[ScriptedModel]:
    """The scripted endpoint, serving on a free loopback port until the block ends."""
    server = ScriptedModel()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
