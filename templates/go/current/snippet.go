// Code snippets are only available for the latest major version. Current major version is ${{ major }}.*

// Dependencies
import (
	"context"
{%- if result %}
	"log"
{%- endif %}
	msgraphsdk "{{ module }}"
{%- if let Some((alias, package)) = builder %}
	{{ alias }} "{{ module }}/{{ package }}"
{%- endif %}
{%- if uses_models %}
	graphmodels "{{ module }}/models"
{%- endif %}
{%- if abstractions %}
	abstractions "github.com/microsoft/kiota-abstractions-go"
{%- endif %}
{%- for import in text_imports %}
	{{ import }}
{%- endfor %}
	//other-imports
)
{%- if !body_lines.is_empty() %}
{% for line in body_lines %}
{{ line }}
{%- endfor %}
{%- endif %}

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
{%- if result %}
result, err := {{ call }}
if err != nil {
	log.Fatal(err)
}
log.Printf("%+v", result)
{%- else %}
{{ call }}
{%- endif %}
