//THE GO SDK IS IN PREVIEW. NON-PRODUCTION USE ONLY
graphClient := msgraphsdk.NewGraphServiceClient(requestAdapter)

requestBody := {{ body_package }}.New{{ body_type }}()
{%- for line in body_lines %}
{{ line }}
{%- endfor %}
{%- for (name, value) in path_vars %}

{{ name }} := {{ value }}
{%- endfor %}
{{ call }}
