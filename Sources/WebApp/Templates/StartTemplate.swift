/// The start page: the shipped scenarios and the saved what-ifs with their headlines, and a
/// form to compare two saved what-ifs.
enum StartTemplate {
    static let text = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <p class="lead">{{intro}}</p>
        <section id="shipped">
        <h2>{{shippedHeading}}</h2>
        <table class="list">
        <thead><tr><th>{{colScenario}}</th><th class="num">{{colTarget}}</th><th class="num">{{colProbability}}</th><th class="num">{{colCAGR}}</th></tr></thead>
        <tbody>
        {{#shipped}}
        <tr data-id="{{id}}"><td><a class="open-scenario" href="/edit?scenario={{id}}&amp;lang={{lang}}">{{title}}</a><br><small>{{id}}</small></td>
        <td class="num">{{target}}</td><td class="num probability">{{probability}}</td><td class="num">{{cagr}}</td></tr>
        {{/shipped}}
        </tbody>
        </table>
        </section>
        <section id="saved">
        <h2>{{savedHeading}}</h2>
        {{^saved}}<p class="empty">{{noneSaved}}</p>{{/saved}}
        {{#hasSaved}}
        <table class="list">
        <thead><tr><th>{{colName}}</th><th>{{colBase}}</th><th>{{colWho}}</th><th class="num">{{colTarget}}</th><th class="num">{{colProbability}}</th><th class="num">{{colCAGR}}</th></tr></thead>
        <tbody>
        {{#saved}}
        <tr data-id="{{id}}"><td><a class="open-whatif" href="/edit?whatif={{id}}&amp;lang={{lang}}">{{name}}</a></td><td>{{base}}</td><td>{{author}}<br><small>{{createdAt}}</small></td>
        <td class="num">{{target}}</td><td class="num probability">{{probability}}</td><td class="num">{{cagr}}</td></tr>
        {{/saved}}
        </tbody>
        </table>
        <form id="compare-form" method="get" action="/compare">
        <input type="hidden" name="lang" value="{{lang}}">
        <label>{{compareA}} <select name="a">{{#saved}}<option value="{{id}}">{{name}}</option>{{/saved}}</select></label>
        <label>{{compareB}} <select name="b">{{#saved}}<option value="{{id}}">{{name}}</option>{{/saved}}</select></label>
        <button type="submit">{{compareButton}}</button>
        </form>
        {{/hasSaved}}
        </section>
        {{/content}}{{/layout}}
        """
}
