"""A minimal W3C WebDriver client for headless Chromium (chromedriver), stdlib only.

Just enough for the export safety test: start a session, hook the page before
its own scripts run (CDP ``Page.addScriptToEvaluateOnNewDocument``), navigate,
run a check script, look for an alert.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None when Debian's packages are not installed."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebDriverError(Exception):
    def __init__(self, error: str, message: str):
        super().__init__(f"{error}: {message}")
        self.error = error


class Chromium:
    """One headless Chromium session driven through chromedriver."""

    def __init__(self, chromium: str, driver: str):
        self.port = _free_port()
        self.process = subprocess.Popen([driver, f"--port={self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                self._call("GET", "/status")
                break
            except (OSError, WebDriverError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.process.kill()
                    raise RuntimeError("chromedriver did not start") from None
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "unhandledPromptBehavior": "ignore",
            "goog:chromeOptions": {"binary": chromium, "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--no-first-run"]},
        }}}
        try:
            self.session = self._call("POST", "/session", caps)["sessionId"]
        except Exception:
            self.process.kill()
            raise
        self._call("POST", f"/session/{self.session}/timeouts",
                   {"pageLoad": 15000, "script": 10000})

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                payload = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            payload = json.loads(exc.read() or b"{}")
            value = payload.get("value", {})
            raise WebDriverError(value.get("error", str(exc.code)),
                                 value.get("message", "")[:300]) from None
        value = payload.get("value")
        if isinstance(value, dict) and "sessionId" in payload:
            value = {**value, "sessionId": payload["sessionId"]}
        return value

    def cdp(self, cmd: str, params: dict) -> dict:
        return self._call("POST", f"/session/{self.session}/goog/cdp/execute",
                          {"cmd": cmd, "params": params})

    def navigate(self, url: str) -> None:
        self._call("POST", f"/session/{self.session}/url", {"url": url})

    def execute(self, script: str, *args):
        return self._call("POST", f"/session/{self.session}/execute/sync",
                          {"script": script, "args": list(args)})

    def alert_text(self) -> str | None:
        try:
            return self._call("GET", f"/session/{self.session}/alert/text")
        except WebDriverError as exc:
            if exc.error == "no such alert":
                return None
            raise

    def dismiss_alert(self) -> None:
        try:
            self._call("POST", f"/session/{self.session}/alert/dismiss", {})
        except WebDriverError:
            pass

    def close(self) -> None:
        try:
            self._call("DELETE", f"/session/{self.session}")
        except Exception:  # noqa: BLE001 - shutting down anyway
            pass
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
