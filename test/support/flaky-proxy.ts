import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  url: string;
  /** The next `n` responses are dropped: the request reached the api, the client sees a reset. */
  dropResponses(n: number): void;
  /** The next `n` requests are refused before the api sees them: the connection is reset at once. */
  refuseRequests(n: number): void;
  /** Request lines (`POST /rest/payment/sale`) and Idempotency-Key of every request forwarded. */
  forwarded(): { line: string; idempotencyKey: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the started api that injects the network failures that make naive
 * retries charge twice: the api processes the request, then its answer is lost on the way back.
 */
export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const { hostname, port } = new URL(target);
  let drops = 0;
  let refusals = 0;
  const seen: { line: string; idempotencyKey: string | undefined }[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const upstream = net.connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const reset = () => {
      client.resetAndDestroy();
      upstream.destroy();
    };
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk) => {
      const text = chunk.toString('latin1');
      const line = /^(GET|POST|PUT|DELETE|PATCH) (\S+) HTTP/m.exec(text);
      if (line) {
        if (refusals > 0) {
          refusals--;
          return reset();
        }
        seen.push({
          line: `${line[1]} ${line[2]}`,
          idempotencyKey: /^idempotency-key: *(.+?)\r?$/im.exec(text)?.[1],
        });
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      // The api has answered (it answers once the payment is committed): lose that answer.
      if (drops > 0 && chunk.toString('latin1').startsWith('HTTP/1.1 ')) {
        drops--;
        return reset();
      }
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropResponses: (n) => (drops = n),
    refuseRequests: (n) => (refusals = n),
    forwarded: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
