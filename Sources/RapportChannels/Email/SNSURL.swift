import Foundation

/// The only URLs Rapport calls on behalf of an Amazon SNS message, whose `SigningCertURL` and
/// `SubscribeURL` anyone posting to the webhook can write: Amazon SNS's own hosts,
/// `sns.<region>.amazonaws.com` (or `.amazonaws.com.cn`), over https on the default port, with
/// no credentials. A URL that passes is written again from its checked parts, so what is
/// fetched is exactly what was checked.
public enum SNSURL {
    /// `https://sns.<region>.amazonaws.com/SimpleNotificationService-<hex>.pem`, as it will be
    /// fetched; nil for any other URL.
    public static func certificate(_ text: String) -> String? {
        guard let parsed = parts(text), parsed.components.percentEncodedQuery == nil else { return nil }
        let path = parsed.components.percentEncodedPath
        let prefix = "/SimpleNotificationService-"
        let suffix = ".pem"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let name = path.dropFirst(prefix.count).dropLast(suffix.count)
        guard name.count <= 64, name.unicodeScalars.allSatisfy(isHexDigit) else { return nil }
        return "https://\(parsed.host)\(path)"
    }

    /// `https://sns.<region>.amazonaws.com/?Action=ConfirmSubscription&…`, as it will be
    /// called; nil for any other URL.
    public static func subscription(_ text: String) -> String? {
        guard let parsed = parts(text), parsed.components.percentEncodedPath == "/" || parsed.components.percentEncodedPath.isEmpty,
            let query = parsed.components.percentEncodedQuery,
            parsed.components.queryItems?.contains(where: { $0.name == "Action" && $0.value == "ConfirmSubscription" }) == true
        else { return nil }
        return "https://\(parsed.host)/?\(query)"
    }

    /// Whether a host name is one of Amazon SNS's: `sns.` and a region (`us-east-1`,
    /// `us-gov-west-1`) under `amazonaws.com`, or a China region (`cn-north-1`) under
    /// `amazonaws.com.cn`. Only the shape of a real region passes: S3's virtual-hosted buckets
    /// are hosts under `amazonaws.com` too (`sns.s3.amazonaws.com`,
    /// `sns.s3-us-west-2.amazonaws.com` serve the bucket named `sns`, which anyone may own).
    public static func isSNSHost(_ host: String) -> Bool {
        let host = host.lowercased()
        guard host.hasPrefix("sns.") else { return false }
        if host.hasSuffix(".amazonaws.com.cn") {
            let region = host.dropFirst(4).dropLast(".amazonaws.com.cn".count)
            return region.hasPrefix("cn-") && isRegion(region)
        }
        if host.hasSuffix(".amazonaws.com") {
            let region = host.dropFirst(4).dropLast(".amazonaws.com".count)
            return !region.hasPrefix("cn-") && isRegion(region)
        }
        return false
    }

    /// An AWS region's shape: two letters, an optional `gov` or `iso…` partition, a direction
    /// and a number (`eu-central-1`, `us-gov-west-1`, `us-isob-east-1`); nothing starting with
    /// `s3`, nothing with a dot.
    static func isRegion(_ region: Substring) -> Bool {
        guard !region.hasPrefix("s3"), region.count <= 32 else { return false }
        let labels = region.split(separator: "-", omittingEmptySubsequences: false)
        guard labels.count == 3 || labels.count == 4 else { return false }
        func letters(_ label: Substring) -> Bool { !label.isEmpty && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
        guard labels[0].count == 2, letters(labels[0]) else { return false }
        if labels.count == 4 {
            let partition = labels[1]
            guard partition == "gov" || (partition.hasPrefix("iso") && partition.count <= 4 && letters(partition)) else { return false }
        }
        let direction = labels[labels.count - 2]
        let number = labels[labels.count - 1]
        return letters(direction) && (1...2).contains(number.count) && number.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The lower-cased host and the parsed URL, when it is https to an SNS host on the default
    /// port, without credentials or a fragment, in plain visible ASCII.
    private static func parts(_ text: String) -> (host: String, components: URLComponents)? {
        guard text.utf8.count <= 2048, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
            let components = URLComponents(string: text), components.scheme?.lowercased() == "https",
            components.user == nil, components.password == nil, components.port == nil, components.fragment == nil,
            let host = components.host?.lowercased(), isSNSHost(host)
        else { return nil }
        return (host, components)
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }
}
