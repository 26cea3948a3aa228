// One site's figures: plain Norwegian counts of days, the counter by its display name, bar
// charts per day (short Norwegian dates, thinned on a long range), per month and per weekday,
// and the site's days as the endpoint's CSV.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SiteView, dayBars } from '../../../src/dashboard/SiteView.tsx';
import { chartLayout } from '../../../src/ui/charts/BarChart.tsx';
import { addDays } from '../../../src/domain/business-day.ts';
import { shortDate } from '../../../src/dashboard/format.ts';
import { ALTA_DAYS, DECEMBER, day } from './fixtures.ts';

const noSave = () => {};

describe("the dashboard's view of one site", () => {
  it('says "1 dag" and "2 dager" in plain Norwegian', () => {
    const { rerender } = render(
      <SiteView
        slug="hjerterom-alta"
        days={ALTA_DAYS.slice(0, 1)}
        range={DECEMBER}
        today="2026-12-05"
        save={noSave}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('1 dag med tall.');
    rerender(
      <SiteView
        slug="hjerterom-alta"
        days={ALTA_DAYS}
        range={DECEMBER}
        today="2026-12-05"
        save={noSave}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('2 dager med tall.');
    rerender(
      <SiteView
        slug="hjerterom-alta"
        days={[]}
        range={DECEMBER}
        today="2026-12-05"
        save={noSave}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Ingen dager med tall i denne perioden.');
  });

  it('charts a counter by its name per day, month and weekday, up to today', () => {
    render(
      <SiteView
        slug="hjerterom-alta"
        days={ALTA_DAYS}
        range={DECEMBER}
        today="2026-12-05"
        save={noSave}
      />,
    );
    const counter = screen.getByRole('combobox', { name: 'Teller' }) as HTMLSelectElement;
    // Display names as the tablet's presets give them, never the uploaded ids.
    expect([...counter.options].map((option) => option.textContent)).toEqual([
      'Besøk',
      'Frivillige timer (i minutter)',
      'Middag',
      'Samtale i enerom',
    ]);
    expect(counter.value).toBe('visit');
    const perDay = screen.getByRole('img', { name: /^Besøk per dag\./ });
    expect(perDay.getAttribute('aria-label')).toBe(
      'Besøk per dag. 1.12.: 12, 2.12.: 20, 3.12.: 0, 4.12.: 0, 5.12.: 0',
    );
    const labels = [...perDay.querySelectorAll('text.bar-label')].map((label) => label.textContent);
    expect(labels).toEqual(['1.12.', '2.12.', '3.12.', '4.12.', '5.12.']);
    // Drawn at its own size, never stretched.
    expect(perDay.getAttribute('width')).toBe(perDay.getAttribute('viewBox')!.split(' ')[2]);
    expect(screen.getByRole('img', { name: /^Besøk per måned\. des\. 2026: 32$/ }).tagName).toBe(
      'svg',
    );
    const weekdays = screen.getByRole('img', { name: /^Besøk per ukedag\./ });
    expect(weekdays.getAttribute('aria-label')).toContain('tirsdag: 12, onsdag: 20');
    fireEvent.change(counter, { target: { value: 'middag' } });
    expect(
      screen.getByRole('img', { name: /^Middag per dag\. 1\.12\.: 10, 2\.12\.: 15/ }).tagName,
    ).toBe('svg');
  });

  it('thins the day labels of a long range so that no two touch', () => {
    const long = Array.from({ length: 60 }, (_, i) => day(addDays('2026-10-01', i), i));
    const range = { from: '2026-10-01', to: '2026-11-29' };
    expect(dayBars(long, 'visit', range, '2026-12-05')).toHaveLength(60);
    render(
      <SiteView slug="hjerterom-alta" days={long} range={range} today="2026-12-05" save={noSave} />,
    );
    const perDay = screen.getByRole('img', { name: /^Besøk per dag\./ });
    const labels = [...perDay.querySelectorAll('text.bar-label')].map((label) => label.textContent);
    const every = chartLayout(
      dayBars(long, 'visit', range, '2026-12-05').map((b) => b.label),
    ).labelEvery;
    expect(every).toBeGreaterThan(1);
    expect(labels).toHaveLength(Math.ceil(60 / every));
    expect(labels.slice(0, 2)).toEqual(['1.10.', shortDate(addDays('2026-10-01', every))]);
    // The screen reader still gets every day.
    expect(perDay.getAttribute('aria-label')).toContain('29.11.: 59');
  });

  it("downloads the site's days as the endpoint's CSV: BOM, ';', one row per total", () => {
    const saved: Array<{ name: string; text: string; type: string }> = [];
    render(
      <SiteView
        slug="hjerterom-alta"
        days={ALTA_DAYS}
        range={DECEMBER}
        today="2026-12-05"
        save={(name, text, type) => saved.push({ name, text, type })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Last ned dagene som CSV' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('terskel-hjerterom-alta-2026-12-01-2026-12-31.csv');
    expect(saved[0]!.type).toMatch(/^text\/csv/);
    const lines = saved[0]!.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFdate;counter;option;hour;net;amount_nok;label');
    expect(lines[1]).toBe('2026-12-01;visit;;;12;;Besøk');
    expect(within(document.body).queryByText(/Bearer/)).toBeNull();
  });
});
