import Foundation
import IntegrationPatterns
import Testing

@Suite("SubscriptionLifecycle: dunning as a pure state machine over Stripe events")
struct SubscriptionLifecycleTests {
    typealias Event = SubscriptionLifecycle.Event
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    static func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    static func apply(_ lifecycle: inout SubscriptionLifecycle, _ event: Event) { _ = lifecycle.apply(event) }

    @Test("a failed renewal then a paid retry: past_due with access, then active and recovered")
    func recovery() {
        var subscription = SubscriptionLifecycle()
        var outcome = subscription.apply(
            .subscription(.subscriptionCreated, id: "evt_1", created: Self.t0, status: .active))
        #expect(outcome.actions == [.statusChanged(from: nil, to: .active), .grantAccess])
        outcome = subscription.apply(
            .invoicePaymentFailed(
                id: "evt_2", created: Self.at(720), invoice: "in_2", attempt: 1, nextAttempt: Self.at(762)))
        #expect(
            outcome.actions == [
                .statusChanged(from: .active, to: .pastDue),
                .notifyPaymentFailed(invoiceID: "in_2", attempt: 1, nextAttemptAt: Self.at(762)),
            ])
        #expect(subscription.status == .pastDue)
        #expect(subscription.hasAccess)
        #expect(subscription.failedAttempts == 1)
        #expect(subscription.nextAttemptAt == Self.at(762))
        outcome = subscription.apply(.invoicePaid(id: "evt_3", created: Self.at(762), invoice: "in_2"))
        #expect(outcome.actions == [.statusChanged(from: .pastDue, to: .active), .recovered(invoiceID: "in_2")])
        #expect(subscription.failedAttempts == 0)
        #expect(subscription.failingInvoiceID == nil)
    }

    @Test("duplicates and stale events change nothing and say so")
    func duplicatesAndStale() {
        var subscription = SubscriptionLifecycle()
        let failed = Event.invoicePaymentFailed(
            id: "evt_2", created: Self.at(1), invoice: "in_1", attempt: 1, nextAttempt: Self.at(43))
        _ = subscription.apply(failed)
        let again = subscription.apply(failed)
        #expect(again.disposition == .duplicate)
        _ = subscription.apply(.subscription(.subscriptionUpdated, id: "evt_3", created: Self.at(2), status: .pastDue))
        let late = subscription.apply(
            .subscription(.subscriptionCreated, id: "evt_1", created: Self.t0, status: .active))
        #expect(late.disposition == .stale)
        #expect(late.actions.isEmpty)
        #expect(subscription.status == .pastDue)
        let unknown = subscription.apply(Event(id: "evt_9", type: "invoice.created", created: Self.at(3)))
        #expect(unknown.disposition == .unhandled)
        #expect(
            subscription.apply(Event(id: "evt_10", type: "customer.subscription.updated", created: Self.at(4)))
                .disposition
                == .unusable)
    }

    @Test("eight deliveries of one failed attempt notify once; each new attempt notifies once")
    func notificationsFollowState() {
        var subscription = SubscriptionLifecycle()
        var notifications = 0
        for delivery in 0..<8 {
            let outcome = subscription.apply(
                .invoicePaymentFailed(
                    id: "evt_fail_1_\(delivery % 2)", created: Self.at(1), invoice: "in_1", attempt: 1,
                    nextAttempt: Self.at(43)))
            notifications += outcome.actions.filter { if case .notifyPaymentFailed = $0 { true } else { false } }.count
        }
        #expect(notifications == 1)
        let second = subscription.apply(
            .invoicePaymentFailed(
                id: "evt_fail_2", created: Self.at(43), invoice: "in_1", attempt: 2, nextAttempt: Self.at(85)))
        #expect(second.actions == [.notifyPaymentFailed(invoiceID: "in_1", attempt: 2, nextAttemptAt: Self.at(85))])
    }

    @Test(
        "after the last retry the policy decides: cancel, mark unpaid, or leave past_due",
        arguments: DunningPolicy.FinalOutcome.allCases)
    func exhausted(outcome: DunningPolicy.FinalOutcome) {
        var subscription = SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: outcome))
        _ = subscription.apply(.subscription(.subscriptionCreated, id: "evt_0", created: Self.t0, status: .active))
        for attempt in 1...3 {
            _ = subscription.apply(
                .invoicePaymentFailed(
                    id: "evt_\(attempt)", created: Self.at(Double(attempt) * 42), invoice: "in_1", attempt: attempt,
                    nextAttempt: Self.at(Double(attempt + 1) * 42)))
        }
        #expect(subscription.hasAccess)
        let final = subscription.apply(
            .invoicePaymentFailed(id: "evt_4", created: Self.at(168), invoice: "in_1", attempt: 4, nextAttempt: nil))
        #expect(final.actions.contains(.retriesExhausted(invoiceID: "in_1", outcome: outcome)))
        #expect(subscription.retriesExhausted)
        #expect(subscription.status == outcome.status)
        #expect(subscription.hasAccess == (outcome == .leavePastDue))
        #expect(final.actions.contains(.revokeAccess) == (outcome != .leavePastDue))
    }

    @Test("a fixed schedule of your own: 8 retries in 2 weeks are 42 hours apart, then the final outcome")
    func fixedSchedule() {
        var subscription = SubscriptionLifecycle(policy: .eightRetriesInTwoWeeks)
        let first = subscription.apply(
            .invoicePaymentFailed(id: "evt_1", created: Self.t0, invoice: "in_1", attempt: 1, nextAttempt: nil))
        #expect(first.actions.contains(.scheduleRetry(invoiceID: "in_1", at: Self.at(42))))
        #expect(subscription.nextAttemptAt == Self.at(42))
        for attempt in 2...8 {
            _ = subscription.apply(
                .invoicePaymentFailed(
                    id: "evt_\(attempt)", created: Self.at(Double(attempt - 1) * 42), invoice: "in_1", attempt: attempt,
                    nextAttempt: nil))
        }
        #expect(subscription.nextAttemptAt == Self.at(8 * 42))
        #expect(Self.at(8 * 42) == Self.at(14 * 24))
        let last = subscription.apply(
            .invoicePaymentFailed(id: "evt_9", created: Self.at(14 * 24), invoice: "in_1", attempt: 9, nextAttempt: nil)
        )
        #expect(last.actions.contains(.retriesExhausted(invoiceID: "in_1", outcome: .cancel)))
        #expect(subscription.status == .canceled)
    }

    @Test("authentication required: ask the customer once, and no retry-failure email")
    func authentication() {
        var subscription = SubscriptionLifecycle()
        _ = subscription.apply(.subscription(.subscriptionCreated, id: "evt_0", created: Self.t0, status: .active))
        let outcome = subscription.apply(
            .invoicePaymentActionRequired(id: "evt_1", created: Self.at(1), invoice: "in_1"))
        #expect(
            outcome.actions == [.statusChanged(from: .active, to: .pastDue), .requestAuthentication(invoiceID: "in_1")])
        #expect(subscription.awaitingAuthentication)
        _ = subscription.apply(.invoicePaid(id: "evt_2", created: Self.at(2), invoice: "in_1"))
        #expect(!subscription.awaitingAuthentication)
        #expect(subscription.status == .active)
    }

    @Test("the first invoice failing keeps an incomplete subscription incomplete, until it expires")
    func incomplete() {
        var subscription = SubscriptionLifecycle()
        _ = subscription.apply(.subscription(.subscriptionCreated, id: "evt_0", created: Self.t0, status: .incomplete))
        _ = subscription.apply(
            .invoicePaymentFailed(id: "evt_1", created: Self.at(0.1), invoice: "in_1", attempt: 1, nextAttempt: nil))
        #expect(subscription.status == .incomplete)
        #expect(!subscription.hasAccess)
        _ = subscription.apply(
            .subscription(.subscriptionUpdated, id: "evt_2", created: Self.at(23), status: .incompleteExpired))
        #expect(subscription.status == .incompleteExpired)
        let late = subscription.apply(.invoicePaid(id: "evt_3", created: Self.at(24), invoice: "in_1"))
        #expect(subscription.status == .incompleteExpired)
        #expect(late.actions.isEmpty)
    }

    @Test("trial_will_end notifies; leaving a terminal status is flagged")
    func trialAndUnexpected() {
        var subscription = SubscriptionLifecycle()
        _ = subscription.apply(.subscription(.subscriptionCreated, id: "evt_0", created: Self.t0, status: .trialing))
        #expect(
            subscription.apply(Event(id: "evt_1", type: "customer.subscription.trial_will_end", created: Self.at(1)))
                .actions
                == [.notifyTrialEnding])
        #expect(SubscriptionLifecycle.Status.canceled.canMove(to: .active) == false)
        #expect(SubscriptionLifecycle.Status.pastDue.canMove(to: .trialing) == false)
        #expect(SubscriptionLifecycle.Status.pastDue.canMove(to: .unpaid))
    }

    // MARK: - Any order, with duplicates, ends in the same state.

    static let recoveryEvents: [Event] = [
        .subscription(.subscriptionCreated, id: "evt_a", created: t0, status: .active),
        .invoicePaymentFailed(id: "evt_b", created: at(720), invoice: "in_2", attempt: 1, nextAttempt: at(762)),
        .subscription(.subscriptionUpdated, id: "evt_c", created: at(720), status: .pastDue),
        .invoicePaymentFailed(id: "evt_d", created: at(762), invoice: "in_2", attempt: 2, nextAttempt: at(804)),
        .invoicePaid(id: "evt_e", created: at(804), invoice: "in_2"),
        .subscription(.subscriptionUpdated, id: "evt_f", created: at(804), status: .active),
    ]

    @Test("recovery: every order of six events plus a duplicate ends active, with access and no failure")
    func recoveryConverges() {
        let events = Self.recoveryEvents + [Self.recoveryEvents[1]]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(), orders: Orderings.permutations(events), apply: Self.apply)
        #expect(final.status == .active)
        #expect(final.hasAccess)
        #expect(final.failedAttempts == 0)
    }

    @Test("the same recovery without the final subscription update still ends active, in any order")
    func recoveryFromInvoiceAlone() {
        let events = Array(Self.recoveryEvents.dropLast()) + [Self.recoveryEvents[3]]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(), orders: Orderings.permutations(events), apply: Self.apply)
        #expect(final.status == .active)
    }

    @Test("exhausted retries marked unpaid: every order of the events, with duplicates, ends unpaid")
    func exhaustedConverges() {
        let events: [Event] = [
            .subscription(.subscriptionCreated, id: "evt_a", created: Self.t0, status: .active),
            .invoicePaymentFailed(
                id: "evt_b", created: Self.at(1), invoice: "in_1", attempt: 1, nextAttempt: Self.at(43)),
            .invoicePaymentFailed(
                id: "evt_c", created: Self.at(43), invoice: "in_1", attempt: 2, nextAttempt: Self.at(85)),
            .subscription(.subscriptionUpdated, id: "evt_d", created: Self.at(1), status: .pastDue),
            .invoicePaymentFailed(id: "evt_e", created: Self.at(85), invoice: "in_1", attempt: 3, nextAttempt: nil),
        ]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: .markUnpaid)),
            orders: Orderings.permutations(events + [events[2], events[4]]), apply: Self.apply)
        #expect(final.status == .unpaid)
        #expect(!final.hasAccess)
        #expect(final.retriesExhausted)
        #expect(final.failedAttempts == 3)
    }

    @Test("events of the same second order by lifecycle rank, so ties converge too")
    func sameSecond() {
        let events: [Event] = [
            .subscription(.subscriptionUpdated, id: "evt_z", created: Self.t0, status: .active),
            .subscription(.subscriptionUpdated, id: "evt_y", created: Self.t0, status: .pastDue),
            .invoicePaymentFailed(id: "evt_x", created: Self.t0, invoice: "in_1", attempt: 1, nextAttempt: Self.at(42)),
            .invoicePaid(id: "evt_w", created: Self.t0, invoice: "in_1"),
        ]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(), orders: Orderings.permutations(events + [events[0]]), apply: Self.apply)
        #expect(final.status == .active)
    }

    @Test("a higher object version wins over a lower one in the same second")
    func objectVersion() {
        let events: [Event] = [
            .subscription(.subscriptionUpdated, id: "evt_1", created: Self.t0, status: .pastDue, objectVersion: 2),
            .subscription(.subscriptionUpdated, id: "evt_2", created: Self.t0, status: .active, objectVersion: 3),
        ]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(), orders: Orderings.permutations(events), apply: Self.apply)
        #expect(final.status == .active)
    }

    @Test("cancellation is terminal: every order of a canceled subscription's events ends canceled")
    func canceledConverges() {
        let events: [Event] = [
            .subscription(.subscriptionCreated, id: "evt_a", created: Self.t0, status: .trialing),
            .invoicePaid(id: "evt_b", created: Self.at(72), invoice: "in_1"),
            .subscription(.subscriptionUpdated, id: "evt_c", created: Self.at(72), status: .active),
            .subscription(.subscriptionDeleted, id: "evt_d", created: Self.at(100), status: .canceled),
            .invoicePaid(id: "evt_e", created: Self.at(200), invoice: "in_2"),
        ]
        let final = Orderings.finalState(
            of: SubscriptionLifecycle(), orders: Orderings.permutations(events + [events[3]]), apply: Self.apply)
        #expect(final.status == .canceled)
        #expect(!final.hasAccess)
    }

    @Test("random sequences: seeded shuffles of twelve events with duplicates all end alike")
    func randomSequences() {
        for seed in UInt64(0)..<20 {
            var random = SplitMix64(seed: seed)
            var events: [Event] = []
            for index in 0..<12 {
                let created = Self.at(Double(random.next() % 48))
                switch random.next() % 4 {
                case 0:
                    let statuses: [SubscriptionLifecycle.Status] = [.active, .pastDue, .unpaid, .trialing, .paused]
                    events.append(
                        .subscription(
                            .subscriptionUpdated, id: "evt_\(index)", created: created,
                            status: statuses[Int(random.next() % UInt64(statuses.count))]))
                case 1:
                    let attempt = Int(random.next() % 4) + 1
                    events.append(
                        .invoicePaymentFailed(
                            id: "evt_\(index)", created: created, invoice: "in_\(random.next() % 2)", attempt: attempt,
                            nextAttempt: attempt == 4 ? nil : created.addingTimeInterval(86_400)))
                case 2:
                    events.append(
                        .invoicePaid(id: "evt_\(index)", created: created, invoice: "in_\(random.next() % 2)"))
                default:
                    events.append(
                        .invoicePaymentActionRequired(
                            id: "evt_\(index)", created: created, invoice: "in_\(random.next() % 2)"))
                }
            }
            events += events.prefix(3)
            _ = Orderings.finalState(
                of: SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: .markUnpaid)),
                orders: Orderings.shuffles(events, count: 200, seed: seed), apply: Self.apply)
        }
    }
}
