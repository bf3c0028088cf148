// Two small bar charts drawn with uPlot (canvas, ~50 KB, no network): check-ins per 10 minutes
// of a day, and present per regency or city. Each chart has a text alternative for screen readers.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const GREEN = '#0f6b4f';
const bars = uPlot.paths.bars!({ size: [0.8, 60] });

function useChart(make: (el: HTMLDivElement, width: number) => uPlot, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const plot = make(el, el.clientWidth || 600);
    const ro = new ResizeObserver(() => plot.setSize({ width: el.clientWidth || 600, height: plot.height }));
    ro.observe(el);
    return () => (ro.disconnect(), plot.destroy());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}.${String(min % 60).padStart(2, '0')}`;

/** Check-ins per 10 minutes: the queue's peaks. `bins` are [minute of day, count]. */
export function TimelineChart({ bins, label, zone }: { bins: [number, number][]; label: string; zone: string }) {
  const from = bins.length ? bins[0]![0] - 10 : 7 * 60;
  const to = bins.length ? bins[bins.length - 1]![0] + 10 : 9 * 60;
  const xs: number[] = [];
  const ys: number[] = [];
  const map = new Map(bins);
  for (let m = from; m <= to; m += 10) (xs.push(m), ys.push(map.get(m) ?? 0));
  const ref = useChart(
    (el, width) =>
      new uPlot(
        {
          width,
          height: 220,
          legend: { show: false },
          cursor: { show: true, points: { show: false } },
          scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
          axes: [{ values: (_u, v) => v.map((m) => hhmm(m)), label: zone }, { label }],
          series: [{}, { label, fill: GREEN, stroke: GREEN, paths: bars, points: { show: false } }],
        },
        [xs, ys],
        el,
      ),
    [bins.map((b) => b.join(':')).join(','), label, zone],
  );
  const summary = bins.map(([m, n]) => `${hhmm(m)}: ${n}`).join(', ');
  return <div ref={ref} className="chart" role="img" aria-label={`${label}. ${summary}`} />;
}

/** Present today per regency or city, as bars in the recap's order. */
export function RegencyChart({ names, values, label }: { names: string[]; values: number[]; label: string }) {
  const short = names.map((n) => n.replace(/^Kabupaten\s+/i, 'Kab. '));
  const ref = useChart(
    (el, width) =>
      new uPlot(
        {
          width,
          height: 260,
          // Room on the right for the last slanted label.
          padding: [12, 80, 0, 0],
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
          axes: [
            // One tick per regency, labelled with its (shortened) name.
            { splits: () => names.map((_, i) => i), values: (_u, v) => v.map((i) => short[i] ?? ''), rotate: -40, size: 110, gap: 4 } as uPlot.Axis,
            { label },
          ],
          series: [{}, { label, fill: GREEN, stroke: GREEN, paths: bars, points: { show: false } }],
        },
        [names.map((_, i) => i), values],
        el,
      ),
    [names.join('|'), values.join(','), label],
  );
  return <div ref={ref} className="chart" role="img" aria-label={`${label}. ${names.map((n, i) => `${n}: ${values[i]}`).join(', ')}`} />;
}
