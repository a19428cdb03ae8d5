/**
 * Runs fauxqs (the SQS emulator) on 127.0.0.1:<argv[2]>. fauxqs passes
 * `host: "0.0.0.0"` to its listen whatever it is told, and the local stack
 * offers nothing to the network, so its listen is steered to loopback here,
 * before fauxqs loads, as LoopbackDynamoDbLocal.java does for DynamoDB Local.
 * Plain JavaScript: it starts in its own node process, without tsx.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [options] = args;
  if (options && typeof options === 'object' && options.host === '0.0.0.0') args[0] = { ...options, host: '127.0.0.1' };
  return listen.apply(this, args);
};

const { startFauxqs } = await import('fauxqs');
const port = Number(process.argv[2]);
const region = process.argv[3] ?? 'us-east-1';
const server = await startFauxqs({ port, host: 'localhost', defaultRegion: region, logger: process.env.FAUXQS_LOGGER === 'true' });
console.log(`fauxqs listening on ${server.address}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void server.stop().finally(() => process.exit(0)));
