internal import Synchronization

/// Runs `operation` with a time limit: returns its result, or throws ``TimeoutError`` as soon as `limit`
/// has passed on `clock` and cancels the operation.
///
/// The caller is released at the deadline even if the operation ignores cancellation (cockatiel's
/// "aggressive" strategy); the abandoned operation keeps running until it notices, so make long work
/// check `Task.isCancelled`. Cancelling the caller cancels the operation and throws `CancellationError`.
public func withTimeout<T: Sendable, C: Clock<Duration>>(
    _ limit: Duration, clock: C = ContinuousClock(), operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let deadline = clock.now.advanced(by: limit)
    return try await raceAgainstTimeout(
        limit, sleep: { try await clock.sleep(until: deadline, tolerance: nil) }, operation: operation)
}

/// The race behind ``withTimeout(_:clock:operation:)``: `sleep` returns at the deadline.
func raceAgainstTimeout<T: Sendable>(
    _ limit: Duration, sleep: @escaping @Sendable () async throws -> Void,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = TimeoutRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            race.start(continuation: continuation)
            let work = Task {
                do {
                    race.finish(.success(try await operation()))
                } catch {
                    race.finish(.failure(error))
                }
            }
            let timer = Task {
                do {
                    try await sleep()
                    race.finish(.failure(TimeoutError(limit: limit)))
                } catch {
                    // Cancelled: the operation finished first.
                }
            }
            race.attach(work: work, timer: timer)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The shared state of one timeout race: the first result wins and resumes the caller once; the
/// loser is cancelled.
private final class TimeoutRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    func start(continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if let result = state.result { return result }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func attach(work: Task<Void, Never>, timer: Task<Void, Never>) {
        let finished = state.withLock { state -> Bool in
            state.work = work
            state.timer = timer
            return state.result != nil
        }
        if finished {
            work.cancel()
            timer.cancel()
        }
    }

    func finish(_ result: Result<T, any Error>) {
        let (continuation, work, timer) = state.withLock { state in
            guard state.result == nil else {
                return (CheckedContinuation<T, any Error>?.none, Task<Void, Never>?.none, Task<Void, Never>?.none)
            }
            state.result = result
            let continuation = state.continuation
            state.continuation = nil
            return (continuation, state.work, state.timer)
        }
        work?.cancel()
        timer?.cancel()
        continuation?.resume(with: result)
    }
}
