/** The years any state was invited in, newest first: the columns of the participation table. */
export function participationYears(states: { years: { year: number; invited: number }[] }[]): number[] {
  return [...new Set(states.flatMap((s) => s.years.filter((y) => y.invited > 0).map((y) => y.year)))].sort((a, b) => b - a);
}
