/// Finds nights claimed beyond a unit's capacity and settles them by a ``ConflictPolicy``.
///
/// A block claims the nights `start..<end`. A conflict is a night claimed by more blocks than the
/// capacity: 1 for an apartment or a private room, the number of beds for a hostel room type sold by the
/// bed (research file ical-ota.md §5.4). Every conflict is reported, resolved or not; the unresolved ones
/// belong in a dead-letter queue (see ``deadLetter(_:unit:to:at:)``), never only in a log line.
///
/// ```swift
/// let resolver = ConflictResolver(policy: .channelPriority([.direct, .airbnb, .booking]))
/// for resolution in resolver.resolve(resolver.conflicts(in: claims, capacity: 1)) {
///     print(resolution.reason)
/// }
/// ```
public struct ConflictResolver: Sendable {
    /// The policy that decides who keeps the nights.
    public var policy: ConflictPolicy

    /// Creates a resolver; the default flags every conflict for a person.
    public init(policy: ConflictPolicy = .flagForHuman) { self.policy = policy }

    /// The conflicts among `blocks` (every claim on one unit, from all sources) for a unit of `capacity`.
    public func conflicts(in blocks: [AvailabilityBlock], capacity: Int = 1) -> [Conflict] {
        let capacity = max(1, capacity)
        let claims = blocks.filter { $0.nightCount > 0 }
        guard claims.count > capacity else { return [] }
        // Sweep the night boundaries; between two boundaries the set of claims is constant.
        var boundaries: [(day: CalendarDay, delta: Int, index: Int)] = []
        boundaries.reserveCapacity(claims.count * 2)
        for (index, block) in claims.enumerated() {
            boundaries.append((block.start, 1, index))
            boundaries.append((block.end, -1, index))
        }
        boundaries.sort { $0.day < $1.day || ($0.day == $1.day && $0.delta < $1.delta) }
        var parent = Array(claims.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var active = Set<Int>()
        var overloaded: [(range: Range<CalendarDay>, member: Int)] = []
        var position = 0
        while position < boundaries.count {
            let day = boundaries[position].day
            while position < boundaries.count && boundaries[position].day == day {
                let boundary = boundaries[position]
                if boundary.delta > 0 { active.insert(boundary.index) } else { active.remove(boundary.index) }
                position += 1
            }
            guard active.count > capacity, position < boundaries.count, let first = active.first else { continue }
            for member in active where member != first { parent[root(member)] = root(first) }
            overloaded.append((day..<boundaries[position].day, first))
        }
        guard !overloaded.isEmpty else { return [] }
        var groups: [Int: (claims: Set<Int>, nights: [CalendarDay])] = [:]
        for segment in overloaded {
            groups[root(segment.member), default: ([], [])].nights.append(contentsOf: Array(segment.range))
        }
        for index in claims.indices where groups[root(index)] != nil {
            groups[root(index)]?.claims.insert(index)
        }
        return groups.values
            .map { group in
                Conflict(
                    claims: group.claims.map { claims[$0] }.sorted(by: Self.claimOrder), nights: group.nights.sorted(),
                    capacity: capacity)
            }
            .sorted { ($0.nights.first ?? $0.claims[0].start) < ($1.nights.first ?? $1.claims[0].start) }
    }

    /// Applies the policy to each conflict.
    public func resolve(_ conflicts: [Conflict]) -> [ConflictResolution] { conflicts.map(resolve) }

    /// Applies the policy to one conflict.
    ///
    /// Claims are taken best first; a claim is kept if every one of its over-capacity nights still has
    /// room, else it is displaced. If a displaced claim ranks equal to a kept one it competes with, the
    /// policy cannot decide and the conflict is left unresolved.
    public func resolve(_ conflict: Conflict) -> ConflictResolution {
        if case .flagForHuman = policy {
            return ConflictResolution(
                conflict: conflict, kept: [], displaced: [], isResolved: false,
                reason: "the policy flags every conflict for a person")
        }
        let ordered = conflict.claims.enumerated().sorted { lhs, rhs in
            switch compare(lhs.element, rhs.element) {
            case .some(let better): return better
            case .none: return lhs.offset < rhs.offset
            }
        }.map(\.element)
        let overloaded = Set(conflict.nights)
        var taken: [CalendarDay: [AvailabilityBlock]] = [:]
        var kept: [AvailabilityBlock] = []
        var displaced: [AvailabilityBlock] = []
        for claim in ordered {
            let contested = claim.nights.filter { overloaded.contains($0) }
            let full = contested.filter { (taken[$0]?.count ?? 0) >= conflict.capacity }
            if full.isEmpty {
                kept.append(claim)
                for night in contested { taken[night, default: []].append(claim) }
                continue
            }
            let rivals = full.flatMap { taken[$0] ?? [] }
            if rivals.contains(where: { compare($0, claim) == nil }) {
                return ConflictResolution(
                    conflict: conflict, kept: [], displaced: [], isResolved: false,
                    reason:
                        "\(policy) cannot choose between \(describe(claim)) and an equal claim: a person must decide")
            }
            displaced.append(claim)
        }
        let reason = "\(policy): displaced " + displaced.map(describe).joined(separator: ", ")
        return ConflictResolution(
            conflict: conflict, kept: kept, displaced: displaced, isResolved: true, reason: reason)
    }

    /// `true` when `a` ranks above `b`, `false` when below, `nil` when the policy cannot tell them apart.
    private func compare(_ a: AvailabilityBlock, _ b: AvailabilityBlock) -> Bool? {
        switch policy {
        case .channelPriority(let order):
            let rankA = order.firstIndex(of: a.source) ?? order.count
            let rankB = order.firstIndex(of: b.source) ?? order.count
            return rankA == rankB ? nil : rankA < rankB
        case .firstBookedWins:
            switch (a.bookedAt, b.bookedAt) {
            case (let x?, let y?): return x == y ? nil : x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return nil
            }
        case .directWins:
            return a.source.isLocal == b.source.isLocal ? nil : a.source.isLocal
        case .flagForHuman:
            return nil
        }
    }

    private func describe(_ block: AvailabilityBlock) -> String {
        "\(block.source.rawValue) \(block.uid) (\(block.start)–\(block.end))"
    }

    static func claimOrder(_ a: AvailabilityBlock, _ b: AvailabilityBlock) -> Bool {
        (a.start, a.source.rawValue, a.uid) < (b.start, b.source.rawValue, b.uid)
    }
}
