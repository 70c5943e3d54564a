// The server's schema as graphql-js sees it, in two steps the .NET test runs around its own request:
//   node check-schema.mjs query   prints the introspection query graphql-js's clients send, with every
//                                 option the server supports;
//   node check-schema.mjs check   reads the server's JSON answer on standard input, builds a client schema
//                                 from it and validates that schema; prints the problems and exits 1 if any.
import { buildClientSchema, getIntrospectionQuery, validateSchema, version } from 'graphql';

const mode = process.argv[2];

if (mode === 'query') {
  process.stdout.write(getIntrospectionQuery({
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }));
} else if (mode === 'check') {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const answer = JSON.parse(input);
  if (answer.errors?.length) {
    console.log(`The server refused the introspection query: ${JSON.stringify(answer.errors)}`);
    process.exit(1);
  }
  // buildClientSchema throws on a result it cannot read (a missing field, a type it cannot resolve).
  const schema = buildClientSchema(answer.data);
  const problems = validateSchema(schema);
  for (const problem of problems) console.log(problem.message);
  const types = Object.keys(schema.getTypeMap()).filter(name => !name.startsWith('__'));
  console.log(`graphql ${version}: ${types.length} types, ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
} else {
  console.error('Usage: node check-schema.mjs query | check');
  process.exit(2);
}
