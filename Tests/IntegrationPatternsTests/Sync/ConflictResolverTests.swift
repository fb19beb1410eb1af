import Foundation
import IntegrationPatterns
import Testing

@Suite("ConflictResolver")
struct ConflictResolverTests {
    private let airbnb = block("a@airbnb.com", "2026-04-26", "2026-04-29", source: .airbnb)
    private let booking = block("b@booking.com", "2026-04-28", "2026-04-30", source: .booking, kind: .unknown)

    @Test("the worked example: Airbnb 26→29 and Booking.com 28→30 collide on the night of the 28th")
    func workedExample() throws {
        let conflicts = ConflictResolver().conflicts(in: [airbnb, booking], capacity: 1)
        let conflict = try #require(conflicts.first)
        #expect(conflicts.count == 1)
        #expect(conflict.nights == [day("2026-04-28")])
        #expect(conflict.claims == [airbnb, booking])
        #expect(conflict.excess == 1)
        #expect(conflict.pairs.map { [$0.a.uid, $0.b.uid] } == [["a@airbnb.com", "b@booking.com"]])
        #expect(conflict.id == "2026-04-28|airbnb:a@airbnb.com|booking:b@booking.com")
    }

    @Test("checkout and check-in on the same day is not a conflict (DTEND is exclusive)")
    func backToBack() {
        let next = block("n@booking.com", "2026-04-29", "2026-05-02", source: .booking)
        #expect(ConflictResolver().conflicts(in: [airbnb, next]).isEmpty)
    }

    @Test("a hostel room type with 6 beds conflicts at the 7th claim on a night")
    func hostelCapacity() throws {
        let claims = (0..<7).map {
            block("bed-\($0)", "2026-04-2\($0 % 3)", "2026-04-29", source: $0 < 4 ? .booking : .other)
        }
        #expect(ConflictResolver().conflicts(in: claims, capacity: 7).isEmpty)
        let conflict = try #require(ConflictResolver().conflicts(in: claims, capacity: 6).first)
        #expect(
            conflict.nights.map(\.description) == [
                "2026-04-22", "2026-04-23", "2026-04-24", "2026-04-25", "2026-04-26", "2026-04-27", "2026-04-28",
            ])
        #expect(conflict.claims.count == 7)
        #expect(conflict.excess == 1)
    }

    @Test("a chain of overlaps is one conflict, with one pair per overlapping couple")
    func chain() throws {
        let a = block("a", "2026-05-01", "2026-05-04", source: .airbnb)
        let b = block("b", "2026-05-03", "2026-05-06", source: .booking)
        let c = block("c", "2026-05-05", "2026-05-08", source: .vrbo)
        let conflicts = ConflictResolver().conflicts(in: [c, a, b])
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.claims.map(\.uid) == ["a", "b", "c"])
        #expect(conflict.nights.map(\.description) == ["2026-05-03", "2026-05-05"])
        #expect(
            conflict.pairs.map { "\($0.a.uid)-\($0.b.uid):\($0.nights.map(\.description))" } == [
                "a-b:[\"2026-05-03\"]", "b-c:[\"2026-05-05\"]",
            ])
    }

    @Test("channel priority keeps the higher channel and displaces the other")
    func channelPriority() throws {
        let resolver = ConflictResolver(policy: .channelPriority([.direct, .airbnb, .booking]))
        let resolution = try #require(resolver.resolve(resolver.conflicts(in: [booking, airbnb])).first)
        #expect(resolution.isResolved)
        #expect(resolution.kept == [airbnb])
        #expect(resolution.displaced == [booking])
        #expect(
            resolution.reason
                == "priority=direct,airbnb,booking: displaced booking b@booking.com (2026-04-28–2026-04-30)")
    }

    @Test(
        "two claims the policy ranks equal leave the conflict unresolved",
        arguments: [
            ConflictPolicy.channelPriority([.booking]), .directWins, .firstBookedWins, .flagForHuman,
        ])
    func ties(policy: ConflictPolicy) throws {
        let first = block("one", "2026-04-26", "2026-04-29", source: .airbnb)
        let second = block("two", "2026-04-27", "2026-04-30", source: .airbnb)
        let resolver = ConflictResolver(policy: policy)
        let resolution = try #require(resolver.resolve(resolver.conflicts(in: [first, second])).first)
        #expect(!resolution.isResolved)
        #expect(resolution.kept.isEmpty && resolution.displaced.isEmpty)
    }

    @Test("direct bookings win over every channel; a claim freed by a displaced one is kept")
    func directWins() throws {
        let direct = block("own-1", "2026-04-27", "2026-04-28", source: .direct)
        let resolver = ConflictResolver(policy: .directWins)
        let resolution = try #require(resolver.resolve(resolver.conflicts(in: [airbnb, booking, direct])).first)
        #expect(resolution.isResolved)
        // Airbnb loses the 27th to the direct stay; with Airbnb displaced, Booking.com's 28th is free again.
        #expect(resolution.kept == [direct, booking])
        #expect(resolution.displaced == [airbnb])
    }

    @Test("first booked wins by bookedAt; an unknown time ranks last")
    func firstBooked() throws {
        var early = booking
        early.bookedAt = at()
        var late = airbnb
        late.bookedAt = at(minutes: 30)
        let resolver = ConflictResolver(policy: .firstBookedWins)
        let resolution = try #require(resolver.resolve(resolver.conflicts(in: [late, early])).first)
        #expect(resolution.kept == [early] && resolution.displaced == [late])
        late.bookedAt = nil
        let unknown = try #require(resolver.resolve(resolver.conflicts(in: [late, early])).first)
        #expect(unknown.kept == [early])
    }

    @Test("with capacity 2 the two best claims are kept")
    func capacityTwo() throws {
        let claims = [
            block("v", "2026-04-26", "2026-04-29", source: .vrbo),
            block("b", "2026-04-26", "2026-04-29", source: .booking),
            block("a", "2026-04-26", "2026-04-29", source: .airbnb),
        ]
        let resolver = ConflictResolver(policy: .channelPriority([.airbnb, .booking, .vrbo]))
        let resolution = try #require(resolver.resolve(resolver.conflicts(in: claims, capacity: 2)).first)
        #expect(resolution.kept.map(\.uid) == ["a", "b"])
        #expect(resolution.displaced.map(\.uid) == ["v"])
    }

    @Test(
        "policies parse from their CLI spelling and print back the same",
        arguments: [
            "priority=direct,airbnb,booking", "first-booked", "direct", "human",
        ])
    func policySpelling(text: String) throws {
        #expect(try #require(ConflictPolicy(text)).description == text)
        #expect(ConflictPolicy("priority=") == nil)
        #expect(ConflictPolicy("coin-flip") == nil)
    }

    @Test("unresolved conflicts go to the dead-letter queue once, with both claims attached")
    func deadLetters() async throws {
        let queue = RecordingDeadLetterQueue()
        let resolver = ConflictResolver(policy: .flagForHuman)
        let resolutions = resolver.resolve(resolver.conflicts(in: [airbnb, booking]))
        #expect(try await resolver.deadLetter(resolutions, unit: "A1", to: queue, at: at()) == 1)
        #expect(try await resolver.deadLetter(resolutions, unit: "A1", to: queue, at: at(minutes: 5)) == 0)
        let letters = await queue.letters
        let letter = try #require(letters.first)
        #expect(letters.count == 1)
        #expect(letter.source == "ical:A1")
        #expect(letter.reason == "unresolved_conflict")
        #expect(letter.key == resolutions[0].conflict.id)
        #expect(letter.error == "the policy flags every conflict for a person")
        let payload = try JSONDecoder().decode(Conflict.self, from: Data(letter.payload))
        #expect(payload.claims == [airbnb, booking])
        let resolved = ConflictResolver(policy: .channelPriority([.airbnb]))
        #expect(
            try await resolved.deadLetter(
                resolved.resolve(resolved.conflicts(in: [airbnb, booking])), unit: "A1", to: queue, at: at()) == 0)
    }

    @Test("property: conflict nights are exactly the nights over capacity (300 seeds)")
    func bruteForce() {
        for seed in UInt64(1)...300 {
            var random = SplitMix64(seed: seed)
            let capacity = Int.random(in: 1...3, using: &random)
            let sources: [FeedSource] = [.airbnb, .booking, .vrbo, .direct]
            let claims = (0..<Int.random(in: 0...14, using: &random)).map { index -> AvailabilityBlock in
                let start = day("2026-04-01").adding(days: Int.random(in: 0..<30, using: &random))
                return AvailabilityBlock(
                    source: sources.randomElement(using: &random)!, uid: "c\(index)", start: start,
                    end: start.adding(days: Int.random(in: 1...6, using: &random)), kind: .reservation)
            }
            var counts: [CalendarDay: Int] = [:]
            for claim in claims { for night in claim.nights { counts[night, default: 0] += 1 } }
            let expected = Set(counts.filter { $0.value > capacity }.keys)
            let conflicts = ConflictResolver().conflicts(in: claims, capacity: capacity)
            let found = conflicts.flatMap(\.nights)
            #expect(Set(found) == expected, "seed \(seed)")
            #expect(found.count == expected.count, "seed \(seed): a night in two conflicts")
            for conflict in conflicts {
                #expect(
                    conflict.claims.allSatisfy { claim in conflict.nights.contains { claim.nights.contains($0) } },
                    "seed \(seed)")
                let resolution = ConflictResolver(policy: .channelPriority(sources)).resolve(conflict)
                if resolution.isResolved {
                    #expect(resolution.kept.count + resolution.displaced.count == conflict.claims.count)
                    for night in conflict.nights {
                        #expect(resolution.kept.count { $0.nights.contains(night) } <= capacity, "seed \(seed)")
                    }
                }
            }
        }
    }
}
