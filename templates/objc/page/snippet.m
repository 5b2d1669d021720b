MSHTTPClient *httpClient = [MSClientFactory createHTTPClientWithAuthenticationProvider:authenticationProvider];

NSString *MSGraphBaseURL = {{ base_url }};
NSMutableURLRequest *urlRequest = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:[MSGraphBaseURL stringByAppendingString:{{ path }}]]];
[urlRequest setHTTPMethod:{{ method }}];
{%- for (name, value) in headers %}
[urlRequest setValue:{{ value }} forHTTPHeaderField:{{ name }}];
{%- endfor %}
{%- if body %}
[urlRequest setValue:@"application/json" forHTTPHeaderField:@"Content-Type"];

NSMutableDictionary *payloadDictionary = [[NSMutableDictionary alloc] init];
{%- for p in params %}

{{ p.ty }} *{{ p.name }} = {{ p.value }};
payloadDictionary[{{ p.key }}] = {{ p.name }};
{%- endfor %}

NSError *error;
NSData *data = [NSJSONSerialization dataWithJSONObject:payloadDictionary options:kNilOptions error:&error];
[urlRequest setHTTPBody:data];
{%- endif %}

MSURLSessionDataTask *meDataTask = [httpClient dataTaskWithRequest:urlRequest
    completionHandler: ^(NSData *data, NSURLResponse *response, NSError *nserror) {

        //Request Completed

}];

[meDataTask execute];
