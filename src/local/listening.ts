import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server of the local stack once it listens: its URL, and how to stop it. */
export interface ListeningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on loopback only (nothing local is meant for the network); a port in use fails the start. */
export async function listenLocally(server: Server, port: number, host = '127.0.0.1'): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; without this, close() would wait for them.
        server.closeAllConnections();
      }),
  };
}
