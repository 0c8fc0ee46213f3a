"""POST /api/documents: off by default, then token, size and format checks, then a real ingest."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = {"id": "up-1", "url": "https://news.example.org/up-1", "published": "2025-09-20",
        "title": "<script>alert(1)</script> uploaded",
        "text": ("MINSK, September 19. Russian Defence Minister Andrei Belousov met Belarusian Defence Minister "
                 "Viktor Khrenin in Minsk on Friday.\n\nThey discussed joint exercises.")}


@pytest.fixture
def upload_client(fresh_db_url, monkeypatch):
    monkeypatch.delenv("DYADWATCH_TOKEN", raising=False)
    with TestClient(create_app(fresh_db_url, allow_upload=True, token=TOKEN, max_upload_bytes=64 * 1024)) as c:
        yield c


def test_upload_is_disabled_by_default(client):
    r = client.post("/api/documents", json=PAGE, headers=AUTH)
    assert r.status_code == 403 and "disabled" in r.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 6  # nothing stored


def test_upload_needs_a_token_to_be_enabled(fresh_db_url, monkeypatch):
    monkeypatch.delenv("DYADWATCH_TOKEN", raising=False)
    with pytest.raises(ValueError, match="DYADWATCH_TOKEN"):
        create_app(fresh_db_url, allow_upload=True)
    monkeypatch.setenv("DYADWATCH_TOKEN", "from-env")
    with TestClient(create_app(fresh_db_url, allow_upload=True)) as c:
        assert c.post("/api/documents", json=PAGE, headers={"Authorization": "Bearer from-env"}).status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic " + TOKEN}, {"Authorization": "Bearer "}])
def test_bad_or_missing_token_is_401(upload_client, headers):
    r = upload_client.post("/api/documents", json=PAGE, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert upload_client.get("/api/documents").json()["total"] == 0


def test_upload_json_ingests_and_is_idempotent(upload_client):
    r = upload_client.post("/api/documents", json=PAGE, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["read"] == 1 and body["new"] == 1 and body["rejected"] == 0
    assert body["events_new"] == len(body["new_ids"])
    docs = upload_client.get("/api/documents").json()
    assert docs["total"] == 1 and docs["items"][0]["doc_id"] == "up-1"
    assert docs["items"][0]["title"] == PAGE["title"] and docs["items"][0]["url"] == PAGE["url"]
    again = upload_client.post("/api/documents", json=PAGE, headers=AUTH).json()
    assert again["already_stored"] == 1 and again["new"] == 0
    page = upload_client.get("/documents").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; uploaded" in page


def test_upload_list_ndjson_and_multipart(upload_client):
    two = [dict(PAGE, id="a", text=PAGE["text"] + " A."), dict(PAGE, id="b", text=PAGE["text"] + " B.")]
    assert upload_client.post("/api/documents", json=two, headers=AUTH).json()["new"] == 2
    nd = "\n".join(json.dumps(dict(PAGE, id=i, text=PAGE["text"] + i)) for i in ("c", "d")) + "\n"
    r = upload_client.post("/api/documents", content=nd.encode(),
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert r.json()["new"] == 2
    page = " date 2025-06-03 Белоусов в Душанбе\n\nМинистр обороны России Андрей Белоусов провел переговоры в Душанбе."
    r = upload_client.post("/api/documents", headers=AUTH,
                           files={"file": ("../../etc/dushanbe page.txt", page.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1
    jsonl = json.dumps(dict(PAGE, id="e", text=PAGE["text"] + " E.")) + "\n"
    r = upload_client.post("/api/documents", headers=AUTH,
                           files={"file": ("more.jsonl", jsonl.encode(), "application/octet-stream")})
    assert r.json()["new"] == 1
    ids = {d["doc_id"] for d in upload_client.get("/api/documents").json()["items"]}
    assert ids == {"a", "b", "c", "d", "e", "dushanbe_page.txt"}
    assert upload_client.get("/api/documents/dushanbe_page.txt").json()["published"] == "2025-06-03"


def test_too_large_is_413(upload_client):
    big = dict(PAGE, text="x " * 40_000)
    r = upload_client.post("/api/documents", json=big, headers=AUTH)
    assert r.status_code == 413 and "too large" in r.json()["detail"]

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(100):
            yield b"x" * 1024

    r = upload_client.post("/api/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413
    assert upload_client.get("/api/documents").json()["total"] == 0


@pytest.mark.parametrize("body, ctype, where", [
    (b"{not json", "application/json", "malformed JSON"),
    (b"", "application/json", "empty body"),
    (b"[]", "application/json", "no document"),
    (b"42", "application/json", "expected a JSON object"),
    (json.dumps({"text": "x"}).encode(), "application/json", "'id' is required"),
    (json.dumps({"id": "x"}).encode(), "application/json", "'text' or 'html'"),
    (json.dumps({"id": "x", "text": "a", "html": "<p>a</p>"}).encode(), "application/json", "not both"),
    (json.dumps({"id": "x", "text": "a", "url": "javascript:alert(1)"}).encode(), "application/json", "'url'"),
    (json.dumps({"id": "x", "text": "a", "published": "yesterday"}).encode(), "application/json", "'published'"),
    (json.dumps({"id": "x", "text": "a", "published": "2025-02-30"}).encode(), "application/json", "not a valid date"),
    (json.dumps([{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]).encode(), "application/json", "twice"),
    (b"\xff\xfe{}", "application/json", "UTF-8"),
    (b'{"id": "x", "text": "a"}\nnope\n', "application/x-ndjson", "line 2"),
    (b"--zzz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--zzz--\r\n",
     "multipart/form-data; boundary=zzz", "no file"),
])
def test_malformed_uploads_are_422(upload_client, body, ctype, where):
    r = upload_client.post("/api/documents", content=body, headers={**AUTH, "Content-Type": ctype})
    assert r.status_code == 422, r.text
    assert where in json.dumps(r.json()["detail"])
    assert upload_client.get("/api/documents").json()["total"] == 0


def test_unsupported_type_is_415(upload_client):
    r = upload_client.post("/api/documents", content=b"hello", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415
