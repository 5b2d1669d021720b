"""Prints the URL template of every request builder of a Kiota Python SDK wheel, sorted.

Each `*_request_builder.py` passes its template to the base class first thing
(`super().__init__(request_adapter, "{+baseurl}/users/{user%2Did}/messages{?...}", ...)`);
the wheel is read as a zip, nothing of it is imported or run.
"""
import re
import sys
import zipfile

TEMPLATE = re.compile(r'super\(\).__init__\(request_adapter, "([^"]+)"')


def main(wheel: str, out: str) -> None:
    found = []
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if name.endswith("_request_builder.py"):
                m = TEMPLATE.search(z.read(name).decode("utf-8"))
                if m is None:
                    sys.exit(f"url_templates: no URL template in {name}")
                found.append(m.group(1))
    if len(found) < 1000:
        sys.exit(f"url_templates: only {len(found)} request builders in {wheel}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(found)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
