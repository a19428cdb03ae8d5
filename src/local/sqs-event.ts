import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

/**
 * The SQSEvent Lambda's event source mapping hands a worker, built from what
 * ReceiveMessage answered: the same field names and casing (camelCase outside,
 * SQS's own names inside `attributes`), attribute values as strings, binary
 * values base64, as the Lambda documentation's sample event has them.
 */
function attributesOf(message: Message): SQSRecordAttributes {
  const system = message.Attributes ?? {};
  const pick = (name: string) => (system as Record<string, string | undefined>)[name];
  const optional = ['AWSTraceHeader', 'SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId', 'DeadLetterQueueSourceArn'] as const;
  return {
    ApproximateReceiveCount: pick('ApproximateReceiveCount') ?? '1',
    SentTimestamp: pick('SentTimestamp') ?? '',
    SenderId: pick('SenderId') ?? '',
    ApproximateFirstReceiveTimestamp: pick('ApproximateFirstReceiveTimestamp') ?? '',
    ...Object.fromEntries(optional.flatMap((name) => (pick(name) === undefined ? [] : [[name, pick(name)]]))),
  };
}

const base64 = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : Buffer.from(bytes).toString('base64'));

function messageAttributesOf(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, value]) => [
      name,
      {
        ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
        ...(value.BinaryValue === undefined ? {} : { binaryValue: base64(value.BinaryValue) }),
        stringListValues: value.StringListValues ?? [],
        binaryListValues: (value.BinaryListValues ?? []).map((bytes) => base64(bytes) ?? ''),
        dataType: value.DataType ?? 'String',
      },
    ]),
  );
}

export function toSqsRecord(message: Message, source: { readonly arn: string; readonly region: string }): SQSRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: attributesOf(message),
    messageAttributes: messageAttributesOf(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: source.arn,
    awsRegion: source.region,
  };
}

export function toSqsEvent(messages: readonly Message[], source: { readonly arn: string; readonly region: string }): SQSEvent {
  return { Records: messages.map((message) => toSqsRecord(message, source)) };
}
