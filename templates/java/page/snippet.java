GraphServiceClient graphClient = GraphServiceClient.builder().authenticationProvider( authProvider ).buildClient();
{%- for group in groups %}
{% for line in group %}
{{ line }}
{%- endfor %}
{%- endfor %}

{% if let Some(ty) = result %}{{ ty }} result = {% endif %}{{ request }}
{%- if let Some((method, set)) = action %}
{%- if let Some(set) = set %}
    .{{ method }}({{ set }}
        .newBuilder()
{%- for (setter, arg) in withs %}
        .{{ setter }}({{ arg }})
{%- endfor %}
        .build())
{%- else %}
    .{{ method }}()
{%- endif %}
{%- endif %}
    .buildRequest({% if let Some(options) = options %} {{ options }} {% endif %})
{%- for f in fluent %}
    .{{ f }}
{%- endfor %}
    .{{ call }};
