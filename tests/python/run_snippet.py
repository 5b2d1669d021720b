"""Runs Python snippets as printed, each with `graph_client` pointed at its own recorder.

Each snippet's lines are compiled unchanged, with top-level `await` allowed (as the docs'
snippets use it); the harness only provides `graph_client`, built on the SDK's own
request adapter with a credential that hands out a fixed bearer token. All run in one
interpreter (importing the SDK once, not once per snippet), in order; after each one a
line says how it went (tests/recorder.rs reads it): `sdkgen-batch <i> ok`, or
`sdkgen-batch <i> error <traceback, line breaks written as \\n>`.

Usage: python run_snippet.py <snippet.py> <base url> [<snippet.py> <base url>]...
"""
import ast
import asyncio
import sys
import time
import traceback

from azure.core.credentials import AccessToken
from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
from msgraph_beta import GraphRequestAdapter, GraphServiceClient


class FixedCredential:
    """An azure-core credential whose token never expires during a test."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken("test-token", int(time.time()) + 3600)

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        pass


async def run(path, base_url):
    # The SDK authenticates only hosts it is told to; the recorder's is one.
    auth = AzureIdentityAuthenticationProvider(
        FixedCredential(), scopes=["https://graph.microsoft.com/.default"], allowed_hosts=["127.0.0.1"]
    )
    adapter = GraphRequestAdapter(auth)
    adapter.base_url = base_url
    graph_client = GraphServiceClient(request_adapter=adapter)
    source = open(path, encoding="utf-8").read()
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(code, {"__name__": "__snippet__", "graph_client": graph_client})
    if asyncio.iscoroutine(result):
        await result


async def main(pairs):
    for i, (path, base_url) in enumerate(pairs):
        try:
            await run(path, base_url)
            print(f"sdkgen-batch {i} ok", flush=True)
        except BaseException:  # a snippet's failure is its own; the rest still run
            message = traceback.format_exc().replace("\n", "\\n")
            print(f"sdkgen-batch {i} error {message}", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit("usage: run_snippet.py <snippet.py> <base url> [<snippet.py> <base url>]...")
    asyncio.run(main(list(zip(args[0::2], args[1::2]))))
