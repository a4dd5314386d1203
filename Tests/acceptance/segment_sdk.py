"""Acceptance test: the official Segment Python SDK (segment-analytics-python) sends 100,000
mixed identify/track/page calls to Rapport's tracking API; every one must be stored exactly
once, also when every batch is sent a second time.

Usage: python3 segment_sdk.py http://127.0.0.1:PORT WRITE_KEY ADMIN_KEY [CALLS]
Exits non-zero with a message when a check fails.
"""
import json
import sys
import time
import urllib.request
import uuid

from segment.analytics.client import Client

host, write_key, admin_key = sys.argv[1], sys.argv[2], sys.argv[3]
calls = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
users = 1_000
run = uuid.uuid4().hex[:8]
errors = []


def api(path):
    request = urllib.request.Request(host + path, headers={"Authorization": "Bearer " + admin_key})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def send(client, message_ids):
    """Sends the same calls (same message ids) through `client`; returns calls per user."""
    per_user = {}
    for index in range(calls):
        user = f"{run}-user-{index % users}"
        per_user[user] = per_user.get(user, 0) + 1
        message_id = message_ids[index]
        if index < users:
            client.identify(user, {"email": f"{user}@example.com", "firstName": f"User{index}", "plan": "gold"},
                            message_id=message_id)
        elif index % 3 == 0:
            client.page(user, category="Docs", name=f"Page {index % 50}", properties={"path": f"/docs/{index % 50}"},
                        message_id=message_id)
        else:
            client.track(user, "Product Viewed", {"product_id": f"P{index % 300}", "price": 19.99},
                         message_id=message_id)
    client.flush()
    client.join()
    return per_user


def on_error(error, items):
    errors.append(f"{error} ({len(items)} calls)")


before = api("/api/v1/stats")["tracked_events"]
message_ids = [str(uuid.uuid4()) for _ in range(calls)]
started = time.time()
client = Client(write_key, host=host, max_queue_size=calls + 1, upload_size=100, on_error=on_error, gzip=True, thread=2)
per_user = send(client, message_ids)
seconds = time.time() - started
after = api("/api/v1/stats")["tracked_events"]
print(f"sent {calls} calls in {seconds:.1f} s ({calls / seconds:.0f}/s); stored {after - before}")
if errors:
    sys.exit("the SDK reported errors: " + "; ".join(errors[:5]))
if after - before != calls:
    sys.exit(f"expected {calls} new tracked events, found {after - before}")

# The SDK retries on timeouts: a batch sent twice must not be stored twice.
retry = Client(write_key, host=host, max_queue_size=calls + 1, upload_size=100, on_error=on_error, thread=2)
send(retry, message_ids)
again = api("/api/v1/stats")["tracked_events"]
if again != after:
    sys.exit(f"resending the same calls changed the count from {after} to {again}")

# One customer's timeline holds each of their calls once.
user = f"{run}-user-7"
found = api(f"/api/v1/customers?query={user}@example.com")["data"]
if len(found) != 1:
    sys.exit(f"expected one customer for {user}, found {len(found)}")
customer_id = found[0]["id"]
seen, cursor = [], None
while True:
    page = api(f"/api/v1/customers/{customer_id}/timeline?limit=100" + (f"&starting_after={cursor}" if cursor else ""))
    seen += [item["id"] for item in page["data"]]
    if not page["has_more"]:
        break
    cursor = page["next_starting_after"]
if len(seen) != per_user[user] or len(set(seen)) != len(seen):
    sys.exit(f"{user}'s timeline has {len(seen)} entries ({len(set(seen))} distinct), expected {per_user[user]}")
if found[0].get("first_name") != "User7":
    sys.exit(f"identify traits did not reach the profile: {found[0]}")
print(f"ok: {calls} calls stored exactly once; {user}'s timeline has all {len(seen)} of theirs")
