// Code snippets are only available for the latest version. Current version is 6.x
GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);
{%- if let Some((class, var)) = body %}

{{ class }} {{ var }} = new {{ class }}();
{%- endif %}
{%- for line in lines %}
{{ line }}
{%- endfor %}
{% if let Some(ty) = result %}{{ ty }} result = {% endif %}{{ call }};
