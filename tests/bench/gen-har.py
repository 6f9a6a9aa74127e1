#!/usr/bin/python3
"""gen-har.py N FILE — writes a HAR 1.2 file with N entries shaped like Chromium's "Save all as
HAR with content": pages, request and response headers, cookies, query strings, JSON and form
POST bodies, base64 response bodies, timings and vendor _fields. About 5 kB per entry."""
import base64, json, random, sys

def entry(i, rnd):
    host = f"api{i % 7}.example.com"
    method = "POST" if i % 3 == 0 else "GET"
    url = f"https://{host}/v1/items/{i}?page={i % 50}&q=term{i}"
    req_headers = [
        {"name": ":authority", "value": host},
        {"name": "accept", "value": "application/json, text/plain, */*"},
        {"name": "accept-language", "value": "en-GB,en;q=0.9,de;q=0.8"},
        {"name": "authorization", "value": "Bearer " + base64.urlsafe_b64encode(rnd.randbytes(96)).decode()},
        {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"},
        {"name": "x-request-id", "value": f"{rnd.getrandbits(128):032x}"},
    ]
    request = {
        "method": method, "url": url, "httpVersion": "http/2.0", "headers": req_headers,
        "queryString": [{"name": "page", "value": str(i % 50)}, {"name": "q", "value": f"term{i}"}],
        "cookies": [{"name": "session", "value": f"{rnd.getrandbits(160):040x}"}],
        "headersSize": -1, "bodySize": 0,
    }
    if method == "POST":
        body = json.dumps({"name": f"item {i}", "tags": ["a", "b", "c"], "note": "x" * 400})
        request["postData"] = {"mimeType": "application/json", "text": body}
        request["bodySize"] = len(body)
    content = json.dumps({"id": i, "items": [{"k": j, "v": "y" * 40} for j in range(30)]})
    encoded = i % 5 == 0
    response = {
        "status": [200, 200, 200, 401, 403, 404][i % 6], "statusText": "", "httpVersion": "http/2.0",
        "headers": [{"name": "content-type", "value": "application/json"},
                    {"name": "set-cookie", "value": f"session={rnd.getrandbits(64):016x}; Path=/; HttpOnly"},
                    {"name": "cache-control", "value": "no-store"}],
        "cookies": [], "redirectURL": "", "headersSize": -1, "bodySize": len(content),
        "content": {"size": len(content), "mimeType": "application/json",
                    "text": base64.b64encode(content.encode()).decode() if encoded else content,
                    **({"encoding": "base64"} if encoded else {})},
        "_transferSize": len(content) + 300, "_error": None,
    }
    return {
        "_initiator": {"type": "script", "stack": {"callFrames": [{"functionName": "fetchItem", "url": "https://app.example.com/main.js", "lineNumber": i % 900, "columnNumber": 12}]}},
        "_priority": "High", "_resourceType": "fetch", "cache": {}, "connection": str(400 + i % 9),
        "pageref": f"page_{i // 1000 + 1}", "request": request, "response": response,
        "serverIPAddress": "192.0.2.10", "startedDateTime": f"2026-11-23T10:{(i // 60) % 60:02d}:{i % 60:02d}.{i % 1000:03d}Z",
        "time": 42.5 + i % 17,
        "timings": {"blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.2, "wait": 40.1, "receive": 1.0, "_blocked_queueing": 0.8},
    }

def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(7)
    pages = [{"startedDateTime": "2026-11-23T10:00:00.000Z", "id": f"page_{p + 1}", "title": f"https://app.example.com/{p}",
              "pageTimings": {"onContentLoad": 300.5, "onLoad": 800.1}} for p in range(n // 1000 + 1)]
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                   "pages": pages, "entries": [entry(i, rnd) for i in range(n)]}}
    with open(path, "w") as f:
        json.dump(har, f, indent=2)

main()
