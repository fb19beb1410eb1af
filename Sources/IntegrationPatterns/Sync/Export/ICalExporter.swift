internal import CICal
public import Foundation
internal import Synchronization

/// Writes the unit's own blocks as an iCalendar feed for the channels to import.
///
/// Only blocks whose source is local (``FeedSource/direct``: direct bookings, manual closures) are
/// written; anything imported from a channel is dropped, whatever the caller passes. Re-exporting
/// imported blocks sends each channel its own bookings back as yours and the blocks multiply (research
/// file ical-ota.md §5.2, "echo loops"). Each event gets a stable UID (`<uid>@<uidDomain>` unless the UID
/// already has a domain), a DTSTAMP, a SEQUENCE and all-day dates with an exclusive DTEND; guest details
/// never leave: every event's SUMMARY is ``summary``. Cancelled blocks can be written with
/// `STATUS:CANCELLED`, though OTAs are known to ignore most of this and simply drop vanished events.
public struct ICalExporter: Sendable {
    /// The calendar's PRODID.
    public var productID: String
    /// The domain appended to UIDs that have none.
    public var uidDomain: String
    /// The SUMMARY of every exported event (guest names and notes are never exported).
    public var summary: String
    /// The calendar's `X-WR-CALNAME`, if any.
    public var calendarName: String?

    /// Creates an exporter.
    public init(
        productID: String = "-//ipm//Integration Patterns Mastery//EN", uidDomain: String = "ipm.local",
        summary: String = "Not available", calendarName: String? = nil
    ) {
        self.productID = productID
        self.uidDomain = uidDomain
        self.summary = summary
        self.calendarName = calendarName
    }

    /// The calendar text (CRLF line ends, folded at 75 octets by libical) of the local blocks among
    /// `blocks`, plus the local blocks among `cancelled` marked `STATUS:CANCELLED`.
    public func export(_ blocks: [AvailabilityBlock], cancelled: [AvailabilityBlock] = [], at now: Date) -> String {
        let own = blocks.filter(\.source.isLocal).sorted(by: ConflictResolver.claimOrder)
        let gone = cancelled.filter(\.source.isLocal).sorted(by: ConflictResolver.claimOrder)
        return LibICal.lock.withLock { _ in
            guard let calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT) else { return "" }
            defer { icalcomponent_free(calendar) }
            icalcomponent_add_property(calendar, icalproperty_new_version("2.0"))
            icalcomponent_add_property(calendar, icalproperty_new_prodid(productID))
            icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"))
            icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH))
            if let calendarName, let property = icalproperty_new_x(calendarName) {
                icalproperty_set_x_name(property, "X-WR-CALNAME")
                icalcomponent_add_property(calendar, property)
            }
            let stamp = icaltime_from_timet_with_zone(
                time_t(now.timeIntervalSince1970.rounded(.down)), 0, icaltimezone_get_utc_timezone())
            for (block, isCancelled) in own.map({ ($0, false) }) + gone.map({ ($0, true) }) {
                guard let event = icalcomponent_new(ICAL_VEVENT_COMPONENT) else { continue }
                icalcomponent_add_property(event, icalproperty_new_uid(uid(for: block)))
                icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp))
                icalcomponent_add_property(event, icalproperty_new_dtstart(Self.date(block.start)))
                icalcomponent_add_property(event, icalproperty_new_dtend(Self.date(block.end)))
                icalcomponent_add_property(event, icalproperty_new_sequence(isCancelled ? 1 : 0))
                icalcomponent_add_property(event, icalproperty_new_summary(summary))
                icalcomponent_add_property(
                    event, icalproperty_new_status(isCancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
                icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE))
                icalcomponent_add_component(calendar, event)
            }
            guard let text = icalcomponent_as_ical_string_r(calendar) else { return "" }
            defer { icalmemory_free_buffer(text) }
            return String(cString: text)
        }
    }

    /// The exported UID of a block: its own UID, with `@uidDomain` added when it has no domain.
    public func uid(for block: AvailabilityBlock) -> String {
        block.uid.contains("@") ? block.uid : "\(block.uid)@\(uidDomain)"
    }

    private static func date(_ day: CalendarDay) -> icaltimetype {
        var time = icaltime_null_date()
        let (year, month, dayOfMonth) = day.components
        time.year = Int32(year)
        time.month = Int32(month)
        time.day = Int32(dayOfMonth)
        return time
    }
}
