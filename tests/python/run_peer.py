"""Sends one documented request with the Python client OpenAPI Generator built from
sdkgen's OpenAPI export (tests/openapi.rs).

Usage: run_peer.py CLIENT_DIR BASE_URL OPERATION_ID BODY_SCHEMA|- BODY_JSON|- PATH_VALUE...
  CLIENT_DIR    the generated project (package graph_peer)
  OPERATION_ID  the operation (`call.addLargeGalleryView`); the generator's method for it
                is found by its letters and digits (call_add_large_gallery_view)
  BODY_SCHEMA   the request body's schema name, whose model class is found the same way
                (microsoft.graph.call.reject.requestBody -> MicrosoftGraphCallRejectRequestBody),
                or - for none
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import graph_peer  # noqa: E402
from graph_peer.api.cloud_communications_api import CloudCommunicationsApi  # noqa: E402

def key(name):
    return "".join(c for c in name.lower() if c.isalnum())


def find(names, wanted):
    found = [n for n in names if key(n) == key(wanted)]
    if len(found) != 1:
        sys.exit(f"no single match for {wanted}: {found}")
    return found[0]


_, _, base, operation, body_schema, body_json, *path_values = sys.argv
config = graph_peer.Configuration(host=base)
config.access_token = "peer-token"
api = CloudCommunicationsApi(graph_peer.ApiClient(config))
args = list(path_values)


def as_set_by_hand(model, source):
    """`from_dict` marks every member as set, and the client then sends `null` for the
    ones the example leaves out; a user building the body sets only what the example
    has. Unmarks the others, all the way down."""
    if isinstance(model, list) and isinstance(source, list):
        for m, s in zip(model, source):
            as_set_by_hand(m, s)
        return
    if not hasattr(model, "model_fields") or not isinstance(source, dict):
        return
    for name, field in type(model).model_fields.items():
        wire = field.alias or name
        if wire in source:
            as_set_by_hand(getattr(model, name), source[wire])
        else:
            model.model_fields_set.discard(name)


if body_schema != "-":
    classes = [n for n in dir(graph_peer.models) if isinstance(getattr(graph_peer.models, n), type)]
    model = getattr(graph_peer.models, find(classes, body_schema))
    source = json.loads(body_json)
    body = model.from_dict(source)
    as_set_by_hand(body, source)
    args.append(body)
methods = [m for m in dir(api) if not m.startswith("_") and not m.endswith(("_with_http_info", "_without_preload_content"))]
# Only the request is under test: the response is returned undecoded.
response = getattr(api, find(methods, operation) + "_without_preload_content")(*args)
print(response.status)
