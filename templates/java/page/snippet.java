GraphServiceClient graphClient = GraphServiceClient.builder().authenticationProvider( authProvider ).buildClient();
{%- for group in groups %}
{% for line in group %}
{{ line }}
{%- endfor %}
{%- endfor %}

{{ request }}
    .{{ method }}({{ param_set }}
        .newBuilder()
{%- for (setter, arg) in withs %}
        .{{ setter }}({{ arg }})
{%- endfor %}
        .build())
    .buildRequest()
    .post();
