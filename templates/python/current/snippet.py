# Code snippets are only available for the latest version. Current version is 1.x
from {{ package }} import GraphServiceClient
{%- for (module, name) in imports %}
from {{ module }} import {{ name }}
{%- endfor %}
# To initialize your graph_client, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=python
{%- if let Some(body) = body %}
request_body = {{ body }}
{%- endif %}
{%- if !config.is_empty() %}
{% for line in config %}
{{ line }}
{%- endfor %}
{%- endif %}

{% if result %}result = {% endif %}await {{ call }}
