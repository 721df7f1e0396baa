// The floor of the benchmark: a chart's nested JSON written once as a static
// page, every unit a nested <ul><li> with the same texts as the widget's list
// (name, short name, kind, description, people with their roles), all
// shown, no script. scripts/bench.mjs writes one per size.
import { readFileSync, writeFileSync } from 'node:fs';

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text) => String(text).replace(/[&<>"']/g, (c) => escapes[c]);

/** Writes the static page of the nested chart in `jsonPath` to `htmlPath`; returns its number of units. */
export function writeStaticPage(jsonPath, htmlPath) {
  const chart = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const out = [];
  let units = 0;
  const unit = (u) => {
    units += 1;
    out.push('<li class="st-unit"><span class="st-name">', esc(u.name), '</span>');
    if (u.short_name) out.push(' <span class="st-short">(', esc(u.short_name), ')</span>');
    if (u.kind) out.push(' <span class="st-kind">', esc(u.kind), '</span>');
    if (u.description) out.push('<p class="st-desc">', esc(u.description), '</p>');
    if (u.people && u.people.length > 0) {
      out.push('<ul class="st-people">');
      for (const p of u.people) {
        out.push('<li>');
        if (p.role) out.push('<span class="st-role">', esc(p.role), '</span> : ');
        out.push(esc(p.name), '</li>');
      }
      out.push('</ul>');
    }
    if (u.children && u.children.length > 0) {
      out.push('<ul>');
      for (const c of u.children) unit(c);
      out.push('</ul>');
    }
    out.push('</li>');
  };
  unit(chart.root);
  const lang = chart.lang ? ` lang="${esc(chart.lang)}"` : '';
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(chart.title)} — page statique</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem 2rem; color: #161616; }
#chart ul { padding-left: 1.5rem; }
.st-name { font-weight: 600; }
.st-kind, .st-people, .st-desc { font-size: .875em; color: #3a3a3a; }
.st-desc { margin: 0; }
.st-people { list-style: none; padding-left: 0; margin: 0; }
</style>
</head>
<body>
<main>
<h1>${esc(chart.title)}</h1>
<div id="chart"${lang}><ul>${out.join('')}</ul></div>
</main>
</body>
</html>
`;
  writeFileSync(htmlPath, html);
  return units;
}
