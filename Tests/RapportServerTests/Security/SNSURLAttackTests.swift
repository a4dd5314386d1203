import Foundation
import RapportChannels
import RapportCore
import Testing

/// Server-side request forgery through Amazon SNS's fields: anyone can post a message to the
/// event webhook, and its `SigningCertURL` is not even signed, so Rapport calls only Amazon SNS's
/// own hosts, and only URLs it wrote again from their checked parts.
@Suite("Security: Amazon SNS URLs")
struct SNSURLAttackTests {
    static let name = "SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem"

    @Test("only https URLs of Amazon SNS's hosts (sns. and a real region's shape) pass, written back from their parts; S3 buckets named sns, look-alike hosts, other schemes, ports, credentials, paths and queries do not")
    func onlySNSHosts() {
        #expect(SNSURL.certificate("https://sns.us-east-1.amazonaws.com/\(Self.name)") == "https://sns.us-east-1.amazonaws.com/\(Self.name)")
        #expect(SNSURL.certificate("https://sns.cn-north-1.amazonaws.com.cn/\(Self.name)") == "https://sns.cn-north-1.amazonaws.com.cn/\(Self.name)")
        #expect(SNSURL.certificate("https://SNS.US-GOV-WEST-1.AMAZONAWS.COM/\(Self.name)") == "https://sns.us-gov-west-1.amazonaws.com/\(Self.name)")
        for region in ["eu-central-1", "ap-southeast-2", "me-central-1", "il-central-1", "ca-west-1", "us-gov-east-1"] {
            #expect(SNSURL.isSNSHost("sns.\(region).amazonaws.com"), "\(region)")
        }
        for url in [
            "http://sns.us-east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1.amazonaws.com.evil.example/\(Self.name)",
            "https://sns.us-east-1.evil.amazonaws.com/\(Self.name)",
            "https://evil.example/sns.us-east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1.amazonaws.com@169.254.169.254/\(Self.name)",
            "https://user@sns.us-east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1.amazonaws.com:8443/\(Self.name)",
            "https://sns.amazonaws.com/\(Self.name)",
            "https://sqs.us-east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1.amazonaws.com/\(Self.name)?redirect=http://127.0.0.1/",
            "https://sns.us-east-1.amazonaws.com/\(Self.name)#fragment",
            "https://sns.us-east-1.amazonaws.com/../\(Self.name)",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-../../latest/meta-data.pem",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-.pem",
            "https://sns.us-east-1.amazonaws.com/\(Self.name)\\@evil.example",
            "https://sns.us-east-1.amazonaws.com/ \(Self.name)",
            "https://sns.us-east-1.amazonaws.com/latest/meta-data/",
            // S3 serves any bucket named "sns" under these names, over https with Amazon's certificate.
            "https://sns.s3.amazonaws.com/\(Self.name)",
            "https://sns.s3-us-west-2.amazonaws.com/\(Self.name)",
            "https://sns.s3-external-1.amazonaws.com/\(Self.name)",
            "https://sns.s3.us-west-2.amazonaws.com/\(Self.name)",
            "https://sns.s3-website-us-east-1.amazonaws.com/\(Self.name)",
            "https://sns.s3.cn-north-1.amazonaws.com.cn/\(Self.name)",
            // Other services' hosts and region look-alikes under amazonaws.com.
            "https://sns.execute-api.amazonaws.com/\(Self.name)",
            "https://sns.elb.amazonaws.com/\(Self.name)",
            "https://sns.compute-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1a.amazonaws.com/\(Self.name)",
            "https://sns.use-east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1-.amazonaws.com/\(Self.name)",
            "https://sns.us--east-1.amazonaws.com/\(Self.name)",
            "https://sns.us-east-1.amazonaws.com.cn/\(Self.name)",
            "https://sns.cn-north-1.amazonaws.com/\(Self.name)",
            "file:///etc/passwd",
            "",
        ] {
            #expect(SNSURL.certificate(url) == nil, "\(url)")
        }

        let confirm = "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37"
        #expect(SNSURL.subscription(confirm) == confirm)
        for url in [
            "https://evil.example/?Action=ConfirmSubscription&Token=x",
            "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
            "https://sns.us-west-2.amazonaws.com/elsewhere?Action=ConfirmSubscription",
            "https://sns.us-west-2.amazonaws.com:444/?Action=ConfirmSubscription",
            "http://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription",
            "https://sns.s3.amazonaws.com/?Action=ConfirmSubscription&Token=x",
            "https://sns.s3-us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=x",
        ] {
            #expect(SNSURL.subscription(url) == nil, "\(url)")
        }
    }

    @Test("the SNS client itself refuses any other URL and calls nothing, even where private targets are allowed")
    func clientRefuses() async throws {
        let server = try await FakeProvider.start()
        defer { server.stop() }
        let client = HTTPSNSClient(http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: true)))
        await #expect(throws: SNSError.self) { _ = try await client.certificate(at: "\(server.baseURL)/\(Self.name)") }
        await #expect(throws: SNSError.self) { try await client.confirmSubscription(at: "\(server.baseURL)/?Action=ConfirmSubscription&Token=x") }
        #expect(server.requests.isEmpty)
    }
}
