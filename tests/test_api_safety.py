"""The server only reads, stays on this machine, keeps to its own files, and says what is wrong."""
from __future__ import annotations

import inspect
import re

import duckdb
import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app, serve
from rasd.errors import StoreError
from test_api_sample import client, sample_db  # noqa: F401


def test_database_is_opened_read_only(client):
    db = client.app.state.db
    with db.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("CREATE TABLE intruder (x INTEGER)")


def test_serve_binds_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    from rasd.cli import serve as serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_foreign_host_header_is_refused(sample_db):
    # what serve() sets for a loopback bind: a page elsewhere cannot reach us by DNS rebinding
    app = create_app(sample_db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/info").status_code == 200
        assert c.get("/api/info", headers={"host": "evil.example"}).status_code == 400


def test_page_is_served_with_a_strict_content_policy(client):
    res = client.get("/")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert res.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in res.text  # no inline script: all code is in files the policy allows
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', res.text):
        if "/vendor/" in src and not client.app.state.vendor_ready:
            continue
        assert client.get(src).status_code == 200, src


def test_page_loads_nothing_from_the_internet(client):
    html = client.get("/").text
    js = client.get("/static/app.js").text
    css = client.get("/static/style.css").text
    for body in (html, js, css):
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", body)
        assert "cdn" not in body.lower() and "{z}/{x}/{y}" not in body


def test_docs_work_offline(client):
    res = client.get("/docs")
    assert res.status_code == 200
    if client.app.state.vendor_ready:
        assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in res.text
        assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    else:
        assert "make web" in res.text
    assert "cdn.jsdelivr" not in res.text and "unpkg" not in res.text
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/actors",
            "/api/places", "/api/timeline", "/api/export", "/api/analyse"} <= set(paths)


def test_only_analyse_accepts_writes(client):
    for path in ("/api/events", "/api/actors", "/api/export"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


def test_missing_database_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="rasd run"):
        create_app(tmp_path / "nothing.duckdb")


def test_database_without_events_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="no events table"):
        create_app(path)
