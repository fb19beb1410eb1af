internal import Advisor

/// `Configuration.swift`: every setting from the environment, so no secret is ever in code or argv.
struct ConfigurationTemplate {
    func file(_ context: TemplateContext) -> GeneratedFile {
        var properties: [String] = []
        var reads: [String] = []
        var parameters: [String] = []
        var assignments: [String] = []
        if context.receives {
            properties.append(
                """
                    /// The webhook signing secrets: the current one first, the previous one while rotating
                    /// (`WEBHOOK_SECRET`, `WEBHOOK_SECRET_PREVIOUS`).
                    public var webhookSecrets: [String]
                """)
            reads.append(
                """
                        guard let secret = environment["WEBHOOK_SECRET"], !secret.isEmpty else {
                            throw ConfigurationError(variable: "WEBHOOK_SECRET")
                        }
                        let secrets = [secret] + [environment["WEBHOOK_SECRET_PREVIOUS"]].compactMap { $0 }.filter { !$0.isEmpty }
                """)
            parameters.append("webhookSecrets: [String]")
            assignments.append("self.webhookSecrets = webhookSecrets")
        }
        properties.append(
            """
                /// The SQLite file of the idempotency store, inbox, outbox and dead-letter queue (`DATABASE_PATH`).
                public var databasePath: String
            """)
        parameters.append("databasePath: String")
        assignments.append("self.databasePath = databasePath")
        if context.callsOut || context.sendsOut {
            properties.append(
                """
                    /// The provider's API, for refetching objects and sending changes (`API_BASE_URL`).
                    public var apiBaseURL: String
                """)
            parameters.append("apiBaseURL: String")
            assignments.append("self.apiBaseURL = apiBaseURL")
        }
        if context.pollsFeed {
            properties.append(
                """
                    /// The calendar feeds to poll, by source (`FEED_URLS=airbnb=https://…,booking=https://…`).
                    public var feeds: [String: String]
                """)
            reads.append(
                """
                        var feeds: [String: String] = [:]
                        for entry in (environment["FEED_URLS"] ?? "").split(separator: ",") {
                            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                            guard parts.count == 2 else { throw ConfigurationError(variable: "FEED_URLS") }
                            feeds[parts[0]] = parts[1]
                        }
                """)
            parameters.append("feeds: [String: String]")
            assignments.append("self.feeds = feeds")
        }
        let initArguments = [
            context.receives ? "webhookSecrets: secrets" : nil,
            "databasePath: environment[\"DATABASE_PATH\"] ?? \"\(context.module).sqlite\"",
            context.callsOut || context.sendsOut
                ? "apiBaseURL: environment[\"API_BASE_URL\"] ?? \"https://api.example.com\"" : nil,
            context.pollsFeed ? "feeds: feeds" : nil,
        ].compactMap { $0 }
        let contents = #"""
            \#(context.header)
            import Foundation

            /// The integration's settings, read from the environment: secrets never live in code or on a command line.
            public struct Configuration: Sendable {
            \#(properties.joined(separator: "\n"))

                /// Creates a configuration by hand (tests, or your own secrets manager).
                public init(\#(parameters.joined(separator: ", "))) {
                    \#(assignments.joined(separator: "\n        "))
                }

                /// Reads the configuration from environment variables.
                public static func fromEnvironment(
                    _ environment: [String: String] = ProcessInfo.processInfo.environment
                ) throws -> Configuration {
            \#(reads.joined(separator: "\n"))
                    return Configuration(\#(initArguments.joined(separator: ", ")))
                }
            }

            /// A required environment variable is missing or malformed.
            public struct ConfigurationError: Error, CustomStringConvertible {
                /// The variable to set.
                public var variable: String
                public var description: String { "set \(variable) in the environment (see README.md)" }
            }

            """#
        return GeneratedFile(path: "Sources/\(context.module)/Configuration.swift", contents: contents)
    }
}
