"""The field reference page, derived from the schema (never written by hand)."""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel

from . import models


def _type_name(annotation) -> str:
    args = [a for a in get_args(annotation) if a is not type(None)]
    origin = getattr(annotation, "__origin__", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if str(origin) == "typing.Literal" or type(annotation).__name__ == "_LiteralGenericAlias":
        return " \\| ".join(f"`{a}`" for a in get_args(annotation))
    if origin is list:
        return "list of " + _type_name(args[0])
    if args:
        inner = [_type_name(a) for a in args]
        return " or ".join(inner) + (" (optional)" if type(None) in get_args(annotation) else "")
    name = getattr(annotation, "__name__", str(annotation))
    return {"str": "text", "bool": "true/false", "int": "whole number", "date": "date (YYYY-MM-DD)"}.get(name, name)


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
        for name, field in model.model_fields.items():
            ann = field.annotation
            kind = _type_name(ann).replace("|", "\\|") if "\\|" not in _type_name(ann) else _type_name(ann)
            required = "yes" if field.is_required() else "no"
            desc = (field.description or "").replace("|", "\\|")
            out.append(f"| `{name}` | {kind} | {required} | {desc} |")
        out.append("")
    return "\n".join(out)
