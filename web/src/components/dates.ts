/** A date as French writes it: Intl gives "1 novembre 2026", French writes "1er novembre 2026". */
export function dateEcrite(format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}
