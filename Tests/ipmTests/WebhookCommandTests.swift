import Foundation
import Testing

@Suite("ipm webhook")
struct WebhookCommandTests {
    /// A body file in a fresh folder.
    static func bodyFile(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-wh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("body.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    static let secret = ["STRIPE_WEBHOOK_SECRET": "whsec_test_secret"]

    @Test("sign prints Stripe's header for a fixed timestamp; verify accepts it at that time")
    func stripeRoundTrip() throws {
        let body = try Self.bodyFile(#"{"id":"evt_test","object":"event"}"#)
        let signed = try IPM.run(
            [
                "webhook", "sign", "--scheme", "stripe", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--timestamp",
                "1700000000",
                "--body-file", body.path,
            ], environment: Self.secret)
        #expect(signed.status == 0)
        #expect(
            signed.standardOutput
                == "Stripe-Signature: t=1700000000,v1=8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724\n"
        )
        let header = String(signed.standardOutput.dropLast())
        let valid = try IPM.run(
            [
                "webhook", "verify", "--scheme", "stripe", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--header", header,
                "--body-file", body.path, "--now", "1700000100", "--json",
            ], environment: Self.secret)
        #expect(valid.status == 0)
        #expect(valid.standardOutput.contains("\"reason\" : \"ok\""))
        #expect(valid.standardOutput.contains("\"valid\" : true"))
    }

    @Test("verify reads the body from standard input; a changed body is invalid (exit 1) with a hint")
    func invalidWithHint() throws {
        let header =
            "Stripe-Signature: t=1700000000,v1=8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724"
        let result = try IPM.run(
            [
                "webhook", "verify", "--scheme", "stripe", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--header", header,
                "--now", "1700000000",
            ], environment: Self.secret, input: "{\"id\": \"evt_test\", \"object\": \"event\"}")
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("invalid (signature_mismatch)"))
        #expect(result.standardError.contains("Hint:"))
        #expect(result.standardError.contains("re-serialised"))
        #expect(
            !result.standardOutput.contains("whsec_test_secret") && !result.standardError.contains("whsec_test_secret"))
    }

    @Test("the JSON reasons: stale timestamp, missing header, invalid secret")
    func reasons() throws {
        let body = try Self.bodyFile(#"{"id":"evt_test","object":"event"}"#)
        let header =
            "Stripe-Signature: t=1700000000,v1=8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724"
        let stale = try IPM.run(
            [
                "webhook", "verify", "--scheme", "stripe", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--header", header,
                "--body-file", body.path, "--now", "1700000400", "--json",
            ], environment: Self.secret)
        #expect(stale.status == 1)
        #expect(stale.standardOutput.contains("\"reason\" : \"timestamp_too_old\""))
        let missing = try IPM.run(
            [
                "webhook", "verify", "--scheme", "github", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--body-file",
                body.path, "--json",
            ],
            environment: Self.secret)
        #expect(missing.status == 1)
        #expect(missing.standardOutput.contains("\"reason\" : \"missing_header\""))
        let invalid = try IPM.run(
            [
                "webhook", "verify", "--scheme", "standard", "--secret-env", "S", "--header", "webhook-id: m",
                "--body-file", body.path, "--json",
            ], environment: ["S": "whsec_%%%"])
        #expect(invalid.status == 1)
        #expect(invalid.standardOutput.contains("\"reason\" : \"invalid_secret\""))
    }

    @Test("secrets only from the environment or a file; usage errors exit 64")
    func usage() throws {
        let body = try Self.bodyFile("{}")
        let noSecret = try IPM.run(["webhook", "verify", "--scheme", "stripe", "--body-file", body.path])
        #expect(noSecret.status == 64)
        #expect(noSecret.standardError.contains("--secret-env NAME"))
        let unset = try IPM.run([
            "webhook", "verify", "--scheme", "stripe", "--secret-env", "NOT_SET", "--body-file", body.path,
        ])
        #expect(unset.status == 64)
        #expect(unset.standardError.contains("'NOT_SET'"))
        let noScheme = try IPM.run(
            ["webhook", "verify", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--body-file", body.path],
            environment: Self.secret)
        #expect(noScheme.status == 64)
        let badScheme = try IPM.run(["webhook", "sign", "--scheme", "paypal"])
        #expect(badScheme.status == 64)
        #expect(badScheme.standardError.contains("expected one of stripe, standard, standard-v1a, github, shopify"))
        let badHeader = try IPM.run(
            [
                "webhook", "verify", "--scheme", "stripe", "--secret-env", "STRIPE_WEBHOOK_SECRET", "--header",
                "no colon",
                "--body-file", body.path,
            ], environment: Self.secret)
        #expect(badHeader.status == 64)
        let group = try IPM.run(["webhook"])
        #expect(group.status == 64)
        #expect(group.standardError.contains("choose one of verify, sign"))
        let secretFile = body.deletingLastPathComponent().appendingPathComponent("secret")
        try Data("whsec_test_secret\n".utf8).write(to: secretFile)
        let fromFile = try IPM.run(
            [
                "webhook", "sign", "--scheme", "stripe", "--secret-file", secretFile.path, "--timestamp", "1700000000",
                "--body-file", body.path,
            ])
        #expect(fromFile.status == 0)
        let missingFile = try IPM.run(["webhook", "sign", "--scheme", "stripe", "--secret-file", "/nonexistent/secret"])
        #expect(missingFile.status == 74)
    }

    @Test("sign --format curl and json for Standard Webhooks; the curl command carries every header")
    func formats() throws {
        let body = try Self.bodyFile(#"{"test": 2432232314}"#)
        let environment = ["W": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]
        let json = try IPM.run(
            [
                "webhook", "sign", "--scheme", "standard", "--secret-env", "W", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "--timestamp", "1614265330", "--body-file", body.path, "--format", "json",
            ], environment: environment)
        #expect(json.status == 0)
        #expect(
            json.standardOutput.contains("\"webhook-signature\" : \"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\""))
        let curl = try IPM.run(
            [
                "webhook", "sign", "--scheme", "standard", "--secret-env", "W", "--id", "msg_1", "--body-file",
                body.path,
                "--format", "curl", "--url", "https://example.com/hooks",
            ], environment: environment)
        #expect(curl.standardOutput.hasPrefix("curl -sS -X POST 'https://example.com/hooks'"))
        #expect(curl.standardOutput.contains("-H 'webhook-id: msg_1'"))
        #expect(curl.standardOutput.contains("--data-binary @'\(body.path)'"))
    }
}
