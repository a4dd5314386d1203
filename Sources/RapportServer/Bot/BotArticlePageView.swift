/// A help article's editor (`/bot/articles/<id>`, or a new one): its title, address and
/// Markdown as saved or as typed when saving them was refused, and why.
struct BotArticlePageView: TemplateView {
    /// The article's id; nil for a new one.
    let id: String?
    var error: String?
    let slug: String
    let titleText: String
    let body: String
    /// Where customers read it; nil for a new one.
    let link: String?
}
