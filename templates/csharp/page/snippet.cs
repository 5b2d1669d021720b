GraphServiceClient graphClient = new GraphServiceClient( authProvider );
{%- for (name, value) in vars %}

var {{ name }} = {{ value }};
{%- endfor %}

{% if result %}var result = {% endif %}await {{ request }}
{%- if !method.is_empty() %}
    {{ method }}
{%- endif %}
    .Request({{ request_args }})
{%- for (name, value) in headers %}
    .Header({{ name }},{{ value }})
{%- endfor %}
{%- for f in fluent %}
    .{{ f }}
{%- endfor %}
    .{{ call }};
