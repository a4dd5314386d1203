/// The sign-in page: where to go after signing in, and, after a refused attempt, the e-mail
/// address typed and why; after signing out everywhere, a notice saying so.
struct LoginPageView: TemplateView {
    /// A local path to go to after signing in, empty for the user's home.
    let next: String
    var email: String?
    var notice: String?
    var error: String?
}
