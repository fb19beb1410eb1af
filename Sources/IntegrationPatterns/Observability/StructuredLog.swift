public import Foundation

/// One JSON object per line: a timestamp, a level, an event name and flat fields — what log pipelines
/// index without parsing prose.
///
/// Fields whose names suggest a secret (`secret`, `token`, `password`, `authorization`, `signature`,
/// `api_key`) are written as `[redacted]`, so a careless call cannot leak one.
///
/// ```swift
/// let log = StructuredLog()
/// log.info("webhook.processed", ["key": event.key, "status": "200"])
/// // {"event":"webhook.processed","key":"evt_1","level":"info","status":"200","ts":"2026-12-04T12:00:00.000Z"}
/// ```
public struct StructuredLog: Sendable {
    /// How serious an entry is.
    public enum Level: String, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Field names containing any of these are redacted.
    public static let sensitiveNames = [
        "secret", "token", "password", "authorization", "signature", "api_key", "apikey",
    ]

    private let write: @Sendable (String) -> Void
    private let clock: WallClock
    /// Entries below this level are dropped.
    public var minimumLevel: Level

    /// A log writing lines through `write` (standard error by default).
    public init(
        minimumLevel: Level = .info, clock: WallClock = .system,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) {
        self.minimumLevel = minimumLevel
        self.clock = clock
        self.write = write
    }

    /// Writes an entry.
    public func log(_ level: Level, _ event: String, _ fields: [String: String] = [:]) {
        guard level >= minimumLevel else { return }
        write(line(level, event, fields))
    }

    /// Writes a debug entry.
    public func debug(_ event: String, _ fields: [String: String] = [:]) { log(.debug, event, fields) }
    /// Writes an info entry.
    public func info(_ event: String, _ fields: [String: String] = [:]) { log(.info, event, fields) }
    /// Writes a warning entry.
    public func warning(_ event: String, _ fields: [String: String] = [:]) { log(.warning, event, fields) }
    /// Writes an error entry.
    public func error(_ event: String, _ fields: [String: String] = [:]) { log(.error, event, fields) }

    /// The JSON line for an entry (keys sorted, so lines are stable).
    public func line(_ level: Level, _ event: String, _ fields: [String: String]) -> String {
        var object = ["ts": Self.timestamp(clock.now()), "level": level.rawValue, "event": event]
        for (name, value) in fields where object[name] == nil {
            let lowered = name.lowercased()
            object[name] = Self.sensitiveNames.contains { lowered.contains($0) } ? "[redacted]" : value
        }
        let members = object.keys.sorted().map { "\(Self.quoted($0)):\(Self.quoted(object[$0]!))" }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
