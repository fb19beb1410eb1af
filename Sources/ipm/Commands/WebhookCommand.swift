internal import Foundation
internal import IntegrationPatterns

/// `ipm webhook verify | sign`: the signature schemes as tools for wiring a provider.
enum WebhookCommand {
    static let schemes = WebhookScheme.named.map(\.name)

    static let spec: CommandSpec = CommandSpec(
        name: "webhook",
        abstract: "Verify and sign webhook deliveries (Stripe, Standard Webhooks, GitHub, Shopify).",
        examples: [
            "ipm webhook verify --scheme stripe --secret-env STRIPE_WEBHOOK_SECRET --header \"Stripe-Signature: $SIG\" --body-file body.json",
            "ipm webhook sign --scheme standard --secret-env WEBHOOK_SECRET --body-file body.json --format curl",
        ],
        subcommands: [verify, sign])

    static let secretOptions: [OptionSpec] = [
        .value(
            "--secret-env", valueName: "NAME",
            help: "An environment variable holding a secret (repeat while rotating).", repeatable: true),
        .value(
            "--secret-file", valueName: "PATH", help: "A file holding a secret (repeatable).", repeatable: true,
            completion: .files),
    ]

    static let verify: CommandSpec = CommandSpec(
        name: "verify",
        abstract: "Verify a delivery's signature over its raw body bytes.",
        discussion: """
            The body is read as bytes from --body-file or standard input, exactly as received: a body that was
            parsed and re-serialised no longer matches its signature. Headers are given as 'Name: value'.
            Secrets come from the environment or a file, never from the command line.
            For schemes that sign a timestamp (stripe, standard), it must be within --tolerance of now, both
            ways; --now verifies a captured delivery at the time it was sent.
            Exit status: 0 valid, 1 invalid, 64 usage error.
            JSON: {"valid": bool, "scheme": "…", "reason": "…", "detail": "…"}; reason is one of ok,
            missing_header, malformed_header, no_matching_signature, timestamp_too_old, timestamp_too_new,
            signature_mismatch, invalid_secret.
            """,
        examples: [
            "ipm webhook verify --scheme stripe --secret-env STRIPE_WEBHOOK_SECRET --header \"Stripe-Signature: $SIG\" --body-file body.json",
            "ipm webhook verify --scheme github --secret-env GITHUB_SECRET --header 'X-Hub-Signature-256: sha256=…' < body.json",
            "ipm webhook verify --scheme standard --secret-env OLD --secret-env NEW --header … --body-file b.json --json",
        ],
        options: [
            .value(
                "--scheme", valueName: "scheme", help: "stripe, standard, standard-v1a, github or shopify.",
                choices: schemes)
        ] + secretOptions + [
            .value(
                "--header", valueName: "'Name: value'", help: "A header of the delivery (repeatable).", repeatable: true
            ),
            .value(
                "--body-file", valueName: "PATH", help: "The raw body (default: standard input).", completion: .files),
            .value("--now", valueName: "UNIX_SECONDS", help: "Verify as if now were this time."),
            .value(
                "--tolerance", valueName: "SECONDS",
                help: "Allowed distance of a signed timestamp from now (default 300)."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: runVerify)

    static let sign: CommandSpec = CommandSpec(
        name: "sign",
        abstract: "Print the headers a provider would send with a body.",
        discussion: """
            --format headers prints 'Name: value' lines; json prints {"headers": {…}}; curl prints a ready
            command that posts the body to --url (default http://localhost:8080/webhooks).
            For standard-v1a the secret is the whsk_ private key. Standard Webhooks needs an id: without
            --id a random msg_… id is made. The timestamp defaults to now.
            """,
        examples: [
            "ipm webhook sign --scheme stripe --secret-env STRIPE_WEBHOOK_SECRET --body-file event.json",
            "ipm webhook sign --scheme standard --secret-env WEBHOOK_SECRET --id msg_1 --body-file b.json --format curl",
            "ipm webhook sign --scheme github --secret-env GITHUB_SECRET --format json < payload.json",
        ],
        options: [
            .value(
                "--scheme", valueName: "scheme", help: "stripe, standard, standard-v1a, github or shopify.",
                choices: schemes)
        ] + secretOptions + [
            .value(
                "--id", valueName: "ID", help: "The delivery id (Standard Webhooks; GitHub and Shopify send it too)."),
            .value("--timestamp", valueName: "UNIX_SECONDS", help: "The signed time (default: now)."),
            .value("--body-file", valueName: "PATH", help: "The body (default: standard input).", completion: .files),
            .value(
                "--format", valueName: "format", help: "headers (default), json or curl.",
                choices: ["headers", "json", "curl"]),
            .value("--url", valueName: "URL", help: "The endpoint for --format curl."),
        ],
        run: runSign)

    struct VerifyReport: Encodable {
        var valid: Bool
        var scheme: String
        var reason: String
        var detail: String
    }

    static func scheme(_ arguments: ParsedArguments) throws -> WebhookScheme {
        guard let name = arguments.value("--scheme") else {
            throw UsageError(
                "Missing '--scheme <scheme>': one of \(schemes.joined(separator: ", ")).",
                commandPath: arguments.commandPath)
        }
        return WebhookScheme(name: name)!
    }

    static func runVerify(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let scheme = try scheme(arguments)
        let secrets = try SecretSource.secrets(arguments, context)
        var headers = HTTPHeaders()
        for line in arguments.allValues("--header") {
            guard let (name, value) = HTTPHeaders.parseLine(line) else {
                throw UsageError(
                    "Invalid value '\(line)' for '--header': expected 'Name: value'.",
                    commandPath: arguments.commandPath)
            }
            headers.add(name: name, value: value)
        }
        let tolerance = try arguments.integer("--tolerance", in: 0...31_536_000) ?? 300
        var clock = WallClock.system
        if let now = try arguments.integer("--now", in: 0...Int(Int32.max) * 2) {
            clock = .fixed(Date(timeIntervalSince1970: TimeInterval(now)))
        }
        let body = try InputReader.bytes(
            path: arguments.value("--body-file"), option: "--body-file", arguments, context)
        let report: VerifyReport
        do {
            let verifier = try WebhookVerifier(
                scheme: scheme, secrets: secrets, tolerance: .seconds(tolerance), clock: clock)
            let verified = try verifier.verify(headers: headers, body: body)
            var detail = "signature verified"
            if secrets.count > 1 { detail += " with secret \(verified.secretIndex + 1) of \(secrets.count)" }
            if let id = verified.id { detail += "; delivery \(id)" }
            report = VerifyReport(valid: true, scheme: scheme.name, reason: "ok", detail: detail)
        } catch {
            report = VerifyReport(
                valid: false, scheme: scheme.name, reason: error.reason.rawValue, detail: error.detail)
        }
        if arguments.has("--json") {
            context.out(try JSONOutput.encode(report))
        } else if report.valid {
            context.out("valid: \(report.detail)\n")
        } else {
            context.out("invalid (\(report.reason)): \(report.detail)\n")
            if let hint = hint(for: report.reason, scheme: scheme, secrets: secrets) { context.err("Hint: \(hint)\n") }
        }
        return report.valid ? 0 : 1
    }

    /// The usual cause of each failure, said plainly.
    static func hint(for reason: String, scheme: WebhookScheme, secrets: [String]) -> String? {
        switch WebhookVerificationError.Reason(rawValue: reason) {
        case .signatureMismatch:
            var text =
                "sign and verify the raw body bytes exactly as received; a body that was parsed and"
                + " re-serialised (key order, spaces, a trailing newline) no longer matches."
            if scheme == .stripe {
                text +=
                    " Stripe's whsec_ secret is used as text: never base64-decode it, and use the endpoint's own secret (the CLI's differs)."
            } else if scheme == .standardWebhooks {
                text += " A Standard Webhooks secret is whsec_ followed by base64: it is decoded, not used as text."
            }
            return text
        case .timestampTooOld, .timestampTooNew:
            return
                "check this machine's clock against the sender's (NTP); a replayed or long-queued delivery is refused"
                + " on purpose. To check a captured delivery, pass --now with its time."
        case .missingHeader:
            var expected = [scheme.signatureHeader]
            if scheme == .standardWebhooks || scheme == .standardWebhooksEd25519 {
                expected = ["webhook-id", "webhook-timestamp", "webhook-signature"]
            }
            return
                "pass the delivery's headers with --header; \(scheme.name) needs \(expected.joined(separator: ", "))."
        case .noMatchingSignature:
            return scheme == .stripe
                ? "only v1 signatures count; v0 is test mode's legacy scheme." : "is this delivery from another scheme?"
        case .invalidSecret:
            return scheme == .standardWebhooksEd25519
                ? "v1a verification takes the sender's public key (whpk_…)."
                : "check that the secret belongs to this scheme."
        default:
            return nil
        }
    }

    static func runSign(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let scheme = try scheme(arguments)
        let secrets = try SecretSource.secrets(arguments, context)
        guard secrets.count == 1 else {
            throw UsageError("Signing takes exactly one secret.", commandPath: arguments.commandPath)
        }
        var timestamp = Date()
        if let seconds = try arguments.integer("--timestamp", in: 0...Int(Int32.max) * 2) {
            timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        var id = arguments.value("--id")
        if id == nil && (scheme == .standardWebhooks || scheme == .standardWebhooksEd25519) {
            var generator = SystemRandomNumberGenerator()
            id = "msg_" + String(generator.next(), radix: 36)
        }
        let bodyPath = arguments.value("--body-file")
        let body = try InputReader.bytes(path: bodyPath, option: "--body-file", arguments, context)
        let headers: HTTPHeaders
        do {
            headers = try WebhookSigner(scheme: scheme, secret: secrets[0]).sign(
                body: body, id: id, timestamp: timestamp)
        } catch {
            throw CommandFailure(.dataError, "cannot sign: \(error.detail)")
        }
        switch arguments.value("--format") ?? "headers" {
        case "json":
            var object: [String: String] = [:]
            for field in headers { object[field.name] = field.value }
            struct Output: Encodable { var headers: [String: String] }
            context.out(try JSONOutput.encode(Output(headers: object)))
        case "curl":
            let url = arguments.value("--url") ?? "http://localhost:8080/webhooks"
            var lines = ["curl -sS -X POST \(shellQuoted(url))", "-H 'Content-Type: application/json'"]
            for field in headers { lines.append("-H \(shellQuoted("\(field.name): \(field.value)"))") }
            lines.append("--data-binary @\(bodyPath.map(shellQuoted) ?? "-")")
            context.out(lines.joined(separator: " \\\n  ") + "\n")
        default:
            context.out(headers.map { "\($0.name): \($0.value)\n" }.joined())
        }
        return 0
    }

    /// `text` in single quotes for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
