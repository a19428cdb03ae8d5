import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface MailSenderProps {
  /** `no-reply@example.com` or `DevInsights <no-reply@example.com>`. */
  readonly mailFrom: string;
}

/** `DevInsights <a@b.c>` → `a@b.c`; a bare address is returned as is. */
export function senderAddress(mailFrom: string): string {
  const address = (/<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw new Error(`mailFrom '${mailFrom}' holds no email address`);
  }
  return address;
}

/**
 * The SES identities the product sends from. SES checks a send against the
 * identity that authorizes it: the domain when the domain is verified, the
 * address when only the address is; granting both covers either setup
 * without granting any other sender.
 */
export class MailSender extends Construct {
  readonly address: string;
  readonly domain: string;
  readonly identityArns: readonly string[];

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.address = senderAddress(props.mailFrom);
    this.domain = this.address.slice(this.address.lastIndexOf('@') + 1);
    const stack = Stack.of(this);
    this.identityArns = [this.domain, this.address].map((identity) =>
      stack.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: identity,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    );
  }

  grantSendTo(fn: IFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [...this.identityArns],
      }),
    );
  }
}
