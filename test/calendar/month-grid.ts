// Renders a month as the grid drawn above each calendar test (STYLE.md lesson 2), so the drawing
// itself is the assertion: "25*" marks a public holiday of the region, weekends are unmarked.
import type { BusinessCalendar } from '../../src/core/calendar.js';

export function monthGrid(
  calendar: BusinessCalendar,
  region: string,
  year: number,
  month: number,
): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leading = (first.getUTCDay() + 6) % 7; // Monday-first columns
  const cells: string[] = Array.from({ length: leading }, () => '   ');
  for (let day = 1; day <= days; day += 1) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    cells.push(`${String(day).padStart(2, ' ')}${calendar.isHoliday(region, date) ? '*' : ' '}`);
  }
  const lines = ['Mo Tu We Th Fr Sa Su'];
  for (let i = 0; i < cells.length; i += 7)
    lines.push(
      cells
        .slice(i, i + 7)
        .join('')
        .trimEnd(),
    );
  return lines.join('\n');
}
