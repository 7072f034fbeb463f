#!/usr/bin/env python3
"""Renders every case of the template corpus with Jinja2, configured as batou does.

Usage: render-with-jinja2.py CORPUS_DIRECTORY [CASE ...]

With CASE names, renders only those cases (to look at a new case while writing it).

A case is every `*.j2` file below the corpus directory, except those in a folder whose
name starts with `_` (such as `_lib/`): those are only included, imported or extended
by cases. A case's variables are in the JSON object next to it, `name.json`, if any.

Prints one JSON document to stdout:

    {"jinja2": "3.1.6",
     "cases": [{"name": "loops/nested.j2", "context": {...}, "output": "..."},
               {"name": "errors/x.j2", "context": {...},
                "error": {"kind": "undefined", "template": "errors/x.j2", "line": 3,
                          "message": "'port' is undefined"}}]}

`context` holds the case's variables in a typed form, so that readers whose JSON parser
cannot tell `1` from `1.0` still can: every value is an object with one key, its type:
{"none": null}, {"boolean": true}, {"integer": 1}, {"float": "1.0"} (Python's repr, to
round-trip exactly), {"string": "a"}, {"list": [...]}, {"dictionary": [["key", {...}], ...]}
(keys in order, always strings as JSON has no other).

An error's line is where Jinja2 says it is: a syntax error's own `lineno`, and for errors
while rendering the innermost traceback frame that belongs to a corpus template (Jinja2
rewrites tracebacks so that template frames carry the template's file and line).
"""

import json
import os
import sys
import traceback

import jinja2


def environment(corpus):
    """The environment exactly as batou's Jinja2 template engine makes it."""
    return jinja2.Environment(
        line_statement_prefix="@@",
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        loader=jinja2.FileSystemLoader(corpus),
    )


def case_names(corpus):
    names = []
    for directory, folders, files in os.walk(corpus):
        folders[:] = [folder for folder in folders if not folder.startswith("_")]
        for file in files:
            if file.endswith(".j2"):
                path = os.path.join(directory, file)
                names.append(os.path.relpath(path, corpus).replace(os.sep, "/"))
    return sorted(names)


def typed(value):
    # bool before int: in Python, True is an int.
    if value is None:
        return {"none": None}
    if isinstance(value, bool):
        return {"boolean": value}
    if isinstance(value, int):
        return {"integer": value}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, str):
        return {"string": value}
    if isinstance(value, list):
        return {"list": [typed(item) for item in value]}
    if isinstance(value, dict):
        return {"dictionary": [[key, typed(item)] for key, item in value.items()]}
    raise TypeError(f"A context cannot hold {value!r}.")


ERROR_KINDS = [
    # Subclasses before their base classes.
    (jinja2.TemplateSyntaxError, "syntax"),  # also TemplateAssertionError
    (jinja2.UndefinedError, "undefined"),
    (jinja2.TemplateNotFound, "notFound"),  # also TemplatesNotFound
    (jinja2.TemplateRuntimeError, "runtime"),
    (ZeroDivisionError, "zeroDivision"),
    (TypeError, "type"),
    (ValueError, "value"),
]


def kind_of(error):
    for error_type, kind in ERROR_KINDS:
        if isinstance(error, error_type):
            return kind
    return None


def template_name(filename, corpus):
    """The corpus-relative name of a traceback frame's file, or None if it is no template."""
    if not filename or not filename.endswith(".j2"):
        return None
    path = os.path.realpath(filename)
    if not path.startswith(corpus + os.sep) or not os.path.isfile(path):
        return None
    return os.path.relpath(path, corpus).replace(os.sep, "/")


def describe(error, corpus):
    kind = kind_of(error)
    if kind is None:
        raise error
    if isinstance(error, jinja2.TemplateSyntaxError):
        # Jinja2 3.1.6 passes the file as the name for an unclosed comment: accept either.
        names = [template_name(os.path.join(corpus, error.name or ""), corpus), template_name(error.filename, corpus)]
        template = next((name for name in names if name is not None), None)
        line = error.lineno
    else:
        template, line = None, None
        for frame in traceback.extract_tb(error.__traceback__):
            name = template_name(frame.filename, corpus)
            if name is not None:
                template, line = name, frame.lineno
    if template is None or line is None:
        raise RuntimeError(f"No template line for {type(error).__name__}: {error}") from error
    return {"kind": kind, "template": template, "line": line, "message": str(error)}


def render(env, corpus, name):
    context_path = os.path.join(corpus, name[: -len(".j2")] + ".json")
    context = {}
    if os.path.exists(context_path):
        with open(context_path, encoding="utf-8") as file:
            context = json.load(file)
        if not isinstance(context, dict):
            raise TypeError(f"{context_path} must hold a JSON object.")
    case = {"name": name, "context": typed(context)["dictionary"]}
    try:
        case["output"] = env.get_template(name).render(context)
    except Exception as error:
        case["error"] = describe(error, corpus)
    return case


def main():
    if len(sys.argv) < 2:
        sys.exit("Usage: render-with-jinja2.py CORPUS_DIRECTORY [CASE ...]")
    corpus = os.path.realpath(sys.argv[1])
    env = environment(corpus)
    names = sys.argv[2:] or case_names(corpus)
    cases = [render(env, corpus, name) for name in names]
    json.dump({"jinja2": jinja2.__version__, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
