#include "report/html/style.h"

namespace journeysim::html {

// System fonts only: a report opened offline, in a meeting room, on any
// machine, must look the same as on the author's.
const char* page_style() {
  return R"CSS(
:root{--ink:#1c2333;--muted:#667085;--faint:#98a2b3;--line:#e4e7ec;--soft:#f7f8fa;--bg:#eef0f4;--card:#fff;--accent:#3b5bdb;--drop:#d64545;--exit:#2f9e6b;--warn:#b76e00;--overall:#1f2a44}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif;font-variant-numeric:tabular-nums}
b{font-weight:650}
code{font:12px ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.banner{background:linear-gradient(120deg,#1f2a44 0%,#2c3d6b 60%,#34508a 100%);color:#fff}
.banner .inner{max-width:1360px;margin:0 auto;padding:28px 24px 22px}
.eyebrow{text-transform:uppercase;letter-spacing:.09em;font-size:11px;opacity:.72}
h1{font-size:30px;line-height:1.2;margin:6px 0 6px;font-weight:700;letter-spacing:-.01em;overflow-wrap:anywhere}
.purpose{font-size:17px;margin:0 0 14px;opacity:.92;overflow-wrap:anywhere}
.meta{display:flex;flex-wrap:wrap;gap:6px 22px;font-size:12.5px;opacity:.85}
.meta code{background:rgba(255,255,255,.14);padding:1px 6px;border-radius:4px}
nav{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.94);border-bottom:1px solid var(--line);backdrop-filter:blur(6px)}
nav .inner{max-width:1360px;margin:0 auto;padding:0 24px;display:flex;gap:4px;overflow-x:auto}
nav a{color:var(--muted);text-decoration:none;font-size:13px;padding:10px 10px;white-space:nowrap;border-bottom:2px solid transparent}
nav a:hover{color:var(--ink);border-bottom-color:var(--accent)}
main{max-width:1360px;margin:0 auto;padding:4px 24px 40px}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 22px 22px;margin-top:18px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
h2{font-size:19px;margin:0 0 3px;letter-spacing:-.005em}
h3{font-size:14px;margin:20px 0 8px;color:var(--ink)}
h4{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:10px 0 3px;font-weight:600}
.lede{color:var(--muted);margin:0 0 16px;font-size:13px;max-width:920px}
.muted,.none{color:var(--faint)}
.ci{color:var(--muted);font-size:12px}
.chip{display:inline-flex;align-items:center;gap:5px;font-size:12px;font-weight:600;color:var(--ink);white-space:nowrap}
.chip i{width:10px;height:10px;border-radius:50%;background:var(--pc,var(--overall));display:inline-block;flex:none}
.chip.overall i{background:var(--overall);border-radius:2px;height:4px;width:14px}
.ch-icon{flex:none;color:#44506b;vertical-align:-3px}
.meter{display:inline-block;height:6px;border-radius:3px;background:#e9ecf2;overflow:hidden;vertical-align:middle}
.meter i{display:block;height:100%;background:var(--pc,var(--accent))}
/* personas */
.persona-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:14px}
.persona{border:1px solid var(--line);border-top:4px solid var(--pc);border-radius:10px;padding:12px 14px;background:var(--soft)}
.persona-head{display:flex;align-items:center;gap:8px}
.persona-head h3{margin:0;font-size:16px;overflow-wrap:anywhere}
.persona-head .swatch{width:12px;height:12px;border-radius:50%;background:var(--pc);flex:none}
.persona-head .share{margin-left:auto;font-size:12px;color:var(--muted);white-space:nowrap}
.demo{font-size:12.5px;color:var(--muted);margin-top:2px}
.persona-kpi{margin-top:8px;font-size:13px}
.persona ul{margin:0;padding-left:16px;font-size:13px}
.affinities{display:grid;grid-template-columns:1fr 1fr;gap:3px 12px}
.affinity{display:flex;align-items:center;gap:5px;font-size:12px;min-width:0}
.affinity .aff-name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.affinity .meter{width:48px}
.traits{display:flex;gap:12px;margin-top:10px;font-size:11px;color:var(--muted);flex-wrap:wrap}
.trait{display:flex;flex-direction:column;gap:2px}
.trait .meter{width:70px}
/* headline */
.kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
.kpi{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:var(--soft);min-width:0}
.kpi-main{background:#eef2ff;border-color:#c7d2fe}
.kpi-wide{grid-column:span 2;grid-row:span 2}
.kpi-label{font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.05em}
.kpi-value{font-size:28px;font-weight:700;letter-spacing:-.02em;line-height:1.15;margin-top:4px}
.kpi-ci{font-size:12px;color:var(--muted)}
.kpi-note{font-size:12px;color:var(--muted);margin-top:6px}
.ttc-row{display:flex;gap:26px;margin-bottom:6px}
.ttc{display:flex;flex-direction:column}
.ttc .kpi-value{font-size:22px}
.ttc-name{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin-top:4px}
.chart{display:block;max-width:100%;height:auto;margin-top:6px}
.chart .bar{fill:#8ea5e8}
.chart .bar:hover{fill:var(--accent)}
.chart .axis{stroke:#c5cad3}
.chart .tick{font-size:10.5px;fill:var(--muted)}
.chart .mark{stroke:var(--overall);stroke-dasharray:3 3}
.chart .mark-label{font-size:11px;font-weight:600;fill:var(--overall)}
.chart-note{font-size:11.5px;color:var(--muted);margin:2px 0 0}
.minis{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px;margin-top:12px}
.mini{display:flex;flex-direction:column;border-left:3px solid var(--line);padding:2px 10px}
.mini-label{font-size:11.5px;color:var(--muted)}
.mini-value{font-size:17px;font-weight:650}
.mini-ci{font-size:11px;color:var(--faint)}
.endings{font-size:12.5px;color:var(--muted);margin-top:12px}
.table-wrap{overflow-x:auto}
table.data{border-collapse:collapse;width:100%;font-size:13px}
table.data th{text-align:left;font-size:11.5px;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:6px 8px;white-space:nowrap}
table.data td{border-bottom:1px solid #f0f2f5;padding:6px 8px;vertical-align:middle}
table.data .num{text-align:right;white-space:nowrap}
.forest{vertical-align:middle;margin-right:8px}
.forest .track{stroke:#e4e7ec;stroke-width:2}
.forest .ref{stroke:var(--overall);stroke-dasharray:2 2}
/* journey map */
.map-scroll{overflow-x:auto;padding-bottom:4px}
.map{display:grid;border:1px solid var(--line);border-radius:10px;overflow:hidden;width:max-content}
.row-head{background:#f3f5f9;border-top:1px solid var(--line);padding:10px 8px;font-size:12px;display:flex;flex-direction:column;gap:3px;min-width:0;overflow-wrap:break-word}
.row-head span{font-size:11px;color:var(--muted);line-height:1.3}
.curve .legend{display:flex;flex-wrap:wrap;gap:4px 16px;padding:8px 10px 0;font-size:11px}
.curve .legend .chip{font-size:11.5px;font-weight:600}
.legend-note{color:var(--faint);font-size:11px}
.cell{border-top:1px solid var(--line);border-left:1px solid var(--line);padding:8px;min-width:0;overflow-wrap:break-word}
.map>.row-head:first-child,.map>.row-head:first-child~.stage-head{border-top:0}
.stage-head{background:linear-gradient(#f6f8fd,#fff)}
.stage-name{font-weight:700;font-size:14.5px;text-transform:capitalize}
.owner{font-size:11.5px;color:var(--accent);font-weight:600;margin-top:1px}
.stage-desc{font-size:11.5px;color:var(--muted);margin-top:3px;line-height:1.35}
.reach{display:flex;flex-wrap:wrap;gap:4px;align-items:center;font-size:11.5px;color:var(--muted);margin-top:6px}
.reachbar{height:4px;background:#e9ecf2;border-radius:2px;margin-top:4px}
.reachbar i{display:block;height:100%;background:var(--accent);border-radius:2px}
.tps{display:flex;flex-direction:column;gap:7px;background:#fbfbfd}
.tp{border:1px solid #dfe3ea;border-radius:8px;background:#fff;padding:6px 8px;box-shadow:0 1px 1px rgba(16,24,40,.04)}
.tp-head{font-weight:650;font-size:12.5px;line-height:1.3}
.tp-head .ch-icon{float:left;margin:1px 5px 0 0}
.tags{display:flex;flex-wrap:wrap;gap:3px;margin-top:4px}
.tag{font-size:10px;line-height:1.5;padding:0 5px;border-radius:8px;background:#eef0f4;color:#4a5568;white-space:nowrap}
.tag.milestone{background:#e6f6ee;color:#1e7a50;font-weight:600}
.tag.effort{background:#fff1dc;color:var(--warn);font-weight:600}
.tp-stats{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 6px;font-size:11px;color:var(--muted);margin-top:4px}
.tp-stats .drop{color:var(--drop);font-weight:600}
.dropbar{height:3px;background:#f1f2f5;border-radius:2px;margin-top:3px}
.dropbar i{display:block;height:100%;background:var(--drop);border-radius:2px}
.actions ul{margin:0;padding-left:14px;font-size:12px;color:#344054}
.actions li.none{list-style:none;margin-left:-14px}
.map .cell.curve,.map.dense .cell.curve{padding:0;border-left:0;box-shadow:inset 1px 0 0 var(--line)}
.emotion{display:block}
.emotion .grid{stroke:#eef0f4}
.emotion .tick{font-size:10px;fill:var(--faint)}
.emotion .dip-band{fill:#fdeeee}
.emotion .dip-label{font-size:11px;font-weight:700;fill:var(--drop)}
.emotion .point-label{font-size:11px;font-weight:700;fill:var(--overall);paint-order:stroke;stroke:#fff;stroke-width:3px}
.emotion .point-label.dip{fill:var(--drop)}
.pains,.opps{font-size:12px;display:flex;flex-direction:column;gap:6px}
.pain{display:flex;flex-direction:column;border-left:3px solid var(--drop);padding-left:6px}
.pain b{color:#8f2323;font-weight:650}
.pain span{color:var(--muted);font-size:11px}
.effort-note{font-size:11px;color:var(--warn);border-left:3px solid #f4c27a;padding-left:6px}
.effort-note.peak{background:#fff6e8;border-radius:0 4px 4px 0;padding:2px 6px}
.opp{display:flex;flex-direction:column;gap:2px;border-left:3px solid var(--exit);padding-left:6px}
.opp b{font-weight:600;color:#175c3c}
.opp span{font-size:11px;color:var(--muted)}
.opp .chip{font-size:11px}
.more{font-size:11px;color:var(--accent);text-decoration:none}
.map.dense .cell{padding:6px}
.map.dense .tp{padding:5px 6px}
.map.dense .tp-head{font-size:11.5px}
.map.dense .stage-name{font-size:13px}
.map.dense .pains,.map.dense .opps,.map.dense .actions ul{font-size:11px}
/* funnel */
.funnel{display:flex;flex-direction:column}
.f-step{display:grid;grid-template-columns:200px 1fr 330px;gap:16px;align-items:center}
.f-label{display:flex;flex-direction:column;text-align:right}
.f-label b{font-size:14px}
.f-step:not(.converted) .f-label b{text-transform:capitalize}
.f-label span{font-size:11.5px;color:var(--muted)}
.f-bar-area{display:flex;justify-content:center}
.f-bar{position:relative;height:36px;border-radius:6px;background:linear-gradient(90deg,#4263eb,#5c7cfa);display:flex;align-items:center;justify-content:center;min-width:3px}
.f-bar.narrow span{position:absolute;left:100%;margin-left:6px;color:var(--ink);text-shadow:none;padding:0}
.f-bar span{color:#fff;font-weight:700;font-size:12.5px;white-space:nowrap;padding:0 8px;text-shadow:0 1px 1px rgba(0,0,0,.25)}
.f-step.converted .f-bar{background:linear-gradient(90deg,#2b8a5e,#37b27a)}
.f-step.converted .f-label b{color:#1e7a50}
.f-numbers{font-size:12.5px}
.f-drops{display:flex;flex-wrap:wrap;gap:2px 8px;font-size:11.5px;margin-top:2px}
.f-drops .drop{color:var(--drop);font-weight:600}
.f-drops .reason{color:var(--muted)}
.f-gap{display:flex;justify-content:center;align-items:center;gap:10px;height:26px;font-size:11.5px;color:var(--muted);padding:0 346px 0 216px}
.f-arrow{font-size:14px;color:var(--faint)}
.f-off{color:var(--drop);font-weight:600}
.persona-funnel th[style] .chip i{background:var(--pc)}
.persona-funnel td{min-width:170px}
.persona-funnel tr.converted th{color:#1e7a50}
.pf-bar{height:8px;background:#eef0f4;border-radius:4px;overflow:hidden}
.pf-bar i{display:block;height:100%;background:var(--pc)}
.pf-text{font-size:12px;margin-top:2px}
.pf-drop{font-size:11px;color:var(--drop);display:flex;flex-direction:column}
.pf-drop span{color:var(--muted)}
/* flow */
.flow-scroll{overflow-x:auto}
.sankey{display:block;max-width:100%;height:auto}
.sankey .link{fill:none;stroke:#8da2c9;stroke-opacity:.42}
.sankey .link.back{stroke:#a78bda;stroke-opacity:.38}
.sankey .link:hover{stroke-opacity:.75}
.sankey .node{fill:#34446e}
.sankey .node.converts{fill:var(--exit)}
.sankey .fl-name{font-size:11.5px;font-weight:650;fill:var(--ink)}
.sankey .fl-stats{font-size:10.5px;fill:var(--muted)}
.key{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;font-size:11.5px}
.key.drop{background:var(--drop)}.key.exit{background:var(--exit)}.key.cutoff{background:#9aa3af}.key.entry{background:#b7c4ef;color:var(--ink)}
/* opportunities and details */
.opp-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.opp-item{display:grid;grid-template-columns:130px 1fr;gap:14px;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.opp-impact b{font-size:18px}
.opp-impact span{font-size:11px;color:var(--muted);margin-left:4px}
.impact-bar{height:5px;background:#eef0f4;border-radius:3px;margin-top:4px}
.impact-bar i{display:block;height:100%;background:var(--exit);border-radius:3px}
.opp-where{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.opp-suggestion{font-weight:600;color:#175c3c;margin-top:2px}
.opp-problem{font-size:12px;color:var(--muted)}
.details .tp-cell{display:flex;gap:6px;align-items:center;white-space:nowrap}
.details th[style] .chip i{background:var(--pc)}
.details .reasons{font-size:12px;color:var(--muted);min-width:180px}
/* compare */
.variant-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:14px}
.variant-card{border:1px solid var(--line);border-top:4px solid var(--pc);border-radius:10px;padding:12px 16px;background:var(--soft);min-width:0}
.variant-card h3{margin:0 0 4px;font-size:16px}
.variant-card h3 .chip{font-size:15px;white-space:normal;overflow-wrap:anywhere}
.variant-card p{margin:0 0 6px;font-size:12.5px}
.variant-card ul{margin:6px 0 0;padding-left:18px;font-size:13px;overflow-wrap:anywhere}
.variant-card .moves{font-size:12px;color:#344054}
.tally{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:11.5px}
.chip i,.compare th .chip i,h3 .chip i{background:var(--pc,var(--overall))}
.verdict-tag{display:inline-block;font-size:11px;font-weight:650;padding:0 7px;border-radius:9px;line-height:1.6;white-space:nowrap;background:#eef0f4;color:#4a5568}
.verdict-tag.better{background:#e3f5ea;color:#1e7a50}
.verdict-tag.worse{background:#fde8e8;color:#b42323}
.verdict-tag.changed{background:#e8edfb;color:#3b5bdb}
table.compare th{white-space:normal;overflow-wrap:anywhere;max-width:260px}
table.compare td.value b{display:block;font-size:14px}
table.compare td.value .ci{display:block;font-size:11px}
td.diff{min-width:260px}
td.diff.matters.better{background:#f0faf4}
td.diff.matters.worse{background:#fdf1f1}
td.diff.matters.changed{background:#f2f5fe}
.diff-row{display:flex;align-items:center;gap:8px}
.diff-text{display:flex;flex-direction:column;align-items:flex-start;gap:1px}
.diff-text b{font-size:14px}
.diff-text .ci{font-size:11px}
.whisker{flex:none}
.whisker .zero{stroke:#98a2b3;stroke-dasharray:2 2}
.whisker g line{stroke-width:3;stroke-linecap:round;stroke:#98a2b3}
.whisker g circle{fill:#98a2b3;stroke:#fff;stroke-width:1.5}
.whisker g.better line{stroke:var(--exit)}.whisker g.better circle{fill:var(--exit)}
.whisker g.worse line{stroke:var(--drop)}.whisker g.worse circle{fill:var(--drop)}
.whisker g.changed line{stroke:var(--accent)}.whisker g.changed circle{fill:var(--accent)}
table.changes code{overflow-wrap:anywhere}
.compare-funnel td{min-width:150px}
.compare-funnel th[style] .chip i{background:var(--pc)}
.ttc-stack{display:flex;flex-direction:column;gap:10px}
.ttc-version{border-left:4px solid var(--pc);padding:4px 0 4px 12px;max-width:800px}
.ttc-head{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center;font-size:12.5px;color:var(--muted)}
.ttc-version .chart .bar{fill:var(--pc);fill-opacity:.55}
.part{margin-top:28px;padding:0 4px}
.part h2{font-size:21px;overflow-wrap:anywhere}
/* check */
.banner.passed{background:linear-gradient(120deg,#14532d 0%,#1e7a50 70%,#2f9e6b 100%)}
.banner.failed{background:linear-gradient(120deg,#5c1414 0%,#a12a2a 70%,#c53d3d 100%)}
.pill{display:inline-block;font-size:11.5px;font-weight:700;padding:1px 9px;border-radius:10px;text-transform:uppercase;letter-spacing:.04em;white-space:nowrap}
.pill.passed{background:#e3f5ea;color:#1e7a50}
.pill.failed{background:#d64545;color:#fff}
.pill.skipped{background:#eef0f4;color:var(--muted)}
table.check tr.fail td,table.check tr.failed td{background:#fdf4f4}
table.check td.why{font-size:12px;color:#344054;min-width:240px;overflow-wrap:anywhere}
table.check code{overflow-wrap:anywhere}
.scenario-part{margin:26px 0 0 -18px;border-left:4px solid var(--exit);padding-left:14px}
.scenario-part.failed{border-left-color:var(--drop)}
.part-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px}
.part-head h2{font-size:21px;margin:0;overflow-wrap:anywhere}
.part-head .muted{font-size:12px}
.gate h3{margin-top:4px}
.gate section{border:0;box-shadow:none;padding:0;margin-top:10px}
.identity-summary{margin:0 0 6px;font-size:12.5px}
.identity{margin:0 0 10px;padding-left:18px;font-size:12.5px}
.identity .warning b{color:var(--warn)}
.run-error{background:#fdf1f1;border:1px solid #f5c2c2;border-radius:8px;padding:8px 12px;font-size:13px}
.run-error pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0 0;font-size:12px}
details.run-report{margin-top:10px}
details.run-report>summary{cursor:pointer;font-weight:650;font-size:14px;color:var(--accent);padding:6px 2px;overflow-wrap:anywhere}
details.manifest{max-width:1360px;margin:0 auto;padding:0 24px 8px;font-size:12.5px}
details.manifest>summary{cursor:pointer;font-weight:650;color:var(--muted);padding:6px 0}
details.manifest table.data{background:var(--card);margin-bottom:10px}
details.manifest code{overflow-wrap:anywhere}
footer{max-width:1360px;margin:0 auto;padding:8px 24px 32px;font-size:11.5px;color:var(--muted)}
@media print{nav{display:none}section{break-inside:avoid;box-shadow:none}body{background:#fff}}
)CSS";
}

}  // namespace journeysim::html
