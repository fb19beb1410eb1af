extension RedrivableDeadLetterQueue {
    /// Hands parked messages back to `handler`, oldest first, at most `ratePerSecond` a second; removes
    /// each one it accepts and records a new failure on each one it throws for.
    ///
    /// Copy of Amazon SQS's redrive choices: a rate limit, oldest first, and (with `stopOnFailure`, the
    /// default) a stop at the first failure, since the next message most likely fails for the same
    /// reason. Redrive into the handler after verification, through the idempotency store, never
    /// back through a public endpoint. Run one redrive per queue at a time.
    ///
    /// - Parameters:
    ///   - source: Only messages of this source.
    ///   - reason: Only messages parked for this reason (redrive exhausted retries, not invalid input).
    ///   - limit: At most this many messages.
    ///   - ratePerSecond: The pace: the first message goes at once, then one every `1/ratePerSecond` s.
    ///   - stopOnFailure: Stop at the first failure (default) or go on with the rest.
    ///   - clock: Paces the redrive (`ContinuousClock` by default).
    ///   - wallClock: Dates the new failures.
    ///   - handler: Processes one message; throwing leaves it parked.
    public func redrive<C: Clock<Duration>>(
        source: String? = nil, reason: String? = nil, limit: Int = 1000, ratePerSecond: Double,
        stopOnFailure: Bool = true, clock: C = ContinuousClock(), wallClock: WallClock = .system,
        handler: (DeadLetter) async throws -> Void
    ) async throws -> RedriveReport {
        let selected = try await list(source: source, limit: reason == nil ? max(0, limit) : Int.max)
            .filter { reason == nil || $0.reason == reason }
            .prefix(max(0, limit))
        var report = RedriveReport()
        let elapsed = ElapsedClock(clock)
        var pace = TokenBucket(capacity: 1, refillPerSecond: ratePerSecond, now: elapsed.now())
        for letter in selected {
            guard let id = letter.id else { continue }
            if let wait = pace.reserve(1, now: elapsed.now(), maxWait: DurationArithmetic.ceiling), wait > .zero {
                try await elapsed.sleep(for: wait)
            }
            do {
                try await handler(letter)
                try await remove(id: id)
                report.redriven.append(id)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try await recordFailedRedrive(id: id, error: String(describing: error), at: wallClock.now())
                report.failed.append(id)
                if stopOnFailure {
                    report.stoppedEarly = report.redriven.count + report.failed.count < selected.count
                    break
                }
            }
        }
        return report
    }
}
