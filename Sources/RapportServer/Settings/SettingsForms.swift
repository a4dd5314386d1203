import Foundation
import RapportCore

/// The forms of the settings page, as `WebFormDecoder` reads them.
extension SettingsPages {
    struct InviteForm: Decodable {
        let email: String?
        let name: String?
        let role: UserRole
        /// The teams ticked (`team_id`, repeated).
        let teamID: [String]
    }

    struct RoleForm: Decodable {
        let userID: String
        let role: UserRole
    }

    /// A user's password reset, or their deactivation (`active` unticked) and return.
    struct UserForm: Decodable {
        let userID: String
        let active: Bool
    }

    struct TeamForm: Decodable {
        let name: String?
        let memberID: [String]
    }

    struct MemberForm: Decodable {
        let memberID: String?
        let teamID: String?
    }

    /// A new inbox, or an edit of one (`id`). Settings come as `key=value`, one per line
    /// (`key=` with nothing removes one when editing).
    struct InboxForm: Decodable {
        let id: String
        let channel: InboxChannel?
        let name: String?
        let settings: String
        let teamID: String?
        let slaPolicyID: String?

        func settingLines() throws -> [String: String] {
            var lines: [String: String] = [:]
            for (index, line) in settings.split(whereSeparator: \.isNewline).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw RapportError.invalid(field: "settings", "line \(index + 1) must be key=value")
                }
                lines[parts[0]] = parts[1]
            }
            return lines
        }
    }

    /// A new connected shop, a new signing secret for one (`id`), or its removal.
    struct SourceForm: Decodable {
        let id: String
        let kind: SourceKind?
        let name: String?
        let secret: String
    }

    /// A new key (`kind`: `secret` or `write`), or the revocation of one (`id`).
    struct KeyForm: Decodable {
        let id: String
        let name: String?
        let kind: String?
    }

    struct CannedForm: Decodable {
        let code: String?
        let content: String?
    }

    /// Targets in minutes (first and next response) and hours (resolution); business hours as
    /// a time zone, the chosen weekdays (`day`, 1 = Sunday) and one window.
    struct SLAPolicyForm: Decodable {
        let name: String?
        let firstResponseMinutes: Int?
        let nextResponseMinutes: Int?
        let resolutionHours: Int?
        let day: [Int]
        let opens: String?
        let closes: String?
        let timeZone: String?

        struct Targets {
            let firstResponseSeconds: Int?
            let nextResponseSeconds: Int?
            let resolutionSeconds: Int?
            let businessHours: BusinessHours?
        }

        func policy() throws -> Targets {
            var problems: [FieldError] = []
            func positive(_ value: Int?, _ field: String, scale: Int) -> Int? {
                guard let value else { return nil }
                guard value > 0 else {
                    problems.append(FieldError(field: field, message: "must be a whole number above 0"))
                    return nil
                }
                return value * scale
            }
            func minutes(_ text: String?, _ field: String) -> Int? {
                guard let text else { return nil }
                let parts = text.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, (0...24).contains(parts[0]), (0...59).contains(parts[1]) else {
                    problems.append(FieldError(field: field, message: "must be a time such as 09:00"))
                    return nil
                }
                return parts[0] * 60 + parts[1]
            }
            let first = positive(firstResponseMinutes, "first_response_minutes", scale: 60)
            let next = positive(nextResponseMinutes, "next_response_minutes", scale: 60)
            let resolution = positive(resolutionHours, "resolution_hours", scale: 3600)
            var hours: BusinessHours?
            if !day.isEmpty, let start = minutes(opens, "opens"), let end = minutes(closes, "closes") {
                let window = BusinessHours.Window(start: start, end: end)
                hours = BusinessHours(timeZone: timeZone ?? "UTC", days: Dictionary(day.map { ($0, window) }) { first, _ in first })
            }
            guard problems.isEmpty else { throw RapportError.invalid(problems) }
            return Targets(firstResponseSeconds: first, nextResponseSeconds: next, resolutionSeconds: resolution, businessHours: hours)
        }
    }

    /// A new outgoing webhook (`url`, the ticked `event`s), or the removal of one (`id`).
    struct WebhookForm: Decodable {
        let id: String
        let url: String?
        let event: [String]
    }
}
