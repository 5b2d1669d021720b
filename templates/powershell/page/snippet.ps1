Import-Module Microsoft.Graph.{{ module }}
{%- if let Some(params) = params %}

$params = {{ params }}
{%- endif %}

{{ cmdlet }}{% for (name, value) in args %} -{{ name }} {{ value }}{% endfor %}{% if params.is_some() %} -BodyParameter $params{% endif %}{% if let Some(headers) = headers %} -Headers {{ headers }}{% endif %}
