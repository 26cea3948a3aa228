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

const BAR_WIDTH = 28;
const GAP = 6;
const HEIGHT = 120;
const LABEL_SPACE = 18;
const VALUE_SPACE = 16;

/** A bar chart with its numbers as an accessible name and an expandable table. */
export function BarChart({ title, bars, tableLabel, valueLabel }: BarChartProps) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const width = Math.max(1, bars.length) * (BAR_WIDTH + GAP) + GAP;
  const text = (bar: Bar) => bar.valueText ?? String(bar.value);
  const description = bars.map((bar) => `${bar.label}: ${text(bar)}`).join(', ');
  // Every n-th label only, so labels never overlap on a long range.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 16));
  return (
    <figure class="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${width} ${HEIGHT + LABEL_SPACE + VALUE_SPACE}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, i) => {
          const height = (Math.max(0, bar.value) / max) * HEIGHT;
          const x = GAP + i * (BAR_WIDTH + GAP);
          const y = VALUE_SPACE + HEIGHT - height;
          return (
            <g key={i}>
              <rect class="bar" x={x} y={y} width={BAR_WIDTH} height={height} rx={3} />
              {bar.value > 0 && bars.length <= 31 ? (
                <text class="bar-value" x={x + BAR_WIDTH / 2} y={y - 3} text-anchor="middle">
                  {text(bar)}
                </text>
              ) : null}
              {i % labelEvery === 0 ? (
                <text
                  class="bar-label"
                  x={x + BAR_WIDTH / 2}
                  y={VALUE_SPACE + HEIGHT + LABEL_SPACE - 4}
                  text-anchor="middle"
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
