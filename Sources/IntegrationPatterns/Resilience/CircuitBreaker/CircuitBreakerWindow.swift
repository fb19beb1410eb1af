/// The recent outcomes a failure-ratio policy looks at: the last N calls, or the calls of the last T in
/// buckets. Both aggregate in O(1) by subtracting what leaves (resilience4j's sliding windows).
struct CircuitBreakerWindow: Sendable {
    private enum Storage: Sendable {
        case count(ring: [Bool], next: Int, filled: Int)
        case time(bucketWidth: Int64, buckets: [Bucket])
    }

    /// One time slice: its index (time / width) and what happened in it.
    struct Bucket: Sendable, Hashable {
        var index: Int64
        var calls: Int
        var failures: Int
    }

    private var storage: Storage
    private(set) var calls = 0
    private(set) var failures = 0

    init(_ window: CircuitBreakerPolicy.Window) {
        switch window {
        case .count(let size):
            storage = .count(ring: Array(repeating: false, count: max(1, size)), next: 0, filled: 0)
        case .time(let duration, let buckets):
            let count = max(1, buckets)
            let width = max(1, Self.nanoseconds(duration) / Int64(count))
            storage = .time(
                bucketWidth: width,
                buckets: Array(repeating: Bucket(index: Int64.min, calls: 0, failures: 0), count: count))
        }
    }

    /// Adds an outcome at `now`.
    mutating func record(failure: Bool, now: Duration) {
        switch storage {
        case .count(var ring, var next, var filled):
            if filled == ring.count {
                calls -= 1
                if ring[next] { failures -= 1 }
            } else {
                filled += 1
            }
            ring[next] = failure
            next = (next + 1) % ring.count
            calls += 1
            if failure { failures += 1 }
            storage = .count(ring: ring, next: next, filled: filled)
        case .time(let width, var buckets):
            expire(now: now)
            if case .time(_, let current) = storage { buckets = current }
            let index = Self.nanoseconds(now) / width
            let slot = Int(index.magnitude % UInt64(buckets.count))
            if buckets[slot].index != index {
                calls -= buckets[slot].calls
                failures -= buckets[slot].failures
                buckets[slot] = Bucket(index: index, calls: 0, failures: 0)
            }
            buckets[slot].calls += 1
            if failure { buckets[slot].failures += 1 }
            calls += 1
            if failure { failures += 1 }
            storage = .time(bucketWidth: width, buckets: buckets)
        }
    }

    /// Drops time buckets that have slid out of the window.
    mutating func expire(now: Duration) {
        guard case .time(let width, var buckets) = storage else { return }
        let index = Self.nanoseconds(now) / width
        let oldest = index - Int64(buckets.count) + 1
        for slot in buckets.indices where buckets[slot].calls > 0 && buckets[slot].index < oldest {
            calls -= buckets[slot].calls
            failures -= buckets[slot].failures
            buckets[slot] = Bucket(index: Int64.min, calls: 0, failures: 0)
        }
        storage = .time(bucketWidth: width, buckets: buckets)
    }

    /// Forgets everything.
    mutating func reset() {
        switch storage {
        case .count(let ring, _, _):
            storage = .count(ring: Array(repeating: false, count: ring.count), next: 0, filled: 0)
        case .time(let width, let buckets):
            storage = .time(
                bucketWidth: width,
                buckets: Array(repeating: Bucket(index: Int64.min, calls: 0, failures: 0), count: buckets.count))
        }
        calls = 0
        failures = 0
    }

    /// The outcomes for export: count windows oldest first; time windows as (age of the bucket's start,
    /// calls, failures).
    func exported(now: Duration) -> (outcomes: [Bool]?, buckets: [(ageNanoseconds: Int64, calls: Int, failures: Int)]?)
    {
        switch storage {
        case .count(let ring, let next, let filled):
            let start = (next - filled + ring.count) % ring.count
            return ((0..<filled).map { ring[(start + $0) % ring.count] }, nil)
        case .time(let width, let buckets):
            let nowNanoseconds = Self.nanoseconds(now)
            let live = buckets.filter { $0.calls > 0 }.sorted { $0.index < $1.index }
            return (nil, live.map { (max(0, nowNanoseconds - $0.index * width), $0.calls, $0.failures) })
        }
    }

    /// Replays exported outcomes at `now`, ages made older by `elapsed`.
    mutating func restore(
        outcomes: [Bool]?, buckets: [(ageNanoseconds: Int64, calls: Int, failures: Int)]?, now: Duration,
        elapsed: Duration
    ) {
        reset()
        switch storage {
        case .count:
            for failure in outcomes ?? [] { record(failure: failure, now: now) }
        case .time(let width, var slots):
            let nowNanoseconds = Self.nanoseconds(now)
            let extra = Self.nanoseconds(elapsed)
            for bucket in buckets ?? [] {
                let start = nowNanoseconds - bucket.ageNanoseconds - extra
                let index = start >= 0 ? start / width : (start - width + 1) / width
                let slot = Int(index.magnitude % UInt64(slots.count))
                slots[slot] = Bucket(index: index, calls: bucket.calls, failures: bucket.failures)
                calls += bucket.calls
                failures += bucket.failures
            }
            storage = .time(bucketWidth: width, buckets: slots)
            expire(now: now)
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min / 2 : Int64.max / 2 }
        return product + attoseconds / 1_000_000_000
    }
}
