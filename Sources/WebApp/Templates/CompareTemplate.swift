/// Two saved what-ifs side by side: headline figures and the year-by-year comparison.
enum CompareTemplate {
    static let text = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <table class="list" id="compare-headlines">
        <thead><tr><th></th><th class="num">{{nameA}}</th><th class="num">{{nameB}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{label}}</td><td class="num">{{a}}</td><td class="num">{{b}}</td></tr>{{/rows}}</tbody>
        </table>
        {{#note}}<p class="note">{{.}}</p>{{/note}}
        {{#chart}}<figure class="chart" id="compare-chart">{{{.}}}</figure>{{/chart}}
        {{{table}}}
        <p><a href="/?lang={{lang}}">{{back}}</a></p>
        {{/content}}{{/layout}}
        """
}
