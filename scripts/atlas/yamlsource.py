"""Read a YAML file into plain data plus a map from key path to line number.

Why not ``yaml.safe_load``: YAML 1.1 turns ``NO`` (Norway) and ``yes`` into booleans and
dates into ``datetime.date``; we keep YAML 1.2's core rules (only true/false are booleans,
dates stay strings for the schema to check), reject duplicate keys, and remember where
every key and list item sits so that errors can name the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

Path_ = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (several times faster); same results either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader with YAML 1.2 core scalars."""


class _PyLoader(yaml.SafeLoader):
    """The pure-Python loader: used only to word an error, identically on every machine."""


for _cls in (_Loader, _PyLoader):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


@dataclass
class YamlDocument:
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, loader_class: type = _Loader) -> YamlDocument:
    """Parse ``text``; raise ``YamlError`` with a line number on malformed YAML."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1})
        doc = YamlDocument(None, {(): node.start_mark.line + 1})
        _index(node, (), doc.lines)
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as exc:
        if loader_class is not _PyLoader:
            return parse_yaml(text, _PyLoader)  # raises the same error, worded by PyYAML itself
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or str(exc)
        raise YamlError(line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlError(line, f"duplicate key '{key}' (first on line {seen[key]})")
            seen[key] = line
            lines[path + (key,)] = line
            _index(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _index(item, path + (i,), lines)


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a file; bad bytes and bad YAML both become ``YamlError``."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(line, f"is not UTF-8 text (bad byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_yaml(text)
