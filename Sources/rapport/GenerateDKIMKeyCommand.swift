import ArgumentParser
import RapportChannels
import RapportCore
import RapportServer

struct GenerateDKIMKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make a new DKIM key for an e-mail inbox and store it (sealed) with the domain and selector; the DNS TXT value is printed alone on the last line.",
        discussion: """
            Publish the printed value as a TXT record at SELECTOR._domainkey.DOMAIN before the inbox sends
            campaigns: receivers check each message's signature against it. A new selector lets the old
            key stay published while mail signed with it is still on its way.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The e-mail inbox (inb_…)")
    var inbox: String

    @Option(help: "The signing domain (d=), the domain of the inbox's address or one it belongs to")
    var domain: String

    @Option(help: "The selector (s=), e.g. rapport2026")
    var selector: String

    @Option(help: "rsa-sha256 (2048 bits, every receiver checks it) or ed25519-sha256 (RFC 8463)")
    var algorithm: String = DKIMAlgorithm.rsaSHA256.rawValue

    @Option(help: "Workspace id (default: the default workspace)")
    var workspace: String?

    func run() async throws {
        guard let algorithm = DKIMAlgorithm(rawValue: algorithm) else {
            throw ValidationError("--algorithm must be \(DKIMAlgorithm.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        let domain = domain.lowercased()
        let selector = selector.lowercased()
        let key = try DKIMKey.generate(algorithm)
        // Checks the domain and selector as the signer will.
        do {
            _ = try DKIMSigner(domain: domain, selector: selector, key: key)
        } catch {
            throw ValidationError("\(error)")
        }
        let updated = try await database.withServices(workspace: workspace) { services, workspaceID in
            let actor = Actor.operator(workspaceID: workspaceID)
            guard let found = try await services.inboxes.inboxes(as: actor).first(where: { $0.id == inbox }), found.channel == .email else {
                throw ValidationError("No e-mail inbox \(inbox) in this workspace (rapport inboxes list shows them)")
            }
            if let address = found[.address], let addressDomain = address.split(separator: "@").last.map({ $0.lowercased() }),
                addressDomain != domain && !addressDomain.hasSuffix("." + domain)
            {
                throw ValidationError("The inbox sends from \(address); DMARC aligns a signature of \(domain) only with that domain or a parent of it")
            }
            return try await services.inboxes.updateInbox(
                id: found.id, name: found.name,
                settingChanges: [
                    InboxSetting.dkimDomain.rawValue: domain, InboxSetting.dkimSelector.rawValue: selector,
                    InboxSetting.dkimPrivateKey.rawValue: key.pemRepresentation,
                ],
                teamID: found.teamID, slaPolicyID: found.slaPolicyID, as: actor)
        }
        print("Stored a new \(algorithm.rawValue) key for \(updated.id) (\(updated.name)). Publish this TXT record at \(DKIMDNSRecord.name(selector: selector, domain: domain)):")
        if algorithm == .ed25519SHA256 {
            // RFC 8463 signatures are checked by few receivers yet; one they cannot check counts as unsigned.
            print("Note: many receivers (Gmail among them) do not check ed25519-sha256 yet; mail signed only with it looks unsigned to them. rsa-sha256 is the safe choice.")
        }
        print(key.dnsRecord.text)
    }
}
