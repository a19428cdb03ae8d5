import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Requests one IP may make in five minutes before the firewall answers 429
 * (20 a second on average, above the app's own per-IP limit of 1200 a
 * minute, which costs a table write per request: this one costs nothing).
 */
export const WAF_REQUESTS_PER_IP = 6000;
export const WAF_WINDOW_SECONDS = 300;

/** How long a blocked IP should wait; WAF re-evaluates its counts every few tens of seconds. */
const RETRY_AFTER_SECONDS = '60';

export interface ApiFirewallProps {
  readonly stage: Stage;
  /** Names the web ACL and its metrics, e.g. `DevInsights-prod`. */
  readonly name: string;
  /** The web app's origin: without the CORS header a browser hides the 429 from it. */
  readonly appUrl: string;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * An AWS WAF web ACL in front of the API stage: a rate limit per client IP,
 * answered in the contract's 429 shape with `retry-after`, then AWS's common
 * rule set (bad inputs, known exploit patterns). A request a managed rule
 * blocks gets API Gateway's `WAF_FILTERED` response (403 `FORBIDDEN`, see
 * rest-api.ts).
 */
export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      description: 'DevInsights API: per-IP rate limit and AWS common rules',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${props.name}-all`),
      customResponseBodies: {
        'rate-limited': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ success: false, error: 'Too many requests', code: 'RATE_LIMITED' }),
        },
      },
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: WAF_REQUESTS_PER_IP,
              evaluationWindowSec: WAF_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'rate-limited',
                responseHeaders: [
                  { name: 'retry-after', value: RETRY_AFTER_SECONDS },
                  { name: 'Access-Control-Allow-Origin', value: props.appUrl },
                ],
              },
            },
          },
          visibilityConfig: visibility(`${props.name}-rate-limit-per-ip`),
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 1,
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // The rule set blocks bodies over 8 KB; the API accepts up to 256 KB
              // (src/http/limits.ts) and answers larger ones itself with 413.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          overrideAction: { none: {} },
          visibilityConfig: visibility(`${props.name}-common-rules`),
        },
      ],
    });

    const association = new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    // The stage ARN is built from the API id and the stage name, not from the
    // stage resource, so CloudFormation would otherwise associate too early.
    association.node.addDependency(props.stage);
  }
}
