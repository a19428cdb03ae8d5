import type { RouteDefinition } from '../routes';

/** One path template of the route table with every method it answers. */
export interface PathTemplate {
  readonly path: string;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  readonly methods: ReadonlyMap<string, RouteDefinition>;
}

export type RouteMatch =
  | { readonly kind: 'route'; readonly route: RouteDefinition; readonly template: PathTemplate; readonly rawParameters: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly template: PathTemplate }
  | { readonly kind: 'not-found' };

const PARAMETER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(path: string): Pick<PathTemplate, 'pattern' | 'parameterNames'> {
  const parameterNames: string[] = [];
  const segments = path
    .split('/')
    .slice(1)
    .map((segment) => {
      const parameter = PARAMETER.exec(segment);
      if (!parameter?.[1]) return escapeRegExp(segment);
      parameterNames.push(parameter[1]);
      return '([^/]+)';
    });
  return { pattern: new RegExp(`^/${segments.join('/')}$`), parameterNames };
}

/**
 * Matches request paths against the route table the way API Gateway does: a
 * `{name}` is one non-empty path segment, literal segments win over
 * parameters (`/reports/{id}` never shadows a literal `/reports/latest`).
 */
export function createRouteMatcher(routes: readonly RouteDefinition[]): (method: string, rawPath: string) => RouteMatch {
  const byPath = new Map<string, Map<string, RouteDefinition>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Map<string, RouteDefinition>();
    methods.set(route.method, route);
    byPath.set(route.path, methods);
  }
  const templates: PathTemplate[] = [...byPath].map(([path, methods]) => ({ path, methods, ...compile(path) }));
  templates.sort((a, b) => a.parameterNames.length - b.parameterNames.length);

  return (method, rawPath) => {
    for (const template of templates) {
      const found = template.pattern.exec(rawPath);
      if (!found) continue;
      const route = template.methods.get(method);
      if (!route) return { kind: 'method-not-allowed', template };
      const rawParameters = Object.fromEntries(template.parameterNames.map((name, index) => [name, found[index + 1] ?? '']));
      return { kind: 'route', route, template, rawParameters };
    }
    return { kind: 'not-found' };
  };
}
