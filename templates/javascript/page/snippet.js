const options = {
    authProvider,
};

const client = Client.init(options);

const {{ var }} = {{ body }};

await client.api({{ path }})
    .version({{ version }})
    .post({{ var }});
