// Code snippets are only available for the latest version. Current version is 5.x
{%- if !usings.is_empty() %}

// Dependencies
{%- endif %}
{%- for u in usings %}
using {{ u }};
{%- endfor %}
{%- if let Some(body) = body %}

var requestBody = {{ body }};
{%- endif %}

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp
{% if result %}var result = {% endif %}await {{ call }};
