"""A local stand-in for the Hugging Face Hub HTTP API, enough for `create_repo` + `upload_folder`.

Point a real `huggingface_hub.HfApi(endpoint=hub.url, token=...)` at it. It answers every preupload with
`uploadMode: "regular"`, so the client sends file contents base64-encoded inside the commit NDJSON and never
starts an LFS or Xet upload. Only the `main` revision exists, and no `.gitattributes` is created.

Endpoints (as huggingface_hub 2.4 calls them): `POST /api/repos/create`, `POST /api/validate-yaml`,
`GET /api/whoami-v2`, and per repo under `/api/{models,datasets,spaces}/{ns}/{name}`: `GET` (info),
`GET /revision/main`, `POST /preupload/main`, `GET /tree/main[/path]`, `POST /paths-info/main`,
`POST /commit/main`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_TYPES = {"models": "model", "datasets": "dataset", "spaces": "space"}
_URL_PREFIX = {"model": "", "dataset": "datasets/", "space": "spaces/"}
_DATE = "2024-01-01T00:00:00.000Z"


@dataclass
class Request:
    """One request the fake received (failed ones included)."""

    method: str
    path: str  # request target as sent, query string included
    headers: dict[str, str]  # names lower-cased
    body: bytes
    status: int = 0  # status code the fake answered


class _HubError(Exception):
    """An error answer: JSON `{"error": message}` plus the Hub's `X-Error-Code` header when given."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def git_blob_oid(data: bytes) -> str:
    """The git blob sha1 of `data`, which the Hub reports as a regular file's oid."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class FakeHub:
    """Context manager: `with FakeHub() as hub:` serves on 127.0.0.1 at a free port; hub.url is 'http://127.0.0.1:PORT'.

    State is public and meant to be inspected (or seeded) by tests:
    `requests` (every request, in order), `repos` (repo_id -> {"type", "private", "sha", "files": {path: bytes}}),
    `commits` (one dict per applied commit: repo_id, message, added, deleted), and `fail_next`: the next N requests
    (only those whose path contains `fail_match`, if set) get HTTP `fail_status` (503 by default).
    Write endpoints (create, preupload, commit, whoami) need an `authorization: Bearer ...` header, else 401.
    Repo ids without a namespace are created under `username`.
    """

    def __init__(self, username: str = "user") -> None:
        self.username = username
        self.url = ""
        self.requests: list[Request] = []
        self.repos: dict[str, dict[str, Any]] = {}
        self.commits: list[dict[str, Any]] = []
        self.fail_next = 0
        self.fail_status = 503
        self.fail_match = ""
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._n_shas = 0

    # -- lifecycle -----------------------------------------------------------------------------------------------

    def start(self) -> FakeHub:
        """Bind a free port and serve in a daemon thread."""
        hub = self

        class Handler(_Handler):
            fake = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-hub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- request handling ----------------------------------------------------------------------------------------

    def handle(self, req: Request) -> tuple[int, Any, dict[str, str]]:
        """Answer one request: (status, JSON-able body, extra headers). Records it first."""
        with self._lock:
            self.requests.append(req)
            if self.fail_next > 0 and self.fail_match in req.path:
                self.fail_next -= 1
                req.status = self.fail_status
                return self.fail_status, {"error": f"FakeHub: simulated HTTP {self.fail_status}"}, {}
            try:
                status, body = self._route(req)
            except _HubError as e:
                req.status = e.status
                headers = {"X-Error-Message": e.message} | ({"X-Error-Code": e.code} if e.code else {})
                return e.status, {"error": e.message}, headers
            req.status = status
            return status, body, {}

    def _route(self, req: Request) -> tuple[int, Any]:
        split = urlsplit(req.path)
        query = parse_qs(split.query)
        parts = [unquote(p) for p in split.path.strip("/").split("/")]
        method = req.method
        if parts == ["api", "repos", "create"] and method == "POST":
            return self._create(req)
        if parts == ["api", "validate-yaml"] and method == "POST":
            return 200, {"errors": [], "warnings": []}
        if parts == ["api", "whoami-v2"] and method == "GET":
            self._require_auth(req)
            return 200, {"type": "user", "name": self.username, "fullname": self.username, "orgs": [], "auth": {}}
        if len(parts) >= 4 and parts[0] == "api" and parts[1] in _TYPES:
            repo_type, repo_id, rest = _TYPES[parts[1]], f"{parts[2]}/{parts[3]}", parts[4:]
            action = rest[0] if rest else ""
            if method == "GET" and (not rest or (action == "revision" and len(rest) == 2)):
                repo = self._repo(req, repo_type, repo_id, rest[1] if rest else "main")
                return 200, self._info(repo_id, repo)
            if method == "POST" and action in ("preupload", "commit") and len(rest) == 2:
                self._require_auth(req)
                repo = self._repo(req, repo_type, repo_id, rest[1])
                if "create_pr" in query:
                    raise _HubError(400, "FakeHub does not support create_pr")
                if action == "preupload":
                    return 200, self._preupload(req, repo)
                return 200, self._commit(req, repo_type, repo_id, repo)
            if method == "GET" and action == "tree" and len(rest) >= 2:
                repo = self._repo(req, repo_type, repo_id, rest[1])
                recursive = query.get("recursive", ["False"])[0].lower() == "true"
                return 200, _tree(repo["files"], "/".join(rest[2:]), recursive)
            if method == "POST" and action == "paths-info" and len(rest) == 2:
                repo = self._repo(req, repo_type, repo_id, rest[1])
                paths = parse_qs(req.body.decode()).get("paths", [])
                return 200, _paths_info(repo["files"], paths)
        raise _HubError(404, f"FakeHub has no route for {method} {split.path}")

    def _require_auth(self, req: Request) -> None:
        auth = req.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or not auth[len("Bearer ") :].strip():
            raise _HubError(401, "Invalid username or password.")

    def _repo(self, req: Request, repo_type: str, repo_id: str, revision: str) -> dict[str, Any]:
        repo = self.repos.get(repo_id)
        authed = "authorization" in req.headers
        if repo is not None:  # tolerate repos seeded by a test with only "files"
            for key, default in (("type", repo_type), ("private", False), ("files", {})):
                repo.setdefault(key, default)
            repo.setdefault("sha", self._new_sha())
        if repo is None or repo["type"] != repo_type or (repo["private"] and not authed):
            raise _HubError(404 if authed else 401, "Repository not found", "RepoNotFound")
        if revision != "main":
            raise _HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return repo

    def _repo_url(self, repo_type: str, repo_id: str) -> str:
        return f"{self.url}/{_URL_PREFIX[repo_type]}{repo_id}"

    def _new_sha(self) -> str:
        self._n_shas += 1
        return hashlib.sha1(f"fake-hub-commit-{self._n_shas}".encode()).hexdigest()

    def _create(self, req: Request) -> tuple[int, Any]:
        self._require_auth(req)
        payload = json.loads(req.body or b"{}")
        repo_type = payload.get("type") or "model"
        if repo_type not in _URL_PREFIX:
            raise _HubError(400, f"Invalid repo type: {repo_type}")
        repo_id = f"{payload.get('organization') or self.username}/{payload['name']}"
        url = self._repo_url(repo_type, repo_id)
        if repo_id in self.repos:
            return 409, {"error": f"You already created this {repo_type} repo", "url": url}
        private = payload.get("visibility") == "private" or payload.get("private") is True
        self.repos[repo_id] = {"type": repo_type, "private": private, "sha": self._new_sha(), "files": {}}
        return 200, {"url": url, "name": repo_id, "id": repo_id}

    def _info(self, repo_id: str, repo: dict[str, Any]) -> dict[str, Any]:
        return {
            "_id": repo_id,
            "id": repo_id,
            "author": repo_id.split("/")[0],
            "sha": repo["sha"],
            "private": repo["private"],
            "gated": False,
            "disabled": False,
            "downloads": 0,
            "likes": 0,
            "tags": [],
            "createdAt": _DATE,
            "lastModified": _DATE,
            "siblings": [{"rfilename": path} for path in sorted(repo["files"])],
        }

    def _preupload(self, req: Request, repo: dict[str, Any]) -> dict[str, Any]:
        answers = []
        for item in json.loads(req.body)["files"]:
            answer = {"path": item["path"], "uploadMode": "regular", "shouldIgnore": False}
            if item["path"] in repo["files"]:
                answer["oid"] = git_blob_oid(repo["files"][item["path"]])
            answers.append(answer)
        return {"files": answers, "commitOid": repo["sha"]}

    def _commit(self, req: Request, repo_type: str, repo_id: str, repo: dict[str, Any]) -> dict[str, Any]:
        files = dict(repo["files"])
        message, added, deleted = "", [], []
        for line in req.body.decode().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            key, value = item["key"], item["value"]
            if key == "header":
                message = value["summary"]
            elif key == "file":
                content = value["content"]
                data = base64.b64decode(content) if value.get("encoding") == "base64" else content.encode()
                files[value["path"]] = data
                added.append(value["path"])
            elif key == "deletedFile":
                if value["path"] not in files:
                    raise _HubError(404, "A file with this name doesn't exist", "EntryNotFound")
                del files[value["path"]]
                deleted.append(value["path"])
            elif key == "deletedFolder":
                prefix = value["path"].rstrip("/") + "/"
                gone = [path for path in files if path.startswith(prefix)]
                for path in gone:
                    del files[path]
                deleted.extend(gone)
            else:
                raise _HubError(400, f"FakeHub does not support commit operation {key!r} (LFS/Xet/copy)")
        repo["files"], repo["sha"] = files, self._new_sha()
        self.commits.append({"repo_id": repo_id, "message": message, "added": added, "deleted": deleted})
        commit_url = f"{self._repo_url(repo_type, repo_id)}/commit/{repo['sha']}"
        return {"success": True, "commitOid": repo["sha"], "commitUrl": commit_url, "hookOutput": ""}


def _entry(files: dict[str, bytes], path: str) -> dict[str, Any]:
    if path in files:
        return {"type": "file", "oid": git_blob_oid(files[path]), "size": len(files[path]), "path": path}
    return {"type": "directory", "oid": hashlib.sha1(path.encode()).hexdigest(), "size": 0, "path": path}


def _folders(files: dict[str, bytes]) -> set[str]:
    return {path.rsplit("/", i)[0] for path in files for i in range(1, path.count("/") + 1)}


def _tree(files: dict[str, bytes], folder: str, recursive: bool) -> list[dict[str, Any]]:
    """The Hub's tree listing under `folder` ('' = root): folders first, then files."""
    folder = folder.strip("/")
    folders = _folders(files)
    if folder and folder not in folders:
        raise _HubError(404, f"{folder} does not exist on main", "EntryNotFound")
    prefix = f"{folder}/" if folder else ""
    depth = prefix.count("/")
    found = [p for p in [*sorted(folders), *sorted(files)] if p.startswith(prefix)]
    if not recursive:
        found = [p for p in found if p.count("/") == depth]
    return [_entry(files, p) for p in found]


def _paths_info(files: dict[str, bytes], paths: list[str]) -> list[dict[str, Any]]:
    """Info for each given path that exists (file or folder); missing paths are left out, as on the Hub."""
    folders = _folders(files)
    return [_entry(files, p) for p in paths if p in files or p in folders]


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, hands it to the FakeHub, writes the JSON answer and closes the connection."""

    fake: FakeHub
    protocol_version = "HTTP/1.1"

    def _read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while size := int(self.rfile.readline().split(b";")[0].strip(), 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            while self.rfile.readline().strip():  # trailers
                pass
            return body
        return self.rfile.read(int(self.headers.get("content-length") or 0))

    def _handle(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        req = Request(method=self.command, path=self.path, headers=headers, body=self._read_body())
        status, body, extra = self.fake.handle(req)
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle

    def log_message(self, format: str, *args: Any) -> None:  # silence per-request logging
        pass
