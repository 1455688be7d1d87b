#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace authkit::emulator {

// One WorkOS event (docs/workos-authkit.md#events): what happened, to which object, and when.
struct WorkOsEvent
{
    QString id;       // event_<ULID>
    QString event;    // "user.created", "session.created", …
    QJsonObject data; // the object as the API returns it
    QDateTime createdAt;

    // {"object":"event","id","event","data","created_at","context":{}}: the Events API item and
    // the webhook body.
    QJsonObject toJson() const;
};

// The emulator's event stream, oldest first, bounded (the oldest go past the cap), with the
// Events API's cursor paging. Every recorded event is also handed to onRecorded (webhooks).
class EventLog
{
public:
    static constexpr int kDefaultCap = 10000;

    void setCap(int cap) { m_cap = cap; }
    const WorkOsEvent &record(const QString &event, const QJsonObject &data, const QDateTime &now);

    struct Page
    {
        QList<WorkOsEvent> events;
        bool cursorFound = true; // false: "after" names no event still held
    };
    // Up to limit events after the one named by after (from the start when empty), of the
    // given types (all when empty).
    Page list(const QStringList &types, const QString &after, int limit) const;
    int size() const { return int(m_events.size()); }

    std::function<void(const WorkOsEvent &)> onRecorded;

private:
    QList<WorkOsEvent> m_events;
    int m_cap = kDefaultCap;
};

} // namespace authkit::emulator
