// The speakers' file and the paperwork's small parts (issue 20), English. Same keys as speakers.id.ts.
import type { speakersId } from './speakers.id';

export const speakersEn: Record<keyof typeof speakersId, string> = {
  'event.programme.moderator': 'Moderator',
  'event.programme.peopleHint':
    'Speakers and moderators: pick from the participants in those roles or type the name; several names separated by semicolons (;). The honorarium follows the session’s JP.',
  'event.programme.file': 'Take the programme from a CSV file (material;jp;speaker;moderator)',
  'event.programme.fileDone': 'Programme taken from the file: {n} sessions. Check, then Save.',
  'reports.speakers.title': 'Speakers’ and moderators’ attendance sheet',
  'reports.speakers.hint': 'One page per session of the programme, with a signature column; their honorarium is the Honorarium receipt list.',
  'reports.speakers.pdf': 'Download PDF per session',
  'reports.receipts.pdf': 'Download the receipt list (PDF)',
  'reports.receipts.xlsx': 'Download the receipt list (Excel .xlsx)',
  'pay.personalRate': 'Own tax rate, non-civil-servant (%)',
  'pay.personalRate.hint': 'For someone with no grade; empty = the event’s rate for non-civil-servants. Civil servants are taxed by grade.',
  'pay.personalRate.invalid': 'Tax rate 0–100 %, at most two decimals (e.g. 2.5)',
  'pay.personalRate.saved': 'Own tax rate saved.',
  'pay.personalRate.save': 'Save tax rate',
  'cert.rule.percent': 'Present on at least',
  'cert.rule.percentValue': 'Minimum percent of days',
  'cert.rule.percentOf': '% of {n} days (rounded up)',
  'cert.statement': 'Below the rule: a statement of attendance (no number, no QR)',
  'cert.statement.hint': 'Unticked, those below the rule get nothing; the reason is shown either way.',
  'cert.statement.make': 'Statement',
  'cert.standard': 'Standard certificate (A4 portrait, identity)',
  'cert.standard.hint': 'Name, NIP, place/date of birth, rank/grade, position, agency (empty rows left out), the JP total and the result.',
  'cert.standard.use': 'Use the standard layout',
  'cert.standard.show': 'Print the identity block',
  'cert.standard.jpLine': 'JP line ({jp} = the programme’s JP total)',
  'cert.standard.result': 'Result line',
};
