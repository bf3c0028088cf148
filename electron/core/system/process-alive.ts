/**
 * Whether a process with this id is running on this computer: temporary files named with their
 * maker's pid (a backup's .partial, a backup check's copy) are removed only when it is gone.
 * EPERM: it exists but belongs to another user.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
