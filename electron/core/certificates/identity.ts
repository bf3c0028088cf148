// The identity block's values for one person (issue 20, item 7), as the standard's certificate
// prints them: "Tempat/Tgl Lahir" as "Bandar Lampung, 17 Agustus 1975", the rest as registered.
import { idDate } from '../../shared/id-dates';
import type { CertIdentity } from './render/types';

export function identityOf(p: {
  nip: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  rank: string | null;
  position: string | null;
  institution: string | null;
}): CertIdentity {
  const birth = [p.birthPlace, p.birthDate ? idDate(p.birthDate) : null].filter(Boolean).join(', ');
  return { nip: p.nip, birth: birth || null, rank: p.rank, position: p.position, institution: p.institution };
}
