/// Any `Clock<Duration>`, erased to "time elapsed since it was made" plus sleeping.
///
/// The resilience types take a clock through a generic initialiser (`ContinuousClock` by default,
/// `ManualClock` in tests) and keep this erased form, so the types themselves stay non-generic and
/// easy to store and share (one breaker per dependency in a dictionary, say).
struct ElapsedClock: Sendable {
    private let readNow: @Sendable () -> Duration
    private let sleepUntil: @Sendable (Duration) async throws -> Void

    init<C: Clock<Duration>>(_ clock: C) {
        let start = clock.now
        readNow = { start.duration(to: clock.now) }
        sleepUntil = { offset in try await clock.sleep(until: start.advanced(by: offset), tolerance: nil) }
    }

    /// Time elapsed since the clock was wrapped.
    func now() -> Duration { readNow() }

    /// Sleeps until `now()` reaches `deadline`; throws `CancellationError` if cancelled.
    func sleep(until deadline: Duration) async throws {
        try await sleepUntil(deadline)
    }

    /// Sleeps for `duration` (returns at once for zero or less); throws `CancellationError` if cancelled.
    func sleep(for duration: Duration) async throws {
        guard duration > .zero else {
            try Task.checkCancellation()
            return
        }
        try await sleepUntil(now() + duration)
    }
}
