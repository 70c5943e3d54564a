using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 16: what standard GraphQL clients send works. GraphiQL, graphql-codegen and Apollo introspect the
/// schema with graphql-js's <c>getIntrospectionQuery()</c> in one request, and pick the response media type
/// with <c>Accept</c> (GraphQL over HTTP).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLStandardClientTests(CollaborationFactory factory)
{
    /// <summary>
    /// <c>getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true })</c>
    /// of graphql 16.15.0 (the version <c>graphql-js/package.json</c> pins), as it produces it; only the
    /// indentation of its blank lines is gone. 15 levels deep: nine <c>ofType</c> under a field's argument's type.
    /// </summary>
    public const string IntrospectionQuery = """

            query IntrospectionQuery {
              __schema {

                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types {
                  ...FullType
                }
                directives {
                  name
                  description
                  isRepeatable


                  locations
                  args(includeDeprecated: true) {
                    ...InputValue
                  }
                }
              }
            }

            fragment FullType on __Type {
              kind
              name
              description
              specifiedByURL

              fields(includeDeprecated: true) {
                name
                description
                args(includeDeprecated: true) {
                  ...InputValue
                }
                type {
                  ...TypeRef
                }
                isDeprecated
                deprecationReason
              }
              inputFields(includeDeprecated: true) {
                ...InputValue
              }
              interfaces {
                ...TypeRef
              }
              enumValues(includeDeprecated: true) {
                name
                description
                isDeprecated
                deprecationReason
              }
              possibleTypes {
                ...TypeRef
              }
            }

            fragment InputValue on __InputValue {
              name
              description
              type { ...TypeRef }
              defaultValue
              isDeprecated
              deprecationReason
            }

            fragment TypeRef on __Type {
              kind
              name
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                            ofType {
                              name
                              kind
                              ofType {
                                name
                                kind
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
        """;

    private async Task<HttpResponseMessage> PostAsync(string query, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await factory.Administrator().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_introspection_query_of_graphql_js_is_answered_in_one_request()
    {
        using var response = await PostAsync(IntrospectionQuery, null);
        var answer = await GraphQLClient.ReadAsync(response);

        answer.EnsureNoErrors();
        var schema = answer.Data("__schema");
        Assert.Equal("Query", schema["queryType"]!["name"]!.GetValue<string>());
        var types = schema["types"]!.AsArray();
        Assert.Contains(types, t => t!["name"]!.GetValue<string>() == "Meeting");
        // The options' fields are there: a scalar's specification (none here says one), repeatable directives, deprecated arguments.
        Assert.All(types, t => Assert.True(t!.AsObject().ContainsKey("specifiedByURL")));
        Assert.All(schema["directives"]!.AsArray(), d => Assert.False(d!["isRepeatable"]!.GetValue<bool>()));
        var meeting = types.Single(t => t!["name"]!.GetValue<string>() == "Query")!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "meeting");
        Assert.Equal("id", meeting!["args"]![0]!["name"]!.GetValue<string>());
        Assert.False(meeting["args"]![0]!["isDeprecated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(null, "application/graphql-response+json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("*/*", "application/graphql-response+json")]
    [InlineData("text/html, application/json;q=0.8", "application/json")]
    public async Task The_response_media_type_follows_Accept(string? accept, string expected)
    {
        using var response = await PostAsync("{ viewer { isAdministrator } }", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task With_application_json_a_document_that_does_not_validate_answers_200_with_its_errors()
    {
        // GraphQL over HTTP: application/json is the legacy type, whose clients read a non-2xx status as a transport failure.
        using var legacy = await PostAsync("{ viewer { nosuchfield } }", "application/json");
        using var current = await PostAsync("{ viewer { nosuchfield } }", "application/graphql-response+json");
        var legacyAnswer = await GraphQLClient.ReadAsync(legacy);

        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("VALIDATION", legacyAnswer.Code);
        Assert.False(legacyAnswer.Body.ContainsKey("data"));
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
    }
}
