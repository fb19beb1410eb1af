import Foundation
import Testing

@testable import IntegrationPatterns

/// The known-answer vectors of ../shared/research/webhooks.md §3.2, positive and negative.
@Suite("Webhook signature vectors")
struct WebhookVectorTests {
    private func verifier(_ scheme: WebhookScheme, _ secrets: [String], now: Int64, tolerance: Duration = .seconds(300))
        throws(WebhookVerificationError) -> WebhookVerifier
    {
        try WebhookVerifier(
            scheme: scheme, secrets: secrets, tolerance: tolerance,
            clock: .fixed(Date(timeIntervalSince1970: TimeInterval(now))))
    }

    private func reason(_ body: () throws(WebhookVerificationError) -> Void) -> WebhookVerificationError.Reason? {
        do {
            try body()
            return nil
        } catch {
            return error.reason
        }
    }

    // MARK: Standard Webhooks

    static let sw1Payload = Array(#"{"test": 2432232314}"#.utf8)
    static func sw1Headers(_ signature: String) -> HTTPHeaders {
        [
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
            "webhook-signature": signature,
        ]
    }

    @Test("SW-1: the canonical Standard Webhooks vector verifies")
    func sw1() throws {
        let verifier = try verifier(.standardWebhooks, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], now: 1_614_265_330)
        let verified = try verifier.verify(
            headers: Self.sw1Headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), body: Self.sw1Payload)
        #expect(verified.id == "msg_p5jXN8AQM9LWM0D4loKWxJek")
        #expect(verified.timestamp == Date(timeIntervalSince1970: 1_614_265_330))
    }

    @Test(
        "SW-1 negatives: a changed character, another signature, empty and truncated signatures fail",
        arguments: [
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            "v1,",
            "v1,g0hM9S",
        ])
    func sw1Negative(signature: String) throws {
        let verifier = try verifier(.standardWebhooks, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], now: 1_614_265_330)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: Self.sw1Headers(signature), body: Self.sw1Payload)
            } == .signatureMismatch)
    }

    @Test("SW-1: any valid signature in a space-separated list passes; unknown versions are ignored")
    func sw1MultiSignature() throws {
        let verifier = try verifier(.standardWebhooks, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], now: 1_614_265_330)
        let header =
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        _ = try verifier.verify(headers: Self.sw1Headers(header), body: Self.sw1Payload)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: Self.sw1Headers("v2,abc"), body: Self.sw1Payload)
            } == .noMatchingSignature)
    }

    @Test("SW-1 read through Svix's svix- headers, and through header names in any case")
    func sw1HeaderSpellings() throws {
        let verifier = try verifier(.standardWebhooks, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], now: 1_614_265_330)
        let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        let spellings: [HTTPHeaders] = [
            [
                "svix-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp": "1614265330",
                "svix-signature": signature,
            ],
            [
                "Webhook-Signature": signature, "WEBHOOK-ID": "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "Webhook-Timestamp": " 1614265330 ",
            ],
        ]
        for headers in spellings {
            let verified = try verifier.verify(headers: headers, body: Self.sw1Payload)
            #expect(verified.id == "msg_p5jXN8AQM9LWM0D4loKWxJek")
        }
        // A signature header alone names what is missing next, in the spelling the sender used.
        let error = try #require(
            throws: WebhookVerificationError.self,
            performing: { try verifier.verify(headers: ["svix-signature": signature], body: Self.sw1Payload) })
        #expect(error.reason == .missingHeader && error.detail.contains("svix-id"))
    }

    @Test(
        "SW-1: unpadded secrets are accepted with and without the whsec_ prefix",
        arguments: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr"])
    func unpaddedSecrets(secret: String) throws {
        for text in [secret, "whsec_" + secret] {
            let signer = try WebhookSigner(scheme: .standardWebhooks, secret: text)
            let headers = try signer.sign(
                body: Self.sw1Payload, id: "msg_1", timestamp: Date(timeIntervalSince1970: 1_614_265_330))
            _ = try verifier(.standardWebhooks, [text], now: 1_614_265_330).verify(
                headers: headers, body: Self.sw1Payload)
        }
    }

    @Test("an empty secret, whsec_ alone, or a non-base64 Standard secret is invalid_secret")
    func invalidSecrets() {
        for secret in ["", "whsec_", "whsec_not base64!"] {
            #expect(
                reason { () throws(WebhookVerificationError) in
                    _ = try WebhookVerifier(scheme: .standardWebhooks, secrets: [secret])
                } == .invalidSecret)
        }
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try WebhookVerifier(scheme: .stripe, secrets: [""])
            } == .invalidSecret)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try WebhookVerifier(scheme: .github, secrets: [])
            } == .invalidSecret)
    }

    @Test("SW-2: the Rust library's vector, its negatives, and the ±(300+1) s window")
    func sw2() throws {
        let payload = Array(#"{"email":"test@example.com","username":"test_user"}"#.utf8)
        func headers(_ signature: String, _ timestamp: Int64 = 1_649_367_553) -> HTTPHeaders {
            [
                "webhook-id": "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", "webhook-timestamp": String(timestamp),
                "webhook-signature": signature,
            ]
        }
        let secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
        let good = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="
        _ = try verifier(.standardWebhooks, [secret], now: 1_649_367_553).verify(headers: headers(good), body: payload)
        let verifierNow = try verifier(.standardWebhooks, [secret], now: 1_649_367_553)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifierNow.verify(
                    headers: headers("v1,R3PTzyfHASBKHH98a7yexTwaJ4yNIcGhFQc1yuN+BPU="), body: payload)
            } == .signatureMismatch)
        let none =
            "v1,tFtCZ5RDCPxzWQRWXWPgrCgE2frDBe9gjpbWQxnVfsQ= v1,Mm7xgUVICxZfQ3bgf0h0Dof65L/IFx+PnZvnDWPCX6Q= v1,9DfC1c3eeOrXB6w/5dIDydLNQaEyww5KalE5jLBZucE="
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifierNow.verify(headers: headers(none), body: payload)
            } == .signatureMismatch)
        // The genuine signature, checked 301 s after and before its timestamp.
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier(.standardWebhooks, [secret], now: 1_649_367_553 + 301).verify(
                    headers: headers(good), body: payload)
            } == .timestampTooOld)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier(.standardWebhooks, [secret], now: 1_649_367_553 - 301).verify(
                    headers: headers(good), body: payload)
            } == .timestampTooNew)
        _ = try verifier(.standardWebhooks, [secret], now: 1_649_367_553 + 300).verify(
            headers: headers(good), body: payload)
    }

    @Test("SW-3: the v1a Ed25519 vector verifies with the public key, and signing reproduces it")
    func sw3() throws {
        let publicKey = "whpk_4rQZjjkCnn4m/ciYBaRPSZTA+Y/UwqgD6hgxOllF28g="
        let expected =
            "v1a,wY2SZc3TRkb1YQ3GVtlawNyAeN6SEYiztr+FExZJzpEd7BY8kO2olVTahf5NW2nn86HK/3ZM9G2VRPMiA51jDA=="
        let verifier = try verifier(.standardWebhooksEd25519, [publicKey], now: 1_614_265_330)
        _ = try verifier.verify(headers: Self.sw1Headers(expected), body: Self.sw1Payload)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: Self.sw1Headers(expected), body: Array(#"{"test": 2432232315}"#.utf8))
            } == .signatureMismatch)
        // The seed is ASCII WEBHOOKASYMMETRICTESTPRIVATEKEY1 (the Go library's test key).
        let signer = try WebhookSigner(
            scheme: .standardWebhooksEd25519, secret: "whsk_V0VCSE9PS0FTWU1NRVRSSUNURVNUUFJJVkFURUtFWTE=")
        let headers = try signer.sign(
            body: Self.sw1Payload, id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp: Date(timeIntervalSince1970: 1_614_265_330))
        #expect(headers["webhook-signature"] == expected)
    }

    // MARK: Stripe

    static func st1Payload() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/stripe-st1.json")
        return Array(try Data(contentsOf: url))
    }

    static let st1Header =
        "t=1533204620,v1=82216eca827bcb7b34b8055eb2d2d9e6bc13b9ac39ded14a61e69f70c565f53a,v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef"

    @Test("ST-1: Stripe's fixed vector, with its trailing newline, and with the secret as raw text")
    func st1() throws {
        let verifier = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_620)
        let payload = try Self.st1Payload()
        _ = try verifier.verify(headers: ["Stripe-Signature": Self.st1Header], body: payload)
        // The same JSON without its final newline (a re-serialised body) no longer matches.
        let reserialised = Array(payload.dropLast())
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: ["stripe-signature": Self.st1Header], body: reserialised)
            } == .signatureMismatch)
    }

    @Test("ST-2: a whsec_ Stripe secret is used as text, never base64-decoded")
    func st2() throws {
        let body = Array(#"{"id":"evt_test","object":"event"}"#.utf8)
        let header = "t=1700000000,v1=8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724"
        _ = try verifier(.stripe, ["whsec_test_secret"], now: 1_700_000_000).verify(
            headers: ["Stripe-Signature": header], body: body)
        let signed = try WebhookSigner(scheme: .stripe, secret: "whsec_test_secret").sign(
            body: body, timestamp: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(signed["Stripe-Signature"] == header)
    }

    @Test(
        "Stripe header behaviour from stripe-go and stripe-python",
        arguments: [
            (nil, WebhookVerificationError.Reason.missingHeader),
            ("v1,t=1", .malformedHeader),
            ("t=", .malformedHeader),
            ("bad_header", .malformedHeader),
            ("t=1533204620,v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef", .noMatchingSignature),
            ("t=1533204620,v1=00", .signatureMismatch),
        ] as [(String?, WebhookVerificationError.Reason)])
    func stripeHeaders(header: String?, expected: WebhookVerificationError.Reason) throws {
        let verifier = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_620)
        let headers: HTTPHeaders = header.map { ["Stripe-Signature": $0] } ?? [:]
        let payload = try Self.st1Payload()
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: headers, body: payload)
            } == expected)
    }

    @Test("Stripe: a t= with leading zeros is signed as the integer prints, as Stripe's libraries sign it")
    func stripeLeadingZeros() throws {
        let payload = try Self.st1Payload()
        let verifier = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_620)
        let padded = Self.st1Header.replacingOccurrences(of: "t=1533204620", with: "t=0001533204620")
        #expect(padded != Self.st1Header)
        let verified = try verifier.verify(headers: ["stripe-signature": padded], body: payload)
        #expect(verified.timestamp == Date(timeIntervalSince1970: 1_533_204_620))
    }

    @Test("the signed timestamp is written as the integer prints, from 0 to 18 digits")
    func timestampDigits() {
        for value: Int64 in [0, 7, 10, 1_533_204_620, 999_999_999_999_999_999] {
            let text = SignedAffix.timestamp(value).withBytes { String(decoding: $0, as: UTF8.self) }
            #expect(text == "\(value).")
            let both = SignedAffix.idAndTimestamp("msg_1", value).withBytes { String(decoding: $0, as: UTF8.self) }
            #expect(both == "msg_1.\(value).")
        }
    }

    @Test("Stripe: an extra bad v1 still verifies; a rolled secret verifies with either secret")
    func stripeRotation() throws {
        let payload = try Self.st1Payload()
        let verifier = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_620)
        _ = try verifier.verify(headers: ["Stripe-Signature": Self.st1Header + ",v1=bad_signature"], body: payload)
        let newSecret = "whsec_rolled"
        let newSignature = try WebhookSigner(scheme: .stripe, secret: newSecret).sign(
            body: payload, timestamp: Date(timeIntervalSince1970: 1_533_204_620))["Stripe-Signature"]!
        let both = Self.st1Header + "," + newSignature.split(separator: ",")[1]
        for secrets in [["webhook_secret"], [newSecret], ["unrelated", newSecret]] {
            let verified = try self.verifier(.stripe, secrets, now: 1_533_204_620).verify(
                headers: ["Stripe-Signature": both], body: payload)
            #expect(verified.secretIndex == secrets.count - 1)
        }
    }

    @Test("Stripe tolerance: 15 s old fails with 10 s tolerance and passes with 20 s; the future is checked too")
    func stripeTolerance() throws {
        let payload = try Self.st1Payload()
        let headers: HTTPHeaders = ["Stripe-Signature": Self.st1Header]
        let strict = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_635, tolerance: .seconds(10))
        do {
            _ = try strict.verify(headers: headers, body: payload)
            Issue.record("a 15 s old delivery must fail with a 10 s tolerance")
        } catch {
            #expect(error.reason == .timestampTooOld)
            #expect(error.skew == .seconds(15))
        }
        _ = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_635, tolerance: .seconds(20)).verify(
            headers: headers, body: payload)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier(.stripe, ["webhook_secret"], now: 1_533_204_605, tolerance: .seconds(10)).verify(
                    headers: headers, body: payload)
            } == .timestampTooNew)
    }

    // MARK: GitHub, Shopify

    @Test("GH-1: GitHub's documented vector, and 'Hello, World?' fails")
    func gh1() throws {
        let verifier = try WebhookVerifier(scheme: .github, secrets: ["It's a Secret to Everybody"])
        let headers: HTTPHeaders = [
            "X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        ]
        _ = try verifier.verify(headers: headers, body: Array("Hello, World!".utf8))
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: headers, body: Array("Hello, World?".utf8))
            } == .signatureMismatch)
        // Hex is compared without regard to case; a changed digit still fails in either case.
        let upper: HTTPHeaders = [
            "X-Hub-Signature-256": "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17"
        ]
        _ = try verifier.verify(headers: upper, body: Array("Hello, World!".utf8))
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(
                    headers: [
                        "X-Hub-Signature-256": "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E18"
                    ],
                    body: Array("Hello, World!".utf8))
            } == .signatureMismatch)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: ["X-Hub-Signature": "sha1=abc"], body: Array("Hello, World!".utf8))
            } == .missingHeader)
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(headers: ["X-Hub-Signature-256": "sha1=abc"], body: Array("Hello, World!".utf8))
            } == .noMatchingSignature)
    }

    @Test("SH-1: a Shopify base64 signature verifies, and header names are case-insensitive")
    func sh1() throws {
        let verifier = try WebhookVerifier(scheme: .shopify, secrets: ["test-webhook-secret"])
        let body = Array(#"{"id":1234567890,"email":"customer@example.com","total_price":"123.45"}"#.utf8)
        _ = try verifier.verify(
            headers: ["x-shopify-hmac-sha256": "QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw="], body: body)
        // Base64 is case-sensitive: the same text upper-cased is another signature.
        #expect(
            reason { () throws(WebhookVerificationError) in
                _ = try verifier.verify(
                    headers: ["X-Shopify-Hmac-Sha256": "QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=".uppercased()],
                    body: body)
            } == .signatureMismatch)
    }

    // MARK: Primitives

    @Test("RFC 4231 HMAC-SHA256 vectors through the keyed OpenSSL context, reused across messages")
    func rfc4231() throws {
        let cases: [([UInt8], String, String)] = [
            (
                [UInt8](repeating: 0x0b, count: 20), "Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                Array("Jefe".utf8), "what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
        ]
        for (key, message, expected) in cases {
            let hmac = try #require(HMACSHA256(key: key))
            for _ in 0..<3 {
                #expect(Hex.encode(hmac.authenticate([Array(message.utf8)])) == expected)
            }
            // Split into parts, the result is the same.
            let bytes = Array(message.utf8)
            #expect(Hex.encode(hmac.authenticate([Array(bytes.prefix(3)), Array(bytes.dropFirst(3))])) == expected)
        }
    }

    @Test("base64 and hex round-trip and reject what they must")
    func encodings() {
        #expect(Base64.decode("TWFu") == Array("Man".utf8))
        #expect(Base64.decode("TWE") == Array("Ma".utf8))
        #expect(Base64.decode("TQ==") == Array("M".utf8))
        #expect(Base64.decode("T") == nil)
        #expect(Base64.decode("TW!u") == nil)
        #expect(Base64.decode("T=Fu") == nil)
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
        #expect(Hex.encode([0x00, 0xab, 0xff]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xab, 0xff])
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("abc") == nil)
    }
}
