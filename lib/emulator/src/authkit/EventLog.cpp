#include "EventLog_p.h"

#include "HttpMessage_p.h"
#include "Ids_p.h"

namespace authkit::emulator {

QJsonObject WorkOsEvent::toJson() const
{
    return {{QStringLiteral("object"), QStringLiteral("event")},
            {QStringLiteral("id"), id},
            {QStringLiteral("event"), event},
            {QStringLiteral("data"), data},
            {QStringLiteral("created_at"), isoTimestamp(createdAt)},
            {QStringLiteral("context"), QJsonObject()}};
}

const WorkOsEvent &EventLog::record(const QString &event, const QJsonObject &data,
                                    const QDateTime &now)
{
    while (m_events.size() >= m_cap)
        m_events.removeFirst();
    m_events.append(WorkOsEvent{QStringLiteral("event_") + ids::ulid(now.toMSecsSinceEpoch()),
                                event, data, now});
    const WorkOsEvent &recorded = m_events.constLast();
    if (onRecorded)
        onRecorded(recorded);
    return recorded;
}

EventLog::Page EventLog::list(const QStringList &types, const QString &after, int limit) const
{
    Page page;
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = -1;
        for (qsizetype i = 0; i < m_events.size(); ++i) {
            if (m_events.at(i).id == after) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            page.cursorFound = false;
            return page;
        }
    }
    for (qsizetype i = start; i < m_events.size() && page.events.size() < limit; ++i) {
        if (types.isEmpty() || types.contains(m_events.at(i).event))
            page.events.append(m_events.at(i));
    }
    return page;
}

} // namespace authkit::emulator
