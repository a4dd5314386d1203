import Foundation
import RapportCore

/// Campaign e-mail the way each inbox sends it (its `email_provider`, `EmailProvider`): through
/// its SMTP server (`SMTPCampaignTransport`), or through the HTTP API of Amazon SES, SendGrid,
/// Mailgun or Postmark (`HTTPCampaignTransport`). The transport the server, the worker, the
/// benchmark and test sends use.
public struct ProviderRoutingCampaignTransport: CampaignEmailTransport {
    let smtp: SMTPCampaignTransport
    let http: OutboundHTTP

    /// `http` is the door every provider request goes through (the SSRF-safe client).
    public init(smtp: SMTPCampaignTransport, http: OutboundHTTP) {
        self.smtp = smtp
        self.http = http
    }

    public func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date, deadline: Duration) async -> [CampaignDeliveryOutcome] {
        guard let provider = EmailProvider(settings: inbox.settings) else {
            // Saving such an inbox is refused; only a setting stored some other way gets here.
            let known = EmailProvider.allCases.map(\.rawValue).joined(separator: ", ")
            return emails.map { _ in .deferred("The inbox's email_provider names no provider Rapport knows; set it to one of \(known).") }
        }
        guard let api = Self.api(of: provider) else {
            return await smtp.deliver(emails, through: inbox, at: date, deadline: deadline)
        }
        return await HTTPCampaignTransport(api: api, http: http).deliver(emails, through: inbox, at: date, deadline: deadline)
    }

    /// The provider's HTTP API; nil for SMTP.
    static func api(of provider: EmailProvider) -> (any CampaignEmailAPI)? {
        switch provider {
        case .smtp: return nil
        case .ses: return SESCampaignAPI()
        case .sendgrid: return SendGridCampaignAPI()
        case .mailgun: return MailgunCampaignAPI()
        case .postmark: return PostmarkCampaignAPI()
        }
    }
}
