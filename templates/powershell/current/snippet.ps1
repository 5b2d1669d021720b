Import-Module Microsoft.Graph.{{ module }}

$params = {{ params }}

{{ cmdlet }}{% for (name, value) in args %} -{{ name }} {{ value }}{% endfor %} -BodyParameter $params
