/**
 * A small bar chart in SVG with no dependencies. The picture is for the eye; a screen reader
 * gets the same numbers as the image's name and as a table the lead can open.
 */
import { useId } from 'preact/hooks';
import './charts.css';

export interface Bar {
  label: string;
  value: number;
  /** The value as text (rounded, with a unit); defaults to the number. */
  valueText?: string;
}

export interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  /** Label of the button that opens the table of numbers. */
  tableLabel: string;
  /** Heading of the value column in the table. */
  valueLabel: string;
}

/** The widest the chart is drawn, in CSS pixels: it fits a portrait tablet's column. */
const MAX_WIDTH = 640;
/** The widest one bar's slot gets, so a week of bars does not turn into blocks. */
const MAX_SLOT = 64;
const HEIGHT = 140;
/** Every text in the chart, in CSS pixels: the chart is drawn 1:1, never scaled down. */
export const CHART_FONT_PX = 13;
const LABEL_SPACE = CHART_FONT_PX + 9;
const VALUE_SPACE = CHART_FONT_PX + 5;

/** About how wide a text is at the chart's font size (digits and lower case run ~0.55 em). */
export function textWidth(text: string): number {
  return Math.ceil(text.length * CHART_FONT_PX * 0.55) + 6;
}

/**
 * Where the chart's labels go: a slot per bar, and a label under every n-th bar so that no
 * two labels touch, however many bars there are.
 */
export function chartLayout(labels: readonly string[]) {
  const count = Math.max(1, labels.length);
  const slot = Math.min(MAX_SLOT, MAX_WIDTH / count);
  const labelWidth = Math.max(0, ...labels.map(textWidth));
  const labelEvery = Math.max(1, Math.ceil(labelWidth / slot));
  // Room at both ends for the first and last label, centred under their bars.
  const margin = Math.max(4, labelWidth / 2 - slot / 2);
  return { slot, labelEvery, margin, width: Math.ceil(count * slot + 2 * margin) };
}

/** A bar chart with its numbers as an accessible name and an expandable table. */
export function BarChart({ title, bars, tableLabel, valueLabel }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const text = (bar: Bar) => bar.valueText ?? String(bar.value);
  const description = bars.map((bar) => `${bar.label}: ${text(bar)}`).join(', ');
  const { slot, labelEvery, margin, width } = chartLayout(bars.map((bar) => bar.label));
  const barWidth = Math.max(2, slot * 0.7);
  const height = VALUE_SPACE + HEIGHT + LABEL_SPACE;
  return (
    <figure class="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {bars.map((bar, i) => {
          const barHeight = (Math.max(0, bar.value) / max) * HEIGHT;
          const centre = margin + i * slot + slot / 2;
          const y = VALUE_SPACE + HEIGHT - barHeight;
          return (
            <g key={i}>
              <rect
                class="bar"
                x={centre - barWidth / 2}
                y={y}
                width={barWidth}
                height={barHeight}
                rx={3}
              />
              {bar.value > 0 && textWidth(text(bar)) <= slot ? (
                <text
                  class="bar-value"
                  x={centre}
                  y={y - 4}
                  text-anchor="middle"
                  font-size={CHART_FONT_PX}
                >
                  {text(bar)}
                </text>
              ) : null}
              {i % labelEvery === 0 ? (
                <text
                  class="bar-label"
                  x={centre}
                  y={height - 6}
                  text-anchor="middle"
                  font-size={CHART_FONT_PX}
                >
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{tableLabel}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={i}>
                <th scope="row">{bar.label}</th>
                <td>{text(bar)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
