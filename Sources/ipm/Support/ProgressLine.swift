internal import Foundation

/// A one-line progress indicator on standard error, only when standard error is a terminal, and only
/// once work has lasted long enough to be worth watching (half a second). Redrawn at most ten times a
/// second; cleared when done, so nothing of it stays in the scrollback.
final class ProgressLine: @unchecked Sendable {
    private let context: Context
    private let label: String
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(context: Context, label: String) {
        self.context = context
        self.label = label
        enabled = isatty(2) == 1 && context.environment["TERM"] != "dumb"
        started = clock.now
    }

    /// Reports `done` of `total` units of work.
    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let now = clock.now
        guard now - started >= .milliseconds(500) else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
        lastDrawn = now
        drawn = true
        let percent = done * 100 / total
        context.err("\r\u{1B}[2K\(label) \(percent)% (\(done)/\(total))")
    }

    /// Clears the line.
    func finish() {
        guard drawn else { return }
        context.err("\r\u{1B}[2K")
        drawn = false
    }
}
