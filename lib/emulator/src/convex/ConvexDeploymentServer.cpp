#include "ConvexDeploymentServer_p.h"

#include "ConvexSyncSession_p.h"
#include "EmulatorLog_p.h"
#include "HttpMessage_p.h"
#include "WorkOsSignature_p.h"

#include <authkitqt/convex/Timestamp.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QWebSocket>

#include <cmath>

namespace authkit::emulator {

using convex::ConvexValue;

namespace {

constexpr int kMaxRememberedMutations = 1000; // per session, as the backend's buffer
// A larger sync frame or message closes the socket (1009) at its header, before any of it is
// buffered: the backend takes function arguments up to 16 MiB, plus the message around them.
constexpr quint64 kMaxSyncMessageBytes = 17 * 1024 * 1024;

HttpResponse convexError(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status, {{QStringLiteral("code"), code},
                                       {QStringLiteral("message"), message}});
}

// format "json": lossy, int64 as a decimal string, bytes as base64, odd floats by name.
QJsonValue cleanJson(const ConvexValue &value)
{
    switch (value.type()) {
    case ConvexValue::Type::Null: return QJsonValue::Null;
    case ConvexValue::Type::Bool: return value.toBool();
    case ConvexValue::Type::Int64: return QString::number(value.toInt64());
    case ConvexValue::Type::Float64: {
        const double number = value.toFloat64();
        if (std::isnan(number))
            return QStringLiteral("NaN");
        if (std::isinf(number))
            return number > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return number;
    }
    case ConvexValue::Type::String: return value.toString();
    case ConvexValue::Type::Bytes: return QString::fromLatin1(value.toBytes().toBase64());
    case ConvexValue::Type::Array: {
        QJsonArray array;
        for (const ConvexValue &element : value.toArray())
            array.append(cleanJson(element));
        return array;
    }
    case ConvexValue::Type::Object: {
        QJsonObject object;
        const ConvexValue::Object fields = value.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            object.insert(it.key(), cleanJson(it.value()));
        return object;
    }
    }
    return QJsonValue::Null;
}

// The backend's envelope for the HTTP core's own refusals.
HttpResponse convexRefusal(int status, const QString &message)
{
    static const QHash<int, QString> codes{
        {404, QStringLiteral("NotFound")},
        {405, QStringLiteral("MethodNotAllowed")},
        {408, QStringLiteral("RequestTimeout")},
        {413, QStringLiteral("PayloadTooLarge")},
        {421, QStringLiteral("MisdirectedRequest")},
        {431, QStringLiteral("RequestHeaderFieldsTooLarge")},
        {501, QStringLiteral("NotImplemented")},
        {505, QStringLiteral("HttpVersionNotSupported")},
    };
    if (status == 404)
        return convexError(404, codes.value(404), QStringLiteral("Not found"));
    if (status == 405)
        return convexError(405, codes.value(405), QStringLiteral("Method not allowed"));
    return convexError(status, codes.value(status, QStringLiteral("BadRequest")), message);
}

// The token of Authorization: Bearer <jwt>, empty for none (or an admin key).
QString bearerToken(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() < 7 || !authorization.left(7).toLower().startsWith("bearer "))
        return QString();
    return QString::fromLatin1(authorization.mid(7).trimmed());
}

} // namespace

ConvexDeploymentServer::ConvexDeploymentServer(std::unique_ptr<ConvexDatabase> database,
                                               ConvexTokenValidator validator, Clock clock,
                                               FaultInjector &faults, HttpPortSettings http,
                                               QObject *parent)
    : QObject(parent)
    , m_http(faults, http.limits, http.timeouts, http.maxConnections)
    , m_webSockets(QStringLiteral("authkit-emulator"), QWebSocketServer::NonSecureMode)
    , m_database(std::move(database))
    , m_functions(*m_database)
    , m_validator(std::move(validator))
    , m_clock(std::move(clock))
{
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &ConvexDeploymentServer::acceptWebSockets);
    addRoutes();
}

quint16 ConvexDeploymentServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http.listen(address, port);
}

void ConvexDeploymentServer::addRoutes()
{
    m_http.setErrorFormat(convexRefusal);
    m_http.addRoute("GET", QStringLiteral("/"), QString(), [](const HttpRequest &, const QStringList &) {
        return HttpResponse::text(200, "This Convex deployment is running. See "
                                       "https://docs.convex.dev/.",
                                  "text/plain; charset=utf-8");
    });
    m_http.addRoute("*", QStringLiteral("/_emulator/.*"), QString(),
                    [this](const HttpRequest &request, const QStringList &) {
                        return controlRequest(request);
                    });
    // The token is checked before the function runs; its key set may have to be fetched first.
    m_http.addAsyncRoute(
        "*",
        QStringLiteral("/api/(?:query|mutation|action|function|query_ts|run/(?:[^/]+/)*[^/]+/[^/]+)"),
        QStringLiteral("convex"),
        [this](const HttpRequest &request, const QStringList &,
               EmulatorHttpServer::Responder respond) {
            m_validator.prepare(bearerToken(request),
                                [this, request, respond = std::move(respond)] {
                                    respond(functionRequest(request));
                                });
        });
    // As @convex-dev/workos-authkit registers it with registerRoutes(http).
    m_http.addRoute(
        "POST", QStringLiteral("/workos/webhook"), QString(),
        [this](const HttpRequest &request, const QStringList &) {
            QString why;
            const int status =
                acceptWorkOsWebhook(request.body, request.header("workos-signature"), &why);
            return HttpResponse::text(status, status == 200 ? QByteArray("OK") : why.toUtf8(),
                                      "text/plain; charset=utf-8");
        });
    // The sync protocol: the socket goes to QWebSocketServer with its handshake unread.
    m_http.setUpgradeRoute(QStringLiteral("/api(/[^/]+)?/sync"), [this](QTcpSocket *socket) {
        m_webSockets.handleConnection(socket);
        // The handshake is already buffered: no new readyRead would announce it.
        Q_EMIT socket->readyRead();
    });
}

ConvexDeploymentServer::~ConvexDeploymentServer()
{
    // Sessions refer to us: they go first.
    for (const QPointer<ConvexSyncSession> &session : std::as_const(m_sessions))
        delete session.data();
}

std::optional<QByteArray> ConvexDeploymentServer::mutationAnswer(const QString &sessionId,
                                                                 quint32 requestId) const
{
    const auto session = m_mutationAnswers.constFind(sessionId);
    if (session == m_mutationAnswers.constEnd() || !session->contains(requestId))
        return std::nullopt;
    return session->value(requestId);
}

void ConvexDeploymentServer::rememberMutationAnswer(const QString &sessionId, quint32 requestId,
                                                    const QByteArray &answer)
{
    QMap<quint32, QByteArray> &answers = m_mutationAnswers[sessionId];
    answers.insert(requestId, answer);
    while (answers.size() > kMaxRememberedMutations)
        answers.erase(answers.begin());
}

void ConvexDeploymentServer::notifyCommitted(const QSet<QString> &tables)
{
    for (const QPointer<ConvexSyncSession> &session : std::as_const(m_sessions)) {
        if (session)
            session->tablesChanged(tables);
    }
}

void ConvexDeploymentServer::acceptWebSockets()
{
    while (m_webSockets.hasPendingConnections()) {
        std::unique_ptr<QWebSocket> socket(m_webSockets.nextPendingConnection());
        if (!socket)
            continue;
        socket->setMaxAllowedIncomingFrameSize(kMaxSyncMessageBytes);
        socket->setMaxAllowedIncomingMessageSize(kMaxSyncMessageBytes);
        m_sessions.removeAll(QPointer<ConvexSyncSession>());
        auto *session = new ConvexSyncSession(std::move(socket), *this, this);
        m_sessions.append(session);
    }
}

int ConvexDeploymentServer::acceptWorkOsWebhook(const QByteArray &body,
                                                const QByteArray &signatureHeader, QString *error)
{
    if (m_workOsWebhookSecret.isEmpty()) {
        *error = QStringLiteral("no WorkOS webhook secret is configured");
        return 401;
    }
    if (!workos::verifySignature(signatureHeader, body, m_workOsWebhookSecret,
                                 QDateTime::currentMSecsSinceEpoch(), kWebhookToleranceMs, error))
        return 401;
    const QJsonDocument event = QJsonDocument::fromJson(body);
    if (!event.isObject()) {
        *error = QStringLiteral("the body is not a WorkOS event");
        return 400;
    }
    const ConvexFunctionResult result = m_functions.applyWorkOsEvent(event.object());
    if (!result.success) {
        *error = result.errorMessage;
        return 400;
    }
    if (!result.writtenTables.isEmpty())
        notifyCommitted(result.writtenTables);
    return 200;
}

HttpResponse ConvexDeploymentServer::functionRequest(const HttpRequest &request)
{
    const QString path = request.path();
    static const QHash<QString, ConvexFunctions::Kind> kinds{
        {QStringLiteral("/api/query"), ConvexFunctions::Kind::Query},
        {QStringLiteral("/api/mutation"), ConvexFunctions::Kind::Mutation},
        {QStringLiteral("/api/action"), ConvexFunctions::Kind::Action},
    };
    static const QRegularExpression runPath(QStringLiteral("^/api/run/((?:[^/]+/)*[^/]+)/([^/]+)$"));
    const auto kind = kinds.constFind(path);
    const auto run = runPath.match(path);
    const bool known = kind != kinds.constEnd() || run.hasMatch()
                       || path == QLatin1String("/api/function")
                       || path == QLatin1String("/api/query_ts");
    if (!known)
        return convexError(404, QStringLiteral("NotFound"), QStringLiteral("Not found"));
    // GET /api/query?path=…&args=<json>&format=…: the same call as the POST.
    if (request.method == "GET" && path == QLatin1String("/api/query")) {
        HttpRequest post = request;
        QJsonObject body{{QStringLiteral("path"), request.query(QStringLiteral("path"))}};
        if (request.hasQuery(QStringLiteral("args")))
            body.insert(QStringLiteral("args"),
                        QJsonDocument::fromJson(request.query(QStringLiteral("args")).toUtf8())
                            .object());
        if (request.hasQuery(QStringLiteral("format")))
            body.insert(QStringLiteral("format"), request.query(QStringLiteral("format")));
        post.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return runFunction(post, ConvexFunctions::Kind::Query);
    }
    if (request.method != "POST")
        return convexError(405, QStringLiteral("MethodNotAllowed"),
                           QStringLiteral("Method not allowed"));
    if (path == QLatin1String("/api/query_ts"))
        return HttpResponse::json(
            200, {{QStringLiteral("ts"), convex::Timestamp::encode(m_database->latestTs())}});
    if (run.hasMatch()) {
        // The last segment is the function, the rest the module path.
        return runFunction(request, std::nullopt, run.captured(1) + QLatin1Char(':') + run.captured(2));
    }
    if (path == QLatin1String("/api/function"))
        return runFunction(request, std::nullopt);
    return runFunction(request, *kind);
}

HttpResponse ConvexDeploymentServer::controlRequest(const HttpRequest &request)
{
    // JSON only, as the AuthKit side's control API: a web page cannot forge these.
    if (request.method != "POST" || request.mediaType() != "application/json")
        return convexError(request.method != "POST" ? 405 : 415, QStringLiteral("BadRequest"),
                           QStringLiteral("POST a JSON body (Content-Type: application/json)"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const bool closeSockets = request.path() == QLatin1String("/_emulator/sockets/close");
    const bool authError = request.path() == QLatin1String("/_emulator/auth-error");
    if (!closeSockets && !authError)
        return convexError(404, QStringLiteral("NotFound"), QStringLiteral("Not found"));
    int affected = 0;
    const auto sessions = m_sessions; // a session may go away meanwhile
    for (const QPointer<ConvexSyncSession> &session : sessions) {
        if (!session)
            continue;
        if (closeSockets) {
            session->drop(body.value(QStringLiteral("code")).toInt(1011),
                          body.value(QStringLiteral("reason")).toString(
                              QStringLiteral("InternalServerError")));
            ++affected;
        } else if (session->isAuthenticated()) {
            session->sendAuthError(
                body.value(QStringLiteral("error")).toString(
                    QStringLiteral("Convex token identity expired")),
                body.value(QStringLiteral("authUpdateAttempted")).toBool(false));
            ++affected;
        }
    }
    return HttpResponse::json(200, {{QStringLiteral("sockets"), affected}});
}

HttpResponse ConvexDeploymentServer::runFunction(const HttpRequest &request,
                                                 std::optional<ConvexFunctions::Kind> kind,
                                                 const QString &forcedPath,
                                                 const QString &defaultFormat)
{
    // Authorization: Bearer <jwt> is a user; anything else the backend takes for an admin key.
    std::optional<ConvexIdentity> identity;
    const QByteArray authorization = request.header("authorization").trimmed();
    if (!authorization.isEmpty()) {
        if (authorization.size() < 7)
            return convexError(400, QStringLiteral("InvalidHeaderFailure"),
                               QStringLiteral("Invalid authentication header"));
        if (!authorization.left(7).toLower().startsWith("bearer "))
            return convexError(400, QStringLiteral("InvalidAdminKey"),
                               QStringLiteral("Invalid admin key"));
        const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
        const ConvexTokenCheck check = m_validator.check(token, nowSecs());
        if (!check.identity)
            return convexError(401, check.code, check.message);
        identity = check.identity;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject())
        return convexError(400, QStringLiteral("BadJsonBody"),
                           QStringLiteral("Failed to deserialize the JSON body: %1")
                               .arg(parseError.errorString()));
    const QJsonObject body = document.object();
    const QString path = forcedPath.isEmpty() ? body.value(QStringLiteral("path")).toString()
                                               : forcedPath;
    if (path.isEmpty())
        return convexError(400, QStringLiteral("BadJsonBody"),
                           QStringLiteral("Failed to deserialize the JSON body: missing field "
                                          "`path`"));
    const QString format = body.value(QStringLiteral("format")).toString(defaultFormat);
    const bool encoded = format == QLatin1String("convex_encoded_json")
                         || format == QLatin1String("convex_json");
    if (!encoded && !format.isEmpty() && format != QLatin1String("json")
        && format != QLatin1String("convex_clean_json")) {
        return convexError(400, QStringLiteral("BadFormat"),
                           QStringLiteral("format param must be one of [`json`]. Got %1")
                               .arg(format));
    }
    // Inputs are always convex encoded JSON; an array is the legacy positional form.
    QJsonValue argsJson = body.value(QStringLiteral("args"));
    if (argsJson.isArray())
        argsJson = argsJson.toArray().isEmpty() ? QJsonValue(QJsonObject())
                                                : argsJson.toArray().first();
    QString argsError;
    const std::optional<ConvexValue> args =
        argsJson.isUndefined() || argsJson.isNull() ? ConvexValue::fromObject({})
                                                    : ConvexValue::fromJson(argsJson, &argsError);
    if (!args || !args->isObject())
        return convexError(400, QStringLiteral("BadJsonBody"),
                           QStringLiteral("Invalid args: %1")
                               .arg(argsError.isEmpty() ? QStringLiteral("args must be an object")
                                                        : argsError));

    // Without a kind (/api/function, /api/run) the path's own; an unknown path fails as a query.
    const ConvexFunctions::Kind runAs =
        kind.value_or(ConvexFunctions::kindOf(path).value_or(ConvexFunctions::Kind::Query));
    const ConvexFunctionResult result = m_functions.run(runAs, path, *args, identity);
    if (!result.writtenTables.isEmpty())
        notifyCommitted(result.writtenTables);
    QJsonObject envelope;
    if (result.success) {
        envelope.insert(QStringLiteral("status"), QStringLiteral("success"));
        envelope.insert(QStringLiteral("value"), encoded ? result.value.toJson().value_or(QJsonValue())
                                                         : cleanJson(result.value));
    } else {
        envelope.insert(QStringLiteral("status"), QStringLiteral("error"));
        envelope.insert(QStringLiteral("errorMessage"), result.errorMessage);
        if (result.errorData)
            envelope.insert(QStringLiteral("errorData"),
                            encoded ? result.errorData->toJson().value_or(QJsonValue())
                                    : cleanJson(*result.errorData));
    }
    if (!result.logLines.isEmpty())
        envelope.insert(QStringLiteral("logLines"), QJsonArray::fromStringList(result.logLines));
    return HttpResponse::json(200, envelope);
}

} // namespace authkit::emulator
