/// Nights claimed by more blocks than the unit has room for, and the blocks that claim them.
///
/// Blocks are grouped when they share an over-capacity night, directly or through another block, so
/// one overbooking is one conflict however many channels are involved.
public struct Conflict: Sendable, Hashable, Codable, Identifiable {
    /// Two claims that share over-capacity nights (for `capacity` 1: two stays that overlap).
    public struct Pair: Sendable, Hashable, Codable {
        /// The claim that starts first (then by source and UID).
        public var a: AvailabilityBlock
        /// The other claim.
        public var b: AvailabilityBlock
        /// The over-capacity nights both claim.
        public var nights: [CalendarDay]
    }

    /// Every block involved, ordered by start, source and UID.
    public var claims: [AvailabilityBlock]
    /// The nights over capacity, in order.
    public var nights: [CalendarDay]
    /// The unit's capacity (1 for an apartment, the beds of a hostel room type).
    public var capacity: Int

    /// Creates a conflict.
    public init(claims: [AvailabilityBlock], nights: [CalendarDay], capacity: Int) {
        self.claims = claims
        self.nights = nights
        self.capacity = capacity
    }

    /// A stable key: the claims' sources and UIDs and the first night, so a conflict reported again on the
    /// next sync is recognised.
    public var id: String {
        let claimKeys = claims.map { "\($0.source.rawValue):\($0.uid)" }.sorted().joined(separator: "|")
        return "\(nights.first?.description ?? "")|\(claimKeys)"
    }

    /// The most claims on any one night, minus the capacity.
    public var excess: Int {
        nights.map { night in claims.count(where: { $0.nights.contains(night) }) }.max().map { $0 - capacity } ?? 0
    }

    /// Every pair of claims that shares at least one over-capacity night, with those nights.
    public var pairs: [Pair] {
        var result: [Pair] = []
        for (offset, a) in claims.enumerated() {
            for b in claims[(offset + 1)...] where a.overlaps(b) {
                let shared = nights.filter { a.nights.contains($0) && b.nights.contains($0) }
                if !shared.isEmpty { result.append(Pair(a: a, b: b, nights: shared)) }
            }
        }
        return result
    }
}
