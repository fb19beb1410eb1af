import Foundation
import Testing

@testable import IntegrationPatterns

/// Sign-then-verify properties over random secrets and bodies, for every scheme.
@Suite("Webhook sign/verify round trips")
struct WebhookRoundTripTests {
    static let generic = WebhookScheme.generic(
        GenericHMACScheme(
            signatureHeader: "X-Signature", signaturePrefix: "sha256=", encoding: .base64,
            signedContent: "{id}:{timestamp}:{body}:end", timestampHeader: "X-Timestamp", idHeader: "X-Id"))

    static let schemes: [WebhookScheme] = WebhookScheme.named + [generic]

    /// A secret of the right shape for signing and the matching one for verifying.
    static func secrets(for scheme: WebhookScheme, _ random: inout SplitMix64) -> (sign: String, verify: String) {
        let bytes = (0..<Int.random(in: 24...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        switch scheme {
        case .standardWebhooks:
            return ("whsec_" + Base64.encode(bytes), "whsec_" + Base64.encode(bytes))
        case .standardWebhooksEd25519:
            let seed = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
            let publicKey = Ed25519.PrivateKey(seed: seed)!.publicKey
            return ("whsk_" + Base64.encode(seed), "whpk_" + Base64.encode(publicKey))
        default:
            let text = String(bytes.map { Character(UnicodeScalar(0x21 + $0 % 94)) })
            return (text, text)
        }
    }

    @Test(
        "whatever the secret and body, a signed delivery verifies, and any change to the body fails", arguments: schemes
    )
    func roundTrip(scheme: WebhookScheme) throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        for round in 0..<200 {
            let (signSecret, verifySecret) = Self.secrets(for: scheme, &random)
            let body = (0..<Int.random(in: 0...2048, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let now = Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + round))
            let headers = try WebhookSigner(scheme: scheme, secret: signSecret).sign(
                body: body, id: "evt_\(round)", timestamp: now)
            let verifier = try WebhookVerifier(scheme: scheme, secrets: [verifySecret], clock: .fixed(now))
            let verified = try verifier.verify(headers: headers, body: body)
            #expect(verified.secretIndex == 0)
            var tampered = body
            if tampered.isEmpty {
                tampered = [0]
            } else {
                tampered[Int.random(in: 0..<tampered.count, using: &random)] ^= 0x01
            }
            do {
                _ = try verifier.verify(headers: headers, body: tampered)
                Issue.record("\(scheme): a tampered body verified (round \(round))")
            } catch {
                #expect(error.reason == .signatureMismatch)
            }
        }
    }

    @Test("a delivery signed with another secret fails; with both secrets configured it verifies", arguments: schemes)
    func rotation(scheme: WebhookScheme) throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        let old = Self.secrets(for: scheme, &random)
        let new = Self.secrets(for: scheme, &random)
        let body = Array("{\"id\":\"evt_1\"}".utf8)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let headers = try WebhookSigner(scheme: scheme, secret: new.sign).sign(body: body, id: "evt_1", timestamp: now)
        do {
            _ = try WebhookVerifier(scheme: scheme, secrets: [old.verify], clock: .fixed(now)).verify(
                headers: headers, body: body)
            Issue.record("\(scheme): verified with the wrong secret")
        } catch {
            #expect(error.reason == .signatureMismatch)
        }
        let verified = try WebhookVerifier(scheme: scheme, secrets: [old.verify, new.verify], clock: .fixed(now))
            .verify(headers: headers, body: body)
        #expect(verified.secretIndex == 1)
    }

    @Test("errors and descriptions never contain the secret")
    func secretsNeverLeak() throws {
        let secret = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr"
        let verifier = try WebhookVerifier(scheme: .standardWebhooks, secrets: [secret])
        let headers: HTTPHeaders = ["webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"]
        do {
            _ = try verifier.verify(headers: headers, body: [1, 2, 3])
        } catch {
            #expect(!"\(error)".contains("c2VjcmV0"))
            #expect(!String(reflecting: error).contains("c2VjcmV0"))
        }
        #expect(!String(describing: verifier).contains("c2VjcmV0"))
        #expect(!String(reflecting: verifier).contains("c2VjcmV0"))
    }
}
