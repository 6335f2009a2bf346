/// The page's style sheet and script, served from `/static/` (no CDN: a planner's machine may be
/// offline). The script only switches the editor's tabs and marks a running form; every page
/// works without it (both panels show, the levers are used).
enum StaticAssets {
    static let styleSheet = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee3; --accent: #1f5fa8; --warn: #a61b1b; --bg: #f7f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
        header.top { display: flex; gap: 1rem; align-items: baseline; padding: .7rem 1.5rem; background: #12355b; color: #fff; }
        header.top a { color: #fff; }
        header.top .brand { font-weight: 700; text-decoration: none; font-size: 1.2rem; }
        header.top nav { margin-left: auto; }
        main { max-width: 1180px; margin: 0 auto; padding: 1rem 1.5rem 3rem; background: #fff; min-height: 80vh; }
        footer { text-align: center; color: var(--muted); font-size: .8rem; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .6rem 0; } h2 { font-size: 1.2rem; margin-top: 1.6rem; }
        .lead, .meta, .help, small { color: var(--muted); }
        table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.list { width: 100%; }
        .tabs { display: flex; gap: .3rem; margin-top: 1rem; border-bottom: 2px solid var(--line); }
        .tab { border: 1px solid var(--line); border-bottom: none; background: #eef2f6; padding: .4rem 1rem; cursor: pointer; font: inherit; }
        .tab.active { background: #fff; border-color: var(--accent); color: var(--accent); font-weight: 600; }
        .js .panel[hidden] { display: none; }
        fieldset.group { border: 1px solid var(--line); margin: .8rem 0; padding: .5rem 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: .4rem 1rem; }
        fieldset.group legend { font-weight: 600; padding: 0 .3rem; }
        fieldset.group > p { grid-column: 1 / -1; margin: 0; }
        .field { display: flex; flex-direction: column; gap: .15rem; }
        .field input[type=number], .field input[type=text], .field select { font: inherit; padding: .25rem .4rem; border: 1px solid #b8c2cc; }
        .field.has-problem input, .field.has-problem select { border-color: var(--warn); }
        .problem, .problems { color: var(--warn); }
        .problems { border: 1px solid var(--warn); background: #fff4f4; padding: .4rem 1rem; margin: .8rem 0; }
        .problems h2 { margin: .2rem 0; font-size: 1rem; }
        .notice { background: #eef8ee; border: 1px solid #6a9f6a; padding: .4rem 1rem; }
        textarea#yaml-edit { width: 100%; font-family: "Noto Sans Mono CJK SC", monospace; font-size: .85rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: 1rem 0; padding: .6rem; background: #eef2f6; }
        .actions button { font: inherit; padding: .4rem .9rem; cursor: pointer; }
        .actions button.primary { background: var(--accent); color: #fff; border: 1px solid var(--accent); font-weight: 600; }
        form.running button { opacity: .5; }
        .figures { display: flex; flex-wrap: wrap; gap: .8rem; }
        .figure-box { border: 1px solid var(--line); padding: .5rem .8rem; min-width: 200px; display: flex; flex-direction: column; }
        .figure-label { color: var(--muted); font-size: .85rem; }
        .figure { font-size: 1.6rem; font-weight: 700; color: var(--accent); }
        .vs { color: var(--muted); font-size: .85rem; }
        figure.chart { margin: 1rem 0; } figure.chart svg { max-width: 100%; height: auto; }
        details summary { cursor: pointer; color: var(--accent); margin: 1rem 0; }
        """

    static let script = """
        (function () {
          'use strict';
          document.documentElement.classList.add('js');
          var form = document.getElementById('editor');
          if (!form) { return; }
          var mode = document.getElementById('mode');
          var panels = { levers: document.getElementById('panel-levers'), yaml: document.getElementById('panel-yaml') };
          function show(name) {
            Object.keys(panels).forEach(function (k) { panels[k].hidden = (k !== name); });
            document.querySelectorAll('.tab').forEach(function (t) {
              var on = t.getAttribute('data-panel') === name;
              t.classList.toggle('active', on);
              t.setAttribute('aria-selected', on ? 'true' : 'false');
            });
            mode.value = panels[name].getAttribute('data-mode');
          }
          document.querySelectorAll('.tab').forEach(function (t) {
            t.addEventListener('click', function () { show(t.getAttribute('data-panel')); });
          });
          show(mode.value === 'yaml' ? 'yaml' : 'levers');
          form.addEventListener('submit', function () { form.classList.add('running'); });
        })();
        """
}
