import IntegrationPatterns
import Synchronization

extension ManualClock {
    /// Yields until `count` tasks are asleep on the clock (or a generous number of yields has passed,
    /// which fails the expectation that follows rather than hanging). Never sleeps for real.
    func waitForSleepers(_ count: Int = 1) async {
        for _ in 0..<200_000 where sleeperCount < count {
            await Task.yield()
        }
    }

    /// Yields until the number of sleepers has stayed the same, and above zero, for a good while: the
    /// tasks under test have all gone to sleep. Never sleeps for real.
    func settle() async {
        var last = -1
        var stable = 0
        for _ in 0..<500_000 where !Task.isCancelled {
            let count = sleeperCount
            if count == last && count > 0 {
                stable += 1
                if stable >= 300 { return }
            } else {
                stable = 0
                last = count
            }
            await Task.yield()
        }
    }

    /// Moves time to each deadline in turn, once the tasks have settled, until `task` finishes.
    func drive<T: Sendable>(_ task: Task<T, any Error>) async throws -> T {
        let watcher = Task {
            while !Task.isCancelled {
                await settle()
                // A watcher cancelled while settling must not move time under the next test step.
                if Task.isCancelled { return }
                if !advanceToNextDeadline() { await Task.yield() }
            }
        }
        defer { watcher.cancel() }
        return try await task.value
    }

    /// ``drive(_:)`` returning the task's result.
    func result<T: Sendable>(of task: Task<T, any Error>) async -> Result<T, any Error> {
        let watcher = Task {
            while !Task.isCancelled {
                await settle()
                // A watcher cancelled while settling must not move time under the next test step.
                if Task.isCancelled { return }
                if !advanceToNextDeadline() { await Task.yield() }
            }
        }
        let result = await task.result
        watcher.cancel()
        return result
    }

    /// Time since the clock was made.
    var elapsed: Duration { now.offset }
}

/// A transient failure for tests (a 503).
let serviceUnavailable = HTTPResponseError(statusCode: 503)

/// Collects values from concurrent callbacks.
final class Recorder<Value: Sendable>: Sendable {
    private let stored = Mutex<[Value]>([])

    func append(_ value: Value) { stored.withLock { $0.append(value) } }
    var values: [Value] { stored.withLock { $0 } }
}

/// Counts calls from concurrent closures.
final class Counter: Sendable {
    private let stored = Mutex(0)

    @discardableResult
    func increment() -> Int {
        stored.withLock {
            $0 += 1; return $0
        }
    }
    var value: Int { stored.withLock { $0 } }
}
