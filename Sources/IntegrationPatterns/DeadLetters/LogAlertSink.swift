public import Foundation

/// An ``AlertSink`` that writes each alert as one ``StructuredLog`` line: the stand-in for a chat or
/// pager channel until one is wired, and a record beside it after.
///
/// A line (sorted keys, details flattened under `detail.`):
/// `{"channel":"integrations","detail.job":"7","event":"alert","level":"error","message":"…","severity":"critical","ts":"…"}`.
/// A critical alert is logged at level `error`. Writing never fails the work that raised the alert.
public struct LogAlertSink: AlertSink {
    private let log: StructuredLog

    /// Writes alerts through `log`.
    public init(log: StructuredLog) {
        self.log = log
    }

    /// Writes alerts to standard error.
    public init(clock: WallClock = .system) {
        self.init(log: StructuredLog(clock: clock))
    }

    /// Writes alert lines (each ending in a newline) with `write`.
    public init(clock: WallClock = .system, write: @escaping @Sendable (String) -> Void) {
        self.init(log: StructuredLog(minimumLevel: .debug, clock: clock) { write($0 + "\n") })
    }

    public func send(_ alert: Alert) async {
        let (level, fields) = Self.entry(for: alert)
        log.log(level, "alert", fields)
    }

    /// The level and fields an alert is logged with.
    static func entry(for alert: Alert) -> (StructuredLog.Level, [String: String]) {
        var fields = ["channel": alert.channel, "message": alert.message, "severity": alert.severity.rawValue]
        for (name, value) in alert.details { fields["detail." + name] = value }
        let level: StructuredLog.Level
        switch alert.severity {
        case .info: level = .info
        case .warning: level = .warning
        case .critical: level = .error
        }
        return (level, fields)
    }

    /// The log line of `alert` at `date`, without the newline.
    public static func line(for alert: Alert, at date: Date) -> String {
        let (level, fields) = entry(for: alert)
        return StructuredLog(clock: .fixed(date)) { _ in }.line(level, "alert", fields)
    }
}
