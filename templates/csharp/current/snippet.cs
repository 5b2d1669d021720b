// Code snippets are only available for the latest version. Current version is 5.x

// Dependencies
{%- for u in usings %}
using {{ u }};
{%- endfor %}

var requestBody = new {{ body_type }}
{
{%- for (name, value) in members %}
    {{ name }} = {{ value }},
{%- endfor %}
};

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp
await {{ request }}.{{ action }}.PostAsync(requestBody);
