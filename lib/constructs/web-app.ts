import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ASSET_CACHE_CONTROL, CONFIG_FILE, contentSecurityPolicy, NO_CACHE, webAppConfig } from '../../src/http/web-app-policy';

export interface WebAppProps {
  /** The built app (`web/dist`), or the placeholder of lib/web-app-assets.ts. */
  readonly assetDir: string;
  /** `https://<id>.execute-api.<region>.<suffix>`: with the app's own origin, all the app may fetch from (CSP connect-src). */
  readonly apiOrigin: string;
  /** The API's base URL, written into `config.json` for the app to find it. */
  readonly apiUrl: string;
}

/**
 * Rewrites an app route (a path without a file extension, such as `/team`)
 * to `/index.html`, as the local server does (src/local/web-server.ts).
 * Done on the request, not with error responses: a missing asset stays a
 * 404 rather than an HTML page served as JavaScript, and S3's 403 for a
 * missing key (the bucket is not listable) is never turned into a 200.
 */
const SPA_FALLBACK = `
function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web app on AWS: a private bucket that only this distribution reads
 * (origin access control), CloudFront in front with the same security
 * headers as the local server, and the build deployed with a `config.json`
 * naming the API.
 */
export class WebApp extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution>.cloudfront.net`: APP_URL and the API's CORS origin. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Only build output lives here, deployed again at every deploy; emptying it on stack deletion would take
      // one more helper function, so a deleted stack leaves the bucket behind for the operator to remove.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headersPolicy = (policyId: string, cacheControl: string) =>
      new ResponseHeadersPolicy(this, policyId, {
        comment: `DevInsights web app: security headers, Cache-Control ${cacheControl}`,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.apiOrigin), override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
          contentTypeOptions: { override: true },
          referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        },
        customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: cacheControl, override: true }] },
      });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = (policy: ResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: policy,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'DevInsights web app',
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        ...behavior(headersPolicy('Headers', NO_CACHE)),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaFallback', { code: FunctionCode.fromInline(SPA_FALLBACK), runtime: FunctionRuntime.JS_2_0 }),
          },
        ],
      },
      // Vite's content-hashed bundles: a new build has new names, so they are cached for a year.
      additionalBehaviors: { '/assets/*': behavior(headersPolicy('AssetHeaders', ASSET_CACHE_CONTROL)) },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    new BucketDeployment(this, 'Deployment', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.assetDir), Source.jsonData(CONFIG_FILE, webAppConfig(props.apiUrl))],
      // Index and config must be fetched anew after a deploy; the hashed assets need no invalidation.
      distribution: this.distribution,
      distributionPaths: ['/index.html', `/${CONFIG_FILE}`],
      memoryLimit: 512,
    });
  }
}
