import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarChart, textWidth, type Bar } from '../../../src/ui/charts/BarChart.tsx';

/** The column a staff screen has on a portrait tablet (768 px less the page's padding). */
const PORTRAIT_COLUMN_PX = 700;

function renderChart(bars: readonly Bar[]) {
  render(<BarChart title="Besøk" bars={bars} tableLabel="Vis tallene" valueLabel="Besøk" />);
  const chart = screen.getByRole('img', { name: /^Besøk\./ });
  const labels = [...chart.querySelectorAll('text.bar-label')].map((label) => ({
    text: label.textContent ?? '',
    x: Number(label.getAttribute('x')),
    fontSize: Number(label.getAttribute('font-size')),
  }));
  return { chart, labels };
}

/** Labels that are readable: each names one bar, at 12 px or more, none on top of the next. */
function expectReadable(labels: ReturnType<typeof renderChart>['labels'], bars: readonly Bar[]) {
  const names = bars.map((bar) => bar.label);
  for (const label of labels) {
    expect(names).toContain(label.text);
    expect(label.fontSize).toBeGreaterThanOrEqual(12);
  }
  for (let i = 1; i < labels.length; i++) {
    const gap = labels[i]!.x - labels[i - 1]!.x;
    expect(gap).toBeGreaterThanOrEqual(
      (textWidth(labels[i]!.text) + textWidth(labels[i - 1]!.text)) / 2,
    );
  }
}

describe('a bar chart', () => {
  it('an opening day by the hour has one label per bar, 12 px or larger, apart', () => {
    const bars = Array.from({ length: 11 }, (_, i) => ({ label: `kl. ${11 + i}`, value: i + 1 }));
    const { chart, labels } = renderChart(bars);
    expect(labels.map((label) => label.text)).toEqual(bars.map((bar) => bar.label));
    expectReadable(labels, bars);
    expect(Number(chart.getAttribute('width'))).toBeLessThanOrEqual(PORTRAIT_COLUMN_PX);
    // Drawn at its own size: the labels' pixels are the screen's pixels.
    expect(chart.getAttribute('viewBox')).toBe(
      `0 0 ${chart.getAttribute('width')} ${chart.getAttribute('height')}`,
    );
  });

  it('thirty days fit a portrait tablet, every few days labelled and no label touching', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ label: `${i + 1}.11.`, value: i % 7 }));
    const { chart, labels } = renderChart(bars);
    expect(labels.length).toBeGreaterThanOrEqual(6);
    expect(labels.length).toBeLessThan(30);
    expectReadable(labels, bars);
    expect(Number(chart.getAttribute('width'))).toBeLessThanOrEqual(PORTRAIT_COLUMN_PX);
  });

  it('a value is written over its bar only where it fits, 12 px or larger', () => {
    const { chart } = renderChart([
      { label: 'man', value: 12.5, valueText: '12,5' },
      { label: 'tir', value: 0 },
    ]);
    const values = [...chart.querySelectorAll('text.bar-value')];
    expect(values.map((value) => value.textContent)).toEqual(['12,5']);
    expect(Number(values[0]!.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
  });
});
