#include "FaultInjector_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace authkit::emulator {

const QStringList &FaultInjector::endpoints()
{
    static const QStringList names = {QStringLiteral("authorize"), QStringLiteral("authenticate"),
                                      QStringLiteral("jwks"), QStringLiteral("logout"),
                                      QStringLiteral("hosted"), QStringLiteral("convex")};
    return names;
}

std::optional<Fault> FaultInjector::parse(const QJsonObject &object, QString *error)
{
    Fault fault;
    fault.endpoint = object.value(QStringLiteral("endpoint")).toString();
    if (!endpoints().contains(fault.endpoint)) {
        *error = QStringLiteral("endpoint must be one of: %1")
                     .arg(endpoints().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QString action = object.value(QStringLiteral("action")).toString(QStringLiteral("respond"));
    if (action == QLatin1String("respond"))
        fault.action = Fault::Action::Respond;
    else if (action == QLatin1String("delay"))
        fault.action = Fault::Action::Delay;
    else if (action == QLatin1String("drop"))
        fault.action = Fault::Action::Drop;
    else if (action == QLatin1String("drop_after_commit"))
        fault.action = Fault::Action::DropAfterCommit;
    else {
        *error = QStringLiteral("action must be respond, delay, drop or drop_after_commit");
        return std::nullopt;
    }
    fault.remaining = object.value(QStringLiteral("count")).toInt(1);
    if (fault.remaining < 1 || fault.remaining > 10000) {
        *error = QStringLiteral("count must be between 1 and 10000");
        return std::nullopt;
    }
    fault.status = object.value(QStringLiteral("status")).toInt(0);
    if (fault.action == Fault::Action::Respond && fault.status == 0)
        fault.status = 500;
    if (fault.status != 0 && (fault.status < 200 || fault.status > 599)) {
        *error = QStringLiteral("status must be an HTTP status from 200 to 599");
        return std::nullopt;
    }
    fault.delayMs = object.value(QStringLiteral("delay_ms")).toInt(0);
    if (fault.delayMs < 0 || fault.delayMs > 600000) {
        *error = QStringLiteral("delay_ms must be between 0 and 600000");
        return std::nullopt;
    }
    if (fault.action == Fault::Action::Delay && fault.delayMs == 0) {
        *error = QStringLiteral("a delay needs delay_ms");
        return std::nullopt;
    }
    const QJsonValue body = object.value(QStringLiteral("body"));
    if (body.isObject() || body.isArray()) {
        fault.body = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        fault.contentType = "application/json; charset=utf-8";
    } else if (body.isString()) {
        fault.body = body.toString().toUtf8();
        fault.contentType = "text/plain; charset=utf-8";
    } else if (fault.status >= 400) {
        fault.body = QJsonDocument(QJsonObject{{QStringLiteral("message"),
                                                QStringLiteral("Injected fault.")}})
                         .toJson(QJsonDocument::Compact);
        fault.contentType = "application/json; charset=utf-8";
    }
    const QJsonObject headers = object.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QByteArray name = it.key().toLatin1();
        const QByteArray value = it.value().toVariant().toString().toLatin1();
        if (name.isEmpty() || name.contains('\n') || name.contains('\r') || value.contains('\n')
            || value.contains('\r') || name.contains(':')) {
            *error = QStringLiteral("header names and values must be single lines");
            return std::nullopt;
        }
        fault.headers.append({name, value});
    }
    return fault;
}

int FaultInjector::add(Fault fault)
{
    fault.id = m_nextId++;
    m_faults.append(fault);
    return fault.id;
}

std::optional<Fault> FaultInjector::take(const QString &endpoint)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (fault.endpoint != endpoint)
            continue;
        Fault taken = fault;
        if (--fault.remaining <= 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

QJsonObject Fault::toJson() const
{
    static const char *const actions[] = {"respond", "delay", "drop", "drop_after_commit"};
    QJsonObject headerObject;
    for (const auto &[name, value] : headers)
        headerObject.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return {{QStringLiteral("id"), id},
            {QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("action"), QLatin1String(actions[static_cast<int>(action)])},
            {QStringLiteral("remaining"), remaining},
            {QStringLiteral("status"), status},
            {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("headers"), headerObject}};
}

} // namespace authkit::emulator
