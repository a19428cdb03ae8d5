import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listeningAddresses, LOOPBACK_ADDRESSES } from '../support/listening-sockets';
import { stack } from '../support/stack';

function portOf(url: string): number {
  return Number(new URL(url).port);
}

describe('the local stack keeps to this machine', () => {
  const services = () => ({
    API: portOf(stack().apiUrl),
    'DynamoDB Local': portOf(stack().dynamodbEndpoint),
    'cognito-local': portOf(stack().cognitoUrl),
    'the SES emulator': portOf(stack().sesUrl),
    'the GitHub emulator': portOf(stack().githubUrl),
    'the SQS emulator': portOf(stack().sqsEndpoint),
  });

  it('It should read the socket tables of Linux, where CI and these checks run', () => {
    expect(existsSync('/proc/net/tcp'), 'this check reads /proc/net/tcp (Linux)').toBe(true);
  });

  it.each(['API', 'DynamoDB Local', 'cognito-local', 'the SES emulator', 'the GitHub emulator', 'the SQS emulator'] as const)(
    'It should have %s listen on loopback only, never on every interface',
    async (service) => {
      const addresses = await listeningAddresses(services()[service]);

      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect(LOOPBACK_ADDRESSES).toContain(address);
    },
  );
});
