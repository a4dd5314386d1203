/// The signed-in user's account page: whether the password was just changed, or why a new
/// one was refused (at the current password or at the new one).
struct AccountPageView: TemplateView {
    let changed: Bool
    var currentError: String?
    var newError: String?
}
