//THE GO SDK IS IN PREVIEW. NON-PRODUCTION USE ONLY
graphClient := msgraphsdk.NewGraphServiceClient(requestAdapter)
{%- if !body_lines.is_empty() %}
{% for line in body_lines %}
{{ line }}
{%- endfor %}
{%- endif %}
{%- for (name, value) in path_vars %}

{{ name }} := {{ value }}
{%- endfor %}
{% if result %}result, err := {% endif %}{{ call }}
