"""Checks an OpenAPI document sdkgen exported, with tools users already trust.

1. openapi-spec-validator: the document is valid OpenAPI 3.1.
2. jsonschema (Draft 2020-12, OpenAPI 3.1's dialect): every example of a request or
   response body validates against the schema its operation gives that body, with every
   $ref resolved inside the document.

Usage: check_openapi.py DOCUMENT.json   Prints one line per checked example; exits 1 on
the first failure with the reason.
"""
import json
import sys

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def pointer(*parts):
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    validate(doc)
    print(f"valid OpenAPI {doc['openapi']}: {len(doc['paths'])} paths, {len(doc['components']['schemas'])} schemas")
    registry = Registry().with_resource("urn:doc", Resource.from_contents(doc, default_specification=DRAFT202012))
    checked = 0
    for route, item in doc["paths"].items():
        for method, op in item.items():
            bodies = [("requestBody",)] if "requestBody" in op else []
            bodies += [("responses", status) for status in op["responses"]]
            for where in bodies:
                node = op
                for key in where:
                    node = node[key]
                media = node.get("content", {}).get("application/json")
                if not media or "examples" not in media:
                    continue
                at = pointer("paths", route, method, *where, "content", "application/json", "schema")
                validator = Draft202012Validator({"$ref": f"urn:doc#/{at}"}, registry=registry)
                for name, example in media["examples"].items():
                    errors = sorted(validator.iter_errors(example["value"]), key=lambda e: list(e.absolute_path))
                    if errors:
                        e = errors[0]
                        print(f"FAIL {method.upper()} {route} {'/'.join(where)} example {name}: "
                              f"{e.message} at {'/'.join(map(str, e.absolute_path)) or '(root)'}")
                        return 1
                    checked += 1
                    print(f"ok {method.upper()} {route} {'/'.join(where)} example {name}")
    print(f"{checked} examples valid against their schemas")
    return 0 if checked else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
