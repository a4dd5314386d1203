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

    static func skipReason(_ reason: CampaignSkipReason) -> String {
        switch reason {
        case .excluded: "In a segment left out"
        case .noAddress: "No e-mail address"
        case .noConsent: "No consent to marketing e-mail (never asked, denied, withdrawn or expired)"
        case .paused: "Paused messages on the preference centre"
        case .frequencyCap: "Reached the frequency cap, or their own choice of how often"
        case .suppressed: "Address suppressed (a hard bounce or a complaint)"
        case .gone: "Deleted or merged away before their message went"
        }
    }

    /// `5%`, `2.5%`.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
