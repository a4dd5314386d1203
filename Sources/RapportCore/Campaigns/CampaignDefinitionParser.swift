import Foundation

/// Reads a campaign's definition from JSON and checks every part that needs no database; a bad
/// part is a 422 naming it by its path (`definition.content.id.subject`). `CampaignService`
/// checks what needs the store or the clock: that the segments are the workspace's, and that a
/// schedule is still ahead.
public enum CampaignDefinitionParser {
    /// Segments sent to, and segments excluded, each.
    public static let maximumSegments = 20
    public static let maximumLocales = 20
    public static let maximumSubjectLength = 255
    public static let maximumPreheaderLength = 255
    /// Characters of a body or a text.
    public static let maximumBodyLength = 100_000
    public static let maximumMessagesPerSecond = 100_000
    public static let maximumCapMessages = 1_000
    public static let maximumCapDays = 365

    /// The most a message may be said to cost, in major units.
    public static let maximumCostPerMessage = 100.0

    static let keys: Set<String> = [
        "audience", "content", "default_locale", "schedule", "holdout_share", "frequency_cap", "throttle", "attribution", "cost_per_message",
        "experiment", "quiet_hours",
    ]
    static let contentKeys: Set<String> = ["subject", "preheader", "body", "text", "template"]
    /// The most parts an SMS campaign's text may take (before its variables are filled in).
    public static let maximumSMSSegments = 10

    /// Reads the definition sent at `path` for a campaign on `channel` (whose rules decide, for
    /// one, whether a subject is required or refused). `checkingContent` false reads a stored
    /// definition without the content's rules per channel: a draft saved under older rules
    /// stays readable (and editable), and sending checks it again (`CampaignService.send`).
    /// `requiringAudience` false reads a journey step's campaign, which has no segments.
    public static func parse(
        _ json: JSONValue, channel: CampaignChannel, path: String = "definition", checkingContent: Bool = true, requiringAudience: Bool = true
    ) throws -> CampaignDefinition {
        guard case .object(let object) = json else {
            throw invalid(
                path, "must be an object with `audience` and `content` (and optionally `default_locale`, `schedule`, `holdout_share`, `frequency_cap`, `throttle`, `attribution`, `cost_per_message`, `experiment`, `quiet_hours`)")
        }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key a campaign's definition takes")
        }
        let audience = try self.audience(object["audience"], path: "\(path).audience", required: requiringAudience)
        let content = try self.content(object["content"], channel: channel, path: "\(path).content", checking: checkingContent)
        let experiment = try self.experiment(
            object["experiment"], content: content, channel: channel, path: "\(path).experiment", checking: checkingContent)
        let schedule = try schedule(object["schedule"], path: "\(path).schedule")
        if experiment != nil, case .localTime? = schedule {
            throw invalid(
                "\(path).experiment",
                "cannot go with a local-time schedule: the rest of the audience would get the winner whenever the test ends, not at their local time. Send at one instant (`at`) or without a test")
        }
        return CampaignDefinition(
            audience: audience, content: content,
            defaultLocale: try defaultLocale(object["default_locale"], among: content, path: "\(path).default_locale"),
            schedule: schedule,
            holdoutShare: try holdoutShare(object["holdout_share"], path: "\(path).holdout_share"),
            frequencyCap: try frequencyCap(object["frequency_cap"], path: "\(path).frequency_cap"),
            messagesPerSecond: try throttle(object["throttle"], path: "\(path).throttle"),
            attribution: try attribution(object["attribution"], path: "\(path).attribution"),
            costPerMessage: try cost(object["cost_per_message"], path: "\(path).cost_per_message"), experiment: experiment,
            quietHours: try quietHours(object["quiet_hours"], path: "\(path).quiet_hours"))
    }

    /// Reads the short form: one segment, one locale (`en`), every other part as its default.
    /// Errors name the short form's own fields (`segment_id`, `subject`, `body`).
    public static func parse(_ shorthand: CampaignShorthand, channel: CampaignChannel) throws -> CampaignDefinition {
        guard let segmentID = shorthand.segmentID else {
            throw invalid("segment_id", "is required: the segment or list to send to (or give a whole `definition`)")
        }
        try checkSegmentID(segmentID, path: "segment_id")
        let content = CampaignContent(subject: shorthand.subject, preheader: shorthand.preheader, body: shorthand.body, text: shorthand.text)
        try check(content, channel: channel, path: "")
        return CampaignDefinition(
            audience: CampaignAudience(segmentIDs: [segmentID]), content: [CampaignShorthand.locale: content],
            defaultLocale: CampaignShorthand.locale)
    }

    /// Where an audience's segment sits in a definition sent at `path`:
    /// `definition.audience.segment_ids[1]`, `definition.audience.exclusion_segment_ids[0]`.
    public static func segmentPath(index: Int, excluded: Bool, path: String = "definition") -> String {
        "\(path).audience.\(excluded ? "exclusion_segment_ids" : "segment_ids")[\(index)]"
    }

    /// A language (two or three small letters), optionally with a region (two capitals or
    /// three digits): `en`, `id`, `pt-BR`, `es-419`.
    public static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].utf8.count),
              parts[0].utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return false }
        guard parts.count == 2 else { return true }
        let region = parts[1].utf8
        return (region.count == 2 && region.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            || (region.count == 3 && region.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    }

    // MARK: Parts

    private static func audience(_ json: JSONValue?, path: String, required: Bool) throws -> CampaignAudience {
        guard case .object(let object)? = json else {
            throw invalid(path, "is required: an object with `segment_ids` (whom to send to) and optionally `exclusion_segment_ids`")
        }
        if let unknown = object.keys.sorted().first(where: { !["segment_ids", "exclusion_segment_ids"].contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key an audience takes")
        }
        let included = try segmentIDs(object["segment_ids"], path: "\(path).segment_ids", required: required)
        let excluded = try segmentIDs(object["exclusion_segment_ids"], path: "\(path).exclusion_segment_ids", required: false)
        if let index = excluded.firstIndex(where: included.contains) {
            throw invalid("\(path).exclusion_segment_ids[\(index)]", "is also a segment the campaign is sent to")
        }
        return CampaignAudience(segmentIDs: included, exclusionSegmentIDs: excluded)
    }

    private static func segmentIDs(_ json: JSONValue?, path: String, required: Bool) throws -> [String] {
        if !required, json == nil || json == .null { return [] }
        guard case .array(let items)? = json, items.count >= (required ? 1 : 0), items.count <= maximumSegments else {
            throw invalid(
                path, required
                    ? "is required: a list of 1 to \(maximumSegments) segment or list ids (`seg_…`)"
                    : "must be a list of at most \(maximumSegments) segment or list ids (`seg_…`)")
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let id) = item else { throw invalid("\(path)[\(index)]", "must be a segment's or list's id (`seg_…`)") }
            try checkSegmentID(id, path: "\(path)[\(index)]")
            if ids.contains(id) { throw invalid("\(path)[\(index)]", "names a segment listed already") }
            ids.append(id)
        }
        return ids
    }

    private static func checkSegmentID(_ id: String, path: String) throws {
        guard ResourceID.isValid(id, prefix: .segment) else { throw invalid(path, "must be a segment's or list's id (`seg_…`)") }
    }

    static func content(_ json: JSONValue?, channel: CampaignChannel, path: String, checking: Bool) throws -> [String: CampaignContent] {
        let parts = switch channel {
        case .email: "`subject` and a `body` or `text`"
        case .sms: "a `text`"
        case .whatsapp: "a `template` (`name`, `language`, `parameters`)"
        }
        guard case .object(let locales)? = json, (1...maximumLocales).contains(locales.count) else {
            throw invalid(path, "is required: an object of 1 to \(maximumLocales) locales (`en`, `id`, …), each with \(parts)")
        }
        var content: [String: CampaignContent] = [:]
        for (locale, value) in locales.sorted(by: { $0.key < $1.key }) {
            guard isLocale(locale) else {
                throw invalid(path, "`\(locale.prefix(40))` is not a locale: use a language code such as `en` or `id`, with a region if needed (`pt-BR`)")
            }
            let localePath = "\(path).\(locale)"
            guard case .object(let fields) = value else { throw invalid(localePath, "must be an object with \(parts)") }
            let item = try contentParts(fields, path: localePath)
            if checking { try check(item, channel: channel, path: localePath) }
            content[locale] = item
        }
        return content
    }

    /// One locale's content as written, each part a string or absent; unknown keys refused.
    private static func contentParts(_ fields: [String: JSONValue], path: String) throws -> CampaignContent {
        if let unknown = fields.keys.sorted().first(where: { !contentKeys.contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key content takes: `subject`, `preheader`, `body`, `text`, `template`")
        }
        func text(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw invalid("\(path).\(key)", "must be a string")
            }
        }
        return CampaignContent(
            subject: try text("subject"), preheader: try text("preheader"), body: try text("body"), text: try text("text"),
            template: try template(fields["template"], path: "\(path).template"))
    }

    /// A WhatsApp template as written: `{"name": …, "language": …, "parameters": [strings]}`.
    private static func template(_ json: JSONValue?, path: String) throws -> TemplateMessage? {
        switch json {
        case nil, .null?:
            return nil
        case .object(let object)?:
            if let unknown = object.keys.sorted().first(where: { !["name", "language", "parameters"].contains($0) }) {
                throw invalid("\(path).\(unknown)", "is not a key a template takes: `name`, `language`, `parameters`")
            }
            guard case .string(let name)? = object["name"], TemplateMessage.isName(name) else {
                throw invalid("\(path).name", "is required: the approved template's name (small letters, digits and _)")
            }
            guard case .string(let language)? = object["language"], TemplateMessage.isLanguage(language) else {
                throw invalid("\(path).language", "is required: the template's language code as Meta writes it (`en`, `en_US`, `id`)")
            }
            var parameters: [String] = []
            switch object["parameters"] {
            case nil, .null?:
                break
            case .array(let items)? where items.count <= TemplateMessage.maximumParameters:
                for (index, item) in items.enumerated() {
                    guard case .string(let parameter) = item, !parameter.trimmed.isEmpty, parameter.count <= TemplateMessage.maximumParameterLength,
                        !parameter.contains("\u{0}")
                    else {
                        throw invalid(
                            "\(path).parameters[\(index)]",
                            "must be a text of 1 to \(TemplateMessage.maximumParameterLength) characters (variables such as {{customer.first_name}} allowed)")
                    }
                    parameters.append(parameter)
                }
            default:
                throw invalid("\(path).parameters", "must be a list of at most \(TemplateMessage.maximumParameters) texts: the body's {{1}}, {{2}}, … in order")
            }
            return TemplateMessage(name: name, language: language, parameters: parameters)
        default:
            throw invalid(path, "must be an object with the approved template's `name` and `language`, and its body's `parameters`")
        }
    }

    /// The rules of one locale's content on the channel; `path` "" names the fields bare (the short form).
    private static func check(_ content: CampaignContent, channel: CampaignChannel, path: String) throws {
        func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        if channel.hasSubject {
            guard let subject = content.subject, !subject.trimmed.isEmpty else {
                throw invalid(field("subject"), "is required for an e-mail: 1 to \(maximumSubjectLength) characters")
            }
            try checkLine(subject, maximumLength: maximumSubjectLength, path: field("subject"))
            if let preheader = content.preheader { try checkLine(preheader, maximumLength: maximumPreheaderLength, path: field("preheader")) }
        } else {
            let whole = channel == .whatsapp ? "name the approved `template` instead" : "put the whole message in `text`"
            if content.subject != nil { throw invalid(field("subject"), "\(channel.label) messages have no subject: \(whole)") }
            if content.preheader != nil { throw invalid(field("preheader"), "\(channel.label) messages have no preheader") }
            if content.body != nil { throw invalid(field("body"), "\(channel.label) messages have no Markdown body: \(whole)") }
        }
        if channel != .email {
            let texts = [content.text].compactMap { $0 } + (content.template?.parameters ?? [])
            if texts.contains(where: { MessageTemplate.variableNames(in: $0).contains("recommendations") }) {
                throw invalid(field(channel == .sms ? "text" : "template"), "{{recommendations}} is a block of product cards for e-mail; \(channel.label) messages cannot show it")
            }
        }
        switch channel {
        case .email, .sms:
            if content.template != nil { throw invalid(field("template"), "only WhatsApp messages are templates") }
        case .whatsapp:
            if content.text != nil {
                throw invalid(field("text"), "a WhatsApp campaign sends an approved template (Meta allows nothing else to start a conversation): give `template`")
            }
            guard content.template != nil else {
                throw invalid(field("template"), "is required: the approved template's `name` and `language`, and its body's `parameters`")
            }
            return
        }
        if channel == .sms, let text = content.text, SMSSegments.count(text).segments > maximumSMSSegments {
            throw invalid(field("text"), "is \(SMSSegments.count(text).segments) SMS parts long; at most \(maximumSMSSegments) (each part is billed)")
        }
        for (key, value) in [("body", content.body), ("text", content.text)] {
            guard let value else { continue }
            if value.contains("\u{0}") { throw invalid(field(key), "must not contain NUL characters") }
            if value.count > maximumBodyLength { throw invalid(field(key), "must be at most \(maximumBodyLength) characters") }
        }
        guard !(content.body ?? "").trimmed.isEmpty || !(content.text ?? "").trimmed.isEmpty else {
            throw channel.hasSubject
                ? invalid(field("body"), "is required: the message in Markdown (`body`) or as plain text (`text`)")
                : invalid(field("text"), "is required: the message")
        }
    }

    /// A header's text: one line (a line break would start another header), within its length.
    private static func checkLine(_ text: String, maximumLength: Int, path: String) throws {
        if text.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) {
            throw invalid(path, "must be one line, without control characters")
        }
        if text.count > maximumLength { throw invalid(path, "must be at most \(maximumLength) characters") }
    }

    static func defaultLocale(_ json: JSONValue?, among content: [String: CampaignContent], path: String) throws -> String {
        switch json {
        case nil, .null?:
            guard content.count == 1, let only = content.keys.first else {
                throw invalid(path, "is required when the content has several locales: the one customers get when theirs is not among them")
            }
            return only
        case .string(let locale)? where content[locale] != nil:
            return locale
        default:
            throw invalid(path, "must be one of the content's locales: \(content.keys.sorted().joined(separator: ", "))")
        }
    }

    private static func schedule(_ json: JSONValue?, path: String) throws -> CampaignSchedule? {
        switch json {
        case nil, .null?:
            return nil
        case .object(let object)? where object.count == 1:
            if case .string(let text)? = object["at"] {
                guard let date = Timestamp.parse(text) else {
                    throw invalid("\(path).at", "must be an ISO 8601 date-time such as 2026-12-10T09:00:00Z")
                }
                return .at(date)
            }
            if case .string(let text)? = object["local_time"] {
                guard let time = CampaignLocalTime(text: text) else {
                    throw invalid("\(path).local_time", "must be a date and time on the recipients' clocks, `YYYY-MM-DDTHH:MM` (2026-12-10T09:00)")
                }
                return .localTime(time)
            }
        default:
            break
        }
        throw invalid(
            path, "must be null (sent by hand), `{\"at\": \"2026-12-10T09:00:00Z\"}` (one instant for everyone) or `{\"local_time\": \"2026-12-10T09:00\"}` (that time on each recipient's clock)")
    }

    static func quietHours(_ json: JSONValue?, path: String) throws -> Bool? {
        switch json {
        case nil, .null?: return nil
        case .bool(let keeps)?: return keeps
        default:
            throw invalid(path, "must be true (messages wait out each recipient's quiet hours), false, or null (on for SMS and WhatsApp, off for e-mail)")
        }
    }

    private static func holdoutShare(_ json: JSONValue?, path: String) throws -> Double {
        switch json {
        case nil, .null?:
            return CampaignDefinition.defaultHoldoutShare
        case .number(let share)? where share.isFinite && share >= 0 && share <= CampaignDefinition.maximumHoldoutShare:
            return share
        default:
            throw invalid(path, "must be a number from 0 to \(CampaignDefinition.maximumHoldoutShare): the share of the audience that gets nothing, as a baseline (0.05 unless given)")
        }
    }

    private static func frequencyCap(_ json: JSONValue?, path: String) throws -> FrequencyCap {
        switch json {
        case nil, .null?:
            return .standard
        case .object(let object)?:
            if let unknown = object.keys.sorted().first(where: { !["messages", "days"].contains($0) }) {
                throw invalid("\(path).\(unknown)", "is not a key a frequency cap takes: `messages`, `days`")
            }
            let messages = try whole(object["messages"], in: 1...maximumCapMessages, path: "\(path).messages")
            let days = try whole(object["days"], in: 1...maximumCapDays, path: "\(path).days")
            guard let cap = FrequencyCap(messages: messages, days: days) else { throw invalid(path, "must allow at least one message in at least one day") }
            return cap
        default:
            throw invalid(path, "must be an object such as `{\"messages\": 3, \"days\": 7}`: at most that many marketing messages in that many days, per customer and channel")
        }
    }

    private static func throttle(_ json: JSONValue?, path: String) throws -> Int? {
        switch json {
        case nil, .null?:
            return nil
        case .object(let object)?:
            if let unknown = object.keys.sorted().first(where: { $0 != "messages_per_second" }) {
                throw invalid("\(path).\(unknown)", "is not a key a throttle takes: `messages_per_second`")
            }
            return try whole(object["messages_per_second"], in: 1...maximumMessagesPerSecond, path: "\(path).messages_per_second")
        default:
            throw invalid(path, "must be null (as fast as the provider takes them) or an object such as `{\"messages_per_second\": 50}`")
        }
    }

    private static func attribution(_ json: JSONValue?, path: String) throws -> CampaignAttributionWindows {
        switch json {
        case nil, .null?:
            return .standard
        case .object(let object)?:
            if let unknown = object.keys.sorted().first(where: { !["click_days", "open_days"].contains($0) }) {
                throw invalid("\(path).\(unknown)", "is not a key attribution takes: `click_days`, `open_days`")
            }
            let maximum = CampaignAttributionWindows.maximumDays
            let click = object["click_days"] == nil ? CampaignAttributionWindows.standard.clickDays : try whole(object["click_days"], in: 0...maximum, path: "\(path).click_days")
            let open = object["open_days"] == nil ? CampaignAttributionWindows.standard.openDays : try whole(object["open_days"], in: 0...maximum, path: "\(path).open_days")
            return CampaignAttributionWindows(clickDays: click, openDays: open)
        default:
            throw invalid(path, "must be an object such as `{\"click_days\": 5, \"open_days\": 1}`: how many days after a click or an open an order counts as the campaign's")
        }
    }

    private static func cost(_ json: JSONValue?, path: String) throws -> CampaignMessageCost? {
        switch json {
        case nil, .null?:
            return nil
        case .object(let object)?:
            if let unknown = object.keys.sorted().first(where: { !["amount", "currency"].contains($0) }) {
                throw invalid("\(path).\(unknown)", "is not a key a cost takes: `amount`, `currency`")
            }
            guard case .number(let amount)? = object["amount"], amount.isFinite, amount >= 0, amount <= maximumCostPerMessage else {
                throw invalid("\(path).amount", "must be a number from 0 to \(Int(maximumCostPerMessage)): one message's price in the currency's major units (0.0008)")
            }
            guard case .string(let code)? = object["currency"], let currency = Currency.normalized(code) else {
                throw invalid("\(path).currency", "must be an ISO 4217 currency code such as `USD` or `IDR`")
            }
            return CampaignMessageCost(micros: Int64((amount * 1_000_000).rounded()), currency: currency)
        default:
            throw invalid(path, "must be null or an object such as `{\"amount\": 0.0008, \"currency\": \"USD\"}`: what one message costs to send")
        }
    }

    private static func experiment(
        _ json: JSONValue?, content: [String: CampaignContent], channel: CampaignChannel, path: String, checking: Bool
    ) throws
        -> CampaignExperiment?
    {
        switch json {
        case nil, .null?:
            return nil
        case .object(let object)?:
            let keys = ["variants", "test_share", "metric", "wait_hours", "confidence"]
            if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
                throw invalid("\(path).\(unknown)", "is not a key an experiment takes: \(keys.map { "`\($0)`" }.joined(separator: ", "))")
            }
            guard case .array(let items)? = object["variants"], (1...CampaignExperiment.maximumVariants).contains(items.count) else {
                throw invalid(
                    "\(path).variants",
                    "is required: 1 to \(CampaignExperiment.maximumVariants) variants besides the campaign's own content (`A`), each `{\"name\": \"B\", \"content\": {\"en\": {\"subject\": …}}}`")
            }
            var variants: [CampaignVariant] = []
            for (index, item) in items.enumerated() {
                let itemPath = "\(path).variants[\(index)]"
                guard case .object(let fields) = item, case .string(let name)? = fields["name"] else {
                    throw invalid(itemPath, "must be an object with a `name` and its `content` or `local_time`")
                }
                if let unknown = fields.keys.sorted().first(where: { !["name", "content", "local_time"].contains($0) }) {
                    throw invalid("\(itemPath).\(unknown)", "is not a key a variant takes: `name`, `content`, `local_time`")
                }
                guard (1...20).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
                    name != CampaignExperiment.controlName, !variants.contains(where: { $0.name == name })
                else {
                    throw invalid("\(itemPath).name", "must be 1 to 20 letters, digits, - or _, not `A` (the campaign's own content) and not a name used already")
                }
                let localTime = try variantTime(fields["local_time"], path: "\(itemPath).local_time")
                // A variant must change something: its content, its time, or both. One that
                // changes only its time is written back with an empty `content`.
                let contentFault = invalid(
                    "\(itemPath).content",
                    "is required unless the variant sends at its own `local_time`: per locale, the parts this variant changes (`subject`, `preheader`, `body`, `text`)")
                var locales: [String: JSONValue] = [:]
                switch fields["content"] {
                case .object(let given)?: locales = given
                case nil, .null?: break
                default: throw contentFault
                }
                guard !locales.isEmpty || localTime != nil else { throw contentFault }
                var changes: [String: CampaignContent] = [:]
                for (locale, value) in locales.sorted(by: { $0.key < $1.key }) {
                    let localePath = "\(itemPath).content.\(locale)"
                    guard let base = content[locale] else { throw invalid(localePath, "names a locale the campaign's content does not have") }
                    guard case .object(let parts) = value, !parts.isEmpty else { throw invalid(localePath, "must be an object with the parts this variant changes") }
                    let change = try contentParts(parts, path: localePath)
                    guard change != CampaignContent() else { throw invalid(localePath, "must change at least one part: `subject`, `preheader`, `body` or `text`") }
                    let variant = CampaignVariant(name: name, content: [locale: change])
                    if checking { try check(variant.applied(to: base, locale: locale), channel: channel, path: localePath) }
                    changes[locale] = change
                }
                variants.append(CampaignVariant(name: name, content: changes, localTime: localTime))
            }
            let testsSendTime = CampaignExperiment.testsSendTime(variants)
            let testShare: Double
            switch object["test_share"] {
            case nil, .null?: testShare = testsSendTime ? 1 : 0.2
            case .number(let share)? where testsSendTime && share == 1: testShare = share
            case .number(let share)? where !testsSendTime && share.isFinite && share >= 0.02 && share <= 1: testShare = share
            default:
                throw invalid(
                    "\(path).test_share",
                    testsSendTime
                        ? "must be 1 when a variant has a `local_time`: everyone is in a test of send time, since a winner found later could not go to the rest at its time (1 unless given)"
                        : "must be a number from 0.02 to 1: the share of the audience in the test (0.2 unless given)")
            }
            let metric: CampaignExperimentMetric
            switch object["metric"] {
            case nil, .null?: metric = .clickRate
            case .string(let name)?:
                guard let known = CampaignExperimentMetric(rawValue: name) else {
                    throw invalid("\(path).metric", "must be one of \(CampaignExperimentMetric.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                metric = known
            default: throw invalid("\(path).metric", "must be one of \(CampaignExperimentMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let wait = object["wait_hours"] == nil || object["wait_hours"] == .null ? 4 : try whole(object["wait_hours"], in: 0...CampaignExperiment.maximumWaitHours, path: "\(path).wait_hours")
            let confidence: Double
            switch object["confidence"] {
            case nil, .null?: confidence = 0.95
            case .number(let level)? where [0.8, 0.9, 0.95, 0.99].contains(level): confidence = level
            default: throw invalid("\(path).confidence", "must be 0.8, 0.9, 0.95 or 0.99")
            }
            return CampaignExperiment(variants: variants, testShare: testShare, metric: metric, waitHours: wait, confidence: confidence)
        default:
            throw invalid(path, "must be null or an object with `variants` (and optionally `test_share`, `metric`, `wait_hours`, `confidence`)")
        }
    }

    /// A variant's own send time, `HH:MM` on each recipient's clock; nil when it has none.
    private static func variantTime(_ json: JSONValue?, path: String) throws -> CampaignTimeOfDay? {
        switch json {
        case nil, .null?:
            return nil
        case .string(let text)?:
            if let time = CampaignTimeOfDay(text: text) { return time }
        default:
            break
        }
        throw invalid(path, "must be a time on each recipient's own clock, `HH:MM` in 24 hours (18:00), or null for the campaign's own timing")
    }

    /// A whole number within `range`, else a 422 at `path` (journeys read theirs with it too).
    static func whole(_ json: JSONValue?, in range: ClosedRange<Int>, path: String) throws -> Int {
        guard case .number(let number)? = json, number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw invalid(path, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    private static func invalid(_ field: String, _ message: String) -> RapportError {
        .invalid(field: field, message)
    }
}
