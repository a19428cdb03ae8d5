import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DevInsightsStack } from '../../lib/devinsights-stack';
import { routeKey, routes } from '../../src/routes';

/**
 * The PDF routes bundle pdfkit, which reads fonts and a colour profile from
 * files at run time: they must ship beside the bundle (the bundle resolves
 * them through the package.json written next to it).
 */
let assetDirs: Map<string, string>;

beforeAll(() => {
  const app = new App();
  const stack = new DevInsightsStack(app, 'DevInsights', { mailFrom: 'no-reply@mail.example.com', appUrl: 'https://app.example.com' });
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: { Description?: string; Code?: { S3Key?: string } } }>;
  };
  assetDirs = new Map();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const key = resource.Properties.Description?.split(':')[0] ?? '';
    const hash = resource.Properties.Code?.S3Key?.replace(/\.zip$/, '') ?? '';
    assetDirs.set(key, join(assembly.directory, `asset.${hash}`));
  }
}, 180_000);

const pdfRoutes = routes.filter((route) => 'runtimeFiles' in route && route.runtimeFiles?.includes('pdfkit')).map(routeKey);

describe('the PDF Lambdas', () => {
  it('exist for the PDF download and the report email', () => {
    expect(pdfRoutes.sort()).toEqual(['GET /reports/{reportId}/pdf', 'POST /reports/{reportId}/email']);
  });

  it.each(pdfRoutes)('ship pdfkit’s fonts and colour profile with %s', (route) => {
    const dir = assetDirs.get(route) ?? '';
    expect(existsSync(join(dir, 'standard-fonts', 'Helvetica.cjs'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'sRGB_IEC61966_2_1.icc'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      imports: { '#standard-fonts/*': './standard-fonts/*.cjs' },
    });
  });

  it.each(pdfRoutes)('keep %s under 1 MB without the embedded-font machinery', (route) => {
    const bundle = readFileSync(join(assetDirs.get(route) ?? '', 'index.js'), 'utf8');
    expect(statSync(join(assetDirs.get(route) ?? '', 'index.js')).size).toBeLessThan(1024 * 1024);
    expect(bundle).toContain('Embedded fonts are not bundled');
  });

  it('leave every other route without those files', () => {
    const others = [...assetDirs].filter(([route]) => route.includes(' ') && !pdfRoutes.includes(route));
    expect(others.length).toBeGreaterThan(10);
    for (const [, dir] of others) expect(existsSync(join(dir, 'standard-fonts'))).toBe(false);
  });
});
