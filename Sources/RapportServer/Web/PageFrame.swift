import RapportCore

/// What every page's layout shows around it: the title, which section of the navigation is
/// current, the signed-in user, the navigation their role allows, and the CSRF token forms
/// repeat. `{{#section_inbox}}` is true on the inbox's pages.
struct PageFrame: TemplateView {
    struct User: TemplateView {
        let name: String
        let email: String
        let role: String
        let initials: String
    }

    struct Navigation: TemplateView {
        let inbox: Bool
        let segments: Bool
        let campaigns: Bool
        let journeys: Bool
        let sales: Bool
        let reviews: Bool
        let loyalty: Bool
        let forms: Bool
        let dashboard: Bool
        let bot: Bool
        let insights: Bool
        let settings: Bool
        let audit: Bool
    }

    let title: String
    let section: String
    var csrf: String?
    var user: User?
    var nav: Navigation?

    init(title: String, section: String, signedIn: ActiveSession?) {
        self.title = title
        self.section = section
        guard let signedIn else { return }
        let actor = signedIn.actor
        csrf = signedIn.session.csrfToken
        user = User(name: signedIn.user.name, email: signedIn.user.email, role: signedIn.user.role.rawValue, initials: WebFormat.initials(signedIn.user.name))
        nav = Navigation(
            inbox: actor.may(.readConversations), segments: actor.may(.viewSegments), campaigns: actor.may(.viewCampaigns),
            journeys: actor.may(.viewJourneys), sales: actor.may(.viewSales), reviews: actor.may(.moderateReviews), loyalty: actor.may(.manageLoyalty),
            forms: actor.may(.viewForms),
            dashboard: actor.may(.viewDashboard), bot: actor.may(.manageBot),
            insights: actor.may(.viewInsights), settings: actor.may(.manageTeamSetup) || actor.may(.manageUsers),
            audit: actor.may(.viewAuditLog))
    }

    func templateValues() throws -> [String: Any] {
        var values = try TemplateValueEncoder.values(of: self)
        values["section_" + section] = true
        return values
    }
}
