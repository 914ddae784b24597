// A chart seen as a plane: the Plane interface over a chart's two scales, so the shared handles
// (createHandle) and labels work in data units on a chart too, e.g. a candidate point that slides
// along a log-likelihood curve. The layers sit above the chart's clipped plot area.
import type { Chart } from "./chart";
import type { Plane, Pt } from "./plane";
import { svg } from "./svg";

export function chartPlane(chart: Chart): Plane {
  // The chart holds focusable handles now: a group, not an image (an img role hides children).
  chart.svg.setAttribute("role", "group");
  chart.svg.style.touchAction = "none";
  const layer = () => svg("g", {}, chart.svg);
  const [grid, back, main, front, handles] = [layer(), layer(), layer(), layer(), layer()];
  const plane: Plane = {
    svg: chart.svg,
    grid,
    back,
    main,
    front,
    handles,
    sx: (x) => chart.x(x),
    sy: (y) => chart.y(y),
    px: (p: Pt) => [chart.x(p[0]), chart.y(p[1])],
    invert: (px, py) => [chart.x.invert(px), chart.y.invert(py)],
    unit: () => Math.abs(chart.x(1) - chart.x(0)),
    visible: () => ({
      x: chart.x.domain() as [number, number],
      y: chart.y.domain() as [number, number],
    }),
    resize: (w, h) => chart.resize(w, h),
    setDomain: (x, y) => chart.setDomain(x, y),
    // A chart draws its own axes (chart.drawAxes); there is no plane grid to draw.
    drawGrid: () => undefined,
    width: () => chart.width(),
    height: () => chart.height(),
  };
  return plane;
}
