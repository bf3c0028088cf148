// Names the fonts cannot draw, English. Spread into en.ts; same keys as fonts.id.ts.
export const fontsEn = {
  'import.warn.undrawable_names':
    '{count} name(s) have characters that Hadir\'s fonts do not have; they will print as empty boxes on badges and certificates. Check their Latin spelling if there is one: {examples}.',
  'problem.invisible_name': 'The name holds only invisible characters (such as a zero-width space): nothing would print',
  'zod.no visible character': 'The name holds only invisible characters; type a name that can be printed',
  'fonts.undrawable.title': 'Characters that cannot be printed',
  'fonts.undrawable.lead':
    '{count} participant(s) have characters in their name that Hadir\'s fonts do not have; those characters will print as empty boxes:',
  'fonts.undrawable.more': '… and {count} more',
  'fonts.undrawable.advice': 'If you can, change the name to its Latin spelling under Participants before printing.',
};
