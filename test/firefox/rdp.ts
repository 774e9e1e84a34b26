// Firefox's remote debugging protocol (the one about:debugging and web-ext
// use), just enough to reach one add-on's background: evaluate code there
// (read and write storage.local, read the badge) and stop its event page.
// Packets are `length:JSON` over TCP; a started debugger server listens on a
// local port (`--start-debugger-server <port>`).

import { connect, type Socket } from 'node:net';

type Packet = Record<string, unknown> & { from?: string; type?: string };

export interface AddonDebugger {
  addonId: string;
  /** Evaluate an expression (a promise is awaited) in the add-on's background; its value comes back through JSON. */
  evaluate<T>(expression: string, timeoutMs?: number): Promise<T>;
  /** Stop the background event page and wait until it is gone. */
  stopBackground(): Promise<void>;
  close(): void;
}

const BACKGROUND_PAGE = /^moz-extension:\/\/[^/]+\/_generated_background_page\.html/;

export async function connectRdp(port: number, addonId: string): Promise<AddonDebugger> {
  const socket: Socket = await new Promise((ok, fail) => {
    const s = connect(port, '127.0.0.1', () => ok(s));
    s.once('error', fail);
  });
  let buffer = Buffer.alloc(0);
  const inbox: Packet[] = [];
  let wake: (() => void)[] = [];
  /** The background page's console actor, while the page is running. */
  let background: { target: string; console: string } | null = null;
  let failure: Error | null = null;

  socket.on('error', (e) => (failure = e));
  socket.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) break;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) break;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet;
      buffer = buffer.subarray(colon + 1 + length);
      const target = packet.target as { actor: string; url?: string; consoleActor?: string } | undefined;
      if (packet.type === 'target-available-form' && target?.url && BACKGROUND_PAGE.test(target.url) && target.consoleActor) {
        background = { target: target.actor, console: target.consoleActor };
      } else if (packet.type === 'target-destroyed-form' && target && background?.target === target.actor) {
        background = null;
      } else {
        inbox.push(packet);
      }
      const waiting = wake;
      wake = [];
      for (const w of waiting) w();
    }
  });

  const send = (packet: Packet) => {
    const text = JSON.stringify(packet);
    socket.write(`${Buffer.byteLength(text)}:${text}`);
  };
  async function until<T>(test: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (failure) throw failure;
      const found = test();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Firefox debugger: timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, left);
        wake.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
  }
  const take = (test: (p: Packet) => boolean, timeoutMs: number, what: string) =>
    until(() => {
      const i = inbox.findIndex(test);
      return i < 0 ? undefined : inbox.splice(i, 1)[0];
    }, timeoutMs, what);
  /** Send a request and take the actor's reply (one request at a time: replies come in order per actor). */
  let queue: Promise<unknown> = Promise.resolve();
  function request(packet: Packet, isReply: (p: Packet) => boolean = () => true, timeoutMs = 15_000): Promise<Packet> {
    const run = queue.then(async () => {
      send(packet);
      const reply = await take((p) => p.from === packet.to && isReply(p), timeoutMs, `${String(packet.type)} from ${String(packet.to)}`);
      if (reply.error) throw new Error(`Firefox debugger: ${String(reply.error)}: ${String(reply.message)}`);
      return reply;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  await take((p) => p.from === 'root' && 'applicationType' in p, 15_000, 'the greeting');
  const { addons } = (await request({ to: 'root', type: 'listAddons' })) as { addons: { actor: string; id: string }[] };
  const descriptor = addons.find((a) => a.id === addonId)?.actor;
  if (!descriptor) throw new Error(`Firefox debugger: add-on ${addonId} is not installed`);
  const watcher = (await request({ to: descriptor, type: 'getWatcher' })).actor as string;
  await request({ to: watcher, type: 'watchTargets', targetType: 'frame' });

  const backgroundConsole = (timeoutMs: number) => until(() => background?.console, timeoutMs, 'the background page');

  return {
    addonId,
    async evaluate<T>(expression: string, timeoutMs = 15_000): Promise<T> {
      const consoleActor = await backgroundConsole(timeoutMs);
      const started = await request({
        to: consoleActor,
        type: 'evaluateJSAsync',
        text: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
        mapped: { await: true },
      });
      const result = await take((p) => p.type === 'evaluationResult' && p.resultID === started.resultID, timeoutMs, 'an evaluation result');
      if (result.hasException) throw new Error(`in the background: ${String(result.exceptionMessage)}`);
      let value = result.result as string | { type: string; actor: string; length: number };
      if (typeof value === 'object' && value.type === 'longString') {
        value = (await request({ to: value.actor, type: 'substring', start: 0, end: value.length })).substring as string;
      }
      if (typeof value !== 'string') throw new Error(`Firefox debugger: unexpected result ${JSON.stringify(value)}`);
      return JSON.parse(value) as T;
    },
    async stopBackground() {
      await backgroundConsole(15_000);
      await request({ to: descriptor, type: 'terminateBackgroundScript' });
      await until(() => (background ? undefined : true), 15_000, 'the background page to stop');
    },
    close() {
      socket.destroy();
    },
  };
}
