const options = {
    authProvider,
};

const client = Client.init(options);
{%- if let Some((var, value)) = body %}
{% if let Some(note) = note %}
// {{ note }}
{%- endif %}
const {{ var }} = {{ value }};
{%- endif %}

{% if result %}let result = {% endif %}await client.api({{ path }})
    .version({{ version }})
{%- for (name, value) in headers %}
    .header({{ name }}, {{ value }})
{%- endfor %}
{%- for q in query %}
    .{{ q }}
{%- endfor %}
    .{{ call }};
