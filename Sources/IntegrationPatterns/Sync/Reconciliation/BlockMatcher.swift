/// Pairs fetched blocks with stored ones: by UID, then by checkout date, then by overlap.
///
/// Each stored block is matched at most once and each fetched block at most once. Live stored blocks
/// (active or missing) are matched by every rule; tombstones only by UID, so a cancelled stay is never
/// revived by a different stay that happens to end the same day.
struct BlockMatcher {
    struct Match {
        var stored: Int
        var rule: ReconciliationResult.MatchRule
    }

    private let stored: [TrackedBlock]
    private let fetched: [AvailabilityBlock]
    private var fetchedMatch: [Match?]
    private var storedTaken: [Bool]

    init(stored: [TrackedBlock], fetched: [AvailabilityBlock]) {
        self.stored = stored
        self.fetched = fetched
        fetchedMatch = Array(repeating: nil, count: fetched.count)
        storedTaken = Array(repeating: false, count: stored.count)
    }

    func match(forFetched index: Int) -> Match? { fetchedMatch[index] }

    func isStoredMatched(_ index: Int) -> Bool { storedTaken[index] }

    mutating func matchAll() {
        matchByUID()
        matchByCheckout()
        matchByOverlap()
    }

    private mutating func take(_ fetchedIndex: Int, _ storedIndex: Int, _ rule: ReconciliationResult.MatchRule) {
        fetchedMatch[fetchedIndex] = Match(stored: storedIndex, rule: rule)
        storedTaken[storedIndex] = true
    }

    private mutating func matchByUID() {
        var live: [String: Int] = [:]
        var tombstones: [String: Int] = [:]
        live.reserveCapacity(stored.count)
        for (index, tracked) in stored.enumerated() {
            if tracked.holdsNights {
                if live[tracked.block.uid] == nil { live[tracked.block.uid] = index }
            } else if tombstones[tracked.block.uid] == nil {
                tombstones[tracked.block.uid] = index
            }
        }
        for (index, block) in fetched.enumerated() {
            if let storedIndex = live[block.uid], !storedTaken[storedIndex] {
                take(index, storedIndex, .uid)
            } else if let storedIndex = tombstones[block.uid], !storedTaken[storedIndex] {
                take(index, storedIndex, .uid)
            }
        }
    }

    private mutating func matchByCheckout() {
        var byCheckout: [CalendarDay: [Int]] = [:]
        for (index, tracked) in stored.enumerated() where tracked.holdsNights && !storedTaken[index] {
            byCheckout[tracked.block.end, default: []].append(index)
        }
        guard !byCheckout.isEmpty else { return }
        for (index, block) in fetched.enumerated() where fetchedMatch[index] == nil {
            let candidates = (byCheckout[block.end] ?? []).filter { !storedTaken[$0] }
            // Two stays ending the same day are told apart by their start; otherwise leave it to overlap.
            if let same = candidates.first(where: { stored[$0].block.start == block.start }) {
                take(index, same, .checkout)
            } else if candidates.count == 1 {
                take(index, candidates[0], .checkout)
            }
        }
    }

    private mutating func matchByOverlap() {
        let candidates = stored.indices
            .filter { stored[$0].holdsNights && !storedTaken[$0] }
            .sorted { stored[$0].block.start < stored[$1].block.start }
        guard !candidates.isEmpty else { return }
        let longest = candidates.map { stored[$0].block.nightCount }.max() ?? 0
        let starts = candidates.map { stored[$0].block.start }
        for (index, block) in fetched.enumerated() where fetchedMatch[index] == nil {
            // Candidates start before the fetched block ends and no earlier than its start minus the longest stay.
            var upper = starts.partitionPoint { $0 >= block.end }
            var best: (index: Int, shared: Int)?
            while upper > 0 {
                upper -= 1
                let storedIndex = candidates[upper]
                let candidate = stored[storedIndex].block
                if candidate.start.distance(to: block.start) > longest { break }
                guard !storedTaken[storedIndex] else { continue }
                let shared = candidate.sharedNights(with: block)
                if shared > 0 && shared >= (best?.shared ?? 0) { best = (storedIndex, shared) }
            }
            if let best { take(index, best.index, .overlap) }
        }
    }
}

extension Array where Element: Comparable {
    /// The first index whose element satisfies `predicate`, for a predicate false then true along the array.
    fileprivate func partitionPoint(_ predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
