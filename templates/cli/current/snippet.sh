{{ command }}{% if let Some(body) = body %} --body {{ body }}{% endif %}
