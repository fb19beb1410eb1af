/// Records which messages were processed, so that a duplicate is answered, not processed again.
///
/// A key is **claimed** with a lease (atomically: of two concurrent claims exactly one wins), then
/// **completed** with the response to replay, or **released** on failure so a retry can claim it again.
/// A claim whose holder died is taken over once its lease ends. Completed keys are kept for the store's
/// retention, which must cover the sender's retry horizon (Stripe: 3 days), and then purged.
///
/// Implementations: ``InMemoryIdempotencyStore`` (one process) and ``SQLiteIdempotencyStore`` (several
/// processes sharing one database file). The claim rests on the key's uniqueness in the store, never
/// on check-then-insert, which lets two concurrent deliveries both pass the check.
public protocol IdempotencyStore: Sendable {
    /// Claims `key` for `lease`.
    func claim(_ key: String, lease: Duration) async throws -> IdempotencyClaim

    /// Marks the leased key as processed, storing the response to replay to duplicates.
    /// Throws ``IdempotencyError/Code/leaseLost`` if the lease ended and someone else took the key.
    func complete(_ lease: IdempotencyLease, response: StoredResponse) async throws

    /// Gives the key up (processing failed and should be retried). Does nothing if the lease was lost.
    func release(_ lease: IdempotencyLease) async throws

    /// Deletes completed keys past their retention and claims past their lease; returns how many.
    @discardableResult
    func purgeExpired() async throws -> Int
}

extension IdempotencyStore {
    /// Keys longer than this are refused (providers' ids are far shorter; Stripe allows 255).
    static var maximumKeyLength: Int { 1024 }

    func validate(_ key: String) throws {
        guard !key.isEmpty, key.utf8.count <= Self.maximumKeyLength else {
            throw IdempotencyError(.invalidKey, key: String(key.prefix(64)))
        }
    }
}
