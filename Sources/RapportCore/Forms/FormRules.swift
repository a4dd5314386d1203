import Foundation

/// What makes a form well built, an answer acceptable, and which result a quiz's answers score.
public enum FormRules {
    public static let maximumQuestions = 50
    public static let maximumOptions = 30
    public static let maximumResults = 20
    public static let maximumProductsPerResult = 12
    public static let maximumOrigins = 20
    public static let maximumAnswerLength = 1_000
    public static let maximumLabelLength = 500
    public static let maximumTextLength = 2_000
    /// Attribute names a question may not write: they are identities or the profile's name,
    /// which a form's asserted answer must not set.
    static let reservedAttributes: Set<String> = ["email", "phone", "first_name", "last_name", "name"]
    /// Question keys the completion event uses for itself.
    static let reservedKeys: Set<String> = ["form_id", "form", "response_id", "result"]

    /// The problems of a form as sent, field by field (empty when it is sound).
    public static func problems(in input: FormInput) -> [FieldError] {
        var problems = Problems(prefix: nil)
        problems.text(input.name, "name", maxLength: 200)
        let definition = input.definition
        if let intro = definition.intro { problems.text(intro, "intro", maxLength: maximumTextLength) }
        if let thanks = definition.thankYou { problems.text(thanks, "thank_you", maxLength: maximumTextLength) }
        if let title = definition.lead?.title { problems.text(title, "lead.title", maxLength: LeadOpening.maximumTitleLength) }
        if let campaign = definition.lead?.campaign { problems.text(campaign, "lead.campaign", maxLength: LeadOpening.maximumCampaignLength) }
        // A draft is built a piece at a time; a live form must be whole.
        if input.status == .live, definition.questions.isEmpty { problems.add("questions", "a live form needs at least one question") }
        if definition.questions.count > maximumQuestions { problems.add("questions", "must be at most \(maximumQuestions)") }
        let resultKeys = definition.results.map(\.key)
        var questionKeys = Set<String>()
        var attributes = Set<String>()
        for (index, question) in definition.questions.enumerated() {
            let field = "questions[\(index)]"
            if !isKey(question.key) { problems.add("\(field).key", "must be 1 to 40 characters of a-z, 0-9 and _, starting with a letter") }
            if !questionKeys.insert(question.key).inserted { problems.add("\(field).key", "is used by another question") }
            if reservedKeys.contains(question.key) { problems.add("\(field).key", "must not be \(reservedKeys.sorted().joined(separator: ", ")): the completion event uses those") }
            problems.text(question.label, "\(field).label", maxLength: maximumLabelLength)
            if let attribute = question.attribute {
                if !ProfileRules.isAttributeKey(attribute) || reservedAttributes.contains(attribute) {
                    problems.add("\(field).attribute", "must be an attribute name (a-z, 0-9 and _, starting with a letter) other than \(reservedAttributes.sorted().joined(separator: ", "))")
                } else if !attributes.insert(attribute).inserted {
                    problems.add("\(field).attribute", "is written by another question")
                }
                if question.kind == .email { problems.add("\(field).attribute", "an e-mail question's answer is an address, not an attribute") }
            }
            if question.kind.hasOptions {
                if !(2...maximumOptions).contains(question.options.count) { problems.add("\(field).options", "must have 2 to \(maximumOptions) options") }
            } else if !question.options.isEmpty {
                problems.add("\(field).options", "only choice questions have options")
            }
            var values = Set<String>()
            for (optionIndex, option) in question.options.enumerated() {
                let optionField = "\(field).options[\(optionIndex)]"
                problems.text(option.value, "\(optionField).value", maxLength: 100)
                if !values.insert(option.value).inserted { problems.add("\(optionField).value", "is used by another option") }
                problems.text(option.label, "\(optionField).label", maxLength: maximumLabelLength)
                for key in option.results where !resultKeys.contains(key) {
                    problems.add("\(optionField).results", "names \(key), which is not one of the results")
                }
            }
        }
        if definition.questions.filter({ $0.kind == .email }).count > 1 { problems.add("questions", "may have one e-mail question") }
        if input.kind == .quiz, input.status == .live, definition.results.isEmpty { problems.add("results", "a live quiz needs at least one result") }
        if definition.results.count > maximumResults { problems.add("results", "must be at most \(maximumResults)") }
        var seenResults = Set<String>()
        for (index, result) in definition.results.enumerated() {
            let field = "results[\(index)]"
            if !isKey(result.key) { problems.add("\(field).key", "must be 1 to 40 characters of a-z, 0-9 and _, starting with a letter") }
            if !seenResults.insert(result.key).inserted { problems.add("\(field).key", "is used by another result") }
            problems.text(result.title, "\(field).title", maxLength: 200)
            if let text = result.text { problems.text(text, "\(field).text", maxLength: maximumTextLength) }
            if result.productIDs.count > maximumProductsPerResult { problems.add("\(field).product_ids", "must be at most \(maximumProductsPerResult)") }
            for (productIndex, id) in result.productIDs.enumerated() {
                problems.text(id, "\(field).product_ids[\(productIndex)]", maxLength: 200)
            }
        }
        if let consent = definition.consent {
            if definition.emailQuestion == nil { problems.add("consent", "needs an e-mail question: the confirmation is mailed to its answer") }
            if consent.purposes.isEmpty || consent.purposes.count > SignUpService.maximumPurposes {
                problems.add("consent.purposes", "must name 1 to \(SignUpService.maximumPurposes) purposes")
            }
            for (index, purpose) in consent.purposes.enumerated() where !ConsentPurpose.isValid(purpose) {
                problems.add("consent.purposes[\(index)]", "must be 1 to 40 characters of a-z, 0-9 and _")
            }
            problems.text(consent.text, "consent.text", maxLength: ConsentService.maximumTextLength)
        }
        if input.status == .live, definition.allowedOrigins.isEmpty {
            problems.add("allowed_origins", "a live form needs the shop's site (https://shop.example) its answers come from")
        }
        if definition.allowedOrigins.count > maximumOrigins { problems.add("allowed_origins", "must be at most \(maximumOrigins)") }
        for (index, origin) in definition.allowedOrigins.enumerated() where canonicalOrigin(origin) != origin {
            problems.add("allowed_origins[\(index)]", "must be an origin such as https://shop.example (scheme, host and port only, lower case)")
        }
        return problems.list
    }

    /// The origin as browsers send it (`https://shop.example`, `http://127.0.0.1:8000`), or nil
    /// when the text is not one: a path, a query, user info or another scheme.
    public static func canonicalOrigin(_ text: String) -> String? {
        guard text.count <= 200, let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host?.lowercased(), !host.isEmpty,
            components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil, components.user == nil, components.password == nil
        else { return nil }
        // Browsers leave the scheme's own port out of an Origin.
        let port = components.port.flatMap { ($0 == 443 && scheme == "https") || ($0 == 80 && scheme == "http") ? nil : $0 }
        return port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// The answers, checked against the form: each names a question, fits its kind, and every
    /// required question is answered. An e-mail answer is normalised.
    static func answers(
        _ submission: FormSubmission, form: Form, normalizer: IdentityNormalizer
    ) -> Result<[String: JSONValue], RapportError> {
        var problems = Problems(prefix: nil)
        var checked: [String: JSONValue] = [:]
        let questions = Dictionary(form.definition.questions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for key in submission.answers.keys.sorted() where questions[key] == nil {
            problems.add("answers.\(key)", "is not a question of this form")
        }
        for question in form.definition.questions {
            let field = "answers.\(question.key)"
            let values = question.options.map(\.value)
            switch (question.kind, submission.answers[question.key]) {
            case (_, nil), (_, .null?):
                if question.required { problems.add(field, "is required") }
            case (.choice, .string(let value)?) where values.contains(value):
                checked[question.key] = .string(value)
            case (.choice, _):
                problems.add(field, "must be one of the options: \(values.joined(separator: ", "))")
            case (.choices, .array(let items)?):
                var picked: [String] = []
                for item in items {
                    guard case .string(let value) = item, values.contains(value) else {
                        problems.add(field, "must list options of the question: \(values.joined(separator: ", "))")
                        break
                    }
                    if !picked.contains(value) { picked.append(value) }
                }
                if picked.isEmpty, question.required { problems.add(field, "is required: pick at least one") }
                if !picked.isEmpty { checked[question.key] = .array(picked.map(JSONValue.string)) }
            case (.choices, _):
                problems.add(field, "must be a list of options")
            case (.text, .string(let text)?):
                let trimmed = text.trimmed
                if trimmed.contains("\u{0}") {
                    problems.add(field, "must not contain a NUL character")
                } else if trimmed.count > maximumAnswerLength {
                    problems.add(field, "must be at most \(maximumAnswerLength) characters")
                } else if trimmed.isEmpty {
                    if question.required { problems.add(field, "is required") }
                } else {
                    checked[question.key] = .string(trimmed)
                }
            case (.text, _):
                problems.add(field, "must be text")
            case (.number, .number(let number)?) where number.isFinite && abs(number) < 1e12:
                checked[question.key] = .number(number)
            case (.number, _):
                problems.add(field, "must be a number")
            case (.email, .string(let address)?):
                switch normalizer.normalize(IdentityInput(.email, value: address), field: field) {
                case .success(let identity): checked[question.key] = .string(identity.value)
                case .failure: problems.add(field, "must be an e-mail address")
                }
            case (.email, _):
                problems.add(field, "must be an e-mail address")
            }
        }
        if submission.consented {
            if form.definition.consent == nil {
                problems.add("consent", "this form asks for no consent")
            } else if let question = form.definition.emailQuestion, checked[question.key] == nil {
                problems.add("answers.\(question.key)", "is needed to confirm the consent: the confirmation is mailed to it")
            }
        }
        if let id = submission.submissionID, id.isEmpty || id.count > 100 || id.contains(where: { $0.isWhitespace || $0.isNewline }) {
            problems.add("submission_id", "must be 1 to 100 characters without spaces")
        }
        guard problems.list.isEmpty else { return .failure(.invalid(problems.list)) }
        return .success(checked)
    }

    /// A quiz's result: each picked option counts once for each result it names; the result
    /// counted most wins, an earlier result on a tie, and the first when nothing counted. A
    /// form scores only when its options name results.
    public static func result(of answers: [String: JSONValue], form: Form) -> FormResult? {
        var votes: [String: Int] = [:]
        for question in form.definition.questions where question.kind.hasOptions {
            let picked: [String] = switch answers[question.key] {
            case .string(let value)?: [value]
            case .array(let items)?: items.compactMap { if case .string(let value) = $0 { value } else { nil } }
            default: []
            }
            for option in question.options where picked.contains(option.value) {
                for key in option.results { votes[key, default: 0] += 1 }
            }
        }
        let results = form.definition.results
        guard let best = votes.values.max() else { return form.kind == .quiz ? results.first : nil }
        return results.first { votes[$0.key] == best }
    }

    /// The answers that go on the profile: each question's attribute, its answer as text, a
    /// number or several choices joined by ", ".
    static func traits(of answers: [String: JSONValue], form: Form) -> [String: JSONValue] {
        var traits: [String: JSONValue] = [:]
        for question in form.definition.questions {
            guard let attribute = question.attribute, let answer = answers[question.key] else { continue }
            switch answer {
            case .array(let items):
                // An attribute holds at most 1,000 characters: many long options are cut there.
                let joined = items.compactMap { if case .string(let value) = $0 { value } else { nil } }.joined(separator: ", ")
                traits[attribute] = .string(String(joined.prefix(maximumAnswerLength)))
            default:
                traits[attribute] = answer
            }
        }
        return traits
    }

    private static func isKey(_ key: String) -> Bool {
        guard let first = key.first, first.isASCII, first.isLowercase, key.count <= 40 else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}
