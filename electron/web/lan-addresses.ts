import os from 'node:os';

/** This laptop's venue-network addresses (IPv4, not loopback): the ones a desk can reach. */
export function lanAddresses(): string[] {
  const all = Object.values(os.networkInterfaces()).flat();
  return all.filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
}
