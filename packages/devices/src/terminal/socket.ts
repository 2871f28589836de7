/** The little of a WebSocket the terminal needs, whichever implementation provides it. */
export interface TerminalSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onOpen(listener: () => void): void;
  onMessage(listener: (text: string) => void): void;
  /** Closed or failed; `unauthorized` when the platform refused the upgrade with 401. */
  onClose(listener: (info: { code: number; unauthorized: boolean }) => void): void;
}

type WsSocket = import('ws').WebSocket;
type WsConstructor = new (url: string, options: { headers: Record<string, string> }) => WsSocket;

/**
 * Opens the connection with the device's Basic credentials in the upgrade request. The `ws`
 * package (the SDK's one dependency) sends headers and reports a refused upgrade's status; a
 * runtime without it falls back to globalThis.WebSocket where it accepts headers (undici's).
 */
export async function openSocket(url: string, authorization: string): Promise<TerminalSocket> {
  let Ws: WsConstructor | undefined;
  try {
    Ws = ((await import('ws')) as unknown as { WebSocket: WsConstructor }).WebSocket;
  } catch {
    Ws = undefined;
  }
  if (Ws) return wrapWs(new Ws(url, { headers: { authorization } }));
  const Native = (globalThis as { WebSocket?: new (url: string, init?: unknown) => WebSocket }).WebSocket;
  if (!Native) throw new Error('No WebSocket client: install the "ws" package');
  return wrapNative(new Native(url, { headers: { authorization } }));
}

function wrapWs(socket: WsSocket): TerminalSocket {
  let unauthorized = false;
  socket.on('unexpected-response', (_req, res) => {
    unauthorized = res.statusCode === 401;
    res.resume();
    socket.terminate();
  });
  // Errors always precede a close event, which is where the terminal reacts.
  socket.on('error', () => undefined);
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
    onOpen: (listener) => socket.on('open', listener),
    onMessage: (listener) => socket.on('message', (data) => listener(data.toString())),
    onClose: (listener) => socket.on('close', (code) => listener({ code, unauthorized })),
  };
}

function wrapNative(socket: WebSocket): TerminalSocket {
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
    onOpen: (listener) => socket.addEventListener('open', () => listener()),
    onMessage: (listener) => socket.addEventListener('message', (e) => listener(String(e.data))),
    onClose: (listener) =>
      socket.addEventListener('close', (e) => listener({ code: e.code, unauthorized: false })),
  };
}
