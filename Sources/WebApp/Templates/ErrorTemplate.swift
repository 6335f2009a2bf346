/// A page for an error that has no form to show it in (unknown what-if, busy server, …).
enum ErrorTemplate {
    static let text = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <p class="problem" id="error-message">{{message}}</p>
        <p><a href="/?lang={{lang}}">{{back}}</a></p>
        {{/content}}{{/layout}}
        """
}
