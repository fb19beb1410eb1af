internal import Foundation

/// The optimistic-concurrency experiment of AWS's "Exponential Backoff And Jitter" (Marc Brooker),
/// re-implemented on this library's ``Backoff`` and ``Jitter``, in simulated time.
///
/// `clients` clients start together; each reads the version of one shared row and writes it back with
/// that version; the write succeeds only if nobody wrote in between. A client whose write fails backs
/// off, then reads and writes again, until its write succeeds, so one client wins per round and total
/// work grows with the square of the clients. Every message crosses a network whose delay is
/// `|N(mean, deviation)|` (the simulator's `Net(10, 2)`). "Calls" counts writes, "time" is when the last
/// client finished; both are averaged over `runs` (the article averaged 100 runs per point).
///
/// As in the AWS simulator, the backoff after the k-th failed write uses retry index k (1-based), so the
/// first exponential wait is `2·base`; Polly's decorrelated V2 gets its own 0-based index, k − 1.
public struct BackoffSimulation: Sendable {
    /// A way of waiting between a failed write and the next read.
    public enum Strategy: String, Sendable, Hashable, CaseIterable, Codable {
        /// Retry at once.
        case none
        /// Capped exponential backoff without jitter.
        case exponential
        /// Full Jitter.
        case full
        /// Equal Jitter.
        case equal
        /// AWS's Decorrelated Jitter.
        case decorrelated
        /// Polly's decorrelated jitter V2.
        case decorrelatedV2 = "decorrelated-v2"

        /// The strategies the AWS article compares, in its order of presentation.
        public static let article: [Strategy] = [.none, .exponential, .full, .equal, .decorrelated]

        /// The jitter this strategy applies to the capped exponential backoff (`nil` for no wait at all).
        public var jitter: Jitter? {
            switch self {
            case .none: return nil
            case .exponential: return Jitter.none
            case .full: return .full
            case .equal: return .equal
            case .decorrelated: return .decorrelated
            case .decorrelatedV2: return .decorrelatedV2
            }
        }
    }

    /// The experiment's parameters; the defaults are the article's.
    public struct Configuration: Sendable, Hashable {
        /// Clients contending for the row.
        public var clients: Int
        /// Runs averaged per strategy.
        public var runs: Int
        /// The backoff's base (the simulator's 5 ms).
        public var base: Duration
        /// The backoff's cap (the simulator's 2,000 ms).
        public var cap: Duration
        /// Mean one-way network delay (10 ms).
        public var networkMean: Duration
        /// Standard deviation of the network delay (2 ms).
        public var networkDeviation: Duration
        /// Seeds the random generator: the same seed gives the same numbers.
        public var seed: UInt64

        /// Creates a configuration.
        public init(
            clients: Int = 50, runs: Int = 100, base: Duration = .milliseconds(5), cap: Duration = .milliseconds(2000),
            networkMean: Duration = .milliseconds(10), networkDeviation: Duration = .milliseconds(2), seed: UInt64 = 42
        ) {
            self.clients = max(1, clients)
            self.runs = max(1, runs)
            self.base = base
            self.cap = cap
            self.networkMean = networkMean
            self.networkDeviation = networkDeviation
            self.seed = seed
        }
    }

    /// One run's outcome.
    public struct Run: Sendable, Hashable {
        /// Writes sent to the row (failed ones included).
        public var calls: Int
        /// When the last client's write succeeded, in milliseconds.
        public var timeMilliseconds: Double
        /// Writes that succeeded: every client's, if nothing was lost.
        public var successfulWrites: Int
    }

    /// A strategy's means over the runs.
    public struct Result: Sendable, Hashable, Codable {
        /// The strategy.
        public var strategy: Strategy
        /// Mean writes per run.
        public var calls: Double
        /// Mean completion time per run, in milliseconds.
        public var timeMilliseconds: Double
        /// Successful writes over all runs (clients × runs when no client was lost).
        public var successfulWrites: Int
    }

    /// The parameters.
    public let configuration: Configuration

    /// A simulation with `configuration`.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Runs every strategy `runs` times and averages; `progress` is told after each run how many of
    /// the total are done. Each strategy draws from its own generator, seeded from the seed and the
    /// strategy, so adding or removing strategies does not change the others' numbers.
    public func run(
        strategies: [Strategy] = Strategy.article, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> [Result] {
        let total = strategies.count * configuration.runs
        var done = 0
        return strategies.map { strategy in
            var generator = SplitMix64(seed: seed(for: strategy))
            var calls = 0
            var time = 0.0
            var successes = 0
            for _ in 0..<configuration.runs {
                let run = runOnce(strategy, using: &generator)
                calls += run.calls
                time += run.timeMilliseconds
                successes += run.successfulWrites
                done += 1
                progress?(done, total)
            }
            let runs = Double(configuration.runs)
            return Result(
                strategy: strategy, calls: Double(calls) / runs, timeMilliseconds: time / runs,
                successfulWrites: successes)
        }
    }

    /// One run of the experiment with `strategy`.
    public func runOnce(_ strategy: Strategy, using generator: inout some RandomNumberGenerator) -> Run {
        let backoff = Backoff.exponential(base: configuration.base, cap: configuration.cap)
        let mean = DurationArithmetic.seconds(configuration.networkMean) * 1000
        let deviation = DurationArithmetic.seconds(configuration.networkDeviation) * 1000
        func networkDelay() -> Double {
            // Box–Muller: one standard normal draw from two uniforms.
            let u1 = 1 - Double.random(in: 0..<1, using: &generator)
            let u2 = Double.random(in: 0..<1, using: &generator)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return abs(mean + deviation * normal)
        }

        var queue = EventQueue()
        var failures = Array(repeating: 0, count: configuration.clients)
        var jitterStates = Array(repeating: Jitter.State(), count: configuration.clients)
        var version = 0
        var calls = 0
        var successes = 0
        var now = 0.0
        for client in 0..<configuration.clients {
            queue.push(Event(time: networkDelay(), client: client, kind: .serverRead))
        }
        while let event = queue.pop() {
            now = event.time
            switch event.kind {
            case .serverRead:
                queue.push(Event(time: now + networkDelay(), client: event.client, kind: .readReply(version: version)))
            case .readReply(let seen):
                queue.push(Event(time: now + networkDelay(), client: event.client, kind: .serverWrite(version: seen)))
            case .serverWrite(let expected):
                calls += 1
                let accepted = expected == version
                if accepted { version += 1 }
                queue.push(
                    Event(time: now + networkDelay(), client: event.client, kind: .writeReply(accepted: accepted)))
            case .writeReply(let accepted):
                if accepted {
                    successes += 1
                    continue
                }
                failures[event.client] += 1
                var wait = 0.0
                if let jitter = strategy.jitter {
                    let retry = strategy == .decorrelatedV2 ? failures[event.client] - 1 : failures[event.client]
                    wait =
                        jitter.seconds(
                            forRetry: retry, backoff: backoff, state: &jitterStates[event.client], using: &generator)
                        * 1000
                }
                queue.push(Event(time: now + networkDelay() + wait, client: event.client, kind: .serverRead))
            }
        }
        return Run(calls: calls, timeMilliseconds: now, successfulWrites: successes)
    }

    private func seed(for strategy: Strategy) -> UInt64 {
        let index = UInt64(Strategy.allCases.firstIndex(of: strategy) ?? 0)
        return configuration.seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    }
}

/// A message in flight in the simulated network.
private struct Event {
    enum Kind {
        case serverRead
        case readReply(version: Int)
        case serverWrite(version: Int)
        case writeReply(accepted: Bool)
    }

    var time: Double
    var client: Int
    var kind: Kind
    var sequence = 0
}

/// A binary min-heap of events by time, ties broken by arrival order so runs are reproducible.
private struct EventQueue {
    private var heap: [Event] = []
    private var counter = 0

    mutating func push(_ event: Event) {
        var event = event
        counter += 1
        event.sequence = counter
        heap.append(event)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Event? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && Self.before(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && Self.before(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }

    private static func before(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
}
