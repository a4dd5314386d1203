"""Two `rapport serve` processes on one PostgreSQL: a WhatsApp-style message posted to one
reaches an agent whose live stream is connected to the other (LISTEN/NOTIFY).

Usage: two_processes.py RAPPORT_BINARY DATABASE_URL
Exits non-zero, with the reason, if the message does not arrive within 10 seconds.
"""
import base64
import hashlib
import hmac
import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

PUBLIC = "http://rapport.test"


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def start(binary, database, port, output):
    env = dict(os.environ, RAPPORT_PUBLIC_URL=PUBLIC)
    process = subprocess.Popen(
        [binary, "serve", "--database", database, "--port", str(port)], stdout=output, stderr=subprocess.DEVNULL, env=env)
    for _ in range(600):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=1)
            return process
        except Exception:
            time.sleep(0.1)
    raise SystemExit("rapport serve on port %d did not start" % port)


def api(port, key, method, path, body=None):
    request = urllib.request.Request(
        "http://127.0.0.1:%d%s" % (port, path), method=method, data=json.dumps(body).encode() if body else None,
        headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=10))


def main():
    binary, database = sys.argv[1], sys.argv[2]
    port_a, port_b = free_port(), free_port()
    log_a = open("/tmp/rapport-two-a.log", "w+")
    a = start(binary, database, port_a, log_a)
    b = None
    try:
        log_a.seek(0)
        key = re.search(r"rpk_[A-Za-z0-9]+", log_a.read())
        if not key:
            raise SystemExit("process A printed no admin key (is the database fresh?)")
        key = key.group(0)
        b = start(binary, database, port_b, subprocess.DEVNULL)
        inbox = api(port_a, key, "POST", "/api/v1/inboxes", {
            "channel": "sms", "name": "SMS", "settings": {"account_sid": "AC1", "auth_token": "tok", "phone_number": "+18005551212"}})

        events = queue.Queue()

        def listen():
            request = urllib.request.Request(
                "http://127.0.0.1:%d/api/v1/live" % port_b, headers={"Authorization": "Bearer " + key})
            with urllib.request.urlopen(request, timeout=30) as stream:
                event = None
                for raw in stream:
                    line = raw.decode().rstrip("\n")
                    if line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: "):
                        events.put((event, line[6:], time.monotonic()))

        threading.Thread(target=listen, daemon=True).start()
        time.sleep(1.0)
        path = "/webhooks/twilio/sms/" + inbox["id"]
        params = {"MessageSid": "SMtwo1", "From": "+14158675309", "To": "+18005551212", "Body": "Hello from process A"}
        signed = PUBLIC + path + "".join(k + v for k, v in sorted(params.items()))
        signature = base64.b64encode(hmac.new(b"tok", signed.encode(), hashlib.sha1).digest()).decode()
        sent = time.monotonic()
        urllib.request.urlopen(urllib.request.Request(
            "http://127.0.0.1:%d%s" % (port_a, path), data=urllib.parse.urlencode(params).encode(),
            headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"}), timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                event, data, at = events.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            if event == "message.created" and "Hello from process A" in data:
                print("two processes: the message posted to A reached B's agent stream in %.1f ms" % ((at - sent) * 1000))
                return
        raise SystemExit("the message posted to process A never reached process B's live stream")
    finally:
        for process in (a, b):
            if process:
                process.terminate()
                process.wait(timeout=20)


if __name__ == "__main__":
    main()
