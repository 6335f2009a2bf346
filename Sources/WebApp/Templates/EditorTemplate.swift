/// The what-if editor: the levers as form fields (grouped: plan, effort, sources, major projects,
/// one group per module), an "edit as YAML" tab with located errors, the actuals form, the
/// actions (run, save, download), and after a run the key figures, the fan chart, the what-if
/// against the baseline year by year and the briefing's tables.
enum EditorTemplate {
    static let text = """
        {{<layout}}{{$content}}
        <h1 id="editor-title">{{heading}}</h1>
        <p class="meta">{{meta}}</p>
        {{#savedNotice}}<p class="notice" id="saved-notice">{{.}}</p>{{/savedNotice}}
        {{#hasProblems}}<div class="problems" id="problems" role="alert"><h2>{{problemsHeading}}</h2><ul>{{#problems}}<li><code>{{where}}</code> {{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
        <form id="editor" method="post" action="/edit">
        <input type="hidden" name="lang" value="{{lang}}">
        <input type="hidden" name="base" value="{{base}}">
        <input type="hidden" name="mode" id="mode" value="{{mode}}">
        <textarea name="yaml" id="current-yaml" hidden>{{yaml}}</textarea>
        <div class="tabs" role="tablist">
        <button type="button" class="tab" id="tab-levers" data-panel="levers" role="tab">{{tabLevers}}</button>
        <button type="button" class="tab" id="tab-yaml" data-panel="yaml" role="tab">{{tabYAML}}</button>
        </div>
        <div class="panel" id="panel-levers" data-mode="form">
        {{#groups}}
        <fieldset class="group" id="group-{{id}}"><legend>{{title}}</legend>
        {{#fields}}
        <div class="field{{#problem}} has-problem{{/problem}}">
        <label for="{{inputID}}">{{label}}{{#unit}} <span class="unit">({{.}})</span>{{/unit}}</label>
        {{#isNumber}}<input type="number" step="any" id="{{inputID}}" name="{{name}}" value="{{value}}"{{#min}} min="{{.}}"{{/min}}{{#max}} max="{{.}}"{{/max}}>{{/isNumber}}
        {{#isInteger}}<input type="number" step="1" id="{{inputID}}" name="{{name}}" value="{{value}}"{{#min}} min="{{.}}"{{/min}}{{#max}} max="{{.}}"{{/max}}>{{/isInteger}}
        {{#isBoolean}}<input type="hidden" name="present.{{name}}" value="1"><input type="checkbox" id="{{inputID}}" name="{{name}}" value="true"{{#checked}} checked{{/checked}}>{{/isBoolean}}
        {{#isChoice}}<select id="{{inputID}}" name="{{name}}">{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/choices}}</select>{{/isChoice}}
        {{#isYAML}}<input type="text" id="{{inputID}}" name="{{name}}" value="{{value}}">{{/isYAML}}
        <small class="help">{{help}}{{#bounds}} · {{.}}{{/bounds}}</small>
        {{#problem}}<small class="problem">{{.}}</small>{{/problem}}
        </div>
        {{/fields}}
        </fieldset>
        {{/groups}}
        <fieldset class="group" id="group-actuals"><legend>{{actualsHeading}}</legend>
        <p class="help">{{actualsHelp}}</p>
        <div class="field"><label for="actual-year">{{actualYear}}</label><input type="number" step="1" id="actual-year" name="actual.year" value="{{actualYearDefault}}"></div>
        <div class="field"><label for="actual-indicator">{{actualIndicator}}</label><select id="actual-indicator" name="actual.indicator">{{#indicators}}<option value="{{.}}">{{.}}</option>{{/indicators}}</select></div>
        <div class="field"><label for="actual-value">{{actualValue}}</label><input type="number" step="any" id="actual-value" name="actual.value" value=""></div>
        <div class="field"><label for="actual-status">{{actualStatus}}</label><select id="actual-status" name="actual.status"><option value="published">published</option><option value="assumed">assumed</option></select></div>
        </fieldset>
        </div>
        <div class="panel" id="panel-yaml" data-mode="yaml">
        <p class="help">{{yamlHelp}}</p>
        <textarea name="yamlEdit" id="yaml-edit" rows="28" spellcheck="false">{{yaml}}</textarea>
        </div>
        <div class="actions">
        <button type="submit" name="action" value="run" id="run-button" class="primary">{{runButton}}</button>
        <label>{{whatIfName}} <input type="text" name="name" id="whatif-name" maxlength="{{nameLimit}}" value="{{name}}"></label>
        <label>{{whatIfAuthor}} <input type="text" name="author" id="whatif-author" maxlength="{{nameLimit}}" value="{{author}}"></label>
        <button type="submit" name="action" value="save" id="save-button">{{saveButton}}</button>
        <button type="submit" name="action" value="yaml" id="download-yaml-button">{{yamlButton}}</button>
        <button type="submit" name="action" value="zip" id="download-zip-button">{{zipButton}}</button>
        {{#hasSavedID}}<a id="saved-yaml-link" href="/api/v1/whatifs/{{savedID}}/yaml">{{savedYAMLLink}}</a> <a id="saved-zip-link" href="/api/v1/whatifs/{{savedID}}/briefing.zip?lang={{lang}}">{{savedZipLink}}</a>{{/hasSavedID}}
        </div>
        </form>
        {{#result}}
        <section id="results">
        <h2>{{resultsHeading}}</h2>
        <div class="figures">
        <div class="figure-box"><span class="figure-label">{{labelProbability}}</span><span class="figure" id="p-target-met" data-value="{{probabilityValue}}">{{probability}}</span>{{#hasBase}}<span class="vs">{{labelBaseline}} <span id="p-target-met-base" data-value="{{baseProbabilityValue}}">{{baseProbability}}</span></span>{{/hasBase}}</div>
        <div class="figure-box"><span class="figure-label">{{labelTarget}}</span><span class="figure" id="target-amount">{{target}}</span></div>
        <div class="figure-box"><span class="figure-label">{{labelP50}}</span><span class="figure" id="target-p50" data-value="{{p50Value}}">{{p50}}</span><span class="vs">P10–P90 {{p10}} – {{p90}}</span></div>
        <div class="figure-box"><span class="figure-label">{{labelCAGR}}</span><span class="figure" id="median-cagr">{{cagr}}</span><span class="vs">{{labelRequired}} <span id="required-cagr">{{requiredCAGR}}</span></span></div>
        </div>
        <figure class="chart" id="fan-chart">{{{fanSVG}}}</figure>
        {{#comparisonSVG}}<figure class="chart" id="comparison-chart">{{{.}}}</figure>{{/comparisonSVG}}
        {{#comparisonNote}}<p class="note">{{.}}</p>{{/comparisonNote}}
        <div id="comparison-table">{{{comparisonTable}}}</div>
        <div id="stage-table">{{{stageTable}}}</div>
        <div id="module-tables">{{{moduleTables}}}</div>
        <details id="all-tables"><summary>{{allTables}}</summary>{{{otherTables}}}</details>
        </section>
        {{/result}}
        {{/content}}{{/layout}}
        """
}
