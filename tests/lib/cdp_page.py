#!/usr/bin/env python3
"""Opens a local HTML file in headless Chromium, driven through the DevTools protocol over
--remote-debugging-pipe (file descriptors 3 and 4, messages ended by a NUL byte), with only the
standard library. Reports console errors, exceptions, log errors (CSP violations among them) and
every network request besides the page itself; counts the elements of each CSS selector given;
writes a screenshot of the whole page.

Usage: cdp_page.py CHROMIUM PAGE.html SCREENSHOT.png SELECTOR=COUNT...
Prints one line per problem and exits 1 if there is any; exits 0 otherwise.
"""
import base64
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

chromium, page, screenshot = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), sys.argv[3]
expected = [arg.rsplit("=", 1) for arg in sys.argv[4:]]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def wire_pipes():
    """In the child: its end of each pipe on descriptors 3 and 4, inheritable (a pipe may already sit on 3 or 4)."""
    read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(read_end, 3)
    os.dup2(write_end, 4)


profile = tempfile.mkdtemp(prefix="cdp-profile-")
browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                            "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
                           preexec_fn=wire_pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=None if os.environ.get("CDP_DEBUG") else subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
next_id = 0
events = []


def receive(deadline):
    global buffer
    while b"\0" not in buffer:
        if time.monotonic() > deadline:
            raise TimeoutError("Chromium did not answer in time")
        chunk = os.read(from_chrome_r, 65536)
        if not chunk:
            raise EOFError("Chromium closed the pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def call(method, params=None, session=None, timeout=30):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    deadline = time.monotonic() + timeout
    while True:
        answer = receive(deadline)
        if answer.get("id") == next_id:
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return answer.get("result", {})
        events.append(answer)


def wait_for(method, timeout=30):
    deadline = time.monotonic() + timeout
    for event in events:
        if event.get("method") == method:
            return event
    while True:
        event = receive(deadline)
        events.append(event)
        if event.get("method") == method:
            return event


problems = []
try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        call(domain + ".enable", session=session)
    call("Emulation.setDeviceMetricsOverride", {"width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": False},
         session=session)
    events.clear()
    call("Page.navigate", {"url": page.as_uri()}, session=session)
    wait_for("Page.loadEventFired")
    time.sleep(0.5)  # late console messages and requests
    call("Runtime.evaluate", {"expression": "1"}, session=session)  # drains the events sent meanwhile
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            problems.append("console " + params["type"] + ": " + json.dumps(params.get("args")))
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + json.dumps(params.get("exceptionDetails")))
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            problems.append("log " + params["entry"]["level"] + ": " + params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent" and params["request"]["url"] != page.as_uri():
            problems.append("network request: " + params["request"]["url"])
    for selector, count in expected:
        found = call("Runtime.evaluate", {"expression": f"document.querySelectorAll({json.dumps(selector)}).length",
                                          "returnByValue": True}, session=session)["result"]["value"]
        if found != int(count):
            problems.append(f"{selector}: {found} elements, expected {count}")
    title = call("Runtime.evaluate", {"expression": "document.title", "returnByValue": True}, session=session)
    if not title["result"]["value"].startswith("messer "):
        problems.append("the page title changed: " + title["result"]["value"])
    size = call("Runtime.evaluate", {"expression": "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]",
                                     "returnByValue": True}, session=session)["result"]["value"]
    call("Emulation.setDeviceMetricsOverride", {"width": max(1100, size[0]), "height": min(size[1], 4000),
                                                "deviceScaleFactor": 1, "mobile": False}, session=session)
    shot = call("Page.captureScreenshot", {"format": "png"}, session=session)
    pathlib.Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
    call("Browser.close")
finally:
    try:
        browser.wait(timeout=10)
    except subprocess.TimeoutExpired:
        browser.kill()
    subprocess.run(["rm", "-rf", profile], check=False)

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
