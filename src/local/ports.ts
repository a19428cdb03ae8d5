import { createServer } from 'node:net';
import { LocalStackError } from './errors';

/** A port the local stack needs, with the variable that moves it elsewhere. */
export interface PortClaim {
  readonly port: number;
  readonly variable: string;
  readonly service: string;
}

function tryListen(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ port, host }, () => probe.close(() => resolve(undefined)));
  });
}

/**
 * Whether nothing listens on the port, on any interface. Binding the IPv6
 * wildcard (dual-stack on Linux and macOS) collides with a listener on
 * 127.0.0.1, ::1 or 0.0.0.0 alike; hosts without IPv6 fall back to IPv4.
 */
export async function isPortFree(port: number): Promise<boolean> {
  let error = await tryListen(port, '::');
  if (error?.code === 'EAFNOSUPPORT' || error?.code === 'EADDRNOTAVAIL') error = await tryListen(port, '0.0.0.0');
  if (!error) return true;
  if (error.code === 'EADDRINUSE') return false;
  throw error;
}

/** Fails with one readable line per problem: a port shared by two services, or already taken. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  const problems: string[] = [];
  const byPort = new Map<number, PortClaim>();
  for (const claim of claims) {
    const earlier = byPort.get(claim.port);
    if (earlier) {
      problems.push(`${earlier.variable} and ${claim.variable} are both set to port ${claim.port}.`);
    } else {
      byPort.set(claim.port, claim);
    }
  }
  const checks = [...byPort.values()].map(async (claim) => {
    try {
      if (!(await isPortFree(claim.port))) {
        problems.push(
          `Port ${claim.port} (${claim.variable}, for ${claim.service}) is already in use: stop whatever holds it, or set ${claim.variable} to another port.`,
        );
      }
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push(`Port ${claim.port} (${claim.variable}, for ${claim.service}) cannot be used: ${reason}.`);
    }
  });
  await Promise.all(checks);
  if (problems.length > 0) throw new LocalStackError(problems.join('\n'));
}
