"""The API's OpenAPI document, typed from the JSON document's schema, and a
docs page rendered from it on the server (no script, nothing remote).

A story and an article answer with the shapes of
``report/document-v1.schema.json``; its definitions become the OpenAPI
components (``Story``, ``Article``, ``Claim``, ...), so a client generator
sees every field instead of a bare object.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from corroborate.report.json import SCHEMA_PATH

_REF = re.compile(r"^#/\$defs/(\w+)$")


def _component(name: str) -> str:
    return name[:1].upper() + name[1:]


def _rewrite(node: Any) -> Any:
    """Document-schema refs ("#/$defs/story") as OpenAPI component refs."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and (m := _REF.match(v)):
                out[k] = f"#/components/schemas/{_component(m[1])}"
            else:
                out[k] = _rewrite(v)
        return out
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


def typed_openapi(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document with story and article responses typed."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description,
                       routes=app.routes)  # fmt: skip
    defs = json.loads(SCHEMA_PATH.read_text())["$defs"]
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in defs.items():
        schemas[_component(name)] = _rewrite(schema)
    schemas["StoredArticle"] = {
        "allOf": [
            {"$ref": "#/components/schemas/Article"},
            {"type": "object", "properties": {"story_id": {"type": ["string", "null"]}}},
        ],
        "description": "An article as in the JSON document, with the story it belongs to.",
    }
    for path, component in (("/api/stories/{story_id}", "Story"),
                            ("/api/articles/{article_id}", "StoredArticle")):  # fmt: skip
        ok = spec["paths"][path]["get"]["responses"]["200"]
        ok["content"] = {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}
        }
    app.openapi_schema = spec
    return spec


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's operations in a form a page can list: method, path, what it
    does, its parameters, body and answers."""
    out = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "type": _type(p.get("schema", {})), "description": p.get("description") or
                 p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            body = op.get("requestBody", {}).get("content", {})
            out.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "params": params,
                "body": ", ".join(body), "secured": bool(op.get("security")),
                "responses": [(code, r.get("description", "")) for code, r in
                              op.get("responses", {}).items()],
            })  # fmt: skip
    return out


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt else str(kind)
