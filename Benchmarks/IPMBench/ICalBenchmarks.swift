import Foundation
import IntegrationPatterns

/// iCal sync cases: parsing and normalising a feed file, and reconciling two large snapshots.
enum ICalBenchmarks {
    /// `ical-parse FILE [RUNS]`: the median time to parse and normalise the file (libical + ipm's pass).
    static let parse: BenchmarkCases.Case = { arguments in
        guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
            throw ICalBenchmarkError("usage: ical-parse FILE [RUNS]")
        }
        let bytes = Array(data)
        let runs = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
        var events = 0
        let median = try ICalTiming.median(runs: runs) {
            events = try ICalParser().parse(bytes).blocks.count
        }
        return ["seconds": median, "events": events, "ops_per_sec": 1 / median]
    }

    /// `ical-reconcile N [RUNS]`: N stored blocks against a fetch of N blocks in which a few percent were
    /// added, cancelled, moved or given new UIDs (as Booking.com is reported to do).
    static let reconcile: BenchmarkCases.Case = { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 10_000
        let runs = arguments.count > 1 ? Int(arguments[1]) ?? 7 : 7
        var random = SplitMix64(seed: 2026)
        let stored = (0..<count).map { index -> AvailabilityBlock in
            let start = CalendarDay(daysSinceEpoch: 20_000 + index * 3)
            return AvailabilityBlock(
                source: .booking, uid: "stay-\(index)@booking.com", start: start, end: start.adding(days: 2),
                kind: .unknown,
                summary: "CLOSED - Not available")
        }
        var fetched: [AvailabilityBlock] = []
        fetched.reserveCapacity(count)
        for block in stored {
            switch random.next() % 100 {
            case 0: continue  // cancelled
            case 1:
                fetched.append(
                    AvailabilityBlock(
                        source: .booking, uid: "new-\(random.next())@booking.com", start: block.start, end: block.end,
                        kind: .unknown))  // rotated UID
            case 2:
                var moved = block
                moved.end = moved.end.adding(days: 1)  // extended stay
                fetched.append(moved)
            default: fetched.append(block)
            }
        }
        let state = Reconciler().reconcile(stored, against: .empty, at: Date(timeIntervalSince1970: 0)).state
        let reconciler = Reconciler()
        var changes = 0
        let median = ICalTiming.median(runs: runs) {
            let result = reconciler.reconcile(fetched, against: state, at: Date(timeIntervalSince1970: 300))
            changes = result.added.count + result.changed.count + result.pending.count
        }
        return [
            "seconds": median, "stored": count, "fetched": fetched.count, "changes": changes, "ops_per_sec": 1 / median,
        ]
    }
}

/// Median wall time of repeated runs, after one warm-up run.
enum ICalTiming {
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        try body()
        var samples: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = clock.now
            try body()
            let elapsed = clock.now - start
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}

/// A case's usage error.
struct ICalBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
