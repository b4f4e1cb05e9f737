// Regenerates src/api/schema.d.ts from the host's OpenAPI document.
// Usage: start the host (dotnet run --project engine/Workflows.Api --urls http://127.0.0.1:5181), then
//   npm run gen:api            (or: npm run gen:api -- http://other-host/openapi/v1.json)
import { execFileSync } from 'node:child_process';

const source = process.argv[2] ?? 'http://127.0.0.1:5181/openapi/v1.json';
execFileSync('npx', ['openapi-typescript', source, '-o', 'src/api/schema.d.ts'], { stdio: 'inherit' });
