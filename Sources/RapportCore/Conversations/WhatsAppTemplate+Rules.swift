/// Whether a campaign's template message can go out as written. Meta refuses a template it
/// does not hold in that language (error 132001), one not approved, and one given the wrong
/// number of parameters (132000) — message by message, once the campaign is under way. The
/// sender asks this first, over the account's list.
extension WhatsAppTemplate {
    /// Meta's status of a template it sends.
    public static let approvedStatus = "APPROVED"
    /// How many names a problem lists at most.
    static let namesShown = 10

    /// What keeps `message` from being sent with the account's `templates`, in words that say
    /// what to change; nil when it can go: a template of that name in that language exists, is
    /// approved, needs nothing campaigns cannot give, and takes as many body parameters as
    /// `message` gives.
    public static func problem(with message: TemplateMessage, among templates: [WhatsAppTemplate]) -> String? {
        let sameName = templates.filter { $0.name == message.name }
        guard !sameName.isEmpty else {
            let names = Array(Set(templates.map(\.name))).sorted()
            let known = names.isEmpty
                ? "it has no templates at all"
                : "its templates are " + names.prefix(namesShown).joined(separator: ", ")
                    + (names.count > namesShown ? " and \(names.count - namesShown) more" : "")
            return "The WhatsApp Business Account has no template named \(message.name): \(known)."
        }
        guard let template = sameName.first(where: { $0.language == message.language }) else {
            let languages = sameName.map(\.language).sorted().joined(separator: ", ")
            return "Template \(message.name) has no version in \(message.language): it exists in \(languages)."
        }
        let named = "Template \(template.name) (\(template.language))"
        guard template.status == approvedStatus else {
            return "\(named) is \(template.status.lowercased()), not approved: WhatsApp sends only templates Meta approved."
        }
        // Named parameters go with their names (`parameter_name`), which campaigns do not give.
        guard !template.namedParameters else {
            return "\(named) takes named parameters, which campaigns cannot send yet (they give parameters by position): choose a template with numbered ones."
        }
        let unfillable = template.partsCampaignsCannotFill
        guard unfillable.isEmpty else {
            return "\(named) needs \(unfillable.joined(separator: " and ")), which campaigns do not fill (they give only the body's parameters): choose a template without."
        }
        guard message.parameters.count == template.parameterCount else {
            let placeholders = template.parameters.map { "{{\($0)}}" }.joined(separator: ", ")
            let takes = template.parameterCount == 0
                ? "takes no body parameters"
                : "takes \(template.parameterCount) body parameter\(template.parameterCount == 1 ? "" : "s") (\(placeholders))"
            return "\(named) \(takes); \(message.parameters.count) given."
        }
        return nil
    }
}
