// Code snippets are only available for the latest version. Current version is 6.x
GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);

{{ body_class }} {{ body_var }} = new {{ body_class }}();
{%- for line in lines %}
{{ line }}
{%- endfor %}
{{ request }}.{{ action }}().post({{ body_var }});
