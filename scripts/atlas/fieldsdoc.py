"""The field reference page, derived from the schema (never written by hand)."""

from __future__ import annotations

import html
import typing
from typing import get_args

from pydantic import BaseModel

from . import models

# The schema's named types, as a reader of the reference would call them.
HUMAN = {
    "SourceId": "source id", "SourceIds": "list of source ids (at least one)", "Iso2": "two-letter country code (ISO 3166-1)",
    "Slug": "slug (lower-case words joined by hyphens)", "PlaceName": "place name", "Url": "web address (https://…)",
    "LanguageCode": "language code (en, fr, ar…)", "PartialDate": "date: YYYY, YYYY-MM or YYYY-MM-DD",
    "LocalText": "text, or text per language ({en: …, fr: …})", "ShortLocalText": "short text, or per language ({en: …, fr: …})",
    "Text": "text", "ShortText": "short text",
}
_NAMED = {id(getattr(models, name)): label for name, label in HUMAN.items()}


def _type_name(annotation) -> str:
    if id(annotation) in _NAMED:
        return _NAMED[id(annotation)]
    for name, label in HUMAN.items():  # Annotated aliases compare equal to themselves
        if annotation == getattr(models, name):
            return label
    args = [a for a in get_args(annotation) if a is not type(None)]
    origin = getattr(annotation, "__origin__", None)
    if origin is typing.Annotated or type(annotation).__name__ == "_AnnotatedAlias":
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if str(origin) == "typing.Literal" or type(annotation).__name__ == "_LiteralGenericAlias":
        return " \\| ".join(f"`{a}`" for a in get_args(annotation))
    if origin is list:
        inner = _type_name(args[0])
        return "list of " + (inner + "s" if inner == "source id" else inner)
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if args:
        inner = [_type_name(a) for a in args]
        return " or ".join(inner) + (" (optional)" if type(None) in get_args(annotation) else "")
    name = getattr(annotation, "__name__", None)
    known = {"str": "text", "bool": "true/false", "int": "whole number", "date": "date (YYYY-MM-DD)"}
    if name not in known:
        raise TypeError(f"fieldsdoc: no human name for the type {annotation!r}; add it to HUMAN")
    return known[name]


def _models() -> list[type[BaseModel]]:
    return [
        models.Country, models.StatusInfo, models.DeathPenaltyInfo, models.Provision,
        models.GenderExpressionLaw, models.ExpressionLaw, models.Quote, models.EnforcementEvent,
        models.SubnationalEntry, models.TimelineEvent, models.Protections, models.ProtectionFact,
        models.Source,
    ]


def fields_markdown(site_root: str = "../") -> str:
    out = [
        "---", "title: Field reference", "description: Every field of a Refuge Atlas country file.", "---", "",
        "# Field reference", "",
        "Generated from the schema in `scripts/atlas/models.py`. The annotated example is "
        "`data/countries/_template.yaml`; the JSON Schema is "
        f'<a href="{site_root}api/v1/schema/country.schema.json"><code>country.schema.json</code></a>.', "",
    ]
    for model in _models():
        out += [f"## {model.__name__} {{#{model.__name__.lower()}}}", "", " ".join((model.__doc__ or "").split()), ""]
        out += ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
        hints = typing.get_type_hints(model, include_extras=True)
        for name, field in model.model_fields.items():
            ann = hints.get(name, field.annotation)
            kind = _type_name(ann).replace("|", "\\|") if "\\|" not in _type_name(ann) else _type_name(ann)
            required = "yes" if field.is_required() else "no"
            desc = html.escape(field.description or "", quote=False).replace("|", "\\|")
            out.append(f"| `{name}` | {kind} | {required} | {desc} |")
        out.append("")
    return "\n".join(out)
