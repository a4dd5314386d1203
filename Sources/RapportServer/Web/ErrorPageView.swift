/// The error page: what went wrong, in a heading and a sentence.
struct ErrorPageView: TemplateView {
    let heading: String
    let message: String
}
