#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace authkit::emulator {

// One scripted failure for the next N requests to an endpoint group.
struct Fault
{
    enum class Action { Respond, Delay, Drop, DropAfterCommit };
    int id = 0;
    QString endpoint; // authorize | authenticate | jwks | logout | hosted | convex (function API)
    Action action = Action::Respond;
    int remaining = 1;
    int status = 0; // 0: the real reply (Delay only)
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;

    QJsonObject toJson() const;
};

class FaultInjector
{
public:
    static const QStringList &endpoints();

    // Parses a control request body; nullopt with error for bad input.
    static std::optional<Fault> parse(const QJsonObject &object, QString *error);

    int add(Fault fault);
    // The fault that applies to the next request of endpoint, consuming one use.
    std::optional<Fault> take(const QString &endpoint);
    QList<Fault> pending() const { return m_faults; }
    void clear() { m_faults.clear(); }

private:
    QList<Fault> m_faults;
    int m_nextId = 1;
};

} // namespace authkit::emulator
