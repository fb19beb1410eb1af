public import Foundation

/// An ``AlertSink`` that writes each alert as one structured log line (JSON), to standard error by
/// default: the stand-in for a chat or pager channel until one is wired, and a record beside it after.
///
/// A line: `{"channel":"integrations","details":{…},"event":"alert","level":"warning","message":"…",
/// "time":"2024-05-01T10:00:00.000Z"}` (sorted keys). Writing never fails the work that raised the alert.
public struct LogAlertSink: AlertSink {
    private let write: @Sendable (String) -> Void
    private let clock: WallClock

    /// Writes alerts to standard error.
    public init(clock: WallClock = .system) {
        self.init(clock: clock) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Writes alert lines (each ending in a newline) with `write`.
    public init(clock: WallClock = .system, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.clock = clock
    }

    public func send(_ alert: Alert) async {
        write(Self.line(for: alert, at: clock.now()) + "\n")
    }

    /// The log line of `alert` at `date`, without the newline.
    public static func line(for alert: Alert, at date: Date) -> String {
        struct Line: Encodable {
            var time: String
            var level: String
            var event = "alert"
            var channel: String
            var message: String
            var details: [String: String]
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Line(
            time: formatter.string(from: date), level: alert.severity.rawValue, channel: alert.channel,
            message: alert.message, details: alert.details)
        guard let data = try? encoder.encode(line) else { return #"{"event":"alert","level":"error"}"# }
        return String(decoding: data, as: UTF8.self)
    }
}
