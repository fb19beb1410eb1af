import Foundation
import IntegrationPatterns
import Testing

@Suite("DisputeLifecycle: inquiries and chargebacks over Stripe events")
struct DisputeLifecycleTests {
    typealias Event = DisputeLifecycle.Event
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    static func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }
    static let amount = Money(minorUnits: 15_000_000, currency: CurrencyTable.standard["COP"]!)
    static let due = at(7 * 24)

    static func apply(_ lifecycle: inout DisputeLifecycle, _ event: Event) { _ = lifecycle.apply(event) }

    static let wonEvents: [Event] = [
        .dispute(
            .created, id: "evt_1", created: t0, dispute: "du_1", status: .needsResponse, amount: amount,
            evidenceDueBy: due, balanceTransactionCount: 0, charge: "ch_1"),
        .dispute(
            .fundsWithdrawn, id: "evt_2", created: at(0.01), dispute: "du_1", status: .needsResponse, amount: amount,
            evidenceDueBy: due, balanceTransactionCount: 1, charge: "ch_1"),
        .dispute(
            .updated, id: "evt_3", created: at(48), dispute: "du_1", status: .underReview, amount: amount,
            evidenceDueBy: due, balanceTransactionCount: 1, charge: "ch_1"),
        .dispute(
            .closed, id: "evt_4", created: at(600), dispute: "du_1", status: .won, amount: amount, evidenceDueBy: due,
            balanceTransactionCount: 1, charge: "ch_1"),
        .dispute(
            .fundsReinstated, id: "evt_5", created: at(600.01), dispute: "du_1", status: .won, amount: amount,
            evidenceDueBy: due, balanceTransactionCount: 2, charge: "ch_1"),
    ]

    @Test("a chargeback won: alert with the due date, withdrawal, review, win, reinstatement")
    func won() {
        var dispute = DisputeLifecycle()
        var outcome = dispute.apply(Self.wonEvents[0])
        #expect(outcome.actions == [.statusChanged(from: nil, to: .needsResponse), .respondBy(Self.due)])
        #expect(dispute.canAcceptLoss)
        #expect(dispute.timeToRespond(at: Self.at(24)) == .seconds(6 * 24 * 3600))
        outcome = dispute.apply(Self.wonEvents[1])
        #expect(outcome.actions == [.recordFundsWithdrawn(Self.amount)])
        outcome = dispute.apply(Self.wonEvents[2])
        #expect(outcome.actions == [.statusChanged(from: .needsResponse, to: .underReview)])
        #expect(!dispute.canAcceptLoss)
        #expect(dispute.timeToRespond(at: Self.at(24)) == nil)
        outcome = dispute.apply(Self.wonEvents[3])
        #expect(outcome.actions == [.statusChanged(from: .underReview, to: .won), .closed(.won)])
        outcome = dispute.apply(Self.wonEvents[4])
        #expect(outcome.actions == [.recordFundsReinstated(Self.amount)])
        #expect(dispute.status == .won)
        #expect(dispute.fundsWithdrawn && dispute.fundsReinstated)
        #expect(dispute.disputeID == "du_1")
        #expect(dispute.chargeID == "ch_1")
    }

    @Test("the evidence deadline: overdue at and after due_by while a response is awaited")
    func deadline() {
        var dispute = DisputeLifecycle()
        _ = dispute.apply(Self.wonEvents[0])
        #expect(!dispute.isEvidenceOverdue(at: Self.due.addingTimeInterval(-1)))
        #expect(dispute.isEvidenceOverdue(at: Self.due))
        _ = dispute.apply(Self.wonEvents[2])
        #expect(!dispute.isEvidenceOverdue(at: Self.due.addingTimeInterval(3600)))
    }

    @Test("accepting the loss is possible only while a response is awaited; lost keeps the funds withdrawn")
    func lost() {
        var dispute = DisputeLifecycle()
        _ = dispute.apply(Self.wonEvents[0])
        _ = dispute.apply(Self.wonEvents[1])
        #expect(dispute.canAcceptLoss)
        let closed = dispute.apply(
            .dispute(
                .closed, id: "evt_9", created: Self.at(2), dispute: "du_1", status: .lost, amount: Self.amount,
                evidenceDueBy: Self.due, balanceTransactionCount: 1))
        #expect(closed.actions == [.statusChanged(from: .needsResponse, to: .lost), .closed(.lost)])
        #expect(!dispute.canAcceptLoss)
        #expect(dispute.fundsWithdrawn && !dispute.fundsReinstated)
    }

    @Test("an inquiry can escalate to a chargeback; leaving a decided status is flagged")
    func inquiry() {
        var dispute = DisputeLifecycle()
        _ = dispute.apply(
            .dispute(
                .created, id: "evt_1", created: Self.t0, dispute: "du_2", status: .warningNeedsResponse,
                evidenceDueBy: Self.due))
        #expect(dispute.status?.isInquiry == true)
        _ = dispute.apply(.dispute(.updated, id: "evt_2", created: Self.at(1), dispute: "du_2", status: .warningClosed))
        #expect(dispute.status?.isClosed == true)
        let escalated = dispute.apply(
            .dispute(
                .updated, id: "evt_3", created: Self.at(2), dispute: "du_2", status: .needsResponse,
                evidenceDueBy: Self.at(200)))
        #expect(
            escalated.actions == [.statusChanged(from: .warningClosed, to: .needsResponse), .respondBy(Self.at(200))])
        _ = dispute.apply(.dispute(.closed, id: "evt_4", created: Self.at(3), dispute: "du_2", status: .lost))
        let odd = dispute.apply(
            .dispute(.updated, id: "evt_5", created: Self.at(4), dispute: "du_2", status: .underReview))
        #expect(odd.actions.contains(.unexpectedTransition(from: .lost, to: .underReview)))
        let otherDispute = dispute.apply(
            .dispute(.updated, id: "evt_6", created: Self.at(5), dispute: "du_other", status: .won))
        #expect(otherDispute.disposition == .unusable)
    }

    @Test("an early fraud warning before any dispute suggests a refund; after one opened it does not")
    func earlyFraudWarning() {
        var before = DisputeLifecycle()
        let warned = before.apply(.earlyFraudWarning(id: "evt_efw", created: Self.t0, charge: "ch_1"))
        #expect(warned.actions == [.considerRefund(chargeID: "ch_1")])
        #expect(before.hasEarlyFraudWarning)
        var after = DisputeLifecycle()
        _ = after.apply(Self.wonEvents[0])
        let tooLate = after.apply(.earlyFraudWarning(id: "evt_efw", created: Self.at(1), charge: "ch_1"))
        #expect(tooLate.actions.isEmpty)
    }

    @Test("a withdrawal is recorded even when its event arrives after a newer update")
    func lateWithdrawal() {
        var dispute = DisputeLifecycle()
        _ = dispute.apply(Self.wonEvents[0])
        _ = dispute.apply(
            .dispute(
                .updated, id: "evt_3", created: Self.at(48), dispute: "du_1", status: .underReview, amount: Self.amount)
        )
        let late = dispute.apply(Self.wonEvents[1])
        #expect(late.disposition == .applied)
        #expect(late.actions == [.recordFundsWithdrawn(Self.amount)])
        #expect(dispute.status == .underReview)
        let withoutStatus = dispute.apply(Event(id: "evt_x", type: "charge.dispute.updated", created: Self.at(50)))
        #expect(withoutStatus.disposition == .unusable)
        let foreign = dispute.apply(Event(id: "evt_y", type: "charge.refunded", created: Self.at(50)))
        #expect(foreign.disposition == .unhandled)
    }

    @Test("won: every order of the five events plus two duplicates ends won, withdrawn and reinstated")
    func wonConverges() {
        let events = Self.wonEvents + [Self.wonEvents[1], Self.wonEvents[3]]
        let final = Orderings.finalState(
            of: DisputeLifecycle(), orders: Orderings.permutations(events), apply: Self.apply)
        #expect(final.status == .won)
        #expect(final.fundsWithdrawn && final.fundsReinstated)
        #expect(final.evidenceDueBy == Self.due)
    }

    @Test("events of the same second, the early warning included: ties converge by lifecycle rank")
    func sameSecond() {
        let events: [Event] = [
            .earlyFraudWarning(id: "evt_0", created: Self.t0, charge: "ch_1"),
            .dispute(
                .created, id: "evt_b", created: Self.t0, dispute: "du_1", status: .needsResponse,
                evidenceDueBy: Self.due),
            .dispute(
                .fundsWithdrawn, id: "evt_a", created: Self.t0, dispute: "du_1", status: .needsResponse,
                evidenceDueBy: Self.due, balanceTransactionCount: 1),
            .dispute(
                .updated, id: "evt_c", created: Self.t0, dispute: "du_1", status: .underReview, evidenceDueBy: Self.due),
        ]
        let final = Orderings.finalState(
            of: DisputeLifecycle(), orders: Orderings.permutations(events + [events[2]]), apply: Self.apply)
        #expect(final.status == .underReview)
        #expect(final.fundsWithdrawn)
        #expect(final.hasEarlyFraudWarning)
    }
}
