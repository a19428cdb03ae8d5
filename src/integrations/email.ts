import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { awsClientOptions, config } from '../config';

export interface EmailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

let client: SESClient | undefined;
function ses(): SESClient {
  client ??= new SESClient(awsClientOptions(config().endpoints.ses));
  return client;
}

/** Sends through SES; locally the SES emulator keeps it in its inbox (`GET /store`). */
export async function sendEmail(message: EmailMessage): Promise<void> {
  await ses().send(
    new SendEmailCommand({
      Source: config().mailFrom,
      Destination: { ToAddresses: [...message.to] },
      Message: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: {
          Text: { Data: message.text, Charset: 'UTF-8' },
          ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
        },
      },
    }),
  );
}
