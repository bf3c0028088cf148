import net from 'node:net';

export interface StallingPort {
  port: number;
  /**
   * The hub stops answering: the connections through to it are dropped (the desk sees them end),
   * and every new one goes to the silent hub, which takes it and never answers.
   */
  stall: () => void;
  /**
   * The hub answers again, on new connections only: the ones the silent hub has stay held, as a
   * desk's connections lost with the Wi-Fi are (nothing resets them; the desk's TCP waits minutes).
   */
  answer: () => void;
  /** The desk's connections to the silent hub that are open now (the desk has not closed them). */
  held: () => number;
  /** Stops listening and drops every connection. */
  close: () => Promise<void>;
}

/**
 * A port in front of a hub, where a desk opens it: each new connection is relayed byte for byte
 * (TLS is the hub's own) to the hub at `hubPort`, or, once stalled, to the silent hub at
 * `silentPort` (silent-hub.ts). Held connections are counted here, on the desk's side: the silent
 * hub never reads what the desk sends, so it never sees the desk close one.
 */
export async function stallingPort(hubPort: number, silentPort: number): Promise<StallingPort> {
  let stalled = false;
  const through = new Set<net.Socket>();
  const held = new Set<net.Socket>();
  const server = net.createServer((desk) => {
    const kept = stalled ? held : through;
    const far = net.connect(stalled ? silentPort : hubPort, '127.0.0.1');
    kept.add(desk);
    desk.on('close', () => (kept.delete(desk), far.destroy()));
    far.on('close', () => desk.destroy());
    desk.on('error', () => desk.destroy());
    far.on('error', () => far.destroy());
    desk.pipe(far).pipe(desk);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '0.0.0.0', resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    stall: () => {
      stalled = true;
      for (const s of through) s.destroy();
    },
    answer: () => void (stalled = false),
    held: () => held.size,
    close: async () => {
      const closed = new Promise((r) => server.close(r));
      for (const s of [...through, ...held]) s.destroy();
      await closed;
    },
  };
}
