// The one list of names that mean "this computer". The Electron shell trusts a dev server only
// on these, the web host answers only to these unless told to listen wider, and its start-up
// decides from them whether an access key is needed. Three copies of this list once disagreed
// about '::1' and '[::1]'.
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** True for a loopback host name, as typed on a command line (`::1`) or read from a URL (`[::1]`). */
export function isLoopbackHost(name: string | undefined): boolean {
  if (!name) return false;
  const bare = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return LOOPBACK_HOSTS.includes(bare);
}

/** A connection from this computer itself (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.replace(/^::ffff:/i, '');
  return bare === '::1' || /^127\./.test(bare);
}
