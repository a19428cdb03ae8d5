import { SESClient, SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
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

export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/**
 * Sends a message with attachments as raw MIME (SES SendRawEmail); the MIME
 * is built by nodemailer's composer rather than by hand.
 */
export async function sendEmailWithAttachments(message: EmailMessage & { readonly attachments: readonly Attachment[] }): Promise<void> {
  const raw = await new MailComposer({
    from: config().mailFrom,
    to: [...message.to],
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    attachments: message.attachments.map((attachment) => ({ ...attachment })),
  })
    .compile()
    .build();
  await ses().send(
    new SendRawEmailCommand({ Source: config().mailFrom, Destinations: [...message.to], RawMessage: { Data: raw } }),
  );
}
