"""Validate real responses against the schemas in service/openapi.json (jsonschema, 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


@cache
def openapi() -> dict[str, Any]:
    text = resources.files("service").joinpath("openapi.json").read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


@cache
def _registry() -> Registry:  # type: ignore[type-arg]
    resource = Resource.from_contents(openapi(), default_specification=DRAFT202012)
    return Registry().with_resource("urn:openapi", resource)


def validate(name: str, instance: Any) -> None:
    """Raise jsonschema.ValidationError unless ``instance`` matches components/schemas/name."""
    schema = {"$ref": f"urn:openapi#/components/schemas/{name}"}
    Draft202012Validator(schema, registry=_registry()).validate(instance)
