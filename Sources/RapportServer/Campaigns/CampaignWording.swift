import RapportCore

/// How the workspace's pages name a campaign's status, channel and the reasons members of its
/// audience were left out.
enum CampaignWording {
    static func status(_ status: CampaignStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .scheduled: "Scheduled"
        case .sending: "Sending"
        case .paused: "Paused"
        case .sent: "Sent"
        case .cancelled: "Cancelled"
        }
    }

    static func channel(_ channel: CampaignChannel) -> String {
        switch channel {
        case .email: "E-mail"
        case .sms: "SMS"
        case .whatsapp: "WhatsApp"
        }
    }

    /// Why members were left out, in the words of the campaign's channel.
    static func skipReason(_ reason: CampaignSkipReason, channel: CampaignChannel) -> String {
        switch reason {
        case .excluded: "In a segment left out"
        case .noAddress:
            switch channel {
            case .email: "No e-mail address"
            case .sms: "No phone number"
            case .whatsapp: "No WhatsApp id or phone number"
            }
        case .noConsent: "No consent to marketing by \(channel.label) (never asked, denied, withdrawn or expired)"
        case .paused: "Paused messages on the preference centre"
        case .frequencyCap: "Reached the frequency cap, or their own choice of how often"
        case .suppressed: channel == .email ? "Address suppressed (a hard bounce or a complaint)" : "Number suppressed (a STOP reply)"
        case .gone: "Deleted or merged away before their message went"
        }
    }

    /// `5%`, `2.5%`.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
