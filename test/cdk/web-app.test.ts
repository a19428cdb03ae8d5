import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/routes';
import { DevInsightsStack, type DevInsightsStackProps } from '../../lib/devinsights-stack';
import { PROPS, type Resources, testApp } from './template-helpers';

/** The API's template and the web hosting's (a nested stack), bundling skipped: one route is enough here. */
function templates(props: DevInsightsStackProps) {
  const app = testApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new DevInsightsStack(app, 'Web', { jobs: [], ...props, routes: routes.filter((route) => route.handler === 'auth/login') });
  return { api: Template.fromStack(stack), hosting: Template.fromStack(Stack.of(stack.webApp)) };
}

let template: Template;
let api: Template;

// Without appUrl, as bin/devinsights.ts deploys by default: the app's CloudFront URL is APP_URL and the CORS origin.
beforeAll(() => {
  const { appUrl: _own, ...withoutAppUrl } = PROPS;
  ({ hosting: template, api } = templates(withoutAppUrl));
}, 60_000);

/** The distribution's domain as the API's template sees it: an output of the nested stack. */
const domainInApi = () => ({ 'Fn::GetAtt': [Match.stringLikeRegexp('WebHosting'), Match.stringLikeRegexp('Outputs\\..*DomainName')] });
const cloudFrontUrl = () => ({ 'Fn::Join': ['', ['https://', domainInApi()]] });

/** Each resource's logical ids it refers to (Ref, Fn::GetAtt, DependsOn). */
function references(resource: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string') found.add(inner);
        else if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.add(String(inner[0]));
        else if (key === 'DependsOn') [inner].flat().forEach((id) => found.add(String(id)));
        else walk(inner);
      }
    }
  };
  walk(resource);
  return found;
}

describe('the web app on AWS', () => {
  it('It should keep the files in a private bucket that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('It should let only this distribution read the bucket, through origin access control (not an identity)', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] } })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('It should answer an app route such as /team with index.html, by a viewer-request function', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("indexOf\\('\\.'\\) === -1\\) request\\.uri = '/index\\.html'"),
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
      },
    });
  });

  it('It should send CSP with only the API to connect to, HSTS, no framing and nosniff', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: {
            ContentSecurityPolicy: {
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp("script-src 'self'.*connect-src 'self' https://$"), { Ref: Match.stringLikeRegexp('RestApi') }])],
            },
            Override: true,
          },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      },
    });
    const policies = JSON.stringify(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toContain("frame-ancestors 'none'");
    expect(policies).not.toContain('unsafe-inline');
  });

  it('It should cache the hashed /assets/* for a year and index.html not at all', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        CustomHeadersConfig: { Items: [{ Header: 'Cache-Control', Value: 'public, max-age=31536000, immutable', Override: true }] },
      },
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { CustomHeadersConfig: { Items: [{ Header: 'Cache-Control', Value: 'no-cache', Override: true }] } },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { CacheBehaviors: [Match.objectLike({ PathPattern: '/assets/*' })] },
    });
  });

  it('It should deploy the build and a config.json naming the API, and refresh index.html and config.json after', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      SourceObjectKeys: [Match.stringLikeRegexp('\\.zip$'), Match.stringLikeRegexp('\\.zip$')],
      // config.json's apiUrl: the API's origin, known at deploy time, then its stage.
      SourceMarkers: Match.arrayWith([
        Match.objectLike({ '<<marker:0xbaba:0>>': { 'Fn::Join': ['', Match.arrayWith([{ Ref: Match.stringLikeRegexp('RestApi') }])] } }),
      ]),
      DistributionPaths: ['/index.html', '/config.json'],
    });
  });

  it('It should give the app\'s CloudFront URL as an output, as every function\'s APP_URL and as the API\'s CORS origin', () => {
    api.hasOutput('WebAppUrl', { Value: cloudFrontUrl() });
    api.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^POST /auth/login'),
      Environment: { Variables: Match.objectLike({ APP_URL: cloudFrontUrl() }) },
    });
    api.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': { 'Fn::Join': ['', ["'https://", domainInApi(), "'"]] },
            }),
          }),
        ],
      }),
    });
  });

  it('It should make no dependency cycle between the app, the API and its functions', () => {
    const resources = api.toJSON().Resources as Resources;
    const edges = new Map(Object.entries(resources).map(([id, resource]) => [id, [...references(resource)].filter((ref) => ref in resources)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycleFrom = (id: string, path: string[]): string[] | undefined => {
      if (state.get(id) === 'done') return undefined;
      if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) {
        const cycle = cycleFrom(next, [...path, id]);
        if (cycle) return cycle;
      }
      state.set(id, 'done');
      return undefined;
    };
    const cycles = [...edges.keys()].map((id) => cycleFrom(id, [])).filter(Boolean);

    expect(cycles).toEqual([]);
  });

  it('It should keep an operator\'s own appUrl for CORS and APP_URL, still hosting the app', () => {
    const own = templates(PROPS);
    own.api.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^POST /auth/login'),
      Environment: { Variables: Match.objectLike({ APP_URL: PROPS.appUrl }) },
    });
    own.hosting.resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});
