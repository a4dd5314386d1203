import ArgumentParser
import Foundation

/// The address shops and browsers reach this Rapport at, for the URLs it hands out.
struct PublicURLOption: ParsableArguments {
    @Option(help: "Public base URL of this Rapport, e.g. https://crm.example.com (env RAPPORT_PUBLIC_URL)")
    var publicURL: String = ProcessInfo.processInfo.environment["RAPPORT_PUBLIC_URL"] ?? "http://127.0.0.1:8080"

    var base: String { publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
}
