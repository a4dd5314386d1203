/// A help article as customers read it (`/help/<workspace>/<slug>`): its Markdown as HTML,
/// the title as a heading when the text does not start with one, and the day it changed.
struct HelpArticlePageView: TemplateView {
    let heading: String?
    /// HTML rendered on the server from the article's Markdown.
    let body: String
    let updated: String
}
