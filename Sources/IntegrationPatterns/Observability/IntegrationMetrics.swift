internal import Synchronization

/// Counters and latency summaries for an integration, readable as a snapshot or in Prometheus' text
/// exposition format for a `/metrics` endpoint.
///
/// Names follow Prometheus conventions (`webhook_decisions_total`, `webhook_handle_seconds`); labels
/// are a small fixed set (a decision, a provider), never ids, or the series multiply without bound.
public final class IntegrationMetrics: Sendable {
    /// A counter's or a summary's identity: its name and labels.
    public struct Series: Sendable, Hashable, Comparable {
        public var name: String
        public var labels: [String: String]

        /// The labels as `{a="1",b="2"}`, sorted; empty without labels.
        public var labelText: String {
            guard !labels.isEmpty else { return "" }
            return "{" + labels.keys.sorted().map { "\($0)=\"\(labels[$0]!)\"" }.joined(separator: ",") + "}"
        }

        public static func < (lhs: Series, rhs: Series) -> Bool {
            (lhs.name, lhs.labelText) < (rhs.name, rhs.labelText)
        }
    }

    /// Observed durations of one series.
    public struct Summary: Sendable, Hashable {
        /// How many observations.
        public var count: Int
        /// Their sum, in seconds.
        public var sum: Double
        /// The 50th, 90th and 99th percentiles of the most recent observations (up to 1,024), in seconds.
        public var p50: Double
        public var p90: Double
        public var p99: Double
    }

    private struct State {
        var counters: [Series: Int] = [:]
        var samples: [Series: (count: Int, sum: Double, recent: [Double])] = [:]
    }

    private let state = Mutex(State())
    private static let window = 1024

    /// Creates an empty registry.
    public init() {}

    /// Adds `amount` to a counter.
    public func increment(_ name: String, labels: [String: String] = [:], by amount: Int = 1) {
        state.withLock { $0.counters[Series(name: name, labels: labels), default: 0] += amount }
    }

    /// Records a duration, in seconds.
    public func observe(_ name: String, seconds: Double, labels: [String: String] = [:]) {
        state.withLock { state in
            let series = Series(name: name, labels: labels)
            var entry = state.samples[series] ?? (0, 0, [])
            entry.count += 1
            entry.sum += seconds
            entry.recent.append(seconds)
            if entry.recent.count > Self.window { entry.recent.removeFirst(entry.recent.count - Self.window) }
            state.samples[series] = entry
        }
    }

    /// A counter's value (0 if never incremented).
    public func counter(_ name: String, labels: [String: String] = [:]) -> Int {
        state.withLock { $0.counters[Series(name: name, labels: labels)] ?? 0 }
    }

    /// A duration series' summary, or `nil` without observations.
    public func summary(_ name: String, labels: [String: String] = [:]) -> Summary? {
        state.withLock { state in
            guard let entry = state.samples[Series(name: name, labels: labels)] else { return nil }
            let sorted = entry.recent.sorted()
            func percentile(_ p: Double) -> Double {
                sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
            }
            return Summary(
                count: entry.count, sum: entry.sum, p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99))
        }
    }

    /// Everything, in Prometheus' text exposition format.
    public func prometheusText() -> String {
        let (counters, samples) = state.withLock { ($0.counters, $0.samples) }
        var lines: [String] = []
        var typed = Set<String>()
        for series in counters.keys.sorted() {
            if typed.insert(series.name).inserted { lines.append("# TYPE \(series.name) counter") }
            lines.append("\(series.name)\(series.labelText) \(counters[series]!)")
        }
        for series in samples.keys.sorted() {
            guard let summary = summary(series.name, labels: series.labels) else { continue }
            if typed.insert(series.name).inserted { lines.append("# TYPE \(series.name) summary") }
            for (quantile, value) in [("0.5", summary.p50), ("0.9", summary.p90), ("0.99", summary.p99)] {
                var labels = series.labels
                labels["quantile"] = quantile
                lines.append("\(series.name)\(Series(name: series.name, labels: labels).labelText) \(value)")
            }
            lines.append("\(series.name)_sum\(series.labelText) \(summary.sum)")
            lines.append("\(series.name)_count\(series.labelText) \(summary.count)")
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
