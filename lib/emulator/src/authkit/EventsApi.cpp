#include "EventsApi_p.h"

#include <QJsonArray>

namespace authkit::emulator {

namespace {

// events=a,b (what @workos-inc/node sends) or repeated events= / events[]= parameters.
QStringList requestedTypes(const HttpRequest &request)
{
    QStringList types;
    const QUrlQuery query(request.url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name != QLatin1String("events") && name != QLatin1String("events[]"))
            continue;
        for (const QString &type : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            types.append(type.trimmed());
    }
    return types;
}

} // namespace

HttpResponse EventsApi::list(const HttpRequest &request)
{
    if (auto refused = m_state.requireApiKey(request, QStringLiteral("The Events API")))
        return *refused;

    int limit = kDefaultLimit;
    if (request.hasQuery(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit) {
            return codeError(422, QStringLiteral("invalid_request_parameters"),
                             QStringLiteral("limit must be between 1 and %1.").arg(kMaxLimit));
        }
    }
    const QString after = request.query(QStringLiteral("after"));
    const EventLog::Page page = m_state.events().list(requestedTypes(request), after, limit);
    if (!page.cursorFound) {
        return codeError(422, QStringLiteral("invalid_request_parameters"),
                         QStringLiteral("after names no event this environment still holds."));
    }
    QJsonArray data;
    for (const WorkOsEvent &event : page.events)
        data.append(event.toJson());
    const QJsonValue next = page.events.isEmpty()
                                ? QJsonValue(after.isEmpty() ? QJsonValue::Null : QJsonValue(after))
                                : QJsonValue(page.events.constLast().id);
    return HttpResponse::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                    {QStringLiteral("data"), data},
                                    {QStringLiteral("list_metadata"),
                                     QJsonObject{{QStringLiteral("before"), QJsonValue::Null},
                                                 {QStringLiteral("after"), next}}}});
}

} // namespace authkit::emulator
