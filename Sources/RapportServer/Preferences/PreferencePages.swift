import Foundation
import Hummingbird
import RapportCore

/// The pages a customer reaches from the store's messages, without a password: the
/// preference centre (`/preferences/{token}`) and unsubscribing (`/unsubscribe/{token}`,
/// which also takes RFC 8058's one-click `POST` with `List-Unsubscribe=One-Click`). The signed
/// token is the only credential; a forged one is a 404 and an expired one a 410.
struct PreferencePages {
    let preferences: PreferenceService
    let pages: WebPages

    static let pauseChoices = [30, 90, 180]

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get(RouterPath(SiteURL.route("token", SiteURL.preferences)), use: show)
        group.post(RouterPath(SiteURL.route("token", SiteURL.preferences)), use: save)
        group.post(RouterPath(SiteURL.route("token", SiteURL.preferencesReward)), use: takeReward)
        group.get(RouterPath(SiteURL.route("token", SiteURL.unsubscribe)), use: confirm)
        group.post(RouterPath(SiteURL.route("token", SiteURL.unsubscribe)), use: unsubscribe)
    }

    @Sendable func show(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let centre = try await preferences.centre(token: token)
        let taken = request.uri.queryParameters.get("taken").map { String($0) }.flatMap { ResourceID.isValid($0, prefix: .loyaltyReward) ? $0 : nil }
        return try await render(centre, token: token, request: request, context: context, saved: false, takenID: taken)
    }

    /// `reward`: the key of the reward the customer takes for their points; then back to the
    /// page (a reload takes nothing more), which shows the code. Refused beyond their points
    /// (409) or for a reward no longer offered (422), said on the page in their language.
    @Sendable func takeReward(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await WebForm.read(request, context: context, checkingCSRF: false)
        let lang = form["lang"].flatMap { $0.isEmpty ? nil : "lang=" + (PreferenceWording.choose(asked: $0, locale: nil).lang) }
        let status: HTTPResponse.Status
        do {
            let code = try await preferences.takeReward(
                token: token, rewardKey: form["reward"] ?? "", witness: .person(request, peerAddress: context.peerAddress))
            let query = ["taken=" + code.id, lang].compactMap { $0 }.joined(separator: "&")
            return WebRedirect.to(SiteURL.preferences(token: token).path + "?" + query + "#points")
        } catch RapportError.conflict {
            status = .conflict
        } catch RapportError.invalid {
            status = .unprocessableContent
        }
        // Said as the page now stands: a reward beyond their points, or one not offered (any
        // other refusal, rarer, is said as the latter).
        let points = try? await preferences.points(token: token)
        let reward = points?.rewards.first { $0.key == form["reward"] }
        let beyond = reward.map { $0.points > (points?.account.balance.balance ?? 0) } ?? false
        let refusal: (PointsWording) -> String = beyond ? { $0.notEnough } : { $0.unknownReward }
        let centre = try await preferences.centre(token: token)
        return try await render(
            centre, token: token, request: request, context: context, saved: false, asked: form["lang"], refusal: refusal, status: status)
    }

    @Sendable func save(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await WebForm.read(request, context: context, checkingCSRF: false).decode(PreferenceForm.self)
        let shown = try await preferences.centre(token: token)
        let wording = PreferenceWording.choose(asked: form.lang, locale: shown.locale)
        var granted = Set<PreferenceChoices.Pair>()
        var words: [PreferenceChoices.Pair: String] = [:]
        for value in form.grant ?? [] {
            let parts = value.split(separator: ":").map(String.init)
            guard parts.count == 2, let channel = ConsentChannel(rawValue: parts[1]), shown.channels.contains(channel),
                shown.purposes.contains(ConsentPurpose(rawValue: parts[0]))
            else { throw RapportError.invalid(field: "grant", "names a purpose or channel this page does not offer") }
            granted.insert(PreferenceChoices.Pair(purpose: ConsentPurpose(rawValue: parts[0]), channel: channel))
        }
        for purpose in shown.purposes {
            for channel in shown.channels {
                words[PreferenceChoices.Pair(purpose: purpose, channel: channel)] = wording.wording(purpose, channel)
            }
        }
        let centre = try await preferences.save(
            token: token, choices: PreferenceChoices(granted: granted, wording: words, frequency: form.frequency ?? .any, pauseDays: form.pauseDays),
            witness: .person(request, peerAddress: context.peerAddress))
        return try await render(centre, token: token, request: request, context: context, saved: true, asked: form.lang)
    }

    @Sendable func confirm(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let name = try await preferences.firstName(unsubscribeToken: token)
        return try renderUnsubscribe(token: token, name: name, request: request, context: context, done: false)
    }

    /// RFC 8058: a `POST` whose body is `List-Unsubscribe=One-Click` (a mail client's button)
    /// unsubscribes at once and answers 200 with no further step; the page's own button posts
    /// here too.
    @Sendable func unsubscribe(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await WebForm.read(request, context: context, checkingCSRF: false)
        let name = try await preferences.firstName(unsubscribeToken: token)
        let wording = PreferenceWording.choose(asked: form["lang"], locale: nil)
        try await preferences.unsubscribe(
            token: token, witness: .person(request, peerAddress: context.peerAddress),
            wording: form["List-Unsubscribe"] == "One-Click" ? "One-click unsubscribe (RFC 8058): " + wording.unsubscribeWording : wording.unsubscribeWording,
            sendID: Self.sendID(request))
        return try renderUnsubscribe(token: token, name: name, request: request, context: context, done: true, asked: form["lang"])
    }

    private func render(
        _ centre: PreferenceCentre, token: String, request: Request, context: RapportRequestContext, saved: Bool, asked: String? = nil,
        takenID: String? = nil, refusal: ((PointsWording) -> String)? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let words = PreferenceWording.choose(asked: asked ?? request.uri.queryParameters.get("lang"), locale: centre.locale)
        let action = SiteURL.preferences(token: token).path
        var view = PreferenceCentrePageView(
            lang: words.lang, action: action, otherLanguageHref: action + "?lang=" + words.otherLang, otherLanguageName: words.otherLangName,
            heading: words.title, greeting: centre.firstName.map { words.greetingNamed.replacingOccurrences(of: "%@", with: $0) } ?? words.greeting,
            intro: words.intro, purposeHeading: words.purposeHeading, channels: centre.channels.map(words.channelName),
            purposes: centre.purposes.map { purpose in
                PreferenceCentrePageView.Purpose(
                    name: words.purposeName(purpose), description: words.purposes[purpose.rawValue]?.description,
                    boxes: centre.channels.map { channel in
                        PreferenceCentrePageView.Box(
                            value: "\(purpose.rawValue):\(channel.rawValue)", id: "grant-\(purpose.rawValue)-\(channel.rawValue)",
                            channel: words.channelName(channel), checked: centre.grants(purpose, by: channel))
                    })
            },
            frequencyHeading: words.frequencyHeading,
            frequencies: ContactFrequency.allCases.map {
                ChoiceView(value: $0.rawValue, label: words.frequencies[$0], selected: centre.preferences.frequency == $0)
            },
            pauseHeading: words.pauseHeading,
            pauses: pauses(centre, words),
            pausedUntil: pausedUntil(centre),
            save: words.save, saved: saved ? words.saved : nil, serviceNote: words.serviceNote)
        // The points are a part of the page: should they not read, the consent choices still show.
        if let points = try? await preferences.points(token: token) {
            let pointWords = PointsWording.of(words)
            view.points = CustomerPointsView(
                points, words: pointWords, action: SiteURL.preferencesReward(token: token).path, takenID: takenID, now: centre.now)
            view.points?.error = refusal.map { $0(pointWords) }
        }
        return try pages.render("preferences", context, title: words.title, section: "preferences", view: view, status: status)
    }

    /// A pause running now is kept unless the customer chooses otherwise.
    private func pauses(_ centre: PreferenceCentre, _ words: PreferenceWording) -> [ChoiceView] {
        let keep = pausedUntil(centre).map { [ChoiceView(value: "", label: words.keepPause.replacingOccurrences(of: "%@", with: $0), selected: true)] } ?? []
        return keep + [ChoiceView(value: "0", label: words.pauseNone, selected: keep.isEmpty)]
            + Self.pauseChoices.map { ChoiceView(value: String($0), label: words.pauseDays.replacingOccurrences(of: "%@", with: String($0))) }
    }

    private func pausedUntil(_ centre: PreferenceCentre) -> String? {
        centre.preferences.isPaused(at: centre.now) ? centre.preferences.pausedUntil.map(WebFormat.day) : nil
    }

    /// The campaign send an unsubscribe link came in (`?send=snd_…`), when well-formed.
    private static func sendID(_ request: Request) -> String? {
        request.uri.queryParameters.get("send").map { String($0) }.flatMap { ResourceID.isValid($0, prefix: .campaignSend) ? $0 : nil }
    }

    private func renderUnsubscribe(
        token: String, name: String?, request: Request, context: RapportRequestContext, done: Bool, asked: String? = nil
    ) throws -> Response {
        let words = PreferenceWording.choose(asked: asked ?? request.uri.queryParameters.get("lang"), locale: nil)
        let view = UnsubscribePageView(
            lang: words.lang, action: SiteURL.unsubscribe(token: token).path + (Self.sendID(request).map { "?send=" + $0 } ?? ""),
            heading: words.unsubscribeTitle,
            greeting: name.map { words.greetingNamed.replacingOccurrences(of: "%@", with: $0) } ?? words.greeting,
            question: words.unsubscribeQuestion, button: words.unsubscribeButton, done: done ? words.unsubscribed : nil)
        return try pages.render("unsubscribe", context, title: words.unsubscribeTitle, section: "preferences", view: view)
    }
}
