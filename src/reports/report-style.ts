/** Scripts, fonts and remote fetches are refused: a report is a document, nothing more. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The report's only stylesheet, inlined so the file opens offline and prints cleanly. */
export const REPORT_CSS = `
:root { --ink:#1d2129; --muted:#5b5f6b; --line:#e3e6eb; --paper:#ffffff; --bg:#f4f5f7; --accent:#2f6db5;
  --customer:#f1f3f6; --good:#2e9957; --mid:#c98a12; --weak:#c2413b; --override:#fff6e0; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:15px/1.5 "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
header.report { background:var(--paper); border-radius:10px; padding:24px 28px; border-top:5px solid var(--accent); box-shadow:0 1px 3px rgba(0,0,0,.08); }
header.report h1 { margin:0 0 4px; font-size:24px; }
.subtitle { color:var(--muted); margin:0 0 16px; }
dl.facts { display:grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap:10px 24px; margin:0; }
dl.facts div { border-left:3px solid var(--line); padding-left:10px; }
dl.facts dt { font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
dl.facts dd { margin:0; font-weight:600; overflow-wrap:anywhere; }
.tiles { display:grid; grid-template-columns: repeat(4, 1fr); gap:12px; margin-top:18px; }
.tile { background:var(--bg); border-radius:8px; padding:10px 14px; }
.tile .label { font-size:12px; color:var(--muted); }
.tile .value { font-size:26px; font-weight:700; }
section { background:var(--paper); border-radius:10px; padding:20px 28px; margin-top:18px; box-shadow:0 1px 3px rgba(0,0,0,.08); }
section h2 { margin:0 0 12px; font-size:19px; }
section h3 { margin:18px 0 8px; font-size:16px; }
figure.chart { margin:0; text-align:center; }
figure.chart svg { width:100%; max-width:860px; height:auto; }
.line { border-top:1px solid var(--line); padding:14px 0; }
.line:first-of-type { border-top:none; }
.customer { background:var(--customer); border-radius:8px; padding:10px 14px; }
.who { font-size:12px; font-weight:700; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
.narration { font-style:italic; color:var(--muted); }
.text { white-space:pre-wrap; overflow-wrap:anywhere; }
.line.retracted .customer, .customer.withdrawn { opacity:.6; border:1px dashed #b8bdc7; }
.customer.withdrawn { margin-top:10px; }
.note { font-size:13px; color:var(--muted); }
.attempts { display:grid; grid-template-columns: repeat(var(--attempts, 1), minmax(0, 1fr)); gap:12px; margin-top:10px; }
.attempt { border:1px solid var(--line); border-radius:8px; padding:10px 14px; }
.scores { display:flex; flex-wrap:wrap; gap:6px; margin:8px 0; }
.chip { display:inline-block; border-radius:999px; padding:1px 10px; font-size:12px; font-weight:600; background:#eef0f3; }
.chip.good { background:#e3f4ea; color:#1f6b3d; } .chip.mid { background:#fbf0d9; color:#7a5408; } .chip.weak { background:#fbe4e3; color:#8c2420; }
.feedback { font-size:14px; margin:6px 0 0; }
.feedback dt { font-weight:700; font-size:12px; color:var(--muted); margin-top:4px; }
.feedback dd { margin:0; }
.override { background:var(--override); border-left:3px solid var(--mid); border-radius:6px; padding:8px 12px; margin-top:8px; font-size:14px; }
table { border-collapse:collapse; width:100%; font-size:14px; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
footer { color:var(--muted); font-size:12px; margin-top:18px; text-align:center; }
@media (max-width: 720px) { .tiles { grid-template-columns: repeat(2, 1fr); } .attempts { grid-template-columns: 1fr; } }
@media print {
  @page { margin: 14mm; }
  body { background:#fff; font-size:11pt; }
  main { max-width:none; padding:0; }
  header.report, section { box-shadow:none; border:1px solid var(--line); break-inside:avoid-page; }
  .line, .attempt, figure.chart, tr { break-inside:avoid; }
  section { break-inside:auto; }
  * { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
`;
