import IntegrationPatterns
import Testing

/// Arrival orders for event-driven state machines: every permutation of short sequences, seeded shuffles
/// of longer ones.
enum Orderings {
    /// Every permutation of `items`, by Heap's algorithm (n! of them: keep n small).
    static func permutations<T>(_ items: [T]) -> [[T]] {
        var items = items
        var result: [[T]] = []
        func generate(_ count: Int) {
            if count <= 1 {
                result.append(items)
                return
            }
            for index in 0..<count {
                generate(count - 1)
                items.swapAt(count % 2 == 0 ? index : 0, count - 1)
            }
        }
        generate(items.count)
        return result
    }

    /// `count` shuffles of `items`, each fixed by a seed.
    static func shuffles<T>(_ items: [T], count: Int, seed: UInt64) -> [[T]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in items.shuffled(using: &random) }
    }

    /// Applies every ordering to a fresh machine, expects them all to end in the same state, and returns it.
    static func finalState<Machine: Equatable, Event>(
        of initial: Machine, orders: [[Event]], apply: (inout Machine, Event) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Machine {
        var reference: Machine?
        var differing = 0
        for order in orders {
            var machine = initial
            for event in order { apply(&machine, event) }
            if let reference {
                if machine != reference { differing += 1 }
            } else {
                reference = machine
            }
        }
        #expect(
            differing == 0, "\(differing) of \(orders.count) orders ended elsewhere", sourceLocation: sourceLocation)
        return reference ?? initial
    }
}

@Suite("Orderings")
struct OrderingsTests {
    @Test("permutations are all distinct and n! in number")
    func permutations() {
        let all = Orderings.permutations([1, 2, 3, 4, 5])
        #expect(all.count == 120)
        #expect(Set(all.map { $0.map(String.init).joined() }).count == 120)
    }
}
