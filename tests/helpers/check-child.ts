// A process in the middle of a restore: the backup checked and its private copy made (as
// restoreBackup holds it before installing), then it waits to be killed. Prints the copy's path.
import { checkBackup } from '../../electron/core/system/backup-check';

const [dataDir, source] = process.argv.slice(2);
const checked = checkBackup(source!, dataDir!);
process.stdout.write(`${checked.copy}\n`);
setInterval(() => undefined, 1 << 30);
