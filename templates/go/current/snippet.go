// Code snippets are only available for the latest major version. Current major version is $v0.*

// Dependencies
import (
	"context"
	msgraphsdk "{{ module }}"
	{{ builder_alias }} "{{ module }}/{{ builder_package }}"
{%- if uses_models %}
	graphmodels "{{ module }}/models"
{%- endif %}
	//other-imports
)

requestBody := {{ builder_alias }}.New{{ body_type }}()
{%- for line in body_lines %}
{{ line }}
{%- endfor %}

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
{{ call }}
