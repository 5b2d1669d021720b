GraphServiceClient graphClient = new GraphServiceClient( authProvider );
{%- for (name, value) in vars %}

var {{ name }} = {{ value }};
{%- endfor %}

await {{ request }}
    .{{ method }}({{ args }})
    .Request()
    .PostAsync();
