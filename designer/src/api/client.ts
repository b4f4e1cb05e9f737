import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type DefinitionDocument = Schemas['DefinitionDocument'];
export type StepDocument = Schemas['StepDocument'];
export type TransitionDocument = Schemas['TransitionDocument'];
export type FieldDocument = Schemas['FieldDocument'];
export type RoleDocument = Schemas['RoleDocument'];
export type ValidationProblem = Schemas['ValidationProblemDto'];
export type DefinitionVersion = Schemas['DefinitionVersionDto'];
export type ProcedureSummary = Schemas['ProcedureSummaryDto'];
export type Unit = Schemas['UnitDto'];
export type User = Schemas['UserDto'];
export type SimulationScript = Schemas['SimulationScript'];
export type SimulationTrace = Schemas['SimulationTrace'];
export type StepKind = Schemas['StepKind'];

/** A ProblemDetails body as the host writes it (urn:workflows:problem:<code>). */
export interface ApiProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  problems?: ValidationProblem[];
}

const userKey = 'workflows.user';

/** The demo identity chosen in the user picker (sent as X-Workflows-User). */
export const currentUser = {
  get: (): string | null => localStorage.getItem(userKey),
  set: (id: string): void => localStorage.setItem(userKey, id),
};

const identity: Middleware = {
  onRequest({ request }) {
    const user = currentUser.get();
    if (user) request.headers.set('X-Workflows-User', user);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(identity);

/** The problem code of a ProblemDetails, e.g. "draft-conflict". */
export function problemCode(problem: ApiProblem | undefined): string | undefined {
  return problem?.type?.startsWith('urn:workflows:problem:') ? problem.type.slice('urn:workflows:problem:'.length) : undefined;
}

export function asProblem(error: unknown): ApiProblem {
  return typeof error === 'object' && error !== null ? (error as ApiProblem) : { detail: String(error) };
}
