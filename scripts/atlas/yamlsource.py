"""Read a YAML file into plain data plus a map from key path to line number.

Why not ``yaml.safe_load``: YAML 1.1 turns ``NO`` (Norway) and ``yes`` into booleans and
dates into ``datetime.date``; we keep YAML 1.2's core rules (only true/false are booleans,
dates stay strings for the schema to check), reject duplicate keys, and remember where
every key and list item sits so that errors can name the line.

Hostile input is refused before anything is built from it: anchors and aliases (a few
hundred bytes of aliases can expand to gigabytes: "billion laughs"), nesting deeper than
``MAX_DEPTH`` (deep recursion crashes the parser), and keys that are not plain scalars.
A first pass over the parser's events checks all three without building anything.
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


MAX_DEPTH = 24  # a country file nests about 6 levels; the template 7


def _refuse_hostile(text: str, loader_class: type) -> None:
    """Raise ``YamlError`` at the first anchor, alias or too-deep nesting, reading events only."""
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(line, f"uses the YAML alias '*{event.anchor}'; data files spell every value out (no & or *)")
            if getattr(event, "anchor", None):
                raise YamlError(line, f"uses the YAML anchor '&{event.anchor}'; data files spell every value out (no & or *)")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(line, f"nests lists and mappings more than {MAX_DEPTH} levels deep")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def parse_yaml(text: str, loader_class: type = _Loader) -> YamlDocument:
    """Parse ``text``; raise ``YamlError`` with a line number on malformed or hostile YAML."""
    try:
        _refuse_hostile(text, loader_class)
    except yaml.MarkedYAMLError:
        pass  # malformed: the parse below words the error with its line
    except yaml.YAMLError as exc:
        raise YamlError(1, f"malformed YAML: {exc}") from None
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
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(line, "has a key that is a list or a mapping; a key is a plain word such as 'status'")
            key = key_node.value
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
    """Read and parse a file; unreadable files, bad bytes and bad YAML all become ``YamlError``."""
    if path.is_dir():
        raise YamlError(0, "is a folder, not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(0, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(line, f"is not UTF-8 text (bad byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_yaml(text)
