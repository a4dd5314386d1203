/// How long after a click or an open an order still counts as the campaign's: 5 days after a
/// click and 1 day after an open unless the campaign says otherwise (`definition.attribution`).
/// A window of 0 days leaves that kind of touch out: `open_days: 0` attributes on clicks alone,
/// which is what a shop wants when Apple Mail's privacy protection opens every message.
public struct CampaignAttributionWindows: Sendable, Equatable {
    public static let standard = CampaignAttributionWindows(clickDays: 5, openDays: 1)
    public static let maximumDays = 90

    public var clickDays: Int
    public var openDays: Int

    public init(clickDays: Int, openDays: Int) {
        self.clickDays = clickDays
        self.openDays = openDays
    }

    /// The window after a touch of this kind, in seconds.
    public func seconds(after kind: CampaignEngagement) -> Double {
        Double(kind == .click ? clickDays : openDays) * 86_400
    }

    /// How many days after the message the holdout comparison counts orders: the longer
    /// window, at least a day.
    public var liftDays: Int { max(clickDays, openDays, 1) }

    /// The longest click window and the longest open window of `windows` (0 days each when
    /// there are none): a bound that holds every one of them, to read what any might attribute.
    public static func widest(_ windows: some Sequence<CampaignAttributionWindows>) -> CampaignAttributionWindows {
        windows.reduce(CampaignAttributionWindows(clickDays: 0, openDays: 0)) {
            CampaignAttributionWindows(clickDays: max($0.clickDays, $1.clickDays), openDays: max($0.openDays, $1.openDays))
        }
    }

    public var json: JSONValue {
        .object(["click_days": .number(Double(clickDays)), "open_days": .number(Double(openDays))])
    }
}
