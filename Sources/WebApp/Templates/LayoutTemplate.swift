/// The page frame every page fills in (`{{<layout}}{{$content}}…{{/content}}{{/layout}}`):
/// header with the language toggle, the content, the footer. No external files: the style sheet
/// and the script come from this server (`/static/…`), never a CDN.
enum LayoutTemplate {
    static let text = """
        <!DOCTYPE html>
        <html lang="{{htmlLang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · BinhaiSim</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/?lang={{lang}}">BinhaiSim</a>
        <span class="subtitle">{{appTitle}}</span>
        <nav><a id="lang-toggle" href="{{toggleHref}}" hreflang="{{toggleLang}}">{{toggleLabel}}</a></nav>
        </header>
        <main>
        {{$content}}{{/content}}
        </main>
        <footer>{{footer}}</footer>
        </body>
        </html>
        """
}
