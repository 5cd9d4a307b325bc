/** Asia/Bishkek keeps UTC+6 all year (no daylight saving since 2005), as the domain's deadlines do. */
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

/** The day an event counts for: the date in Bishkek at its `ce_time`, as YYYY-MM-DD. */
export function reportingDay(time: string): string {
  const instant = Date.parse(time);
  if (Number.isNaN(instant)) throw new RangeError(`"${time}" is not a timestamp`);
  return new Date(instant + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);
}
