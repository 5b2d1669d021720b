<?php
{%- for u in uses %}
use {{ u }};
{%- endfor %}

$graphServiceClient = new GraphServiceClient($tokenRequestContext, $scopes);
{%- if !lines.is_empty() %}
{% endif %}
{%- for line in lines %}
{{ line }}
{%- endfor %}

{% if result %}$result = {% endif %}{{ call }};
